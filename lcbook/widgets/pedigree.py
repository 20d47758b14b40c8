"""A live pedigree explorer (ipywidgets): choose the penetrance, the family (seed) and its size.

For readers running the notebook (Binder, JupyterLab); the static page has the precomputed slider
(lcbook.figures.pedigree.pedigree_explorer) instead. Messages are escaped HTML: nothing typed is
read as markup. On input that cannot be used, the last family stays on screen.
"""
from __future__ import annotations


import ipywidgets as widgets
import plotly.graph_objects as go

from lcbook.figures.pedigree import DEFAULT_SEED, describe, pedigree_figure
from lcbook.pedigree import MAX_CHILDREN, Pedigree, simulate_family
from lcbook.widgets import LiveBox, alert_html, note_html, set_figure

__all__ = ["PedigreeExplorer", "pedigree_widget", "error_html"]



def error_html(message: str, kept: bool = False) -> str:
    """A friendly, escaped message for input that cannot be drawn."""
    return alert_html("No family was drawn.", message, "The pedigree below is still the last family drawn." if kept else "")


class PedigreeExplorer(LiveBox):
    """Penetrance slider, seed, children per couple, a "New family" button, a message and the pedigree."""

    def __init__(self, penetrance: float = 0.5, seed: int = DEFAULT_SEED, children: int = 3) -> None:
        wide = {"description_width": "initial"}
        self.penetrance = widgets.FloatSlider(
            value=min(max(float(penetrance), 0.0), 1.0), min=0.0, max=1.0, step=0.05,
            description="Penetrance", readout_format=".0%", continuous_update=False, style=wide,
            layout=widgets.Layout(width="100%", max_width="32rem"))
        self.seed = widgets.IntText(value=seed, description="Family (seed)", style=wide,
                                    layout=widgets.Layout(width="14rem"))
        self.n_children = widgets.IntText(value=children, description=f"Children per couple (1-{MAX_CHILDREN})",
                                        style=wide, layout=widgets.Layout(width="18rem"))
        self.button = widgets.Button(description="New family", button_style="primary",
                                     tooltip="Draw another family: the next seed")
        self.message = widgets.HTML()
        self.output = widgets.Output()
        #: The last family drawn and its figure (kept when an input cannot be used).
        self.pedigree: Pedigree | None = None
        self.figure: go.Figure | None = None
        super().__init__([self.penetrance, widgets.HBox([self.seed, self.n_children]), self.button,
                          self.message, self.output])
        for control in (self.penetrance, self.seed, self.n_children):
            control.observe(lambda _change: self.draw(), names="value")
        self.button.on_click(self._on_click)
        self.draw()

    def draw(self, penetrance: object = None, seed: object = None, children: object = None) -> bool:
        """Draw the family for the given (default: the widgets') values; on bad input say why."""
        penetrance = self.penetrance.value if penetrance is None else penetrance
        seed = self.seed.value if seed is None else seed
        children = self.n_children.value if children is None else children
        try:
            family = simulate_family(seed, penetrance, children)
        except ValueError as error:
            self.message.value = error_html(str(error), kept=self.pedigree is not None)
            return False
        self.pedigree = family
        self.figure = pedigree_figure(family)
        text = describe(family)
        set_figure(self.output, self.figure, text)
        self.message.value = note_html(text)
        return True

    def _on_click(self, _button: widgets.Button) -> None:
        self.seed.value = max(self.seed.value or 0, 0) + 1  # the change redraws


def pedigree_widget(penetrance: float = 0.5, seed: int = DEFAULT_SEED, children: int = 3) -> PedigreeExplorer:
    """A live pedigree: set the penetrance, pick a family (seed) and its size; see carriers and affected."""
    return PedigreeExplorer(penetrance, seed, children)
