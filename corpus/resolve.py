"""Citations -> the works and versions of this collection that they cite.

``resolve_citation(citation, context, known)`` returns ``(target, note)``:

- the version id ("pp/resolution/130@dubai-2018") when the citation gives a revision whose
  conference the collection holds for that work;
- the work id ("pp/resolution/130") when the work is held but not the cited revision (the note
  says which revision the reader will not find), or when the citation gives no revision (the
  work page shows every version: no guessing which one was meant);
- None when the work is not in the collection (texts of WTDC, WTSA, RA, WRC, the UN General
  Assembly, earlier WTPF sessions, or PP and Council texts the sources do not contain).

A cited part becomes an anchor on the target: "#annex-2", "#resolves-2".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from corpus.ids import file_slug
from corpus.model import Citation, CiteContext

# Citation body names -> body slugs of this collection's ids. Bodies not listed have no pages
# here; their slug would never be in ``known``, but they are refused by name as well, so that a
# WTDC or UNGA citation can never reach a PP page whatever ``known`` holds.
BODY_SLUGS = {"PP": "pp", "Council": "council", "WTPF-21": "wtpf-21"}
# "Rev. Dubai, 2018" -> "Dubai, 2018"; "Rev. Council 2020" -> "Council 2020".
_REV_PREFIX = re.compile(r"^rev\.?[\s\-\u2011]*", re.IGNORECASE)


def resolve_citation(
    citation: Citation, context: CiteContext, known: Mapping[str, Sequence[str]]
) -> tuple[str | None, str]:
    """The id a citation links to (version, else work, else None) and a note for the reader."""
    if citation.type == "self" and not citation.number:
        return None, "refers to an instrument the text does not name"
    body_slug = BODY_SLUGS.get(citation.body)
    if body_slug is None:
        who = citation.body or "an unidentified body"
        return None, f"not in this collection ({who} {citation.kind} {citation.number})"
    work = f"{body_slug}/{citation.kind}/{file_slug(citation.number)}"
    if work not in known:
        return None, f"not in this collection ({citation.body} {citation.kind} {citation.number})"
    target, note = _version_or_work(citation, context, work, known[work])
    return _with_part(target, citation.part), note


def conference_slug(revision: str) -> str:
    """'Rev. Dubai, 2018' -> 'dubai-2018', 'Busan, 2014' -> 'busan-2014', 'Rev. Council 2020' ->
    'council-2020'; the slug of a version id."""
    return file_slug(_REV_PREFIX.sub("", revision.strip()))


def _version_or_work(
    citation: Citation, context: CiteContext, work: str, conferences: Sequence[str]
) -> tuple[str, str]:
    """The version when its conference is held, else the work with a note saying why."""
    revision = citation.revision or (context.conference if citation.type == "self" else "")
    if not revision:
        return work, "no revision given: linked to the work, which lists every version"
    conference = conference_slug(revision)
    if conference in conferences:
        return f"{work}@{conference}", ""
    return work, f"cites {revision}, which this collection does not hold"


def _with_part(target: str, part: str) -> str:
    return f"{target}#{part}" if part else target
