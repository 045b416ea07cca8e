"""Write generated pages into docs/: only files whose content changed, stale pages removed.

Every changed file is first written in full to a staging folder inside docs/ (same file system),
and only when all of them are written are they renamed into place: a build that fails while
writing leaves docs/ as it was. The list of generated files is kept in docs/.generated, so that
hand-written pages are never touched and pages of instruments that disappeared are deleted.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path, PurePosixPath

MANIFEST = ".generated"


def write_pages(out: Path, pages: dict[str, str]) -> int:
    """Write ``pages`` (docs-relative path -> text) under ``out``; return how many files changed."""
    out.mkdir(parents=True, exist_ok=True)
    out = out.resolve()
    changed = {}
    for relative, text in sorted(pages.items()):
        target = _inside(out, relative)
        data = text.encode("utf-8")
        if not _same(target, data):
            changed[target] = data
    if changed:
        _stage_and_rename(out, changed)
    removed = _remove_stale(out, set(pages))
    # Rewritten only when it changes: under `mkdocs serve` every write in docs/ starts a rebuild.
    manifest = "".join(f"{path}\n" for path in sorted(pages)).encode("utf-8")
    if not _same(str(out / MANIFEST), manifest):
        (out / MANIFEST).write_bytes(manifest)
    return len(changed) + removed


def _stage_and_rename(out: Path, changed: dict[str, bytes]) -> None:
    staging = Path(tempfile.mkdtemp(dir=out, prefix=".staging-"))
    try:
        # Staged flat, by number: no folder tree to make twice and remove again.
        for number, data in enumerate(changed.values()):
            staged = staging / str(number)
            staged.write_bytes(data)
            os.chmod(staged, 0o644)
        made: set[str] = set()  # folders made already: one mkdir per folder, not per page
        for number, target in enumerate(changed):  # renames only: quick, and no half-written page is ever visible
            _make_folder(os.path.dirname(target), made)
            os.replace(staging / str(number), target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# Targets are plain strings, checked once: at a few hundred pages, pathlib's parsing of each
# path again (check, compare, rename) cost a third of the writing.
def _same(target: str, data: bytes) -> bool:
    try:
        status = os.stat(target)
    except OSError:
        return False
    if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
        return False
    with open(target, "rb") as file:
        return file.read() == data


def _make_folder(folder: str, made: set[str]) -> None:
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _inside(out: Path, relative: str) -> str:
    """Refuse any path that would leave the docs folder ``out`` (resolved), such as '../x' or '/x':
    ids are slugs, this is a second lock."""
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] == "/" or any(part in ("..", ".", "") for part in parts) or "\\" in relative:
        raise ValueError(f"refusing to write outside {out}: {relative}")
    return os.path.join(out, *parts)


def _remove_stale(out: Path, current: set[str]) -> int:
    manifest = out / MANIFEST
    if not manifest.exists():
        return 0
    removed = 0
    for relative in manifest.read_text(encoding="utf-8").split():
        if relative not in current and (out / relative).is_file():
            os.unlink(_inside(out, relative))
            removed += 1
    return removed
