// sukien — small progressive enhancements (the pages work without JS).
(function () {
  "use strict";
  // Hovering a marker on the axis highlights the event in the list, and the other way round.
  function link(sel) {
    document.querySelectorAll(sel).forEach(function (el) {
      var id = el.getAttribute("data-id");
      if (!id) return;
      el.addEventListener("mouseenter", function () { toggle(id, true); });
      el.addEventListener("mouseleave", function () { toggle(id, false); });
    });
  }
  function toggle(id, on) {
    document.querySelectorAll("[data-id]").forEach(function (el) {
      if (el.getAttribute("data-id") === id && (el.classList.contains("mk") || el.classList.contains("ev-item"))) {
        el.classList.toggle("hot", on);
      }
    });
  }
  // On a document page opened from an event (?hl=start-end), scroll the highlighted span into view.
  function scrollToMark() {
    var m = document.querySelector(".doc-text mark.ev-mark");
    if (m) { m.id = "hl"; m.scrollIntoView({ block: "center" }); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    link(".axis .mk");
    link(".ev-item");
    scrollToMark();
  });
})();
