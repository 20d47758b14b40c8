"""In a live kernel, every interactive figure shows live ipywidgets controls: one source, two views.

The static page switches an Interactive's states with its own buttons and slider (lcbook.display);
JupyterLab shows the plotly figure without that HTML. Here an IPython formatter adds the same states
as live controls (lcbook.widgets.LiveControls) to the figure's output, so every "Try this" holds in
both. The book's build never picks the widget view (lcbook.sphinxext prefers the HTML).
"""
from __future__ import annotations

from typing import Any

from lcbook.display import Interactive
from lcbook.widgets import RUN_THIS_CELL, LiveControls

WIDGET_MIMETYPE = "application/vnd.jupyter.widget-view+json"


def live_bundle(interactive: Interactive, include: Any = None, exclude: Any = None) -> dict[str, Any]:
    """An Interactive's output with its live controls: widget view, plotly figure, HTML and text."""
    bundle = interactive._repr_mimebundle_(include, exclude)
    if interactive.states:
        view = LiveControls(interactive)._repr_mimebundle_()
        bundle[WIDGET_MIMETYPE] = view[WIDGET_MIMETYPE]
        bundle["text/plain"] = f"{interactive.alt.takeaway}\n{RUN_THIS_CELL}"
    return bundle


def register(shell: Any) -> bool:
    """Show every Interactive with live controls in this IPython shell (idempotent); True if registered."""
    formatter = getattr(getattr(shell, "display_formatter", None), "mimebundle_formatter", None)
    if formatter is None:
        return False
    formatter.for_type(Interactive, live_bundle)
    return True
