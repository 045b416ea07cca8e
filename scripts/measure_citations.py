"""Measure citation finding and linking against the hand-labelled gold set.

    python scripts/measure_citations.py [--gold tests/data/citations_gold.yaml] [--verbose]

Prints, to stdout, precision and recall of FINDING (every citation find_citations() returns on
the gold lines against the gold citations, matched by line + kind + number) and of LINKING
(precision: of the links made, how many go to the right body, work and version; recall: of the
gold citations whose target is in the collection, how many get that link), and how often the
body, revision and span of a found citation equal the gold's. Mismatches go to stderr with
--verbose. Exit status 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.cite import find_citations
from corpus.clean import clean_line
from corpus.model import Citation, CiteContext
from corpus.resolve import resolve_citation

# Marks that carry no citation text, removed before searching (the reading text of a line).
FOOTNOTE_REF = re.compile(r"\[footnoteRef:\d+\]\d*")
FOOTNOTE_TEXT = re.compile(r"[ \t]*\[\d+:[ \t]*\d*[ \t]*([^\]\n]*)\]")
DELETION = re.compile(r"~~.*?~~")
INSERTION = re.compile(r"\[((?:[^\[\]]|\\\[|\\\])*)\]\(#\)")
MD_ESCAPE = re.compile(r"\\([()\[\]*_~#.\-+!`])")
SPACES = re.compile(r"(?<=\S)  +")


@dataclass
class Found:
    """A citation found on a gold line, with the link resolve_citation() gives it."""

    line: int
    source: str
    citation: Citation
    target: str | None


def reading_parts(raw: str) -> list[str]:
    """A source line as searched: running text first, then each footnote text."""
    line = clean_line(raw)
    line = FOOTNOTE_REF.sub("", line)
    line = DELETION.sub("", line)
    line = INSERTION.sub(r"\1", line)
    line = MD_ESCAPE.sub(r"\1", line)
    line = SPACES.sub(" ", line)
    notes = [match.group(1) for match in FOOTNOTE_TEXT.finditer(line)]
    return [FOOTNOTE_TEXT.sub("", line), *notes]


def context_of(gold: dict[str, Any], entry: dict[str, Any]) -> CiteContext:
    """The CiteContext of a gold line: its source's body and conference, its instrument."""
    source = gold["contexts"][entry["source"]]
    kind, _, number = (entry.get("instrument") or "").partition("/")
    return CiteContext(source["body"], kind, number, source["conference"], source["year"])


def find_on_line(gold: dict[str, Any], entry: dict[str, Any], sources: Path) -> list[Found]:
    """Everything find_citations() finds on one gold line, resolved against the gold corpus."""
    lines = (sources / entry["source"]).read_text(encoding="utf-8").split("\n")
    context = context_of(gold, entry)
    found = []
    for part in reading_parts(lines[entry["line"] - 1]):
        for citation in find_citations(part, context):
            target, _note = resolve_citation(citation, context, gold["corpus"])
            found.append(Found(entry["line"], entry["source"], citation, target))
    return found


Gold = dict[str, Any]


def pair(expected: list[Gold], found: list[Found]) -> tuple[list[tuple[Gold, Found]], list[Gold], list[Found]]:
    """Match gold and found citations of one line by kind + number (text, then revision, break ties)."""
    left = list(found)
    pairs: list[tuple[Gold, Found]] = []
    missed: list[Gold] = []
    for gold in expected:
        same = [f for f in left if f.citation.kind == gold["kind"] and f.citation.number == str(gold["number"])]
        same.sort(key=lambda f: (f.citation.text != gold["text"], f.citation.revision != gold["revision"]))
        if same:
            pairs.append((gold, same[0]))
            left.remove(same[0])
        else:
            missed.append(gold)
    return pairs, missed, left


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def measure(gold: Gold, sources: Path, verbose: bool = False) -> dict[str, float]:
    """Finding and linking precision and recall over the whole gold set."""
    n_gold = n_found = n_matched = 0
    links_made = links_right = linkable = linkable_linked = 0
    fields_right = {"body": 0, "revision": 0, "text": 0}
    for entry in gold["lines"]:
        found = find_on_line(gold, entry, sources)
        pairs, missed, extra = pair(entry["expect"], found)
        n_gold += len(entry["expect"])
        n_found += len(found)
        n_matched += len(pairs)
        for item in missed:
            _say(verbose, f"{entry['source']}:{entry['line']}: missed {item['text']!r}")
        for spurious in extra:
            _say(verbose, f"{entry['source']}:{entry['line']}: extra {spurious.citation.text!r}")
            links_made += spurious.target is not None
        for expected, match in pairs:
            for name in fields_right:
                right = getattr(match.citation, name) == str(expected[name])
                fields_right[name] += right
                if not right:
                    _say(verbose, f"{entry['source']}:{entry['line']}: {expected['text']!r} {name} "
                         f"{getattr(match.citation, name)!r}, expected {expected[name]!r}")
            if match.target is not None:
                links_made += 1
                links_right += match.target == expected["target"]
            if expected["target"] is not None:
                linkable += 1
                linkable_linked += match.target == expected["target"]
            if match.target != expected["target"]:
                _say(verbose, f"{entry['source']}:{entry['line']}: {expected['text']!r} linked to "
                     f"{match.target!r}, expected {expected['target']!r}")
    return {
        "gold citations": n_gold,
        "found citations": n_found,
        "finding precision": ratio(n_matched, n_found),
        "finding recall": ratio(n_matched, n_gold),
        "links made": links_made,
        "linking precision": ratio(links_right, links_made),
        "linkable gold citations": linkable,
        "linking recall": ratio(linkable_linked, linkable),
        **{f"{name} accuracy": ratio(right, n_matched) for name, right in fields_right.items()},
    }


def _say(verbose: bool, message: str) -> None:
    if verbose:
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "citations_gold.yaml")
    parser.add_argument("--sources", type=Path, default=ROOT / "sources")
    parser.add_argument("--verbose", action="store_true", help="list every mismatch on stderr")
    args = parser.parse_args(argv)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    for name, value in measure(gold, args.sources, args.verbose).items():
        print(f"{name:26} {value:.4f}" if isinstance(value, float) else f"{name:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
