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
print(json.dumps({{"seconds": seconds, "stages": dict(timing.SECONDS),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

BARE_CONFIG = """site_name: bare
docs_dir: docs
use_directory_urls: false
theme: {{name: material}}
markdown_extensions: [toc, attr_list, md_in_html, tables, footnotes, pymdownx.superfences, {{pymdownx.tabbed: {{alternate_style: true}}}}]
nav: {nav}
"""


def corpus_stage(sources: Path, docs: Path) -> dict:
    script = STAGE_SCRIPT.format(root=str(ROOT), sources=str(sources), docs=str(docs))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def mkdocs_build(config: Path, site: Path) -> float:
    if site.exists():
        shutil.rmtree(site)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def site_sizes(site: Path) -> dict:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    return {"pages": len(pages), "site_mb": total / 1e6, "median_page_kb": statistics.median(pages) / 1e3,
            "largest_page_kb": max(pages) / 1e3, "search_index_mb": index.stat().st_size / 1e6 if index.exists() else 0.0}


def first_search_result(site: Path, query: str = "child online protection") -> float:
    """Seconds from typing the last key to the first result, from file:// in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query[:-1])
        start = time.perf_counter()
        box.press(query[-1])
        page.wait_for_selector(".md-search-result__item", timeout=60_000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


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
    ours = [mkdocs_build(project / "mkdocs.yml", project / "site") for _ in range(runs)]
    sizes = site_sizes(project / "site")
    search = statistics.median(first_search_result(project / "site") for _ in range(runs))
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
        "whole_build_over_bare": (corpus_seconds + statistics.median(ours)) / statistics.median(bare),
        "first_search_result_seconds": search, **sizes,
    }


def markdown_table(results: list[dict]) -> str:
    rows = [
        ("Sources / versions", lambda r: f"{r['sources']} / {r['versions']}"),
        ("Corpus stage (s)", lambda r: f"{r['corpus_seconds']:.2f}"),
        ("Corpus stage per version (ms)", lambda r: f"{r['corpus_ms_per_version']:.2f}"),
        ("Corpus stage peak memory (MB)", lambda r: f"{r['corpus_peak_mb']:.0f}"),
        ("Stages read / segment / parse / cite / resolve / history / render / write (s)",
         lambda r: " / ".join(f"{r['stages'].get(s, 0):.2f}" for s in ("read", "segment", "parse", "cite", "resolve", "history", "render", "write"))),
        ("mkdocs build, our config (s)", lambda r: f"{r['mkdocs_seconds']:.1f}"),
        ("mkdocs build, bare Material (s)", lambda r: f"{r['bare_mkdocs_seconds']:.1f}"),
        ("Whole build / bare Material", lambda r: f"{r['whole_build_over_bare']:.2f}"),
        ("HTML pages", lambda r: str(r["pages"])),
        ("Site size (MB)", lambda r: f"{r['site_mb']:.1f}"),
        ("Median / largest page (KB)", lambda r: f"{r['median_page_kb']:.0f} / {r['largest_page_kb']:.0f}"),
        ("Search index (MB)", lambda r: f"{r['search_index_mb']:.1f}"),
        ("First search result from file:// (s)", lambda r: f"{r['first_search_result_seconds']:.2f}"),
    ]
    head = "| Measure | " + " | ".join(f"N = {r['n']}" for r in results) + " |\n|---|" + "---|" * len(results) + "\n"
    return head + "".join(f"| {name} | " + " | ".join(cell(r) for r in results) + " |\n" for name, cell in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (the median is reported)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(n, args.runs, Path(folder)) for n in args.sizes]
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    table = markdown_table(results)
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    # Out of search: with this page in the index, Material's search found nothing for "IPv6" (seen,
    # not understood; its numbers are of no use to a search anyway).
    (ROOT / "docs" / "benchmarks.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# Benchmarks\n\nMeasured by `make bench` (bench/run.py) on synthetic corpora made from the real sources by "
        f"bench/scale_corpus.py; medians of {args.runs} runs; {machine}.\n\n" + table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
