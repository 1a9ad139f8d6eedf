/* The SCORM 1.2 player of a lesson page: scorm-again's runtime as window.API, started
   with the learner's stored CMI data, committing to the server; then the package is
   loaded in the iframe. Configuration comes from the JSON block #scorm-config (the
   Content-Security-Policy allows no inline scripts). */
(function () {
  "use strict";

  var configElement = document.getElementById("scorm-config");
  var frame = document.getElementById("scorm-frame");
  var statusElement = document.getElementById("scorm-status");
  if (!configElement || !frame || !window.Scorm12API) { return; }
  var config = JSON.parse(configElement.textContent);

  // Commits are sent as a form (the CMI data as JSON in the field "commit") with Django's
  // CSRF token, because LMSFinish goes out by navigator.sendBeacon, which cannot carry
  // the X-CSRFToken header. LMSCommit is a synchronous request, as SCORM 1.2 expects.
  function asForm(commit) {
    return [
      "csrfmiddlewaretoken=" + encodeURIComponent(config.csrfToken),
      "commit=" + encodeURIComponent(JSON.stringify(commit))
    ];
  }

  var api = new window.Scorm12API({
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: "json",
    requestHandler: asForm,
    terminationCommitContentType: "application/x-www-form-urlencoded",
    autocommit: true,
    autocommitSeconds: 30,
    terminateCommitParam: "finish",
    logLevel: 4
  });
  api.loadFromJSON(config.cmi);

  function report() {
    var saved = String(api.lastErrorCode) === "0";
    statusElement.textContent = saved ? config.messages.saved : config.messages.failed;
  }
  api.on("LMSCommit", report);
  api.on("LMSFinish", report);

  window.API = api;
  if (config.contentOrigin && window.CrossFrameLMS) {
    // The package runs on the content origin, below its launch page (scorm-launch.js),
    // which calls this API through postMessage; messages from any other origin are ignored.
    new window.CrossFrameLMS(api, config.contentOrigin);
  }
  frame.src = config.launchUrl;
}());
