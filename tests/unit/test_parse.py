"""Structure parsed from the real sources, checked against what the source text shows."""

from hand_made import make_source

from corpus.marks import reading_text
from corpus.parse import parse_instrument
from corpus.segment import segment_source


def blocks_by_anchor(version):
    return {block.anchor: block for block in version.blocks}


def text(runs):
    return " ".join(reading_text(runs).split())


def test_cyrillic_c_is_label_c_with_a_latin_anchor(versions):
    blocks = blocks_by_anchor(versions["council/resolution/covid-19@council-2020"])
    assert blocks["recognizing-c"].label == "c)"
    assert text(blocks["recognizing-c"].inlines).startswith("the tragic events")
    assert blocks["considering-c"].line == 42


def test_decimal_items_nest_under_their_number_and_blank_lines_do_not_split_lists(versions):
    blocks = blocks_by_anchor(versions["pp/decision/5@dubai-2018"])
    assert [blocks[f"decides-1-{n}"].level for n in (1, 2, 3, 4)] == [2, 2, 2, 2]
    assert blocks["decides-1-3"].line == 26  # after the blank lines 24-25
    assert blocks["decides-6-a"].level == 2 and blocks["decides-6-a"].label == "a)"
    assert blocks["decides-7"].level == 1


def test_repeated_and_addressed_clause_words_get_distinct_anchors(versions):
    blocks = blocks_by_anchor(versions["pp/decision/5@dubai-2018"])
    assert blocks["instructs-the-secretary-general-with-the-assistance-of-the-coordination-committee"].kind == "clause"
    assert blocks["instructs-the-secretary-general"].line == 49  # written with U+2011
    assert blocks["instructs-the-secretary-general-2"].label == "2"


def test_annexes_are_sections_with_anchors(versions):
    version = versions["pp/decision/5@dubai-2018"]
    annexes = [(b.anchor, b.line) for b in version.blocks if b.kind == "heading" and b.level == 2]
    assert annexes == [("annex-1", 75), ("annex-2", 85)]
    assert blocks_by_anchor(version)["annex-2-27"].label == "27)"


def test_roman_numerals_nest_and_i_after_h_is_a_letter(versions):
    r71 = blocks_by_anchor(versions["pp/resolution/71@dubai-2018"])
    assert r71["instructs-the-secretary-general-and-the-directors-of-the-bureaux-4-ii"].level == 2
    r2 = blocks_by_anchor(versions["pp/resolution/2@dubai-2018"])
    assert r2["considering-i"].level == 1 and r2["considering-h"].level == 1


def test_footnote_in_a_title_goes_to_the_foot(versions):
    version = versions["pp/resolution/169@dubai-2018"]
    assert text(version.title) == "Admission of academia to participate in the work of the Union"
    assert [run.kind for run in version.title].count("fnref") == 1
    assert text(version.footnotes[0].inlines).startswith("This includes colleges")


def test_displaced_footnote_ref_returns_to_the_previous_item(versions):
    version = next(v for v in versions.values() if v.line <= 4024 <= v.end_line and v.source.startswith("pp-2018"))
    item = next(b for b in version.blocks if b.line == 4024)
    previous = version.blocks[version.blocks.index(item) - 1]
    assert item.label == "b)" and text(item.inlines).startswith("that ICTs")
    assert previous.inlines[-1].kind == "fnref" or any(run.kind == "fnref" for run in previous.inlines)


def test_wtpf_opinion_title_formula_and_tab_indented_keywords(versions):
    opinion = versions["wtpf-21/opinion/2@geneva-2021"]
    assert text(opinion.title).startswith("Affordable and secure connectivity")
    clauses = [b.anchor for b in opinion.blocks if b.kind == "clause"]
    assert clauses[:2] == ["recalling", "recognising"]
    assert opinion.blocks[0].kind == "formula"


def test_markdown_bullets_are_conversion_noise_and_labels_stay_literal(versions):
    blocks = blocks_by_anchor(versions["pp/resolution/64@busan-2014"])
    invites = [(b.label, b.line) for b in versions["pp/resolution/64@busan-2014"].blocks if b.anchor.startswith("invites") and b.kind == "item"]
    assert invites == [("1", 110), ("2.", 111), ("3.2", 112)]
    assert blocks["recalling-a"].label == "a)"


def test_two_line_title_and_busan_bold_title(versions):
    assert text(versions["pp/resolution/wgpl-1@dubai-2018"].title) == (
        "Use of information and communication technologies to bridge the financial inclusion gap"
    )
    assert text(versions["pp/resolution/64@busan-2014"].title).startswith("Non-discriminatory access to modern telecommunication")


def test_tracked_changes_are_kept_as_changes(versions):
    formula = versions["pp/resolution/130@busan-2014"].blocks[0]
    assert formula.kind == "formula"
    assert [(run.kind, run.text) for run in formula.inlines if run.kind in ("del", "ins")] == [("del", "Guadalajara, 2010")]


def test_merged_old_and_new_labels_are_flagged(versions):
    merged = [b for v in versions.values() for b in v.blocks if "merged-label" in b.flags]
    assert {b.label for b in merged} >= {"fg)", "gh)", "hi)"}


def test_superscript_footnotes_of_busan_are_two_distinct_notes(versions):
    notes = versions["pp/resolution/182@busan-2014"].footnotes
    assert [(n.line, text(n.inlines)[:20]) for n in notes] == [(810, "These include the le"), (926, "To be formalized by ")]


def test_suppressed_items_have_only_title(versions):
    for vid in ("pp/resolution/36@dubai-2018", "pp/decision/13@dubai-2018"):
        assert versions[vid].heading.action == "SUP" and versions[vid].blocks == ()


def test_wtpf_timetable_is_a_two_column_table(built):
    corpus, _, _ = built
    report = next(d for d in corpus.documents if d.source.id == "wtpf-2021-sg-report")
    table = next(b for b in report.blocks if b.kind == "table")
    assert len(table.rows) == 22 and {len(row) for row in table.rows} == {2}
    assert text(table.rows[0][0]) == "1 August, 2019"


def test_spreadsheet_dump_tables_are_attached_to_their_instruments(built):
    _, _, attached = built
    assert [b.anchor for b in attached["pp/decision/5@dubai-2018"]][:2] == ["pp/decision/5@dubai-2018#annex-1"] * 2
    sheet = attached["pp/resolution/71@dubai-2018"][0]
    cells = [text(cell) for row in sheet.rows for cell in row]
    assert "R.1" in " ".join(cells)


def test_hand_made_instrument_with_footnote_and_items():
    source = make_source(
        "MOD\t#1\nRESOLUTION 1 (Rev. Dubai, 2018)\nA title[footnoteRef:9]1 [9: 1\tA note.]\n"
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n"
        "resolves\n1\tfirst;\n\n\n2\tsecond, with\na)\tsub-item;\nb)\tanother,\ninstructs the Secretary\u2011General\nto act."
    )
    segments, _ = segment_source(source)
    version, diagnostics = parse_instrument(source, next(s for s in segments if s.heading), list(source.lines))
    anchors = [(b.kind, b.anchor, b.level) for b in version.blocks]
    assert anchors == [
        ("formula", "enacting-formula", 0), ("clause", "resolves", 0), ("item", "resolves-1", 1), ("item", "resolves-2", 1),
        ("item", "resolves-2-a", 2), ("item", "resolves-2-b", 2), ("clause", "instructs-the-secretary-general", 0),
        ("para", "instructs-the-secretary-general-p1", 0),
    ]
    assert text(version.title) == "A title" and text(version.footnotes[0].inlines) == "A note."
    assert diagnostics == []
