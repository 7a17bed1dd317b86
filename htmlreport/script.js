// docdrift report: filtering and navigation. The page reads in full
// without this script; it only adds the controls.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll(".row"));
  var controls = document.getElementById("controls");
  if (!rows.length || !controls) { return; }
  var kinds = [];
  rows.forEach(function (r) {
    if (kinds.indexOf(r.dataset.kind) < 0) { kinds.push(r.dataset.kind); }
  });
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

  // apply hides the rows of unchecked kinds and, for passages with
  // changes, those below the class asked for; a run of same passages
  // disappears with its last shown row.
  function apply() {
    var on = shownKinds();
    var min = parseInt(level.value, 10);
    rows.forEach(function (r) {
      var rank = parseInt(r.dataset.rank, 10);
      // Rows without a class (same passages, translations) answer to
      // their kind only.
      var hide = !on[r.dataset.kind] || (rank >= 0 && rank < min);
      r.classList.toggle("filtered", hide);
      r.classList.remove("current");
    });
    document.querySelectorAll("details.same-run").forEach(function (d) {
      d.classList.toggle("filtered", !d.querySelector(".row:not(.filtered)"));
    });
    current = -1;
    position.textContent = stops().length + " changes shown";
  }

  function stops() {
    return rows.filter(function (r) {
      return r.classList.contains("change") && !r.classList.contains("filtered");
    });
  }

  function go(step) {
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

  // Print every passage, and put the page back as it was afterwards.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
  });

  controls.hidden = false;
  apply();
}());
