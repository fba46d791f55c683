/* Follows each <time data-pii-age> (a task's last update) with "(56 ngày trước)" / "(56 days ago)",
   counted here, in the reader's browser, on the day the page is read: counted at build time it
   would stay wrong until the next build. The words come from the browser's own Intl in the page's
   language; without Intl the absolute date stands alone. */
(function () {
  "use strict";
  var DAY = 86400000;
  function addAges() {
    if (!window.Intl || !Intl.RelativeTimeFormat) return;
    var words = new Intl.RelativeTimeFormat(document.documentElement.lang || "vi", { numeric: "auto" });
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var times = document.querySelectorAll("time[data-pii-age]");
    for (var i = 0; i < times.length; i++) {
      var parts = times[i].getAttribute("datetime").split("-");
      var days = Math.round((Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) - today) / DAY);
      if (isNaN(days) || days > 0) continue;  // a date after today: the reader's clock is off
      var age = document.createElement("span");
      age.className = "pii-age";
      age.textContent = " (" + words.format(days, "day") + ")";
      times[i].parentNode.insertBefore(age, times[i].nextSibling);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addAges);
  } else {
    addAges();
  }
})();
