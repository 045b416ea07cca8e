"""Comparison pages: two consecutive versions of a work, clause by clause, word by word."""

from __future__ import annotations

from corpus.compare import Paragraph, compare_paragraphs, render_comparison_html
from corpus.history import WorkHistory
from corpus.ids import comparison_doc_path, relative_url
from corpus.marks import reading_text
from corpus.model import Version
from corpus.naming import display_revision, version_name, work_name
from corpus.render_html import escape_attr, escape_text, front_matter, heading_md


def paragraphs_of(version: Version) -> list[Paragraph]:
    """The version's text as the comparison sees it: title, formula, items and paragraphs under
    their clause or annex, then footnotes; changes accepted."""
    out = [Paragraph("", "Title", "", _text(version.title))]
    section = "Preamble"
    for block in version.blocks:
        if block.kind in ("clause", "heading"):
            section = _text(block.inlines)
        elif block.kind in ("formula", "item", "para", "figure"):
            text = _text(block.inlines)
            if text:
                out.append(Paragraph(block.anchor, section, block.label, text))
    out += [Paragraph(f"fn:{n}", "Footnotes", note.label, _text(note.inlines)) for n, note in enumerate(version.footnotes, 1)]
    return out


def _text(runs) -> str:  # type: ignore[no-untyped-def]
    return " ".join(reading_text(runs).split())


def comparison_url(old: Version, new: Version) -> str:
    """Site URL of the comparison page of two versions."""
    return comparison_doc_path(old.id, new.id)[: -len(".md")] + ".html"


def comparison_page(old: Version, new: Version, history: WorkHistory) -> str:
    """'Resolution 130: Rev. Busan, 2014 → Rev. Dubai, 2018', with a summary line and the diff."""
    here = comparison_doc_path(old.id, new.id)
    comparison = compare_paragraphs(paragraphs_of(old), paragraphs_of(new))
    title = f"{work_name(history)}: {display_revision(old)} → {display_revision(new)}"
    old_url, new_url = (relative_url(here, history.page_of(v).url) for v in (old, new))
    intro = (
        f'<p class="cmp-summary"><strong>{escape_text(comparison.summary_line().capitalize())}.</strong> '
        f'From <a href="{escape_attr(old_url)}">{escape_text(version_name(old))}</a> to '
        f'<a href="{escape_attr(new_url)}">{escape_text(version_name(new))}</a>; '
        f'<a href="{escape_attr(relative_url(here, history.id.url))}">all versions of {escape_text(work_name(history))}</a>. '
        "Paragraphs are matched by their words, not their labels; deleted words are struck through, inserted words underlined. "
        "A text with tracked changes is compared as proposed, changes accepted.</p>\n\n"
    )
    # Left out of search: its words are those of the two versions, which are indexed already.
    return front_matter(title, search={"exclude": True}) + heading_md(1, escape_text(title)) + intro + render_comparison_html(comparison, old_url, new_url, display_revision(old), display_revision(new)) + "\n"
