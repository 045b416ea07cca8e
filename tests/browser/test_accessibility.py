"""Accessibility of the built site from file://, in the light and the dark palette.

axe-core checks each page (vendor/axe.min.js: axe-core 4.14.1 from the npm registry, `npm pack
axe-core`, MPL-2.0, licence beside it; injected by the tests only, never shipped in the site). A
violation of impact "serious" or "critical" fails; the message lists rule, impact and elements.
Then what axe does not judge: the skip link, heading levels, and link text that says where it goes.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from site_pages import foreign_requests, site_url

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = [
    "index.html",
    "pp/resolution-71.html",  # an instrument (its latest text): annexes, tables, footnotes
    "pp/resolution-130/compare/busan-2014..dubai-2018.html",  # a comparison
    "instruments.html",  # the sortable, filterable index table
]
# Material picks the palette whose media query matches, until the reader picks one with the toggle.
PALETTES = {"light": "default", "dark": "slate"}
GENERIC_LINK_TEXT = {"here", "click here", "link", "more", "read more", "this", "old", "new", "go"}


def open_page(page, relative: str, palette: str = "light") -> None:
    page.emulate_media(color_scheme=palette)
    page.goto(site_url(relative))
    page.wait_for_load_state("load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == PALETTES[palette]


def serious_violations(page) -> list[dict]:
    """axe-core's violations of impact serious or critical on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {' '.join(map(str, node['target']))}" for node in v["nodes"][:10]]
    return "\n".join(lines)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("relative", PAGES)
def test_axe_finds_no_serious_violation(page, relative, palette):
    open_page(page, relative, palette)
    violations = serious_violations(page)
    if violations:
        pytest.fail(f"{relative} ({palette}):\n{describe(violations)}", pytrace=False)
    assert foreign_requests(page) == []


def test_index_table_stays_accessible_once_sorted_and_filtered(page):
    open_page(page, "instruments.html", "dark")
    page.get_by_role("button", name="Cited by").click()
    page.get_by_label("Filter rows").fill("dubai")
    violations = serious_violations(page)
    if violations:
        pytest.fail(describe(violations), pytrace=False)


@pytest.mark.parametrize("relative", PAGES)
def test_skip_link_is_the_first_stop_and_lands_on_the_title(page, relative):
    open_page(page, relative)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in focused[0], f"first Tab stop is {focused}, not Material's skip link"
    assert page.locator(f"h1{focused[1]}").count() == 1  # href="#<id of the page's h1>"


@pytest.mark.parametrize("relative", PAGES[:3])
def test_headings_descend_one_level_at_a_time(page, relative):
    open_page(page, relative)
    headings = page.eval_on_selector_all(
        "article h1, article h2, article h3, article h4, article h5, article h6",
        "hs => hs.map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])")
    assert [level for level, _ in headings].count(1) == 1, headings
    skips = [(a, b) for a, b in pairwise(headings) if b[0] > a[0] + 1]
    assert not skips, f"heading levels skipped in {relative}: {skips}"


@pytest.mark.parametrize("relative", PAGES)
def test_link_text_says_where_it_goes(page, relative):
    open_page(page, relative)
    # Footnote numbers, their back arrows and the ¶ permalinks are conventions with a title.
    names = page.eval_on_selector_all(
        "article a[href]:not(.headerlink, .footnote-ref, .footnote-backref, sup a)",
        "links => links.map(a => (a.getAttribute('aria-label') || a.textContent).trim())")
    vague = sorted({name for name in names if name.lower() in GENERIC_LINK_TEXT or not name})
    assert not vague, f"{relative}: links named only {vague} ({sum(n in vague for n in names)} links)"
