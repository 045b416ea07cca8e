"""The whole build: corpus stage + `mkdocs build --strict`, and what a reader finds in site/."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corpus.clean import clean_line
from integration.site_build import ROOT, build_site


class _ArticleText(HTMLParser):
    """Visible text of Material's <article> plus the URLs of external links (they are on the page)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += 1
        href = dict(attrs).get("href") or ""
        if self.depth and href.startswith("http"):
            self.parts.append(" " + href + " ")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in re.findall(r"\w+", text.replace("\u2011", "-")))


_SOURCE_ARTEFACTS = re.compile(r"\[footnoteRef:\d+\]\d*|\[\d+:[ \t]*\d*[ \t]*|~~|\*\*|\]\(#\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]")


# A Cyrillic 'с' used as the list label 'c)' (000:33, 42) is shown as Latin 'c)' and reported.
_CYRILLIC_LABEL = re.compile(r"^\u0441\)")


def source_words(lines: tuple[str, ...]) -> Counter[str]:
    """Words of a source as a reader sees them: export artefacts and marks removed."""
    return words(" ".join(_CYRILLIC_LABEL.sub("c)", _SOURCE_ARTEFACTS.sub(" ", clean_line(line))) for line in lines))


@pytest.fixture(scope="module")
def site(tmp_path_factory, built):
    work = tmp_path_factory.mktemp("build")
    result = build_site(work)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site"


def test_mkdocs_strict_build_has_every_version_page(site, built):
    corpus, histories, _ = built
    for version in corpus.versions:
        assert (site / version.id.url).is_file(), version.id
    for work in histories:
        assert (site / work.url).is_file(), work
    assert (site / "corpus.json").is_file() and (site / "index.html").is_file()


def test_no_export_artefact_survives_into_any_page(site):
    leftovers = {}
    for page in site.rglob("*.html"):
        text = page_text(page)
        found = [a for a in ("[bookmark:", "[footnoteRef:", "~~", "](#)", "\t") if a in text]
        if found:
            leftovers[str(page.relative_to(site))] = found
    assert leftovers == {}


def test_no_paragraph_wraps_a_block_even_inside_the_tracked_changes_tabs(site):
    wrapped = {str(page.relative_to(site)) for page in site.rglob("*.html") if "<p><p" in page.read_text(encoding="utf-8")}
    assert wrapped == set()
    tabbed = (site / "pp" / "resolution-182.html").read_text(encoding="utf-8")
    assert 'class="tabbed-set' in tabbed and '<p class="item lvl-1"' in tabbed


def test_the_theme_templates_leave_no_blank_lines_or_indentation_around_the_article(site):
    """Hook template_whitespace.py (tests/integration/test_template_whitespace.py: nothing seen changes)."""
    loose = {}
    for page in site.rglob("*.html"):
        html = re.sub(r"<article\b.*</article>", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        blank_runs = re.findall(r"\n[ \t]*\n[ \t]*\n", html)
        indentation = sum(len(run) for run in re.findall(r"(?m)^[ \t]+", html))
        if blank_runs or indentation > 300:
            loose[str(page.relative_to(site))] = (len(blank_runs), indentation)
    assert loose == {}


def test_every_word_of_every_source_is_on_a_page_of_that_source(site, built):
    corpus, histories, _ = built
    missing_by_source = {}
    for source in corpus.sources:
        # A latest text is on its work page (its own page redirects there).
        pages = [site / histories[v.id.work].page_of(v).url for v in corpus.versions if v.source == source.id]
        pages.append(site / "documents" / f"{source.id}.html")
        shown = Counter()
        for page in pages:
            shown += words(page_text(page))
        missing = source_words(source.lines) - shown
        if missing:
            missing_by_source[source.id] = sorted(missing.items())[:40]
    assert missing_by_source == {}


def test_two_builds_are_byte_identical(tmp_path):
    from build_corpus import main

    for name in ("a", "b"):
        assert main(["build", "--out", str(tmp_path / name)]) == 0
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


HOSTILE = (
    "MOD\t#1\nRESOLUTION 999 (Rev. Dubai, 2018)\n<script>alert(1)</script> title\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n"
    "resolves\n1\t<img src=x onerror=alert(2)> and {{ config }} and {++ x ++} and [y](javascript:alert(3))\n"
    "# not a heading\n| a | b |\n*not emphasis* and __not bold__\n"
)


def test_hostile_source_text_is_shown_as_text(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(ROOT / "sources" / "pp-2018-dubai-final-acts.yml", sources / "hostile.yml")
    yml = (sources / "hostile.yml").read_text(encoding="utf-8")
    (sources / "hostile.yml").write_text(yml.split("attachments:")[0], encoding="utf-8")
    result = build_site(tmp_path, sources)
    assert result.returncode == 0, result.stderr[-3000:]
    # The only version is the latest text: the work page shows it, its own page redirects there.
    redirect = (tmp_path / "site" / "pp" / "resolution-999" / "dubai-2018.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in redirect and 'http-equiv="refresh" content="0; url=../../pp/resolution-999.html"' in redirect
    html = (tmp_path / "site" / "pp" / "resolution-999.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "javascript:alert" not in html.replace("&#91;y&#93;(javascript:alert", "")
    assert 'href="javascript' not in html
    assert "<h1" in html and ">not a heading</h1>" not in html
    assert "<em>not emphasis</em>" not in html and "<strong>not bold</strong>" not in html
    text = page_text(tmp_path / "site" / "pp" / "resolution-999.html")
    for literal in ("<script>alert(1)</script>", "{{ config }}", "{++ x ++}", "# not a heading", "| a | b |", "*not emphasis*"):
        assert literal in text


class _Links(HTMLParser):
    """Every href and every id of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag in ("a", "link") and values.get("href"):
            self.hrefs.append(values["href"])


def test_every_internal_link_and_anchor_resolves(site):
    """MkDocs checks Markdown links only; this checks every href in the built HTML, raw HTML included."""
    from urllib.parse import unquote, urlsplit

    pages = {}
    for path in site.rglob("*.html"):
        if path.name == "404.html":  # root-absolute links by design: only a web server shows it
            continue
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = parser
    broken = []
    for path, parser in pages.items():
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site.resolve())}: {href}")
            elif parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{path.relative_to(site.resolve())}: {href} (no such anchor)")
    assert broken == []


def test_the_whole_site_downloads_as_one_zip(site):
    import zipfile

    with zipfile.ZipFile(site / "downloads" / "itu-resolutions-site.zip") as archive:
        names = set(archive.namelist())
    assert "itu-resolutions-site/index.html" in names
    assert "itu-resolutions-site/pp/resolution-130/dubai-2018.html" in names
    assert "itu-resolutions-site/search/search_index.js" in names
    assert "itu-resolutions-site/search/store/meta.js" in names  # what the search worker reads
    assert not any(name.endswith(".zip") for name in names)
    assert 'href="downloads/itu-resolutions-site.zip"' in (site / "index.html").read_text(encoding="utf-8")


def test_instrument_page_furniture(site):
    page = (site / "pp" / "resolution-130" / "busan-2014.html").read_text(encoding="utf-8")
    assert '<nav class="version-switcher" aria-label="Versions" data-search-exclude>Versions: <span aria-current="page">Rev. Busan, 2014</span>' in page
    assert "<q>Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference</q>" in page
    assert 'rel="prev">← Resolution 125</a>' in page and 'rel="next">Resolution 131 →</a>' in page
    assert "compare/busan-2014..dubai-2018.html" in page


@pytest.mark.parametrize(("page", "banner"), [
    ("pp/resolution-130.html", "In force – the latest text in this collection is Resolution 130 (Rev. Dubai, 2018)."),
    ("pp/decision-13.html", "Suppressed by the Plenipotentiary Conference (Dubai, 2018): SUP in "),
    ("council/resolution-covid-19.html", "Draft – not adopted: this collection holds only proposed texts of it, the latest being "),
])
def test_the_status_banner_says_the_status_once(site, page, banner):
    html = (site / page).read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]+>", "", re.search(r'<div class="status-banner[^>]*>(.*?)</div>', html).group(1))
    assert shown.startswith(banner)
    status = banner.split(" –")[0].split(" by")[0]
    assert shown.lower().count(status.lower()) == 1


def test_citation_graph_nodes_open_their_pages(site):
    graph = (site / "graph.html").read_text(encoding="utf-8")
    assert '<svg class="citation-graph"' in graph
    assert '<a href="pp/resolution-130.html"><g class="node node-pp">' in graph


def test_every_page_is_within_three_clicks_of_the_home_page(site):
    """The navigation stays small; index pages keep every page close to home."""
    from collections import deque
    from urllib.parse import unquote, urlsplit

    root = site.resolve()
    depth = {root / "index.html": 0}
    queue = deque([root / "index.html"])
    while queue:
        page = queue.popleft()
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or not parts.path.endswith(".html"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_file() and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    # A latest version's page is only a redirect for old addresses: links go to its work page.
    pages = {p.resolve() for p in site.rglob("*.html") if p.name != "404.html" and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")}
    far = sorted(str(p.relative_to(root)) for p in pages if depth.get(p, 99) > 3)
    assert far == []
