"""Citations of a part (an annex, a clause item) that the cited text does not have.

A citation such as "Annex 3 to Decision 5 (Rev. Dubai, 2018)" links to
``pp/decision/5@dubai-2018#annex-3``; when that page has no such anchor the link silently goes to
the top of the page (render_links.py keeps '#part' only where it exists). This check reports it
at the citing line, since either the citation or the cited text is wrong, and the editor can tell
which. What the collection cannot know is not reported: a revision it does not hold, a text it
does not hold at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from corpus.history import WorkHistory
from corpus.ids import WorkId
from corpus.model import Block, CitationRecord, Diagnostic, Source, Version
from corpus.naming import version_name, work_name

_LISTED = 8
"""Parts named in a message at most (then '…')."""


def check_cited_parts(
    citations: Iterable[CitationRecord], histories: Mapping[WorkId, WorkHistory], sources: Mapping[str, Source]
) -> list[Diagnostic]:
    """A warning per live citation whose '#part' no version it may mean has."""
    versions = {str(v.id): v for history in histories.values() for v in history.versions}
    works = {str(history.id): history for history in histories.values()}
    problems = []
    for record in citations:
        if not record.live or not record.to or "#" not in record.to:
            continue
        page, _, part = record.to.partition("#")
        if page in versions:
            candidates, name = [versions[page]], version_name(versions[page])
        elif page in works and not (record.citation.revision or record.citation.type == "self"):
            candidates, name = list(works[page].versions), work_name(works[page])  # no revision given
        else:
            continue  # the cited revision is not held: we cannot know its parts
        if any(part_anchor(version.blocks, part) for version in candidates):
            continue
        problems.append(_problem(record, sources[record.source], part, name, candidates))
    return problems


def part_anchor(blocks: tuple[Block, ...], part: str) -> str | None:
    """The anchor of ``blocks`` that a cited part names, or None (the link then goes to the page).

    'annex' (the single annex) is 'annex-1'. A clause item is cited by its clause's first words
    ('instructs the Secretary-General 3'), anchored under the whole clause header
    ('instructs-the-secretary-general-and-the-directors-of-the-bureaux-3', '…-part-2-3')."""
    anchors = {block.anchor for block in blocks}
    if part == "annex":
        return "annex-1" if "annex-1" in anchors else None
    if part in anchors:
        return part
    return next((anchor + part[len(words) :] for words, anchor in _clauses_named(blocks, part)
                 if anchor + part[len(words) :] in anchors), None)


def _clauses_named(blocks: tuple[Block, ...], part: str) -> list[tuple[str, str]]:
    """(clause words of ``part``, anchor of a clause of ``blocks`` starting with them), for each way
    of reading ``part`` as clause words and a label ('resolves-1-2': 'resolves' and '1-2')."""
    found = []
    clauses = [block.anchor for block in blocks if block.kind == "clause"]
    for cut in (i for i, ch in enumerate(part) if ch == "-"):
        words = part[:cut]
        found += [(words, anchor) for anchor in clauses if anchor == words or anchor.startswith(words + "-")]
    return found


def _problem(record: CitationRecord, source: Source, part: str, name: str, candidates: list[Version]) -> Diagnostic:
    text = record.citation.text
    line = source.lines[record.line - 1] if 1 <= record.line <= len(source.lines) else ""
    col = line.find(text) + 1 or line.find(text.split("(")[0].rstrip()) + 1 or 1
    shown = "the annex" if part == "annex" else part
    if len(candidates) == 1:
        where = f"which has no such part ({_what_it_has(candidates, part, 'it has')}); the link goes to the top of that page"
    else:
        where = (f"and no version of it in this collection has such a part ({_what_it_has(candidates, part, 'its versions have')}); "
                 "the link goes to the top of the work's page")
    return Diagnostic(source.path, record.line, col, f"{' '.join(text.split())!r} cites {shown} of {name}, {where}")


def _what_it_has(candidates: list[Version], part: str, subject: str) -> str:
    """'it has annex-1, annex-2', 'it has no annex', 'it has resolves-1, resolves-2, …'."""
    blocks = [block for version in candidates for block in version.blocks]
    if part.startswith("annex"):
        have = [b.anchor for b in blocks if b.kind == "heading" and b.level == 2 and b.anchor.startswith("annex-")]
        kind = "annex"
    else:
        clauses = {anchor for _, anchor in _clauses_named(tuple(blocks), part)}
        have = [b.anchor for b in blocks if b.kind == "item" and b.level == 1 and b.anchor.rsplit("-", 1)[0] in clauses]
        kind = "numbered item in that clause" if clauses else "clause of that name"
    have = list(dict.fromkeys(have))
    if not have:
        return f"{subject} no {kind}"
    return f"{subject} " + ", ".join(have[:_LISTED]) + (", …" if len(have) > _LISTED else "")
