"""Source -> segments: one per instrument (from its action line or heading to the next one), and
segments of text that belongs to no instrument (cover notes, report text, trailing dumps)."""

from __future__ import annotations

import re

from corpus import patterns
from corpus.clean import clean_lines, normalize_key
from corpus.marks import parse_marks, reading_text
from corpus.model import Diagnostic, Heading, Segment, Source

# How far below a heading the enacting formula may stand (titles run over up to four lines).
_FORMULA_WINDOW = 7
_END_OF_TEXT = re.compile(r"^_{5,}$")


def segment_source(source: Source, lines: list[str] | None = None) -> tuple[list[Segment], list[Diagnostic]]:
    """Find every instrument of ``source``; every line ends up in exactly one segment.

    ``lines`` are the source's cleaned lines (clean_lines(source)), computed here when not given.
    """
    lines = lines if lines is not None else clean_lines(source)
    diagnostics: list[Diagnostic] = []
    headings = [h for h in (_heading_at(source, lines, i, diagnostics) for i in range(len(lines))) if h]
    diagnostics += _headings_missing(source, lines, {h.action_line for h in headings})
    starts = [h.action_line or h.line for h in headings]
    segments: list[Segment] = []
    cursor = 1
    for index, heading in enumerate(headings):
        start = starts[index]
        if start > cursor:
            segments.append(Segment(cursor, start - 1))
        limit = starts[index + 1] - 1 if index + 1 < len(headings) else len(lines)
        end = _instrument_end(lines, heading, limit)
        segments.append(Segment(start, end, heading))
        cursor = end + 1
    if cursor <= len(lines):
        segments.append(Segment(cursor, len(lines)))
    return segments, diagnostics


def _stripped(lines: list[str], number: int) -> str:
    return lines[number - 1].strip(" \t\u00a0")


def _next_nonblank(lines: list[str], number: int, limit: int) -> int:
    """Line number of the first non-blank line after ``number`` (0 if none up to ``limit``)."""
    for candidate in range(number + 1, min(limit, len(lines)) + 1):
        if _stripped(lines, candidate):
            return candidate
    return 0


def _previous_nonblank(lines: list[str], number: int) -> int:
    for candidate in range(number - 1, max(0, number - 3), -1):
        if _stripped(lines, candidate):
            return candidate
    return 0


def _heading_at(source: Source, lines: list[str], index: int, diagnostics: list[Diagnostic]) -> Heading | None:
    number = index + 1
    text = _stripped(lines, number)
    opinion = patterns.OPINION_HEADING.match(text)
    match = opinion or patterns.HEADING.match(text)
    if not match or not text[:1].isalpha():
        return None
    above = _previous_nonblank(lines, number)
    action = patterns.ACTION.match(_stripped(lines, above)) if above else None
    if not action and not opinion and not _formula_follows(lines, number):
        return None
    raw_revision = "" if opinion else (match.group("revision") or "")
    revision_marked = parse_marks(raw_revision, source.meta.markup)
    return Heading(
        kind="opinion" if opinion else match.group("kind").lower(),
        number=match.group("number"),
        revision=_checked_revision(source, reading_text(revision_marked), number, action, diagnostics),
        revision_marked=revision_marked,
        action=action.group("action") if action else "",
        action_line=above if action else 0,
        line=number,
        draft=bool(match.group("draft")),
    )


def _headings_missing(source: Source, lines: list[str], used: set[int]) -> list[Diagnostic]:
    """An action line ('MOD #49341') always stands right above an instrument heading: where the
    line under it is not one the build reads, the instrument would silently join the text above."""
    problems = []
    for number in range(1, len(lines) + 1):
        if number in used or not patterns.ACTION.match(_stripped(lines, number)):
            continue
        below = _next_nonblank(lines, number, number + 2) or number
        problems.append(Diagnostic(
            source.path, below, 1,
            f"the line under action line {' '.join(_stripped(lines, number).split())!r} is not an instrument heading the build reads: "
            "write it as KIND NUMBER (REVISION), e.g. 'RESOLUTION 130 (Rev. Dubai, 2018)', followed by the title "
            "and the enacting formula; until then this text is shown with the text above it"))
    return problems


def _formula_follows(lines: list[str], number: int) -> bool:
    candidate = number
    for _ in range(_FORMULA_WINDOW):
        candidate = _next_nonblank(lines, candidate, len(lines))
        if not candidate:
            return False
        text = reading_text(parse_marks(_stripped(lines, candidate), "markdown"))
        if patterns.FORMULA.match(text):
            return text.endswith((",", ")")) or not text.endswith((".", ";", ":"))
        if patterns.CLAUSE.match(text) or patterns.LABEL_WORD.match(text) or patterns.HEADING.match(text):
            return False
    return False


def normalize_revision(text: str) -> str:
    """'Rev. dUBAI, 2018' -> 'Rev. Dubai, 2018'; 'KYOTO, 1994' -> 'Kyoto, 1994'; '' if unreadable."""
    match = patterns.REVISION.match(" ".join(text.replace("\u00a0", " ").split()))
    if not match:
        return ""
    place = " ".join(word.capitalize() for word in match.group("place").split())
    return f"{'Rev. ' if match.group('rev') else ''}{place}, {match.group('year')}"


def _checked_revision(
    source: Source, printed: str, line: int, action: re.Match[str] | None, diagnostics: list[Diagnostic]
) -> str:
    """The heading's revision; where it should name this conference but does not, the metadata wins."""
    revision = normalize_revision(printed)
    if action and action.group("action") == "SUP":
        return revision
    conference = source.meta.conference
    if not printed:
        return ""
    place_year = revision.removeprefix("Rev. ")
    if normalize_key(place_year) == normalize_key(conference):
        return revision.replace(place_year, conference)
    corrected = f"Rev. {conference}" if revision.startswith("Rev. ") or not revision else conference
    diagnostics.append(
        Diagnostic(
            source.path, line, source.lines[line - 1].find(printed[:3]) + 1 or 1,
            f"heading revision {printed!r} does not name this source's conference ({conference}); "
            f"using {corrected!r} from the metadata",
        )
    )
    return corrected


def _instrument_end(lines: list[str], heading: Heading, limit: int) -> int:
    """Last line of an instrument: a suppressed one is only heading, title (and formula)."""
    for number in range(heading.line, limit + 1):
        if _END_OF_TEXT.match(_stripped(lines, number)):
            return _last_nonblank(lines, heading.line, number - 1)
    if heading.action != "SUP":
        return limit
    title_end = _title_end(lines, heading.line, limit)
    after = _next_nonblank(lines, title_end, limit)
    if after and patterns.FORMULA.match(_stripped(lines, after)):
        end = after
        if not _stripped(lines, end).endswith((",", ")")):
            end = _next_nonblank(lines, end, limit) or end
        return end
    return title_end


def _title_end(lines: list[str], heading_line: int, limit: int) -> int:
    first = _next_nonblank(lines, heading_line, limit) or heading_line
    if _stripped(lines, first).startswith("**") and not _stripped(lines, first).endswith("**"):
        for number in range(first + 1, limit + 1):
            if _stripped(lines, number).endswith("**"):
                return number
    return first


def _last_nonblank(lines: list[str], first: int, last: int) -> int:
    while last > first and not _stripped(lines, last):
        last -= 1
    return last
