/* Printed pages (pinned on a notice board) say where things are online: relative addresses mean
   nothing on paper.
   - A link in running text prints its target's full address after it (pii.css, @media print), once
     per target per page, written here into data-print-url. Links in tables and lists print nothing:
     an address after every task and unit of the plan's appendix drowned the table (and wrapped over
     five lines in its narrowest column); the reader finds them from the page's own address.
   - The page's own address: with a public address, the hook writes it (beside the QR code of the
     plan, task and unit pages, or under the title); without one, only the browser knows it, so the
     empty slot under the title (.pii-print-address__url) is filled with it here.
   - Folded lists (<details>) are opened for printing and folded again after. */
(function () {
  "use strict";
  var QUIET = "table, ul, ol, dl, nav, .pii-print-qr, .pii-print-address";
  function markLinks() {
    var here = location.href.split("#")[0];
    var seen = {};
    var links = document.querySelectorAll(".md-content .md-typeset a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.classList.contains("headerlink") || link.closest(QUIET)) continue;
      var target = link.href;
      if (!/^https?:/.test(target) || target.split("#")[0] === here) continue;
      if (seen[target]) continue;
      seen[target] = true;
      link.setAttribute("data-print-url", target);
    }
    var slots = document.querySelectorAll(".pii-print-address__url");
    for (var j = 0; j < slots.length; j++) {
      if (!slots[j].textContent) slots[j].textContent = here;
    }
  }
  /* Folded lists print unfolded (paper cannot be clicked open), then fold again. */
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    unfolded = [].slice.call(document.querySelectorAll(".md-content details:not([open])"));
    unfolded.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (details) { details.open = false; });
    unfolded = [];
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markLinks);
  } else {
    markLinks();
  }
})();
