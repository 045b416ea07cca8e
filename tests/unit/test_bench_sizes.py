"""The benchmark's size measures: what the theme adds to a page, and what a page costs the site."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from run import _site_per_page, theme_share_kb  # noqa: E402

REDIRECT = '<meta http-equiv="refresh" content="0; url=../a.html">'


def test_the_theme_share_is_a_page_less_its_markdown_and_redirect_pages_do_not_dilute_it(tmp_path):
    site, docs = tmp_path / "site", tmp_path / "docs"
    for folder in (site / "pp", docs / "pp"):
        folder.mkdir(parents=True)
    (site / "a.html").write_text("x" * 10_000)
    (docs / "a.md").write_text("x" * 4_000)
    (site / "pp" / "b.html").write_text("x" * 20_000)
    (docs / "pp" / "b.md").write_text("x" * 12_000)
    (site / "pp" / "old.html").write_text(REDIRECT)  # a latest version's address: sends the reader on
    (docs / "pp" / "old.md").write_text("x")
    (site / "404.html").write_text("x" * 5_000)  # no Markdown of its own: not a page of the text
    assert theme_share_kb(site, docs) == 7.0  # (6 KB + 8 KB) / 2 pages


def test_the_site_size_a_page_names_its_parts():
    result = {"pages": 1000, "site_kb_per_page": 88.4,
              "site_parts": {"html_mb": 39.0, "search_mb": 16.4, "zip_mb": 17.7, "corpus_json_mb": 14.8}}
    assert _site_per_page(result) == "88 KB a page: HTML 39, search 16, zip 18, corpus.json 15"
