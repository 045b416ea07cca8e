"""The conservation check of every build: a word that reaches no page is reported, with its line."""

from corpus.conserve import check_conservation
from corpus.render import render_site


def test_the_bundled_sources_lose_no_word(built):
    corpus, histories, attached = built
    assert check_conservation(corpus, histories, render_site(corpus, histories, attached)) == []


def test_a_word_missing_from_the_pages_is_reported_at_its_line(built):
    corpus, histories, attached = built
    pages = render_site(corpus, histories, attached)
    # Decision 5 (Rev. Dubai, 2018) is the latest text: the work page shows it (its own page redirects).
    pages["pp/decision-5.md"] = pages["pp/decision-5.md"].replace("contributory unit", "unit")
    problems = check_conservation(corpus, histories, pages)
    dubai = next(s for s in corpus.sources if s.id == "pp-2018-dubai-final-acts")
    text_part = render_site(corpus, histories, attached)["pp/decision-5.md"].split("## Cited by")[0]
    # Words are counted per source: the source's own words quoted elsewhere on its pages (a "Cites"
    # list) may cover an occurrence, so at least one and at most every removed one is reported.
    assert 1 <= len(problems) <= text_part.count("contributory unit")
    for problem in problems:
        assert problem.path == "sources/pp-2018-dubai-final-acts.txt"
        assert problem.message == "the word 'contributory' of this line is on no page: text would be lost"
        assert "contributory" in dubai.lines[problem.line - 1]


def test_words_quoted_from_other_texts_do_not_make_up_for_a_lost_word(built):
    corpus, histories, attached = built
    pages = render_site(corpus, histories, attached)
    text, cited_by = pages["pp/decision-5.md"].split("## Cited by")
    # Every 'contributory' of the text gone, and plenty of them in the sentences quoted under
    # "Cited by" (which come from the texts that cite Decision 5).
    pages["pp/decision-5.md"] = text.replace("contributory", "") + "## Cited by" + cited_by + " contributory" * 50
    assert any("'contributory'" in problem.message for problem in check_conservation(corpus, histories, pages))


def test_chunks_cover_every_line_once_in_order_and_split_a_long_text():
    from corpus.conserve import _CHUNK_CHARACTERS, _chunks

    lines = ["x" * (_CHUNK_CHARACTERS // 2)] * 10 + ["short"]
    chunks = _chunks(4, True, lines, len)
    assert [n for chunk in chunks for n in chunk.items] == list(range(len(lines)))
    assert len(chunks) == 6 and all(chunk.source == 4 and chunk.of_text for chunk in chunks)
    assert _chunks(0, False, [], len) == []
