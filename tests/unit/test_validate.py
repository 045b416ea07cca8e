"""Marks left open on their line: reported at the opening's column, never for closed marks or
for the negotiation brackets of working documents; and an open bookmark never swallows text."""

import pytest
from hand_made import make_source

from corpus.clean import clean_lines, strip_bookmarks
from corpus.marks import parse_marks
from corpus.validate import find_unclosed_marks


def found(text: str, markup: str = "word-export") -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message.split(" is not closed")[0]) for d in find_unclosed_marks(make_source(text, markup))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[bookmark: _Toc1]recalling", []),
        ("[bookmark: _Toc1recalling", [(1, 1, "bookmark '[bookmark: _Toc1recalling'")]),
        ("a)\t[bookmark: lt_pId054][bookmark: here considering", [(1, 25, "bookmark '[bookmark: here'")]),
        ("countries[footnoteRef:38]1 [38: 1\tThese include…]", []),
        ("countries[footnoteRef:38 and more", [(1, 10, "footnote reference '[footnoteRef:38'")]),
        ("countries[footnoteRef:]1", [(1, 10, "footnote reference '[footnoteRef:'")]),
        ("countries[footnoteRef:38]1 [38: 1\tThese include the least", [(1, 28, "footnote text '[38: …'")]),
        ("x[footnoteRef:13]2 [13: 2\tone]  [14: 3 \thttp://www.unwomen.org/", [(1, 33, "footnote text '[14: …'")]),
        ("~~not a deletion in a Word export", []),
    ],
)
def test_word_export_marks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(REV. ~~GUADALAJARA, 2010~~BUSAN, 2014)", []),
        ("(REV. ~~GUADALAJARA, 2010BUSAN, 2014)", [(1, 7, "deletion '~~'")]),
        ("~~a)~~ ~~Resolution 130 (Rev. Antalya, 2006);", [(1, 8, "deletion '~~'")]),
        ("[noting that …\nand still noting ~~]~~", []),
        ("[4 to elaborate a working definition;] (Pending decision of COM5)", []),
        ("[GUADALAJARABUSAN, 2010](#)~~2014~~", []),
        ("line one\n[footnoteRef:2", [(2, 1, "footnote reference '[footnoteRef:2'")]),
        ("[12: 1\ta footnote text is not a mark in Markdown", []),
    ],
)
def test_markdown_marks(text, expected):
    assert found(text, "markdown-changes") == expected
    assert found(text, "markdown") == expected


def test_the_message_says_what_the_page_shows_and_how_to_fix_it():
    (problem,) = find_unclosed_marks(make_source("a)\tResolution 1[footnoteRef:12;"))
    assert problem.message == (
        "footnote reference '[footnoteRef:12' is not closed by ']': the page shows it as text, not as a footnote mark; "
        "write it as '[footnoteRef:12]'"
    )


def test_an_open_bookmark_never_swallows_the_text_up_to_a_later_bracket():
    assert strip_bookmarks("[bookmark: _Toc1]considering") == "considering"
    assert strip_bookmarks("[bookmark: _Toc1 considering that[footnoteRef:2]1") == "[bookmark: _Toc1 considering that[footnoteRef:2]1"


def test_an_open_deletion_stays_text_even_when_the_next_line_of_its_paragraph_opens_one_too():
    """Lines of a Markdown paragraph are joined: the two open '~~' must not pair across the line."""
    lines = clean_lines(make_source("The first ~~line goes\non and ends~~ here.", "markdown"))
    runs = parse_marks(" ".join(lines), "markdown")
    assert [(run.kind, run.text) for run in runs] == [("text", "The first ~~line goes on and ends~~ here.")]
    assert clean_lines(make_source("a ~~b~~ c ~~d", "markdown-changes")) == ["a ~~b~~ c \\~\\~d"]
    assert clean_lines(make_source("a ~~b", "word-export")) == ["a ~~b"]  # text, not a mark, in a Word export
