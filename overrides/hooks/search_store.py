"""MkDocs hook: the search index as small files that the search worker reads only when a query needs them.

Material's worker builds a lunr index from every document of the site each time a page opens its
search: at 30 times the bundled corpus (37,600 documents, 36 MB of text) the first result came
25 s after opening a page, and again after every click to another page. This hook, run after the
search plugin has written search/search_index.json, turns that index into:

- search/store/meta.js: each document's address, title and boost, the names of the term files,
  and the size of each text file (read when the search opens: about 4 MB at 30 times the corpus);
- search/store/t-<key>.js: every word whose first two characters are <key>, and its postings:
  for each field (title, text, tags), the documents that hold the word and how often;
- search/store/x-<n>.js: the documents' texts in order, about 64,000 characters a file, read for
  the teasers of the results a reader sees first.

It then leaves only the configuration in search_index.json and search_index.js (Material still
reads them, for the separator and for highlighting on the page). The worker that reads the store,
docs/assets/javascripts/search-engine.js, scores as Material's lunr index does (BM25, k1 = 1.2, b = 0,
field and page boosts), splits words with the same separator and drops the same stop words, which
this hook copies from lunr as Material ships it. Each file is a script calling
self.__searchStore.<kind>(...): a worker opened from file:// can load scripts, not read files.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from collections import Counter, defaultdict
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hook_cores import cores

STORE_DIR = "search/store"
TEXT_FILE_CHARS = 64_000
_WORKERS = "assets/javascripts/workers"
_STOP_WORDS = re.compile(r"stopWordFilter=\w+\.generateStopWordFilter\((\[[^\]]*\])\)")
_TAG = re.compile(r"<[^>]*>")
# lunr's trimmer: what is not a word character at either end of a token.
_TRIM = re.compile(r"^\W+|\W+$", re.ASCII)


# After the search plugin (0) has written search_index.json, before the offline plugin (-100)
# copies it into search_index.js: the copy is of the configuration only.
@event_priority(-50)
def on_post_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs hook signature
    site = Path(config["site_dir"])
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():  # no search plugin
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    store = build_store(index["docs"], index["config"], stop_words(site), workers=cores())
    write_store(site / STORE_DIR, store)
    index["docs"] = []
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(data, encoding="utf-8")
    script = site / "search" / "search_index.js"
    if script.exists():  # the offline plugin's copy, if it came first
        script.write_text(f"var __index = {data}", encoding="utf-8")


def stop_words(site: Path) -> list[str]:
    """lunr's English stop words, as Material's worker holds them."""
    workers = sorted((site / _WORKERS).glob("search.*.min.js"))
    found = _STOP_WORDS.search(workers[0].read_text(encoding="utf-8")) if len(workers) == 1 else None
    if found is None:
        raise PluginError(f"search_store: no lunr stop word list in {_WORKERS}/search.*.min.js (has Material changed?)")
    return json.loads(found.group(1))


class Tokenizer:
    """The words of a title or text as Material's worker finds them: the text outside HTML tags,
    split on the configured separator, lower-cased, then lunr's trimmer if configured."""

    def __init__(self, config: dict) -> None:
        pipeline = config.get("pipeline", [])
        if "stemmer" in pipeline or config.get("lang", ["en"]) != ["en"]:
            raise PluginError("search_store: only English without a stemmer is supported "
                              f"(search plugin: lang {config.get('lang')}, pipeline {pipeline})")
        self.trim = "trimmer" in pipeline
        # JavaScript's \d is ASCII only.
        self.separator = re.compile(config["separator"].replace(r"\d", "[0-9]"))

    def words(self, html: str) -> list[str]:
        step = self.separator.groups + 1  # re.split also returns what the separator's groups capture
        words = [word for segment in _TAG.split(html.lower()) for word in self.separator.split(segment)[::step]]
        if self.trim:
            words = [_TRIM.sub("", word) for word in words]
        return [word for word in words if word]


def shard_key(term: str) -> str:
    """The term file a word is in: the code points of its first two characters, in hex."""
    return "-".join(f"{ord(char):x}" for char in term[:2])


def build_store(docs: list[dict], config: dict, stopwords: list[str], workers: int = 1) -> dict:
    """Material's search documents as {"meta": {...}, "terms": {key: {word: postings}}, "texts":
    [[text, …] a file]}, the words counted on ``workers`` processes."""
    tokenizer = Tokenizer(config)
    stop = set(stopwords) if "stopWordFilter" in config.get("pipeline", []) else set()
    fields = list(config["fields"])
    pages: dict[str, int] = {}
    rows: list[list] = []
    tags: dict[int, list[str]] = {}
    for doc_id, doc in enumerate(docs):
        page, _, anchor = doc["location"].partition("#")
        row = [pages.setdefault(page, len(pages)), anchor, doc.get("title", "")]
        if doc.get("boost", 1) != 1:
            row.append(doc["boost"])
        rows.append(row)
        if doc.get("tags"):
            tags[doc_id] = doc["tags"]
    postings: dict[str, list[list[int]]] = defaultdict(lambda: [[] for _ in fields])
    for part in _postings_in_parts(docs, tokenizer, stop, fields, workers):  # parts in document order
        for word, by_field in part.items():
            for merged, flat in zip(postings[word], by_field):
                merged += flat
    terms: dict[str, dict] = defaultdict(dict)
    for word in sorted(postings):
        terms[shard_key(word)][word] = _delta_coded(postings[word])
    texts: list[list[str]] = [[]]
    chars = 0
    for doc in docs:
        if chars >= TEXT_FILE_CHARS:
            texts.append([])
            chars = 0
        texts[-1].append(doc.get("text", ""))
        chars += len(texts[-1][-1])
    meta = {"fields": {name: config["fields"][name].get("boost", 1) for name in fields},
            "separator": config["separator"], "trimmer": tokenizer.trim, "stopwords": sorted(stop),
            "pages": list(pages), "docs": rows, "tags": {str(k): v for k, v in tags.items()},
            "terms": sorted(terms), "texts": [[len(part), sum(map(len, part))] for part in texts]}
    return {"meta": meta, "terms": terms, "texts": texts}


# Splitting and counting the words is most of the work (5 s of 7 at 30 times the corpus): on
# several cores past this many documents a core (37,600 documents at 30 times the corpus).
DOCS_PER_WORKER = 5_000


def _postings_in_parts(docs: list[dict], tokenizer: Tokenizer, stop: set[str], fields: list[str],
                       workers: int) -> list[dict[str, list[list[int]]]]:
    """The postings of the documents in parts, in document order: the first counted here, the
    others in forked processes (which read the documents without their being pickled; MkDocs
    names a hook module by its path, so nothing of this module can be pickled by name)."""
    job = (docs, tokenizer, stop, fields)
    workers = min(workers, len(docs) // DOCS_PER_WORKER)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_postings(job, 0, len(docs))]
    bounds = [len(docs) * n // workers for n in range(workers + 1)]
    context = multiprocessing.get_context("fork")
    children = []
    for start, end in zip(bounds[1:], bounds[2:]):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_send_postings, args=(send, job, start, end), daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    parts = [_postings(job, bounds[0], bounds[1])]
    try:
        for child, receive in children:
            parts.append(receive.recv())
    except EOFError:
        raise PluginError("search_store: a process counting the words of the search index failed (see above)") from None
    finally:
        for child, receive in children:
            receive.close()
            child.join()
    return parts


def _send_postings(send, job: tuple, start: int, end: int) -> None:  # noqa: ANN001 - a Connection
    send.send(_postings(job, start, end))
    send.close()


def _postings(job: tuple, start: int, end: int) -> dict[str, list[list[int]]]:
    """{word: [[document, count, document, count…] per field]} of documents start to end."""
    docs, tokenizer, stop, fields = job
    postings: dict[str, list[list[int]]] = defaultdict(lambda: [[] for _ in fields])
    for doc_id in range(start, end):
        doc = docs[doc_id]
        for field_index, field in enumerate(fields):
            value = doc.get(field)
            if not value:
                continue
            counts = Counter(tokenizer.words(value) if isinstance(value, str)
                             else [word for part in value for word in tokenizer.words(part)])
            for word in stop.intersection(counts):
                del counts[word]
            for word, count in counts.items():
                postings[word][field_index] += (doc_id, count)
    return dict(postings)


def _delta_coded(by_field: list[list[int]]) -> list[list[int]]:
    """[doc, count, doc, count…] per field, each doc as the difference from the one before:
    the files are a third smaller."""
    coded = []
    for flat in by_field:
        previous, out = 0, []
        for i in range(0, len(flat), 2):
            out += (flat[i] - previous, flat[i + 1])
            previous = flat[i]
        coded.append(out)
    while coded and not coded[-1]:
        coded.pop()
    return coded


def write_store(folder: Path, store: dict) -> None:
    """One script a file; the folder is emptied first, so no file of an earlier build is left."""
    if folder.exists():
        for old in folder.iterdir():
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)

    def script(name: str, call: str, *arguments: object) -> None:
        # JSON is JavaScript; a worker's imported scripts are always read as UTF-8.
        text = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in arguments)
        (folder / name).write_text(f"self.__searchStore.{call}({text});\n", encoding="utf-8")

    script("meta.js", "meta", store["meta"])
    for key, terms in store["terms"].items():
        # Words and postings as two lists, not an object: in a JavaScript object a word such as
        # "__proto__" would not be a key.
        script(f"t-{key}.js", "terms", key, list(terms), list(terms.values()))
    for number, texts in enumerate(store["texts"]):
        script(f"x-{number}.js", "texts", number, texts)
