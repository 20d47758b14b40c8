"""A live sister chromatid exchange simulator (ipywidgets): choose a mean, simulate a cell, see it.

For readers running the notebook (Binder, JupyterLab); the static page has the precomputed explorer
(lcbook.figures.sce.sce_explorer) instead. Messages are escaped HTML: nothing typed is read as markup.
"""
from __future__ import annotations


import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from lcbook.widgets import LiveBox, alert_html, note_html, set_figure
from lcbook.figures.sce import metaphase_figure
from lcbook.sce import BLOOM_MEAN, NORMAL_MEAN, SOURCE_SHORT, Metaphase, simulate_metaphase

__all__ = ["SCESimulator", "sce_simulator"]

MAX_SLIDER_MEAN = 150.0


class SCESimulator(LiveBox):
    """A mean-exchanges slider, a seed, a "Simulate a cell" button, a message and the cell's chromosomes."""

    def __init__(self, mean: float = BLOOM_MEAN, seed: int = 1) -> None:
        self.mean = widgets.FloatSlider(
            value=min(max(float(mean), 0.0), MAX_SLIDER_MEAN), min=0.0, max=MAX_SLIDER_MEAN, step=0.1,
            description="Mean exchanges per cell", continuous_update=False, readout_format=".1f",
            style={"description_width": "initial"}, layout=widgets.Layout(width="100%", max_width="36rem"),
        )
        self.seed = widgets.IntText(value=seed, description="Seed", style={"description_width": "initial"},
                                    layout=widgets.Layout(width="12rem"))
        self.button = widgets.Button(description="Simulate a cell", button_style="primary",
                                     tooltip="Draw a new simulated cell with this mean and seed")
        self.message = widgets.HTML()
        self.output = widgets.Output()
        #: The last simulated cell and its figure (kept when an input is not valid).
        self.metaphase: Metaphase | None = None
        self.figure: go.Figure | None = None
        self._cells = 0  # cells drawn with the current seed, so each press gives a new cell
        super().__init__([self.mean, self.seed, self.button, self.message, self.output])
        self.button.on_click(lambda _button: self.simulate())
        self.seed.observe(self._on_seed, names="value")
        self.simulate()

    @property
    def count(self) -> int | None:
        """The number of exchanges in the cell shown (None before the first cell)."""
        return None if self.metaphase is None else self.metaphase.exchange_count

    def simulate(self, mean: object = None, seed: object = None) -> bool:
        """Simulate one cell (default: the widgets' mean and seed) and show it; on bad input say why."""
        mean = self.mean.value if mean is None else mean
        seed = self.seed.value if seed is None else seed
        try:
            if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
                raise ValueError(f"The seed must be a whole number, 0 or more, not {seed!r}.")
            rng = np.random.default_rng([int(seed), self._cells])
            metaphase = simulate_metaphase(mean, rng)
        except ValueError as error:
            self.message.value = error_html(str(error), kept=self.metaphase is not None)
            return False
        self._cells += 1
        self.metaphase = metaphase
        self.figure = metaphase_figure(metaphase, f"Simulated cell (mean {float(mean):g})")
        set_figure(self.output, self.figure, count_text(metaphase.exchange_count, float(mean)))
        self.message.value = note_html(count_text(metaphase.exchange_count, float(mean)))
        return True

    def _on_seed(self, change: dict) -> None:
        self._cells = 0  # a new seed starts its own sequence of cells


def count_text(count: int, mean: float) -> str:
    """What the simulated cell shows, against the published averages."""
    return (f"This simulated cell has {count} sister chromatid exchange{'s' if count != 1 else ''} "
            f"(mean set to {mean:g}). Bloom syndrome cells average about {BLOOM_MEAN:.0f} per metaphase, "
            f"typical cells about {NORMAL_MEAN:.0f} ({SOURCE_SHORT}).")


def error_html(message: str, kept: bool = False) -> str:
    """A friendly, escaped message for input that cannot be simulated."""
    return alert_html("No cell was simulated.", message, "The chromosomes below are still those of the last simulated cell." if kept else "")


def sce_simulator(mean: float = BLOOM_MEAN, seed: int = 1) -> SCESimulator:
    """A live simulator: set the mean exchanges per cell and a seed, press "Simulate a cell"."""
    return SCESimulator(mean, seed)
