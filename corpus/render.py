"""Corpus -> Markdown pages, index pages and corpus.json (a dict of docs-relative path -> text).

Pages hold plain Markdown headings (for the table of contents and search) and single-line raw HTML
blocks built by render_html; nothing here writes files (build_corpus.py does).
"""

from __future__ import annotations

import json
from collections import Counter

import yaml

from corpus.history import WorkHistory
from corpus.clean import clean_line
from corpus.ids import WorkId, relative_url
from corpus.marks import parse_marks, reading_text
from corpus.model import Block, Corpus, Document, Source, Version
from corpus.render_html import FootnoteRefs, block_html, escape_attr, escape_text, footnotes_html, inline_html

KIND_NAMES = {"resolution": "Resolution", "decision": "Decision", "recommendation": "Recommendation", "opinion": "Opinion"}
ACTION_NAMES = {"MOD": "MOD – revised", "ADD": "ADD – new text", "SUP": "SUP – suppressed", "": "none given"}
TEXT_STATUS = {"adopted": "Adopted text", "proposed": "Proposed text (working document)", "draft": "Draft"}


def render_site(corpus: Corpus, histories: dict[WorkId, WorkHistory], attached: dict[str, list[Block]]) -> dict[str, str]:
    """Every generated page and corpus.json, keyed by path under docs/."""
    sources = {source.id: source for source in corpus.sources}
    pages: dict[str, str] = {}
    for history in histories.values():
        for version in history.versions:
            pages[version.id.doc_path] = version_page(version, history, sources[version.source], attached)
        pages[history.id.doc_path] = work_page(history, sources, attached)
    for document in corpus.documents:
        pages[f"documents/{document.source.id}.md"] = document_page(document, histories)
    pages["index.md"] = home_page(corpus, histories)
    pages["instruments.md"] = instruments_page(histories, sources)
    pages["documents.md"] = documents_page(corpus)
    pages["corpus.json"] = corpus_json(corpus, histories)
    return pages


# --- Names ------------------------------------------------------------------------------------


def display_revision(version: Version) -> str:
    """The revision as the heading gives it, or the conference when the heading gives none."""
    return version.heading.revision or version.conference


def version_name(version: Version) -> str:
    """'Resolution 130 (Rev. Busan, 2014)', 'Draft Opinion 1 (Geneva, 2021)'."""
    draft = "Draft " if version.heading.draft else ""
    return f"{draft}{KIND_NAMES[version.heading.kind]} {version.heading.number} ({display_revision(version)})"


def work_name(history: WorkHistory) -> str:
    """'Resolution 130' (number as the latest version prints it)."""
    return f"{KIND_NAMES[history.id.kind]} {history.latest.heading.number}"


def title_text(version: Version) -> str:
    """The title as plain reading text."""
    return " ".join(reading_text(version.title).split())


def _front_matter(title: str, description: str = "") -> str:
    data = {"title": escape_attr(title)}
    if description:
        data["description"] = escape_attr(description[:300])
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


def _heading(level: int, html_text: str, anchor: str = "", classes: str = "") -> str:
    attrs = " ".join(filter(None, (f"#{anchor}" if anchor else "", classes)))
    return f"{'#' * level} {html_text}" + (f" {{ {attrs} }}" if attrs else "") + "\n\n"


# --- Instrument pages -------------------------------------------------------------------------


def _status_badge(status: str) -> str:
    css = status.replace(" ", "-")
    return f'<span class="status-badge status-{css}">{escape_text(status.capitalize())}</span>'


def _meta_row(term: str, value_html: str) -> str:
    return f"<dt>{escape_text(term)}</dt><dd>{value_html}</dd>"


def _source_line_html(source: Source, number: int) -> str:
    """A source line as printed (bookmarks dropped, marks shown), for the page header."""
    runs = parse_marks(clean_line(source.lines[number - 1]).strip(" \t\u00a0"), source.meta.markup)
    return f"<q>{inline_html(runs, FootnoteRefs(()))}</q>, line {number}"


def _version_header(version: Version, history: WorkHistory, source: Source, here: str) -> str:
    doc_url = relative_url(here, f"documents/{source.id}.html")
    heading = version.heading
    action = escape_text(ACTION_NAMES[heading.action])
    if heading.action_line:
        action += " – " + _source_line_html(source, heading.action_line)
    rows = [
        _meta_row("Status", _status_badge(history.status) + " " + escape_text(TEXT_STATUS[version.status])),
        _meta_row("Body", escape_text(source.meta.body_name)),
        _meta_row("Conference", escape_text(version.conference)),
        _meta_row("Revision", escape_text(display_revision(version))),
        _meta_row("Heading in the source", _source_line_html(source, heading.line)),
        _meta_row("Action", action),
        _meta_row("Source", f'<a href="{escape_attr(doc_url)}">{escape_text(source.meta.title)}</a>, line {version.line}'),
        _meta_row("All versions", f'<a href="{escape_attr(relative_url(here, history.id.url))}">{escape_text(work_name(history))}: {len(history.versions)} in this collection</a>'),
    ]
    return f'<dl class="instrument-meta">{"".join(rows)}</dl>\n\n'


def instrument_body(version: Version, attached: dict[str, list[Block]], prefix: str = "") -> str:
    """Title, formula, clauses, items, annexes, attached tables and footnotes of one version."""
    notes = FootnoteRefs(version.footnotes, prefix)
    out = [f'<p class="instrument-title">{inline_html(version.title, notes)}</p>\n\n']
    extra = attached.get(str(version.id), [])
    for block in version.blocks:
        out.append(_block(block, notes))
        if block.kind == "heading" and block.level == 2:
            out.extend(_attached_after(extra, block.anchor, notes))
    out.extend(_attached_after(extra, "", notes))
    if version.heading.action == "SUP":
        out.append('<p class="source-note">The source gives only the heading and title of a suppressed text.</p>\n\n')
    if version.footnotes:
        out.append(_heading(2, "Footnotes", f"{prefix}footnotes"))
        out.append(footnotes_html(version.footnotes, notes) + "\n\n")
    return "".join(out)


def _attached_after(extra: list[Block], anchor: str, notes: FootnoteRefs) -> list[str]:
    """Tables an editor attached (in the .yml) to this annex: their anchor holds '…#annex-1'."""
    return [
        block_html(block, notes) + '\n\n<p class="source-note">Reconstructed from the spreadsheet exported at the end of the source document, '
        f"lines {block.line}-{block.end_line}.</p>\n\n"
        for block in extra
        if block.anchor.partition("#")[2] == anchor
    ]


def _block(block: Block, notes: FootnoteRefs) -> str:
    if block.kind == "clause":
        return _heading(2, inline_html(block.inlines, notes), block.anchor, ".clause")
    if block.kind == "heading":
        return _heading(block.level, inline_html(block.inlines, notes), block.anchor, ".part-heading")
    return block_html(block, notes) + "\n\n"


def version_page(version: Version, history: WorkHistory, source: Source, attached: dict[str, list[Block]]) -> str:
    """The page of one version: header, then the text exactly as the source gives it."""
    here = version.id.doc_path
    name = version_name(version)
    return (
        _front_matter(name, title_text(version))
        + _heading(1, escape_text(name))
        + _version_header(version, history, source, here)
        + instrument_body(version, attached)
    )


def work_page(history: WorkHistory, sources: dict[str, Source], attached: dict[str, list[Block]]) -> str:
    """The page of a work: status, its versions, and the latest text."""
    here = history.id.doc_path
    latest = history.latest
    rows = "".join(
        f'<tr><td><a href="{escape_attr(relative_url(here, v.id.url))}">{escape_text(version_name(v))}</a></td>'
        f"<td>{escape_text(v.conference)}</td><td>{escape_text(ACTION_NAMES[v.heading.action])}</td>"
        f"<td>{escape_text(TEXT_STATUS[v.status])}</td><td>{escape_text(sources[v.source].meta.title)}, line {v.line}</td></tr>"
        for v in history.versions
    )
    table = (
        '<table class="versions"><thead><tr><th>Version</th><th>Conference</th><th>Action</th><th>Text</th>'
        f"<th>Source</th></tr></thead><tbody>{rows}</tbody></table>\n\n"
    )
    return (
        _front_matter(work_name(history), title_text(latest))
        + _heading(1, escape_text(work_name(history)))
        + f"<p>{_status_badge(history.status)} Latest text in this collection: "
        f'<a href="{escape_attr(relative_url(here, latest.id.url))}">{escape_text(version_name(latest))}</a>.</p>\n\n'
        + _heading(2, "Versions in this collection", "versions")
        + table
        + _heading(2, escape_text(f"Latest text: {version_name(latest)}"), "latest-text")
        + instrument_body(latest, attached, prefix="latest-")
    )


# --- Documents and indexes --------------------------------------------------------------------


def document_page(document: Document, histories: dict[WorkId, WorkHistory]) -> str:
    """A source document: its metadata, the instruments found in it, and its other text."""
    source = document.source
    here = f"documents/{source.id}.md"
    versions = {v.id: v for h in histories.values() for v in h.versions}
    items = "".join(
        f'<li><a href="{escape_attr(relative_url(here, vid.url))}">{escape_text(version_name(versions[vid]))}</a> – '
        f"{escape_text(title_text(versions[vid]))} (line {versions[vid].line})</li>"
        for vid in document.versions
    )
    meta = (
        '<dl class="instrument-meta">'
        + _meta_row("Body", escape_text(source.meta.body_name))
        + _meta_row("Conference", escape_text(source.meta.conference))
        + _meta_row("Document", escape_text(source.meta.symbol or "–"))
        + _meta_row("Status", escape_text(TEXT_STATUS[source.meta.status]))
        + _meta_row("File", f"<code>{escape_text(source.path)}</code> ({len(source.lines)} lines, SHA-256 <code>{source.sha256[:12]}…</code>)")
        + "</dl>\n\n"
    )
    found = f"<ol>{items}</ol>\n\n" if items else "<p>This document contains no resolution, decision, recommendation or opinion.</p>\n\n"
    notes = FootnoteRefs(())
    body = "".join(_block(block, notes) for block in document.blocks)
    return (
        _front_matter(source.meta.title)
        + _heading(1, escape_text(source.meta.title))
        + meta
        + _heading(2, f"Instruments in this document ({len(document.versions)})", "instruments")
        + found
        + _heading(2, "Text outside the instruments", "text")
        + '<p class="source-note">Cover notes, report text and other material of the source that belongs to no instrument, in source order.</p>\n\n'
        + body
    )


def _md_link(text: str, url: str) -> str:
    return f"[{escape_text(text)}]({url})"


def instruments_page(histories: dict[WorkId, WorkHistory], sources: dict[str, Source]) -> str:
    """All works, by body then kind, in natural number order."""
    out = [_front_matter("Instruments"), "# Instruments\n\n"]
    groups: dict[tuple[str, str], list[WorkHistory]] = {}
    for history in histories.values():
        groups.setdefault((history.id.body, history.id.kind), []).append(history)
    for (body, kind), members in groups.items():
        body_name = sources[members[0].latest.source].meta.body_name
        out.append(_heading(2, escape_text(f"{body_name}: {KIND_NAMES[kind]}s ({len(members)})"), f"{body}-{kind}"))
        out.append("| Number | Title | Latest revision | Status | Versions |\n|---|---|---|---|---|\n")
        for history in members:
            latest = history.latest
            out.append(
                f"| {_md_link(latest.heading.number, history.id.doc_path)} | {escape_text(title_text(latest))} "
                f"| {escape_text(display_revision(latest))} | {escape_text(history.status)} | {len(history.versions)} |\n"
            )
        out.append("\n")
    return "".join(out)


def documents_page(corpus: Corpus) -> str:
    """The source documents, with how many instruments each holds."""
    out = [_front_matter("Source documents"), "# Source documents\n\n", "| Document | Body | Conference | Status | Instruments |\n|---|---|---|---|---|\n"]
    for document in corpus.documents:
        meta = document.source.meta
        out.append(
            f"| {_md_link(meta.title, f'documents/{document.source.id}.md')} | {escape_text(meta.body_name)} "
            f"| {escape_text(meta.conference)} | {escape_text(TEXT_STATUS[meta.status])} | {len(document.versions)} |\n"
        )
    return "".join(out)


def home_page(corpus: Corpus, histories: dict[WorkId, WorkHistory]) -> str:
    """What the collection holds, counted from the data."""
    works = list(histories.values())
    by_kind = Counter(KIND_NAMES[h.id.kind] for h in works)
    by_status = Counter(h.status for h in works)
    by_conference = Counter(f"{corpus_source(corpus, v.source).meta.body_name}, {v.conference}" for h in works for v in h.versions)
    versions = sum(len(h.versions) for h in works)

    def counts(counter: Counter[str]) -> str:
        return "".join(f"| {escape_text(name)} | {count} |\n" for name, count in sorted(counter.items()))

    return (
        _front_matter("ITU Resolutions", "ITU resolutions, decisions, recommendations and opinions, offline.")
        + "# ITU resolutions, decisions and opinions\n\n"
        + f"This collection holds **{len(works)} instruments** in **{versions} versions** from "
        f"**{len(corpus.sources)} source documents**. Every text links back to the source line it comes from.\n\n"
        + "- [All instruments](instruments.md), by body and kind in number order\n"
        + "- [Source documents](documents.md), with the text outside the instruments\n"
        + "- [Data download: corpus.json](corpus.json), every source, instrument and version\n\n"
        + "## By kind\n\n| Kind | Instruments |\n|---|---|\n" + counts(by_kind)
        + "\n## By status\n\n| Status | Instruments |\n|---|---|\n" + counts(by_status)
        + "\n## By conference\n\n| Conference | Versions |\n|---|---|\n" + counts(by_conference)
    )


def corpus_source(corpus: Corpus, source_id: str) -> Source:
    """The source with this id."""
    return next(source for source in corpus.sources if source.id == source_id)


def corpus_json(corpus: Corpus, histories: dict[WorkId, WorkHistory]) -> str:
    """The machine-readable export (schema in DESIGN.md), deterministic."""
    data = {
        "sources": [
            {"id": s.id, "file": s.path, "sha256": s.sha256, "title": s.meta.title, "body": s.meta.body,
             "conference": s.meta.conference, "status": s.meta.status}
            for s in corpus.sources
        ],
        "instruments": [_instrument_json(history, corpus) for history in histories.values()],
        "citations": [],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _instrument_json(history: WorkHistory, corpus: Corpus) -> dict[str, object]:
    latest = history.latest
    return {
        "id": str(history.id), "body": corpus_source(corpus, latest.source).meta.body_name, "kind": history.id.kind,
        "number": latest.heading.number, "title": title_text(latest), "status": history.status, "url": history.id.url,
        "versions": [
            {
                "id": str(v.id), "revision": display_revision(v), "action": v.heading.action or None,
                "source": v.source, "line": v.line, "heading_line": v.heading.line, "title": title_text(v), "url": v.id.url,
                "text_status": v.status,
                "annexes": [" ".join(reading_text(b.inlines).split()) for b in v.blocks if b.kind == "heading" and b.level == 2],
                "footnotes": len(v.footnotes),
            }
            for v in history.versions
        ],
    }
