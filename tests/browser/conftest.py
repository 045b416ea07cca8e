"""Headless Chromium (Debian's) driven by Playwright over the built site, opened from file://.

`make test` builds site/ before pytest runs. In CI (CI set) a missing browser or site fails the
tests; on a developer machine without Chromium they are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    if not (SITE / "index.html").exists():
        _unavailable(f"{SITE}/index.html is missing: run make site first")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def site_url(relative: str) -> str:
    """file:// URL of a page of the built site."""
    return (SITE / relative).resolve().as_uri()


def search(page, query: str) -> list[dict[str, str]]:
    """Type a query into Material's search; return the results (title, href) in order."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # narrow screens show a search button instead of the box
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    box.press_sequentially(query, delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(
        "li.md-search-result__item > a",
        "links => links.map(a => ({title: (a.querySelector('h1, h2') || a).textContent.trim(), href: a.href}))",
    )
