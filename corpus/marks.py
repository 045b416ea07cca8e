"""Inline marks -> Inline runs: footnote references, tracked changes, emphasis and links.

Word exports carry only footnote references; Markdown exports carry emphasis and links, and the
Busan working document (markup 'markdown-changes') uses ``~~old~~`` and ``[new](#)`` for tracked
changes, the same ``[text](#)`` that in a plain Markdown export is a link whose target was lost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus import patterns
from corpus.model import Inline

# One scanner per flavour; the named group says which mark matched (patterns.py has the parts).
_FNREF = r"\[footnoteRef:\d+\]\d*"
_WORD_EXPORT_MARKS = re.compile(r"(?P<fnref>" + _FNREF + r")")
_MARKDOWN_MARKS = re.compile(
    r"(?P<fnref>" + _FNREF + r")"
    r"|(?P<del>~~.*?~~)"
    r"|(?P<hash>\[(?:[^\[\]]|\\\[|\\\])*\]\(#\))"
    r"|(?P<link>\[[^\[\]]+\]\((?:https?|mailto):[^)\s]+\))"
    r"|(?P<autolink><(?:https?|mailto):[^>\s]+>)"
    r"|(?P<strong>\*\*.+?\*\*)"
    r"|(?P<em>(?<![*\w])\*(?!\s)[^*]+?\*(?![*\w]))"
)


@lru_cache(maxsize=8192)  # parse rules try one line several times; the runs are immutable
def parse_marks(text: str, markup: str) -> tuple[Inline, ...]:
    """Split ``text`` into Inline runs according to the source's markup flavour."""
    scanner = _WORD_EXPORT_MARKS if markup == "word-export" else _MARKDOWN_MARKS
    runs: list[Inline] = []
    position = 0
    for match in scanner.finditer(text):
        if match.start() > position:
            runs.append(_text(text[position : match.start()], markup))
        runs.append(_mark(match, markup))
        position = match.end()
    if position < len(text):
        runs.append(_text(text[position:], markup))
    return merge_runs(runs)


def _text(raw: str, markup: str) -> Inline:
    return Inline("text", _unescape(raw, markup))


def _unescape(raw: str, markup: str) -> str:
    raw = raw.replace("\t", " ")
    return patterns.MD_ESCAPE.sub(r"\1", raw) if markup != "word-export" else raw


def _strip_emphasis(raw: str) -> str:
    """Text inside a tracked change keeps its words, not its '*' marks."""
    raw = patterns.STRONG.sub(r"\1", raw)
    return patterns.EMPHASIS.sub(r"\1", raw)


def _mark(match: re.Match[str], markup: str) -> Inline:
    kind, raw = match.lastgroup or "", match.group(0)
    if kind == "fnref":
        ref = patterns.FOOTNOTE_REF.match(raw)
        assert ref is not None
        return Inline("fnref", ref.group(2), target=ref.group(1))
    if kind == "del":
        return Inline("del", _unescape(_strip_emphasis(raw[2:-2]), markup))
    if kind == "hash":
        inner = _unescape(_strip_emphasis(raw[1:-4]), markup)
        return Inline("ins" if markup == "markdown-changes" else "lostlink", inner)
    if kind == "link":
        link = patterns.LINK.match(raw)
        assert link is not None
        return Inline("link", _unescape(link.group(1), markup), target=link.group(2))
    if kind == "autolink":
        return Inline("link", raw[1:-1], target=raw[1:-1])
    inner = raw[2:-2] if kind == "strong" else raw[1:-1]
    return Inline(kind, _unescape(inner, markup))


def merge_runs(runs: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring runs of the same plain kind and drop empty text runs."""
    merged: list[Inline] = []
    for run in runs:
        if run.kind in ("text",) and not run.text:
            continue
        if merged and run.kind == merged[-1].kind and run.kind in ("text", "del", "ins", "strong", "em") and not run.target:
            merged[-1] = Inline(run.kind, merged[-1].text + run.text)
        else:
            merged.append(run)
    return tuple(merged)


def reading_text(runs: tuple[Inline, ...]) -> str:
    """The text as adopted: deletions dropped, insertions kept, footnote marks dropped."""
    text = "".join(run.text for run in runs if run.kind not in ("del", "fnref"))
    return re.sub(r"  +", " ", text)


def marked_text(runs: tuple[Inline, ...]) -> str:
    """Every word the source shows, deletions included (for search and conservation checks)."""
    return " ".join(run.text for run in runs if run.kind != "fnref")


def strip_runs(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Drop leading/trailing whitespace of a run sequence."""
    items = list(runs)
    while items and items[0].kind == "text" and not items[0].text.strip():
        items.pop(0)
    while items and items[-1].kind == "text" and not items[-1].text.strip():
        items.pop()
    if items and items[0].kind == "text":
        items[0] = Inline("text", items[0].text.lstrip())
    if items and items[-1].kind == "text":
        items[-1] = Inline("text", items[-1].text.rstrip())
    return tuple(items)
