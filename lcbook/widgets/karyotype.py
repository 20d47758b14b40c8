"""A live karyotype explorer (ipywidgets): type an ISCN karyotype and see its karyogram.

For readers running the notebook (Binder, JupyterLab); the static page has the preset viewer
(lcbook.figures.karyotype.karyotype_viewer) instead. Everything shown as HTML is escaped: what a
reader types is never interpreted as markup.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.graph_objects as go

from lcbook.errors import FriendlyError
from lcbook.widgets import LiveBox, set_figure
from lcbook.figures.karyotype import RESOLUTIONS, karyogram
from lcbook.karyotype import Karyotype, KaryotypeError, describe, parse_karyotype

__all__ = ["KaryotypeExplorer", "karyotype_explorer"]

_ERROR_STYLE = "border-left:6px solid #D55E00;padding:0.35rem 0.75rem;margin:0.4rem 0"
_OK_STYLE = "border-left:6px solid #0072B2;padding:0.35rem 0.75rem;margin:0.4rem 0"
_SHOWN_INPUT = 60  # characters of the input shown around an error


class KaryotypeExplorer(LiveBox):
    """A Text input for ISCN, a band-level choice, a message area and the karyogram, redrawn on change."""

    def __init__(self, initial: str = "47,XY,+21", resolution: int = 400) -> None:
        if resolution not in RESOLUTIONS:
            raise FriendlyError(
                f"There is no band level {resolution!r}: use one of {', '.join(map(str, RESOLUTIONS))}."
            )
        self.text = widgets.Text(
            value=initial,
            description="Karyotype (ISCN)",
            placeholder="such as 47,XY,+21 or 46,XX,t(9;22)(q34;q11.2)",
            continuous_update=False,  # redraw on Enter or when the field loses focus
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="42rem"),
        )
        self.resolution = widgets.ToggleButtons(
            options=[(f"{r} bands", r) for r in RESOLUTIONS],
            value=resolution,
            description="Band level",
            tooltips=["coarse: about 400 bands per haploid set", "about 550 bands", "fine: about 850 bands"],
            style={"description_width": "initial", "button_width": "6.5rem"},
        )
        self.message = widgets.HTML()
        self.output = widgets.Output()
        #: The last karyotype that could be read, and its figure (kept while the input is malformed).
        self.karyotype: Karyotype | None = None
        self.figure: go.Figure | None = None
        super().__init__([self.text, self.resolution, self.message, self.output])
        self.text.observe(self._on_text, names="value")
        self.resolution.observe(self._on_resolution, names="value")
        self.show()

    def show(self, text: str | None = None) -> bool:
        """Read the karyotype (default: the input's) and draw it; on an error say what to fix. True if drawn."""
        text = self.text.value if text is None else text
        try:
            k = parse_karyotype(text)
        except KaryotypeError as error:
            self.message.value = error_html(text, error, kept=self.figure is not None)
            return False
        self._draw(k)
        self.message.value = about_html(k)
        return True

    def _draw(self, k: Karyotype) -> None:
        fig = karyogram(k, self.resolution.value)
        self.karyotype, self.figure = k, fig
        set_figure(self.output, fig, describe(k))

    def _on_text(self, change: dict) -> None:
        self.show(change["new"])

    def _on_resolution(self, change: dict) -> None:
        if not self.show() and self.karyotype is not None:
            self._draw(self.karyotype)  # the last good karyotype at the new level; the message stays


def error_html(text: str, error: KaryotypeError, kept: bool = False) -> str:
    """The parser's message as escaped HTML, with the input marked where the problem is."""
    parts = [f'<div role="alert" style="{_ERROR_STYLE}"><strong>This karyotype could not be read.</strong> ',
             html.escape(error.message)]
    if error.position is not None and text:
        pos = max(0, min(error.position, len(text)))
        start = max(0, pos - _SHOWN_INPUT // 2)
        end = min(len(text), start + _SHOWN_INPUT)
        before, at, after = text[start:pos], text[pos:pos + 1], text[pos + 1:end]
        marked = f"<mark>{html.escape(at)}</mark>" if at else "<mark>&nbsp;</mark>"
        parts.append(
            "<br><code>" + ("&hellip;" if start else "") + html.escape(before) + marked + html.escape(after)
            + ("&hellip;" if end < len(text) else "") + "</code>"
        )
    if kept:
        parts.append("<br><em>The karyogram below still shows the last karyotype that could be read.</em>")
    parts.append("</div>")
    return "".join(parts)


def about_html(k: Karyotype) -> str:
    """What a karyotype means in plain English, and the parser's notes, as escaped HTML."""
    parts = [f'<div style="{_OK_STYLE}"><p style="margin:0">{html.escape(describe(k))}</p>']
    if k.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in k.warnings)
        parts.append(f'<p style="margin:0.3rem 0 0">Notes:</p><ul style="margin:0">{items}</ul>')
    parts.append("</div>")
    return "".join(parts)


def karyotype_explorer(initial: str = "47,XY,+21") -> KaryotypeExplorer:
    """A live explorer: type an ISCN karyotype, choose the band level, see the karyogram and its meaning."""
    return KaryotypeExplorer(initial)
