/* The search page's filters (search/templates/search/search.html) are a side panel on a
   desktop and fold away on a phone: the <details> starts open, for browsers without
   JavaScript too, and is closed here when the screen is narrow. */
(function () {
  "use strict";

  var facets = document.querySelector("[data-kpo-facets]");
  if (facets && window.matchMedia("(max-width: 47.99rem)").matches) {
    facets.open = false;
  }
})();
