import pytest

from corpus.clean import clean_line, normalize_key
from corpus.marks import parse_marks, reading_text


def test_chained_bookmarks_are_stripped_and_the_label_starts_the_line():
    line = "[bookmark: lt_pId027][bookmark: _Toc406757696][bookmark: _Toc536018299][bookmark: lt_pId028]c)\tResolution 136"
    assert clean_line(line) == "c)\tResolution 136"
    assert clean_line("[bookmark: lt_pId054][bookmark: here]considering") == "considering"


def test_trailing_spaces_go_but_leading_tabs_stay_for_table_cells():
    assert clean_line("\tTerm  ") == "\tTerm"


def test_normalize_key_folds_hyphens_spaces_quotes_and_case():
    assert normalize_key("ITU\u2011R\u00a0Dubai’s") == normalize_key("itu-r dubai's")


@pytest.mark.parametrize(
    "text, markup, kinds, reading",
    [
        ("(REV. ~~GUADALAJARA, 2010~~BUSAN, 2014)", "markdown-changes", ["text", "del", "text"], "(REV. BUSAN, 2014)"),
        ("[Busan, 2014](#)", "markdown-changes", ["ins"], "Busan, 2014"),
        ("see [here](#) now", "markdown", ["text", "lostlink", "text"], "see here now"),
        ("countries[footnoteRef:38]1 ;", "word-export", ["text", "fnref", "text"], "countries ;"),
        ("~~*i)* that Resolution 69~~", "markdown-changes", ["del"], ""),
        ("Geneva \\(June 2014\\)", "markdown-changes", ["text"], "Geneva (June 2014)"),
        ("a *b* ~~c~~", "word-export", ["text"], "a *b* ~~c~~"),
    ],
)
def test_marks_by_flavour(text, markup, kinds, reading):
    runs = parse_marks(text, markup)
    assert [run.kind for run in runs] == kinds
    assert reading_text(runs) == reading


def test_links_keep_their_url_and_autolinks_become_links():
    runs = parse_marks("[WSIS TalkX](https://www.itu.int/x) (<https://reg4covid.itu.int/>)", "markdown")
    links = [(run.text, run.target) for run in runs if run.kind == "link"]
    assert links == [("WSIS TalkX", "https://www.itu.int/x"), ("https://reg4covid.itu.int/", "https://reg4covid.itu.int/")]
