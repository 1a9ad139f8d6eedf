/* The SCORM 1.2 player of a lesson page: scorm-again's runtime as window.API, started
   with the learner's stored CMI data, committing to the server; then the package is
   loaded in the iframe. Configuration comes from the JSON block #scorm-config (the
   Content-Security-Policy allows no inline scripts).

   A commit is acknowledged to the package only once the server has stored it. Every
   commit is first kept in localStorage (config.unsavedKey) and removed when the server
   answers that it stored it; what the server did not store is sent again every
   config.retrySeconds, and at the next launch of the lesson in this browser, before the
   package starts (the server still takes commits of the session that ended last). */
(function () {
  "use strict";

  var configElement = document.getElementById("scorm-config");
  var frame = document.getElementById("scorm-frame");
  var statusElement = document.getElementById("scorm-status");
  if (!configElement || !frame || !window.Scorm12API) { return; }
  var config = JSON.parse(configElement.textContent);

  var STORED = "stored";      // the server stored the commit
  var REFUSED = "refused";    // the server will never store it (invalid, or an old session)
  var FAILED = "failed";      // not stored yet: no connection, server error, no session
  var GENERAL_EXCEPTION = 101;

  // --- the commits the server has not stored yet, oldest session first ---

  var memory = [];  // used when localStorage is unavailable (private mode, quota)
  var sequence = 0;

  function unsaved() {
    try {
      return JSON.parse(window.localStorage.getItem(config.unsavedKey) || "[]");
    } catch (error) {
      return memory;
    }
  }

  function keepUnsaved(entries) {
    memory = entries;
    try {
      if (entries.length) {
        window.localStorage.setItem(config.unsavedKey, JSON.stringify(entries));
      } else {
        window.localStorage.removeItem(config.unsavedKey);
      }
    } catch (error) {
      // Kept in memory only: still retried while this page is open.
    }
  }

  // Each commit carries the whole CMI data, so per session only the latest one matters
  // (a finish stays a finish).
  function remember(commit, finish) {
    var entries = unsaved();
    var entry = { url: config.commitUrl, commit: commit, finish: finish, seq: Date.now() + "-" + (sequence += 1) };
    var last = entries[entries.length - 1];
    if (last && last.url === entry.url) {
      entry.finish = entry.finish || last.finish;
      entries[entries.length - 1] = entry;
    } else {
      entries.push(entry);
    }
    keepUnsaved(entries);
    return entry;
  }

  function forget(entry) {
    keepUnsaved(unsaved().filter(function (kept) { return kept.seq !== entry.seq; }));
  }

  // --- sending ---

  // A form with Django's CSRF token and the CMI data as JSON in "commit" (a form, because
  // a commit while the page unloads goes by navigator.sendBeacon, which cannot carry the
  // X-CSRFToken header).
  function formBody(entry) {
    return "csrfmiddlewaretoken=" + encodeURIComponent(config.csrfToken) +
      "&commit=" + encodeURIComponent(JSON.stringify(entry.commit));
  }

  function entryUrl(entry) {
    return entry.url + (entry.finish ? "?finish=true" : "");
  }

  function outcome(status, text) {
    if (status >= 200 && status < 300) {
      try {
        return String(JSON.parse(text).result) === "true" ? STORED : REFUSED;
      } catch (error) {
        return FAILED;  // not the server's answer (e.g. a proxy's error page)
      }
    }
    // 400: values the server refuses; 404: the lesson is gone; 409: an older session.
    if (status === 400 || status === 404 || status === 409) { return REFUSED; }
    return FAILED;
  }

  function sendNow(entry) {
    var request = new XMLHttpRequest();
    request.open("POST", entryUrl(entry), false);  // LMSCommit is synchronous in SCORM 1.2
    request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    try {
      request.send(formBody(entry));
    } catch (error) {
      return FAILED;
    }
    return outcome(request.status, request.responseText);
  }

  function sendLater(entry) {
    return window.fetch(entryUrl(entry), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody(entry),
      credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (text) { return outcome(response.status, text); });
    }, function () { return FAILED; });
  }

  // Sends the unsaved commits in order, synchronously; true when the last one is stored.
  function sendAllNow() {
    var entries = unsaved();
    var result = FAILED;
    for (var index = 0; index < entries.length; index += 1) {
      result = sendNow(entries[index]);
      if (result === FAILED) { break; }
      forget(entries[index]);
    }
    return result === STORED;
  }

  // The same in the background (fetch); resolves with the outcome of the last one sent.
  // Commits the server refuses are dropped (and collected in ``refused`` if given).
  function sendAllLater(refused) {
    var entries = unsaved();
    if (!entries.length) { return Promise.resolve(STORED); }
    return sendLater(entries[0]).then(function (result) {
      if (result === FAILED) { return FAILED; }
      if (result === REFUSED && refused) { refused.push(entries[0].seq); }
      forget(entries[0]);
      return unsaved().length ? sendAllLater(refused) : result;
    });
  }

  // --- telling the learner, and retrying ---

  var failing = false;
  var retryTimer = null;
  var retrying = null;  // the background retry in flight

  function show(message) {
    if (statusElement.textContent !== message) { statusElement.textContent = message; }
  }

  function reportStored() {
    show(failing ? config.messages.savedLate : config.messages.saved);
    failing = false;
    tellLaunchPage();
  }

  function reportUnsaved() {
    failing = true;
    show(config.messages.failed);
    tellLaunchPage();
    scheduleRetry();
  }

  // On a separate content origin the launch page answers the package's LMSCommit itself
  // (scorm-launch.js): it learns here whether everything is stored.
  function tellLaunchPage() {
    if (config.contentOrigin && frame.contentWindow) {
      frame.contentWindow.postMessage({ kpoCommitsUnsaved: failing }, config.contentOrigin);
    }
  }

  function scheduleRetry() {
    if (retryTimer === null) {
      retryTimer = window.setTimeout(retry, config.retrySeconds * 1000);
    }
  }

  function retry() {
    retryTimer = null;
    if (retrying) { return retrying; }
    retrying = sendAllLater().then(function (result) {
      retrying = null;
      if (unsaved().length) {
        reportUnsaved();
      } else if (failing) {
        reportStored();
      }
      return result;
    });
    return retrying;
  }

  window.addEventListener("online", function () { retry(); });

  // --- the runtime's HTTP service (scorm-again's IHttpService) ---

  var leaving = false;  // the page is being closed: synchronous requests are not allowed
  window.addEventListener("pagehide", function () { leaving = true; });

  function beaconAll() {
    unsaved().forEach(function (entry) {
      var body = new Blob([formBody(entry)], { type: "application/x-www-form-urlencoded" });
      navigator.sendBeacon(entryUrl(entry), body);
    });
  }

  var commitService = {
    processHttpRequest: function (url, commit, immediate) {
      remember(commit, Boolean(immediate));
      if (leaving) {
        // Kept until the next launch replays it: a beacon's delivery cannot be confirmed.
        beaconAll();
        return { result: "true", errorCode: 0 };
      }
      // While a background retry is in flight, sending now could overtake it with older
      // data arriving last; the retry sends this commit too.
      if (!retrying && sendAllNow()) {
        reportStored();
        return { result: "true", errorCode: 0 };
      }
      reportUnsaved();
      return { result: "false", errorCode: GENERAL_EXCEPTION };
    },
    updateSettings: function () {}
  };

  // --- starting ---

  // What the learner did in commits that were not stored yet (or only just now) is newer
  // than the data the page was rendered with: the package resumes from it.
  function resumeFrom(entries) {
    var cmi = config.cmi;
    entries.forEach(function (entry) {
      var core = (entry.commit.cmi && entry.commit.cmi.core) || {};
      ["lesson_location", "lesson_status", "score"].forEach(function (name) {
        if (core[name] !== undefined) { cmi.core[name] = core[name]; }
      });
      if (entry.commit.cmi && entry.commit.cmi.suspend_data !== undefined) {
        cmi.suspend_data = entry.commit.cmi.suspend_data;
      }
      cmi.core.entry = "resume";
    });
  }

  function replayEarlierSessions() {
    var entries = unsaved();
    if (!entries.length) { return Promise.resolve(); }
    var refused = [];
    failing = true;
    return sendAllLater(refused).then(function () {
      resumeFrom(entries.filter(function (entry) { return refused.indexOf(entry.seq) === -1; }));
      if (unsaved().length) { reportUnsaved(); } else { reportStored(); }
    });
  }

  function start() {
    var api = new window.Scorm12API({
      lmsCommitUrl: config.commitUrl,
      dataCommitFormat: "json",
      autocommit: true,
      autocommitSeconds: 30,
      logLevel: 4
    }, commitService);
    api.loadFromJSON(config.cmi);
    window.API = api;
    if (config.contentOrigin && window.CrossFrameLMS) {
      // The package runs on the content origin, below its launch page (scorm-launch.js),
      // which calls this API through postMessage; messages from any other origin are ignored.
      new window.CrossFrameLMS(api, config.contentOrigin);
    }
    frame.src = config.launchUrl;
  }

  replayEarlierSessions().then(start);
}());
