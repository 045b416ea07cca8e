// The site's search, run in a Worker: it answers Material's search box from the files that the hook
// overrides/hooks/search_store.py writes into search/store/, reading only those a query needs.
//
// Material's own worker builds a lunr index of every document each time a page opens the search:
// at 30 times the bundled corpus the first result came 25 s after opening a page. This one reads
// the documents' addresses and titles when the search opens (meta.js), the postings of a query's
// words (t-<key>.js), and the texts of the first results, for their teasers (x-<n>.js).
//
// It speaks Material's worker messages: {type: 0, data: {config, docs, options}} sets it up and is
// answered {type: 1}; {type: 2, data: query} is answered {type: 3, data: {items, suggest}}, items
// being the results grouped by page, each {location, title, text, score, terms}. It reads
// Material's query syntax: words are prefixes; "a phrase", +word (required), -word (left out),
// title:word, word^2 (boost); word~1 is taken as the word. Scores are lunr's (BM25 with k1 = 1.2,
// b = 0, times the field's and the page's boost), times Material's bonus for a page itself and
// for the share of the query's words a result holds. Unlike lunr, a query word counts once per
// field (its best match), and a word it only begins counts less than the word itself.
//
// search-worker.js starts it from a Blob as "(" + __searchEngine + ")(self, storeUrl)", where
// importScripts reads a store file at once. Where no such Worker can read the store, it runs it on
// the page with a scope whose loadStore(urls, done) reads files with script tags, which takes a
// while: a query is then worked out again once the files it asked for are read (answer()).
window.__searchEngine = function (scope, storeUrl) {
  "use strict";

  var OPTIONAL = 0, REQUIRED = 1, PROHIBITED = 2;
  var K1 = 1.2;
  // Results past the first DETAILED_GROUPS pages, or past TEXT_BUDGET characters of text files
  // read for their teasers, come with their titles only (unmarked): Material shows 10 pages of
  // results, then more as the reader scrolls. Reading a file costs about 5 ms from file://.
  var DETAILED_GROUPS = 50;
  var TEXT_BUDGET = 1000000;
  var MAX_CLAUSES = 32;  // one bit each

  var meta = null;
  var separator = null;
  var stopwords = new Set();
  var fieldNames = [];
  var pageDoc = new Map();     // page address -> its document's number
  var textFileStart = [];      // text file number -> the number of its first document
  var termKeys = new Set();    // the keys of the term files there are
  var termFiles = new Map();   // key -> Map(word -> postings), once read
  var texts = [];              // document number -> text, once its file is read
  var suggestWanted = false;
  var loaded = new Set();      // store files read (or that failed to be)
  var missing = [];            // files the work under way needs that loadStore has yet to read
  var NOTHING = new Map();

  scope.__searchStore = {
    meta: function (data) { meta = data; },
    // Words and postings apart, not an object: a word such as "__proto__" stays a word.
    terms: function (key, words, postings) {
      var file = new Map();
      for (var i = 0; i < words.length; i++) {
        file.set(words[i], postings[i]);
      }
      termFiles.set(key, file);
    },
    texts: function (number, list) {
      for (var i = 0; i < list.length; i++) {
        texts[textFileStart[number] + i] = list[i];
      }
    }
  };

  // True if the store file is read (now, in a Worker); false if loadStore has yet to read it.
  function need(file) {
    if (loaded.has(file)) {
      return true;
    }
    if (scope.loadStore) {
      if (missing.indexOf(file) < 0) {
        missing.push(file);
      }
      return false;
    }
    loaded.add(file);
    try {
      scope.importScripts(storeUrl + file);
    } catch (error) {
      console.warn("search: cannot read", file, error);
    }
    return true;
  }

  // Calls done(work()), work having found every store file it needs read.
  function answer(work, done) {
    missing = [];
    var result = work();
    if (!missing.length) {
      done(result);
      return;
    }
    var files = missing;
    scope.loadStore(files.map(function (file) { return storeUrl + file; }), function () {
      files.forEach(function (file) { loaded.add(file); });
      answer(work, done);
    });
  }

  function setup(data) {
    suggestWanted = !!(data.options && data.options.suggest);
    if (!need("meta.js")) {
      return;
    }
    separator = new RegExp(meta.separator, "g");
    meta.stopwords.forEach(function (word) { stopwords.add(word); });
    meta.terms.forEach(function (key) { termKeys.add(key); });
    fieldNames = Object.keys(meta.fields);
    meta.docs.forEach(function (row, number) {
      if (!row[1]) {
        pageDoc.set(meta.pages[row[0]], number);
      }
    });
    var start = 0;
    meta.texts.forEach(function (file) {
      textFileStart.push(start);
      start += file[0];
    });
  }

  // -- words ------------------------------------------------------------------------------------

  function normal(word) {
    word = word.toLowerCase();
    return meta.trimmer ? word.replace(/^\W+/, "").replace(/\W+$/, "") : word;
  }

  // Calls found(start, end) for each word of text, as the separator splits it.
  function eachWord(text, found) {
    var start = 0, match;
    separator.lastIndex = 0;
    while ((match = separator.exec(text)) !== null) {
      if (match.index > start) {
        found(start, match.index);
      }
      start = match.index + match[0].length;
      if (match[0].length === 0) {
        separator.lastIndex++;
      }
    }
    if (text.length > start) {
      found(start, text.length);
    }
  }

  function wordsOf(text) {
    var words = [];
    eachWord(text, function (start, end) {
      var word = normal(text.slice(start, end));
      if (word) {
        words.push(word);
      }
    });
    return words;
  }

  function keyOf(word) {
    return Array.from(word).slice(0, 2).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  function termFile(key) {
    return need("t-" + key + ".js") && termFiles.get(key) || NOTHING;
  }

  // The indexed words a query word stands for: itself, or every word it begins.
  function expand(word, prefix) {
    var key = keyOf(word);
    if (!prefix) {
      return termKeys.has(key) && termFile(key).has(word) ? [word] : [];
    }
    // A one-character word begins the words of every file whose key starts with its own.
    var keys = Array.from(word).length >= 2 ? [key] : meta.terms.filter(function (other) {
      return other === key || other.indexOf(key + "-") === 0;
    });
    var found = [];
    keys.filter(function (other) { return termKeys.has(other); }).forEach(function (other) {
      termFile(other).forEach(function (postings, candidate) {
        if (candidate.indexOf(word) === 0) {
          found.push(candidate);
        }
      });
    });
    return found;
  }

  function postingsOf(word) {
    return termFile(keyOf(word)).get(word);
  }

  // -- the query --------------------------------------------------------------------------------

  function parse(query) {
    var clauses = [];
    query.trim().split(/"([^"]+)"/g).forEach(function (part, inQuotes) {
      part.split(/\s+/).forEach(function (word) {
        var presence = inQuotes % 2 ? REQUIRED : OPTIONAL;
        if (word.charAt(0) === "+") {
          presence = REQUIRED;
          word = word.slice(1);
        } else if (word.charAt(0) === "-") {
          presence = PROHIBITED;
          word = word.slice(1);
        }
        var fields = fieldNames;
        var colon = word.indexOf(":");
        if (colon > 0 && fieldNames.indexOf(word.slice(0, colon)) >= 0) {
          fields = [word.slice(0, colon)];
          word = word.slice(colon + 1);
        }
        var boost = 1;
        var modifier = /[~^](\d*(?:\.\d+)?)$/.exec(word);
        if (modifier) {
          if (word.charAt(modifier.index) === "^" && modifier[1]) {
            boost = parseFloat(modifier[1]);
          }
          word = word.slice(0, modifier.index);
        }
        // Material makes a prefix of every word but those with an operator
        var prefix = presence === OPTIONAL && !modifier;
        if (/\*$/.test(word)) {
          prefix = true;
        }
        word = word.replace(/^\*+|\*+$/g, "");
        wordsOf(word).forEach(function (term) {
          clauses.push({ term: term, presence: presence, fields: fields, prefix: prefix, boost: boost });
        });
      });
    });
    return clauses;
  }

  function docBoost(number) {
    var row = meta.docs[number];
    return row.length > 3 ? row[3] : 1;
  }

  function search(query) {
    var clauses = parse(query).slice(0, MAX_CLAUSES);
    var total = meta.docs.length;
    var score = new Float64Array(total);
    var hit = new Uint32Array(total);        // bit i: clause i matched the document
    var prohibited = new Uint8Array(total);
    var requiredBits = 0;
    var positive = 0;
    var queryWeight = 0;
    var marked = {};                         // field -> the indexed words the query matched there

    clauses.forEach(function (clause, index) {
      clause.stop = stopwords.has(clause.term);
      if (clause.stop) {
        return;
      }
      if (clause.presence === REQUIRED) {
        requiredBits |= 1 << index;
      }
      if (clause.presence !== PROHIBITED) {
        positive++;
      }
      // Per document and field, the clause counts once: its best word there.
      var best = new Float64Array(total * fieldNames.length);
      var touched = [];
      expand(clause.term, clause.prefix).forEach(function (word) {
        var postings = postingsOf(word);
        var count = 0;
        postings.forEach(function (list) { count += list.length / 2; });
        var idf = Math.log(1 + Math.abs((total - count + 0.5) / (count + 0.5)));
        // A word that the query's word only begins counts half the share of it typed: "2" finds
        // Resolution 2 before Resolution 200 (lunr counts both the same).
        var closeness = word === clause.term ? 1 : 0.5 * clause.term.length / word.length;
        queryWeight += clause.boost * clause.boost;
        postings.forEach(function (list, field) {
          var name = fieldNames[field];
          if (clause.fields.indexOf(name) < 0) {
            return;
          }
          if (clause.presence !== PROHIBITED) {
            (marked[name] = marked[name] || new Set()).add(word);
          }
          var weight = idf * meta.fields[name] * clause.boost * closeness;
          for (var i = 0, doc = 0; i < list.length; i += 2) {
            doc += list[i];
            if (clause.presence === PROHIBITED) {
              prohibited[doc] = 1;
            } else {
              var tf = list[i + 1];
              var slot = doc * fieldNames.length + field;
              var value = weight * ((K1 + 1) * tf) / (K1 + tf) * docBoost(doc);
              if (value > best[slot]) {
                if (!best[slot]) {
                  touched.push(slot);
                }
                best[slot] = value;
              }
              hit[doc] |= 1 << index;
            }
          }
        });
      });
      touched.forEach(function (slot) {
        score[(slot / fieldNames.length) | 0] += best[slot];
      });
    });

    var norm = Math.sqrt(queryWeight) || 1;
    var results = [];
    for (var doc = 0; doc < total; doc++) {
      if (score[doc] > 0 && !prohibited[doc] && (hit[doc] & requiredBits) === requiredBits) {
        var bonus = (meta.docs[doc][1] ? 0 : 1) + bitCount(hit[doc]) / (positive || 1);
        results.push({ doc: doc, score: score[doc] / norm * (1 + bonus * bonus), hit: hit[doc] });
      }
    }
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });

    // Grouped by page, in the order of each page's best result; the page itself last if it did
    // not match (Material shows it as the group's heading).
    var groups = new Map();
    results.forEach(function (result) {
      var page = meta.pages[meta.docs[result.doc][0]];
      if (!groups.has(page)) {
        groups.set(page, []);
      }
      groups.get(page).push(result);
    });
    var budget = { chars: TEXT_BUDGET, counted: new Set() };
    var items = [];
    groups.forEach(function (group, page) {
      var own = pageDoc.get(page);
      if (own !== undefined && !group.some(function (result) { return result.doc === own; })) {
        group.push({ doc: own, score: 0, hit: 0 });
      }
      // Marks and teasers for the first groups: a reader looks at those; past them, titles.
      var detailed = items.length < DETAILED_GROUPS && readTexts(group, budget);
      items.push(group.map(function (result) {
        return item(result, clauses, detailed ? marked : null);
      }));
    });
    var answer = { items: items };
    if (suggestWanted) {
      answer.suggest = suggest(clauses, results);
    }
    return answer;
  }

  function bitCount(bits) {
    var count = 0;
    for (; bits; bits &= bits - 1) {
      count++;
    }
    return count;
  }

  // Reads the text files of a group's documents if the query's budget allows; true if it did.
  function readTexts(group, budget) {
    var files = new Set();
    group.forEach(function (result) {
      var file = textFileOf(result.doc);
      if (!budget.counted.has(file)) {
        files.add(file);
      }
    });
    var chars = 0;
    files.forEach(function (file) { chars += meta.texts[file][1]; });
    if (chars > budget.chars) {
      budget.chars = 0;
      return false;
    }
    budget.chars -= chars;
    files.forEach(function (file) {
      budget.counted.add(file);
      need("x-" + file + ".js");
    });
    return true;
  }

  function textFileOf(doc) {
    var low = 0, high = textFileStart.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (textFileStart[middle] <= doc) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  function item(result, clauses, marked) {
    var row = meta.docs[result.doc];
    var terms = Object.create(null);  // a query word such as "constructor" is a word, not Object's
    clauses.forEach(function (clause, index) {
      if (clause.presence !== PROHIBITED && !clause.stop && result.score > 0) {
        terms[clause.term] = terms[clause.term] || !!(result.hit & (1 << index));
      }
    });
    var text = marked ? texts[result.doc] : undefined;
    var entry = {
      location: meta.pages[row[0]] + (row[1] ? "#" + row[1] : ""),
      title: marked ? highlight(row[2], marked.title, true) : row[2],
      text: text === undefined ? "" : highlight(text, marked.text, false),
      score: result.score,
      terms: terms
    };
    var tags = meta.tags[result.doc];
    if (tags) {
      entry.tags = tags;
    }
    return entry;
  }

  // The words of html that are in words, marked: all of it (a title), or, for a teaser, the first
  // two top-level elements that hold a mark (the whole text when none does), as Material does.
  function highlight(html, words, whole) {
    if (!words || !words.size) {
      return html;
    }
    var blocks = [];
    var current = { html: "", marked: false };
    var depth = 0;
    var tag = /<[^>]*>/g;
    var last = 0;
    var match;
    function text(end) {
      var part = html.slice(last, end);
      var out = "", start = 0;
      eachWord(part, function (from, to) {
        var word = part.slice(from, to);
        if (words.has(normal(word))) {
          out += part.slice(start, from) + "<mark>" + word + "</mark>";
          start = to;
          current.marked = true;
        }
      });
      current.html += out + part.slice(start);
    }
    while ((match = tag.exec(html)) !== null) {
      text(match.index);
      var name = match[0];
      var closing = name.charAt(1) === "/";
      var empty = /\/>$/.test(name) || /^<(br|hr|img|wbr|input|col|area|source)\b/i.test(name);
      if (!closing && !empty && depth++ === 0 && current.html) {
        blocks.push(current);
        current = { html: "", marked: false };
      }
      current.html += name;
      if (closing && --depth <= 0) {
        depth = 0;
        blocks.push(current);
        current = { html: "", marked: false };
      }
      last = match.index + name.length;
    }
    text(html.length);
    blocks.push(current);
    if (whole) {
      return blocks.map(function (block) { return block.html; }).join("");
    }
    var marked = blocks.filter(function (block) { return block.marked; }).slice(0, 2);
    return marked.length ? marked.map(function (block) { return block.html; }).join("") : html;
  }

  // The words of the best title that begins with every word of the query (Material shows the last
  // one's completion in the search box).
  function suggest(clauses, results) {
    var wanted = clauses.filter(function (clause) { return clause.presence !== PROHIBITED && !clause.stop; });
    if (!wanted.length) {
      return [];
    }
    for (var i = 0; i < results.length; i++) {
      var words = wordsOf(meta.docs[results[i].doc][2].replace(/<[^>]*>/g, " "));
      var found = wanted.map(function (clause) {
        return words.find(function (word) { return word.indexOf(clause.term) === 0; });
      });
      if (found.every(Boolean)) {
        return found;
      }
    }
    return [];
  }

  // One message at a time, in order: on the page, an answer waits for files to be read.
  var queue = [];
  scope.addEventListener("message", function (event) {
    queue.push(event.data);
    if (queue.length === 1) {
      handle(queue[0]);
    }
  });

  function handled() {
    queue.shift();
    if (queue.length) {
      handle(queue[0]);
    }
  }

  function handle(message) {
    var reply = message.type === 0 ? setupReply : message.type === 2 ? queryReply : null;
    if (!reply) {
      handled();
      return;
    }
    answer(function () { return reply(message.data); }, function (data) {
      scope.postMessage(data);
      handled();
    });
  }

  function setupReply(data) {
    try {
      setup(data);
    } catch (error) {
      console.error("search: cannot read the search store", storeUrl, error);
    }
    // storeUnreadable: search-worker.js then runs the engine on the page instead.
    return meta ? { type: 1 } : { type: 1, storeUnreadable: true };
  }

  function queryReply(query) {
    var data;
    try {
      data = meta ? search(query) : { items: [] };
    } catch (error) {
      console.warn("search: cannot answer", query, error);
      data = { items: [] };
    }
    return { type: 3, data: data };
  }
};
