"""The stages from sources to a parsed, cross-referenced corpus, on every core.

read -> segment (per source) -> parse and annotate (per instrument) -> the text outside the
instruments (per source) -> history. Workers are forked (corpus/parallel.py) and each sends back
one finished version with its citations, so that a version crosses a process boundary once.
What a citation can reach (corpus.annotate.Holdings) is known from the headings alone, before any
instrument is parsed: that is what lets parsing and annotation run in one pass per instrument.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from corpus.annotate import Held, Holdings, annotate_document, annotate_version, holdings_of
from corpus.clean import clean_lines
from corpus.history import WorkHistory, build_histories
from corpus.ids import WorkId
from corpus.model import Block, CitationRecord, Corpus, Diagnostic, Document, Segment, Source, Version
from corpus.parallel import map_in_workers
from corpus.parse import instrument_title, parse_document, parse_instrument, version_id
from corpus.parts import check_cited_parts
from corpus.read import read_sources, read_topics
from corpus.segment import segment_source
from corpus.timing import stage
from corpus.topics import assign_topics
from corpus.validate import find_unclosed_marks

Segmented = tuple[list[str], list[Segment], list[Diagnostic]]
"""A source's cleaned lines, its segments, and what segmenting found wrong."""


def build_corpus(sources_dir: Path) -> tuple[Corpus, dict[WorkId, WorkHistory], dict[str, list[Block]]]:
    """Run every stage up to render on the sources in ``sources_dir``."""
    with stage("read"):
        sources, diagnostics = read_sources(sources_dir, sources_dir.parent)
    segmented: list[Segmented] = map_in_workers(_segment_source, len(sources), sources)
    # One job per instrument: the largest source (the Dubai Final Acts, 45 instruments) is
    # spread over every core too.
    jobs = [(number, segment) for number, (_, segments, _) in enumerate(segmented) for segment in segments if segment.heading]
    known = holdings_of([_held(sources[number], segment, segmented[number][0]) for number, segment in jobs])
    done = map_in_workers(_instrument_job, len(jobs), _InstrumentJobs(sources, segmented, jobs, known),
                          costs=[segment.last - segment.first for _, segment in jobs])
    versions_of: list[list[Version]] = [[] for _ in sources]
    found_of: list[list[Diagnostic]] = [list(found) for _, _, found in segmented]
    versions: list[Version] = []
    for (number, _), (version, _, found) in zip(jobs, done):
        versions_of[number].append(version)
        found_of[number] += found
    documents, document_records, attached = [], [], {}
    for number, source in enumerate(sources):
        lines, segments, _ = segmented[number]
        with stage("parse"):
            document, blocks, found = parse_document(source, segments, [v.id for v in versions_of[number]], lines)
        placed, document, unplaced = _place_attachments(source, document, versions_of[number], blocks)
        # The text outside instruments is little (a few per cent): annotated here, in this process.
        with stage("cite"):
            document, records = annotate_document(document, known)
        documents.append(document)
        document_records += records
        versions += versions_of[number]
        diagnostics += found_of[number] + found + unplaced
        for target, block in placed:
            attached.setdefault(target, []).append(block)
    # Records in page order: every version's (in source order), then every document's.
    citations = [record for _, records, _ in done for record in records] + document_records
    diagnostics += _duplicates(versions, {s.id: s.path for s in sources})
    by_id = {s.id: s for s in sources}
    with stage("history"):
        histories = build_histories(versions, by_id, tuple(citations))
        diagnostics += check_cited_parts(citations, histories, by_id)
        topics, found = read_topics(sources_dir, sources_dir.parent)
        diagnostics += found + assign_topics(histories, topics, by_id)[1]
    corpus = Corpus(tuple(sources), tuple(documents), tuple(versions), tuple(diagnostics), tuple(citations), tuple(topics))
    return corpus, histories, attached


def _segment_source(sources: list[Source], number: int) -> Segmented:
    with stage("segment"):
        source = sources[number]
        lines = clean_lines(source)
        segments, diagnostics = segment_source(source, lines)
        return lines, segments, diagnostics + find_unclosed_marks(source)


def _held(source: Source, segment: Segment, lines: list[str]) -> Held:
    """A version as citations see it; the title is read only for a provisional number (WGPL/2),
    which a citation by final number reaches through its title."""
    assert segment.heading is not None
    number = segment.heading.number
    title = instrument_title(source, segment, lines) if not number.isdigit() else ()
    return Held(version_id(source, segment.heading), number, title)


@dataclass(frozen=True, slots=True)
class _InstrumentJobs:
    """What the instrument jobs read in the worker processes; job = (source number, segment)."""

    sources: list[Source]
    segmented: list[Segmented]
    jobs: list[tuple[int, Segment]]
    known: Holdings


def _instrument_job(work: _InstrumentJobs, number: int) -> tuple[Version, list[CitationRecord], list[Diagnostic]]:
    """One instrument parsed, with its citations found, resolved and marked."""
    source_number, segment = work.jobs[number]
    source = work.sources[source_number]
    with stage("parse"):
        version, found = parse_instrument(source, segment, work.segmented[source_number][0])
    with stage("cite"):
        version, records = annotate_version(version, source, work.known)
    return version, records, found


def _place_attachments(
    source: Source, document: Document, versions: list[Version], blocks: list[Block]
) -> tuple[list[tuple[str, Block]], Document, list[Diagnostic]]:
    """Attached tables go to the version and annex their .yml names; a wrong target keeps its
    table on the document page (nothing is lost) and is reported."""
    anchors = {str(v.id): {b.anchor for b in v.blocks} for v in versions}
    placed, unplaced, problems = [], [], []
    for block in blocks:
        target, _, anchor = block.anchor.partition("#")
        if target in anchors and (not anchor or anchor in anchors[target]):
            placed.append((target, block))
            continue
        unplaced.append(replace(block, anchor=f"attachment-{block.line}"))
        line = next((a.line for a in source.meta.attachments if a.first == block.line), 1)
        problems.append(Diagnostic(
            source.path.removesuffix(".txt") + ".yml", line, 1,
            f"attachment of lines {block.line}-{block.end_line} targets {block.anchor!r}, which this source does not have; "
            "its table stays on the document page", "warning"))
    return placed, replace(document, blocks=document.blocks + tuple(unplaced)), problems


def _duplicates(versions: list[Version], paths: dict[str, str]) -> list[Diagnostic]:
    seen: dict[WorkId, Version] = {}
    problems = []
    for version in versions:
        if version.id in seen:
            first = seen[version.id]
            problems.append(Diagnostic(
                paths[version.source], version.heading.line, 1,
                f"{version.id} is already defined at {paths[first.source]}:{first.heading.line}; "
                "the same version of a work must appear in one source only", "error"))
        seen.setdefault(version.id, version)
    return problems
