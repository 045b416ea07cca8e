// Search from file:// on a thread of its own.
//
// A browser starts no Worker from a file:// URL, so Material's offline search runs its worker in a
// hidden iframe (iframe-worker's shim), on the page's own thread: while the worker builds the search
// index, the page does not answer a click or a key (about 20 s at 30 times the bundled corpus).
// A Worker made from a Blob does start from file://. Its code is Material's search worker, which
// the hook overrides/hooks/search_worker_source.py copies into search-worker-source.js at build
// time (window.__searchWorker). Loaded before iframe-worker's shim: that shim stays as the fallback
// (and its name keeps the offline plugin from adding a copy from the network); its assignment to
// window.Worker is kept aside, not obeyed.
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof Worker === "undefined" || typeof Blob === "undefined") {
    return;
  }
  var NativeWorker = Worker;
  var blobUrl = null;

  function BlobWorker(url, options) {
    var source = window.__searchWorker;
    if (source && String(url).split("?")[0].split("/").pop() === source.name) {
      try {
        blobUrl = blobUrl || URL.createObjectURL(new Blob([source.code], { type: "text/javascript" }));
        return latestQueryOnly(new NativeWorker(blobUrl, options));
      } catch (error) {
        console.warn("search: no worker from a Blob here, the search runs on the page's thread", error);
      }
    }
    var Fallback = window.IFrameWorker || NativeWorker;
    return new Fallback(url, options);
  }

  // Each key typed sends a query, and the worker answers them one after the other: on a large
  // index the answers to "c", "ch", "chi"… kept the last one waiting for seconds. A query is sent
  // once no key has come for QUIET_MS and the worker has answered the one before; only the latest
  // query waits. Material's messages: {type: 2} is a query, {type: 3} the answer to one.
  var QUIET_MS = 250;

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
