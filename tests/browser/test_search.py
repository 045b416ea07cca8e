"""Search from file://: the texts a reader looks for come first."""

import pytest
from site_pages import SITE, search, site_url


@pytest.mark.parametrize(
    "query, first",
    [
        ("child online protection", "Resolution 179:"),
        ("IPv6", "Resolution 180:"),
        ("Palestine", "Resolution 125:"),
        ("COVID", "Resolution [COVID-19]:"),
        ("Resolution 130", "Resolution 130:"),
        ("res 130", "Resolution 130:"),
        ("Decision 5", "Decision 5:"),
        ("Resolution 2", "Resolution 2:"),  # not 21, 25 or 200: a word found by its beginning counts less
        ("Decision 1", "Decision 1"),
    ],
)
def test_the_expected_text_is_the_first_result(page, query, first):
    page.goto(site_url("index.html"))
    results = search(page, query)
    assert results[0]["title"].startswith(first), [r["title"][:50] for r in results[:5]]


def test_palestine_finds_both_resolutions_on_palestine_first(page):
    page.goto(site_url("index.html"))
    titles = [r["title"] for r in search(page, "Palestine")[:2]]
    assert sorted(t.split(":")[0] for t in titles) == ["Resolution 125", "Resolution 99"]


def test_from_file_the_index_is_built_in_a_worker_of_its_own_not_an_iframe_on_the_page_thread(page):
    # iframe-worker's shim would build the index on the page's own thread, which then answers no
    # click or key until it is done (about 20 s at 30 times the bundled corpus).
    page.goto(site_url("pp/resolution-130.html"))
    assert page.evaluate("window.Worker.name") == "BlobWorker"
    results = search(page, "child online protection")
    assert results[0]["title"].startswith("Resolution 179:")
    assert page.evaluate("document.querySelectorAll('iframe').length") == 0


# The engine itself (search-engine.js), asked directly in a worker of its own, as Material asks it.
# The worker records every file of search/store/ it reads.
_ASK_ENGINE = """async ([store, queries]) => {
  const code = "self.__read = []; const read = self.importScripts.bind(self);" +
    "self.importScripts = url => { self.__read.push(url.split('/').pop()); read(url); };" +
    "self.addEventListener('message', e => { if (e.data === 'read') self.postMessage(self.__read); });" +
    "(" + window.__searchEngine + ")(self, " + JSON.stringify(store) + ");";
  // The page's Worker is search-worker.js's; a blank frame's is the browser's own.
  const frame = document.body.appendChild(document.createElement("iframe"));
  const worker = new frame.contentWindow.Worker(URL.createObjectURL(new Blob([code], {type: "text/javascript"})));
  const ask = message => new Promise(done => { worker.onmessage = e => done(e.data); worker.postMessage(message); });
  await ask({type: 0, data: {config: {}, docs: [], options: {suggest: true}}});
  const answers = [];
  for (const query of queries) answers.push((await ask({type: 2, data: query})).data);
  const read = await ask("read");
  worker.terminate();
  return {answers, read};
}"""


def ask_engine(page, *queries: str) -> tuple[list[dict], list[str]]:
    """The engine's answers to the queries, and the store files it read."""
    page.goto(site_url("index.html"))
    store = (SITE / "search" / "store").resolve().as_uri() + "/"
    result = page.evaluate(_ASK_ENGINE, [store, list(queries)])
    return result["answers"], result["read"]


def _scored(answer: dict) -> list[dict]:
    """The results that matched (not the pages added, unscored, as their group's heading)."""
    return [entry for group in answer["items"] for entry in group if entry["score"] > 0]


def test_a_query_reads_the_files_of_its_words_and_the_texts_of_its_first_results_only(page):
    [answer], read = ask_engine(page, "IPv6")
    assert answer["items"][0][0]["location"] == "pp/resolution-180.html"
    store = {p.name for p in (SITE / "search" / "store").iterdir()}
    assert read[0] == "meta.js" and "t-69-70.js" in read  # "ip"
    assert set(read) <= store and len(read) < len(store) / 10, read
    assert not any(name.startswith("t-") and name != "t-69-70.js" for name in read)


def test_required_left_out_phrase_and_field_words_select_as_material_documents_them(page):
    (either, both, without, phrase, titled), _ = ask_engine(
        page, "child online", "+child +online", "child -online", '"online protection"', "title:ipv6")
    assert all(entry["terms"] == {"child": True, "online": True} for entry in _scored(both))
    assert 0 < len(_scored(both)) < len(_scored(either))
    with_online = {entry["location"] for entry in _scored(ask_engine(page, "+online")[0][0])}
    assert _scored(without) and not {entry["location"] for entry in _scored(without)} & with_online
    assert all(entry["terms"] == {"online": True, "protection": True} for entry in _scored(phrase))
    assert _scored(titled) and all("<mark>IPv6</mark>" in entry["title"] for entry in _scored(titled))


def test_words_are_prefixes_and_a_stop_word_alone_finds_nothing(page):
    (prefix, stop), _ = ask_engine(page, "protec", "the")
    assert any("<mark>protection</mark>" in entry["title"] for entry in _scored(prefix))
    assert stop["items"] == []


def test_teasers_show_the_paragraphs_that_hold_the_words_marked(page):
    [answer], _ = ask_engine(page, "cybersecurity")
    marked = [entry["text"] for entry in _scored(answer) if "<mark>" in entry["text"]]
    assert len(marked) >= 5
    # At most two paragraphs of a section, each holding a word of the query (a section that holds
    # the word only in its title shows its text as it is, as Material does)
    for text in marked:
        paragraphs = [p for p in text.split("</p>") if p.strip()]
        assert len(paragraphs) <= 2 and all("<mark>" in p for p in paragraphs), text


def test_the_results_show_marked_words_and_the_missing_ones(page):
    page.goto(site_url("index.html"))
    search(page, "IPv6 zzzunknown")
    first = page.locator("li.md-search-result__item").first
    assert first.locator("mark").first.inner_text() == "IPv6"
    assert "zzzunknown" in first.locator(".md-search-result__terms del").all_inner_texts()


def test_search_works_when_the_site_is_served_over_http(page):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(SITE))
    handler.log_message = lambda *args: None
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        results = search(page, "IPv6")
        server.shutdown()
    assert results[0]["title"].startswith("Resolution 180:")


def test_past_the_first_fifty_pages_of_results_a_result_shows_its_title_only(page):
    # Material shows ten pages of results, more as the reader scrolls: the engine reads the texts
    # of the first ones only (at 30 times the corpus, reading them all took seconds).
    [answer], read = ask_engine(page, "c")
    groups = answer["items"]
    assert len(groups) > 60
    assert any(entry["text"] for entry in groups[0]) and any("<mark>" in entry["title"] for entry in groups[0])
    past = [entry for group in groups[50:] for entry in group]
    assert all(entry["text"] == "" and "<mark>" not in entry["title"] for entry in past)
    assert all(entry["title"] and entry["location"] for entry in past)


# Browsers that keep search from its Worker: one that starts no Worker from a Blob, and one whose
# Blob Worker may not read file:// scripts (the engine is given an importScripts that fails).
_NO_BLOB_WORKER = "URL.createObjectURL = () => { throw new DOMException('blocked here', 'SecurityError'); };"
_BLOB_WORKER_READS_NOTHING = """{
  const RealBlob = Blob;
  window.Blob = function (parts, options) {
    if (String(parts[0]).includes("__searchStore")) {
      parts = ["self.importScripts = () => { throw new DOMException('blocked here', 'NetworkError'); };", ...parts];
    }
    return new RealBlob(parts, options);
  };
}"""


@pytest.mark.parametrize("browser_rule", [_NO_BLOB_WORKER, _BLOB_WORKER_READS_NOTHING], ids=["no-blob-worker", "worker-reads-no-file"])
def test_where_the_worker_cannot_search_the_page_itself_does(page, browser_rule):
    page.add_init_script(browser_rule)
    page.goto(site_url("pp/resolution-130.html"))
    results = search(page, "IPv6")
    assert results[0]["title"].startswith("Resolution 180:")
    teaser = page.locator("li.md-search-result__item").first
    assert teaser.locator("mark").first.inner_text() == "IPv6"
    # Keys typed one after another: each answer waits for the files it reads; the last one is shown.
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press_sequentially("child online protection", delay=10)
    page.wait_for_function("""() => {
      const first = document.querySelector("li.md-search-result__item h1, li.md-search-result__item h2");
      return first && first.textContent.trim().startsWith("Resolution 179:");
    }""", timeout=15_000)
    assert page.evaluate("document.querySelectorAll('iframe').length") == 0
