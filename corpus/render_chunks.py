"""Long lists on pages of at most a fixed number of rows, so that no index page grows with the
collection: each page has a range label and links to its neighbours and to the list's index.

A list at ``<stem>`` that fits on one page is ``<stem>.md``; a longer one is an index at
``<stem>.md`` (one line per page) and pages ``<stem>/<first>-<last>.md``, numbered by the positions
of their first and last rows (1-based), so that paths never depend on what the rows hold.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from corpus.render_html import escape_text, front_matter, heading_md

Row = TypeVar("Row")

PAGE_ROWS = 250
"""Rows on one page of a long list (a row of an index table is about 200 bytes of Markdown)."""


@dataclass(frozen=True, slots=True)
class Chunk(Generic[Row]):
    """One page of a list."""

    path: str
    """Docs path: '<stem>.md' for a list on one page, else '<stem>/251-500.md'."""
    label: str
    """What the page holds, as plain text: 'Resolutions 250–499'."""
    rows: tuple[Row, ...]
    """Its rows, in the order of the whole list."""
    first: int
    """Position of its first row in the whole list, from 1."""

    @property
    def last(self) -> int:
        """Position of its last row in the whole list."""
        return self.first + len(self.rows) - 1


def split_rows(rows: Sequence[Row], stem: str, label: Callable[[Sequence[Row], int, int], str], size: int = PAGE_ROWS) -> list[Chunk[Row]]:
    """``rows`` in order on pages of at most ``size``; ``label(rows, first, last)`` names a page."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    if len(rows) <= size:
        return [Chunk(f"{stem}.md", label(rows, 1, len(rows)), tuple(rows), 1)]
    chunks: list[Chunk[Row]] = []
    for start in range(0, len(rows), size):
        part = rows[start : start + size]
        first, last = start + 1, start + len(part)
        chunks.append(Chunk(f"{stem}/{first}-{last}.md", label(part, first, last), tuple(part), first))
    return chunks


def chunk_links_md(chunks: Sequence[Chunk[Row]], here: str) -> str:
    """Every page of a list as Markdown links from the page at docs path ``here``, comma-separated."""
    return ", ".join(link_md(chunk.label, here, chunk.path) for chunk in chunks)


def pager_md(chunks: Sequence[Chunk[Row]], index: int, up: str, up_title: str) -> str:
    """Where page ``index`` is in its list, and links to the previous and next pages and to ``up``."""
    chunk, here, total = chunks[index], chunks[index].path, chunks[-1].last
    parts = [f"Page {index + 1} of {len(chunks)} (rows {chunk.first}–{chunk.last} of {total})"]
    if index > 0:
        parts.append(f"previous: {link_md(chunks[index - 1].label, here, chunks[index - 1].path)}{{ rel=\"prev\" }}")
    if index + 1 < len(chunks):
        parts.append(f"next: {link_md(chunks[index + 1].label, here, chunks[index + 1].path)}{{ rel=\"next\" }}")
    parts.append(f"all pages: {link_md(up_title, here, up)}")
    return " · ".join(parts) + "\n\n"


def list_pages(
    chunks: Sequence[Chunk[Row]], stem: str, title: str, render: Callable[[Sequence[Row], str], str],
    *, prefix: str, intro: str, what: str,
) -> dict[str, str]:
    """The pages of a split list, keyed by docs path.

    One page: ``title`` and ``render(rows, here)``. Several: an index at ``<stem>.md`` (``title``,
    ``intro`` Markdown and a table of the pages, ``what`` naming their rows) and one page per chunk,
    titled ``prefix + label``, with its rows between two pagers.
    """
    if len(chunks) == 1:
        return {chunks[0].path: front_matter(title) + heading_md(1, escape_text(title)) + render(chunks[0].rows, chunks[0].path)}
    index = f"{stem}.md"
    contents = "".join(f"| {link_md(c.label, index, c.path)} | {len(c.rows)} |\n" for c in chunks)
    pages = {
        index: front_matter(title) + heading_md(1, escape_text(title)) + intro
        + f"| Page | {escape_text(what)} |\n|---|---|\n{contents}"
    }
    for number, chunk in enumerate(chunks):
        heading = prefix + chunk.label
        pager = pager_md(chunks, number, index, title)
        rows = render(chunk.rows, chunk.path).rstrip("\n") + "\n\n"
        pages[chunk.path] = front_matter(heading) + heading_md(1, escape_text(heading)) + pager + rows + pager
    return pages


def link_md(text: str, here: str, path: str) -> str:
    """A Markdown link from the page at docs path ``here`` to the page at docs path ``path``
    (a relative .md target, so MkDocs checks it): '[Resolutions 1–249](pp-resolution/1-250.md)'."""
    return f"[{escape_text(text)}]({posixpath.relpath(path, posixpath.dirname(here) or '.')})"
