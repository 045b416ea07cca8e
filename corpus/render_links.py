"""Citations on pages: the link around each, 'Cites' and 'Cited by' lists, unresolved references."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from corpus.history import WorkHistory
from corpus.ids import WorkId, document_url, file_slug, parse_id, relative_url
from corpus.model import Block, CitationRecord, Corpus
from corpus.naming import KIND_NAMES, version_name, work_name
from corpus.parts import part_anchor
from corpus.render_chunks import chunk_links_md, link_md, list_pages, split_rows
from corpus.render_html import escape_attr, escape_text, front_matter, heading_md

_PLACES_SHOWN = 4
"""Citing places listed per unresolved target (the count says how many there are)."""
_ALL_IN_ONE = 300
"""Up to this many unresolved targets, unresolved.md lists them all in one table."""
_UNRESOLVED_ROWS = 200
"""Targets on one page of a body's unresolved references (a row is up to about 500 bytes)."""


class CitationIndex:
    """Every citation of the corpus, indexed by citing page and by target."""

    def __init__(self, corpus: Corpus, histories: dict[WorkId, WorkHistory]) -> None:
        self.records = corpus.citations
        self.names: dict[str, tuple[str, str]] = {}
        """Page id -> (reader's name, site URL) for versions, works and documents; a latest text's URL is
        its work page's (its own page only redirects there), so links go straight to it."""
        self.blocks: dict[str, tuple[Block, ...]] = {}
        """Page id -> the blocks it shows (where a citation's '#part' may point)."""
        for history in histories.values():
            shown = history.last_text or history.latest
            self.names[str(history.id)] = (work_name(history), history.id.url)
            self.blocks[str(history.id)] = shown.blocks
            for version in history.versions:
                self.names[str(version.id)] = (version_name(version), history.page_of(version).url)
                self.blocks[str(version.id)] = version.blocks
        for document in corpus.documents:
            self.names[f"document:{document.source.id}"] = (document.source.meta.title, document_url(document.source.id))
        self.by_page: dict[str, list[CitationRecord]] = defaultdict(list)
        """Citing page -> its citations, in text order (an index: pages never scan all records)."""
        self.cited_by: dict[str, list[CitationRecord]] = defaultdict(list)
        for record in self.records:
            self.by_page[record.page].append(record)
            if record.live and record.to and record.citation.type != "self":
                target = record.to.partition("#")[0]
                self.cited_by[target].append(record)
                if "@" in target:
                    self.cited_by[str(parse_id(target).work)].append(record)

    def also_cited_as(self, page: str) -> list[str]:
        """Other numbers this text is cited by (a final number for a provisional one), as printed."""
        number = parse_id(page).number
        names = {
            f"{KIND_NAMES[r.citation.kind]} {r.citation.number} ({r.citation.revision})"
            for r in self.cited_by.get(page, []) if file_slug(r.citation.number) != number
        }
        return sorted(names)

    def href(self, to: str, here: str) -> str:
        """Relative URL of a target id, with the anchor of its '#part' where the target page has it
        ("the annex to" -> #annex-1, "instructs the Secretary-General 3" -> the whole clause's item 3)."""
        page, _, part = to.partition("#")
        url = relative_url(here, self.names[page][1])
        anchor = part_anchor(self.blocks.get(page, ()), part) if part else None
        return f"{url}#{anchor}" if anchor else url

    def links(self, here: str, page: str) -> Callable[[int], tuple[str, str]]:
        """Tags for each citation in the text of ``page`` (a version or document id, whose markers
        number its records from 0), shown on the page at docs path ``here``."""
        records = self.by_page.get(page, [])

        def tags(index: int) -> tuple[str, str]:
            record = records[index]
            if record.citation.type == "self":
                return '<span class="cite-self">', "</span>"
            if record.to is None:
                # The note says why: "not in this collection (UNGA resolution 68/198)".
                title = escape_attr(record.note[:1].upper() + record.note[1:])
                return f'<span class="cite-unresolved" title="{title}">', "</span>"
            title = escape_attr(record.note or f"Go to {self.names[record.to.partition('#')[0]][0]}")
            return f'<a class="cite" href="{escape_attr(self.href(record.to, here))}" title="{title}">', "</a>"

        return tags

    def cites_html(self, page: str, here: str) -> str:
        """'Cites': what this page's text cites, in text order, with where each goes."""
        items = []
        for record in (r for r in self.by_page.get(page, []) if r.citation.type != "self"):
            where = f'<a href="#{escape_attr(record.anchor)}">{escape_text(_place_name(record.anchor))}</a>'
            if record.to:
                target = f'<a href="{escape_attr(self.href(record.to, here))}">{escape_text(self.names[record.to.partition("#")[0]][0])}</a>'
            else:
                target = '<span class="cite-unresolved">not in this collection</span>'
            deleted = " (in deleted text)" if not record.live else ""
            items.append(f"<li>{where}: “{escape_text(record.citation.text)}”{deleted} → {target}</li>")
        return f'<ul class="cites" data-search-exclude>{"".join(items)}</ul>' if items else "<p>This text cites no resolution, decision, recommendation or opinion.</p>"

    def cited_by_html(self, target: str, here: str) -> str:
        """'Cited by': every citing text, the clause, and the sentence around the citation."""
        items = []
        for record in self.cited_by.get(target, []):
            name, url = self.names[record.page]
            link = f'<a href="{escape_attr(relative_url(here, url))}#{escape_attr(record.anchor)}">{escape_text(name)}</a>'
            items.append(f"<li>{link} ({escape_text(_place_name(record.anchor))}): “{escape_text(record.sentence)}”</li>")
        return f'<ul class="cited-by" data-search-exclude>{"".join(items)}</ul>' if items else "<p>No text in this collection cites it.</p>"

    def unresolved_page(self, all_in_one: int = _ALL_IN_ONE, page_rows: int = _UNRESOLVED_ROWS) -> dict[str, str]:
        """Citations of texts the collection does not hold, grouped by target and counted, most cited
        first: unresolved.md with every target up to ``all_in_one`` of them, else a table of the
        cited bodies, each with its page (unresolved/wtdc.md) split into pages of ``page_rows``."""
        groups: dict[tuple[str, str, str], list[CitationRecord]] = defaultdict(list)
        for record in self.records:
            c = record.citation
            if record.live and record.to is None and c.number:
                groups[(c.body or "unknown body", c.kind, c.number)].append(record)
        ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
        out = [front_matter("Unresolved references"), "# Unresolved references\n\n",
               (f"{sum(len(v) for v in groups.values())} citations of {len(groups)} texts that this collection does not hold, "
                "most cited first: the texts to add next.\n\n")]
        if len(ordered) <= all_in_one:
            return {"unresolved.md": "".join(out) + self._unresolved_table(ordered, "unresolved.md")}
        bodies: dict[str, list[tuple[tuple[str, str, str], list[CitationRecord]]]] = defaultdict(list)
        for item in ordered:
            bodies[item[0][0]].append(item)
        pages: dict[str, str] = {}
        out.append(f"By the body that adopted the cited text; each body's pages list its texts most cited first, "
                   f"at most {page_rows} to a page.\n\n| Body | Texts | Citations | Pages |\n|---|---|---|---|\n")
        for body, stem in _body_stems(sorted(bodies, key=lambda b: (-sum(len(r) for _, r in bodies[b]), b))):
            items = bodies[body]
            chunks = split_rows(items, stem, _positions, page_rows)
            cited = sum(len(records) for _, records in items)
            out.append(f"| {link_md(body, 'unresolved.md', f'{stem}.md')} | {len(items)} | {cited} | {chunk_links_md(chunks, 'unresolved.md')} |\n")
            title = f"Unresolved references: {body}"
            texts = "texts of a body the citations do not name" if body == "unknown body" else f"{body} texts"
            intro = f"{cited} citations of {len(items)} {texts} that this collection does not hold, most cited first.\n\n"
            pages.update(list_pages(chunks, stem, title, lambda part, here, intro=intro: intro + self._unresolved_table(part, here),
                                    prefix=f"{title}, ", intro=intro, what="Texts"))
        return {"unresolved.md": "".join(out), **pages}

    def _unresolved_table(self, items: Sequence[tuple[tuple[str, str, str], list[CitationRecord]]], here: str) -> str:
        """One row per cited text: its name, how often it is cited and the first citing places."""
        out = ["| Cited text | Citations | Cited in |\n|---|---|---|\n"]
        for (body, kind, number), records in items:
            places = ", ".join(f"[{escape_text(self.names[r.page][0])}]({relative_url(here, self._doc_link(r))})" for r in records[:_PLACES_SHOWN])
            more = f" and {len(records) - _PLACES_SHOWN} more" if len(records) > _PLACES_SHOWN else ""
            out.append(f"| {escape_text(f'{body} {KIND_NAMES[kind]} {number}')} | {len(records)} | {places}{more} |\n")
        return "".join(out)

    def _doc_link(self, record: CitationRecord) -> str:
        """Markdown link target (a .md path, so MkDocs checks it) of a citing paragraph."""
        url = self.names[record.page][1]
        return f"{url[: -len('.html')]}.md" + (f"#{record.anchor}" if record.anchor else "")


def _body_stems(bodies: list[str]) -> list[tuple[str, str]]:
    """Each body with the stem of its pages, 'unresolved/wtdc' (unique even if two slugs agree)."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    for body in bodies:
        slug = file_slug(body) or "body"
        stem, n = f"unresolved/{slug}", 1
        while stem in used:
            n += 1
            stem = f"unresolved/{slug}-{n}"
        used.add(stem)
        out.append((body, stem))
    return out


def _positions(items: Sequence[object], first: int, last: int) -> str:
    """'texts 201–400': a page of a list in order of citations, by position."""
    return f"texts {first}–{last}" if last > first else f"text {first}"


def _place_name(anchor: str) -> str:
    """'considering-c' -> 'considering c', 'fn:2' -> 'footnote 2', '' -> 'title': anchors read as places."""
    if not anchor:
        return "title"
    if anchor.startswith("fn:"):
        return f"footnote {anchor[3:]}"
    return anchor.replace("-", " ")


def cites_section(index: CitationIndex, page: str, here: str) -> str:
    """The 'Cites' and 'Cited by' sections of a version page."""
    return cites_md(index, page, here) + cited_by_md(index, page, here)


def cites_md(index: CitationIndex, page: str, here: str, classes: str = "") -> str:
    """The 'Cites' section: what the text of ``page`` cites."""
    return heading_md(2, "Cites", "cites", classes) + index.cites_html(page, here) + "\n\n"


def cited_by_md(index: CitationIndex, target: str, here: str) -> str:
    """The 'Cited by' section: who cites ``target`` (a version, or a work and all its versions)."""
    return heading_md(2, "Cited by", "cited-by") + index.cited_by_html(target, here) + "\n\n"
