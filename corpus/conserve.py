"""The conservation check run at every build: every word of a source is on one of its pages.

Words are compared as multisets: the source's words, once export artefacts (bookmarks, footnote
markers, tracked-change marks) are removed, against the words of the pages that show its
versions (a version's own, or its work's for a latest text) and the document page built from it.
A word missing from them is reported with the line it stands on, so that nothing is ever lost
silently.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpus.clean import clean_line
from corpus.history import WorkHistory
from corpus.ids import WorkId, document_doc_path
from corpus.model import Corpus, Diagnostic, Source
from corpus.parallel import map_in_workers
from corpus.render_html import heading_md

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>|\{[^}\n]*\}")
_EXTERNAL_HREF = re.compile(r'href="(https?:[^"]*)"')
_ARTEFACTS = re.compile(r"\[footnoteRef:\d+\]\d*|\[\d+:[ \t]*\d*[ \t]*|~~|\*\*|\]\(#\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]")
# A Cyrillic 'с' used as the list label 'c)' is shown as Latin 'c)' (and reported by parse.py).
_CYRILLIC_LABEL = re.compile(r"^\u0441\)", re.MULTILINE)
_MAX_REPORTED = 20
_CITED_BY = heading_md(2, "Cited by", "cited-by")


def _words(text: str) -> Counter[str]:
    # Folded before matching: one pass in C instead of a call per word.
    return Counter(_WORD.findall(text.replace("\u2011", "-").casefold()))


def _page_words(markdown: str) -> Counter[str]:
    """Visible words, plus the addresses of external links (the link is how the page shows them)."""
    links = " ".join(_EXTERNAL_HREF.findall(markdown))
    return _words(html.unescape(_TAG.sub(" ", markdown) + " " + links))


def check_conservation(corpus: Corpus, histories: dict[WorkId, WorkHistory], pages: dict[str, str]) -> list[Diagnostic]:
    """A warning per source word missing from that source's pages (at most a few per source)."""
    paths: dict[str, list[str]] = {source.id: [document_doc_path(source.id)] for source in corpus.sources}
    for version in corpus.versions:
        paths[version.source].append(histories[version.id.work].page_of(version).doc_path)
    # Counted on every core, in chunks of about the same size (one source, the Dubai Final Acts,
    # is half of the text): a job sends back one count, not one per page or line.
    jobs: list[_Chunk] = []
    for number, source in enumerate(corpus.sources):
        jobs += _chunks(number, True, source.lines, len)
        jobs += _chunks(number, False, paths[source.id], lambda path: len(pages.get(path, "")))
    counts = map_in_workers(_count, len(jobs), (corpus.sources, jobs, paths, pages), min_items=2)
    in_text: dict[int, Counter[str]] = defaultdict(Counter)
    shown: dict[int, Counter[str]] = defaultdict(Counter)
    for job, words in zip(jobs, counts):
        (in_text if job.of_text else shown)[job.source].update(words)
    # When every word is shown often enough (the usual case), no line-by-line pass.
    return [problem for number, source in enumerate(corpus.sources) if in_text[number] - shown[number]
            for problem in _missing(source, shown[number])]


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Lines ``items`` of a source's text, or of the list of its pages."""

    source: int
    of_text: bool
    items: range


_CHUNK_CHARACTERS = 200_000


def _chunks(source: int, of_text: bool, items: Sequence[str], size: Callable[[str], int]) -> list[_Chunk]:
    """Consecutive runs of ``items`` of about _CHUNK_CHARACTERS each (the last may be shorter)."""
    chunks, start, total = [], 0, 0
    for index, item in enumerate(items):
        total += size(item)
        if total >= _CHUNK_CHARACTERS or index == len(items) - 1:
            chunks.append(_Chunk(source, of_text, range(start, index + 1)))
            start, total = index + 1, 0
    return chunks


def _count(shared: tuple[tuple[Source, ...], list[_Chunk], dict[str, list[str]], dict[str, str]], number: int) -> Counter[str]:
    sources, jobs, paths, pages = shared
    job = jobs[number]
    source = sources[job.source]
    if job.of_text:
        return _words(_source_text("\n".join(source.lines[job.items.start : job.items.stop])))
    shown: Counter[str] = Counter()
    for path in paths[source.id][job.items.start : job.items.stop]:
        # A work page ends with sentences quoted from the texts citing it, which are other sources'
        # words: they must not make up for a word this source lost.
        shown.update(_page_words(pages.get(path, "").split(_CITED_BY, 1)[0]))
    return shown


def _source_text(text: str) -> str:
    """Source lines as the pages show their words: artefacts removed, the Cyrillic label as Latin
    (the cleaners and patterns never cross a line, so a whole source is read in one pass)."""
    return _CYRILLIC_LABEL.sub("c)", _ARTEFACTS.sub(" ", clean_line(text)))


def _missing(source: Source, shown: Counter[str]) -> list[Diagnostic]:
    """The words of the source's lines, in order, that ``shown`` does not have enough of."""
    problems = []
    remaining = shown.copy()
    for number, line in enumerate(source.lines, 1):
        for word, count in _words(_source_text(line)).items():
            if remaining[word] >= count:
                remaining[word] -= count
                continue
            remaining[word] = 0
            problems.append(Diagnostic(source.path, number, max(1, line.casefold().find(word) + 1),
                                       f"the word {word!r} of this line is on no page: text would be lost"))
            if len(problems) >= _MAX_REPORTED:
                return problems
    return problems
