"""Opening pages of the built site and using its search, for the browser tests."""

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]



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
