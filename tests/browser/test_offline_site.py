"""The built site from file://: no request leaves the folder, search works, links work."""

from __future__ import annotations

from site_pages import search, site_url

_LOCAL = ("file:", "data:", "blob:", "about:")


def foreign_requests(page) -> list[str]:
    return [url for url in page.requests if not url.startswith(_LOCAL)]


def test_home_page_loads_with_no_request_to_another_host(page):
    page.goto(site_url("index.html"))
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith("ITU resolutions")
    assert len(page.requests) > 3  # the page, its styles and scripts were requested (and recorded)
    assert foreign_requests(page) == []


def test_search_works_offline_and_stays_offline(page):
    page.goto(site_url("index.html"))
    results = search(page, "child online protection")
    assert results, "no search result"
    assert "179" in results[0]["title"] or "child online protection" in results[0]["title"].lower()
    assert foreign_requests(page) == []


def test_a_citation_click_lands_on_the_cited_paragraph(page):
    page.goto(site_url("pp/resolution-130/dubai-2018.html"))
    link = page.locator("a.cite", has_text="Resolution 179").first
    link.click()
    page.wait_for_load_state("load")
    assert "/pp/resolution-179" in page.url
    assert foreign_requests(page) == []


def test_annex_part_citation_goes_to_the_annex_anchor(page):
    page.goto(site_url("pp/decision-11/dubai-2018.html"))
    page.locator("#considering-e a.cite").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("pp/decision-5/dubai-2018.html#annex-2")
    assert page.locator("#annex-2").is_visible()


def test_version_link_from_the_work_page_timeline(page):
    page.goto(site_url("pp/resolution-130.html"))
    page.locator("ol.timeline a", has_text="Rev. Busan, 2014").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("pp/resolution-130/busan-2014.html")
    page.get_by_text("Clean text (changes accepted)").click()
    clean = page.locator(".tabbed-block").nth(1)
    assert clean.is_visible() and clean.locator("del").count() == 0
