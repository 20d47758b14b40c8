"""A live clonal-expansion simulator (ipywidgets): set the pool, the bias, runs, seed and time; see the clones.

For readers running the notebook (Binder, JupyterLab); the static page has the precomputed explorer
(lcbook.figures.clonal.clonal_expansion_explorer) instead. The sizes are bounded (at most 1,000 stem
cells, 2,000 generations and 8 runs, one colour each) so that no setting can hang the kernel. Messages are escaped
HTML: nothing typed is read as markup.
"""
from __future__ import annotations


import ipywidgets as widgets
import plotly.graph_objects as go

from lcbook.clonal import (
    DEFAULT_ASYMMETRIC_SHARE,
    MAX_GENERATIONS,
    MAX_POOL_SIZE,
    MIN_POOL_SIZE,
    PoolModel,
    RunSet,
    died_out_share,
    fixation_probability,
    simulate_runs,
)
from lcbook.figures.clonal import RUN_COLOURS, clone_runs_figure
from lcbook.widgets import LiveBox, alert_html, note_html, set_figure

__all__ = ["ClonalSimulator", "clonal_simulator", "error_html", "summary_text"]

_WIDE = widgets.Layout(width="100%", max_width="30rem")
_STYLE = {"description_width": "initial"}


class ClonalSimulator(LiveBox):
    """Inputs for pool size, bias, runs, seed and generations; a "Run" button; a message and the figure."""

    def __init__(self, pool_size: int = 200, bias: float = 0.05, runs: int = 8, seed: int = 7,
                 generations: int = 400) -> None:
        self.pool_size = widgets.IntText(value=pool_size, description=f"Stem cells in the pool ({MIN_POOL_SIZE}–"
                                         f"{MAX_POOL_SIZE:,})", style=_STYLE, layout=_WIDE)
        self.bias = widgets.FloatText(value=bias, step=0.01, description="Bias toward self-renewal (0 = neutral)",
                                      style=_STYLE, layout=_WIDE)
        self.runs = widgets.IntSlider(value=min(max(runs, 1), len(RUN_COLOURS)), min=1, max=len(RUN_COLOURS),
                                      description="Runs", continuous_update=False, style=_STYLE, layout=_WIDE)
        self.seed = widgets.IntText(value=seed, description="Seed", style=_STYLE,
                                    layout=widgets.Layout(width="12rem"))
        self.generations = widgets.IntText(value=generations, description=f"Generations (1–{MAX_GENERATIONS:,})",
                                           style=_STYLE, layout=_WIDE)
        self.button = widgets.Button(description="Run", button_style="primary",
                                     tooltip="Simulate the clones with these settings")
        self.message = widgets.HTML()
        self.output = widgets.Output()
        #: The last simulated runs and their figure (kept when an input is not valid).
        self.result: RunSet | None = None
        self.figure: go.Figure | None = None
        super().__init__([self.pool_size, self.bias, self.runs, self.seed, self.generations, self.button,
                          self.message, self.output])
        self.button.on_click(lambda _button: self.simulate())
        self.simulate()

    def simulate(self, **overrides: object) -> bool:
        """Run the model with the widgets' values (or ``overrides``) and show it; on bad input say why."""
        values = {"pool_size": self.pool_size.value, "bias": self.bias.value, "runs": self.runs.value,
                  "seed": self.seed.value, "generations": self.generations.value} | overrides
        try:
            runs = values["runs"]
            if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= len(RUN_COLOURS):
                raise ValueError(f"The number of runs must be a whole number from 1 to {len(RUN_COLOURS)}, "
                                 f"not {runs!r}.")
            model = PoolModel(values["pool_size"], values["bias"], DEFAULT_ASYMMETRIC_SHARE)
            result = simulate_runs(model, values["generations"], runs, values["seed"])
        except ValueError as error:
            self.message.value = error_html(str(error), kept=self.result is not None)
            return False
        self.result = result
        self.figure = clone_runs_figure(result)
        text = summary_text(result)
        set_figure(self.output, self.figure, text)
        self.message.value = note_html(text)
        return True


def summary_text(result: RunSet) -> str:
    """What the runs show, against the model's exact chance of a takeover."""
    n = len(result.runs)
    took, died, alive = (result.count(o) for o in ("took over", "died out", "still present"))
    model = result.model
    return (
        f"Pool of {model.pool_size} stem cells, bias {model.bias:g}, {result.generations} generations: of {n} "
        f"clone{'s' if n != 1 else ''}, {took} took over, {died} died out ({100 * died_out_share(result):.0f}% of "
        f"runs) and {alive} {'was' if alive == 1 else 'were'} still present. The model's exact chance that one "
        f"mutant cell's clone eventually takes over: {100 * fixation_probability(model):.2f}% (with no bias, "
        f"1 in {model.pool_size}). Teaching values, not measurements."
    )


def error_html(message: str, kept: bool = False) -> str:
    """A friendly, escaped message for settings that cannot be simulated."""
    return alert_html("Nothing was simulated.", message, "The figure below still shows the last runs." if kept else "")


def clonal_simulator(pool_size: int = 200, bias: float = 0.05, runs: int = 8, seed: int = 7,
                     generations: int = 400) -> ClonalSimulator:
    """A live simulator: set the pool size, bias, runs, seed and generations, press "Run"."""
    return ClonalSimulator(pool_size, bias, runs, seed, generations)
