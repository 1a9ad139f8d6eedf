/* The header's menu button on narrow screens (templates/components/header.html): it shows
   and hides the main menu and says which in aria-expanded. Without JavaScript the button
   stays hidden and the menu is always open; on wide screens CSS hides the button. */
(function () {
  "use strict";

  var button = document.querySelector("[data-kpo-menu-button]");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) { return; }

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("kpo-nav--closed", !open);
  }

  menu.classList.add("kpo-nav--collapsible");
  setOpen(false);
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
