"""Citation finding (corpus/cite.py) and linking (corpus/resolve.py).

Table-driven over the hand-labelled gold set tests/data/citations_gold.yaml (every citation of
each listed line, with its expected fields and link), then one test per rule, the no-PP-link
rule, and linear time on hostile input.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.cite import find_citations
from corpus.clean import clean_line
from corpus.model import Citation, CiteContext
from corpus.resolve import conference_slug, resolve_citation

ROOT = Path(__file__).resolve().parents[2]
GOLD = yaml.safe_load((ROOT / "tests" / "data" / "citations_gold.yaml").read_text(encoding="utf-8"))
KNOWN: dict[str, list[str]] = GOLD["corpus"]
FIELDS = ("text", "type", "body", "kind", "number", "revision", "part")

PP18 = CiteContext("pp", "resolution", "71", "Dubai, 2018", 2018)
PP14 = CiteContext("pp", "resolution", "130", "Busan, 2014", 2014)
COUNCIL = CiteContext("council", "resolution", "COVID-19", "Council 2020", 2020)
WTPF21 = CiteContext("wtpf-21", "opinion", "2", "Geneva, 2021", 2021)
REPORT = CiteContext("itu", "", "", "CSTD, 2020", 2020)


# --- helpers ---------------------------------------------------------------------------------
def reading_parts(raw: str) -> list[str]:
    """A source line as searched: cleaned, footnote refs and tracked-change marks removed
    (deletions dropped, insertions kept), then the running text and each footnote text."""
    line = clean_line(raw)
    line = re.sub(r"\[footnoteRef:\d+\]\d*", "", line)
    line = re.sub(r"~~.*?~~", "", line)
    line = re.sub(r"\[((?:[^\[\]]|\\\[|\\\])*)\]\(#\)", r"\1", line)
    line = re.sub(r"\\([()\[\]*_~#.\-+!`])", r"\1", line)
    line = re.sub(r"(?<=\S)  +", " ", line)
    footnote = re.compile(r"[ \t]*\[\d+:[ \t]*\d*[ \t]*([^\]\n]*)\]")
    return [footnote.sub("", line), *(match.group(1) for match in footnote.finditer(line))]


def context_for(entry: dict) -> CiteContext:
    source = GOLD["contexts"][entry["source"]]
    kind, _, number = (entry.get("instrument") or "").partition("/")
    return CiteContext(source["body"], kind, number, source["conference"], source["year"])


def source_line(name: str, number: int) -> str:
    return (ROOT / "sources" / name).read_text(encoding="utf-8").split("\n")[number - 1]


def found_rows(entry: dict) -> list[dict]:
    """What the code finds on a gold line, as rows comparable with the gold's."""
    context = context_for(entry)
    rows = []
    for part in reading_parts(source_line(entry["source"], entry["line"])):
        for citation in find_citations(part, context):
            assert part[citation.start : citation.end] == citation.text
            row = {name: getattr(citation, name) for name in FIELDS}
            row["target"] = resolve_citation(citation, context, KNOWN)[0]
            rows.append(row)
    return rows


def expected_rows(entry: dict) -> list[dict]:
    rows = []
    for item in entry["expect"]:
        row = {name: str(item.get(name, "")) for name in FIELDS}
        row["target"] = item["target"]
        rows.append(row)
    return rows


def one(text: str, context: CiteContext = PP18) -> Citation:
    found = find_citations(text, context)
    assert len(found) == 1, found
    return found[0]


def link(text: str, context: CiteContext = PP18) -> str | None:
    return resolve_citation(one(text, context), context, KNOWN)[0]


# --- the gold set ----------------------------------------------------------------------------
def _entry_id(entry: dict) -> str:
    return f"{entry['source'][:12]}:{entry['line']}"


def test_gold_set_is_large_and_varied() -> None:
    citations = [item for entry in GOLD["lines"] for item in entry["expect"]]
    assert len(citations) >= 150
    assert {item["type"] for item in citations} >= {"full", "short", "list", "part", "self", "unknown"}
    assert {item["body"] for item in citations} >= {"PP", "Council", "WTDC", "WTSA", "RA", "WRC", "UNGA",
                                                    "ECOSOC", "WTPF-13", "WTPF-21", ""}
    assert {entry["source"] for entry in GOLD["lines"]} == set(GOLD["contexts"])
    assert sum(1 for entry in GOLD["lines"] if not entry["expect"]) >= 10


@pytest.mark.parametrize("entry", GOLD["lines"], ids=_entry_id)
def test_gold_line(entry: dict) -> None:
    """Every citation of the line is found, with the labelled fields and link, and nothing else."""
    assert sorted(found_rows(entry), key=str) == sorted(expected_rows(entry), key=str)


def test_no_other_body_links_to_a_collection_page() -> None:
    """No WTDC/WTSA/RA/WRC/UNGA… citation links anywhere; no earlier-WTPF opinion links to WTPF-21."""
    for entry in GOLD["lines"]:
        for row in found_rows(entry):
            if row["body"] not in ("PP", "Council", "WTPF-21"):
                assert row["target"] is None, (entry["line"], row)
            if row["body"] != "PP":
                assert not (row["target"] or "").startswith("pp/"), (entry["line"], row)
            if row["body"].startswith("WTPF") and row["body"] != "WTPF-21":
                assert not (row["target"] or "").startswith("wtpf-21/"), (entry["line"], row)


def test_other_bodies_never_link_even_when_the_number_is_held() -> None:
    everything = {f"{body}/resolution/{n}": ["dubai-2018", "dubai-2014"] for body in ("pp", "wtdc")
                  for n in (37, 45)}
    everything["wtpf-21/opinion/2"] = ["geneva-2013", "geneva-2021"]
    wtdc_37 = "Resolution 37 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference"
    for text in (wtdc_37, "WTDC Resolution 37", "Resolution 45 (Rev. Dubai, 2014)"):
        assert resolve_citation(one(text), PP18, everything)[0] is None
    opinion = one("Opinion 2 (Geneva, 2013)", WTPF21)
    assert opinion.body == "WTPF-13"
    assert resolve_citation(opinion, WTPF21, everything)[0] is None


# --- full citations --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "body", "number", "revision"),
    [
        ("Resolution 136 (Rev. Dubai, 2018) of the Plenipotentiary Conference", "PP", "136", "Rev. Dubai, 2018"),
        ("Resolution 202 (Busan, 2014)", "PP", "202", "Busan, 2014"),
        ("Resolution 201 (Rev. Dubai 2018)", "PP", "201", "Rev. Dubai, 2018"),
        ("Resolution\u00a071 (Rev.\u00a0Dubai,\u00a02018)", "PP", "71", "Rev. Dubai, 2018"),
        ("Resolution 151 (Rev.DUBAI, 2018)", "PP", "151", "Rev. Dubai, 2018"),
        ("Resolution 40 (Rev. Buenos Aires 2017) of the World Telecommunication Development Conference",
         "WTDC", "40", "Rev. Buenos Aires, 2017"),
        ("Resolution 34 (Rev. Buenos Aires, 2017 ) of WTDC", "WTDC", "34", "Rev. Buenos Aires, 2017"),
        ("Resolution 69 (Rev. Dubai, 2012) of the World Telecommunication Standardization Assembly",
         "WTSA", "69", "Rev. Dubai, 2012"),
        ("Resolution 4 (Dubai, 2012) of WCIT", "WCIT", "4", "Dubai, 2012"),
        ("Resolution 62 (Rev. Geneva, 2015)", "RA", "62", "Rev. Geneva, 2015"),
        ("Resolution 646 (Rev.WRC-15) of WRC", "WRC", "646", "Rev. WRC-15"),
        ("Resolution 958 (WRC-2015)", "WRC", "958", "WRC-15"),
        ("Decision 611 (Rev. Council 2020)", "Council", "611", "Rev. Council 2020"),
        ("Resolution 7 (Valletta, 1998)", "WTDC", "7", "Valletta, 1998"),
        ("Resolution 25 (Florianópolis, 2004)", "WTSA", "25", "Florianópolis, 2004"),
        ("Resolution 9 (Sharm el-Sheikh, 2019)", "RA", "9", "Sharm el-Sheikh, 2019"),
    ],
)
def test_full_citation(text: str, body: str, number: str, revision: str) -> None:
    citation = one(text)
    assert (citation.type, citation.body, citation.number, citation.revision) == ("full", body, number, revision)
    assert citation.text == text


def test_span_is_exact_inside_a_sentence() -> None:
    text = "c)\tResolution 136 (Rev.Dubai, 2018) of the Plenipotentiary Conference, on the use of ICTs;"
    citation = one(text)
    assert text[citation.start : citation.end] == citation.text
    assert citation.text == "Resolution 136 (Rev.Dubai, 2018) of the Plenipotentiary Conference"


def test_revision_place_is_normalised() -> None:
    assert one("Resolution 70 (Rev. dUBAI, 2018) of this conference").revision == "Rev. Dubai, 2018"
    assert one("Resolution 35 (KYOTO, 1994)").revision == "Kyoto, 1994"


def test_a_title_in_parentheses_is_not_a_revision() -> None:
    citation = one("within the context of Decision 5 (Revenue and expenses for the Union) which")
    assert (citation.text, citation.revision, citation.body) == ("Decision 5", "", "PP")


def test_garbled_revision_is_consumed_but_not_invented() -> None:
    citation = one("WTSA adopted Resolution 58 (Johannesburg, 2008Rev. Dubai, 2012), on CIRTs", PP14)
    assert (citation.body, citation.revision) == ("WTSA", "")
    citation = one("in particular Resolution 30 (Rev. HyderabadDubai, 20140), and", PP14)
    assert (citation.body, citation.revision, citation.type) == ("", "", "unknown")
    citation = one("Resolution 139 (Rev. ) of this conference;", PP14)
    assert (citation.body, citation.revision) == ("PP", "")


# --- lists -----------------------------------------------------------------------------------
def test_list_shares_trailing_body_words() -> None:
    found = find_citations("Resolutions 136 and 202 of the Plenipotentiary Conference;", COUNCIL)
    assert [(c.type, c.body, c.number, c.text) for c in found] == [
        ("list", "PP", "136", "Resolutions 136"),
        ("list", "PP", "202", "202 of the Plenipotentiary Conference"),
    ]


def test_list_shares_revision_backwards() -> None:
    found = find_citations("Resolutions 70, 175 and 198 (Rev. Dubai, 2018)", PP18)
    assert [(c.number, c.revision) for c in found] == [("70", "Rev. Dubai, 2018"), ("175", "Rev. Dubai, 2018"),
                                                       ("198", "Rev. Dubai, 2018")]


def test_list_with_two_revision_groups() -> None:
    text = "Resolutions 47 and 48 (Rev. Dubai, 2012) and 49, 50 and 75 (Rev. Hammamet, 2016) of WTSA"
    found = find_citations(text, PP18)
    assert [(c.number, c.revision, c.body) for c in found] == [
        ("47", "Rev. Dubai, 2012", "WTSA"), ("48", "Rev. Dubai, 2012", "WTSA"),
        ("49", "Rev. Hammamet, 2016", "WTSA"), ("50", "Rev. Hammamet, 2016", "WTSA"),
        ("75", "Rev. Hammamet, 2016", "WTSA"),
    ]


def test_list_with_titles_between_numbers() -> None:
    text = ("especially Resolutions 15 (Rev. Hyderabad, 2010), on applied research, 20 (Rev. Hyderabad, 2010), "
            "on access to facilities, services and related applications and 37 (Rev. Dubai, 2014), on the divide;")
    found = find_citations(text, PP14)
    assert [(c.number, c.body) for c in found] == [("15", "WTDC"), ("20", "WTDC"), ("37", "WTDC")]


def test_un_list_with_dates() -> None:
    text = "UNGA Resolutions 71/243 of 21 December 2016, on the review, and 72/279 of 31 May 2018, on reform"
    assert [(c.number, c.body) for c in find_citations(text, PP18)] == [("71/243", "UNGA"), ("72/279", "UNGA")]


def test_list_stops_at_the_next_kind_word() -> None:
    found = find_citations("Resolutions 50 and 52 (Rev. Hammamet, 2016) and Resolutions 45 (Rev. Dubai, 2014)", PP18)
    assert [(c.number, c.body, c.type) for c in found] == [("50", "WTSA", "list"), ("52", "WTSA", "list"),
                                                           ("45", "WTDC", "full")]


# --- parts -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "part", "start"),
    [
        ("see Annex 2 to Decision 5 (Rev. Dubai, 2018) of this conference", "annex-2", "Annex 2 to"),
        ("resolves 2 of Resolution 58 (Rev. Busan, 2014)", "resolves-2", "resolves 2 of"),
        ("as stated in the annex to Resolution 25", "annex", "annex to"),
        ("as stated in the annex to Council Resolution 1305, which", "annex", "annex to Council"),
        ("that recognizing e) of Resolution 4 (Dubai, 2012) of WCIT", "recognizing-e", "recognizing e) of"),
        ("instructs the Secretary-General 3 of Resolution 71 (Rev. Dubai, 2018)",
         "instructs-the-secretary-general-3", "instructs the Secretary-General 3 of"),
    ],
)
def test_part_citation(text: str, part: str, start: str) -> None:
    citation = one(text)
    assert (citation.type, citation.part) == ("part", part)
    assert citation.text.startswith(start)


def test_part_links_to_an_anchor() -> None:
    assert link("Annex 2 to Decision 5 (Rev. Dubai, 2018)") == "pp/decision/5@dubai-2018#annex-2"
    assert link("resolves 2 of Resolution 71") == "pp/resolution/71#resolves-2"


# --- self-references -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["this resolution", "the present resolution", "This resolution"])
def test_self_resolution(text: str) -> None:
    citation = one(f"to implement {text} fully")
    assert (citation.type, citation.body, citation.kind, citation.number) == ("self", "PP", "resolution", "71")
    assert resolve_citation(citation, PP18, KNOWN)[0] == "pp/resolution/71@dubai-2018"


def test_self_decision_and_opinion_and_annex() -> None:
    decision = CiteContext("pp", "decision", "5", "Dubai, 2018", 2018)
    assert link("the annexes to this decision", decision) == "pp/decision/5@dubai-2018"
    assert link("on the basis of Annex 1 to this decision", decision) == "pp/decision/5@dubai-2018#annex-1"
    assert link("set out in this Opinion.", CiteContext("wtpf-21", "opinion", "4", "Geneva, 2021", 2021)) == (
        "wtpf-21/opinion/4@geneva-2021")
    assert link("in response to this resolution,", COUNCIL) == "council/resolution/covid-19@council-2020"


def test_self_of_another_kind_is_not_guessed() -> None:
    citation = one("the annex to this resolution", CiteContext("pp", "decision", "5", "Dubai, 2018", 2018))
    assert (citation.type, citation.number) == ("self", "")
    assert resolve_citation(citation, PP18, KNOWN)[0] is None


def test_this_conference_takes_the_context_body() -> None:
    citation = one("Resolution 151 (Rev. Dubai, 2018) of this conference")
    assert (citation.body, citation.text) == ("PP", "Resolution 151 (Rev. Dubai, 2018) of this conference")


# --- other bodies ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "body", "number"),
    [
        ("Resolution 69 (Rev. Dubai, 2012) of the World Telecommunication Standardization Assembly", "WTSA", "69"),
        ("WTDC Resolution 37", "WTDC", "37"),
        ("Resolution WTDC 9 (Rev. Dubai, 2014)", "WTDC", "9"),
        ("Resolution 10 WTDC (Rev. Hyderabad, 2010)", "WTDC", "10"),
        ("Resolution ITU\u2011R 48", "RA", "48"),
        ("Resolution ITU-R 7-3 (Rev. Geneva, 2015) of RA", "RA", "7-3"),
        ("Recommendation ITU-T X.1205", "ITU-T", "X.1205"),
        ("Council Resolution 1305", "Council", "1305"),
        ("Council Decision 584", "Council", "584"),
        ("Resolution 1386 of the Council 2017", "Council", "1386"),
        ("Resolution 1327 adopted by the Council at its 2011 session", "Council", "1327"),
        ("UNGA Resolution 68/198", "UNGA", "68/198"),
        ("Resolution 74/270 of the General Assembly of the United Nations", "UNGA", "74/270"),
        ("United Nations General Assembly Resolution 70/125", "UNGA", "70/125"),
        ("that UNGA, in its Resolution 70/125, decided", "UNGA", "70/125"),
        ("ECOSOC Resolution 2012/24", "ECOSOC", "2012/24"),
        ("United Nations Human Rights Council Resolution 20/8", "HRC", "20/8"),
        ("Opinion 2 (Geneva, 2013)", "WTPF-13", "2"),
        ("Opinion 4 (Lisbon, 2009) of WTPF", "WTPF-09", "4"),
        ("Opinion 3 of the 2009 World Telecommunication Policy Forum", "WTPF-09", "3"),
        ("Resolution 1 (Dubai, 2012) of the World Conference on International Telecommunications", "WCIT", "1"),
        ("WTDC-14 adopted Resolution 45 (Rev. Dubai, 2014)", "WTDC", "45"),
    ],
)
def test_other_body(text: str, body: str, number: str) -> None:
    citation = one(text)
    assert (citation.body, citation.number) == (body, number)
    assert resolve_citation(citation, PP18, KNOWN)[0] is None


def test_same_place_different_bodies() -> None:
    assert one("Resolution 37 (Rev. Dubai, 2014)").body == "WTDC"
    assert one("Resolution 58 (Rev. Dubai, 2012)").body == "WTSA"
    assert one("Resolution 71 (Rev. Dubai, 2018)").body == "PP"
    assert one("Resolution 4 (Rev. Dubai, 2023)").body == "RA"


def test_bare_number_is_the_citing_body() -> None:
    assert one("in accordance with Resolution 71, by", PP18).body == "PP"
    assert one("in accordance with Resolution 71, by", REPORT).body == ""
    assert one("Opinion 2", WTPF21).body == "WTPF-21"
    assert one("Resolution 2", WTPF21).body == ""
    assert one("the respective Resolution 1 on working methods", PP18).body == ""
    assert one("in its Recommendation 13/2016, that", PP18).body == ""


def test_number_forms() -> None:
    assert one("Resolution 72/266B on shifting").body == "UNGA"
    assert one("Resolution A/RES/70/1").number == "A/RES/70/1"
    assert one("draft Resolution [COVID-19] entitled", COUNCIL).number == "COVID-19"
    assert one("Resolution COM5/2 (Dubai, 2018) of this conference").number == "COM5/2"
    council = one("Resolution 1306 (Rev. 2015), which")
    assert (council.body, council.revision) == ("Council", "Rev. Council 2015")
    assert one("Decision 517 (2004, last modified 2009)").revision == "Council 2004"


# --- non-citations ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "RESOLUTION 70 (Rev. dUBAI, 2018)",
        "ANNEX 1 TO Resolution COM5/2 (Dubai, 2018)",
        "SUP\tRESOLUTION 35",
        "DRAFT NEW RESOLUTION [WG-PL/7]",
        "DRAFT OPINION 1: Enabling environment",
        "Table 2 Decision 5",
        "Table Resolution 71",
        " Table 1 decision 5",
        "its recommendation 12, which recommends",
        "in its General Recommendation No. 37, on",
        "treatment decisions. Several topics",
        "Resolution Resolution Resolution",
        "relevant resolutions of the Plenipotentiary Conference",
    ],
)
def test_not_a_citation(text: str) -> None:
    assert find_citations(text, PP18) == []


# --- resolve ---------------------------------------------------------------------------------
def test_resolve_version_work_or_nothing() -> None:
    assert link("Resolution 130 (Rev. Dubai, 2018)") == "pp/resolution/130@dubai-2018"
    assert link("Resolution 130 (Rev. Busan, 2014)") == "pp/resolution/130@busan-2014"
    target, note = resolve_citation(one("Resolution 130 (Rev. Guadalajara, 2010)"), PP18, KNOWN)
    assert (target, note) == ("pp/resolution/130", "cites Rev. Guadalajara, 2010, which this collection does not hold")
    assert link("Resolution 71") == "pp/resolution/71"
    target, note = resolve_citation(one("Resolution 2 (Kyoto, 1994)"), PP18, {})
    assert target is None and "not in this collection" in note
    assert link("Resolution 205 (Dubai, 2018)") is None


def test_conference_slug() -> None:
    assert conference_slug("Rev. Dubai, 2018") == "dubai-2018"
    assert conference_slug("Busan, 2014") == "busan-2014"
    assert conference_slug("Rev. Council 2020") == "council-2020"


# --- properties and speed --------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Resolution Decision Opinion Annex to of this 0123456789(),./\u00a0"
                                            "Rev. Dubai WTDC UNGA Council the and resolves e)")), max_size=300))
def test_spans_are_exact(text: str) -> None:
    for citation in find_citations(text, PP18):
        assert text[citation.start : citation.end] == citation.text
        assert citation.text
        resolve_citation(citation, PP18, KNOWN)


@pytest.mark.parametrize(
    "text",
    [
        "Resolution " * 450_000,
        "".join(random.Random(7).choice("abcdefRDO esolution0123456789(),.\u00a0") for _ in range(2_000_000)),
        "Resolutions 1, " * 100_000,
        "Resolution 1 (" + "Rev. " * 200_000,
        "Resolutions 15 (Rev. Hyderabad, 2010), on " + "x" * 1_000_000,
    ],
    ids=["kind-words-5MB", "random-2MB", "dense-lists", "open-parenthesis", "long-title-gap"],
)
def test_linear_time(text: str) -> None:
    start = time.perf_counter()
    find_citations(text, PP18)
    assert time.perf_counter() - start < 6.0


def test_capitalised_this_after_another_citation_refers_back() -> None:
    text = "by adopting UNGA Resolution A/RES/70/125 on the review. In this Resolution, a request is made"
    assert [c.number for c in find_citations(text, PP18)] == ["A/RES/70/125"]
    assert [c.type for c in find_citations("the matters set out in this Opinion.", WTPF21)] == ["self"]


def test_measure_script_meets_the_targets(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("measure_citations", ROOT / "scripts" / "measure_citations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    scores = module.measure(GOLD, ROOT / "sources")
    assert scores["linking precision"] >= 0.99 and scores["linking recall"] >= 0.97
    assert scores["finding precision"] >= 0.97 and scores["finding recall"] >= 0.97
    assert module.main([]) == 0
    assert "linking precision" in capsys.readouterr().out
