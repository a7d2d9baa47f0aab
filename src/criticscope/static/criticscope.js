/* criticscope: the spoiler reveal, remembered in localStorage.  Every page works
   without this script; without it, the "Show spoilers" links reload the page with
   ?spoilers=show. */
(function () {
  "use strict";
  var KEY = "criticscope.spoilers";
  var box = document.querySelector("[data-spoiler-box]");
  if (!box) return;

  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* storage may be disabled */ }
  }
  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function show(visible, save) {
    box.classList.toggle("spoilers-shown", visible);
    document.querySelectorAll("[data-spoiler-toggle]").forEach(function (t) {
      t.textContent = visible ? "Hide spoilers" : "Show spoilers";
      t.setAttribute("aria-pressed", visible ? "true" : "false");
      t.setAttribute("href", visible ? "?spoilers=hide" : "?spoilers=show");
    });
    if (save) remember(visible ? "show" : "hide");
  }

  // an explicit ?spoilers= in the address wins over the remembered choice
  if (!new URLSearchParams(window.location.search).get("spoilers") && remembered() === "show") {
    show(true, false);
  }
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-reveal], [data-spoiler-toggle]");
    if (!el) return;
    event.preventDefault();
    show(el.hasAttribute("data-reveal") ? true : !box.classList.contains("spoilers-shown"), true);
  });
})();
