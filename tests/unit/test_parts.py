"""Citations of a part (annex, clause item) that the cited text does not have."""

from dataclasses import replace

import pytest

from build_corpus import build_corpus
from corpus.parts import check_cited_parts

META = """title: "Final Acts, extract"
body: pp
body_name: Plenipotentiary Conference
conference: {conference}
year: {year}
status: adopted
markup: word-export
"""
DECISION = """MOD\t#2
DECISION 5 (Rev. {conference})
Revenue and expenses for the Union
The Plenipotentiary Conference of the International Telecommunication Union ({conference}),
decides
1\tthat the Council is authorized to draw up the budgets;
instructs the Secretary-General, with the assistance of the Coordination Committee
1\tto prepare the plan;
2\tto report;
ANNEX 1 TO DECISION 5 (Rev. {conference})
Table 1
ANNEX 2 TO DECISION 5 (Rev. {conference})
1)\tIdentification of savings;
"""
CITING = """MOD\t#1
RESOLUTION 130 (Rev. Bucharest, 2022)
Strengthening the role of ITU
The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),
recalling
a)\t{cited};
"""


def problems(tmp_path, cited: str, older_annexes: int = 2) -> list[str]:
    """Messages of the part check for a Resolution citing ``cited``, with Decision 5 held at
    Bucharest 2022 (two annexes) and at Dubai 2018 (``older_annexes`` annexes)."""
    sources = tmp_path / "sources"
    sources.mkdir(parents=True)
    older = DECISION.format(conference="Dubai, 2018")
    if older_annexes == 3:
        older += "ANNEX 3 TO DECISION 5 (Rev. Dubai, 2018)\nText of the third annex.\n"
    (sources / "old.txt").write_text(older, encoding="utf-8")
    (sources / "old.yml").write_text(META.format(conference="Dubai, 2018", year=2018), encoding="utf-8")
    text = CITING.format(cited=cited) + DECISION.format(conference="Bucharest, 2022")
    (sources / "new.txt").write_text(text, encoding="utf-8")
    (sources / "new.yml").write_text(META.format(conference="Bucharest, 2022", year=2022), encoding="utf-8")
    corpus, histories, _ = build_corpus(sources)
    by_id = {source.id: source for source in corpus.sources}
    found = check_cited_parts(corpus.citations, histories, by_id)
    assert [d for d in corpus.diagnostics if " cites " in d.message] == found  # the build reports the same
    assert check_cited_parts([replace(r, live=False) for r in corpus.citations], histories, by_id) == []  # deleted text
    return [f"{d.line}:{d.col}: {d.message}" for d in found]


def test_a_missing_annex_of_a_version_names_the_annexes_it_has(tmp_path):
    assert problems(tmp_path, "Annex 3 to Decision 5 (Rev. Bucharest, 2022)") == [
        ("6:4: 'Annex 3 to Decision 5 (Rev. Bucharest, 2022)' cites annex-3 of Decision 5 (Rev. Bucharest, 2022), "
         "which has no such part (it has annex-1, annex-2); the link goes to the top of that page")
    ]


@pytest.mark.parametrize(
    "cited",
    [
        "Annex 2 to Decision 5 (Rev. Bucharest, 2022)",
        "the annex to Decision 5 (Rev. Bucharest, 2022)",  # the single annex is annex-1
        "decides 1 of Decision 5 (Rev. Bucharest, 2022)",
        "instructs the Secretary-General 2 of Decision 5 (Rev. Bucharest, 2022)",  # the clause header goes on
        "Annex 3 to Decision 5 (Rev. Kyoto, 1994)",  # a revision the collection does not hold
        "Annex 3 to Resolution 999 (Rev. Bucharest, 2022)",  # a text the collection does not hold
    ],
)
def test_parts_that_exist_or_cannot_be_known_are_not_reported(tmp_path, cited):
    assert problems(tmp_path, cited) == []


def test_a_missing_clause_item_lists_the_items_of_that_clause(tmp_path):
    assert problems(tmp_path, "instructs the Secretary-General 3 of Decision 5 (Rev. Bucharest, 2022)") == [
        ("6:4: 'instructs the Secretary-General 3 of Decision 5 (Rev. Bucharest, 2022)' cites instructs-the-secretary-general-3 "
         "of Decision 5 (Rev. Bucharest, 2022), which has no such part (it has "
         "instructs-the-secretary-general-with-the-assistance-of-the-coordination-committee-1, "
         "instructs-the-secretary-general-with-the-assistance-of-the-coordination-committee-2); the link goes to the top of that page")
    ]


def test_without_a_revision_any_version_of_the_work_may_have_the_part(tmp_path):
    assert problems(tmp_path / "a", "Annex 3 to Decision 5", older_annexes=3) == []
    assert problems(tmp_path / "b", "Annex 3 to Decision 5") == [
        ("6:4: 'Annex 3 to Decision 5' cites annex-3 of Decision 5, and no version of it in this collection has such a part "
         "(its versions have annex-1, annex-2); the link goes to the top of the work's page")
    ]


@pytest.mark.parametrize(
    "cited, anchor",
    [
        ("instructs the Secretary-General 2 of Decision 5 (Rev. Bucharest, 2022)",
         "instructs-the-secretary-general-with-the-assistance-of-the-coordination-committee-2"),
        ("Annex 2 to Decision 5 (Rev. Bucharest, 2022)", "annex-2"),
        ("decides 1 of Decision 5 (Rev. Bucharest, 2022)", "decides-1"),
    ],
)
def test_the_link_of_a_cited_part_goes_to_the_paragraph_the_check_found(tmp_path, cited, anchor):
    """A clause cited by its first words links to the item under the whole clause header."""
    from corpus.render import render_site

    assert problems(tmp_path, cited) == []
    corpus, histories, attached = build_corpus(tmp_path / "sources")
    # Both are latest texts: the citing text is on its work page, the link goes to Decision 5's.
    page = render_site(corpus, histories, attached)["pp/resolution-130.md"]
    assert f'href="../pp/decision-5.html#{anchor}"' in page
