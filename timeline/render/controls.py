"""The page's style sheet and its small script: the actor picker, the type toggles, click for details.

The script reads only what the figures carry (each trace's ``meta`` and ``customdata``) and writes text
into the page through ``textContent``, except the hover text of a clicked point, which the figure
builders composed from escaped article text and a few tags of their own.
"""

from __future__ import annotations

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:1em 1.5em;color:#222}
h1{margin:.2em 0;font-size:1.5em}h2{font-size:1.15em;margin:1.2em 0 .4em}
.summary{margin:.2em 0 .8em;color:#444}
.filters{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:center;padding:.5em .8em;
background:#f5f6f8;border:1px solid #dde;border-radius:6px;position:sticky;top:0;z-index:10}
.filters select{max-width:24em}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2em .8em}
.filters legend{float:left;margin-right:.6em;font-weight:600}
.figure{margin:.8em 0;border-bottom:1px solid #eee}
#details{background:#fffbea;border:1px solid #eed;border-radius:6px;padding:.2em 1em;margin:1em 0}
table{border-collapse:collapse;font-size:.9em}td,th{padding:2px 8px;text-align:left;vertical-align:top}
tbody tr:nth-child(odd){background:#fafafa}
"""

CONTROLS_JS = r"""
(function () {
  "use strict";
  var pick = document.getElementById("actor-pick");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#type-toggle input"));

  // a timeline point's customdata: "actor ids, space-separated\narticle link"
  function hasActor(custom, actor) {
    return (" " + custom.split("\n")[0] + " ").indexOf(" " + actor + " ") >= 0;
  }

  function filterTimeline(gd, actor, shown) {
    var visible = [], selected = [];
    gd.data.forEach(function (trace) {
      var meta = trace.meta || {};
      var on = meta.type === undefined || shown[meta.type] !== false;
      visible.push(on ? (trace.visible === "legendonly" ? "legendonly" : true) : false);
      if (!actor || !trace.customdata) { selected.push(null); return; }
      var keep = [];
      trace.customdata.forEach(function (c, i) { if (hasActor(c, actor)) keep.push(i); });
      selected.push(keep);
    });
    Plotly.restyle(gd, {visible: visible, selectedpoints: selected});
  }

  function filterNetwork(gd, actor) {
    var near = {};
    if (actor) {
      near[actor] = true;
      gd.data.forEach(function (trace) {
        if (!trace.meta || trace.meta.part !== "arrows") return;
        trace.customdata.forEach(function (c) {  // an arrow's customdata: "source\ntarget"
          var ends = c.split("\n");
          if (ends[0] === actor) near[ends[1]] = true;
          if (ends[1] === actor) near[ends[0]] = true;
        });
      });
    }
    var selected = gd.data.map(function (trace) {
      if (!actor || !trace.customdata || !trace.meta) return null;
      var keep = [];
      trace.customdata.forEach(function (c, i) {
        var hit = trace.meta.part === "arrows" ? c.split("\n").indexOf(actor) >= 0 : near[c] === true;
        if (hit) keep.push(i);
      });
      return keep;
    });
    Plotly.restyle(gd, {selectedpoints: selected});
  }

  function apply() {
    var actor = pick ? pick.value : "";
    var shown = {};
    boxes.forEach(function (b) { shown[b.value] = b.checked; });
    var timeline = document.getElementById("timeline");
    var network = document.getElementById("network");
    if (timeline && timeline.data) filterTimeline(timeline, actor, shown);
    if (network && network.data) filterNetwork(network, actor);
  }

  function showDetails(point) {
    var trace = point.data, i = point.pointIndex, box = document.getElementById("details");
    if (!box || !trace.hovertext) return;
    // hover text is composed by the figure builders from escaped article text and <b>, <i>, <br> only
    document.getElementById("details-body").innerHTML = trace.hovertext[i];
    var link = document.getElementById("details-link");
    var custom = trace.customdata ? trace.customdata[i] : null;
    var url = typeof custom === "string" ? custom.split("\n")[1] || "" : "";
    if (trace.meta && trace.meta.part !== "arrows" && /^https?:\/\//i.test(url)) {
      link.href = url;
      link.hidden = false;
    } else {
      link.hidden = true;
    }
    box.hidden = false;
  }

  window.addEventListener("load", function () {
    if (pick) pick.addEventListener("change", apply);
    boxes.forEach(function (b) { b.addEventListener("change", apply); });
    var reset = document.getElementById("reset");
    if (reset) reset.addEventListener("click", function () {
      if (pick) pick.value = "";
      boxes.forEach(function (b) { b.checked = true; });
      apply();
    });
    ["timeline", "network"].forEach(function (id) {
      var gd = document.getElementById(id);
      if (!gd || !gd.on) return;
      gd.on("plotly_click", function (ev) {
        var point = ev.points[0], meta = point.data.meta || {};
        if (meta.part === "actors" && pick) {
          pick.value = point.data.customdata[point.pointIndex];
          apply();
        } else {
          showDetails(point);
        }
      });
    });
    document.body.setAttribute("data-ready", "1");
  });
})();
"""
