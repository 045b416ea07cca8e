"""Search from file://: the texts a reader looks for come first."""

import pytest
from site_pages import search, site_url


@pytest.mark.parametrize(
    "query, first",
    [
        ("child online protection", "Resolution 179:"),
        ("IPv6", "Resolution 180:"),
        ("Palestine", "Resolution 125:"),
        ("COVID", "Resolution [COVID-19]:"),
        ("Resolution 130", "Resolution 130:"),
        ("res 130", "Resolution 130:"),
        ("Decision 5", "Decision 5:"),
    ],
)
def test_the_expected_text_is_the_first_result(page, query, first):
    page.goto(site_url("index.html"))
    results = search(page, query)
    assert results[0]["title"].startswith(first), [r["title"][:50] for r in results[:5]]


def test_palestine_finds_both_resolutions_on_palestine_first(page):
    page.goto(site_url("index.html"))
    titles = [r["title"] for r in search(page, "Palestine")[:2]]
    assert sorted(t.split(":")[0] for t in titles) == ["Resolution 125", "Resolution 99"]


def test_from_file_the_index_is_built_in_a_worker_of_its_own_not_an_iframe_on_the_page_thread(page):
    # iframe-worker's shim would build the index on the page's own thread, which then answers no
    # click or key until it is done (about 20 s at 30 times the bundled corpus).
    page.goto(site_url("pp/resolution-130.html"))
    assert page.evaluate("window.Worker.name") == "BlobWorker"
    results = search(page, "child online protection")
    assert results[0]["title"].startswith("Resolution 179:")
    assert page.evaluate("document.querySelectorAll('iframe').length") == 0
