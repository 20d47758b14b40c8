/* lcbook: mend the theme's sidebar toggles (pydata-sphinx-theme 0.17.1 with sphinx-book-theme 1.3.0).
   The theme binds its drawer to the first ".primary-toggle" / ".secondary-toggle" in the page, which
   is a hidden button in the top bar; the visible ones in the article header then do nothing
   (pydata-sphinx-theme issue 2451, sphinx-book-theme issue 988). Each visible toggle passes its
   click on to the bound one, which opens the drawer on a phone and folds the sidebar on a laptop. */
(function () {
  "use strict";
  function mend(selector) {
    var bound = document.querySelector(selector);
    if (!bound) return;
    document.querySelectorAll(selector).forEach(function (toggle) {
      if (toggle === bound) return;
      toggle.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
      });
    });
  }
  var done = false;
  function init() {
    if (done) return;
    done = true;
    mend(".primary-toggle");
    mend(".secondary-toggle");
  }
  // This script is deferred and runs before the theme's own deferred scripts have bound their
  // handlers; DOMContentLoaded comes after all of them.
  if (document.readyState === "complete") {
    init();
  } else {
    document.addEventListener("DOMContentLoaded", init);
    window.addEventListener("load", init);
  }
})();
