/* lcbook: the chapter's figures in the static page (no kernel needed).
   Each figure is a sized, empty <div class="lc-plot"> and its data: in the built book a small script
   of its own (_static/figures/KEY.js, named by the div's data-lc-data), elsewhere JSON in the page.
   plotly.js and the data (served from the book's own _static) are loaded only when a figure comes
   near the screen, and the figure is drawn then, so a page's text paints before any of this runs.
   An interactive figure (<figure class="lc-interactive">) has precomputed states in the same data;
   a button or a range input (or, on a phone, a menu) applies one state with Plotly.update. */
(function () {
  "use strict";
  var script = document.currentScript;
  var staticBase = script ? script.src.replace(/lcbook\.js(\?[^#]*)?$/, "") : "";
  var plotlySrc = staticBase + "plotly-basic.min.js";
  var plotlyLoading = null;
  var dataLoading = {};

  // A script from this book's _static, added once; resolves when it has run.
  function loadScript(src, hideAmd) {
    return new Promise(function (resolve, reject) {
      // plotly.js registers as an AMD module where a loader (require.js) is on the page; hide it.
      var amd = window.define;
      if (hideAmd && amd && amd.amd) window.define = undefined;
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = function () { if (hideAmd && amd) window.define = amd; resolve(); };
      tag.onerror = function () {
        if (hideAmd && amd) window.define = amd;
        reject(new Error("lcbook: could not load " + src));
      };
      document.head.appendChild(tag);
    });
  }

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = loadScript(plotlySrc, true).then(function () { return window.Plotly; });
    }
    return plotlyLoading;
  }

  function inlineJson(selector) {
    var node = document.querySelector(selector);
    return node ? JSON.parse(node.textContent) : null;
  }

  /* A figure's data, {plot: {data, layout, config}, states: [...]}, from its script or the page. */
  function dataOf(gd) {
    var key = gd.getAttribute("data-lc-data");
    if (!key) {
      var figure = gd.closest("figure.lc-interactive");
      var states = figure ? figure.querySelector("script.lc-states") : null;
      return Promise.resolve({
        plot: inlineJson('script.lc-plot-data[data-lc-for="' + gd.id + '"]'),
        states: states ? JSON.parse(states.textContent) : []
      });
    }
    var known = window.lcbookFigures && window.lcbookFigures[key];
    if (known) return Promise.resolve(known);
    if (!dataLoading[key]) {
      dataLoading[key] = loadScript(staticBase + "figures/" + key + ".js", false).then(function () {
        return window.lcbookFigures[key];
      });
    }
    return dataLoading[key];
  }

  function draw(gd) {
    if (!gd._lcDrawing) {
      gd._lcDrawing = Promise.all([loadPlotly(), dataOf(gd)]).then(function (loaded) {
        var Plotly = loaded[0], spec = loaded[1] && loaded[1].plot;
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

  function apply(figure, index) {
    var id = figure.getAttribute("data-lc-figure");
    var gd = document.getElementById(id);
    if (!gd) return;
    figure.setAttribute("data-lc-current", String(index));
    figure.querySelectorAll(".lc-state-button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(Number(b.dataset.lcState) === index));
    });
    var menu = document.getElementById(id + "-select");
    if (menu) menu.value = String(index);
    Promise.all([dataOf(gd), draw(gd)]).then(function (loaded) {
      var state = (loaded[0].states || [])[index];
      // Only the newest choice is shown, if the reader taps faster than the figure draws.
      if (!state || figure.getAttribute("data-lc-current") !== String(index)) return;
      var traces = state.traces === null ? undefined : state.traces;
      window.Plotly.update(gd, state.data || {}, state.layout || {}, traces);
      var desc = document.getElementById(id + "-desc");
      if (desc) desc.textContent = state.description;
      var out = document.getElementById(id + "-out");
      if (out) out.textContent = state.label;
      var range = document.getElementById(id + "-range");
      if (range) range.setAttribute("aria-valuetext", state.label);
    });
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
