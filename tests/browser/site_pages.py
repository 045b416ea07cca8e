"""Opening pages of the built site and using its search, for the browser tests."""

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def site_url(relative: str) -> str:
    """file:// URL of a page of the built site."""
    return (SITE / relative).resolve().as_uri()


def foreign_requests(page) -> list[str]:
    """Requests the page made (recorded by the `page` fixture) that leave the file system."""
    return [url for url in page.requests if not url.startswith(LOCAL_SCHEMES)]


def search(page, query: str, timeout: float = 15_000) -> list[dict[str, str]]:
    """Type a query into Material's search; return the results (title, href) in order.

    Fails with Material's own status line ("Initializing search", "No matching documents") when
    no result appears."""
    box = page.locator("input.md-search__input")
    button = page.locator("label.md-header__button[for=__search]")  # narrow screens
    if not box.is_visible():
        if not button.is_visible():  # Material hides search when its worker cannot start
            raise AssertionError("the search box is hidden: the search worker did not start (iframe-worker shim?)")
        button.click()
    box.click()
    box.press_sequentially(query, delay=10)
    try:
        page.wait_for_selector(".md-search-result__item", timeout=timeout)
    except Exception as error:  # playwright's TimeoutError
        status = page.locator(".md-search-result__meta").inner_text()
        raise AssertionError(f"no search result for {query!r}; search says: {status!r}") from error
    return page.eval_on_selector_all(
        "li.md-search-result__item > a",
        "links => links.map(a => ({title: (a.querySelector('h1, h2') || a).textContent.trim(), href: a.href}))",
    )
