"""A live skin cross-section (ipywidgets): choose a pattern, a number of cells and a seed, and redraw.

For readers running the notebook (Binder, JupyterLab); the static page has the precomputed
cross-section (lcbook.figures.skin.skin_cross_section) instead. Messages are escaped HTML: nothing
typed is read as markup.
"""
from __future__ import annotations


import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lcbook.figures.skin import PATTERN_INFO, cross_section_figure
from lcbook.skin import DEFAULT_CELLS, LAYERS, MAX_CELLS, PATTERNS, Infiltrate, place_cells
from lcbook.widgets import LiveBox, alert_html, note_html, set_figure

__all__ = ["SkinExplorer", "skin_explorer", "error_html"]

MAX_SLIDER_CELLS = min(1000, MAX_CELLS)


def error_html(message: str, kept: bool = False) -> str:
    """A friendly, escaped message for input that cannot be drawn."""
    kept_text = "The cross-section below is still the last one drawn." if kept else ""
    return alert_html("Nothing was redrawn.", message, kept_text)


def summary_text(infiltrate: Infiltrate) -> str:
    """Where the cells of a drawing lie, layer by layer, and the pattern's sources."""
    info = PATTERN_INFO[infiltrate.pattern]
    if infiltrate.n_cells == 0:
        return f"{info.label}: no leukemic cells ({info.sources})."
    counts = infiltrate.counts_by_layer()
    where = ", ".join(f"{counts[name]} in the {name}" for name in LAYERS)
    return f"{info.label}: {infiltrate.n_cells} cells, {where} ({info.sources})."


class SkinExplorer(LiveBox):
    """A pattern menu, a cells slider, a seed, a "Draw" button, a message and the cross-section."""

    def __init__(self, pattern: str = "nodular_diffuse", n_cells: int | None = None, seed: int = 1) -> None:
        start = pattern if pattern in PATTERNS else "nodular_diffuse"
        self.pattern = widgets.Dropdown(options=[(PATTERN_INFO[p].label, p) for p in PATTERNS], value=start,
                                        description="Pattern", style={"description_width": "initial"})
        default = DEFAULT_CELLS[start] if n_cells is None else n_cells
        self.cells = widgets.IntSlider(value=min(max(int(default), 0), MAX_SLIDER_CELLS), min=0,
                                       max=MAX_SLIDER_CELLS, step=10, description="Cells",
                                       continuous_update=False, style={"description_width": "initial"},
                                       layout=widgets.Layout(width="100%", max_width="30rem"))
        self.seed = widgets.IntText(value=seed, description="Seed", style={"description_width": "initial"},
                                    layout=widgets.Layout(width="12rem"))
        self.button = widgets.Button(description="Draw", button_style="primary",
                                     tooltip="Place the cells again with this pattern, number and seed")
        self.message = widgets.HTML()
        self.output = widgets.Output()
        #: The last drawing and its figure (kept when an input is not valid).
        self.infiltrate: Infiltrate | None = None
        self.figure: go.Figure | None = None
        super().__init__([self.pattern, self.cells, self.seed, self.button, self.message, self.output])
        self.button.on_click(lambda _button: self.draw())
        self.pattern.observe(self._on_pattern, names="value")
        self.draw()

    def draw(self, pattern: object = None, n_cells: object = None, seed: object = None) -> bool:
        """Place the cells (default: the widgets' values) and show them; on bad input say why."""
        pattern = self.pattern.value if pattern is None else pattern
        n_cells = self.cells.value if n_cells is None else n_cells
        seed = self.seed.value if seed is None else seed
        try:
            if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
                raise ValueError(f"The seed must be a whole number, 0 or more, not {seed!r}.")
            infiltrate = place_cells(pattern, np.random.default_rng(int(seed)), n_cells=n_cells)
        except ValueError as error:
            self.message.value = error_html(str(error), kept=self.infiltrate is not None)
            return False
        self.infiltrate = infiltrate
        self.figure = cross_section_figure(infiltrate)
        text = summary_text(infiltrate)
        set_figure(self.output, self.figure, text)
        self.message.value = note_html(text)
        return True

    def _on_pattern(self, change: dict) -> None:
        self.cells.value = min(DEFAULT_CELLS[change["new"]], MAX_SLIDER_CELLS)
        self.draw()


def skin_explorer(pattern: str = "nodular_diffuse", n_cells: int | None = None, seed: int = 1) -> SkinExplorer:
    """A live cross-section: pick a pattern, a number of cells (up to MAX_CELLS) and a seed, press "Draw"."""
    return SkinExplorer(pattern, n_cells, seed)

