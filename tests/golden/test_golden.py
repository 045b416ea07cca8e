"""Golden record of each source's structure: regenerate with `pytest --update-goldens`.

A failure shows the unified diff between the stored golden and what the build now produces;
read it, and if the change is intended, update the goldens and commit them with the change.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from corpus.marks import reading_text

GOLDEN = Path(__file__).parent
SOURCES = sorted(p.stem for p in (GOLDEN.parent.parent / "sources").glob("*.txt"))


def _short(runs, width: int = 72) -> str:
    return " ".join(reading_text(runs).split())[:width]


def _block_line(block) -> str:
    shape = f" {len(block.rows)}x{max((len(r) for r in block.rows), default=0)}" if block.kind == "table" else ""
    flags = f" [{','.join(block.flags)}]" if block.flags else ""
    return f"  {block.line:>5} {block.kind:<8} {block.anchor} {block.label!r}{shape}{flags} | {_short(block.inlines)}"


def describe(source_id: str, built) -> str:
    corpus, _, attached = built
    out = []
    for version in (v for v in corpus.versions if v.source == source_id):
        h = version.heading
        out.append(f"{version.id} lines {version.line}-{version.end_line} action={h.action or '-'} revision={h.revision!r}")
        out.append(f"  title | {_short(version.title, 200)}")
        out += [_block_line(block) for block in version.blocks]
        out += [f"  footnote {n.key} label={n.label!r} line {n.line} | {_short(n.inlines)}" for n in version.footnotes]
        out += [f"  attached{_block_line(block)}" for block in attached.get(str(version.id), [])]
    document = next(d for d in corpus.documents if d.source.id == source_id)
    out.append(f"document {source_id}")
    out += [_block_line(block) for block in document.blocks]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("source_id", SOURCES)
def test_structure_matches_golden(source_id, built, update_goldens):
    path = GOLDEN / f"{source_id}.txt"
    actual = describe(source_id, built)
    if update_goldens or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update_goldens:
            pytest.fail(f"golden {path.name} was missing and has been written; review and commit it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), f"golden/{path.name}", "current build", lineterm="", n=1)
        pytest.fail("structure differs from the golden (run pytest --update-goldens if intended):\n" + "\n".join(list(diff)[:200]))
