"""The conservation check of every build: a word that reaches no page is reported, with its line."""

from corpus.conserve import check_conservation
from corpus.render import render_site


def test_the_bundled_sources_lose_no_word(built):
    corpus, histories, attached = built
    assert check_conservation(corpus, render_site(corpus, histories, attached)) == []


def test_a_word_missing_from_the_pages_is_reported_at_its_line(built):
    corpus, histories, attached = built
    pages = render_site(corpus, histories, attached)
    pages["pp/decision-5/dubai-2018.md"] = pages["pp/decision-5/dubai-2018.md"].replace("contributory unit", "unit")
    problems = check_conservation(corpus, pages)
    dubai = next(s for s in corpus.sources if s.id == "pp-2018-dubai-final-acts")
    removed = render_site(corpus, histories, attached)["pp/decision-5/dubai-2018.md"].count("contributory unit")
    # Words are counted per source; a quotation elsewhere on the pages ("Cited by") may cover one
    # occurrence, so at least one and at most every removed occurrence is reported.
    assert 1 <= len(problems) <= removed
    for problem in problems:
        assert problem.path == "sources/pp-2018-dubai-final-acts.txt"
        assert problem.message == "the word 'contributory' of this line is on no page: text would be lost"
        assert "contributory" in dubai.lines[problem.line - 1]
