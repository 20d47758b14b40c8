/* lcbook: client-side controls for the chapter's interactive figures (no kernel needed).
   Each <figure class="lc-interactive"> holds its precomputed states as JSON; a button or a
   range input applies one state to the plotly figure with Plotly.update. */
(function () {
  "use strict";
  function statesOf(figure) {
    var node = figure.querySelector("script.lc-states");
    return node ? JSON.parse(node.textContent) : [];
  }
  function apply(figure, index) {
    var states = statesOf(figure);
    var state = states[index];
    if (!state) return;
    var id = figure.getAttribute("data-lc-figure");
    var gd = document.getElementById(id);
    if (window.Plotly && gd) {
      var traces = state.traces === null ? undefined : state.traces;
      window.Plotly.update(gd, state.data || {}, state.layout || {}, traces);
    }
    var desc = document.getElementById(id + "-desc");
    if (desc) desc.textContent = state.description;
    figure.querySelectorAll(".lc-state-button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(Number(b.dataset.lcState) === index));
    });
    var out = document.getElementById(id + "-out");
    if (out) out.textContent = state.label;
    var range = document.getElementById(id + "-range");
    if (range) range.setAttribute("aria-valuetext", state.label);
    figure.setAttribute("data-lc-current", String(index));
  }
  function init() {
    document.querySelectorAll("figure.lc-interactive").forEach(function (figure) {
      figure.querySelectorAll(".lc-state-button").forEach(function (b) {
        b.addEventListener("click", function () { apply(figure, Number(b.dataset.lcState)); });
      });
      figure.querySelectorAll('input[type="range"]').forEach(function (r) {
        r.addEventListener("input", function () { apply(figure, Number(r.value)); });
      });
      figure.setAttribute("data-lc-ready", "true");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
