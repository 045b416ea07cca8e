"""The golden record of every instrument in the five sources, checked by reading them (see
tests/data/instruments.tsv: id, action, revision, heading line, title)."""

from pathlib import Path

from corpus.marks import reading_text

PINNED = Path(__file__).parent.parent / "data" / "instruments.tsv"


def test_every_instrument_is_found_with_kind_number_revision_action_and_title(built):
    corpus, _, _ = built
    found = [
        "\t".join((str(v.id), v.heading.action or "-", v.heading.revision or "-", str(v.heading.line), " ".join(reading_text(v.title).split())))
        for v in corpus.versions
    ]
    expected = [line for line in PINNED.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert found == expected


def test_counts_per_source_match_the_catalogue(built):
    corpus, _, _ = built
    counts = {s.id: sum(v.source == s.id for v in corpus.versions) for s in corpus.sources}
    assert counts == {
        "council-2020-russia-draft-resolution-covid-19": 1,
        "itu-2020-cstd-covid-19-report": 0,
        "pp-2014-busan-wgpl-document-149": 9,
        "pp-2018-dubai-final-acts": 66,
        "wtpf-2021-sg-report": 5,
    }
