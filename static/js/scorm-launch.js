/* The launch page on the separate SCORM content origin (academie/README.md, "Separate
   content origin"). The package looks for window.API in its parent frames: this page is
   its parent, on the package's own origin, and its window.API is scorm-again's
   CrossFrameAPI (wrapped so that commits are not acknowledged once the player could not
   store them, see acknowledgingStoredCommits). Every call goes by postMessage to the player on the site
   (scorm-player.js, CrossFrameLMS), which runs the real runtime and commits with the
   learner's session. CrossFrameAPI posts only to the site's origin and takes answers only
   from that origin and the parent window. Configuration: the JSON block
   #scorm-launch-config (the Content-Security-Policy allows no inline scripts). */
(function () {
  "use strict";

  var configElement = document.getElementById("scorm-launch-config");
  var frame = document.getElementById("scorm-package");
  // Only inside the player: opened on its own, there is no runtime to talk to.
  if (!configElement || !frame || !window.CrossFrameAPI || window.parent === window) { return; }
  var config = JSON.parse(configElement.textContent);

  var api = new window.CrossFrameAPI(config.siteOrigin, window.parent);
  window.API = acknowledgingStoredCommits(api);

  // CrossFrameAPI answers LMSCommit and LMSFinish with "true" at once, before the player
  // has even received the call. A postMessage answer cannot be waited for synchronously,
  // so this answers with what the player last reported: once a commit could not be
  // stored, "false" (and error 101 from LMSGetLastError) until the player has stored
  // everything again. The
  // player keeps every commit until the server has stored it (scorm-player.js).
  function acknowledgingStoredCommits(crossFrame) {
    var unsaved = false;
    var commitError = null;
    // The player also says when its retries have stored everything (scorm-player.js).
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (event.origin === config.siteOrigin && event.source === window.parent &&
          data && typeof data.kpoCommitsUnsaved === "boolean") {
        unsaved = data.kpoCommitsUnsaved;
      }
    });
    function acknowledge(method) {
      return function (argument) {
        crossFrame._post(method, [argument === undefined ? "" : argument]).then(
          function (result) { unsaved = String(result) !== "true"; },
          function () { unsaved = true; }
        );
        commitError = unsaved ? "101" : null;
        return unsaved ? "false" : "true";
      };
    }
    function passOn(method) {
      return function () {
        commitError = null;
        return crossFrame[method].apply(crossFrame, arguments);
      };
    }
    return {
      LMSInitialize: passOn("LMSInitialize"),
      LMSGetValue: passOn("LMSGetValue"),
      LMSSetValue: passOn("LMSSetValue"),
      LMSGetErrorString: passOn("LMSGetErrorString"),
      LMSGetDiagnostic: passOn("LMSGetDiagnostic"),
      LMSCommit: acknowledge("LMSCommit"),
      LMSFinish: acknowledge("LMSFinish"),
      LMSGetLastError: function () { return commitError || crossFrame.LMSGetLastError(); },
      crossFrame: crossFrame
    };
  }

  // CrossFrameAPI answers LMSGetValue at once from a cache that it refreshes in the
  // background, but a package reads its resume data (cmi.core.entry, lesson_location,
  // suspend_data) right after LMSInitialize. So the cache is filled with the player's CMI
  // data first ("getFlattenedCMI", the message CrossFrameAPI itself refreshes with), and
  // only then is the package loaded. _post and _cache are internals of the pinned
  // scorm-again version; tests/test_browser_scorm.py resumes through them.
  api._post("getFlattenedCMI", []).then(function (cmi) {
    Object.keys(cmi || {}).forEach(function (key) { api._cache.set(key, String(cmi[key])); });
    frame.src = config.packageUrl;
  }, function () {
    document.getElementById("scorm-launch-failed").hidden = false;
    frame.hidden = true;
  });
}());
