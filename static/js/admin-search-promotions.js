/*
 * The search term chooser of Wagtail's promoted search results, which Wagtail defines in an
 * inline <script> (wagtailsearchpromotions/queries/chooser_field.js). admin-csp.js calls it
 * as createQueryChooser(inputId, {url: <chooser url>}) from the override templates in
 * templates/wagtailsearchpromotions/.
 */
/* global ModalWorkflow, QUERY_CHOOSER_MODAL_ONLOAD_HANDLERS */
window.createQueryChooser = function (id, options) {
  'use strict';
  var input = document.getElementById(id);
  var chooser = document.getElementById(id + '-chooser');
  if (!input || !chooser) {
    return;
  }
  chooser.addEventListener('click', function () {
    ModalWorkflow({
      url: options.url,
      onload: QUERY_CHOOSER_MODAL_ONLOAD_HANDLERS,
      responses: {
        queryChosen: function (queryData) {
          input.value = queryData.querystring;
        },
      },
    });
  });
};
