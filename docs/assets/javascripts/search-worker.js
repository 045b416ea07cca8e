// Material's search, on a thread of its own, from files read as a query needs them.
//
// Material starts its search worker (assets/javascripts/workers/search.<hash>.min.js), which builds
// a lunr index of every document each time a page opens the search: 25 s at 30 times the bundled
// corpus. Instead, this starts the site's own engine (search-engine.js, window.__searchEngine),
// which reads the files of search/store/ that a query needs. It starts it from a Blob, the one kind
// of Worker a browser starts from file:// (over http too, the same way). iframe-worker's shim, loaded
// after this, stays as the fallback for a browser without Blob workers (and its name keeps the
// offline plugin from adding a copy from the network); its assignment to window.Worker is kept
// aside, not obeyed.
(function () {
  "use strict";
  if (typeof Worker === "undefined" || typeof Blob === "undefined") {
    return;
  }
  var NativeWorker = Worker;
  var here = document.currentScript && document.currentScript.src;
  var storeUrl = here ? new URL("../../search/store/", here).href : null;
  var blobUrl = null;

  function BlobWorker(url, options) {
    var name = String(url).split("?")[0].split("/").pop();
    if (window.__searchEngine && storeUrl && /^search\.[0-9a-f]+\.min\.js$/.test(name)) {
      try {
        var code = "(" + window.__searchEngine + ")(self, " + JSON.stringify(storeUrl) + ");";
        blobUrl = blobUrl || URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
        return latestQueryOnly(new NativeWorker(blobUrl, options));
      } catch (error) {
        console.warn("search: no worker from a Blob here", error);
      }
    }
    var Fallback = location.protocol === "file:" && window.IFrameWorker || NativeWorker;
    return new Fallback(url, options);
  }

  // Each key typed sends a query, and the worker answers them one after the other: on a large
  // index the answers to "c", "ch", "chi"… kept the last one waiting for seconds. A query is sent
  // once no key has come for QUIET_MS and the worker has answered the one before; only the latest
  // query waits. Material's messages: {type: 2} is a query, {type: 3} the answer to one.
  var QUIET_MS = 100;

  function latestQueryOnly(worker) {
    var post = worker.postMessage.bind(worker);
    var answering = false;
    var next = null;
    var timer = null;

    function sendNext() {
      if (answering || timer !== null || next === null) {
        return;
      }
      answering = true;
      post(next);
      next = null;
    }

    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === 3) {
        answering = false;
        sendNext();
      }
    });
    worker.postMessage = function (message) {
      if (!message || message.type !== 2) {
        post(message);
        return;
      }
      next = message;
      clearTimeout(timer);
      timer = setTimeout(function () {
        timer = null;
        sendNext();
      }, QUIET_MS);
    };
    return worker;
  }

  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: function () { return BlobWorker; },
    set: function () {}  // iframe-worker's shim: window.IFrameWorker is what BlobWorker falls back to
  });
})();
