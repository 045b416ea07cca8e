/* Sortable, filterable tables, with no server and no library: every <table> inside an element
   of class "sortable-table" gets a filter box with a live count above it, and its column
   headings become buttons that sort the rows (ascending, then descending). */
(function () {
  "use strict";

  // Natural order: "Resolution 2" < "Resolution 11" < "Resolution 130" < "Resolution COM5/2".
  var collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

  // Brackets do not count: "[COVID-19]" sorts among the letters, not before every number.
  function sortKey(cell) {
    var text = cell ? (cell.dataset.sort || cell.textContent) : "";
    return text.replace(/[[\]()]/g, "").trim();
  }

  function sortBy(table, column, heading) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: sortKey(row.cells[column]), index: index };
    });
    rows.sort(function (a, b) {
      return (ascending ? 1 : -1) * collator.compare(a.key, b.key) || a.index - b.index;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    table.querySelectorAll("thead th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  // Every word typed (spaces or commas between) must appear somewhere in the row, in any case.
  function filter(table, query, count) {
    var words = query.toLowerCase().split(/[\s,;]+/).filter(Boolean);
    var rows = table.tBodies[0].rows;
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
      if (!row.hidden) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }

  function addFilter(table, number) {
    var controls = document.createElement("div");
    controls.className = "table-filter";
    var id = "table-filter-" + number;
    controls.innerHTML =
      '<label for="' + id + '">Filter rows</label> ' +
      '<input type="search" id="' + id + '" autocomplete="off" spellcheck="false"' +
      ' placeholder="e.g. 130 or dubai 2018"> ' +
      '<span class="table-filter__count" role="status"></span>';
    var input = controls.querySelector("input");
    var count = controls.querySelector("span");
    input.addEventListener("input", function () { filter(table, input.value, count); });
    // Before Material's horizontal scroll wrapper, if it is already there, so the box stays put.
    var anchor = table.closest(".md-typeset__scrollwrap") || table;
    anchor.parentNode.insertBefore(controls, anchor);
    filter(table, input.value, count);  // the browser may restore a typed value on "back"
  }

  function addSorting(table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "table-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, th); });
    });
  }

  // The page marks each such table with an empty div.sortable-table-marker just before it; the
  // marker and the table (or the scroll wrapper Material puts around it) go into div.sortable-table.
  function wrapMarkedTables() {
    document.querySelectorAll(".sortable-table-marker").forEach(function (marker) {
      var next = marker.nextElementSibling;
      if (!next || marker.parentNode.classList.contains("sortable-table")) return;
      var wrapper = document.createElement("div");
      wrapper.className = "sortable-table";
      marker.parentNode.insertBefore(wrapper, marker);
      wrapper.appendChild(marker);
      wrapper.appendChild(next);
    });
  }

  function enhance() {
    wrapMarkedTables();
    document.querySelectorAll(".sortable-table table").forEach(function (table, number) {
      if (table.dataset.enhanced || !table.tHead || !table.tBodies.length) return;
      table.dataset.enhanced = "true";
      addSorting(table);
      addFilter(table, number + 1);
    });
  }

  // Material's document$ emits each page it shows; without it, the page is ready on DOMContentLoaded.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
