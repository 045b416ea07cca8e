"""Reading the site from file://: the sortable, filterable index table (assets/javascripts/tables.js),
printing an instrument, and walking from a work to a version to a comparison."""

from __future__ import annotations

import re

from site_pages import foreign_requests, site_url

INDEX = "instruments.html"
ROWS = ".sortable-table tbody tr"


def column(page, index: int, visible_only: bool = False) -> list[str]:
    """The text of one column, top to bottom (index from 1, as in :nth-child)."""
    rows = f"{ROWS}:not([hidden])" if visible_only else ROWS
    return page.eval_on_selector_all(f"{rows} > td:nth-child({index})", "cells => cells.map(c => c.textContent.trim())")


def test_number_heading_sorts_in_natural_order_both_ways(page):
    page.goto(site_url(INDEX))
    heading = page.locator(".sortable-table th", has_text="Number")
    button = heading.get_by_role("button", name="Number")
    button.click()
    assert heading.get_attribute("aria-sort") == "ascending"
    numbers = column(page, 1)
    resolutions = [n for n in numbers if n.startswith("Resolution ")]
    expected = ["Resolution 2", "Resolution 11", "Resolution 130", "Resolution COM5/2"]
    assert [resolutions.index(n) for n in expected] == sorted(resolutions.index(n) for n in expected)
    numeric = [int(n.split()[1]) for n in resolutions if n.split()[1].isdigit()]
    assert numeric == sorted(numeric)
    button.press("Enter")  # a real button: the keyboard sorts too
    assert heading.get_attribute("aria-sort") == "descending"
    assert column(page, 1) == numbers[::-1]
    assert page.locator(".sortable-table th[aria-sort]").count() == 1
    assert foreign_requests(page) == []


def test_count_column_sorts_as_numbers(page):
    page.goto(site_url(INDEX))
    page.get_by_role("button", name="Cited by").click()
    counts = [int(n) for n in column(page, 7)]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_filter_box_hides_rows_and_counts_them(page):
    page.goto(site_url(INDEX))
    total = len(column(page, 1))
    count = page.locator(".table-filter__count")
    assert count.inner_text() == f"{total} of {total} shown"
    box = page.get_by_label("Filter rows")
    box.press_sequentially("SUPPRESSED", delay=10)  # case does not matter
    statuses = column(page, 4, visible_only=True)
    assert statuses and set(statuses) == {"suppressed"}
    assert column(page, 4).count("suppressed") == len(statuses)
    assert count.inner_text() == f"{len(statuses)} of {total} shown"
    box.fill("130 dubai")  # every word, anywhere in the row
    assert column(page, 1, visible_only=True) == ["Resolution 130"]
    box.fill("")
    assert count.inner_text() == f"{total} of {total} shown"


def test_printed_instrument_is_the_text_with_its_address(page):
    page.goto(site_url("pp/resolution-71.html"))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert page.locator("article h1").is_visible()
    assert page.locator(".footnote li").first.is_visible()
    address = page.locator(".print-url")
    assert address.is_visible()
    assert "pp/resolution-71.html" in address.inner_text()


def test_work_timeline_to_version_to_comparison(page):
    page.goto(site_url("pp/resolution-130.html"))
    # The latest text is on the work page itself, under the version's header (its page redirects here).
    page.locator("ol.timeline a", has_text="Resolution 130 (Rev. Dubai, 2018)").click()
    assert page.url.endswith("pp/resolution-130.html#text")
    assert page.locator("#text").inner_text().startswith("Text: Resolution 130 (Rev. Dubai, 2018)")
    page.locator("dl.instrument-meta a[href*='/compare/']", has_text="Rev. Busan, 2014").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("pp/resolution-130/compare/busan-2014..dubai-2018.html")
    assert "Rev. Busan, 2014 → Rev. Dubai, 2018" in page.locator("article h1").inner_text()
    assert re.search(r"\d+ paragraphs? (added|changed)", page.locator(".cmp-summary").inner_text())
    assert foreign_requests(page) == []
