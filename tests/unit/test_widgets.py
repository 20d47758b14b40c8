"""Live controls (ipywidgets) switch the same states as the static page's buttons."""
from __future__ import annotations

import pytest

from lcbook.figures.causal import causal_chain
from lcbook.widgets import live_controls


def test_live_controls_offer_every_state_of_the_figure():
    controls = live_controls(causal_chain())
    assert [label for label, _ in controls.selector.options] == [s.label for s in causal_chain().states]


def test_choosing_a_state_live_shows_its_description():
    controls = live_controls(causal_chain())
    controls.selector.value = 2
    assert controls.current == 2
    assert "RUNX1" in controls.description.value


def test_a_figure_without_states_has_no_live_controls():
    from lcbook.display import Interactive, TextAlternative
    import plotly.graph_objects as go

    with pytest.raises(ValueError, match="no states"):
        live_controls(Interactive(figure=go.Figure(), alt=TextAlternative("t")))


def test_a_widget_alert_escapes_what_the_learner_typed_and_says_what_is_kept():
    from lcbook.widgets import alert_html

    html = alert_html("Nothing was simulated.", "<script>x</script> is not a number", "The last runs stay.")
    assert 'role="alert"' in html and "<script>" not in html and "&lt;script&gt;" in html
    assert "The last runs stay." in html
