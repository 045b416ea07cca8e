"""Named, pure str -> str cleaners applied to every source line before segmentation.

They only remove export artefacts that carry no text (bookmarks, trailing spaces) or normalise
characters that must compare equal; footnotes and tracked changes carry text and are parsed, not
cleaned away. One step depends on the markup: in a Markdown source, clean_lines() escapes a '~~'
left open on its line, so that no '~~' on a line joined to it can close it (it stays text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus import patterns
from corpus.model import Source


def strip_bookmarks(line: str) -> str:
    """'[bookmark: lt_pId054][bookmark: here]considering' -> 'considering'."""
    return patterns.BOOKMARK.sub("", line)


def strip_trailing_space(line: str) -> str:
    """Trailing spaces and tabs carry nothing (45 keyword lines of 002 have them)."""
    return line.rstrip(" \t\r")


def narrow_nbsp_to_space(line: str) -> str:
    """U+202F (003:173, inside a title) is a plain space for every reader and every anchor."""
    return line.replace("\u202f", " ")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def drop_control_characters(line: str) -> str:
    """C0 controls other than tab never belong in a text (read.py rejects NUL outright)."""
    return _CONTROL.sub("", line)


CLEANERS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("control-characters", drop_control_characters),
    ("bookmarks", strip_bookmarks),
    ("narrow-nbsp", narrow_nbsp_to_space),
    ("trailing-space", strip_trailing_space),
)
"""Applied in this order by clean_line()."""


def clean_line(line: str) -> str:
    """Apply every cleaner in CLEANERS to one source line."""
    for _name, cleaner in CLEANERS:
        line = cleaner(line)
    return line


def open_deletion(line: str) -> int | None:
    """Offset of a '~~' that no later '~~' of its line closes (marks pair from the left), or None."""
    marks = [mark.start() for mark in patterns.DELETION_MARK.finditer(line)]
    return marks[-1] if len(marks) % 2 else None


def escape_open_deletion(line: str) -> str:
    """A '~~' that no later '~~' of its line closes is text, since a deletion never crosses a line
    (validate.py reports it): escaped as the Markdown export escapes ('\\~\\~'), so that a '~~' on
    the next line of a paragraph, a title or a formula joined to this one cannot close it."""
    offset = open_deletion(line)
    return line if offset is None else line[:offset] + "\\~\\~" + line[offset + 2 :]


def clean_lines(source: Source) -> list[str]:
    """Every line of a source, cleaned (index = line number - 1); in a Markdown source a deletion
    left open is escaped, so that it stays on its line."""
    lines = [clean_line(line) for line in source.lines]
    return lines if source.meta.markup == "word-export" else [escape_open_deletion(line) for line in lines]


_KEY_FOLDS = str.maketrans({"\u2011": "-", "\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalize_key(text: str) -> str:
    """Fold text for comparisons: U+2011/U+00A0 to ASCII, curly quotes to straight, case folded."""
    return " ".join(text.translate(_KEY_FOLDS).split()).casefold()
