"""A live sibship simulator (ipywidgets): choose a cross, a number of children and a seed; see them.

For readers running the notebook (Binder, JupyterLab); the static page has the precomputed
explorer (lcbook.figures.inheritance.inheritance_explorer) instead. The children are drawn as a
pedigree-like row of inline SVG symbols: squares for sons, circles for daughters, filled for
affected, half-filled for carriers, open for unaffected.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from lcbook.display import OKABE_ITO
from lcbook.inheritance import (
    AD,
    CROSSES,
    Child,
    describe_expected,
    simulate_sibship,
    tally,
)
from lcbook.widgets import LiveBox

__all__ = ["SibshipSimulator", "sibship_simulator", "sibship_html"]

_ERROR_STYLE = "border-left:6px solid #D55E00;padding:0.35rem 0.75rem;margin:0.4rem 0"
_OK_STYLE = "border-left:6px solid #0072B2;padding:0.35rem 0.75rem;margin:0.4rem 0"
_FILL = {"affected": OKABE_ITO["vermillion"], "carrier": OKABE_ITO["vermillion"], "unaffected": "#FFFFFF"}
_PLURAL = {"affected": "affected", "carrier": "carriers", "unaffected": "unaffected"}
MAX_CHILDREN = 24
_SIZE = 26


def _symbol(child: Child, index: int) -> str:
    """One child as an inline SVG: square (son) or circle (daughter); full, half or no fill."""
    s, r, c = _SIZE, _SIZE / 2 - 2, _SIZE / 2
    title = f"Child {index}: {child.sex}, {child.phenotype}"
    if child.sex == "son":
        outline = f'<rect x="2" y="2" width="{s - 4}" height="{s - 4}" fill="#FFFFFF" stroke="#000" stroke-width="2"/>'
        full = f'<rect x="2" y="2" width="{s - 4}" height="{s - 4}" fill="{_FILL["affected"]}"/>'
        half = f'<rect x="2" y="2" width="{c - 2}" height="{s - 4}" fill="{_FILL["carrier"]}"/>'
    else:
        outline = f'<circle cx="{c}" cy="{c}" r="{r}" fill="#FFFFFF" stroke="#000" stroke-width="2"/>'
        full = f'<circle cx="{c}" cy="{c}" r="{r}" fill="{_FILL["affected"]}"/>'
        half = f'<path d="M{c},{c - r} A{r},{r} 0 0 0 {c},{c + r} Z" fill="{_FILL["carrier"]}"/>'
    inner = {"affected": full, "carrier": half, "unaffected": ""}[child.phenotype]
    # The outline is drawn last, over the fill, so every symbol has the same crisp edge.
    stroke_only = outline.replace('fill="#FFFFFF"', 'fill="none"')
    return (f'<svg width="{s}" height="{s}" viewBox="0 0 {s} {s}" role="img" aria-label="{html.escape(title)}">'
            f"<title>{html.escape(title)}</title>{outline}{inner}{stroke_only}</svg>")


def sibship_html(children: tuple[Child, ...], expected: str) -> str:
    """The children as a row of symbols, a key, the simulated counts and the expected proportions."""
    row = "".join(_symbol(c, i + 1) for i, c in enumerate(children))
    counts = tally(children)
    said = []
    for group, by_phenotype in counts.items():
        n = sum(by_phenotype.values())
        if not n:
            said.append(f"no {group}")
            continue
        parts = ", ".join(f"{k} {_PLURAL[p] if k != 1 else p} ({round(100 * k / n)}%)"
                          for p, k in by_phenotype.items() if k)
        said.append(f"{n} {group if n != 1 else group[:-1]}: {parts}")
    return (
        f'<div style="{_OK_STYLE}">'
        f'<div style="display:flex;flex-wrap:wrap;gap:6px;margin:0.3rem 0">{row}</div>'
        '<p style="margin:0.2rem 0;font-size:0.9em">Square: son · circle: daughter · filled: affected · '
        "half-filled: carrier (has the variant, no disease) · open: unaffected</p>"
        f'<p style="margin:0.2rem 0"><strong>Simulated:</strong> {html.escape("; ".join(said))}.</p>'
        f'<p style="margin:0.2rem 0"><strong>Expected:</strong> {html.escape(expected)}.</p></div>'
    )


def _error_html(message: str) -> str:
    return (f'<div role="alert" style="{_ERROR_STYLE}"><strong>These children could not be simulated.'
            f"</strong> {html.escape(message)}</div>")


class SibshipSimulator(LiveBox):
    """Cross, number of children, penetrance (dominant crosses only), seed, and a Simulate button."""

    def __init__(self, cross: str = "xlr-carrier-mother", children: int = 8, seed: int = 2024,
                 penetrance: float = 1.0) -> None:
        if cross not in CROSSES:
            raise ValueError(f"There is no cross {cross!r}: use one of {', '.join(CROSSES)}.")
        wide = {"description_width": "initial"}
        self.cross = widgets.Dropdown(options=[(c.title, c.key) for c in CROSSES.values()], value=cross,
                                      description="Cross", style=wide,
                                      layout=widgets.Layout(width="100%", max_width="34rem"))
        self.n_children = widgets.IntSlider(value=min(max(children, 1), MAX_CHILDREN), min=1,
                                          max=MAX_CHILDREN, description="Children", style=wide,
                                          continuous_update=False)
        self.penetrance = widgets.FloatSlider(value=penetrance, min=0, max=1, step=0.05,
                                              description="Penetrance", readout_format=".0%", style=wide,
                                              continuous_update=False)
        self.seed = widgets.IntText(value=seed, description="Seed", style=wide,
                                    layout=widgets.Layout(width="12rem"))
        self.button = widgets.Button(description="Simulate a new family", button_style="primary",
                                     tooltip="Draw new children with the next seed")
        self.message = widgets.HTML()
        self.output = widgets.Output()
        #: The last simulated children (kept when the input cannot be used).
        self.sibship: tuple[Child, ...] = ()
        #: The HTML last shown in the output.
        self.html = ""
        super().__init__([self.cross, self.n_children, self.penetrance, self.seed, self.button,
                          self.message, self.output])
        for control in (self.cross, self.n_children, self.penetrance, self.seed):
            control.observe(self._on_change, names="value")
        self.button.on_click(self._on_click)
        self._sync_penetrance()
        self.simulate()

    def _sync_penetrance(self) -> None:
        dominant = CROSSES[self.cross.value].mode == AD
        self.penetrance.disabled = not dominant
        self.penetrance.description = "Penetrance" if dominant else "Penetrance (dominant only)"

    def simulate(self) -> bool:
        """Simulate the children for the current controls and show them; True if that worked."""
        cross = CROSSES[self.cross.value]
        n, seed = self.n_children.value, self.seed.value
        penetrance = self.penetrance.value if cross.mode == AD else 1.0
        if seed is None or seed < 0:
            self.message.value = _error_html(
                f"The seed is a whole number, 0 or more (it picks which random family you see), not {seed}.")
            return False
        if not 1 <= n <= MAX_CHILDREN:
            self.message.value = _error_html(f"Choose from 1 to {MAX_CHILDREN} children, not {n}.")
            return False
        try:
            children = simulate_sibship(cross.mode, cross.mother, cross.father, n,
                                        np.random.default_rng(seed), penetrance)
        except ValueError as error:
            self.message.value = _error_html(str(error))
            return False
        self.sibship = children
        self.message.value = ""
        expected = describe_expected(cross.mode, cross.mother, cross.father,
                                     penetrance if cross.mode == AD else 1)
        body = sibship_html(children, expected)
        self.html = body
        # Setting the outputs (rather than display() inside the Output) also works without a kernel.
        self.output.outputs = ({"output_type": "display_data",
                                "data": {"text/html": body, "text/plain": html.unescape(expected)},
                                "metadata": {}},)
        return True

    def _on_change(self, change: dict) -> None:
        if change["owner"] is self.cross:
            self._sync_penetrance()
        self.simulate()

    def _on_click(self, _button: widgets.Button) -> None:
        self.seed.value = (self.seed.value or 0) + 1  # a new family; the change redraws


def sibship_simulator(cross: str = "xlr-carrier-mother", children: int = 8, seed: int = 2024) -> SibshipSimulator:
    """A live simulator: choose a cross, the number of children, penetrance and seed; see the family."""
    return SibshipSimulator(cross, children, seed)
