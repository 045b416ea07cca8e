"""A hostile source, built into a site and opened in Chromium: none of it runs, nothing is fetched."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from integration.site_build import ROOT, build_site  # noqa: E402

HOSTILE = (
    "MOD\t#1\nRESOLUTION 999 (Rev. Dubai, 2018)\n<script>alert(1)</script> title\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n"
    "resolves\n1\t<img src=x onerror=alert(2)> {{ config }} {++ x ++} [y](javascript:alert(3)) <a href=\"javascript:alert(4)\">z</a>\n"
    "2\t<iframe src=\"https://example.org/\"></iframe> <link rel=stylesheet href=\"https://example.org/x.css\">\n"
    "3\t__proto__ constructor hasOwnProperty toString\n"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    sources = work / "sources"
    sources.mkdir()
    (sources / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    meta = (ROOT / "sources" / "pp-2018-dubai-final-acts.yml").read_text(encoding="utf-8").split("attachments:")[0]
    (sources / "hostile.yml").write_text(meta, encoding="utf-8")
    result = build_site(work, sources)
    assert result.returncode == 0, result.stderr[-2000:]
    yield work / "site"
    shutil.rmtree(work, ignore_errors=True)


def test_nothing_in_a_hostile_source_runs_or_loads(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    dialogs, requests = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((hostile_site / "pp" / "resolution-999" / "dubai-2018.html").as_uri())
    page.wait_for_load_state("networkidle")
    for link in page.locator("article a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert dialogs == []
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))] == []
    text = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in text and "{{ config }}" in text and "<iframe" in text
    assert page.locator("article img, article iframe, article script").count() == 0
    context.close()


def test_search_finds_hostile_text_as_text_and_words_that_name_javascript_properties(browser, hostile_site):
    from site_pages import search

    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((hostile_site / "index.html").as_uri())
    for query in ("onerror", "__proto__", "constructor"):
        results = search(page, query)
        assert results[0]["title"].startswith("Resolution 999"), (query, results[:3])
        page.locator("input.md-search__input").fill("")
        page.wait_for_selector(".md-search-result__item", state="detached")
    assert page.locator(".md-search-result img, .md-search-result iframe, .md-search-result script").count() == 0
    assert dialogs == []
    context.close()
