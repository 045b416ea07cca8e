"""Build the corpus and the MkDocs site into a temporary copy of the project (for integration tests)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(work: Path, sources: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Copy config, overrides and hand-written docs to ``work``, run build_corpus and mkdocs --strict."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", work / "overrides", dirs_exist_ok=True)
    for relative in _hand_written_docs():
        (work / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, work / relative)
    corpus = subprocess.run(
        [sys.executable, str(ROOT / "build_corpus.py"), "build", "--sources", str(sources or ROOT / "sources"), "--out", str(work / "docs")],
        capture_output=True, text=True, check=False,
    )
    if corpus.returncode:
        return corpus
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"), "-d", str(work / "site")],
        capture_output=True, text=True, check=False, cwd=work, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def _hand_written_docs() -> list[str]:
    """The files of docs/ that git tracks: hand-written pages and assets (the rest is generated)."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "docs"], capture_output=True, text=True, check=True)
    return listed.stdout.split()
