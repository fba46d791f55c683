/* The province site's table of communes (pii_site/render/templates/province/home.md.j2), once
   JavaScript runs: a search box that finds a commune by name or code typed with or without
   diacritics ("vinh thuan" finds "Vĩnh Thuận"), a filter by the data column, and sorting by any
   heading (Tablesort, vendor/). Without JavaScript the whole table stands as it is. The wrapper
   gives the form's words in the page's language. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function labelled(text, control) {
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(text + " "));
    label.appendChild(control);
    return label;
  }

  function setUp(box) {
    var table = box.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var last = table.tHead.rows[0].cells.length - 1;
    if (window.Tablesort) new window.Tablesort(table);
    var keys = rows.map(function (row) { return fold(row.cells[0].textContent + " " + row.cells[1].textContent); });
    // The data column's state, without the day in brackets: the filter's choices.
    function state(row) { return row.cells[last].textContent.split("(")[0].trim(); }

    var form = document.createElement("form");
    form.className = "pii-task-filter";
    form.setAttribute("aria-label", box.getAttribute("data-legend"));
    var search = document.createElement("input");
    search.type = "search";
    search.autocomplete = "off";
    form.appendChild(labelled(box.getAttribute("data-search"), search));
    var select = document.createElement("select");
    select.appendChild(new Option(box.getAttribute("data-all"), ""));
    var states = {};
    rows.forEach(function (row) { states[state(row)] = true; });
    Object.keys(states).sort().forEach(function (value) { select.appendChild(new Option(value, value)); });
    form.appendChild(labelled(box.getAttribute("data-quality"), select));
    var count = document.createElement("p");
    count.className = "pii-task-filter__count";
    count.setAttribute("aria-live", "polite");

    function apply() {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var keep = words.every(function (w) { return keys[index].indexOf(w) >= 0; }) &&
          (!select.value || state(row) === select.value);
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = box.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", rows.length);
    }
    form.addEventListener("input", apply);
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
    Array.prototype.forEach.call(document.querySelectorAll("[data-pii-commune-filter]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
