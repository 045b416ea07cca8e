"""Two versions of one instrument compared paragraph by paragraph, word by word.

Paragraphs are aligned by their words, never by their labels: a paragraph relettered a) -> b), or
moved to another clause, is found again by content. Alignment runs in two passes: identical texts
first (a dictionary lookup, same clause preferred), then the rest by difflib similarity on word
tokens (ratio >= SIMILARITY_THRESHOLD, or a paragraph found almost whole inside a longer one), best
pairs first, with a bonus for staying in the same clause. The similarity pass is O(n*m) pairs at
worst, each screened by real_quick_ratio() and quick_ratio() bounds before the costly ratio(). A
pair is "moved" when it changed clause or falls outside the longest run of pairs kept in the old
order. Rows come out in the new version's order, each deleted paragraph placed where it stood in
the old version (right after the paragraph it followed, so before anything added in its place).

Pure: no I/O, no imports from other corpus modules. render_comparison_html() turns a Comparison
into one raw HTML block (no blank line inside) for a Markdown page.
"""

from __future__ import annotations

import bisect
import difflib
import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

SIMILARITY_THRESHOLD = 0.5
"""Least word similarity (difflib ratio) for two paragraphs to count as one paragraph changed."""
CONTAINED_SHARE = 0.8
"""Share of a shorter paragraph's words that, found in order in a longer one, make them one paragraph."""
CONTAINED_MIN_WORDS = 8
"""Least length, in words, of the shorter paragraph for CONTAINED_SHARE to apply."""
SAME_SECTION_BONUS = 0.1
"""Added to a candidate pair's similarity, when ranking, if both paragraphs are in the same clause."""

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
"""Diff tokens: runs of word characters, runs of whitespace, single other characters (exact joins)."""
_WORD = re.compile(r"\w+")
"""Similarity tokens: words only, compared case-insensitively."""
STATUSES = ("added", "changed", "deleted", "unchanged")
"""Row statuses, in the order the summary line gives them."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a version, as the comparison sees it."""

    anchor: str
    """Stable id in its version's page: 'resolves-3', 'recalling-a', 'annex-1-p4', 'fn-2' ('' for none)."""
    section: str
    """The clause header or part it belongs to: 'resolves', 'instructs the Secretary-General', 'Footnotes'."""
    label: str
    """The printed label: 'a)', '3', or '' (none)."""
    text: str
    """Plain reading text, without markup and without the label."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the comparison: a paragraph in the old version, the new one, or both."""

    old: Paragraph | None
    """The paragraph in the old version (None: added)."""
    new: Paragraph | None
    """The paragraph in the new version (None: deleted)."""
    status: str
    """'unchanged', 'changed', 'added' or 'deleted'."""
    moved: bool
    """Aligned by content, but in another clause or out of the old order."""
    relabelled: bool
    """Aligned, with a different printed label (a) -> b))."""
    ops: tuple[tuple[str, str], ...]
    """Word-level edits, (op, text) with op 'equal', 'insert' or 'delete', in reading order."""

    @property
    def section(self) -> str:
        """The clause the row is shown under: the new paragraph's, else the old one's."""
        return self.new.section if self.new is not None else self.old.section if self.old is not None else ""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two versions compared: rows in the new version's order, deleted rows where they stood."""

    rows: tuple[Row, ...]
    """Every paragraph of either version, exactly once."""

    def summary(self) -> dict[str, int]:
        """Counts: 'added', 'changed', 'deleted', 'unchanged' rows, and 'moved' and 'relabelled' ones."""
        counts = {status: 0 for status in STATUSES}
        for row in self.rows:
            counts[row.status] += 1
        counts["moved"] = sum(row.moved for row in self.rows)
        counts["relabelled"] = sum(row.relabelled for row in self.rows)
        return counts

    def summary_line(self) -> str:
        """'3 paragraphs added, 5 changed, 2 deleted, 12 unchanged'; 'no change' when every row is
        unchanged; 'no change in wording; 2 paragraphs relabelled' when only labels or places moved."""
        counts = self.summary()
        if counts["added"] == counts["changed"] == counts["deleted"] == 0:
            shuffled = [(counts[key], key) for key in ("relabelled", "moved") if counts[key]]
            return f"no change in wording; {_counted(shuffled)}" if shuffled else "no change"
        return _counted([(counts[status], status) for status in STATUSES if counts[status]])


def _counted(counts: list[tuple[int, str]]) -> str:
    """'3 paragraphs added, 1 changed': the noun once, after the first number, singular for 1."""
    (first, word), *rest = counts
    return ", ".join([f"{first} paragraph{'' if first == 1 else 's'} {word}", *(f"{n} {w}" for n, w in rest)])


# --- Alignment -----------------------------------------------------------------------------------


def compare_paragraphs(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> Comparison:
    """Align the paragraphs of two versions by content and diff each aligned pair word by word."""
    pairs = _match_identical(old, new)
    pairs.update(_match_similar(old, new, pairs))
    in_order = _kept_in_order(pairs)
    rows = [_aligned_row(old[pairs[j]], paragraph, j in in_order) if j in pairs else _added_row(paragraph)
            for j, paragraph in enumerate(new)]
    placed = [((j, 0, 0), row) for j, row in enumerate(rows)]
    matched_old = {i: j for j, i in pairs.items() if j in in_order}
    for i in sorted(set(range(len(old))) - set(pairs.values())):
        placed.append((_deleted_position(i, old, matched_old), _deleted_row(old[i])))
    return Comparison(tuple(row for _, row in sorted(placed, key=lambda item: item[0])))


def _normal(text: str) -> str:
    """The text with runs of whitespace collapsed, for exact matching."""
    return " ".join(text.split())


def _match_identical(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> dict[int, int]:
    """new index -> old index for identical texts; among duplicates, same clause first, then nearest."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, paragraph in enumerate(old):
        by_text[_normal(paragraph.text)].append(i)
    pairs: dict[int, int] = {}
    for j, paragraph in enumerate(new):
        free = by_text.get(_normal(paragraph.text))
        if free:
            best = min(free, key=lambda i: (old[i].section != paragraph.section, abs(i - j)))
            free.remove(best)
            pairs[j] = best
    return pairs


def _match_similar(old: Sequence[Paragraph], new: Sequence[Paragraph], taken: dict[int, int]) -> dict[int, int]:
    """new index -> old index for the remaining paragraphs, best-scoring candidate pairs first."""
    used_old = set(taken.values())
    old_free = [i for i in range(len(old)) if i not in used_old]
    new_free = [j for j in range(len(new)) if j not in taken]
    candidates = list(_candidates(old, new, old_free, new_free))
    candidates.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[2]))
    pairs: dict[int, int] = {}
    for _, i, j in candidates:
        if j not in pairs and i not in used_old:
            pairs[j] = i
            used_old.add(i)
    return pairs


def _candidates(old: Sequence[Paragraph], new: Sequence[Paragraph], old_free: list[int],
                new_free: list[int]) -> Iterator[tuple[float, int, int]]:
    """(score, old index, new index) for every pair alike enough (see _matches_needed). Two cheap
    upper bounds on the matching words screen each pair before difflib's ratio(): the shorter
    length (real_quick_ratio) and the shared word counts (quick_ratio), the latter counted for
    every old paragraph at once from an index of the old paragraphs' words."""
    old_words = {i: _WORD.findall(old[i].text.lower()) for i in old_free}
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, words in old_words.items():
        for word, count in Counter(words).items():
            postings[word].append((i, count))
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for j in new_free:
        words = _WORD.findall(new[j].text.lower())
        shared: dict[int, int] = defaultdict(int)
        for word, count in Counter(words).items():
            for i, old_count in postings.get(word, ()):
                shared[i] += old_count if old_count < count else count
        matcher.set_seq2(words)  # seq2 is the side difflib indexes: once per new paragraph
        # A paragraph with words needs a match of at least one word: only the old paragraphs that
        # share one are tried (in index order, as candidates tie-break by it).
        for i in sorted(shared) if words else old_free:
            needed = _matches_needed(len(old_words[i]), len(words))
            if min(len(old_words[i]), len(words)) >= needed and shared.get(i, 0) >= needed:
                matcher.set_seq1(old_words[i])
                ratio = matcher.ratio()
                if ratio * (len(old_words[i]) + len(words)) / 2 >= needed:
                    yield ratio + (SAME_SECTION_BONUS if old[i].section == new[j].section else 0.0), i, j


def _matches_needed(old_length: int, new_length: int) -> float:
    """Least number of matching words for two paragraphs to be one: a similarity ratio of
    SIMILARITY_THRESHOLD, or, for a paragraph of CONTAINED_MIN_WORDS or more found almost whole
    in a longer one (an item extended by a clause), CONTAINED_SHARE of the shorter's words."""
    by_ratio = SIMILARITY_THRESHOLD * (old_length + new_length) / 2
    shorter = min(old_length, new_length)
    return min(by_ratio, CONTAINED_SHARE * shorter) if shorter >= CONTAINED_MIN_WORDS else by_ratio


def _kept_in_order(pairs: dict[int, int]) -> set[int]:
    """New indices of the longest run of pairs whose old order is kept; the others have moved."""
    order = sorted(pairs)
    tails: list[int] = []  # tails[k]: least old index ending an increasing run of length k + 1
    tail_at: list[int] = []  # new index at tails[k]
    previous: dict[int, int | None] = {}
    for j in order:
        k = bisect.bisect_left(tails, pairs[j])
        previous[j] = tail_at[k - 1] if k else None
        tails[k:k + 1], tail_at[k:k + 1] = [pairs[j]], [j]
    kept: set[int] = set()
    cursor = tail_at[-1] if tail_at else None
    while cursor is not None:
        kept.add(cursor)
        cursor = previous[cursor]
    return kept


def _deleted_position(i: int, old: Sequence[Paragraph], matched_old: dict[int, int]) -> tuple[int, int, int]:
    """Sort key placing deleted old paragraph i beside a neighbour that stayed in place: after the
    nearest earlier one of its clause, else before the nearest later one of its clause, else after
    the nearest earlier one at all (else first)."""
    section = old[i].section
    before = [k for k in matched_old if k < i]
    after = [k for k in matched_old if k > i]
    same_before = [k for k in before if old[k].section == section]
    same_after = [k for k in after if old[k].section == section]
    if same_before:
        return (matched_old[max(same_before)], 1, i)
    if same_after:
        return (matched_old[min(same_after)], -1, i)
    if before:
        return (matched_old[max(before)], 1, i)
    return (-1, 1, i)


# --- Rows and word-level edits -------------------------------------------------------------------


def _added_row(paragraph: Paragraph) -> Row:
    """A paragraph only in the new version."""
    return Row(None, paragraph, "added", False, False, (("insert", paragraph.text),) if paragraph.text else ())


def _deleted_row(paragraph: Paragraph) -> Row:
    """A paragraph only in the old version."""
    return Row(paragraph, None, "deleted", False, False, (("delete", paragraph.text),) if paragraph.text else ())


def _aligned_row(old: Paragraph, new: Paragraph, in_order: bool) -> Row:
    """A paragraph in both versions: unchanged or changed, perhaps moved or relabelled."""
    ops = word_ops(old.text, new.text)
    status = "unchanged" if all(op == "equal" for op, _ in ops) else "changed"
    moved = not in_order or old.section != new.section
    return Row(old, new, status, moved, old.label.strip() != new.label.strip(), ops)


def word_ops(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Word-level edits turning old into new: equal + delete texts join to old, equal + insert to new.
    A bare space between two edits is folded into them: 'the Council' -> 'a Secretary' reads as one
    deletion and one insertion, not two of each."""
    if old == new:  # most aligned paragraphs: no need to run the matcher
        return (("equal", old),) if old else ()
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    # The matcher runs on what lies between the common head and tail only: edits are mostly a few
    # words in a long paragraph, and the matcher's cost grows with the square of its input.
    head = _common_length(a, b)
    tail = _common_length(a[head:][::-1], b[head:][::-1])
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    spans = [_Span(True, "".join(a[:head]), "".join(a[:head]))] if head else []
    spans += [_Span(tag == "equal", "".join(middle_a[i1:i2]), "".join(middle_b[j1:j2]))
              for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_opcodes()]
    if tail:
        spans.append(_Span(True, "".join(a[len(a) - tail :]), "".join(a[len(a) - tail :])))
    return tuple(op for span in _fold_spaces(_merge_equal(spans)) for op in span.ops())


def _common_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the common head of two token lists."""
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count


def _merge_equal(spans: list[_Span]) -> list[_Span]:
    """Join neighbouring equal stretches (the head or tail beside an equal stretch of the middle)."""
    out: list[_Span] = []
    for span in spans:
        if out and span.equal and out[-1].equal:
            out[-1] = _Span(True, out[-1].old + span.old, out[-1].new + span.new)
        elif span.old or span.new:
            out.append(span)
    return out


@dataclass(frozen=True, slots=True)
class _Span:
    """A stretch of the two texts: the same on both sides, or an edit."""

    equal: bool
    """Whether both sides read the same."""
    old: str
    """The old side's text."""
    new: str
    """The new side's text."""

    def __add__(self, other: _Span) -> _Span:
        """The two stretches read one after the other, as one edit."""
        return _Span(False, self.old + other.old, self.new + other.new)

    def ops(self) -> tuple[tuple[str, str], ...]:
        """(op, text): one 'equal', or a 'delete' then an 'insert' (either absent when empty)."""
        if self.equal:
            return (("equal", self.old),) if self.old else ()
        return tuple((op, text) for op, text in (("delete", self.old), ("insert", self.new)) if text)


def _fold_spaces(spans: list[_Span]) -> list[_Span]:
    """Merge adjacent edits, and an equal stretch of bare whitespace between two edits, into one edit."""
    out: list[_Span] = []
    for span in spans:
        if out and not span.equal and not out[-1].equal:
            out[-1] = out[-1] + span
        elif len(out) >= 2 and not span.equal and out[-1].equal and out[-1].old.isspace() and not out[-2].equal:
            space = out.pop()
            out[-1] = out[-1] + space + span
        else:
            out.append(span)
    return out


# --- HTML ----------------------------------------------------------------------------------------

_ESCAPES = str.maketrans(
    # One pass, so that no reference is escaped twice: html.escape(quote=True) for & < > " ', then
    # characters that start Markdown, attr_list, CriticMarkup or Jinja syntax as numeric references.
    {ch: html.escape(ch, quote=True) for ch in "&<>\"'"}
    | {ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]#|~^"}
    | {"\n": " ", "\t": " ", "\r": " "}
)


def _escape(text: str) -> str:
    """Source text as HTML: escaped as html.escape(quote=True) does, Markdown/Jinja syntax
    neutralised, newlines as spaces (so no blank line can end the raw HTML block)."""
    return text.translate(_ESCAPES)


def _escape_attr(text: str) -> str:
    """Escape a URL for a double-quoted attribute: HTML-escaped, braces as references, '#' kept."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def render_comparison_html(comparison: Comparison, old_url: str, new_url: str,
                           old_name: str = "old", new_name: str = "new") -> str:
    """One raw HTML block: a heading per clause (an <h2 class="clause"> with an id), then a row per
    paragraph with its labels, its words marked <del>/<ins>, and links to the paragraph in each
    version's page (old_url#anchor, new_url#anchor). No blank line inside."""
    lines = ['<div class="comparison">']
    ids: set[str] = set()
    section: str | None = None
    for row in comparison.rows:
        if row.section != section:
            section = row.section
            lines.append(f'<h2 class="clause" id="{_unique_id(section, ids)}">{_escape(section) or "Text"}</h2>')
        lines.append(_row_html(row, old_url, new_url, old_name, new_name))
    lines.append("</div>")
    return "\n".join(lines)


def _unique_id(section: str, taken: set[str]) -> str:
    """'cmp-instructs-the-secretary-general', with -2, -3 … when a clause heading repeats."""
    base = "cmp-" + (re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-") or "text")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _row_html(row: Row, old_url: str, new_url: str, old_name: str, new_name: str) -> str:
    """'<div class="cmp-row cmp-changed">labels, text, note, links</div>' on one line."""
    parts = [_labels_html(row), f'<span class="cmp-text">{_ops_html(row.ops)}</span>', _note_html(row),
             _links_html(row, old_url, new_url, old_name, new_name)]
    return f'<div class="cmp-row cmp-{row.status}">' + " ".join(part for part in parts if part) + "</div>"


def _labels_html(row: Row) -> str:
    """The printed label; the old one struck through when it changed."""
    old_label = row.old.label.strip() if row.old else ""
    new_label = row.new.label.strip() if row.new else ""
    if row.relabelled and old_label:
        inner = f'<del class="tc">{_escape(old_label)}</del>' + (f" {_escape(new_label)}" if new_label else "")
    else:
        inner = _escape(new_label or old_label)
    return f'<span class="itu-label">{inner}</span>' if inner else ""


def _ops_html(ops: tuple[tuple[str, str], ...]) -> str:
    """Equal words as text, deleted words in <del class="tc">, inserted ones in <ins class="tc">."""
    tags = {"delete": "del", "insert": "ins"}
    return "".join(_escape(text) if op == "equal" else f'<{tags[op]} class="tc">{_escape(text)}</{tags[op]}>'
                   for op, text in ops)


def _note_html(row: Row) -> str:
    """'moved from recalling a)' when a paragraph changed clause; 'moved' when only its order did."""
    if not row.moved or row.old is None:
        return ""
    if row.new is not None and row.old.section == row.new.section:
        return '<span class="cmp-moved">moved</span>'
    origin = " ".join(part for part in (row.old.section, row.old.label.strip()) if part)
    return f'<span class="cmp-moved">moved from {_escape(origin)}</span>'


def _links_html(row: Row, old_url: str, new_url: str, old_name: str, new_name: str) -> str:
    """Links to the paragraph in the old and the new version's page."""
    links = [_link(url, paragraph.anchor, name)
             for paragraph, url, name in ((row.old, old_url, old_name), (row.new, new_url, new_name)) if paragraph]
    return f'<span class="cmp-links">{" ".join(links)}</span>'


def _link(url: str, anchor: str, name: str) -> str:
    """'<a href="url#anchor">name</a>'; the page alone when the paragraph has no anchor."""
    href = f"{url}#{anchor}" if anchor else url
    return f'<a href="{_escape_attr(href)}">{_escape(name)}</a>'
