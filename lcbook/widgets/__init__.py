"""ipywidgets glue for a live kernel (Binder, JupyterLab): controls that need or use Python.

In the static page the same interactives switch client-side (lcbook.display); these widgets are
for readers running the notebook, and are left out of the HTML, where they could not respond.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.graph_objects as go

from lcbook.display import Interactive, LCBookRenderer


#: How a live widget's messages look: an orange bar for input that could not be used, blue for news.
ERROR_STYLE = "border-left:6px solid #D55E00;padding:0.35rem 0.75rem;margin:0.4rem 0"
OK_STYLE = "border-left:6px solid #0072B2;padding:0.35rem 0.75rem;margin:0.4rem 0"


def alert_html(headline: str, message: str, kept: str = "") -> str:
    """A friendly message for input that cannot be used: escaped, announced (role=alert), and what is kept."""
    parts = [f'<div role="alert" style="{ERROR_STYLE}"><strong>{html.escape(headline)}</strong> ',
             html.escape(message)]
    if kept:
        parts.append(f"<br><em>{html.escape(kept)}</em>")
    parts.append("</div>")
    return "".join(parts)


def note_html(text: str) -> str:
    """A short escaped note about what a live widget now shows."""
    return f'<div style="{OK_STYLE}">{html.escape(text)}</div>'


def set_figure(output: widgets.Output, fig: go.Figure, text: str = "") -> None:
    """Show a figure in an Output widget (live plotly in JupyterLab, HTML elsewhere).

    The outputs are set directly rather than with display() inside the Output: this also works with
    no frontend, and avoids a stall of nbclient (about a minute per cell) when a notebook with an
    Output widget is executed by the book's build.
    """
    bundle = LCBookRenderer().to_mimebundle(fig.to_dict())
    if text:
        bundle["text/plain"] = text
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


#: What a live widget's output says where no kernel has drawn it (a notebook opened before Run All).
RUN_THIS_CELL = "Live controls: run this cell (or Run All) to use them."


class LiveBox(widgets.VBox):
    """A live widget whose saved text, seen before the notebook is run, tells the reader to run the cell."""

    def __repr__(self) -> str:
        return RUN_THIS_CELL


class LiveControls(LiveBox):
    """A live version of an Interactive: the same states, switched by ipywidgets."""

    def __init__(self, interactive: Interactive) -> None:
        self.interactive = interactive
        labels = [s.label for s in interactive.states]
        if interactive.control == "slider":
            self.selector = widgets.SelectionSlider(
                options=[(lab, i) for i, lab in enumerate(labels)],
                value=interactive.initial, description=interactive.control_label,
                continuous_update=False, style={"description_width": "initial"},
            )
        else:
            self.selector = widgets.ToggleButtons(
                options=[(lab, i) for i, lab in enumerate(labels)], value=interactive.initial,
                description=interactive.control_label, style={"description_width": "initial"},
            )
        self.description = widgets.HTML()
        self.output = widgets.Output()
        super().__init__([self.selector, self.output, self.description])
        self.selector.observe(self._on_change, names="value")
        self.show(interactive.initial)

    def show(self, index: int) -> None:
        """Draw state ``index`` and its description."""
        self.current = index
        text = self.interactive.states[index].description
        self.description.value = f"<p>{html.escape(text)}</p>"
        set_figure(self.output, self.interactive.figure_at(index), text)

    def _on_change(self, change: dict) -> None:
        self.show(change["new"])


def live_controls(interactive: Interactive) -> LiveControls:
    """ipywidgets controls that switch an interactive figure's states in a live kernel."""
    if not interactive.states:
        raise ValueError("This figure has no states to switch between.")
    return LiveControls(interactive)
