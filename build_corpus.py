#!/usr/bin/env python3
"""Build the Markdown pages and corpus.json of the ITU resolutions site from sources/.

Commands:
  build   parse every source and write pages into the docs folder (default)
  check   parse and validate everything, write nothing; exit 1 on errors (and warnings with --strict)
  report  what the sources change against a previous corpus.json or a git ref (Markdown to stdout)

Problems are printed to stderr as path:line:col: message, with the line and a caret.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus.conserve import check_conservation
from corpus.model import Diagnostic
from corpus.pipeline import build_corpus
from corpus.render import corpus_json, render_site
from corpus.report import report_changes
from corpus.timing import stage
from corpus.write import write_pages

ROOT = Path(__file__).resolve().parent


def format_diagnostic(diagnostic: Diagnostic, root: Path) -> str:
    """'path:line:col: warning: message', then the source line and a caret under the column."""
    head = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}: {diagnostic.severity}: {diagnostic.message}"
    try:
        line = _lines_of(root / diagnostic.path)[diagnostic.line - 1]
    except (OSError, IndexError):
        return head
    # Shown to an editor's terminal: control characters become '?', keeping the caret's column.
    shown = "".join("?" if ch < " " or "\x7f" <= ch < "\xa0" else ch for ch in line.replace("\t", " ")[:200])
    return f"{head}\n    {shown}\n    {' ' * (min(diagnostic.col, len(shown) + 1) - 1)}^"


@functools.lru_cache(maxsize=8)  # a source with many warnings is read once, not once per warning
def _lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").split("\n")


def _previous_corpus(against: str) -> dict | None:  # type: ignore[type-arg]
    """corpus.json data of a file, or of the sources at a git ref (built in a temporary folder)."""
    path = Path(against)
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", against, "sources"], capture_output=True, check=False)
        if archive.returncode:
            return None
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        old_corpus, old_histories, _ = build_corpus(Path(folder) / "sources")
        return json.loads(corpus_json(old_corpus, old_histories))


class _WideHelp(argparse.HelpFormatter):
    """Help text at a fixed width, so that the copy in the README stays identical."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=100)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: returns the exit code."""
    # The build makes millions of small objects that live to its end: the cyclic collector would
    # walk them again and again (7% of the corpus stage at 10 times the corpus) and free next to
    # nothing (the same peak memory without it). Back on after: make serve runs this in its process.
    gc.disable()
    try:
        return _build(argv)
    finally:
        gc.enable()


def _build(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="build_corpus.py", description=__doc__.split("\n\n")[0], formatter_class=_WideHelp,
        epilog="Exit status: 0 on success, 1 when a source has an error (or a warning, with --strict).",
    )
    parser.add_argument("command", nargs="?", choices=("build", "check", "report"), default="build",
                        help="build (default): write pages; check: validate only, write nothing; "
                        "report: what changed against --against")
    parser.add_argument("--sources", type=Path, default=ROOT / "sources", help="folder of .txt sources with .yml metadata")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="docs folder to write pages into")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--against", default="HEAD", help="report: a corpus.json file or a git ref (default HEAD)")
    args = parser.parse_args(argv)
    corpus, histories, attached = build_corpus(args.sources)
    with stage("render"):
        pages = render_site(corpus, histories, attached)
    with stage("conserve"):
        diagnostics = [*corpus.diagnostics, *check_conservation(corpus, histories, pages)]
    _lines_of.cache_clear()  # make serve builds again in this process after an edit
    for diagnostic in diagnostics:
        print(format_diagnostic(diagnostic, args.sources.parent), file=sys.stderr)
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    failed = errors > 0 or (args.strict and warnings > 0)
    summary = f"{len(corpus.sources)} sources, {len(corpus.versions)} versions of {len(histories)} works; {errors} errors, {warnings} warnings"
    if args.command == "check" or failed:
        print(summary, file=sys.stderr)
        return 1 if failed else 0
    if args.command == "report":
        previous = _previous_corpus(args.against)
        if previous is None:
            print(f"build_corpus.py: --against {args.against!r} is neither a corpus.json file nor a git ref", file=sys.stderr)
            return 1
        print(report_changes(previous, json.loads(pages["corpus.json"])))
        return 0
    with stage("write"):
        changed = write_pages(args.out, pages)
    print(f"{summary}; {changed} files written to {args.out}", file=sys.stderr)
    return 0

if __name__ == "__main__":
    sys.exit(main())
