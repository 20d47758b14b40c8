"""lcbook: the models, figures and widgets behind "Why does leukemia cutis happen?".

Importing lcbook configures plotly's renderer once, so that every figure draws in the book's HTML
and stays a live figure in JupyterLab; in a live kernel, interactive figures also get live controls.
"""
from lcbook.display import configure_plotly

__version__ = "0.2.0"


def _register_live_view() -> None:
    """In a Jupyter kernel, show every interactive figure with live ipywidgets controls too."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return
    from lcbook.widgets.live import register

    register(shell)


configure_plotly()
_register_live_view()
