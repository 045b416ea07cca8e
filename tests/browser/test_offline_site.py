"""The built site from file://: no request leaves the folder, search works, links work."""

from __future__ import annotations

import zipfile

from site_pages import SITE, foreign_requests, search, site_url


def test_home_page_loads_with_no_request_to_another_host(page):
    page.goto(site_url("index.html"))
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith("ITU resolutions")
    assert len(page.requests) > 3  # the page, its styles and scripts were requested (and recorded)
    assert foreign_requests(page) == []


def test_search_uses_the_shim_and_index_shipped_with_the_site(page):
    page.goto(site_url("index.html"))
    results = search(page, "checksums")  # a word of the About page only
    assert results[0]["href"].startswith("file:") and "about.html" in results[0]["href"]
    local = [url for url in page.requests if url.startswith("file:")]
    assert any(url.endswith("/assets/javascripts/vendor/iframe-worker-shim.js") for url in local)
    assert any(url.endswith("/search/search_index.js") for url in local)
    assert foreign_requests(page) == []


def test_the_site_zip_unpacked_anywhere_reads_and_searches_offline(page, tmp_path):
    with zipfile.ZipFile(SITE / "downloads" / "itu-resolutions-site.zip") as archive:
        archive.extractall(tmp_path)
    unpacked = tmp_path / "itu-resolutions-site"
    assert not (unpacked / "search" / "search_index.json").exists()  # left out: file:// reads the .js
    page.goto((unpacked / "index.html").as_uri())
    results = search(page, "checksums")
    assert results[0]["href"].startswith(unpacked.as_uri()) and "/about.html" in results[0]["href"], results
    assert foreign_requests(page) == []


def test_navigation_link_to_about(page):
    page.goto(site_url("index.html"))
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="About").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/about.html")
    assert page.locator("h1").first.inner_text().startswith("About this site")
    page.locator("a[href='corpus.json']").first.wait_for(state="attached")
    assert foreign_requests(page) == []


def test_search_works_offline_and_stays_offline(page):
    page.goto(site_url("index.html"))
    results = search(page, "child online protection")
    assert results, "no search result"
    assert "179" in results[0]["title"] or "child online protection" in results[0]["title"].lower()
    assert foreign_requests(page) == []


def test_a_citation_click_lands_on_the_cited_paragraph(page):
    page.goto(site_url("pp/resolution-130.html"))
    link = page.locator("a.cite", has_text="Resolution 179").first
    link.click()
    page.wait_for_load_state("load")
    assert "/pp/resolution-179" in page.url
    assert foreign_requests(page) == []


def test_annex_part_citation_goes_to_the_annex_anchor(page):
    page.goto(site_url("pp/decision-11.html"))
    page.locator("#considering-e a.cite").first.click()
    page.wait_for_load_state("load")
    # Decision 5 (Rev. Dubai, 2018) is the latest text: the link goes straight to its work page.
    assert page.url.endswith("pp/decision-5.html#annex-2")
    assert page.locator("#annex-2").is_visible()


def test_the_page_of_a_latest_version_redirects_to_its_work_keeping_the_paragraph(page):
    """An address cited before (dubai-2018.html#annex-2) still lands on that paragraph, from file://."""
    page.goto(site_url("pp/decision-5/dubai-2018.html") + "#annex-2")
    page.wait_for_url("**/pp/decision-5.html#annex-2")
    page.wait_for_load_state("load")
    assert page.locator("#annex-2").is_visible()
    assert page.evaluate("document.getElementById('annex-2').getBoundingClientRect().top") < 200  # scrolled to it
    assert foreign_requests(page) == []


def test_version_link_from_the_work_page_timeline(page):
    page.goto(site_url("pp/resolution-130.html"))
    page.locator("ol.timeline a", has_text="Rev. Busan, 2014").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("pp/resolution-130/busan-2014.html")
    page.get_by_text("Clean text (changes accepted)").click()
    clean = page.locator(".tabbed-block").nth(1)
    assert clean.is_visible() and clean.locator("del").count() == 0
