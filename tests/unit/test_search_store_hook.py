"""The search store hook: Material's search index turned into the small files the search worker reads."""

import json
from pathlib import Path

import material
import pytest
from hook_loader import load_hook
from mkdocs.exceptions import PluginError

CONFIG = {"lang": ["en"], "separator": r"[\s\-,:;!=\[\]()\"/]+|\.(?!\d)|&[lg]t;", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
DOCS = [
    {"location": "pp/resolution-179.html", "title": "Resolution 179: child online protection",
     "text": "<p>The role of ITU in child online protection.</p>"},
    {"location": "pp/resolution-179.html#resolves", "title": "resolves",
     "text": "<p>to protect children online<sup>1</sup>, and the child's rights</p><p>IPv6 and WTDC-17.</p><p>__proto__</p>",
     "boost": 3},
    {"location": "pp/resolution-180.html", "title": "Resolution 180: <code>IPv6</code>", "text": ""},
]


def _hook():
    return load_hook("search_store")


def _site(tmp_path: Path, docs=DOCS, config=CONFIG, stop_words='["a","and","in","of","the","to"]') -> Path:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True, exist_ok=True)
    index = json.dumps({"config": config, "docs": docs})
    (site / "search" / "search_index.json").write_text(index, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"var __index = {index}", encoding="utf-8")
    workers = site / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True, exist_ok=True)
    (workers / "search.0123abcd.min.js").write_text(f"t.stopWordFilter=t.generateStopWordFilter({stop_words});", encoding="utf-8")
    return site


def _call(path: Path, call: str) -> list:
    """The arguments a store script passes to self.__searchStore.<call>."""
    text = path.read_text(encoding="utf-8")
    prefix = f"self.__searchStore.{call}("
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads("[" + text[len(prefix):-3] + "]")


def _postings(site: Path, word: str) -> dict[str, list[tuple[int, int]]]:
    """{field: [(document, count)]} of a word, its delta-coded document numbers decoded."""
    store = site / "search" / "store"
    key, words, postings = _call(store / f"t-{_hook().shard_key(word)}.js", "terms")
    decoded = {}
    for field, flat in zip(CONFIG["fields"], postings[words.index(word)]):
        doc, pairs = 0, []
        for i in range(0, len(flat), 2):
            doc += flat[i]
            pairs.append((doc, flat[i + 1]))
        if pairs:
            decoded[field] = pairs
    return decoded


def test_the_store_holds_each_word_with_the_documents_and_fields_it_is_in(tmp_path):
    site = _site(tmp_path)
    _hook().on_post_build({"site_dir": str(site)})
    assert _postings(site, "protection") == {"title": [(0, 1)], "text": [(0, 1)]}
    assert _postings(site, "child") == {"title": [(0, 1)], "text": [(0, 1)]}  # not "child's" of document 1
    # Words are split as Material splits them: at tags and on the separator, "IPv6" kept whole,
    # "WTDC-17" in two, a full stop dropped unless a digit follows.
    assert _postings(site, "ipv6") == {"title": [(2, 1)], "text": [(1, 1)]}
    assert _postings(site, "wtdc") == {"text": [(1, 1)]} and _postings(site, "17") == {"text": [(1, 1)]}
    assert _postings(site, "online") == {"title": [(0, 1)], "text": [(0, 1), (1, 1)]}
    assert _postings(site, "1") == {"text": [(1, 1)]}  # "online<sup>1</sup>": two words
    assert _postings(site, "child's") == {"text": [(1, 1)]}


def test_stop_words_and_tag_names_are_not_indexed(tmp_path):
    site = _site(tmp_path)
    _hook().on_post_build({"site_dir": str(site)})
    words = set()
    for path in (site / "search" / "store").glob("t-*.js"):
        words |= set(_call(path, "terms")[1])
    assert "__proto__" in words  # a word like any other (JavaScript gets words and postings apart)
    assert not words & {"the", "of", "and", "in", "to", "p", "sup", "code"}
    assert {"role", "itu", "resolution", "179", "180", "resolves", "children", "rights"} <= words


def test_meta_has_every_document_address_title_and_boost_and_the_texts_follow_in_order(tmp_path):
    site = _site(tmp_path)
    _hook().on_post_build({"site_dir": str(site)})
    store = site / "search" / "store"
    [meta] = _call(store / "meta.js", "meta")
    assert meta["pages"] == ["pp/resolution-179.html", "pp/resolution-180.html"]
    assert meta["docs"] == [[0, "", DOCS[0]["title"]], [0, "resolves", "resolves", 3], [1, "", DOCS[2]["title"]]]
    assert meta["separator"] == CONFIG["separator"] and meta["stopwords"] == ["a", "and", "in", "of", "the", "to"]
    assert meta["terms"] == sorted(p.name[2:-3] for p in store.glob("t-*.js"))
    texts = [text for n in range(len(meta["texts"])) for text in _call(store / f"x-{n}.js", "texts")[1]]
    assert texts == [doc["text"] for doc in DOCS]
    assert meta["texts"] == [[3, sum(len(doc["text"]) for doc in DOCS)]]


def test_material_keeps_only_the_configuration_and_a_second_build_gives_the_same_bytes(tmp_path):
    site = _site(tmp_path)
    hook = _hook()
    hook.on_post_build({"site_dir": str(site)})
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index == {"config": CONFIG, "docs": []}
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("var __index = ")) == index
    first = {p.name: p.read_bytes() for p in (site / "search" / "store").iterdir()}
    (site / "search" / "store" / "t-old.js").write_text("left from an earlier build", encoding="utf-8")
    hook.on_post_build({"site_dir": str(_site(tmp_path / "again"))})
    again = {p.name: p.read_bytes() for p in (tmp_path / "again" / "site" / "search" / "store").iterdir()}
    assert again == first
    hook.on_post_build({"site_dir": str(_site(tmp_path))})
    assert not (site / "search" / "store" / "t-old.js").exists()


def test_text_files_are_cut_between_documents_at_about_the_set_size(tmp_path):
    docs = [{"location": f"p{n}.html", "title": f"Page {n}", "text": "<p>" + "word " * 5_000 + "</p>"} for n in range(30)]
    site = _site(tmp_path, docs=docs)
    _hook().on_post_build({"site_dir": str(site)})
    [meta] = _call(site / "search" / "store" / "meta.js", "meta")
    assert sum(count for count, _ in meta["texts"]) == 30
    assert len(meta["texts"]) > 1
    assert all(chars < _hook().TEXT_FILE_CHARS + 25_010 for _, chars in meta["texts"])


def test_a_stemmer_or_another_language_is_refused_with_a_clear_error(tmp_path):
    for config in ({**CONFIG, "pipeline": ["stemmer"]}, {**CONFIG, "lang": ["fr"]}):
        with pytest.raises(PluginError, match="only English without a stemmer"):
            _hook().on_post_build({"site_dir": str(_site(tmp_path / config["lang"][0] / str(len(config["pipeline"][0])), config=config))})


def test_a_worker_without_lunr_stop_words_is_a_clear_error(tmp_path):
    site = _site(tmp_path)
    (site / "assets" / "javascripts" / "workers" / "search.0123abcd.min.js").write_text("self.x=1", encoding="utf-8")
    with pytest.raises(PluginError, match="no lunr stop word list"):
        _hook().on_post_build({"site_dir": str(site)})


def test_the_stop_words_are_read_from_the_worker_material_ships(tmp_path):
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    site = tmp_path / "site"
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "assets" / "javascripts" / "workers").symlink_to(workers)
    words = _hook().stop_words(site)
    assert {"the", "of", "and", "a"} <= set(words) and len(words) > 100
    assert "protection" not in words


def test_no_search_plugin_no_store(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _hook().on_post_build({"site_dir": str(site)})
    assert not (site / "search").exists()


def test_words_counted_on_several_cores_give_the_same_store(monkeypatch):
    hook = _hook()
    docs = [{**doc, "location": f"p{n}/{doc['location']}"} for n in range(7) for doc in DOCS]
    one = hook.build_store(docs, CONFIG, ["the", "of"], workers=1)
    monkeypatch.setattr(hook, "DOCS_PER_WORKER", 5)
    several = hook.build_store(docs, CONFIG, ["the", "of"], workers=3)
    assert several == one
    assert one["terms"][hook.shard_key("child")]["child"] == [[0, 1] + [3, 1] * 6, [0, 1] + [3, 1] * 6]
