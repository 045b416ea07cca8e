"""Instrument text -> structure: title, enacting formula, clauses, labelled items, annexes,
tables, figures and footnotes. Document text outside instruments -> paragraphs, sections, tables.

Rules are small functions tried in order (``_BODY_RULES``); each consumes one or more lines and
appends blocks. Blank lines never separate list items (Word exports scatter them inside lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus import labels, patterns
from corpus.ids import WorkId, file_slug, slugify
from corpus.marks import merge_runs, parse_marks, reading_text, strip_runs
from corpus.model import (
    Block,
    Diagnostic,
    Document,
    Footnote,
    Heading,
    Inline,
    Segment,
    Source,
    Version,
)
from corpus.tables import is_tab_led, parse_sheet, parse_table, table_end

_SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


@dataclass
class _State:
    """What the parser knows while it walks one instrument or document."""

    source: Source
    lines: list[str]
    """Cleaned lines of the whole source (index = line number - 1)."""
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    section: str = "para"
    """Anchor prefix of the current clause or annex."""
    in_annex: bool = False
    used_anchors: set[str] = field(default_factory=set)
    label_stack: list[labels.ListLevel] = field(default_factory=list)
    """The open list levels of the current section, outermost first."""
    last_letter: str = ""
    paragraphs_in_section: int = 0
    pending_superscripts: dict[str, list[str]] = field(default_factory=dict)
    """Superscript marks (004) still waiting for their text, by printed label."""

    @property
    def markup(self) -> str:
        return self.source.meta.markup

    def anchor(self, wanted: str) -> str:
        """A page-unique anchor: repeated clause words get '-part-2', '-part-3'."""
        anchor, counter = wanted, 1
        while anchor in self.used_anchors:
            counter += 1
            anchor = f"{wanted}-part-{counter}"
        self.used_anchors.add(anchor)
        return anchor

    def warn(self, line: int, message: str, col: int = 1) -> None:
        self.diagnostics.append(Diagnostic(self.source.path, line, col, message))


# --- Inline text of one line ------------------------------------------------------------------


def _inlines(state: _State, text: str, line: int) -> tuple[Inline, ...]:
    """Marks of one line's text, footnote texts at its end moved to the instrument's footnotes."""
    if state.markup == "word-export":
        text = _take_footnote_texts(state, text, line)
    runs = parse_marks(text, state.markup)
    if state.markup == "markdown-changes":
        runs = _superscript_refs(state, runs)
    return strip_runs(runs)


def _take_footnote_texts(state: _State, text: str, line: int) -> str:
    def keep(match: re.Match[str]) -> str:
        key, label, body = match.groups()
        runs = strip_runs(parse_marks(body.replace("\t", " "), state.markup))
        state.footnotes[key] = Footnote(key, label, runs, line)
        return ""

    return patterns.FOOTNOTE_TEXT.sub(keep, text)


def _superscript_refs(state: _State, runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for run in runs:
        if run.kind != "text" or not patterns.SUPERSCRIPT_REF.search(run.text):
            out.append(run)
            continue
        for piece in patterns.SUPERSCRIPT_REF.split(run.text):
            if piece and patterns.SUPERSCRIPT_REF.fullmatch(piece):
                label = piece.translate(_SUPERSCRIPT_DIGITS)
                key = f"sup-{sum(map(len, state.pending_superscripts.values())) + len(state.footnotes) + 1}"
                state.pending_superscripts.setdefault(label, []).append(key)
                out.append(Inline("fnref", label, target=key))
            elif piece:
                out.append(Inline("text", piece))
    return merge_runs(out)


def _plain(runs: tuple[Inline, ...]) -> str:
    return " ".join(reading_text(runs).split())


# --- Body rules -------------------------------------------------------------------------------


def _rule_blank(state: _State, index: int, stop: int) -> int:
    return index + 1 if not state.lines[index].strip() else index


def _rule_annex(state: _State, index: int, stop: int) -> int:
    text = state.lines[index].strip(" \t\u00a0")
    match = patterns.ANNEX_HEADING.match(text)
    if not match:
        return index
    state.section = state.anchor(f"annex-{match.group('n') or '1'}")
    state.in_annex, state.label_stack = True, []
    state.blocks.append(Block("heading", _inlines(state, text, index + 1), index + 1, index + 1, anchor=state.section, level=2))
    return index + 1


def _rule_appendix(state: _State, index: int, stop: int) -> int:
    text = state.lines[index].strip(" \t\u00a0")
    match = patterns.APPENDIX_HEADING.match(text)
    if not match or not state.in_annex:
        return index
    anchor = state.anchor(f"{state.section}-appendix-{slugify(match.group('n'))}")
    state.blocks.append(Block("heading", _inlines(state, text, index + 1), index + 1, index + 1, anchor=anchor, level=3))
    return index + 1


def _rule_figure(state: _State, index: int, stop: int) -> int:
    if not patterns.IMAGE.match(state.lines[index].strip()):
        return index
    text = (Inline("text", "Image not available: the source document marks a figure here but does not include the picture."),)
    state.blocks.append(Block("figure", text, index + 1, index + 1, anchor=state.anchor(f"{state.section}-figure-{index + 1}")))
    return index + 1


def _rule_table(state: _State, index: int, stop: int) -> int:
    line = state.lines[index]
    caption: tuple[Inline, ...] = ()
    first = index
    if patterns.TABLE_CAPTION.match(line.strip()):
        following = _next_nonblank_index(state.lines, index, stop)
        if following is None or not is_tab_led(state.lines[following]):
            return index
        caption, first = _inlines(state, line.strip(), index + 1), following
    elif not (is_tab_led(line) and _next_is_tab_led(state.lines, index, stop) and _may_open_table(state, index)):
        return index
    end = table_end(state.lines, first, stop)
    block = parse_table(state.lines[first:end], first + 1, caption, state.markup)
    block = _with_footnotes_taken(state, block)
    anchor = state.anchor(f"{state.section}-table-{slugify(_plain(caption))[:40] or first + 1}")
    state.blocks.append(Block(**{**_fields(block), "anchor": anchor, "line": index + 1}))
    return end


def _may_open_table(state: _State, index: int) -> bool:
    """Without a caption, tab-led lines form a table only in an annex or a document, and not
    right under a list item (there they are indented sub-paragraphs or a flattened diagram)."""
    if not state.in_annex and state.blocks and state.blocks[0].kind in ("formula", "clause"):
        return False
    previous = next((line for line in reversed(state.lines[:index]) if line.strip()), "")
    return not is_tab_led(previous) and not patterns.LABEL_WORD.match(previous.strip(" \u00a0"))


def _with_footnotes_taken(state: _State, block: Block) -> Block:
    """Footnote texts inside cells ("[17: 1\\tBoxes and ticks…]") go to the page foot too."""
    if state.markup != "word-export":
        return block
    rows = tuple(
        tuple(strip_runs(parse_marks(_take_footnote_texts(state, _raw(cell), block.line), state.markup)) for cell in row)
        for row in block.rows
    )
    return Block(**{**_fields(block), "rows": rows})


def _raw(cell: tuple[Inline, ...]) -> str:
    """Cell runs back to source syntax (only footnote refs carry syntax in Word exports)."""
    return "".join(f"[footnoteRef:{run.target}]{run.text}" if run.kind == "fnref" else run.text for run in cell)


def _fields(block: Block) -> dict[str, object]:
    return {name: getattr(block, name) for name in Block.__slots__}  # type: ignore[attr-defined]


def _next_nonblank_index(lines: list[str], index: int, stop: int) -> int | None:
    for candidate in range(index + 1, stop):
        if lines[candidate].strip():
            return candidate
    return None


def _next_is_tab_led(lines: list[str], index: int, stop: int) -> bool:
    following = _next_nonblank_index(lines, index, stop)
    return following is not None and is_tab_led(lines[following])


def _rule_superscript_footnote(state: _State, index: int, stop: int) -> int:
    match = patterns.SUPERSCRIPT_TEXT.match(state.lines[index].strip())
    if state.markup != "markdown-changes" or not match:
        return index
    label = match.group(1).translate(_SUPERSCRIPT_DIGITS)
    runs = strip_runs(parse_marks(match.group(2), state.markup))
    waiting = state.pending_superscripts.get(label) or [f"sup-text-{index + 1}"]
    key = waiting.pop(0)  # the text belongs to the earliest mark with its label still unmatched
    state.footnotes[key] = Footnote(key, label, runs, index + 1)
    return index + 1


# A keyword line longer than this is a sentence: the longest clause header of the sources, with its
# addressees, has 216 characters (002:456 'instructs the Director of the … Bureau, in close consultation …').
_LONGEST_CLAUSE = 300


def _rule_clause(state: _State, index: int, stop: int) -> int:
    if state.in_annex:
        return index
    text = _strip_bullet(state.lines[index].strip(" \t\u00a0"), state.markup)
    reading = _plain(parse_marks(patterns.FOOTNOTE_TEXT.sub("", text), state.markup))
    if not patterns.CLAUSE.match(reading) or reading.endswith((";", ".")) or len(reading) > _LONGEST_CLAUSE:
        return index
    if patterns.LABEL_WORD.match(reading):
        return index
    runs = _inlines(state, text, index + 1)
    state.section = state.anchor(slugify(reading.strip("[] ")) or "clause")
    state.label_stack, state.last_letter, state.paragraphs_in_section = [], "", 0
    state.blocks.append(Block("clause", runs, index + 1, index + 1, anchor=state.section))
    return index + 1


def _strip_bullet(text: str, markup: str) -> str:
    return patterns.MD_BULLET.sub("", text) if markup != "word-export" else text


def _leading_refs(state: _State, text: str) -> str:
    """A footnote ref displaced to the start of the next line (002:4024) goes back to the previous block."""
    match = re.match(r"^((?:\[footnoteRef:\d+\]\d*)+)(?=\S)", text)
    if not match or not state.blocks:
        return text
    previous = state.blocks[-1]
    refs = parse_marks(match.group(1), state.markup)
    state.blocks[-1] = Block(**{**_fields(previous), "inlines": merge_runs([*previous.inlines, *refs])})
    return text[match.end() :]


def _rule_item(state: _State, index: int, stop: int) -> int:
    text = _leading_refs(state, _strip_bullet(state.lines[index].strip(" \t\u00a0"), state.markup))
    match = patterns.LABEL_WORD.match(text)
    if not match:
        return index
    label, separator = match.group("label"), match.group("sep")
    if state.markup == "word-export" and label[-1].isdigit() and "\t" not in separator:
        return index
    kind = labels.label_type(label, state.last_letter)
    level = labels.open_level(state.label_stack, kind)
    core = labels.label_core(label)
    _check_sequence(state, index, label, kind)
    if "\u0441" in label:
        state.warn(index + 1, "list label uses the Cyrillic letter 'с' (U+0441); shown and anchored as Latin 'c)'",
                   state.source.lines[index].find("\u0441") + 1)
    if kind.startswith("letter"):
        state.last_letter = core
    # "1.4" names itself fully; "a)" under item 6 becomes "decides-6-a".
    nested = len(state.label_stack) > 1 and not kind.startswith("decimal")
    parent = state.label_stack[-2].anchor if nested else state.section
    label_slug = slugify(core) if kind != "bullet" else f"bullet-{index + 1}"
    anchor = state.anchor(f"{parent}-{label_slug}")
    state.label_stack[-1].anchor, state.label_stack[-1].label = anchor, label
    flags = ("merged-label",) if labels.is_merged_label(core, kind) else ()
    runs = _inlines(state, match.group("rest"), index + 1)
    state.blocks.append(Block("item", runs, index + 1, index + 1, label=label.replace("\u0441", "c"), anchor=anchor, level=level, flags=flags))
    return index + 1


def _check_sequence(state: _State, index: int, label: str, kind: str) -> None:
    """Warn when a label does not follow the previous one of its level ('a)', 'b)', 'd)')."""
    level = state.label_stack[-1]
    previous, after_text = level.follows, bool(state.blocks) and state.blocks[-1].kind != "item"
    expected, level.follows = labels.check_sequence(previous, label, kind, state.markup == "markdown-changes", after_text)
    if expected:
        clause = next((_plain(b.inlines) for b in reversed(state.blocks) if b.kind == "clause" or b.kind == "heading" and b.level == 2), "")
        parent = state.label_stack[-2].label if len(state.label_stack) > 1 else ""
        col, message = labels.sequence_warning(state.source.lines[index], label, previous, expected, clause, parent)
        state.warn(index + 1, message, col)


def _rule_paragraph(state: _State, index: int, stop: int) -> int:
    text = _leading_refs(state, state.lines[index].strip(" \t\u00a0"))
    if state.markup == "markdown-changes" and patterns.CHANGED_ITEM.match(_strip_bullet(text, state.markup)):
        # A deleted or inserted item, or a changed label: the labels after it may follow the old or
        # the new numbering (004:222 'e)' after the deleted '~~*d)* …~~'), so each level starts afresh.
        for level in state.label_stack:
            level.follows = ""
    runs = _inlines(state, text, index + 1)
    state.paragraphs_in_section += 1
    level = len(state.label_stack)
    anchor = state.anchor(f"{state.section}-p{state.paragraphs_in_section}")
    state.blocks.append(Block("para", runs, index + 1, index + 1, anchor=anchor, level=level))
    return index + 1


_BODY_RULES = (
    _rule_blank,
    _rule_annex,
    _rule_appendix,
    _rule_figure,
    _rule_table,
    _rule_superscript_footnote,
    _rule_clause,
    _rule_item,
    _rule_paragraph,
)


def _walk(state: _State, index: int, stop: int, rules: tuple) -> None:  # type: ignore[type-arg]
    while index < stop:
        for rule in rules:
            after = rule(state, index, stop)
            if after != index:
                index = after
                break


# --- Instruments ------------------------------------------------------------------------------


def version_id(source: Source, heading: Heading) -> WorkId:
    """'pp/resolution/130@busan-2014': body of the source, kind and number of the heading."""
    return WorkId(file_slug(source.meta.body), heading.kind, file_slug(heading.number), file_slug(source.meta.conference))


def parse_instrument(source: Source, segment: Segment, lines: list[str]) -> tuple[Version, list[Diagnostic]]:
    """Parse one instrument segment into a Version (``lines``: the source's cleaned lines)."""
    heading = segment.heading
    assert heading is not None
    state = _State(source, lines)
    index = heading.line  # the line after the heading (0-based index == heading line number)
    title, index = _title(state, heading, index, segment.last)
    index = _formula(state, index, segment.last)
    _walk(state, index, segment.last, _BODY_RULES)
    footnotes = _ordered_footnotes(state, title)
    version = Version(
        id=version_id(source, heading), heading=heading, title=title, source=source.id,
        line=segment.first, end_line=segment.last, blocks=tuple(state.blocks), footnotes=footnotes,
        status=source.meta.status, conference=source.meta.conference,
    )
    return version, state.diagnostics


def instrument_title(source: Source, segment: Segment, lines: list[str]) -> tuple[Inline, ...]:
    """The title of an instrument segment, read alone (as parse_instrument reads it)."""
    assert segment.heading is not None
    return _title(_State(source, lines), segment.heading, segment.heading.line, segment.last)[0]


def _title(state: _State, heading: Heading, index: int, last: int) -> tuple[tuple[Inline, ...], int]:
    opinion = patterns.OPINION_HEADING.match(state.lines[heading.line - 1].strip(" \t\u00a0"))
    if opinion:
        return _inlines(state, opinion.group("title"), heading.line), index
    parts: list[str] = []
    first_line = 0
    while index < last:
        text = state.lines[index].strip(" \t\u00a0")
        if text:
            reading = reading_text(parse_marks(text, "markdown"))
            if patterns.FORMULA.match(reading) or patterns.CLAUSE.match(reading) or patterns.LABEL_WORD.match(reading):
                break
            if parts and state.markup == "markdown-changes" and " ".join(parts).count("**") % 2 == 0:
                break  # a Markdown title is one (bold) paragraph
            parts.append(text)
            first_line = first_line or index + 1
        elif parts and state.markup != "markdown-changes":
            break
        index += 1
    return _inlines(state, " ".join(parts), first_line or heading.line), index


def _formula(state: _State, index: int, last: int) -> int:
    while index < last and not state.lines[index].strip():
        index += 1
    if index >= last or not patterns.FORMULA.match(reading_text(parse_marks(state.lines[index].strip(), "markdown"))):
        return index
    text, first = state.lines[index].strip(), index
    if not text.endswith((",", ")")) and index + 1 < last and state.lines[index + 1].strip().startswith(("(", "[")):
        index += 1
        text += " " + state.lines[index].strip()
    state.blocks.append(Block("formula", _inlines(state, text, first + 1), first + 1, index + 1, anchor="enacting-formula"))
    state.used_anchors.add("enacting-formula")
    return index + 1


def _ordered_footnotes(state: _State, title: tuple[Inline, ...]) -> tuple[Footnote, ...]:
    """Footnotes in order of first reference; texts without a reference are kept at the end."""
    order: dict[str, int] = {}
    located = [(title, 0), *((b.inlines, b.line) for b in state.blocks), *((c, b.line) for b in state.blocks for r in b.rows for c in r)]
    for runs, line in located:
        for run in runs:
            if run.kind == "fnref":
                order.setdefault(run.target, line)
    for key, line in order.items():
        if key not in state.footnotes:
            state.warn(line or 1, "a footnote mark has no footnote text anywhere in the source; shown as a bare mark")
    keys = [key for key in order if key in state.footnotes] + [k for k in state.footnotes if k not in order]
    return tuple(state.footnotes[key] for key in keys)


# --- Documents (text outside instruments) -----------------------------------------------------


def _rule_section(state: _State, index: int, stop: int) -> int:
    """'1.\\tPreamble', '2.8.1\\tArtificial Intelligence (AI)', '1. Global Network Resiliency Platform'."""
    line = state.lines[index].strip(" \u00a0")
    match = patterns.SECTION_NUMBER.match(line) or (
        re.match(r"^(?P<num>\d+)\.\s+(?P<title>[A-Z].*)$", line) if state.markup != "word-export" else None
    )
    if not match:
        return index
    standalone = state.markup != "word-export" and not state.lines[min(index + 1, stop - 1)].strip()
    if not standalone and (len(match.group("title")) > 160 or match.group("title").rstrip().endswith((".", ";", ",", ":", "?"))):
        return index  # a numbered paragraph, not a section title
    depth = match.group("num").count(".") + 1
    anchor = state.anchor(f"section-{slugify(match.group('num'))}")
    runs = _inlines(state, line.replace("\t", " "), index + 1)
    state.blocks.append(Block("heading", runs, index + 1, index + 1, anchor=anchor, level=min(depth + 1, 4)))
    return index + 1


def _rule_sheet(state: _State, index: int, stop: int) -> int:
    """Spreadsheet rows (cells joined by runs of tabs) as the Word export dumps embedded sheets."""
    if "\t\t" not in state.lines[index] and not (is_tab_led(state.lines[index]) and "\t" in state.lines[index].strip("\t ")):
        return index
    end = index
    while end < stop and ("\t" in state.lines[end] or not state.lines[end].strip()):
        end += 1
    state.blocks.append(Block(**{**_fields(parse_sheet(state.lines[index:end], index + 1, ())), "anchor": state.anchor(f"sheet-{index + 1}")}))
    return end


def _rule_document_paragraph(state: _State, index: int, stop: int) -> int:
    """Word exports: a line is a paragraph. Markdown: consecutive lines form one paragraph."""
    end = index + 1
    if state.markup != "word-export":
        while end < stop and state.lines[end].strip() and not patterns.SECTION_NUMBER.match(state.lines[end]):
            end += 1
    text = " ".join(line.strip(" \t\u00a0") for line in state.lines[index:end])
    state.paragraphs_in_section += 1
    anchor = state.anchor(f"p{index + 1}")
    state.blocks.append(Block("para", _inlines(state, text, index + 1), index + 1, end, anchor=anchor))
    return end


_DOCUMENT_RULES = (_rule_blank, _rule_figure, _rule_table, _rule_sheet, _rule_section, _rule_document_paragraph)


def parse_document(
    source: Source, segments: list[Segment], versions: list[WorkId], lines: list[str]
) -> tuple[Document, list[Block], list[Diagnostic]]:
    """The text of ``source`` outside its instruments, minus lines attached to an instrument.

    Returns the document, the attached blocks (each with its target in ``anchor``) and diagnostics.
    """
    state = _State(source, lines)
    attached = _attachments(state)
    taken = {n for a in source.meta.attachments for n in range(a.first, a.last + 1)}
    for segment in segments:
        if segment.heading is None:
            for first, last in _runs_outside(segment.first, segment.last, taken):
                _walk(state, first - 1, last, _DOCUMENT_RULES)
    return Document(source, tuple(state.blocks), tuple(versions)), attached, state.diagnostics


def _runs_outside(first: int, last: int, taken: set[int]) -> list[tuple[int, int]]:
    runs, start = [], None
    for number in range(first, last + 1):
        if number in taken:
            if start is not None:
                runs.append((start, number - 1))
            start = None
        elif start is None:
            start = number
    if start is not None:
        runs.append((start, last))
    return runs


def _attachments(state: _State) -> list[Block]:
    blocks = []
    for attachment in state.source.meta.attachments:
        if attachment.last > len(state.lines):
            yml = state.source.path.removesuffix(".txt") + ".yml"
            state.diagnostics.append(Diagnostic(
                yml, attachment.line, 1,
                f"attachment lines {attachment.first}-{attachment.last} run past the end of the file ({len(state.lines)} lines)"))
            continue
        caption = (Inline("text", attachment.caption),)
        sheet = parse_sheet(state.lines[attachment.first - 1 : attachment.last], attachment.first, caption)
        blocks.append(Block(**{**_fields(sheet), "anchor": attachment.target}))
    return blocks
