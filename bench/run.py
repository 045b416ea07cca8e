#!/usr/bin/env python3
"""Benchmark the build at 1, 10 and 30 times the real corpus (make bench).

For each size it reports the median of several runs of: the corpus stage (time, peak memory, and
seconds per stage), `mkdocs build` with our configuration and with a bare Material configuration
over the same Markdown (and their ratio), the site's size, its largest and median page, the search
index, and the time to the first search result in headless Chromium from file://. It writes
bench/results.json and docs/benchmarks.md, and prints the table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale_corpus import scale  # noqa: E402

STAGE_SCRIPT = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from corpus import timing
from build_corpus import main
start = time.perf_counter()
main(["build", "--sources", {sources!r}, "--out", {docs!r}])
seconds = time.perf_counter() - start
peak_kb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({{"seconds": seconds, "stages": dict(timing.SECONDS), "peak_mb": peak_kb / 1024}}))
"""

# Material with nothing of ours (no theme overrides, hooks, offline plugin, CSS, JS, validation)
# and only the Markdown extensions the generated pages need to render.
BARE_CONFIG = """site_name: bare
docs_dir: docs
use_directory_urls: false
theme: {{name: material}}
markdown_extensions: [toc, attr_list, tables, footnotes, pymdownx.superfences, {{pymdownx.tabbed: {{alternate_style: true}}}}]
nav: {nav}
"""


def corpus_stage(sources: Path, docs: Path) -> dict:
    """One clean run of build_corpus.py (the pages of an earlier run removed first)."""
    manifest = docs / ".generated"
    if manifest.exists():
        for relative in filter(None, manifest.read_text(encoding="utf-8").split("\n")):
            (docs / relative).unlink(missing_ok=True)
        manifest.unlink()
    script = STAGE_SCRIPT.format(root=str(ROOT), sources=str(sources), docs=str(docs))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def mkdocs_build(config: Path, site: Path, **env: str) -> float:
    if site.exists():
        shutil.rmtree(site)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    return time.perf_counter() - start


# Pages whose size is their own text (an instrument, a comparison, a source document), as opposed
# to index pages (lists of instruments, topics, references), which must stay small at any scale.
TEXT_PAGES = re.compile(r"^(pp|council|wtpf-[^/]+|documents)/")


def _is_redirect(page: Path) -> bool:
    """A latest version's own address, which only sends the reader to its work page."""
    return page.stat().st_size < 4096 and 'http-equiv="refresh"' in page.read_text(encoding="utf-8")


def site_sizes(site: Path) -> dict:
    # Redirect pages (a few hundred bytes each) are not counted as pages: they would lower the
    # median and the size per page without a reader seeing anything smaller.
    redirects = {p for p in site.rglob("*.html") if _is_redirect(p)}
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if p not in redirects}
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file()}
    # Theme files (Material's assets, ours): the same at any scale.
    fixed = sum(size for path, size in sizes.items() if path.startswith("assets/"))
    parts = {
        "html_mb": sum(pages.values()) / 1e6,
        "search_mb": sum(size for path, size in sizes.items() if path.startswith("search/")) / 1e6,
        "zip_mb": sum(size for path, size in sizes.items() if path.startswith("downloads/")) / 1e6,
        "corpus_json_mb": sizes.get("corpus.json", 0) / 1e6,
        "fixed_assets_mb": fixed / 1e6,
    }
    index_pages = [size for path, size in pages.items() if not TEXT_PAGES.match(path)]
    return {"pages": len(pages), "redirect_pages": len(redirects), "site_mb": sum(sizes.values()) / 1e6, "site_parts": parts,
            "site_kb_per_page": (sum(sizes.values()) - fixed) / len(pages) / 1e3,
            "site_kb_per_address": (sum(sizes.values()) - fixed) / (len(pages) + len(redirects)) / 1e3,
            "median_page_kb": statistics.median(pages.values()) / 1e3,
            "largest_page_kb": max(pages.values()) / 1e3, "largest_page": max(pages, key=pages.__getitem__),
            "largest_index_page_kb": max(index_pages) / 1e3}


def theme_share_kb(site: Path, docs: Path) -> float:
    """What the theme adds to a page's own text, on average: a page's HTML less the Markdown it is
    made from (which already holds the text's own HTML). Redirect pages are left out: counted, they
    halved the average without a reader seeing a page with less around it."""
    extra = [page.stat().st_size - markdown.stat().st_size
             for page in site.rglob("*.html")
             if not _is_redirect(page) and (markdown := docs / page.relative_to(site).with_suffix(".md")).exists()]
    return statistics.mean(extra) / 1e3


# Timed in the page: Playwright's wait_for_selector polls at growing intervals (up to 500 ms), too
# coarse for times under a second. The time of the last key and of the first result in the DOM.
_SEARCH_CLOCK = """
window.__searchClock = {key: 0, result: 0, before: new Set()};
document.addEventListener("keydown", () => {
  __searchClock.key = performance.now(); __searchClock.result = 0;
  __searchClock.before = new Set(document.querySelectorAll(".md-search-result__item"));
}, true);
new MutationObserver(() => {
  if (__searchClock.result) return;
  const fresh = [...document.querySelectorAll(".md-search-result__item")].some(item => !__searchClock.before.has(item));
  if (fresh) __searchClock.result = performance.now();
}).observe(document, {childList: true, subtree: true});
"""


def search_times(site: Path, query: str = "child online protection") -> tuple[float, float, float]:
    """From file:// in headless Chromium: seconds from opening the home page until the search box
    takes a click; from the query's last key to its first result on that page just opened (what
    a reader who opens a page and searches at once waits); and the same once the search has
    answered a query on the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.add_init_script(_SEARCH_CLOCK)
        start = time.perf_counter()
        page.goto((site / "index.html").as_uri())
        box = page.locator("input.md-search__input")
        box.click(timeout=300_000)
        answers = time.perf_counter() - start

        def last_key_to_first_result() -> float:
            box.press_sequentially(query, timeout=300_000)
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=300_000)
            page.wait_for_function("__searchClock.result > 0")
            return page.evaluate("(__searchClock.result - __searchClock.key) / 1000")

        cold = last_key_to_first_result()
        box.fill("")
        page.wait_for_selector(".md-search-result__item", state="detached", timeout=60_000)
        warm = last_key_to_first_result()
        browser.close()
    return answers, cold, warm


def machine_loop() -> float:
    """Seconds for 10 million additions in pure Python: how fast this machine is today (the same
    build took 0.84 s one day and 2.4 s on another), to compare runs made on different days."""
    start = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - start


def measure(n: int, runs: int, work: Path) -> dict:
    sources, project = work / f"sources-x{n}", work / f"project-x{n}"
    scale(n, sources)
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "sources", "bench", "tests", "docs"))
    shutil.copytree(ROOT / "docs", project / "docs", ignore=lambda d, names: [x for x in names if Path(d) == ROOT / "docs" and x not in ("about.md", "assets")])
    stage_runs = [corpus_stage(sources, project / "docs") for _ in range(runs)]
    nav = json.dumps([n for n in ("index.md", "instruments.md", "conferences.md", "topics.md", "documents.md", "unresolved.md", "about.md")])
    (project / "bare.yml").write_text(BARE_CONFIG.format(nav=nav), encoding="utf-8")
    # Ours in one process too, once: how much of the difference is the second core's (parallel_pages hook).
    ours_one_process = mkdocs_build(project / "mkdocs.yml", project / "site", CORPUS_WORKERS="1")
    ours = [mkdocs_build(project / "mkdocs.yml", project / "site") for _ in range(runs)]
    sizes = site_sizes(project / "site")
    sizes["html_beyond_markdown_kb_per_page"] = theme_share_kb(project / "site", project / "docs")
    searches = [search_times(project / "site") for _ in range(runs)]
    bare = [mkdocs_build(project / "bare.yml", project / "site-bare") for _ in range(runs)]
    versions = json.loads((project / "docs" / "corpus.json").read_text(encoding="utf-8"))
    n_versions = sum(len(i["versions"]) for i in versions["instruments"])
    corpus_seconds = statistics.median(r["seconds"] for r in stage_runs)
    stages = {name: statistics.median(r["stages"].get(name, 0.0) for r in stage_runs) for name in stage_runs[0]["stages"]}
    return {
        "n": n, "runs": runs, "sources": len(list(sources.glob("*.txt"))), "versions": n_versions,
        "corpus_seconds": corpus_seconds, "corpus_ms_per_version": 1000 * corpus_seconds / n_versions,
        "corpus_peak_mb": statistics.median(r["peak_mb"] for r in stage_runs), "stages": stages,
        "mkdocs_seconds": statistics.median(ours), "bare_mkdocs_seconds": statistics.median(bare),
        "mkdocs_one_process_seconds": ours_one_process,
        "whole_build_over_bare": (corpus_seconds + statistics.median(ours)) / statistics.median(bare),
        "page_answers_seconds": statistics.median(answers for answers, _, _ in searches),
        "first_result_on_opened_page_seconds": statistics.median(cold for _, cold, _ in searches),
        "first_search_result_seconds": statistics.median(warm for _, _, warm in searches), "machine_loop_seconds": statistics.median(machine_loop() for _ in range(runs)),
        **sizes,
    }


STAGES = ("read", "segment", "parse", "cite", "resolve", "history", "render", "conserve", "write")


def markdown_table(results: list[dict]) -> str:
    rows = [
        ("Sources / versions", lambda r: f"{r['sources']} / {r['versions']}"),
        ("Corpus stage (s)", lambda r: f"{r['corpus_seconds']:.2f}"),
        ("Corpus stage per version (ms)", lambda r: f"{r['corpus_ms_per_version']:.2f}"),
        ("Corpus stage peak memory (MB)", lambda r: f"{r['corpus_peak_mb']:.0f}"),
        ("Stages read / segment / parse / cite / resolve / history / render / conserve / write (s; "
         "segment, parse, cite and resolve run on every core and are summed over the processes; render and conserve "
         "run on every core too, and are wall time)",
         lambda r: " / ".join(f"{r['stages'].get(s, 0):.2f}" for s in STAGES)),
        ("mkdocs build, our config (s; the Markdown converted on two cores by the parallel_pages hook)", lambda r: f"{r['mkdocs_seconds']:.1f}"),
        ("mkdocs build, our config with the Markdown converted in one process (s; one run, CORPUS_WORKERS=1)",
         lambda r: f"{r['mkdocs_one_process_seconds']:.1f}" if "mkdocs_one_process_seconds" in r else "–"),
        ("mkdocs build, bare Material (s)", lambda r: f"{r['bare_mkdocs_seconds']:.1f}"),
        ("Whole build / bare Material", lambda r: f"{r['whole_build_over_bare']:.2f}"),
        ("HTML pages (and redirect pages, not counted as pages)", lambda r: f"{r['pages']} ({r.get('redirect_pages', 0)})"),
        ("Site size (MB)", lambda r: f"{r['site_mb']:.1f}"),
        ("… HTML / search files / zip / corpus.json / theme assets (MB)",
         lambda r: " / ".join(f"{r['site_parts'][k]:.1f}" for k in ("html_mb", "search_mb", "zip_mb", "corpus_json_mb", "fixed_assets_mb"))),
        ("Site less theme assets, per page / per address, redirects included (KB)",
         lambda r: f"{r['site_kb_per_page']:.0f} / {r.get('site_kb_per_address', r['site_kb_per_page']):.0f}"),
        ("HTML beyond the page's own Markdown, per page (KB: the theme's share of a page; redirect pages left out)",
         lambda r: f"{r['html_beyond_markdown_kb_per_page']:.1f}"),
        ("Median / largest page (KB)", lambda r: f"{r['median_page_kb']:.0f} / {r['largest_page_kb']:.0f}"),
        ("Largest page (path)", lambda r: f"`{r['largest_page']}`"),
        ("Largest index page (not an instrument's own text) (KB)", lambda r: f"{r['largest_index_page_kb']:.0f}"),
        # All of search/: Material's search_index.js/.json (the configuration) and the store the worker reads
        ("Search files (MB)", lambda r: f"{r['site_parts']['search_mb']:.1f}"),
        ("First search result from file://, from the last key, on a page just opened (s)",
         lambda r: f"{r['first_result_on_opened_page_seconds']:.2f}" if "first_result_on_opened_page_seconds" in r else "–"),
        ("… once the search has answered a query on the page (s)", lambda r: f"{r['first_search_result_seconds']:.2f}"),
        ("Page answers a click after opening (s)",
         lambda r: f"{r['page_answers_seconds']:.2f}" if "page_answers_seconds" in r else "–"),
    ]
    rows.append(("This machine: a fixed pure-Python loop (s)", lambda r: f"{r.get('machine_loop_seconds', 0):.2f}"))
    head = "| Measure | " + " | ".join(f"N = {r['n']}" for r in results) + " |\n|---|" + "---|" * len(results) + "\n"
    return head + "".join(f"| {name} | " + " | ".join(cell(r) for r in results) + " |\n" for name, cell in rows)


def targets_list(results: list[dict]) -> str:
    """The targets of issue 7, each with the measured value and whether it is met."""
    first, last = results[0], results[-1]
    rows = [
        (f"Corpus stage at N = {first['n']} under 1 s", f"{first['corpus_seconds']:.2f} s", first["corpus_seconds"] < 1),
        (f"Corpus stage per version at N = {last['n']} within 1.3 times N = {first['n']}",
         f"{last['corpus_ms_per_version'] / first['corpus_ms_per_version']:.2f} times",
         last["corpus_ms_per_version"] <= 1.3 * first["corpus_ms_per_version"]),
        (f"Whole build at N = {last['n']} at most 1.25 times bare Material", f"{last['whole_build_over_bare']:.2f} times",
         last["whole_build_over_bare"] <= 1.25),
        (f"Median page at N = {last['n']} under 40 KB", f"{last['median_page_kb']:.0f} KB", last["median_page_kb"] < 40),
        (f"Index pages at N = {last['n']} under 150 KB (text pages may be longer by their own text)",
         f"{last['largest_index_page_kb']:.0f} KB", last["largest_index_page_kb"] < 150),
        (f"Site at N = {last['n']} under 30 KB a page plus the theme assets", _site_per_page(last), last["site_kb_per_page"] < 30),
        (f"First search result at N = {last['n']} under 1 s from file://, from the last key, on a page just opened",
         f"{last.get('first_result_on_opened_page_seconds', float('nan')):.2f} s", last.get("first_result_on_opened_page_seconds", 99) < 1),
        (f"… and once the search has answered a query on the page", f"{last['first_search_result_seconds']:.2f} s",
         last["first_search_result_seconds"] < 1),
    ]
    return "".join(f"- {'met' if ok else '**not met**'}: {name} ({value})\n" for name, value, ok in rows)


def _site_per_page(result: dict) -> str:
    """The site's size a page, and what it is made of: each page's text is in its HTML, the search
    files, the zip and corpus.json."""
    parts = (("HTML", "html_mb"), ("search", "search_mb"), ("zip", "zip_mb"), ("corpus.json", "corpus_json_mb"))
    shares = ", ".join(f"{label} {result['site_parts'][key] * 1e3 / result['pages']:.0f}" for label, key in parts)
    return f"{result['site_kb_per_page']:.0f} KB a page: {shares}"


def write_report(results: list[dict]) -> str:
    """docs/benchmarks.md from the results; returns the table."""
    table = markdown_table(results)
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    # Out of search: with this page in the index, Material's search found nothing for "IPv6" (seen,
    # not understood; its numbers are of no use to a search anyway).
    (ROOT / "docs" / "benchmarks.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# Benchmarks\n\nMeasured by `make bench` (bench/run.py) on synthetic corpora made from the real sources by "
        f"bench/scale_corpus.py; medians of {results[0]['runs']} runs; {machine}.\n\n" + table
        + "\n## Targets\n\n" + targets_list(results), encoding="utf-8")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (the median is reported)")
    parser.add_argument("--report-only", action="store_true", help="rewrite docs/benchmarks.md from bench/results.json")
    args = parser.parse_args(argv)
    results_file = ROOT / "bench" / "results.json"
    if args.report_only:
        print(write_report(json.loads(results_file.read_text(encoding="utf-8"))))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(n, args.runs, Path(folder)) for n in args.sizes]
    results_file.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(write_report(results))
    return 0

if __name__ == "__main__":
    sys.exit(main())
