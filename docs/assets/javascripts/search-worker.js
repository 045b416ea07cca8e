// Material's search, on a thread of its own, from files read as a query needs them.
//
// Material starts its search worker (assets/javascripts/workers/search.<hash>.min.js), which builds
// a lunr index of every document each time a page opens the search: 25 s at 30 times the bundled
// corpus. Instead, this starts the site's own engine (search-engine.js, window.__searchEngine),
// which reads the files of search/store/ that a query needs. It starts it from a Blob, the one kind
// of Worker a browser starts from file:// (over http too, the same way).
//
// Where a browser starts no Worker from a Blob, or the Worker cannot read the store (a browser that
// keeps a Blob's Worker from file:// scripts), the engine runs on the page and reads the store with
// script tags, which every browser allows: a query then holds the page for a moment, but search
// works. iframe-worker's shim, loaded after this, stays the Worker of anything else from file://
// (and its name keeps the offline plugin from adding a copy from the network); its assignment to
// window.Worker is kept aside, not obeyed.
(function () {
  "use strict";
  if (typeof Worker === "undefined" || typeof EventTarget === "undefined") {
    return;
  }
  var NativeWorker = Worker;
  var here = document.currentScript && document.currentScript.src;
  var storeUrl = here ? new URL("../../search/store/", here).href : null;
  var blobUrl = null;

  function BlobWorker(url, options) {
    var name = String(url).split("?")[0].split("/").pop();
    if (window.__searchEngine && storeUrl && /^search\.[0-9a-f]+\.min\.js$/.test(name)) {
      return latestQueryOnly(new SearchWorker(options));
    }
    var Fallback = location.protocol === "file:" && window.IFrameWorker || NativeWorker;
    return new Fallback(url, options);
  }

  // What Material holds as its worker: it passes messages to the engine in a Blob Worker, or, once
  // that fails, to the engine on the page, and passes the answers back.
  function SearchWorker(options) {
    var self = new EventTarget();
    var setupMessage = null;
    var unanswered = null;   // the query the engine is working on
    var engine = null;

    function deliver(data) {
      if (data && data.type === 1 && data.storeUnreadable && !engine.onPage) {
        console.warn("search: the Worker cannot read the search store; searching on the page");
        engine.terminate();
        engine = onPage();
        engine.postMessage(setupMessage);
        if (unanswered) {
          engine.postMessage(unanswered);
        }
        return;
      }
      if (data && data.type === 3) {
        unanswered = null;
      }
      var event = new MessageEvent("message", { data: data });
      self.dispatchEvent(event);
      if (typeof self.onmessage === "function") {
        self.onmessage(event);
      }
    }

    function inWorker() {
      var code = "(" + window.__searchEngine + ")(self, " + JSON.stringify(storeUrl) + ");";
      blobUrl = blobUrl || URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      var worker = new NativeWorker(blobUrl, options);
      worker.addEventListener("message", function (event) { deliver(event.data); });
      return worker;
    }

    function onPage() {
      var inbox = new EventTarget();
      var scope = {
        addEventListener: inbox.addEventListener.bind(inbox),
        postMessage: function (data) { setTimeout(deliver, 0, data); },
        loadStore: loadScripts
      };
      window.__searchEngine(scope, storeUrl);
      window.__searchStore = scope.__searchStore;  // the store's files call self.__searchStore
      return {
        onPage: true,
        postMessage: function (data) {
          setTimeout(function () { inbox.dispatchEvent(new MessageEvent("message", { data: data })); }, 0);
        },
        terminate: function () {}
      };
    }

    try {
      engine = inWorker();
    } catch (error) {
      console.warn("search: no worker from a Blob here; searching on the page", error);
      engine = onPage();
    }
    self.postMessage = function (data) {
      if (data && data.type === 0) {
        setupMessage = data;
      } else if (data && data.type === 2) {
        unanswered = data;
      }
      engine.postMessage(data);
    };
    self.terminate = function () { engine.terminate(); };
    return self;
  }

  // Reads scripts one after the other, then calls done (a file that fails is passed over).
  function loadScripts(urls, done) {
    if (!urls.length) {
      done();
      return;
    }
    var script = document.createElement("script");
    script.src = urls[0];
    script.onload = script.onerror = function () {
      script.remove();
      loadScripts(urls.slice(1), done);
    };
    document.head.appendChild(script);
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
