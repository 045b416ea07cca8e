"""Headless Chromium (Debian's) driven by Playwright over the built site, opened from file://.

`make test` builds site/ before pytest runs (SITE_DIR points the tests at another build); a
missing site fails the tests. A missing browser or playwright fails them in CI (CI set) and
skips them, with the reason, elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_pages import CHROMIUM, CHROMIUM_ARGS, SITE


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE}/index.html is missing: run make site first")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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

