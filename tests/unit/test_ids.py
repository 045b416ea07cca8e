import pytest

from corpus.ids import WorkId, file_slug, natural_key, parse_id, relative_url, slugify


@pytest.mark.parametrize(
    "number, slug",
    [("COM5/2", "com5-2"), ("[WG-PL/7]", "wg-pl-7"), ("[COVID-19]", "covid-19"), ("Secretary\u2011General", "secretary-general"),
     ("../../etc/passwd", "etc-passwd"), ("\u0441)", "c"), ("<script>", "script")],
)
def test_slugify_gives_safe_slugs(number, slug):
    assert slugify(number) == slug


@pytest.mark.parametrize("text", ["pp/resolution/130", "pp/resolution/130@busan-2014", "wtpf-21/opinion/1@geneva-2021"])
def test_ids_round_trip(text):
    assert str(parse_id(text)) == text


def test_urls_follow_the_design_scheme():
    version = parse_id("pp/resolution/130@busan-2014")
    assert version.url == "pp/resolution-130/busan-2014.html"
    assert version.work.url == "pp/resolution-130.html"
    assert version.doc_path == "pp/resolution-130/busan-2014.md"
    assert relative_url(version.doc_path, "documents/x.html") == "../../documents/x.html"


@pytest.mark.parametrize("bad", ["pp/resolution", "pp/resolution/../x", "PP/resolution/1", "pp/resolution/1@"])
def test_malformed_ids_are_rejected(bad):
    with pytest.raises(ValueError):
        parse_id(bad)


def test_natural_order_puts_2_before_11_and_numbers_before_provisional():
    numbers = ["11", "com5-2", "2", "1", "21", "wgpl-1", "200"]
    assert sorted(numbers, key=natural_key) == ["1", "2", "11", "21", "200", "com5-2", "wgpl-1"]


def test_work_of_a_version():
    assert WorkId("pp", "resolution", "130", "dubai-2018").work == WorkId("pp", "resolution", "130")


def test_a_very_long_number_gives_a_short_unique_slug():
    long_a, long_b = file_slug("9" * 300), file_slug("9" * 299 + "8")
    assert len(long_a) <= 80 and long_a != long_b and long_a.startswith("9999")
