#!/usr/bin/env python3
"""Make a synthetic corpus N times the size of the real one, from the real sources.

Copy k (k = 1 … N-1) of every source gets renamed conferences ("Dubai, 2018" -> "Dubai Kb, 2018"),
instruments renumbered by 1000 * k ("Resolution 71" -> "Resolution 1071", in headings and in
citations alike, so citations keep pointing into the same copy and the link density stays real),
and its own metadata. Copy 0 is the real corpus. The output is a sources folder the normal build reads.

    python bench/scale_corpus.py 10 /tmp/sources-x10
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = re.compile(r"\b(Dubai|Busan|Geneva|Council)([ \u00a0]*,?[ \u00a0]*)(2018|2014|2021|2020)\b", re.IGNORECASE)
TARGET = re.compile(r"([a-z0-9-]+/[a-z]+/)(\d+)@([a-z]+)-(\d{4})")
NUMBERED = re.compile(r"\b(Resolutions?|Decisions?|Recommendations?|Opinions?)([ \u00a0]+)(\d{1,4})\b", re.IGNORECASE)
# Provisional numbers ("COM5/2", "WGPL/1", "[WG-PL/7]", "[COVID-19]") are renumbered too: left
# alone, every copy would add a version of the same work (COM5/2 with N versions, N - 1 comparisons).
PROVISIONAL = re.compile(r"\b(WGPL|WG-PL|COM\d)/(\d+)\b|\[(COVID)-(\d+)\]")


def suffix(k: int) -> str:
    """A place-name suffix made of letters only (headings allow no digits in a place): 'Kb', 'Kc', …"""
    letters = ""
    while True:
        k, rest = divmod(k, 26)
        letters = chr(ord("a") + rest) + letters
        if not k:
            return "K" + letters


def rename(text: str, k: int) -> str:
    """Rename this copy's conferences and renumber its instruments."""
    text = PLACES.sub(lambda m: f"{m.group(1)} {suffix(k)}{m.group(2) or ' '}{m.group(3)}", text)
    text = PROVISIONAL.sub(_provisional(k), text)
    return NUMBERED.sub(lambda m: f"{m.group(1)}{m.group(2)}{int(m.group(3)) + 1000 * k}", text)


def _provisional(k: int) -> Callable[[re.Match[str]], str]:
    def renumber(m: re.Match[str]) -> str:
        if m.group(1):
            return f"{m.group(1)}/{int(m.group(2)) + 1000 * k}"
        return f"[{m.group(3)}-{int(m.group(4)) + 1000 * k}]"
    return renumber


def scale(n: int, out: Path) -> int:
    """Write n copies of sources/ into ``out``; return the number of source files written."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "topics.yml", out / "topics.yml")
    written = 0
    for text_path in sorted((ROOT / "sources").glob("*.txt")):
        meta = text_path.with_suffix(".yml").read_text(encoding="utf-8")
        text = text_path.read_text(encoding="utf-8")
        for k in range(n):
            stem = text_path.stem if k == 0 else f"{text_path.stem}-k{k}"
            (out / f"{stem}.txt").write_text(text if k == 0 else rename(text, k), encoding="utf-8")
            (out / f"{stem}.yml").write_text(meta if k == 0 else _meta(meta, k), encoding="utf-8")
            written += 1
    return written


def _meta(meta: str, k: int) -> str:
    lines = []
    for line in meta.split("\n"):
        key = line.split(":", 1)[0]
        if line.startswith("    target:"):
            line = TARGET.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + 1000 * k}@{m.group(3)}-{suffix(k).lower()}-{m.group(4)}", line)
        lines.append(rename(line, k) if key in ("conference", "title", "symbol") else line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many times the real corpus")
    parser.add_argument("out", type=Path, help="sources folder to create (replaced if it exists)")
    args = parser.parse_args(argv)
    print(f"{scale(args.n, args.out)} source files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
