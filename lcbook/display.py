"""How the chapter's figures reach a reader: in the static HTML (plotly + small JS) and live in Jupyter.

The plotly renderer is configured here, once, when ``lcbook`` is imported; no notebook repeats it.
A figure is shown as a bundle of two representations: the plotly mimetype (a live figure in
JupyterLab) and an HTML fragment that does not load plotly.js itself (the book's Sphinx extension,
``lcbook.sphinxext``, serves plotly.js once from ``_static``, only on pages that hold a figure).
"""
from __future__ import annotations

import hashlib
import html
import json
import textwrap
from dataclasses import dataclass, field
from typing import Any, Sequence

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"
RENDERER_NAME = "lcbook"

#: plotly.js options for every figure: responsive to the page width, no mode bar (its icons are
#: not keyboard-operable and crowd a phone's screen), no plotly logo.
PLOTLY_CONFIG: dict[str, Any] = {"responsive": True, "displayModeBar": False, "displaylogo": False}

#: Okabe-Ito, the colour-blind-safe palette used for every highlight in the chapter.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}


def wrap_lines(text: str, width: int = 40) -> str:
    """Break plain text into lines of at most about ``width`` characters, joined by <br> for plotly."""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or ""


def _figure_json(fig: go.Figure) -> str:
    """Deterministic JSON for a figure (sorted keys), the basis of its stable element id."""
    return pio.to_json(fig, validate=False, remove_uids=True, pretty=False, engine="json")


def stable_id(prefix: str, *parts: str) -> str:
    """An HTML id derived from content, so that two builds write the same page."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{digest}"


#: The smallest text a chart shows: below 12 px a label is hard to read on a phone.
MIN_FONT_PX = 12


def readable_fonts(spec: Any, in_font: bool = False) -> Any:
    """A figure's JSON (or a state's patch) with every font size below ``MIN_FONT_PX`` raised to it."""
    if isinstance(spec, dict):
        return {k: _readable_entry(k, v, in_font) for k, v in spec.items()}
    if isinstance(spec, list):
        return [readable_fonts(v, in_font) for v in spec]
    return spec


def _readable_entry(key: str, value: Any, in_font: bool) -> Any:
    # Keys may be plotly.js paths, as in a state's patch: "annotations[0].font.size".
    path = key.split(".")
    if path[-1] == "size" and (in_font if len(path) == 1 else path[-2].endswith("font")):
        return _at_least(value)
    return readable_fonts(value, path[-1].endswith("font"))


def _at_least(size: Any) -> Any:
    if isinstance(size, list):
        return [_at_least(v) for v in size]
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size < MIN_FONT_PX:
        return MIN_FONT_PX
    return size


#: plotly's own default height, used for the placeholder of a figure that does not set one.
DEFAULT_HEIGHT_PX = 450


def figure_div(fig: go.Figure, div_id: str | None = None) -> str:
    """The HTML that draws a figure with the page's plotly.js, once it comes near the screen.

    A sized, empty <div> (so that nothing moves when the figure appears) and the figure's JSON; the
    page's script (``lcbook.js``) loads plotly.js and draws it when the reader scrolls near it.
    """
    fig_json = _figure_json(fig)
    div_id = div_id or stable_id("lc-fig", fig_json)
    height = fig.layout.height or DEFAULT_HEIGHT_PX
    parsed = readable_fonts(json.loads(fig_json))
    spec = json.dumps(
        {"data": parsed.get("data", []), "layout": parsed.get("layout", {}), "config": PLOTLY_CONFIG},
        sort_keys=True, separators=(",", ":"),
    ).replace("</", "<\\/")
    return (
        f'<div id="{div_id}" class="plotly-graph-div lc-plot" style="height:{height}px;width:100%"></div>'
        f'<script type="application/json" class="lc-plot-data" data-lc-for="{div_id}">{spec}</script>'
    )


@dataclass(frozen=True)
class Prose:
    """Text that a page shows as wrapped HTML (a list, a paragraph) and a notebook prints as plain text."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


class LCBookRenderer(MimetypeRenderer):
    """Plotly renderer that emits the plotly mimetype (JupyterLab) and self-hosted HTML (the book)."""

    def to_mimebundle(self, fig_dict: dict) -> dict[str, Any]:
        fig = go.Figure(fig_dict)
        live = readable_fonts(json.loads(pio.to_json(fig, validate=False, remove_uids=False)))
        live["config"] = PLOTLY_CONFIG
        return {PLOTLY_MIMETYPE: live, "text/html": figure_div(fig)}


def configure_plotly() -> None:
    """Register the chapter's renderer and make it plotly's default (idempotent)."""
    if RENDERER_NAME not in pio.renderers:
        pio.renderers[RENDERER_NAME] = LCBookRenderer()
    pio.renderers.default = RENDERER_NAME


@dataclass(frozen=True)
class State:
    """One client-side state of an interactive figure: what a control sets, and what it means."""

    label: str
    description: str
    data: dict[str, Any] = field(default_factory=dict)
    layout: dict[str, Any] = field(default_factory=dict)
    traces: tuple[int, ...] | None = None


@dataclass(frozen=True)
class TextAlternative:
    """What a reader who cannot see the figure gets: a one-line takeaway and the data as a table."""

    takeaway: str
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()


@dataclass(frozen=True)
class Interactive:
    """A figure with keyboard-operable controls that switch between precomputed states, in the page."""

    figure: go.Figure
    alt: TextAlternative
    states: tuple[State, ...] = ()
    control_label: str = "Show"
    control: str = "buttons"  # "buttons" or "slider"
    initial: int = 0
    #: How the figure is made (model, random seed, sources): folded under the caption.
    method: str = ""
    #: Pages the figure leads to, in groups: ((group label, ((link text, href), ...)), ...).
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def __post_init__(self) -> None:
        if self.control not in ("buttons", "slider"):
            raise ValueError(f"control must be 'buttons' or 'slider', not {self.control!r}")
        if self.states and not 0 <= self.initial < len(self.states):
            raise ValueError(f"initial state {self.initial} is not one of the {len(self.states)} states")

    def figure_at(self, index: int) -> go.Figure:
        """The figure as it looks after choosing state ``index`` (what the page's JS does, in Python)."""
        fig = go.Figure(self.figure)
        if not self.states:
            return fig
        state = self.states[index]
        # plotly.js replaces a whole list (shapes=[...], annotations=[...]) where plotly.py would
        # merge it item by item; set such lists directly, so this matches what the page shows.
        whole = {k: v for k, v in state.layout.items() if "." not in k and "[" not in k and isinstance(v, list)}
        rest = {k: v for k, v in state.layout.items() if k not in whole}
        fig.plotly_update(
            restyle_data=state.data or None,
            relayout_data=rest or None,
            trace_indexes=list(state.traces) if state.traces is not None else None,
        )
        for key, value in whole.items():
            fig.layout[key] = value
        return fig

    def to_html(self) -> str:
        """The HTML fragment for the static page: controls, figure, live description, text alternative."""
        fig = self.figure_at(self.initial) if self.states else self.figure
        fig_json = _figure_json(fig)
        div_id = stable_id("lc-fig", fig_json)
        parts = [f'<figure class="lc-interactive" data-lc-figure="{div_id}">']
        if self.states:
            parts.append(_controls_html(self, div_id))
        # The chart sits right under its controls, so that every tap shows its change on a phone;
        # the state's description follows the chart, where a longer one pushes nothing that was seen.
        parts.append(figure_div(fig, div_id))
        if self.states:
            desc = html.escape(self.states[self.initial].description)
            parts.append(
                f'<p class="lc-state-description" id="{div_id}-desc" aria-live="polite">{desc}</p>'
            )
        if self.states:
            payload = [
                {
                    "label": s.label,
                    "description": s.description,
                    "data": s.data,
                    "layout": s.layout,
                    "traces": list(s.traces) if s.traces is not None else None,
                }
                for s in self.states
            ]
            states_json = pio.json.to_json_plotly(readable_fonts(json.loads(pio.json.to_json_plotly(payload))))
            # Escape "</" so that no text in the states can close the script element.
            states_json = states_json.replace("</", "<\\/")
            parts.append(
                f'<script type="application/json" class="lc-states">{states_json}</script>'
            )
        parts.append(_alt_html(self.alt, _how_to_use(self)))
        if self.method:
            parts.append(
                '<details class="lc-method"><summary>How this figure is made</summary>'
                f"<p>{html.escape(self.method)}</p></details>"
            )
        if self.links:
            parts.append(_links_html(self.links))
        parts.append("</figure>")
        return "\n".join(parts)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        fig = self.figure_at(self.initial) if self.states else self.figure
        live = json.loads(pio.to_json(fig, validate=False, remove_uids=False))
        live["config"] = PLOTLY_CONFIG
        return {
            PLOTLY_MIMETYPE: live,
            "text/html": self.to_html(),
            "text/plain": self.alt.takeaway,
        }


#: More states than this are offered as a menu on a phone instead of a row of buttons.
MANY_STATES = 6


def _controls_html(interactive: Interactive, div_id: str) -> str:
    label = html.escape(interactive.control_label)
    if interactive.control == "slider":
        n = len(interactive.states)
        current = html.escape(interactive.states[interactive.initial].label)
        return (
            f'<div class="lc-controls lc-slider">'
            f'<label for="{div_id}-range">{label}: '
            f'<output id="{div_id}-out" for="{div_id}-range">{current}</output></label>'
            f'<input type="range" id="{div_id}-range" min="0" max="{n - 1}" step="1" '
            f'value="{interactive.initial}" aria-valuetext="{current}" data-lc-target="{div_id}"></div>'
        )
    buttons = []
    if len(interactive.states) > MANY_STATES:
        # On a phone a long row of buttons would push the chart off the screen: a menu takes one line.
        options = "".join(
            f'<option value="{i}"{" selected" if i == interactive.initial else ""}>{html.escape(s.label)}</option>'
            for i, s in enumerate(interactive.states)
        )
        buttons.append(
            f'<select class="lc-state-select" id="{div_id}-select" aria-label="{label}" '
            f'data-lc-target="{div_id}">{options}</select>'
        )
    for i, state in enumerate(interactive.states):
        pressed = "true" if i == interactive.initial else "false"
        buttons.append(
            f'<button type="button" class="lc-state-button" data-lc-target="{div_id}" '
            f'data-lc-state="{i}" aria-pressed="{pressed}">{html.escape(state.label)}</button>'
        )
    many = " lc-many" if len(interactive.states) > MANY_STATES else ""
    return (
        f'<div class="lc-controls{many}" role="group" aria-label="{label}">'
        f'<span class="lc-controls-label" aria-hidden="true">{label}:</span>'
        + "".join(buttons)
        + "</div>"
    )


def _links_html(links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> str:
    items = []
    for group, targets in links:
        anchors = ", ".join(
            f'<a href="{html.escape(href)}">{html.escape(text)}</a>' for text, href in targets
        )
        items.append(f"<li>{html.escape(group)}: {anchors}</li>")
    return (
        '<nav class="lc-figure-links" aria-label="Pages this figure leads to">'
        f'<p>Read on, page by page:</p><ul>{"".join(items)}</ul></nav>'
    )


def _how_to_use(interactive: Interactive) -> str:
    """The caption's first words: what the reader can do with the figure."""
    if not interactive.states:
        return "Tap or point at the chart for its numbers."
    if interactive.control == "slider":
        return "Drag the slider (or use the arrow keys) to change the chart; the text under it says what changed."
    if len(interactive.states) > MANY_STATES:
        return "Choose what the chart shows, above it; the text under it says what changed."
    return "Tap a button to change the chart; the text under it says what changed."


def _alt_html(alt: TextAlternative, how: str = "") -> str:
    lead = f'<span class="lc-how">{html.escape(how)}</span> ' if how else ""
    parts = [f'<figcaption class="lc-takeaway">{lead}{html.escape(alt.takeaway)}</figcaption>']
    if alt.columns:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in alt.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
            for row in alt.rows
        )
        parts.append(
            '<details class="lc-data-table"><summary>The figure as a table</summary>'
            f'<div class="lc-table-scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div></details>"
        )
    return "\n".join(parts)

