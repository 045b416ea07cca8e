"""Find the citations of every block and mark them in its inline runs.

A citation becomes a pair of marker runs, Inline('cite', target=index) before its first
character and Inline('cite-end') after its last, so that it may span tracked changes
('Resolution 71 (Rev. ~~Guadalajara, 2010~~ [Busan, 2014](#))') without nesting runs. Citations
inside deleted text are recorded as not live and get no markers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from corpus.cite import find_citations
from corpus.clean import normalize_key
from corpus.ids import WorkId
from corpus.marks import reading_text
from corpus.model import (
    Block,
    Citation,
    CitationRecord,
    CiteContext,
    Document,
    Footnote,
    Inline,
    Source,
    Version,
)
from corpus.resolve import BODY_SLUGS, conference_slug, resolve_citation
from corpus.timing import stage

# "… (Dubai, 2018) of the Plenipotentiary Conference on “Title”": the title a citation gives.
_CITED_TITLE = re.compile(r"^[^“\"]{0,80}?\bon\s+[“\"]([^”\"]{12,300})[”\"]")


@dataclass(frozen=True, slots=True)
class Holdings:
    """What a citation can reach in the collection."""

    conferences: Mapping[str, Sequence[str]]
    """Work id -> conference slugs of the versions held ('pp/resolution/130' -> ['busan-2014', …])."""
    provisional: Mapping[tuple[str, str, str, str], tuple[str, str]]
    """(body, kind, conference slug, folded title) -> id of a version held under a provisional
    number (WGPL/2, COM5/1), with that number: a citation by final number with the same title
    proves the alias."""


@dataclass(frozen=True, slots=True)
class Held:
    """A version the collection holds, as far as a citation needs to know it."""

    id: WorkId
    number: str
    """The number as printed: digits, or a provisional number ('WGPL/2')."""
    title: tuple[Inline, ...]
    """Read for a provisional number only (may be empty otherwise)."""


def holdings_of(held: Sequence[Held]) -> Holdings:
    """Index the versions a citation may resolve to."""
    conferences: dict[str, list[str]] = {}
    provisional: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    for version in held:
        conferences.setdefault(str(version.id.work), []).append(version.id.conference)
        if not version.number.isdigit():
            title = normalize_key(reading_text(version.title))
            provisional[(version.id.body, version.id.kind, version.id.conference, title)] = (str(version.id), version.number)
    return Holdings(conferences, provisional)


_LIVE_KINDS = ("text", "ins", "strong", "em", "link", "lostlink")
_SENTENCE_WIDTH = 160


def context_for(source: Source, version: Version | None) -> CiteContext:
    """Who is citing: the instrument (for 'this resolution') and its conference."""
    heading = version.heading if version else None
    return CiteContext(
        body=source.meta.body, kind=heading.kind if heading else "", number=heading.number if heading else "",
        conference=source.meta.conference, year=source.meta.year,
    )


def annotate_version(version: Version, source: Source, known: Holdings) -> tuple[Version, list[CitationRecord]]:
    """The version with citation markers in title, blocks and footnotes, and its citations."""
    mark = _Marker(source, str(version.id), context_for(source, version), known)
    blocks = tuple(mark.block(block) for block in version.blocks)
    footnotes = tuple(_with_inlines(note, mark.runs(note.inlines, note.line, f"fn:{number}"))
                      for number, note in enumerate(version.footnotes, 1))
    title = mark.runs(version.title, version.heading.line, "")
    return replace(version, title=title, blocks=blocks, footnotes=footnotes), mark.records


def _with_inlines(note: Footnote, inlines: tuple[Inline, ...]) -> Footnote:
    return note if inlines is note.inlines else replace(note, inlines=inlines)


def annotate_document(document: Document, known: Holdings) -> tuple[Document, list[CitationRecord]]:
    """The document's own text with citation markers, and its citations."""
    mark = _Marker(document.source, f"document:{document.source.id}", context_for(document.source, None), known)
    return replace(document, blocks=tuple(mark.block(block) for block in document.blocks)), mark.records


class _Marker:
    """Finds and marks citations for one page, keeping a record per citation in text order.

    Markers count from 0 on each page (Inline('cite', target='3') is the page's fourth record),
    so that pages can be annotated in any process and in any order."""

    def __init__(self, source: Source, page: str, context: CiteContext, known: Holdings) -> None:
        self.source, self.page, self.context, self.known = source, page, context, known
        self.records: list[CitationRecord] = []

    def block(self, block: Block) -> Block:
        if block.kind == "table":
            rows = tuple(tuple(self.runs(cell, block.line, block.anchor) for cell in row) for row in block.rows)
            return replace(block, inlines=self.runs(block.inlines, block.line, block.anchor), rows=rows)
        inlines = self.runs(block.inlines, block.line, block.anchor)
        # Most blocks cite nothing: the block itself, not a copy (replace() costs more than the search).
        return block if inlines is block.inlines else replace(block, inlines=inlines)

    def runs(self, runs: tuple[Inline, ...], line: int, anchor: str) -> tuple[Inline, ...]:
        live_text = "".join(run.text for run in runs if run.kind in _LIVE_KINDS)
        for run in runs:
            if run.kind == "del":
                for citation in find_citations(run.text, self.context):
                    self._record(citation, run.text, line, anchor, live=False)
        found = find_citations(live_text, self.context)
        if not found:
            return runs
        indexes = [self._record(citation, live_text, line, anchor, live=True) for citation in found]
        return _insert_markers(runs, [(c.start, c.end, i) for c, i in zip(found, indexes)])

    def _record(self, citation: Citation, text: str, line: int, anchor: str, live: bool) -> int:
        start = max(0, citation.start - _SENTENCE_WIDTH)
        sentence = ("…" if start else "") + text[start : citation.end + _SENTENCE_WIDTH].strip()
        sentence += "…" if citation.end + _SENTENCE_WIDTH < len(text) else ""
        with stage("resolve"):
            to, note = resolve_citation(citation, self.context, self.known.conferences)
            if to is None and citation.number.isdigit() and citation.revision:
                to, note = self._alias(citation, text[citation.end :], (to, note))
        self.records.append(
            CitationRecord(citation, self.source.id, line, self.page, anchor, " ".join(sentence.split()), live, to, note)
        )
        return len(self.records) - 1


    def _alias(self, citation: Citation, after: str, unresolved: tuple[str | None, str]) -> tuple[str | None, str]:
        """A citation by final number whose title is that of a text held under a provisional number."""
        match = _CITED_TITLE.match(after)
        body = BODY_SLUGS.get(citation.body, "")
        if not match or not body:
            return unresolved
        key = (body, citation.kind, conference_slug(citation.revision), normalize_key(match.group(1)))
        if key not in self.known.provisional:
            return unresolved
        target, number = self.known.provisional[key]
        return target, (
            f"{citation.kind.capitalize()} {citation.number} ({citation.revision}) is held here under its provisional "
            f"number {number}: the title cited is the same"
        )


def _insert_markers(runs: tuple[Inline, ...], spans: list[tuple[int, int, int]]) -> tuple[Inline, ...]:
    """Split live runs at citation boundaries and put start/end markers around each citation."""
    cuts = sorted({offset for start, end, _ in spans for offset in (start, end)})
    starts = {start: (end, index) for start, end, index in spans}
    out: list[Inline] = []
    position, open_end = 0, None
    for run in runs:
        if run.kind not in _LIVE_KINDS:
            out.append(run)
            continue
        for piece_start, piece in _split(run, position, cuts):
            if piece_start in starts and open_end is None:
                open_end, index = starts[piece_start]
                out.append(Inline("cite", "", target=str(index)))
            out.append(piece)
            if open_end is not None and piece_start + len(piece.text) == open_end:
                out.append(Inline("cite-end", ""))
                open_end = None
        position += len(run.text)
    if open_end is not None:
        out.append(Inline("cite-end", ""))
    return tuple(out)


def _split(run: Inline, position: int, cuts: list[int]) -> list[tuple[int, Inline]]:
    inner = [cut - position for cut in cuts if position < cut < position + len(run.text)]
    bounds = [0, *inner, len(run.text)]
    return [(position + a, replace(run, text=run.text[a:b])) for a, b in zip(bounds, bounds[1:]) if b > a]
