/*
 * Starts the Wagtail admin widgets that Wagtail itself starts with inline <script>s, which
 * KPO's Content-Security-Policy does not run. KPO's overrides of those templates
 * (templates/wagtailadmin/) render an element instead:
 *   <span hidden data-kpo-init="initDateChooser" data-kpo-input="id_date" data-kpo-options="{…}">
 * and this script calls the same Wagtail function with the same arguments, for the elements
 * in the page and for those added later (a new InlinePanel form, a modal).
 */
(function () {
  'use strict';

  // Only these Wagtail globals may be started from markup.
  // Constructors: new window[name](options) for panels, new window[name](id, options) for
  // choosers. Functions: window[name](id, options).
  var PANELS = ['InlinePanel', 'MultipleChooserPanel'];
  var CHOOSERS = ['Chooser', 'PageChooser', 'DocumentChooser', 'ImageChooser', 'SnippetChooser'];
  var FUNCTIONS = [
    'initDateChooser', 'initTimeChooser', 'initDateTimeChooser', 'createTaskChooser',
    'createQueryChooser',
  ];

  function start(element) {
    var name = element.dataset.kpoInit;
    var options = JSON.parse(element.dataset.kpoOptions || '{}');
    element.dataset.kpoStarted = 'true';
    var id = element.dataset.kpoInput;
    if (PANELS.indexOf(name) !== -1) {
      new window[name](options);
    } else if (CHOOSERS.indexOf(name) !== -1) {
      new window[name](id, options);
    } else if (FUNCTIONS.indexOf(name) !== -1) {
      window[name](id, options);
    }
  }

  function startAll(root) {
    if (root.matches && root.matches('[data-kpo-init]:not([data-kpo-started])')) {
      start(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('[data-kpo-init]:not([data-kpo-started])').forEach(start);
    }
  }

  function observe() {
    startAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(startAll);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', observe);
  } else {
    observe();
  }
})();
