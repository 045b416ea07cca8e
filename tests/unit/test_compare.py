"""The comparison of two versions, on hand-made pairs and on the real ones."""

import html as _html
import re

import pytest

from corpus.compare import (
    Comparison,
    Paragraph,
    compare_paragraphs,
    render_comparison_html,
    word_ops,
)
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


# --- Hand-made pairs: what a reader of the comparison page sees -------------------------------------

def para(anchor: str, section: str, label: str, text: str) -> Paragraph:
    return Paragraph(anchor, section, label, text)


RECALLING = [
    para("recalling-a", "recalling", "a)", "UNGA Resolution 68/198, on information and communication technologies for development;"),
    para("recalling-b", "recalling", "b)", "UNGA Resolution 68/167, on the right to privacy in the digital age;"),
    para("recalling-c", "recalling", "c)", "Resolution 174 (Rev. Busan, 2014) of the Plenipotentiary Conference;"),
]
RESOLVES = [
    para("resolves-1", "resolves", "1", "to continue to give this work high priority within ITU;"),
    para("resolves-2", "resolves", "2", "to report to the Council every year on the progress made;"),
    para("resolves-3", "resolves", "3", "to cooperate closely with the other United Nations agencies concerned;"),
    para("resolves-4", "resolves", "4", "to mobilize appropriate extrabudgetary resources for developing countries;"),
]


def row_for(comparison: Comparison, text_start: str):
    return next(r for r in comparison.rows if (r.new or r.old).text.startswith(text_start))


def rendered_text(fragment: str) -> str:
    """What a browser shows: tags dropped, references decoded."""
    return _html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_relettering_after_an_inserted_item_is_unchanged_text_with_struck_labels():
    inserted = para("recalling-b", "recalling", "b)", "UNGA Resolution 70/125, on the outcome of the WSIS review;")
    new = [RECALLING[0], inserted,
           para("recalling-c", "recalling", "c)", RECALLING[1].text), para("recalling-d", "recalling", "d)", RECALLING[2].text)]
    comparison = compare_paragraphs(RECALLING, new)
    assert [(r.status, r.relabelled) for r in comparison.rows] == [
        ("unchanged", False), ("added", False), ("unchanged", True), ("unchanged", True)]
    assert comparison.summary_line() == "1 paragraph added, 3 unchanged"
    fragment = render_comparison_html(comparison, "busan-2014.html", "dubai-2018.html")
    assert '<span class="itu-label"><del class="tc">b)</del> c)</span>' in fragment
    assert '<ins class="tc">UNGA Resolution 70/125, on the outcome of the WSIS review;</ins>' in fragment
    assert 'href="busan-2014.html#recalling-b"' in fragment and 'href="dubai-2018.html#recalling-c"' in fragment


def test_a_new_text_under_an_old_label_is_deleted_then_added_not_changed():
    new = [RECALLING[0], para("recalling-b", "recalling", "b)", "the Tunis Agenda for the Information Society, adopted in 2005;"), RECALLING[2]]
    comparison = compare_paragraphs(RECALLING, new)
    assert [r.status for r in comparison.rows] == ["unchanged", "deleted", "added", "unchanged"]
    assert comparison.summary_line() == "1 paragraph added, 1 deleted, 2 unchanged"


def test_deleted_first_item_of_a_clause_stays_in_its_clause():
    comparison = compare_paragraphs(RECALLING + RESOLVES, RECALLING + RESOLVES[1:])
    assert [(r.section, r.status) for r in comparison.rows][3] == ("resolves", "deleted")
    fragment = render_comparison_html(comparison, "o.html", "n.html")
    assert fragment.count('<h2 class="clause"') == 2
    assert '<del class="tc">to continue to give this work high priority within ITU;</del>' in fragment


def test_a_paragraph_moved_within_its_clause_is_the_only_one_flagged_moved():
    order = [RESOLVES[0], RESOLVES[2], RESOLVES[3], RESOLVES[1]]
    comparison = compare_paragraphs(RESOLVES, order)
    assert [r.moved for r in comparison.rows] == [False, False, False, True]
    assert comparison.summary_line() == "no change in wording; 1 paragraph moved"
    assert '<span class="cmp-moved">moved</span>' in render_comparison_html(comparison, "o.html", "n.html")


def test_a_paragraph_moved_to_another_clause_and_edited_says_where_it_came_from():
    moved = para("resolves-5", "resolves", "5", RECALLING[2].text.replace("Busan, 2014", "Dubai, 2018"))
    comparison = compare_paragraphs(RECALLING + RESOLVES, RECALLING[:2] + RESOLVES + [moved])
    row = comparison.rows[-1]
    assert (row.status, row.moved, row.old, row.section) == ("changed", True, RECALLING[2], "resolves")
    assert comparison.summary_line() == "1 paragraph changed, 6 unchanged"
    assert "moved from recalling c)" in render_comparison_html(comparison, "o.html", "n.html")


def test_a_word_change_is_marked_word_by_word():
    edited = para("resolves-2", "resolves", "2", "to report to the Secretary-General every year on the progress made;")
    comparison = compare_paragraphs(RESOLVES, [RESOLVES[0], edited, *RESOLVES[2:]])
    row = comparison.rows[1]
    assert row.status == "changed" and not row.moved and not row.relabelled
    assert [(op, t) for op, t in row.ops if op != "equal"] == [("delete", "Council"), ("insert", "Secretary-General")]
    assert comparison.summary_line() == "1 paragraph changed, 3 unchanged"
    fragment = render_comparison_html(comparison, "o.html", "n.html")
    assert 'to the <del class="tc">Council</del><ins class="tc">Secretary-General</ins> every year' in fragment


def test_a_two_word_replacement_reads_as_one_deletion_and_one_insertion():
    ops = word_ops("to report to the Council every year", "to report to a Working Group every year")
    assert [(op, t) for op, t in ops if op != "equal"] == [("delete", "the Council"), ("insert", "a Working Group")]


def test_a_change_inside_a_footnote_is_shown_under_footnotes():
    old = RESOLVES[:2] + [para("fn-1", "Footnotes", "1", "These include the least developed countries.")]
    new = RESOLVES[:2] + [para("fn-1", "Footnotes", "1", "These include the least developed countries and small island developing states.")]
    comparison = compare_paragraphs(old, new)
    assert comparison.summary_line() == "1 paragraph changed, 2 unchanged"
    fragment = render_comparison_html(comparison, "o.html", "n.html")
    assert '<h2 class="clause" id="cmp-footnotes">Footnotes</h2>' in fragment
    footnote_row = fragment.split('id="cmp-footnotes"')[1]
    assert 'countries<ins class="tc"> and small island developing states</ins>.' in footnote_row


def test_an_item_extended_by_a_clause_is_one_changed_paragraph():
    extended = para("recalling-c", "recalling", "c)", RECALLING[2].text[:-1] + ", on the role of ITU in building confidence and security in the use of ICTs;")
    comparison = compare_paragraphs(RECALLING, RECALLING[:2] + [extended])
    assert comparison.rows[-1].status == "changed"
    assert comparison.summary_line() == "1 paragraph changed, 2 unchanged"


def test_a_paragraph_is_aligned_by_content_not_by_label_even_in_the_same_clause():
    swapped = [para("resolves-1", "resolves", "1", RESOLVES[1].text), para("resolves-2", "resolves", "2", RESOLVES[0].text)]
    comparison = compare_paragraphs(RESOLVES[:2], swapped)
    assert [(r.old.anchor, r.new.anchor, r.status) for r in comparison.rows] == [
        ("resolves-2", "resolves-1", "unchanged"), ("resolves-1", "resolves-2", "unchanged")]
    assert comparison.summary_line() == "no change in wording; 2 paragraphs relabelled, 1 moved"


def test_repeated_text_is_matched_within_its_own_clause():
    text = "to report to the Council every year on the progress made;"
    old = [para("resolves-1", "resolves", "1", text), para("instructs-1", "instructs the Secretary-General", "1", text)]
    new = [para("instructs-1", "instructs the Secretary-General", "1", text + " and"), para("resolves-1", "resolves", "1", text + " and")]
    comparison = compare_paragraphs(old, new)
    assert all(r.old.section == r.new.section for r in comparison.rows)
    identical = compare_paragraphs(old, old[::-1])
    assert all(r.old.section == r.new.section for r in identical.rows)
    assert "moved from" not in render_comparison_html(identical, "o.html", "n.html")


@pytest.mark.parametrize(
    "old, new, line",
    [
        ([], [], "no change"),
        (RESOLVES, RESOLVES, "no change"),
        ([], RESOLVES[:1], "1 paragraph added"),
        (RESOLVES[:2], [], "2 paragraphs deleted"),
        (RESOLVES[:2], RESOLVES[:1] + [para("x", "resolves", "2", "to report to the Council every year on progress;")] + RECALLING[:2],
         "2 paragraphs added, 1 changed, 1 unchanged"),
    ],
)
def test_summary_line_counts_and_plurals(old, new, line):
    assert compare_paragraphs(old, new).summary_line() == line


def test_empty_versions_render_an_empty_block():
    assert render_comparison_html(compare_paragraphs([], []), "o.html", "n.html") == '<div class="comparison">\n</div>'


def test_rendering_escapes_every_source_string_and_keeps_one_block():
    nasty = para("a'b", "<script>alert(1)</script> {{ x }}", "<i>", "Member States' \"rights\" & <script>x</script> # {% if %} [a](b) ~~c~~\n\nnext")
    fragment = render_comparison_html(compare_paragraphs([], [nasty]), "new'.html", "dubai-2018.html")
    assert fragment.startswith('<div class="comparison">') and fragment.endswith("</div>")
    assert "<script>" not in fragment and "<i>" not in fragment and "{{" not in fragment and "{%" not in fragment
    assert "\n\n" not in fragment and "~~" not in fragment
    assert nasty.text.replace("\n", " ") in rendered_text(fragment)
    assert 'href="dubai-2018.html#a&#x27;b"' in fragment


def test_repeated_sections_get_distinct_heading_ids():
    new = [RESOLVES[0], para("r-a", "recalling", "a)", "UNGA Resolution 57/239 on a global culture of cybersecurity;"), RESOLVES[1]]
    fragment = render_comparison_html(compare_paragraphs([], new), "o.html", "n.html")
    assert re.findall(r'<h2 class="clause" id="([^"]+)"', fragment) == ["cmp-resolves", "cmp-recalling", "cmp-resolves-2"]


def test_a_paragraph_without_anchor_links_to_the_page():
    fragment = render_comparison_html(compare_paragraphs([], [para("", "Title", "", "Strengthening the role of ITU")]), "o.html", "n.html")
    assert '<a href="n.html">new</a>' in fragment


HAND_MADE_PAIRS = [
    (RECALLING, RECALLING[:1] + [para("b", "recalling", "b)", "UNGA Resolution 70/125;")] + RECALLING[1:]),
    (RECALLING + RESOLVES, RESOLVES[::-1] + [para("x", "resolves", "5", RECALLING[2].text.replace("Busan, 2014", "Dubai, 2018"))]),
    (RESOLVES, [para(p.anchor, p.section, p.label, p.text.replace("the", "a").replace("ITU", "ITU\u2011R ")) for p in RESOLVES]),
    ([], RESOLVES),
    (RESOLVES, []),
]


@pytest.mark.parametrize("old, new", HAND_MADE_PAIRS)
def test_ops_join_back_to_both_texts_for_every_row(old, new):
    for row in compare_paragraphs(old, new).rows:
        assert "".join(t for op, t in row.ops if op != "insert") == (row.old.text if row.old else "")
        assert "".join(t for op, t in row.ops if op != "delete") == (row.new.text if row.new else "")
        assert all(op in ("equal", "insert", "delete") and t for op, t in row.ops)


def test_ops_join_back_on_the_real_pair_and_every_paragraph_appears_once(versions):
    old = paragraphs_of(versions["pp/resolution/130@busan-2014"])
    new = paragraphs_of(versions["pp/resolution/130@dubai-2018"])
    comparison = compare_paragraphs(old, new)
    assert [r.new for r in comparison.rows if r.new] == new
    assert sorted(id(r.old) for r in comparison.rows if r.old) == sorted(id(p) for p in old)
    for row in comparison.rows:
        assert "".join(t for op, t in row.ops if op != "insert") == (row.old.text if row.old else "")
        assert "".join(t for op, t in row.ops if op != "delete") == (row.new.text if row.new else "")
    extended = next(r for r in comparison.rows if r.new and r.new.text.startswith("Resolution 174 (Rev. Busan, 2014)"))
    assert extended.status == "changed" and extended.old.label == "f)" and extended.new.label == "h)"
