"""lcbook: the models, figures and widgets behind "Why does leukemia cutis happen?".

Importing lcbook configures plotly's renderer once, so that every figure draws in the book's HTML
and stays a live figure in JupyterLab.
"""
from lcbook.display import configure_plotly

__version__ = "0.2.0"

configure_plotly()
