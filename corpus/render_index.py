"""Index pages: home, all instruments, source documents (with their text outside instruments)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corpus.history import Conference, WorkHistory, work_sort_key
from corpus.ids import WorkId, document_doc_path, relative_url
from corpus.model import Corpus, Document, Source, Topic, Version
from corpus.naming import (
    ACTION_NAMES,
    KIND_NAMES,
    TEXT_STATUS,
    display_revision,
    title_text,
    version_name,
    work_name,
)
from corpus.render_chunks import PAGE_ROWS, chunk_links_md, list_pages, split_rows
from corpus.render_html import (
    PageRefs,
    escape_attr,
    escape_text,
    front_matter,
    heading_md,
    meta_row,
)
from corpus.render_instrument import block_md
from corpus.render_links import CitationIndex


def document_page(document: Document, versions: dict[WorkId, Version], index: CitationIndex) -> str:
    """A source document: its metadata, the instruments found in it, and its other text."""
    source = document.source
    here = document_doc_path(source.id)
    items = "".join(
        f'<li><a href="{escape_attr(relative_url(here, index.names[str(vid)][1]))}">{escape_text(version_name(versions[vid]))}</a> – '
        f"{escape_text(title_text(versions[vid]))} (line {versions[vid].line})</li>"
        for vid in document.versions
    )
    meta = (
        '<dl class="instrument-meta">'
        + meta_row("Body", escape_text(source.meta.body_name))
        + meta_row("Conference", escape_text(source.meta.conference))
        + meta_row("Document", escape_text(source.meta.symbol or "–"))
        + meta_row("Status", escape_text(TEXT_STATUS[source.meta.status]))
        + meta_row("File", f"<code>{escape_text(source.path)}</code> ({len(source.lines)} lines, SHA-256 <code>{source.sha256[:12]}…</code>)")
        + "</dl>\n\n"
    )
    found = f"<ol>{items}</ol>\n\n" if items else "<p>This document contains no resolution, decision, recommendation or opinion.</p>\n\n"
    notes = PageRefs((), links=index.links(here, f"document:{source.id}"))
    body = "".join(block_md(block, notes) for block in document.blocks)
    return (
        front_matter(source.meta.title)
        + heading_md(1, escape_text(source.meta.title))
        + meta
        + heading_md(2, f"Instruments in this document ({len(document.versions)})", "instruments")
        + found
        + heading_md(2, "Text outside the instruments", "text")
        + '<p class="source-note">Cover notes, report text and other material of the source that belongs to no instrument, in source order.</p>\n\n'
        + body
    )

def _md_link(text: str, url: str) -> str:
    return f"[{escape_text(text)}]({url})"

_ALL_IN_ONE = 300
"""Up to this many works, instruments.md holds one sortable table of them all."""


def instruments_pages(
    histories: dict[WorkId, WorkHistory], sources: dict[str, Source], cited_by: dict[str, int],
    all_in_one: int = _ALL_IN_ONE, page_rows: int = PAGE_ROWS,
) -> dict[str, str]:
    """instruments.md and one page per body and kind in natural number order
    (instruments/pp-resolution.md). instruments.md holds one sortable and filterable table of every
    work up to ``all_in_one`` works, else only the list of body and kind pages; a body and kind of
    more than ``page_rows`` works is an index of pages of that many (instruments/pp-resolution/1-250.md)."""
    groups: dict[tuple[str, str], list[WorkHistory]] = {}
    for history in histories.values():
        groups.setdefault((history.id.body, history.id.kind), []).append(history)
    pages: dict[str, str] = {}
    links: list[str] = []
    rows: list[str] = []
    for (body, kind), members in groups.items():
        body_name = sources[members[0].latest.source].meta.body_name
        name, stem = f"{body_name}: {KIND_NAMES[kind]}s", f"instruments/{body}-{kind}"
        chunks = split_rows(members, stem, _number_range, page_rows)
        links.append(f"- {_md_link(name, f'{stem}.md')} ({len(members)})\n")
        rows.append(f"| {_md_link(name, f'{stem}.md')} | {len(members)} | {chunk_links_md(chunks, 'instruments.md')} |\n")
        intro = (f"{len(members)} instruments in number order, on {len(chunks)} pages of at most {page_rows}; "
                 "each page holds a sortable, filterable table of its instruments.\n\n")
        pages.update(list_pages(
            chunks, stem, name, lambda part, here: _instrument_table(list(part), sources, cited_by, here),
            prefix=f"{body_name}: ", intro=intro, what="Instruments",
        ))
    if len(histories) <= all_in_one:
        listing = ("".join(links) + "\n## All instruments { #all }\n\nSelect a column heading to sort; type in the box to filter.\n\n"
                   + _instrument_table(list(histories.values()), sources, cited_by, "instruments.md"))
    else:
        listing = (
            f"## All instruments {{ #all }}\n\n{len(histories)} instruments, too many for one table: each page below holds "
            f"a sortable, filterable table of one body and kind in number order, at most {page_rows} instruments to a page.\n\n"
            "| Body and kind | Instruments | Pages |\n|---|---|---|\n" + "".join(rows)
        )
    pages["instruments.md"] = front_matter("Instruments") + "# Instruments\n\n" + listing
    return pages


def _number_range(members: Sequence[WorkHistory], first: int, last: int) -> str:
    """'Resolutions 1–249' (numbers as the latest versions print them), 'Resolution 5' for one."""
    low, high = members[0], members[-1]
    kind = KIND_NAMES[low.id.kind]
    if len(members) == 1:
        return f"{kind} {low.latest.heading.number}"
    return f"{kind}s {low.latest.heading.number}–{high.latest.heading.number}"


def _instrument_table(members: list[WorkHistory], sources: dict[str, Source], cited_by: dict[str, int], here: str) -> str:
    rows = "".join(
        f"| {_md_link(f'{KIND_NAMES[h.id.kind]} {h.latest.heading.number}', relative_url(here, h.id.doc_path))} "
        f"| {escape_text(title_text(h.latest))} | {escape_text(display_revision(h.latest))} | {escape_text(h.status)} "
        f"| {escape_text(sources[h.latest.source].meta.body_name)} | {len(h.versions)} | {cited_by.get(str(h.id), 0)} |\n"
        for h in members
    )
    header = "| Number | Title | Latest revision | Status | Body | Versions | Cited by |\n|---|---|---|---|---|---|---|\n"
    return f"{SORTABLE_MARKER}\n\n{header}{rows}\n"


SORTABLE_MARKER = '<div class="sortable-table-marker" hidden></div>'
"""Put before a Markdown table, it makes the table sortable and filterable (tables.js wraps the two
in div.sortable-table). A marker, not a wrapper with markdown="1": md_in_html would parse the raw
HTML of every page (a fifth of the whole mkdocs build) for the sake of a few index tables."""


def documents_page(corpus: Corpus) -> str:
    """The source documents, with how many instruments each holds."""
    out = [front_matter("Source documents"), "# Source documents\n\n", "| Document | Body | Conference | Status | Instruments |\n|---|---|---|---|---|\n"]
    for document in corpus.documents:
        meta = document.source.meta
        out.append(
            f"| {_md_link(meta.title, document_doc_path(document.source.id))} | {escape_text(meta.body_name)} "
            f"| {escape_text(meta.conference)} | {escape_text(TEXT_STATUS[meta.status])} | {len(document.versions)} |\n"
        )
    return "".join(out)

def home_page(corpus: Corpus, histories: dict[WorkId, WorkHistory], conferences: list[Conference]) -> str:
    """What the collection holds, counted from the data, and the latest conference's actions."""
    works = list(histories.values())
    by_kind = Counter(KIND_NAMES[h.id.kind] for h in works)
    by_status = Counter(h.status for h in works)
    by_body = Counter(_body_name(corpus, h.latest.source) for h in works)
    versions = sum(len(h.versions) for h in works)

    def counts(counter: Counter[str]) -> str:
        return "".join(f"| {escape_text(name)} | {count} |\n" for name, count in sorted(counter.items()))

    conference_rows = "".join(
        f"| {_md_link(c.name, f'conferences/{c.slug}.md')} | {len(c.versions)} | {_action_counts(c)} |\n" for c in conferences
    )
    latest = max(conferences, key=lambda c: (c.year, len(c.versions))) if conferences else None
    return (
        front_matter("ITU Resolutions", "ITU resolutions, decisions, recommendations and opinions, offline.")
        + "# ITU resolutions, decisions and opinions\n\n"
        + f"This collection holds **{len(works)} instruments** in **{versions} versions** from "
        f"**{len(corpus.sources)} source documents**. Every text links back to the source line it comes from.\n\n"
        + '<p><label class="home-search" for="__search">Search the collection</label> – full text, titles and numbers '
        "(“Resolution 130”, “IPv6”, “COVID”); works offline.</p>\n\n"
        + "- [All instruments](instruments.md), by body and kind in number order\n"
        + "- [Conferences](conferences.md): what each conference adopted, revised or suppressed\n"
        + "- [Topics](topics.md): cybersecurity, emergencies and COVID-19, gender, the Internet, development…\n"
        + "- [Source documents](documents.md), with the text outside the instruments\n"
        + "- [Unresolved references](unresolved.md): texts cited here that the collection does not hold yet\n"
        + "- [Citation graph](graph.md): which texts cite which\n"
        + "- Downloads: [corpus.json](corpus.json), every source, instrument, version and citation; "
        '<a href="downloads/itu-resolutions-site.zip">the whole site as a zip</a>, to read offline or copy to a USB stick\n\n'
        + (f"Latest conference in the collection: {_md_link(latest.name, f'conferences/{latest.slug}.md')} ({_action_counts(latest)}).\n\n" if latest else "")
        + "## By body\n\n| Body | Instruments |\n|---|---|\n" + counts(by_body)
        + "\n## By kind\n\n| Kind | Instruments |\n|---|---|\n" + counts(by_kind)
        + "\n## By status\n\n| Status | Instruments |\n|---|---|\n" + counts(by_status)
        + "\n## By conference\n\n| Conference | Versions | Actions |\n|---|---|---|\n" + conference_rows
    )


def _body_name(corpus: Corpus, source_id: str) -> str:
    return next(source.meta.body_name for source in corpus.sources if source.id == source_id)


def _action_counts(conference: Conference) -> str:
    counts = Counter(ACTION_NAMES[v.heading.action].split(" – ")[0] for v in conference.versions)
    return ", ".join(f"{name}: {count}" for name, count in sorted(counts.items()))


def conferences_page(conferences: list[Conference]) -> str:
    """Every conference in the collection with its counts of actions."""
    rows = "".join(f"| {_md_link(c.name, f'conferences/{c.slug}.md')} | {c.year} | {len(c.versions)} | {_action_counts(c)} |\n" for c in conferences)
    return front_matter("Conferences") + "# Conferences\n\n| Conference | Year | Texts | Actions |\n|---|---|---|---|\n" + rows


def conference_page(conference: Conference, histories: dict[WorkId, WorkHistory]) -> str:
    """Every action one conference took, grouped by action, with counts and links."""
    here = f"conferences/{conference.slug}.md"
    out = [front_matter(conference.name), heading_md(1, escape_text(conference.name)), f"{_action_counts(conference)}.\n\n"]
    statuses = sorted({TEXT_STATUS[v.status] for v in conference.versions})
    out.append(f"Texts in this collection: {escape_text(', '.join(statuses))}.\n\n")
    groups: dict[str, list] = {}
    for version in conference.versions:
        groups.setdefault(version.heading.action, []).append(version)
    for action in ("ADD", "MOD", "SUP", ""):
        members = sorted(groups.get(action, []), key=lambda v: work_sort_key(v.id.work))
        if not members:
            continue
        out.append(heading_md(2, escape_text(f"{ACTION_NAMES[action]} ({len(members)})"), f"action-{action.lower() or 'none'}"))
        out.append("| Text | Title | Status of the work |\n|---|---|---|\n")
        for version in members:
            link = _md_link(version_name(version), relative_url(here, histories[version.id.work].page_of(version).doc_path))
            out.append(f"| {link} | {escape_text(title_text(version))} | {escape_text(histories[version.id.work].status)} |\n")
        out.append("\n")
    return "".join(out)


def topics_page(assigned: dict[WorkId, list[Topic]], topics: tuple[Topic, ...]) -> str:
    """Every topic with the number of works filed under it."""
    counts = {topic.slug: sum(topic in found for found in assigned.values()) for topic in topics}
    rows = "".join(f"| {_md_link(t.title, f'topics/{t.slug}.md')} | {counts[t.slug]} |\n" for t in topics)
    return front_matter("Topics") + "# Topics\n\n| Topic | Instruments |\n|---|---|\n" + rows


def topic_page(
    topic: Topic, assigned: dict[WorkId, list[Topic]], histories: dict[WorkId, WorkHistory], page_rows: int = PAGE_ROWS,
) -> dict[str, str]:
    """The works of one topic, by body and kind in number order: topics/<slug>.md, or, for more
    than ``page_rows`` works, an index of pages of that many (topics/<slug>/1-250.md)."""
    members = [histories[w] for w in histories if topic in assigned[w]]
    stem = f"topics/{topic.slug}"
    chunks = split_rows(members, stem, _work_range, page_rows)
    intro = f"{len(members)} instruments, by body and kind in number order, on {len(chunks)} pages of at most {page_rows}.\n\n"
    return list_pages(chunks, stem, topic.title, _topic_table, prefix=f"{topic.title}: ", intro=intro, what="Instruments")


def _topic_table(members: Sequence[WorkHistory], here: str) -> str:
    rows = "".join(
        f"| {_md_link(work_name(h), relative_url(here, h.id.doc_path))} | {escape_text(title_text(h.latest))} "
        f"| {escape_text(h.status)} |\n"
        for h in members
    )
    return "| Instrument | Title | Status |\n|---|---|---|\n" + rows


def _work_range(members: Sequence[WorkHistory], first: int, last: int) -> str:
    """'Resolution 1 (PP) – Opinion 5 (WTPF-21)': the first and last works of a page."""
    ends = [members[0], members[-1]] if len(members) > 1 else list(members)
    return " – ".join(f"{work_name(h)} ({h.id.body.upper()})" for h in ends) or "no instruments"
