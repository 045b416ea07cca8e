"""Instrument pages: a version exactly as its source gives it, and a work with its history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from corpus.clean import clean_line
from corpus.history import WorkHistory
from corpus.ids import document_url, relative_url
from corpus.marks import merge_runs, parse_marks, reading_text, strip_runs
from corpus.model import Block, Inline, Source, Topic, Version

Links = Callable[[int], tuple[str, str]] | None
Neighbours = tuple[WorkHistory | None, WorkHistory | None]
from corpus.naming import (
    ACTION_NAMES,
    TEXT_STATUS,
    display_revision,
    title_text,
    version_name,
    work_name,
)
from corpus.render_compare import comparison_url
from corpus.render_html import (
    PageRefs,
    block_html,
    escape_attr,
    escape_text,
    footnotes_html,
    front_matter,
    heading_md,
    inline_html,
    meta_row,
    status_badge,
)
from corpus.render_links import CitationIndex, cited_by_md, cites_md, cites_section


def _source_line_html(source: Source, number: int) -> str:
    """A source line as printed (bookmarks dropped, marks shown), for the page header."""
    runs = parse_marks(clean_line(source.lines[number - 1]).strip(" \t\u00a0"), source.meta.markup)
    return f"<q>{inline_html(runs, PageRefs(()))}</q>, line {number}"

def _version_header(version: Version, history: WorkHistory, source: Source, here: str, index: CitationIndex) -> str:
    doc_url = relative_url(here, document_url(source.id))
    heading = version.heading
    action = escape_text(ACTION_NAMES[heading.action])
    if heading.action_line:
        action += " – " + _source_line_html(source, heading.action_line)
    rows = [
        meta_row("Status", _version_status(version, history, here)),
        meta_row("Body", escape_text(source.meta.body_name)),
        meta_row("Conference", escape_text(version.conference)),
        meta_row("Revision", escape_text(display_revision(version))),
        meta_row("Heading in the source", _source_line_html(source, heading.line)),
        meta_row("Action", action),
        meta_row("Source", f'<a href="{escape_attr(doc_url)}">{escape_text(source.meta.title)}</a>, line {version.line}'),
        meta_row("Cite as", f"<q>{escape_text(cite_as(version, source.meta.body_name))}</q>, <code>{escape_text(version.id.url)}</code>"),
        *_compare_rows(version, history, here),
        *[meta_row("Also cited as", escape_text(f"{name}, with the same title")) for name in index.also_cited_as(str(version.id))],
    ]
    if here != history.id.doc_path:  # on the work page, the history is above
        rows.append(meta_row("All versions", f'<a href="{escape_attr(relative_url(here, history.id.url))}">{escape_text(work_name(history))}: {len(history.versions)} in this collection</a>'))
    # data-search-exclude: Material's search skips it, so results show the text, not the header.
    return f'<dl class="instrument-meta" data-search-exclude>{"".join(rows)}</dl>\n\n'


def _version_status(version: Version, history: WorkHistory, here: str) -> str:
    """The work's status on its latest version; on an older one, which version superseded it."""
    text = escape_text(TEXT_STATUS[version.status])
    if version is history.latest:
        return f"{status_badge(history.status)} {text}"
    newer = history.versions[history.versions.index(version) + 1]
    return f"{status_badge('superseded')} {text}; revised by {_version_link(here, history, newer, version_name(newer))}"

def _compare_rows(version: Version, history: WorkHistory, here: str) -> list[str]:
    """'Compare' rows linking the comparisons with the previous and the next version."""
    rows = []
    for old, new in history.comparable_pairs:
        if version in (old, new):
            other = old if version is new else new
            rows.append(meta_row("Compare", _link(here, comparison_url(old, new), f"with {version_name(other)}")))
    return rows


def instrument_body(
    version: Version, attached: dict[str, list[Block]], prefix: str = "", toc: bool = True, links: Links = None
) -> str:
    """Title, formula, clauses, items, annexes, attached tables and footnotes of one version.

    ``prefix`` keeps footnote ids unique when a page shows a text twice; with ``toc`` False the
    headings are plain HTML, left out of the page's table of contents.
    """
    notes = PageRefs(version.footnotes, prefix, links)
    out = [f'<p class="instrument-title">{inline_html(version.title, notes)}</p>\n\n']
    extra = attached.get(str(version.id), [])
    for block in version.blocks:
        out.append(block_md(block, notes, toc))
        if block.kind == "heading" and block.level == 2:
            out.extend(_attached_after(extra, block.anchor, notes, prefix))
    out.extend(_attached_after(extra, "", notes, prefix))
    if version.heading.action == "SUP":
        out.append('<p class="source-note">The source gives only the heading and title of a suppressed text.</p>\n\n')
    if version.footnotes:
        out.append(block_md(Block("heading", (Inline("text", "Footnotes"),), 0, 0, anchor=f"{prefix}footnotes", level=2), notes, toc))
        out.append(footnotes_html(version.footnotes, notes) + "\n\n")
    return "".join(out)


def _attached_after(extra: list[Block], anchor: str, notes: PageRefs, prefix: str) -> list[str]:
    """Tables an editor attached (in the .yml) to this annex: their target ends in '#annex-1'."""
    out = []
    for number, block in enumerate(extra, 1):
        if block.anchor.partition("#")[2] == anchor:
            own = replace(block, anchor=f"{prefix}{anchor or 'text'}-attached-{number}")
            out.append(
                block_html(own, notes) + '\n\n<p class="source-note">Reconstructed from the spreadsheet exported at the end '
                f"of the source document, lines {block.line}-{block.end_line}.</p>\n\n"
            )
    return out


def block_md(block: Block, notes: PageRefs, toc: bool = True) -> str:
    """A block as Markdown: headings as Markdown headings (or plain HTML), the rest as raw HTML."""
    if block.kind in ("clause", "heading"):
        level = 2 if block.kind == "clause" else block.level
        css = "clause" if block.kind == "clause" else "part-heading"
        text = inline_html(block.inlines, notes)
        if toc:
            return heading_md(level, text, block.anchor, f".{css}")
        return f'<h{level} class="{css}" id="{escape_attr(block.anchor)}">{text}</h{level}>\n\n'
    return block_html(block, notes) + "\n\n"


def has_tracked_changes(version: Version) -> bool:
    """Whether the source marks deletions or insertions in this version."""
    runs = [*version.title, *(run for block in version.blocks for run in block.inlines)]
    return any(run.kind in ("del", "ins") for run in runs)


def clean_view(version: Version, prefix: str) -> Version:
    """The version with its changes accepted: deletions dropped, insertions kept as plain text,
    blocks left empty by a deletion removed, anchors prefixed so they stay unique on the page."""

    def accept(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
        kept = [Inline("text", r.text) if r.kind == "ins" else r for r in runs if r.kind != "del"]
        return strip_runs(merge_runs(kept))

    blocks = []
    for block in version.blocks:
        accepted = accept(block.inlines)
        if reading_text(accepted).strip() or block.kind == "table":
            blocks.append(replace(block, inlines=accepted, anchor=f"{prefix}{block.anchor}" if block.anchor else ""))
    return replace(version, title=accept(version.title), blocks=tuple(blocks))


def _tabs(labels_and_bodies: list[tuple[str, str]]) -> str:
    """pymdownx.tabbed content tabs; each body is indented under its '=== "label"' line."""
    out = []
    for label, body in labels_and_bodies:
        indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
        out.append(f'=== "{escape_text(label)}"\n\n{indented}\n')
    return "\n".join(out) + "\n"


def version_page(
    version: Version, history: WorkHistory, source: Source, attached: dict[str, list[Block]], index: CitationIndex,
    neighbours: Neighbours = (None, None),
) -> str:
    """The page of one version: header, then its text, then its citations; for the latest text,
    which the work page shows, a redirect there."""
    here = version.id.doc_path
    name = version_name(version)
    if history.page_of(version) != version.id:
        return redirect_page(version, history)
    # The latest version is indexed once, on the work page (boosted): a suppressed latest version
    # (no text, so no redirect) keeps its page, out of search.
    search = {"exclude": True} if version is history.latest else None
    return (
        front_matter(name, title_text(version), search=search)
        + heading_md(1, escape_text(name))
        + _version_switcher(version, history, here)
        + _version_header(version, history, source, here, index)
        + _text_md(version, attached, index, here)
        + cites_section(index, str(version.id), here)
        + _prev_next(neighbours, here)
    )


def redirect_page(version: Version, history: WorkHistory) -> str:
    """The page of a version the work page shows: kept so that its address (its 'Cite as', links
    from outside) still works, it sends the reader to the work page, the #fragment kept (the
    anchors are the same there); out of search, drawn by overrides/redirect.html."""
    here = version.id.doc_path
    target = relative_url(here, history.id.url)
    return (
        front_matter(version_name(version), title_text(version), search={"exclude": True}, redirect=target)
        + f"[{escape_text(version_name(version))}]({relative_url(here, history.id.doc_path)}#text) is shown on the page of "
        f"{escape_text(work_name(history))}, with its history and citations.\n"
    )


def _text_md(version: Version, attached: dict[str, list[Block]], index: CitationIndex, here: str) -> str:
    """The text exactly as the source gives it; a source with tracked changes gets two tabs: the
    changes marked, and the clean text."""
    links = index.links(here, str(version.id))
    body = instrument_body(version, attached, links=links)
    if has_tracked_changes(version):
        clean = instrument_body(clean_view(version, "clean-"), attached, prefix="clean-", toc=False, links=links)
        body = _tabs([("As proposed, with changes marked", body), ("Clean text (changes accepted)", clean)])
    return body


def _version_switcher(current: Version, history: WorkHistory, here: str) -> str:
    """Every version of the work, the one shown marked as current."""
    items = [
        f'<span aria-current="page">{escape_text(display_revision(v))}</span>' if v is current
        else _version_link(here, history, v, display_revision(v))
        for v in history.versions
    ]
    return f'<nav class="version-switcher" aria-label="Versions" data-search-exclude>Versions: {" · ".join(items)}</nav>\n\n'


def cite_as(version: Version, body_name: str) -> str:
    """The canonical citation of a version: 'Resolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference'."""
    return f"{version_name(version)} of the {body_name}"


def _prev_next(neighbours: Neighbours, here: str) -> str:
    """Links to the previous and next work of the same body and kind, in number order."""
    previous, following = neighbours
    parts = []
    if previous:
        parts.append(f'<a class="prev" href="{escape_attr(relative_url(here, previous.id.url))}" rel="prev">← {escape_text(work_name(previous))}</a>')
    if following:
        parts.append(f'<a class="next" href="{escape_attr(relative_url(here, following.id.url))}" rel="next">{escape_text(work_name(following))} →</a>')
    return f'<nav class="prev-next" aria-label="Previous and next instrument" data-search-exclude>{"".join(parts)}</nav>\n' if parts else ""


def work_page(
    history: WorkHistory, sources: dict[str, Source], attached: dict[str, list[Block]], index: CitationIndex, topics: list[Topic],
    neighbours: Neighbours = (None, None),
) -> str:
    """The page of a work: status banner, topics, history timeline, the latest text as its version
    page would show it (same header, anchors and tabs: that page redirects here), what it cites and
    who cites the work."""
    here = history.id.doc_path
    shown = history.last_text or history.latest
    topic_links = ", ".join(_link(here, f"topics/{t.slug}.html", t.title) for t in topics)
    return (
        front_matter(work_name(history), title_text(history.latest), search={"boost": 3})
        + heading_md(1, escape_text(f"{work_name(history)}: {title_text(history.latest)}"))
        + _status_banner(history, sources, here)
        + (f'<p class="topics">Topics: {topic_links}</p>\n\n' if topics else "")
        + heading_md(2, "History", "history")
        + _timeline(history, sources, here)
        + heading_md(2, escape_text(f"Text: {version_name(shown)}"), "text")
        + _version_header(shown, history, sources[shown.source], here, index)
        + _text_md(shown, attached, index, here)
        + cites_md(index, str(shown.id), here, "data-search-exclude")  # out of search
        + cited_by_md(index, str(history.id), here)
        + _prev_next(neighbours, here)
    )


def _link(here: str, url: str, text: str) -> str:
    return f'<a href="{escape_attr(relative_url(here, url))}">{escape_text(text)}</a>'


def _version_link(here: str, history: WorkHistory, version: Version, text: str) -> str:
    """A link to where a version is read: its page, or the work page's text (on that page, #text)."""
    page = history.page_of(version)
    if page.doc_path == here:
        return f'<a href="#text">{escape_text(text)}</a>'
    return _link(here, page.url, text)


def _status_banner(history: WorkHistory, sources: dict[str, Source], here: str) -> str:
    """The status badge, then a sentence that goes on from it ("In force – the latest text…"): the
    status is said once, to the eye, to a screen reader and in the search teaser alike."""
    latest = history.latest
    source = sources[latest.source]
    if history.status == "suppressed":
        last = history.last_text
        where = f"SUP in {source.meta.title}, line {latest.heading.action_line or latest.line}"
        proposal = " (as proposed in a working document)" if latest.status == "proposed" else ""
        tail = f"The last text in this collection is {_version_link(here, history, last, version_name(last))}." if last else "This collection holds no text of it before its suppression."
        message = f"by the {escape_text(source.meta.body_name)} ({escape_text(latest.conference)}){proposal}: {escape_text(where)}. {tail}"
    elif history.status == "in force":
        message = f"– the latest text in this collection is {_version_link(here, history, latest, version_name(latest))}."
    else:
        message = f"– not adopted: this collection holds only proposed texts of it, the latest being {_version_link(here, history, latest, version_name(latest))}."
    css = history.status.replace(" ", "-")
    return f'<div class="status-banner status-{css}" role="status">{status_badge(history.status)} {message}</div>\n\n'


def _timeline(history: WorkHistory, sources: dict[str, Source], here: str) -> str:
    """Every known revision oldest first: versions in the collection, and those only named."""
    entries: list[tuple[int, str]] = [
        (known.year, f'<li class="timeline-absent"><strong>{escape_text(known.revision)}</strong> – not in this collection '
                     f"(named: {escape_text(known.evidence)})</li>")
        for known in history.known
    ]
    comparisons = {new.id: old for old, new in history.comparable_pairs}
    for version in history.versions:
        source = sources[version.source]
        compare = ""
        if version.id in comparisons:
            old = comparisons[version.id]
            compare = f" · {_link(here, comparison_url(old, version), f'compare with {display_revision(old)}')}"
        entries.append((source.meta.year, (
            f'<li class="timeline-version">{_version_link(here, history, version, version_name(version))} – '
            f"{escape_text(ACTION_NAMES[version.heading.action])}; {escape_text(TEXT_STATUS[version.status])}; "
            f"{_link(here, document_url(source.id), source.meta.title)}, line {version.line}{compare}</li>"
        )))
    items = "".join(html for _, html in sorted(entries, key=lambda entry: entry[0]))
    return f'<ol class="timeline">{items}</ol>\n\n'
