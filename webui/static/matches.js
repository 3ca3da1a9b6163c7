// "Next match" on the document page: each press moves to the following <mark>, wrapping round at the end.
// Without this script the control is a plain link to the first match.
(function () {
  "use strict";
  function init() {
    var next = document.querySelector(".next-match");
    if (!next) { return; }
    var count = document.querySelector(".match-count");
    var total = parseInt(next.dataset.count, 10);
    var current = 0;
    next.setAttribute("role", "button");
    next.addEventListener("click", function (event) {
      event.preventDefault();
      var previous = document.getElementById("match-" + current);
      if (previous) { previous.classList.remove("current"); }
      current = current % total + 1;
      var mark = document.getElementById("match-" + current);
      mark.classList.add("current");
      mark.scrollIntoView({ block: "center" });
      // Focus stays on the control so the next press goes on; the live count tells a screen reader where it is.
      count.textContent = current + " / " + total + " uyğunluq: " + mark.textContent;
      history.replaceState(null, "", "#match-" + current);
    });
    next.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); next.click(); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
