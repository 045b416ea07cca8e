"""List labels: types, successors (bis/ter, decimals, roman numerals) and the sequence warning."""

import pytest
from hand_made import make_source

from corpus.clean import clean_lines
from corpus.labels import check_sequence, label_type
from corpus.parse import parse_instrument
from corpus.segment import segment_source


@pytest.mark.parametrize(
    "label, last_letter, kind",
    [
        ("a)", "", "letter)"), ("с)", "b", "letter)"), ("a.", "", "letter."), ("abis)", "a", "letter)"),
        ("i)", "", "roman)"), ("i)", "h", "letter)"), ("ii)", "i", "roman)"), ("v)", "u", "letter)"),
        ("1", "", "number"), ("1)", "", "number)"), ("1.", "", "number."), ("1.1", "", "decimal1"),
        ("2.8.1", "", "decimal2"), ("–", "", "bullet"), ("•", "", "bullet"),
    ],
)
def test_label_types(label, last_letter, kind):
    assert label_type(label, last_letter) == kind


@pytest.mark.parametrize(
    "previous, label, kind",
    [
        ("a)", "b)", "letter)"), ("с)", "d)", "letter)"), ("b)", "с)", "letter)"), ("a.", "b.", "letter."),
        ("a)", "abis)", "letter)"), ("a)", "ater)", "letter)"), ("abis)", "ater)", "letter)"),
        ("abis)", "b)", "letter)"), ("ater)", "b)", "letter)"), ("d)", "dquater)", "letter)"),
        ("1", "2", "number"), ("9", "10", "number"), ("26)", "27)", "number)"),
        ("1.1", "1.2", "decimal1"), ("1.9", "1.10", "decimal1"), ("1.4", "2.1", "decimal1"),
        ("2.8.1", "2.8.2", "decimal2"), ("2.8.6", "2.9.1", "decimal2"),
        ("i)", "ii)", "roman)"), ("iii)", "iv)", "roman)"), ("iv)", "v)", "roman)"), ("viii)", "ix)", "roman)"),
        ("–", "–", "bullet"), ("", "d)", "letter)"),
    ],
)
def test_successors_are_accepted(previous, label, kind):
    assert check_sequence(previous, label, kind) == ("", label)


@pytest.mark.parametrize(
    "previous, label, kind, expected",
    [
        ("b)", "d)", "letter)", "c)"), ("b)", "b)", "letter)", "c)"), ("a.", "c.", "letter.", "b."),
        ("abis)", "c)", "letter)", "b)"), ("ater)", "abis)", "letter)", "b)"),
        ("2", "4", "number", "3"), ("2", "2", "number", "3"), ("9)", "1)", "number)", "10)"),
        ("1.1", "1.3", "decimal1", "1.2"), ("2.8.1", "2.8.3", "decimal2", "2.8.2"),
        ("ii)", "iv)", "roman)", "iii)"), ("ii)", "ii)", "roman)", "iii)"),
    ],
)
def test_a_missing_repeated_or_mistyped_label_gives_the_one_expected(previous, label, kind, expected):
    assert check_sequence(previous, label, kind) == (expected, label)


def test_after_a_paragraph_a_list_may_start_again_but_not_elsewhere():
    assert check_sequence("9", "1", "number", after_text=True) == ("", "1")
    assert check_sequence("f)", "a)", "letter)", after_text=True) == ("", "a)")
    assert check_sequence("9", "4", "number", after_text=True) == ("10", "4")
    assert check_sequence("9", "1", "number") == ("10", "1")


@pytest.mark.parametrize(
    "previous, label",
    [("f)", "fg)"), ("fg)", "gh)"), ("g)", "eh)"), ("di)", "j)"), ("ek)", "f)"), ("2", "34"), ("34", "45"), ("75", "136")],
)
def test_old_and_new_labels_glued_in_a_tracked_changes_source_continue_either_half(previous, label):
    kind = label_type(label, "")
    assert check_sequence(previous, label, kind, tracked_changes=True) == ("", "")  # the next label starts afresh


def test_outside_a_tracked_changes_source_a_glued_number_is_out_of_sequence():
    assert check_sequence("2", "34", "number") == ("3", "34")


def _warnings(text: str, markup: str = "word-export") -> list[tuple[int, int, str]]:
    source = make_source(text, markup=markup)
    segments, _ = segment_source(source)
    _, diagnostics = parse_instrument(source, next(s for s in segments if s.heading), clean_lines(source))
    return [(d.line, d.col, d.message) for d in diagnostics]


HEAD = "MOD\t#1\nRESOLUTION 1 (Rev. Dubai, 2018)\nA title\nThe Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n"


def test_the_warning_names_the_clause_the_parent_item_and_the_label_column():
    text = HEAD + "resolves\n1\tfirst;\n2\tsecond:\na)\tone;\n[bookmark: _Toc1]c)\ttwo;\n3\tthird;\n5\tfifth;"
    assert _warnings(text) == [
        (9, 18, "list label 'c)' follows 'a)' under 'resolves', item '2': expected 'b)'; check for a missing, repeated or mistyped item"),
        (11, 1, "list label '5' follows '3' under 'resolves': expected '4'; check for a missing, repeated or mistyped item"),
    ]


def test_inserted_items_cyrillic_c_and_bullets_are_in_sequence():
    text = HEAD + "recalling\na)\tone;\nabis)\tinserted;\nater)\tinserted;\nb)\ttwo;\nс)\tthree;\n–\tdash;\n–\tdash;\nd)\tfour;"
    assert [w for w in _warnings(text) if "follows" in w[2]] == []


def test_a_new_clause_or_annex_starts_the_count_again():
    text = HEAD + "recalling\na)\tone;\nb)\ttwo;\nnoting\na)\tone;\nANNEX TO RESOLUTION 1 (Rev. Dubai, 2018)\n1)\tx;"
    assert _warnings(text) == []


def test_tracked_changes_deleted_items_and_changed_labels_restart_the_count():
    """004: 'e)' after the deleted '~~*d)* …~~', '5' after '- 4~~5~~ …', merged 'fg)', '34'."""
    text = HEAD.replace("\t", " ") + (
        "recalling\n\na) one;\n\nb) two;\n\n~~*c)* that three;~~\n\ne) five;\n\nf) six;\n\nfg) merged;\n\ngh) merged;\n\n"
        "resolves\n\n- 1 one;\n- 2 two;\n- 3~~4~~ three;\n- 5 five;\n\ninvites\n\n1 one;\n\n~~23~~ changed;\n\n34 merged;\n\n45 merged;"
    )
    assert _warnings(text, "markdown-changes") == []


def test_a_repeated_label_in_a_tracked_changes_source_is_reported():
    text = HEAD.replace("\t", " ") + "considering\n\na) one;\n\nb) two;\n\nb) again;\n"
    assert _warnings(text, "markdown-changes") == [
        (11, 1, "list label 'b)' follows 'b)' under 'considering': expected 'c)'; check for a missing, repeated or mistyped item"),
    ]
