"""Tab-led lines -> table blocks. Word flattens a table to one cell per line, each cell led by a
tab; a cell running over several lines continues without the tab, and blank lines may fall inside
a row. The header (the tab-led lines before the first blank) gives the number of columns."""

from __future__ import annotations

import re

from corpus import patterns
from corpus.marks import parse_marks, strip_runs
from corpus.model import Block, Inline

_TAB_LED = re.compile(r"^[ \u00a0]*\t")
# A non-tab line after this many blank lines no longer continues a cell.
_BLANKS_ENDING_TABLE = 2


def is_tab_led(line: str) -> bool:
    """A table cell starts with a tab (sometimes after a stray space)."""
    return bool(_TAB_LED.match(line)) and bool(line.strip())


def table_end(lines: list[str], first: int, stop: int) -> int:
    """Index just past the table whose first cell is ``lines[first]`` (``stop`` bounds the search)."""
    index, blanks, last = first, 0, first
    while index < stop:
        line = lines[index]
        if not line.strip():
            blanks += 1
        elif is_tab_led(line):
            blanks, last = 0, index
        elif blanks >= _BLANKS_ENDING_TABLE or _ends_table(line):
            break
        else:
            blanks, last = 0, index
        index += 1
    return last + 1


def _ends_table(line: str) -> bool:
    text = line.strip()
    return bool(
        patterns.TABLE_CAPTION.match(text)
        or patterns.ANNEX_HEADING.match(text)
        or patterns.SECTION_NUMBER.match(line)
        or patterns.HEADING.match(text)
    )


def parse_table(lines: list[str], first_line: int, caption: tuple[Inline, ...], markup: str) -> Block:
    """Build one table block from ``lines`` (the table's lines; ``first_line`` is the first's number)."""
    cells = _cells(lines, markup)
    columns = _header_width(lines)
    rows = [tuple(cells[i : i + columns]) for i in range(0, len(cells), columns)]
    flags: tuple[str, ...] = ()
    if rows and len(rows[-1]) < columns:
        flags = ("ragged-rows",)
        rows[-1] = rows[-1] + ((),) * (columns - len(rows[-1]))
    return Block(
        "table", caption, first_line, first_line + len(lines) - 1,
        rows=tuple(rows), header_rows=1 if len(rows) > 1 else 0, flags=flags,
    )


def _header_width(lines: list[str]) -> int:
    width = 0
    for line in lines:
        if not line.strip():
            if width:
                break
            continue
        if not is_tab_led(line):
            break
        width += 1
    return max(width, 1)


def _cells(lines: list[str], markup: str) -> list[tuple[Inline, ...]]:
    texts: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if is_tab_led(line) or not texts:
            texts.append(line.strip(" \t\u00a0"))
        else:
            texts[-1] += "\n" + line.strip(" \t\u00a0")
    return [strip_runs(parse_marks(text, markup)) for text in texts]


def parse_sheet(lines: list[str], first_line: int, caption: tuple[Inline, ...]) -> Block:
    """A spreadsheet row per line, cells split on tabs ('\\t\\t' separates cells in the dump)."""
    rows = []
    for line in lines:
        if line.strip():
            # The dump separates cells by two tabs, so an empty cell is four tabs in a row.
            separator = "\t\t" if "\t\t" in line else "\t"
            body = line.rstrip(" \t").removeprefix(separator) if line.startswith(separator) else line.strip(" \t")
            cells = [cell.strip() for cell in body.split(separator)]
            rows.append(tuple((Inline("text", cell),) if cell else () for cell in cells))
    width = max((len(row) for row in rows), default=1)
    padded = tuple(row + ((),) * (width - len(row)) for row in rows)
    return Block("table", caption, first_line, first_line + len(lines) - 1, rows=padded, flags=("sheet",))
