"""Corpus -> every generated page and corpus.json (a dict of docs-relative path -> text).

Pages hold plain Markdown headings (for the table of contents and search) and single-line raw HTML
blocks built by render_html; nothing here writes files (build_corpus.py does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from corpus.history import WorkHistory, build_conferences
from corpus.ids import WorkId, comparison_doc_path, document_doc_path
from corpus.marks import reading_text
from corpus.model import Block, CitationRecord, Corpus, Source, Topic, Version
from corpus.naming import display_revision, title_text
from corpus.parallel import map_in_workers
from corpus.render_compare import comparison_page
from corpus.render_graph import graph_page
from corpus.render_index import (
    conference_page,
    conferences_page,
    document_page,
    documents_page,
    home_page,
    instruments_pages,
    topic_page,
    topics_page,
)
from corpus.render_instrument import version_page, work_page
from corpus.render_links import CitationIndex
from corpus.topics import assign_topics


def render_site(corpus: Corpus, histories: dict[WorkId, WorkHistory], attached: dict[str, list[Block]]) -> dict[str, str]:
    """Every generated page and corpus.json, keyed by path under docs/."""
    sources = {source.id: source for source in corpus.sources}
    index = CitationIndex(corpus, histories)
    assigned, _ = assign_topics(histories, list(corpus.topics), sources)
    pages: dict[str, str] = {**index.unresolved_page(), "graph.md": graph_page(corpus.citations, histories)}
    works = _WorkPages(_with_neighbours(list(histories.values())), sources, attached, index, assigned)
    instruments = []
    # A work's cost: its versions' blocks, and three times that for each comparison of two of them.
    costs = [sum(len(v.blocks) for v in history.versions) * (1 + 3 * len(history.comparable_pairs)) for history, _ in works.histories]
    for work_pages, instrument in map_in_workers(_pages_of_work, len(works.histories), works, costs=costs):
        pages.update(work_pages)
        instruments.append(instrument)
    versions = {version.id: version for version in corpus.versions}
    for document in corpus.documents:
        pages[document_doc_path(document.source.id)] = document_page(document, versions, index)
    conferences = build_conferences(list(corpus.versions), sources)
    for conference in conferences:
        pages[f"conferences/{conference.slug}.md"] = conference_page(conference, histories)
    pages["conferences.md"] = conferences_page(conferences)
    pages["topics.md"] = topics_page(assigned, corpus.topics)
    for topic in corpus.topics:
        pages.update(topic_page(topic, assigned, histories))
    pages["index.md"] = home_page(corpus, histories, conferences)
    pages.update(instruments_pages(histories, sources, {work: len(records) for work, records in index.cited_by.items()}))
    pages["documents.md"] = documents_page(corpus)
    pages["corpus.json"] = corpus_json(corpus, histories, instruments)
    return pages

@dataclass(frozen=True, slots=True)
class _WorkPages:
    """What the pages of every work are rendered from (read by worker processes)."""

    histories: list[tuple[WorkHistory, tuple[WorkHistory | None, WorkHistory | None]]]
    sources: dict[str, Source]
    attached: dict[str, list[Block]]
    index: CitationIndex
    assigned: dict[WorkId, list[Topic]]


def _pages_of_work(works: _WorkPages, number: int) -> tuple[dict[str, str], str]:
    """Version pages, comparison pages and the work page of work ``number`` (most of the site),
    and the work's entry in corpus.json, serialized here, on the worker's core."""
    history, neighbours = works.histories[number]
    pages = {}
    for version in history.versions:
        source = works.sources[version.source]
        pages[version.id.doc_path] = version_page(version, history, source, works.attached, works.index, neighbours)
    for old, new in history.comparable_pairs:
        pages[comparison_doc_path(old.id, new.id)] = comparison_page(old, new, history)
    pages[history.id.doc_path] = work_page(history, works.sources, works.attached, works.index, works.assigned[history.id], neighbours)
    return pages, _json(_instrument_json(history, works.sources, works.assigned[history.id]))


def _with_neighbours(histories: list[WorkHistory]) -> list[tuple[WorkHistory, tuple[WorkHistory | None, WorkHistory | None]]]:
    """Each work with the previous and next work of the same body and kind (histories are sorted)."""
    out = []
    def same(one: WorkHistory, other: WorkHistory) -> bool:
        return (one.id.body, one.id.kind) == (other.id.body, other.id.kind)

    for i, history in enumerate(histories):
        previous = histories[i - 1] if i > 0 and same(history, histories[i - 1]) else None
        following = histories[i + 1] if i + 1 < len(histories) and same(history, histories[i + 1]) else None
        out.append((history, (previous, following)))
    return out


def corpus_json(corpus: Corpus, histories: dict[WorkId, WorkHistory], instruments: list[str] | None = None) -> str:
    """The machine-readable export (schema in DESIGN.md), deterministic. ``instruments``: each
    work's entry, serialized already (render_site makes them on every core), in ``histories`` order."""
    if instruments is None:
        sources = {s.id: s for s in corpus.sources}
        assigned, _ = assign_topics(histories, list(corpus.topics), sources)
        instruments = [_json(_instrument_json(history, sources, assigned[work])) for work, history in histories.items()]
    sources_json = _json([
        {"id": s.id, "file": s.path, "sha256": s.sha256, "title": s.meta.title, "body": s.meta.body,
         "conference": s.meta.conference, "status": s.meta.status}
        for s in corpus.sources
    ])
    citations_json = _json([_citation_json(record) for record in corpus.citations])
    # The same bytes as one json.dumps of {"sources": …, "instruments": […], "citations": …}.
    return f'{{"sources":{sources_json},"instruments":[{",".join(instruments)}],"citations":{citations_json}}}\n'


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # compact: the C encoder, 10x faster


def _instrument_json(history: WorkHistory, sources: dict[str, Source], topics: list[Topic]) -> dict[str, object]:
    latest = history.latest
    return {
        "id": str(history.id), "body": sources[latest.source].meta.body_name, "kind": history.id.kind,
        "number": latest.heading.number, "title": title_text(latest), "status": history.status, "url": history.id.url,
        "topics": [topic.slug for topic in topics],
        "versions": [
            {
                "id": str(v.id), "revision": display_revision(v), "action": v.heading.action or None,
                "source": v.source, "line": v.line, "heading_line": v.heading.line, "title": title_text(v), "url": v.id.url,
                "text_status": v.status,
                "annexes": [" ".join(reading_text(b.inlines).split()) for b in v.blocks if b.kind == "heading" and b.level == 2],
                "footnotes": len(v.footnotes),
                "paragraphs": _paragraphs_json(v),
            }
            for v in history.versions
        ],
    }


def _citation_json(record: CitationRecord) -> dict[str, object]:
    c = record.citation
    return {
        "from": record.page, "anchor": record.anchor, "text": c.text, "source": record.source, "line": record.line,
        "type": c.type, "body": c.body or None, "kind": c.kind, "number": c.number, "revision": c.revision or None,
        "part": c.part or None, "live": record.live, "to": record.to, "note": record.note or None,
    }


def _paragraphs_json(version: Version) -> list[dict[str, object]]:
    """The version's text as adopted, block by block (changes accepted, marks dropped)."""
    return [
        {"anchor": block.anchor, "kind": block.kind, "label": block.label, "line": block.line,
         "text": " ".join(reading_text(block.inlines).split())}
        for block in version.blocks
        if block.kind != "table"
    ] + [
        {"anchor": f"fn:{n}", "kind": "footnote", "label": note.label, "line": note.line, "text": " ".join(reading_text(note.inlines).split())}
        for n, note in enumerate(version.footnotes, 1)
    ]
