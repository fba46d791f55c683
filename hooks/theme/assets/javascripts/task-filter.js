/* The table of all tasks (tasks.md.j2), once JavaScript runs: its column headings sort it
   (Tablesort, vendor/), and a form above it filters it by pillar, lead unit and status. Without
   JavaScript the whole list stands as it is. The wrapper names the columns to filter by their
   headings (data-pii-task-filter) and gives the form's words in the page's language. */
(function () {
  "use strict";

  function texts(cell) {
    // What a cell can be filtered by: a status's words, else each linked name, else its text.
    var label = cell.querySelector(".pii-status__label");
    if (label) return [label.textContent.trim()];
    var links = cell.querySelectorAll("a");
    if (links.length) return Array.prototype.map.call(links, function (a) { return a.textContent.trim(); });
    return [cell.textContent.trim()];
  }

  function setUp(box) {
    var table = box.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    // Sorting the first column (the code) puts the tasks back in the plan's order, not in
    // alphabetical order ("IV" before "V" but "IX" before "V").
    rows.forEach(function (row, index) { row.cells[0].setAttribute("data-sort", String(10000 + index)); });
    if (window.Tablesort) new window.Tablesort(table);

    var form = document.createElement("form");
    form.className = "pii-task-filter";
    form.setAttribute("aria-label", box.getAttribute("data-legend"));
    var filters = [];
    JSON.parse(box.getAttribute("data-pii-task-filter")).forEach(function (heading) {
      var column = headings.indexOf(heading);
      if (column < 0) return;
      var values = {};
      rows.forEach(function (row) { texts(row.cells[column]).forEach(function (v) { if (v) values[v] = true; }); });
      var select = document.createElement("select");
      select.appendChild(new Option(box.getAttribute("data-all"), ""));
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, document.documentElement.lang); })
        .forEach(function (value) { select.appendChild(new Option(value, value)); });
      var label = document.createElement("label");
      label.appendChild(document.createTextNode(heading + " "));
      label.appendChild(select);
      form.appendChild(label);
      filters.push({ column: column, select: select });
    });
    var count = document.createElement("p");
    count.className = "pii-task-filter__count";
    count.setAttribute("aria-live", "polite");

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = filters.every(function (f) { return !f.select.value || texts(row.cells[f.column]).indexOf(f.select.value) >= 0; });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = box.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", rows.length);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var hint = document.createElement("p");
    hint.className = "pii-task-filter__hint";
    hint.textContent = box.getAttribute("data-sort-hint");
    box.insertBefore(hint, box.firstChild);
    box.insertBefore(count, box.firstChild);
    box.insertBefore(form, box.firstChild);
    apply();
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pii-task-filter]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
