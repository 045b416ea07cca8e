"""The comparison of two versions, on hand-made pairs and on the real ones."""

import pytest

from corpus.compare import Paragraph, compare_paragraphs, render_comparison_html, word_ops
from corpus.render_compare import paragraphs_of

BASE = [
    Paragraph("recalling-a", "recalling", "a)", "Resolution 71 (Rev. Busan, 2014) of the Plenipotentiary Conference;"),
    Paragraph("recalling-b", "recalling", "b)", "the outcomes of the World Summit on the Information Society;"),
    Paragraph("resolves-1", "resolves", "1", "to continue to give this work high priority within ITU;"),
    Paragraph("fn:1", "Footnotes", "1", "These include the least developed countries and small island developing states."),
]


def statuses(comparison):
    return [(row.status, (row.old or row.new).anchor) for row in comparison.rows]


def test_identical_versions_have_no_change():
    comparison = compare_paragraphs(BASE, BASE)
    assert comparison.summary_line() == "no change"
    assert {row.status for row in comparison.rows} == {"unchanged"}


def test_an_inserted_paragraph_is_added_where_it_stands():
    new = [BASE[0], Paragraph("recalling-b", "recalling", "b)", "UNGA Resolution 70/125 on the WSIS review;"), *[
        Paragraph(p.anchor.replace("recalling-b", "recalling-c"), p.section, "c)" if p.label == "b)" else p.label, p.text) for p in BASE[1:]]]
    comparison = compare_paragraphs(BASE, new)
    assert comparison.summary_line() == "1 paragraph added, 4 unchanged"
    assert comparison.rows[1].status == "added" and comparison.rows[1].new.text.startswith("UNGA")
    relabelled = comparison.rows[2]
    assert relabelled.relabelled and relabelled.old.label == "b)" and relabelled.new.label == "c)"


def test_a_deleted_paragraph_stays_where_it_stood():
    comparison = compare_paragraphs(BASE, [BASE[0], BASE[2], BASE[3]])
    assert statuses(comparison)[1] == ("deleted", "recalling-b")
    assert comparison.summary_line() == "1 paragraph deleted, 3 unchanged"


def test_renumbered_paragraphs_are_matched_by_content_not_label():
    relettered = [Paragraph(p.anchor, p.section, {"a)": "b)", "b)": "a)"}.get(p.label, p.label), p.text) for p in BASE]
    comparison = compare_paragraphs(BASE, list(reversed(relettered[:2])) + relettered[2:])
    assert all(row.status == "unchanged" for row in comparison.rows)
    assert [row.relabelled for row in comparison.rows[:2]] == [True, True]


def test_a_paragraph_moved_to_another_clause_is_flagged_moved():
    moved = Paragraph("resolves-2", "resolves", "2", BASE[1].text)
    comparison = compare_paragraphs(BASE, [BASE[0], BASE[2], moved, BASE[3]])
    row = next(r for r in comparison.rows if r.new == moved)
    assert row.status == "unchanged" and row.moved and row.old == BASE[1]


def test_a_change_inside_a_footnote_is_a_word_level_change():
    footnote = Paragraph("fn:1", "Footnotes", "1", "These include the least developed countries, small island developing states and landlocked developing countries.")
    comparison = compare_paragraphs(BASE, [*BASE[:3], footnote])
    row = comparison.rows[-1]
    assert row.status == "changed"
    assert ("insert", "landlocked") in [(op, text.strip()) for op, text in row.ops] or any(
        op == "insert" and "landlocked" in text for op, text in row.ops)
    assert comparison.summary_line() == "1 paragraph changed, 3 unchanged"


@pytest.mark.parametrize("old, new", [([], BASE), (BASE, [])])
def test_empty_sides(old, new):
    comparison = compare_paragraphs(old, new)
    assert comparison.summary()["added" if not old else "deleted"] == len(BASE)


@pytest.mark.parametrize(
    "old, new",
    [("Resolution 71 (Rev. Busan, 2014)", "Resolution 71 (Rev. Dubai, 2018)"), ("", "new text"), ("a b  c;", "a  c; d"),
     ("ITU\u2011R and ITU-T", "ITU-R, ITU-T")],
)
def test_word_ops_join_back_to_both_texts(old, new):
    ops = word_ops(old, new)
    assert "".join(t for op, t in ops if op != "insert") == old
    assert "".join(t for op, t in ops if op != "delete") == new


def test_rendering_escapes_text_and_marks_changes():
    hostile = [Paragraph("p", "s", "1", "<script>alert(1)</script> {{ config }}")]
    html = render_comparison_html(compare_paragraphs([], hostile), "old.html", "new.html")
    assert "<script>" not in html and "&lt;script&gt;" in html and "{{" not in html
    html = render_comparison_html(compare_paragraphs(BASE[:1], [Paragraph("recalling-a", "recalling", "a)", BASE[0].text.replace("Busan, 2014", "Dubai, 2018"))]), "o.html", "n.html")
    assert '<del class="tc">Busan</del><ins class="tc">Dubai</ins>' in html and 'href="n.html#recalling-a"' in html
    assert "\n\n" not in html


def test_real_pair_resolution_130(versions):
    old, new = versions["pp/resolution/130@busan-2014"], versions["pp/resolution/130@dubai-2018"]
    comparison = compare_paragraphs(paragraphs_of(old), paragraphs_of(new))
    counts = comparison.summary()
    assert counts["changed"] > 10 and counts["added"] > 10 and counts["unchanged"] > 10
    formula = next(row for row in comparison.rows if row.new and row.new.anchor == "enacting-formula")
    assert [t for op, t in formula.ops if op != "equal"] == ["Busan", "Dubai", "2014", "2018"]
    assert not any("~~" in (row.new or row.old).text for row in comparison.rows)
