/* Printed pages show where links lead (see pii.css, @media print). CSS alone can only print an
   href as written, and this site's links are relative ("../units/phong-kinh-te/"); this writes
   each target's full address into data-print-url, once per target per page so a page that
   names the same unit twenty times is not cluttered. Links within the page are left out. */
(function () {
  "use strict";
  function markLinks() {
    var here = location.href.split("#")[0];
    var seen = {};
    var links = document.querySelectorAll(".md-content .md-typeset a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.classList.contains("headerlink")) continue;
      var target = link.href;
      if (!/^https?:/.test(target) || target.split("#")[0] === here) continue;
      if (seen[target]) continue;
      seen[target] = true;
      link.setAttribute("data-print-url", target);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markLinks);
  } else {
    markLinks();
  }
})();
