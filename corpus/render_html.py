"""Blocks and inline runs -> escaped HTML fragments for the Markdown pages.

Source text is data: every character of it goes through escape_text(), which escapes HTML and
turns every character that Markdown, pymdown-extensions or a template could read as syntax into a
numeric character reference. Bodies are emitted as raw HTML blocks (one line each, so no blank
line can end a block early); headings stay Markdown so that the table of contents lists them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from corpus.model import Block, Footnote, Inline

_MARKDOWN_SYNTAX = (
    # Characters that start Markdown, pymdown-extensions, attr_list, CriticMarkup or Jinja syntax;
    # '#' first, since the references put in for the others contain one.
    [(ch, f"&#{ord(ch)};") for ch in "#\\`*_{}[]|~^"] + [("\n", " "), ("\t", " "), ("\r", " ")]
)


# Every character escape_text changes: most texts have none, and one search finds that out.
_ESCAPED = re.compile("[" + re.escape("&<>" + "".join(character for character, _ in _MARKDOWN_SYNTAX)) + "]")


def escape_text(text: str) -> str:
    """HTML-escape and neutralise Markdown/Jinja/CriticMarkup syntax; newlines become spaces."""
    if not _ESCAPED.search(text):
        return text
    text = html.escape(text, quote=False)
    for character, reference in _MARKDOWN_SYNTAX:
        if character in text:  # most texts have none: a search each, not a table look-up per character
            text = text.replace(character, reference)
    return text


def escape_attr(text: str) -> str:
    """Escape a value for a double-quoted HTML attribute (URLs keep their characters)."""
    return html.escape(text, quote=True).replace("\n", " ")


class PageRefs:
    """The references of one page: numbers its footnote marks (ids unique, ``prefix`` for a text
    shown twice) and gives the tags of its citations (``links(i)`` -> opening and closing tag)."""

    def __init__(self, footnotes: tuple[Footnote, ...], prefix: str = "", links: Callable[[int], tuple[str, str]] | None = None) -> None:
        self.known = {note.key: index for index, note in enumerate(footnotes, 1)}
        self.prefix = prefix
        self.seen: dict[str, int] = {}
        self.links = links

    def cite(self, index: int) -> tuple[str, str]:
        """Opening and closing tags around citation ``index`` (none when the page links nothing)."""
        return self.links(index) if self.links else ("", "")

    def ref(self, run: Inline) -> str:
        number = self.known.get(run.target)
        if number is None:  # a mark whose text the source lost (004:240 "FIRST⁷")
            return f'<sup class="footnote-lost" title="footnote text missing in the source">{escape_text(run.text)}</sup>'
        count = self.seen[run.target] = self.seen.get(run.target, 0) + 1
        ref_id = f"fnref{'' if count == 1 else count}:{self.prefix}{number}"
        return f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{self.prefix}{number}">{number}</a></sup>'


def inline_html(runs: tuple[Inline, ...], notes: PageRefs, breaks: bool = False) -> str:
    """HTML of a run sequence; ``breaks`` keeps line breaks (table cells)."""
    out, closing = [], []
    for run in runs:
        if run.kind == "cite":
            opening, close = notes.cite(int(run.target))
            out.append(opening)
            closing.append(close)
            continue
        if run.kind == "cite-end":
            out.append(closing.pop() if closing else "")
            continue
        text = "<br>".join(escape_text(part) for part in run.text.split("\n")) if breaks else escape_text(run.text)
        if run.kind == "text":
            out.append(text)
        elif run.kind == "del":
            out.append(f'<del class="tc">{text}</del>')
        elif run.kind == "ins":
            out.append(f'<ins class="tc">{text}</ins>')
        elif run.kind in ("strong", "em"):
            out.append(f"<{run.kind}>{text}</{run.kind}>")
        elif run.kind == "link":
            out.append(f'<a href="{escape_attr(run.target)}" rel="noopener">{text}</a>')
        elif run.kind == "lostlink":
            out.append(f'<span class="lost-link" title="link target lost in the source">{text}</span>')
        elif run.kind == "fnref":
            out.append(notes.ref(run))
    return "".join(out + closing)


def block_html(block: Block, notes: PageRefs) -> str:
    """One block as a single-line raw HTML block (headings are rendered by the page, not here)."""
    if block.kind == "table":  # renders its own caption: render the runs once, or footnote ids double
        return table_html(block, notes)
    body = inline_html(block.inlines, notes)
    anchor = f' id="{escape_attr(block.anchor)}"' if block.anchor else ""
    line = f' data-line="{block.line}"'
    if block.kind == "formula":
        return f'<p class="enacting"{anchor}{line}>{body}</p>'
    if block.kind == "item":
        label = f'<span class="itu-label">{escape_text(block.label)}</span>'
        note = _flag_note(block)
        return f'<p class="item lvl-{min(block.level, 4)}"{anchor}{line}>{label} {body}{note}</p>'
    if block.kind == "figure":
        return f'<div class="figure-missing" role="note"{anchor}{line}>{body}</div>'
    return f'<p class="para lvl-{min(block.level, 4)}"{anchor}{line}>{body}</p>'


def _flag_note(block: Block) -> str:
    if "merged-label" in block.flags:
        return ' <span class="source-note" title="The source glues the old and the new label together; shown as printed.">[label as printed]</span>'
    return ""


def table_html(block: Block, notes: PageRefs) -> str:
    """A table block as an HTML table; empty cells stay empty; 'ERROR:#REF!' gets a note."""
    # A wide table scrolls: region + tabindex let a keyboard reach it; the label differs per table.
    parts = [
        (f'<div class="table-wrap" id="{escape_attr(block.anchor)}" data-line="{block.line}" role="region" tabindex="0" '
         f'aria-label="Table at source line {block.line}"><table class="itu-table">'),
    ]
    if block.inlines:
        parts.append(f"<caption>{inline_html(block.inlines, notes)}</caption>")
    for index, row in enumerate(block.rows):
        tag = "th" if index < block.header_rows else "td"
        cells = "".join(_cell_html(tag, cell, notes) for cell in row)
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</table>")
    if "ragged-rows" in block.flags:
        parts.append('<p class="source-note">The source lost part of this table’s row structure: cells are shown in source order.</p>')
    if any(run.text == "ERROR:#REF!" for row in block.rows for cell in row for run in cell):
        parts.append('<p class="source-note">“ERROR:#REF!” is a broken spreadsheet formula in the source, shown as it is; it is not a value.</p>')
    return "".join(parts) + "</div>"


def _cell_html(tag: str, cell: tuple[Inline, ...], notes: PageRefs) -> str:
    text = inline_html(cell, notes, breaks=True)
    if any("\u0600" <= ch <= "\u06ff" for run in cell for ch in run.text):
        return f'<{tag} dir="rtl" lang="ar">{text}</{tag}>'
    return f"<{tag}>{text}</{tag}>"


def footnotes_html(footnotes: tuple[Footnote, ...], notes: PageRefs) -> str:
    """The page-foot footnote list in Python-Markdown's markup, so Material's tooltips apply."""
    items = []
    for number, note in enumerate(footnotes, 1):
        text = inline_html(note.inlines, notes)
        back = f' <a class="footnote-backref" href="#fnref:{notes.prefix}{number}" title="Back to the text">↩</a>' if note.key in notes.seen else ""
        items.append(f'<li id="fn:{notes.prefix}{number}" data-line="{note.line}"><p>{text}{back}</p></li>')
    return f'<div class="footnote"><hr><ol>{"".join(items)}</ol></div>'


# --- Page furniture shared by every page ---------------------------------------------------


def front_matter(title: str, description: str = "", search: dict[str, object] | None = None, redirect: str = "") -> str:
    """YAML front matter; values HTML-escaped because templates print them unescaped.

    ``search`` is Material's per-page search setting: {"boost": 3} ranks the page higher,
    {"exclude": True} keeps it out of the index. ``redirect`` (a relative URL) makes the page a
    redirect to it, drawn by overrides/redirect.html instead of Material's page template.
    """
    data: dict[str, object] = {"title": html.escape(title, quote=False)}
    if description:
        data["description"] = html.escape(description[:300], quote=True)  # printed inside content="…"
    if search:
        data["search"] = search
    if redirect:
        data["template"] = "redirect.html"
        data["redirect"] = redirect
    return "---\n" + _yaml_mapping(data, "") + "---\n\n"


# Characters a YAML reader refuses in a document (C1 controls, surrogates, non-characters) or reads
# as a line break inside a quoted scalar (NEL, LS, PS): written as \u escapes instead.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _yaml_mapping(data: dict[str, object], indent: str) -> str:
    """Block-style YAML, keys sorted, strings double-quoted: PyYAML's safe_dump gives the same data
    but costs a millisecond a page (a fifth of rendering a small page)."""
    lines = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:\n" + _yaml_mapping(value, indent + "  "))
        elif isinstance(value, bool):
            lines.append(f"{indent}{key}: {'true' if value else 'false'}\n")
        elif isinstance(value, int | float):
            lines.append(f"{indent}{key}: {value}\n")
        else:  # a JSON string is a YAML double-quoted scalar (the same escapes, a subset of YAML's)
            quoted = json.dumps(str(value), ensure_ascii=False)
            lines.append(f"{indent}{key}: " + _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted) + "\n")
    return "".join(lines)

def heading_md(level: int, html_text: str, anchor: str = "", classes: str = "") -> str:
    """A Markdown heading (listed in the table of contents) with an attr_list id and classes."""
    attrs = " ".join(filter(None, (f"#{anchor}" if anchor else "", classes)))
    return f"{'#' * level} {html_text}" + (f" {{ {attrs} }}" if attrs else "") + "\n\n"

def status_badge(status: str) -> str:
    css = status.replace(" ", "-")
    return f'<span class="status-badge status-{css}">{escape_text(status.capitalize())}</span>'

def meta_row(term: str, value_html: str) -> str:
    return f"<dt>{escape_text(term)}</dt><dd>{value_html}</dd>"
