// docdrift report: filtering and navigation; and, on a long report, the
// steps' changes and passages and the figure tracks laid out from the
// page's data as each section nears the view (then, when the page is
// idle, every other one). A short report reads in full without this
// script.
(function () {
  "use strict";
  var main = document.querySelector("main");
  var controls = document.getElementById("controls");
  // A long report's data (see unpack): the table of pieces, the classes,
  // each step's passages and changes, the figure tracks.
  var pageData = null;
  var pieces = [];
  var classes = [];
  // The sections whose data is not laid out yet, in page order.
  var waiting = [];
  var observer = null;
  // filtered, once the controls are set up, applies them to a section
  // just laid out.
  var filtered = null;

  // text joins a data block's pieces: a string stands for itself, a
  // number for a text of the page's table.
  function text(items) {
    var s = "";
    items.forEach(function (it) { s += typeof it === "number" ? pieces[it] : it; });
    return s;
  }

  // node makes an element; its text is always text, never markup.
  function node(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined) { e.textContent = content; }
    return e;
  }

  var segTags = ["", "del", "ins"];

  // side lays out one side of a passage: [code, pieces...] for plain,
  // deleted and inserted text (a plain piece may stand alone),
  // [class, title, pieces...] for a figure written another way and the
  // marks of a translation.
  function side(cls, lang, segs) {
    var d = node("div", cls);
    if (lang) { d.lang = lang; }
    if (!segs.length) {
      d.appendChild(node("span", "none", "—"));
      return d;
    }
    segs.forEach(function (s) {
      if (typeof s !== "object") {
        d.appendChild(document.createTextNode(text([s])));
        return;
      }
      if (typeof s[0] === "number") {
        var t = text(s.slice(1));
        d.appendChild(s[0] === 0 ? document.createTextNode(t) : node(segTags[s[0]], "", t));
        return;
      }
      var e = node(s[0] === "fmt" ? "span" : "mark", s[0], text(s.slice(2)));
      e.title = s[1];
      d.appendChild(e);
    });
    return d;
  }

  // row lays out passage n: [kind, rank, old lines, new lines, score,
  // note, change, old side, new side], the kind by its place in the
  // page's kinds and the class by its rank (-1 for none).
  function row(anchor, langs, n, r) {
    var id = anchor + "-p" + n;
    var kind = pageData.kinds[r[0]];
    var e = node("div", r[6] ? "row change" : "row");
    e.id = id;
    e.dataset.kind = kind;
    e.dataset.rank = r[1];
    var head = node("div", "head");
    var a = node("a", "", "#" + n);
    a.href = "#" + id;
    head.append(a, " ", node("span", "kind k-" + kind, kind));
    if (r[1] >= 0) { head.append(" ", node("span", "badge lv-" + classes[r[1]], classes[r[1]])); }
    if (r[4]) { head.append(" ", node("span", "note", "score " + r[4])); }
    head.append(" ", node("span", "line", "lines " + r[2] + " → " + r[3]));
    if (r[5]) { head.append(" ", node("span", "note", r[5])); }
    e.append(head, side("old", langs[0], r[7]), side("new", langs[1], r[8]));
    return e;
  }

  // change lays out an item of the list of most significant changes:
  // [rank, passage, linked, old line, new line, old text, new text].
  function change(anchor, c) {
    var cls = classes[c[0]];
    var li = node("li", "lv-" + cls);
    li.append(node("span", "badge lv-" + cls, cls), " ");
    if (c[2]) {
      var a = node("a", "", "passage " + c[1]);
      a.href = "#" + anchor + "-p" + c[1];
      li.append(a);
    } else {
      li.append("passage " + c[1]);
    }
    li.append(" ", node("span", "line", "lines " + (c[3] || "–") + " → " + (c[4] || "–")), ": ");
    var o = text(c[5]), n = text(c[6]);
    if (o) { li.append(node("del", "", o)); }
    if (o && n) { li.append(" → "); }
    if (n) { li.append(node("ins", "", n)); }
    return li;
  }

  var svgNS = "http://www.w3.org/2000/svg";

  // svgNode makes an SVG element with attributes given as name, value,
  // name, value...
  function svgNode(tag, attrs, content) {
    var e = document.createElementNS(svgNS, tag);
    for (var i = 0; i < attrs.length; i += 2) { e.setAttribute(attrs[i], attrs[i + 1]); }
    if (content !== undefined) { e.textContent = content; }
    return e;
  }

  // track lays out a figure track's row: [change, arrow, label, unit,
  // hedge changed, long, chart, width, height, baseline, ticks, value
  // ticks, points, observations].
  function track(t) {
    var tr = node("tr", "track " + t[0]);
    var arrow = node("td", "arrow", t[1]);
    arrow.setAttribute("aria-label", t[0]);
    var what = node("td");
    what.append(t[2], node("br"), node("span", "note", t[3] + ", " + t[0] + (t[4] ? ", hedge changed" : "")));
    var list = node("ol", "obs");
    t[13].forEach(function (o) {
      var li = node("li");
      li.append(node("code", "", o[0]), " ", node("span", "value", o[1]), " “" + text(o[2]) + "” ", node("span", "line", "line " + o[3]));
      list.appendChild(li);
    });
    var cell = node("td");
    if (t[5]) {
      var fold = node("details");
      fold.append(node("summary", "", t[13].length + " observations"), list);
      cell.append(fold);
    } else {
      cell.append(list);
    }
    var chartCell = node("td");
    if (t[6]) { chartCell.append(chart(t)); }
    tr.append(arrow, what, cell, chartCell);
    return tr;
  }

  // chart draws a track's chart; an observation is [doc, short, text,
  // line, date, x, y, high y, range, labelled, label y, anchor, sentence].
  function chart(t) {
    var label = t[2] + ": " + t[13].map(function (o) { return o[1] + " in " + o[4]; }).join(", ");
    var svg = svgNode("svg", ["class", "chart", "role", "img", "width", t[7], "height", t[8], "viewBox", "0 0 " + t[7] + " " + t[8], "aria-label", label]);
    svg.append(svgNode("line", ["class", "axis", "x1", 0, "x2", t[7], "y1", t[9], "y2", t[9]]));
    t[10].forEach(function (k) { svg.append(svgNode("text", ["class", "tick", "x", k[0], "y", k[1], "text-anchor", k[3]], k[2])); });
    t[11].forEach(function (k) { svg.append(svgNode("text", ["class", "tick value-axis", "x", k[0], "y", k[1], "text-anchor", k[3]], k[2])); });
    svg.append(svgNode("polyline", ["class", "line", "points", t[12]]));
    t[13].forEach(function (o) {
      var g = svgNode("g", ["class", "point"]);
      if (o[8]) { g.append(svgNode("line", ["class", "range", "x1", o[5], "x2", o[5], "y1", o[6], "y2", o[7]])); }
      var c = svgNode("circle", ["cx", o[5], "cy", o[6], "r", t[5] ? "2.5" : "4"]);
      c.append(svgNode("title", [], o[0] + " (" + o[4] + ", line " + o[3] + "): “" + text(o[2]) + "” — " + text(o[12])));
      g.append(c);
      if (o[9]) { g.append(svgNode("text", ["class", "val", "x", o[5], "y", o[10], "text-anchor", o[11]], o[1])); }
      svg.append(g);
    });
    return svg;
  }

  // layOut fills a section from the page's data: a step's list of changes
  // and its passages (runs of same passages folded as on a short
  // report), or the figure tracks.
  function layOut(sec) {
    var i = waiting.indexOf(sec);
    if (i < 0) { return; }
    waiting.splice(i, 1);
    if (observer) { observer.unobserve(sec); }
    if (sec.id === "figures") {
      var body = sec.querySelector("table.tracks tbody");
      var tracks = document.createDocumentFragment();
      pageData.tracks.forEach(function (t) { tracks.appendChild(track(t)); });
      body.appendChild(tracks);
      if (!waiting.length) { laidOut(); }
      return;
    }
    var d = pageData.steps[sec.id];
    var list = sec.querySelector("ol.changes");
    if (list) {
      var items = document.createDocumentFragment();
      d.c.forEach(function (c) { items.appendChild(change(sec.id, c)); });
      list.appendChild(items);
    }
    var box = sec.querySelector(".passages");
    if (box) {
      var rows = document.createDocumentFragment();
      var n = 0;
      d.g.forEach(function (g) {
        var parent = rows;
        if (g[0]) {
          parent = node("details", "same-run");
          parent.appendChild(node("summary", "", g[0]));
          rows.appendChild(parent);
        }
        g[1].forEach(function (r) { parent.appendChild(row(sec.id, d.l, ++n, r)); });
      });
      box.appendChild(rows);
    }
    if (filtered) { filtered(sec); }
    if (!waiting.length) { laidOut(); }
  }

  // laidOut says that every section is laid out, to tests and to the
  // browser's performance timeline.
  function laidOut() {
    main.dataset.laidOut = "all";
    performance.mark("docdrift: laid out");
  }

  function layOutAll() {
    while (waiting.length) { layOut(waiting[0]); }
  }

  // unpack reads the page's data block: JSON, gzipped, in base64, in a
  // JSON string.
  function unpack(el) {
    var bin = atob(JSON.parse(el.textContent));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  // start lays out what is in view, and sets up the rest, the links and
  // the controls.
  function start() {
    if (waiting.length && "IntersectionObserver" in window) {
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) { if (e.isIntersecting) { layOut(e.target); } });
      }, { rootMargin: "1500px 0px" });
      waiting.forEach(function (sec) { observer.observe(sec); });
    }
    // The other steps, one at a time while the page is idle, so that
    // finding in the page and the filters reach every passage.
    var later = window.requestIdleCallback || function (f) { return setTimeout(f, 0); };
    function background() {
      if (!waiting.length) { return; }
      layOut(waiting[0]);
      later(background);
    }
    if (!waiting.length) {
      laidOut();
    } else if (!observer) {
      layOutAll();
    } else if (document.readyState === "complete") {
      later(background);
    } else {
      window.addEventListener("load", function () { later(background); });
    }

    // A link to a passage not laid out yet lays out its step first.
    function reveal() {
      var id = decodeURIComponent(location.hash.slice(1));
      var m = /^(step-\d+)-p\d+$/.exec(id);
      if (!m || !waiting.length) { return; }
      var sec = document.getElementById(m[1]);
      if (!sec) { return; }
      layOut(sec);
      var target = document.getElementById(id);
      if (target) { target.scrollIntoView(); }
    }
    window.addEventListener("hashchange", reveal);
    reveal();

    // Print every passage, and put the page back as it was afterwards.
    var closed = [];
    window.addEventListener("beforeprint", function () {
      layOutAll();
      closed = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
      closed.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      closed.forEach(function (d) { d.open = false; });
    });

    var kinds = pageData ? pageData.kinds : [];
    if (!pageData) {
      document.querySelectorAll(".row").forEach(function (r) {
        if (kinds.indexOf(r.dataset.kind) < 0) { kinds.push(r.dataset.kind); }
      });
    }
    if (!kinds.length || !controls) { return; }
    var box = document.getElementById("kinds");
    kinds.forEach(function (k) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = k;
      input.checked = true;
      input.addEventListener("change", apply);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + k));
      box.appendChild(label);
    });
    var level = document.getElementById("min-level");
    level.addEventListener("change", apply);
    var position = document.getElementById("position");
    var current = -1;

    function shownKinds() {
      var on = {};
      box.querySelectorAll("input").forEach(function (i) { on[i.value] = i.checked; });
      return on;
    }

    // filter hides the rows under root of unchecked kinds and, for passages
    // with changes, those below the class asked for; a run of same passages
    // disappears with its last shown row.
    function filter(root) {
      var on = shownKinds();
      var min = parseInt(level.value, 10);
      root.querySelectorAll(".row").forEach(function (r) {
        var rank = parseInt(r.dataset.rank, 10);
        // Rows without a class (same passages, translations) answer to
        // their kind only.
        var hide = !on[r.dataset.kind] || (rank >= 0 && rank < min);
        r.classList.toggle("filtered", hide);
        r.classList.remove("current");
      });
      root.querySelectorAll("details.same-run").forEach(function (d) {
        d.classList.toggle("filtered", !d.querySelector(".row:not(.filtered)"));
      });
      if (current < 0) { position.textContent = stops().length + " changes shown"; }
    }

    function apply() {
      current = -1;
      filter(document);
    }

    function stops() {
      return Array.prototype.filter.call(document.querySelectorAll(".row.change"), function (r) {
        return !r.classList.contains("filtered");
      });
    }

    function go(step) {
      layOutAll();
      var s = stops();
      if (!s.length) { return; }
      if (current >= 0 && current < s.length) { s[current].classList.remove("current"); }
      if (current < 0) {
        current = step > 0 ? 0 : s.length - 1;
      } else {
        current = (current + step + s.length) % s.length;
      }
      var r = s[current];
      r.classList.add("current");
      r.scrollIntoView({ block: "center" });
      position.textContent = "change " + (current + 1) + " of " + s.length;
    }

    document.getElementById("next").addEventListener("click", function () { go(1); });
    document.getElementById("prev").addEventListener("click", function () { go(-1); });
    document.addEventListener("keydown", function (e) {
      if (e.target && /INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) { return; }
      if (e.key === "j") { go(1); } else if (e.key === "k") { go(-1); }
    });

    controls.hidden = false;
    filtered = filter;
    apply();
  }

  var packed = document.getElementById("page-data");
  if (!packed) {
    start();
    return;
  }
  Promise.resolve().then(function () {
    if (!window.DecompressionStream) { throw new Error("no DecompressionStream"); }
    return unpack(packed);
  }).then(function (d) {
    performance.mark("docdrift: unpacked");
    pageData = d;
    pieces = d.p;
    classes = d.classes;
    document.querySelectorAll("section.step, #figures").forEach(function (sec) {
      if (sec.id === "figures" ? d.tracks.length : d.steps[sec.id]) { waiting.push(sec); }
    });
    start();
  }, function (err) {
    var note = node("p", "verdict failed", "This browser could not unpack the report's passages, changes and figure tracks (" + err.message + "); docdrift timeline --format markdown writes them as text.");
    main.insertBefore(note, main.firstChild);
  });
}());
