"""The display layer: how figures reach the static page and JupyterLab."""
from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

import lcbook  # noqa: F401  (importing lcbook configures the renderer)
from lcbook.display import (
    PLOTLY_MIMETYPE,
    Interactive,
    State,
    MANY_STATES,
    MIN_FONT_PX,
    TextAlternative,
    figure_div,
)


def _two_state_figure() -> Interactive:
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], marker=dict(color="#E69F00")))
    return Interactive(
        figure=fig,
        alt=TextAlternative("Two points rise.", ("x", "y"), ((1, 3), (2, 4))),
        states=(
            State("Orange", "Orange points.", data={"marker.color": "#E69F00"}),
            State("Blue", "Blue points.", data={"marker.color": "#0072B2"}),
        ),
        control_label="Colour",
    )


def test_importing_lcbook_makes_its_renderer_plotlys_default():
    assert pio.renderers.default == "lcbook"


def test_a_plain_figure_renders_as_live_plotly_json_and_as_html_without_plotly_js():
    bundle = pio.renderers["lcbook"].to_mimebundle(go.Figure(go.Bar(y=[1, 2])).to_dict())
    assert PLOTLY_MIMETYPE in bundle
    html = bundle["text/html"]
    assert "plotly-graph-div" in html
    assert "cdn.plot.ly" not in html and "<script src=" not in html
    assert len(html) < 20_000  # plotly.js (megabytes) is not inlined


def test_figure_html_is_the_same_in_two_builds():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[1, 2]))
    assert figure_div(fig) == figure_div(go.Figure(go.Scatter(x=[1, 2], y=[1, 2])))


def test_interactive_html_has_a_pressed_button_per_state_and_the_first_description():
    html = _two_state_figure().to_html()
    assert html.count('class="lc-state-button"') == 2
    assert html.count('aria-pressed="true"') == 1
    assert "Orange points." in html
    assert 'role="group" aria-label="Colour"' in html


def test_interactive_html_carries_a_text_alternative_with_a_data_table():
    html = _two_state_figure().to_html()
    assert 'Two points rise.</figcaption>' in html
    assert '<th scope="col">x</th>' in html and "<td>4</td>" in html


def test_figure_at_applies_a_state_like_the_page_script_does():
    fig = _two_state_figure().figure_at(1)
    assert fig.data[0].marker.color == "#0072B2"


def test_text_in_states_and_tables_cannot_inject_html():
    evil = '<img src=x onerror="alert(1)"></script>'
    fig = go.Figure(go.Scatter(y=[1]))
    html = Interactive(
        figure=fig,
        alt=TextAlternative(evil, ("col",), ((evil,),)),
        states=(State(evil, evil), State("b", "b")),
    ).to_html()
    assert "<img" not in html.replace("&lt;img", "")
    # Inside the states' JSON, "</script>" is written "<\/script>", so no script closes early.
    assert html.count("</script>") == html.count("<script")


def test_slider_control_is_a_labelled_range_input():
    inter = Interactive(
        figure=go.Figure(go.Scatter(y=[1])),
        alt=TextAlternative("t"),
        states=(State("a", "A"), State("b", "B"), State("c", "C")),
        control="slider",
        control_label="Step",
    )
    html = inter.to_html()
    assert 'type="range"' in html and 'max="2"' in html
    assert "<label for=" in html


def test_an_unknown_control_kind_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="buttons' or 'slider"):
        Interactive(figure=go.Figure(), alt=TextAlternative("t"), control="dial")


def test_an_interactive_shows_as_live_json_html_and_plain_text_takeaway():
    bundle = _two_state_figure()._repr_mimebundle_()
    assert set(bundle) == {PLOTLY_MIMETYPE, "text/html", "text/plain"}
    assert bundle["text/plain"] == "Two points rise."


def test_a_state_that_sets_a_whole_list_replaces_it_as_plotly_js_does():
    fig = go.Figure(go.Scatter(y=[1]))
    fig.update_layout(shapes=[dict(type="line", x0=0, x1=1, y0=0, y1=1), dict(type="line", x0=0, x1=1, y0=1, y1=0)])
    inter = Interactive(
        figure=fig, alt=TextAlternative("t"),
        states=(State("two", "two"), State("one", "one", layout={"shapes": [dict(type="rect", x0=0, x1=1, y0=0, y1=1)]})),
    )
    shapes = inter.figure_at(1).layout.shapes
    assert len(shapes) == 1 and shapes[0].type == "rect"


def test_the_chart_comes_right_after_its_controls_and_the_state_description_after_the_chart():
    from lcbook.figures.causal import causal_chain

    html = causal_chain().to_html()
    assert html.index('class="lc-controls"') < html.index("plotly-graph-div") < html.index("lc-state-description")


def test_a_figure_is_a_sized_placeholder_with_its_json_and_no_drawing_script():
    fig = go.Figure(go.Scatter(y=[1, 2]))
    fig.update_layout(height=321)
    html = figure_div(fig, "lc-fig-test")
    assert 'id="lc-fig-test"' in html and "height:321px" in html
    assert "Plotly.newPlot" not in html
    spec = json.loads(html.split('data-lc-for="lc-fig-test">', 1)[1].rsplit("</script>", 1)[0])
    assert spec["layout"]["height"] == 321 and spec["config"]["displayModeBar"] is False


def test_no_text_in_a_figure_can_close_its_data_script():
    fig = go.Figure(go.Scatter(y=[1], name="</script><script>alert(1)</script>"))
    html = figure_div(fig, "lc-fig-x")
    assert html.count("</script>") == 1


def test_a_slider_tells_screen_readers_the_value_not_the_position():
    import plotly.graph_objects as go

    from lcbook.display import Interactive, State, TextAlternative

    states = tuple(State(label=f"{a} years", description=f"Age {a}") for a in (20, 35))
    html = Interactive(go.Figure(), TextAlternative("t"), states, "Age", control="slider").to_html()
    assert 'aria-valuetext="20 years"' in html


def _many_state_figure(n: int) -> Interactive:
    return Interactive(
        figure=go.Figure(go.Bar(y=[1])),
        alt=TextAlternative("Bars."),
        states=tuple(State(f"State {i}", f"Bar {i}.", data={"y": [[i]]}) for i in range(n)),
        control_label="Which bar",
    )


def test_every_caption_starts_by_saying_what_to_do_with_the_figure():
    assert "Tap a button to change the chart" in _two_state_figure().to_html()
    assert "Tap or point at the chart" in Interactive(go.Figure(), TextAlternative("Nothing.")).to_html()


def test_a_figure_with_many_states_also_offers_them_as_one_menu_for_a_phone():
    html = _many_state_figure(MANY_STATES + 1).to_html()
    assert 'class="lc-controls lc-many"' in html
    assert html.count("<option ") == MANY_STATES + 1 and '<option value="0" selected>State 0</option>' in html
    assert html.count('class="lc-state-button"') == MANY_STATES + 1


def test_a_figure_with_few_states_has_buttons_only():
    assert "<select" not in _many_state_figure(MANY_STATES).to_html()


def test_no_chart_text_is_smaller_than_12_px_in_the_page_or_its_states():
    fig = go.Figure(go.Scatter(y=[1], text=["a"], textfont=dict(size=[9, 14])))
    fig.update_layout(font=dict(size=10), annotations=[dict(text="note", font=dict(size=8))])
    inter = Interactive(
        figure=fig, alt=TextAlternative("A point."), control_label="Size",
        states=(State("Big", "Big.", layout={"annotations[0].font.size": 9}), State("Same", "Same.")),
    )
    html = inter.to_html()
    spec = json.loads(html.split('class="lc-plot-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0])
    assert spec["layout"]["font"]["size"] == MIN_FONT_PX
    assert spec["layout"]["annotations"][0]["font"]["size"] == MIN_FONT_PX
    assert spec["data"][0]["textfont"]["size"] == [MIN_FONT_PX, 14]
    states = json.loads(html.split('class="lc-states">', 1)[1].split("</script>", 1)[0])
    assert states[0]["layout"]["annotations[0].font.size"] == MIN_FONT_PX


def test_how_a_figure_is_made_is_folded_under_its_caption_and_escaped():
    inter = Interactive(go.Figure(), TextAlternative("A chart."), method="Seed 7 <b>and</b> a model.")
    html = inter.to_html()
    assert '<details class="lc-method"><summary>How this figure is made</summary>' in html
    assert "Seed 7 &lt;b&gt;and&lt;/b&gt; a model." in html
    assert html.index("lc-takeaway") < html.index("lc-method")


def test_a_figure_without_a_method_has_no_empty_note():
    assert "lc-method" not in _two_state_figure().to_html()
