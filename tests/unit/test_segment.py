from hand_made import make_source

from corpus.segment import normalize_revision, segment_source

FORMULA = "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"


def headings(text, **kwargs):
    segments, diagnostics = segment_source(make_source(text, **kwargs))
    return [s.heading for s in segments if s.heading], diagnostics


def test_heading_with_action_line_nbsp_and_odd_case():
    found, diagnostics = headings(f"MOD\t#49342\nDECISION 11 (Rev.\u00a0dubai, 2018)\nTitle\n{FORMULA}\nconsidering")
    assert [(h.kind, h.number, h.revision, h.action) for h in found] == [("decision", "11", "Rev. Dubai, 2018", "MOD")]
    assert diagnostics == []


def test_heading_without_action_line_is_found_by_its_formula():
    found, _ = headings(f"text\n RESOLUTION 21 (Rev. dubai, 2018)\nMeasures\n{FORMULA}")
    assert [(h.number, h.action, h.action_line) for h in found] == [("21", "", 0)]


def test_a_citation_at_line_start_is_not_a_heading():
    found, _ = headings(f"Resolution 71 (Rev. Dubai, 2018) of this conference, on the plan;\n{FORMULA}")
    assert found == []


def test_cover_title_is_not_the_heading_but_the_instrument_is():
    text = "Draft resolution [COVID-19]\nUse of ICTs\n\tSummary\nThe present document\nAction required\nThe Council is invited to review.\n\nresolution [COVID-19]\nUse of ICTs\nThe Council,\nrecalling"
    found, _ = headings(text, conference="Council 2020")
    assert [(h.number, h.line) for h in found] == [("[COVID-19]", 8)]


def test_suppressed_item_is_heading_and_title_only_and_what_follows_is_left_outside():
    segments, _ = segment_source(make_source("SUP\t#49397\nRESOLUTION 36 (Rev. Guadalajara, 2010)\nTitle\n Table 1 decision 5\n1\t2"))
    instrument = [s for s in segments if s.heading][0]
    assert (instrument.first, instrument.last, instrument.heading.revision) == (1, 3, "Rev. Guadalajara, 2010")
    assert segments[-1].heading is None and segments[-1].first == 4


def test_every_line_is_in_exactly_one_segment(built):
    corpus, _, _ = built
    for source in corpus.sources:
        segments, _ = segment_source(source)
        covered = [n for s in segments for n in range(s.first, s.last + 1)]
        assert covered == list(range(1, len(source.lines) + 1)), source.id


def test_garbled_revision_warns_and_metadata_wins():
    found, diagnostics = headings(
        "MOD WGPL/149/2\n\nRESOLUTION 64 (REV. [GUADALAJARABUSAN, 2010](#)~~2014~~)\n\n**Title**\n\n"
        "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),",
        markup="markdown-changes", conference="Busan, 2014",
    )
    assert found[0].revision == "Rev. Busan, 2014"
    assert len(diagnostics) == 1
    message = diagnostics[0]
    assert (message.line, message.col) == (3, 16)
    assert "GUADALAJARABUSAN" in message.message and "Rev. Busan, 2014" in message.message


def test_revision_normalisation():
    assert normalize_revision("rEV. dubai, 2018") == "Rev. Dubai, 2018"
    assert normalize_revision("Rev.DUBAI, 2018") == "Rev. Dubai, 2018"
    assert normalize_revision("KYOTO, 1994") == "Kyoto, 1994"
    assert normalize_revision("nonsense") == ""
