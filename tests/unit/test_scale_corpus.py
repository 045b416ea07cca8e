"""The benchmark's corpus scaler: N copies that are N times the collection, not N versions of it."""

import sys
from pathlib import Path

from build_corpus import build_corpus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from scale_corpus import scale  # noqa: E402


def test_two_copies_hold_twice_the_works_and_versions_and_cite_into_their_own_copy(tmp_path):
    real, real_histories, _ = build_corpus(ROOT / "sources")
    scale(2, tmp_path / "sources")
    copied, histories, _ = build_corpus(tmp_path / "sources")
    assert [d for d in copied.diagnostics if d.severity == "error"] == []
    assert len(copied.versions) == 2 * len(real.versions)
    # Provisional numbers (COM5/2, WGPL/1, [WG-PL/7], [COVID-19]) are renumbered too: each copy has works of its own.
    assert len(histories) == 2 * len(real_histories)
    resolved = [c for c in copied.citations if c.to and c.source.endswith("-k1")]
    versions = [c.to for c in resolved if "@" in c.to]
    assert versions and all("-kb-" in to for to in versions)  # a version of its own copy, never of the real one
