"""List labels: their type, whether they glue an old and a new label, and which label may follow
which at one list level.

parse.py types each label of an item and keeps the open list levels; ``check_sequence`` says
whether a label is a successor of the previous label of its level (``a)`` → ``b)``, ``1.3`` →
``1.4``, ``iv)`` → ``v)``, ``a)`` → ``abis)`` → ``ater)`` → ``b)``), so that a missing, repeated or
mistyped item is reported to the editor instead of passing unseen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import patterns


@dataclass
class ListLevel:
    """One open level of a list, as parse.py walks it."""

    kind: str
    """Label type: 'letter)', 'number', 'decimal1', 'roman)', 'bullet'."""
    anchor: str = ""
    """Anchor of its last item."""
    label: str = ""
    """Label of its last item, as printed."""
    follows: str = ""
    """Label the next item must follow; '' when its sequence starts afresh."""


def open_level(levels: list[ListLevel], kind: str) -> int:
    """Depth of the level an item of type ``kind`` belongs to: the open level of that type (deeper
    levels close), else a new innermost level."""
    kinds = [level.kind for level in levels]
    if kind in kinds:
        del levels[kinds.index(kind) + 1 :]
    else:
        levels.append(ListLevel(kind))
    return len(levels)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_INSERTED = ("bis", "ter", "quater")
"""Suffixes of items inserted after an adopted text was numbered: 'abis)', 'ater)'."""
# Letters glued by the Busan working document (004) although they do not follow each other.
_MERGED_LETTERS = ("ee", "dc", "di", "dg", "ec", "eh", "ek", "ab")


def label_core(label: str) -> str:
    """'a)' -> 'a', '1.' -> '1', '1.2' -> '1.2'; the Cyrillic 'с' (000) reads as Latin 'c'."""
    return label.rstrip(").").replace("\u0441", "c")


def label_type(label: str, last_letter: str) -> str:
    """'bullet', 'number)', 'decimal1', 'roman)', 'letter.'… (the closing mark is part of the type:
    '1)' and '1' are two lists). ``last_letter`` is the previous letter label of the clause."""
    core = label_core(label)
    if label in ("–", "•"):
        return "bullet"
    if core.isdigit():
        return "number" + label[len(core) :]
    if re.fullmatch(r"\d+(\.\d+)+", core):
        return f"decimal{core.count('.')}"
    if patterns.ROMAN.match(core + ")") and not _is_letter_after(last_letter, core):
        return "roman" + label[len(core) :]
    return "letter" + label[len(core) :]


def _is_letter_after(last_letter: str, core: str) -> bool:
    """'i)' after 'h)' is a letter; 'v)' after 'u)' too. Otherwise i), ii), v) are roman numerals."""
    return len(core) == 1 and bool(last_letter) and ord(core) == ord(last_letter[-1]) + 1


def is_merged_label(core: str, kind: str) -> bool:
    """Two letters glued, old and new ('fg)', 'ef)', 'dc)'): the source cannot tell which is which."""
    if not kind.startswith("letter") or len(core) != 2:
        return False
    return core[1] == chr(ord(core[0]) + 1) or core in _MERGED_LETTERS


_FIRST_LABELS = ("1", "a", "i")


def check_sequence(
    previous: str, label: str, kind: str, tracked_changes: bool = False, after_text: bool = False
) -> tuple[str, str]:
    """(the label expected instead of ``label``, '' when it may follow ``previous``; the label the
    next item of the level must follow, '' to start afresh). Both labels are of type ``kind``.

    ``after_text``: a paragraph stands between the two, so '1)', 'a)' or 'i)' start a new list
    (002:2021, the SWOT lists of Resolution 71 under their headings). With ``tracked_changes``
    (004) a label may glue an old and a new label ('fg)', '34', '136'): it may continue either
    half of the previous label, and the next label is not compared with it, since after it the
    source mixes the old and the new numbering (004:796 keeps the old 'f)' where 'l)' is meant).
    """
    old, new = label_core(previous), label_core(label)
    if not previous or kind == "bullet" or (after_text and new in _FIRST_LABELS):
        return "", label
    successors = _successors(old, kind)
    if successors and new in successors:
        return "", label
    if tracked_changes and _readings(new, kind) & {s for part in _readings(old, kind) for s in _successors(part, kind) or ()}:
        return "", ""
    if successors is None or _successors(new, kind) is None:
        return "", label  # a label we cannot count ('aaa)', 'fg)' outside a tracked-changes source)
    return successors[0] + label[len(new) :], label


def sequence_warning(line: str, label: str, previous: str, expected: str, clause: str, parent: str) -> tuple[int, str]:
    """(column of ``label`` in the raw source ``line``, message) for a label out of sequence
    under ``clause`` (its text), nested under the item labelled ``parent`` ('' at the top)."""
    where = (f"under {clause!r}" if clause else "before any clause") + (f", item {parent!r}" if parent else "")
    # The label, not the same characters inside a bookmark name before it ('[bookmark: _Hlk5]5\t').
    found = re.search(r"(?<![\w.])" + re.escape(label) + r"(?=[ \t\u00a0])", line)
    message = f"list label {label!r} follows {previous!r} {where}: expected {expected!r}; check for a missing, repeated or mistyped item"
    return (found.start() + 1 if found else 1), message


def _successors(core: str, kind: str) -> list[str] | None:
    """Labels that may follow ``core``, the plain successor first; None when it cannot be counted."""
    if kind.startswith("number"):
        return [str(int(core) + 1)] if core.isdigit() else None
    if kind.startswith("decimal"):
        return _decimal_successors(core)
    if kind.startswith("roman"):
        value = _roman_value(core)
        return [_roman(value + 1)] if value else None
    return _letter_successors(core)


def _decimal_successors(core: str) -> list[str] | None:
    """'1.3' -> '1.4', then '2.1' (the next paragraph's first sub-item, its parent being no item)."""
    parts = core.split(".")
    if not all(part.isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts]
    found = []
    for depth in range(len(numbers) - 1, -1, -1):
        bumped = numbers[:depth] + [numbers[depth] + 1] + [1] * (len(numbers) - depth - 1)
        found.append(".".join(map(str, bumped)))
    return found


def _letter_successors(core: str) -> list[str] | None:
    """'a' -> 'b', 'abis', 'ater', 'aquater'; 'abis' -> 'b', 'ater', 'aquater' (an inserted item
    may itself have been deleted); 'aquater' -> 'b'."""
    letter, suffix = core[:1], core[1:]
    if not ("a" <= letter < "z") or (suffix and suffix not in _INSERTED):
        return None
    rank = _INSERTED.index(suffix) + 1 if suffix else 0
    return [chr(ord(letter) + 1)] + [letter + later for later in _INSERTED[rank:]]


def _readings(core: str, kind: str) -> set[str]:
    """The label and, in a tracked-changes source, each half of an old and a new label glued
    together: 'fg' -> f, g; '34' -> 3, 4; '136' -> 1, 36, 13, 6."""
    if kind.startswith("letter"):
        return {core, *core} if len(core) == 2 else {core}
    if kind.startswith("number"):
        return {core} | {part for cut in range(1, len(core)) for part in (core[:cut], core[cut:]) if part[0] != "0"}
    return {core}


def _roman_value(core: str) -> int:
    """'iv' -> 4; 0 when ``core`` is not a roman numeral."""
    if not core or any(ch not in _ROMAN_VALUES for ch in core):
        return 0
    values = [_ROMAN_VALUES[ch] for ch in core]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))


def _roman(value: int) -> str:
    """4 -> 'iv' (lower case, as ITU texts print them)."""
    out = ""
    for number, digits in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out, value = out + digits, value - number
    return out
