/* lcbook: the chapter's figures in the static page (no kernel needed).
   Each figure is a sized, empty <div class="lc-plot"> and its JSON. plotly.js (served from the book's
   own _static) is loaded only when a figure comes near the screen, and the figure is drawn then, so
   a page's text paints before any of this runs. An interactive figure (<figure class="lc-interactive">)
   holds its precomputed states as JSON, read when a control is first used; a button or a range
   input (or, on a phone, a menu) applies one state with Plotly.update. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlySrc = script ? script.src.replace(/lcbook\.js(\?[^#]*)?$/, "plotly-basic.min.js") : "";
  var plotlyLoading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        // plotly.js registers as an AMD module where a loader (require.js) is on the page; hide it.
        var amd = window.define;
        if (amd && amd.amd) window.define = undefined;
        var tag = document.createElement("script");
        tag.src = plotlySrc;
        tag.onload = function () { if (amd) window.define = amd; resolve(window.Plotly); };
        tag.onerror = function () {
          if (amd) window.define = amd;
          reject(new Error("lcbook: plotly.js could not be loaded from " + plotlySrc));
        };
        document.head.appendChild(tag);
      });
    }
    return plotlyLoading;
  }

  function specOf(gd) {
    var node = document.querySelector('script.lc-plot-data[data-lc-for="' + gd.id + '"]');
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw(gd) {
    if (!gd._lcDrawing) {
      gd._lcDrawing = loadPlotly().then(function (Plotly) {
        var spec = specOf(gd);
        if (!spec) return gd;
        return Plotly.newPlot(gd, spec.data, spec.layout, spec.config);
      }).then(function () {
        gd.setAttribute("data-lc-drawn", "true");
        return gd;
      });
    }
    return gd._lcDrawing;
  }

  function drawAll() {
    return Promise.all(Array.prototype.map.call(document.querySelectorAll(".lc-plot"), draw));
  }

  function statesOf(figure) {
    if (!figure._lcStates) {
      var node = figure.querySelector("script.lc-states");
      figure._lcStates = node ? JSON.parse(node.textContent) : [];
    }
    return figure._lcStates;
  }

  function apply(figure, index) {
    var state = statesOf(figure)[index];
    if (!state) return;
    var id = figure.getAttribute("data-lc-figure");
    var gd = document.getElementById(id);
    figure.setAttribute("data-lc-current", String(index));
    if (gd) {
      draw(gd).then(function () {
        // Only the newest choice is drawn, if the reader taps faster than the figure draws.
        if (figure.getAttribute("data-lc-current") !== String(index)) return;
        var traces = state.traces === null ? undefined : state.traces;
        window.Plotly.update(gd, state.data || {}, state.layout || {}, traces);
      });
    }
    var desc = document.getElementById(id + "-desc");
    if (desc) desc.textContent = state.description;
    figure.querySelectorAll(".lc-state-button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(Number(b.dataset.lcState) === index));
    });
    var out = document.getElementById(id + "-out");
    if (out) out.textContent = state.label;
    var menu = document.getElementById(id + "-select");
    if (menu) menu.value = String(index);
    var range = document.getElementById(id + "-range");
    if (range) range.setAttribute("aria-valuetext", state.label);
  }

  function init() {
    var plots = document.querySelectorAll(".lc-plot");
    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            seen.unobserve(entry.target);
            draw(entry.target);
          }
        });
      }, { rootMargin: "300px 0px" });
      plots.forEach(function (gd) { seen.observe(gd); });
    } else {
      drawAll();
    }
    document.querySelectorAll("figure.lc-interactive").forEach(function (figure) {
      figure.querySelectorAll(".lc-state-button").forEach(function (b) {
        b.addEventListener("click", function () { apply(figure, Number(b.dataset.lcState)); });
      });
      figure.querySelectorAll("select.lc-state-select").forEach(function (m) {
        m.addEventListener("change", function () { apply(figure, Number(m.value)); });
      });
      figure.querySelectorAll('input[type="range"]').forEach(function (r) {
        r.addEventListener("input", function () { apply(figure, Number(r.value)); });
      });
      figure.setAttribute("data-lc-ready", "true");
    });
    // A printed page shows every figure.
    window.addEventListener("beforeprint", drawAll);
  }

  /* Draw every figure on the page now (printing, tests); resolves when all are drawn. */
  window.lcbookDrawAll = drawAll;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
