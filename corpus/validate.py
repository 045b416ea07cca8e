"""Export marks left open on their line: a bookmark, a footnote reference, a footnote text, a
tracked deletion.

The build cannot read an unclosed mark as a mark, so it keeps its characters as text: the page
shows them as they stand and nothing is lost. But the editor meant a mark (a missing ']' or '~~'
is a slip of the hand or of the export), so each one is reported at the column of its opening in
the raw line, saying what the page shows instead and how to close it. Only these mark syntaxes
are checked: the negotiation brackets of working documents ('[noting …' … ']', 004:472) are
text and may well span lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from corpus import patterns
from corpus.clean import open_deletion
from corpus.model import Diagnostic, Source

_BOOKMARK_OPENING = re.compile(r"\[bookmark:[ \t]*[^\s\[\]]{0,40}")
_FOOTNOTE_REF_OPENING = re.compile(r"\[footnoteRef:(\d*)")
_FOOTNOTE_TEXT_OPENING = re.compile(r"\[(\d+):")

Problem = tuple[int, str]
"""(0-based offset of the opening mark in the line, message)."""


def _bookmarks(line: str) -> Iterator[Problem]:
    """'[bookmark: _Toc406757646' with no ']' after the name."""
    for opening in _BOOKMARK_OPENING.finditer(line):
        if not patterns.BOOKMARK.match(line, opening.start()):
            yield opening.start(), (
                f"bookmark {opening.group(0)!r} is not closed by ']': the page shows it as text, as it stands; "
                "end the bookmark name with ']' (or remove the bookmark)")


def _footnote_refs(line: str) -> Iterator[Problem]:
    """'[footnoteRef:12' with no ']' after the number."""
    for opening in _FOOTNOTE_REF_OPENING.finditer(line):
        if not patterns.FOOTNOTE_REF.match(line, opening.start()):
            yield opening.start(), (
                f"footnote reference {opening.group(0)!r} is not closed by ']': the page shows it as text, "
                f"not as a footnote mark; write it as '[footnoteRef:{opening.group(1) or 'N'}]'")


def _footnote_texts(line: str) -> Iterator[Problem]:
    """'[12: 1<TAB>text' (a Word export's footnote text) with no ']' before the end of the line."""
    for opening in _FOOTNOTE_TEXT_OPENING.finditer(line):
        if not patterns.FOOTNOTE_TEXT.match(line, opening.start()):
            number = opening.group(1)
            yield opening.start(), (
                f"footnote text '[{number}: …' is not closed by ']' on its line: the page shows it as text where it "
                f"stands, not as footnote {number} at the foot of the page; end the footnote text with ']' on this line")


def _deletions(line: str) -> Iterator[Problem]:
    """An odd '~~': marks.py pairs them from the left, so the last one of the line is left open."""
    offset = open_deletion(line)
    if offset is not None:
        yield offset, (
            "deletion '~~' is not closed by '~~' on this line (a deletion never crosses a line): the page shows "
            "the '~~' and the text after it as they stand, not as deleted text; add the closing '~~' where the deletion ends")


_RULES: tuple[tuple[Callable[[str], Iterator[Problem]], tuple[str, ...]], ...] = (
    (_bookmarks, ("word-export", "markdown", "markdown-changes")),
    (_footnote_refs, ("word-export", "markdown", "markdown-changes")),
    (_footnote_texts, ("word-export",)),
    (_deletions, ("markdown", "markdown-changes")),
)
"""Each rule, with the markups whose sources the build reads that mark in (see marks.py, parse.py)."""


def find_unclosed_marks(source: Source) -> list[Diagnostic]:
    """A warning per mark of ``source`` that its line leaves open, in line and column order."""
    rules = [rule for rule, markups in _RULES if source.meta.markup in markups]
    problems = []
    for number, line in enumerate(source.lines, 1):
        if "[" not in line and "~~" not in line:
            continue
        found = sorted(problem for rule in rules for problem in rule(line))
        problems += [Diagnostic(source.path, number, offset + 1, message) for offset, message in found]
    return problems
