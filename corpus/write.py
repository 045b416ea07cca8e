"""Write generated pages into docs/: only files whose content changed, stale pages removed.

The list of generated files is kept in docs/.generated so that hand-written pages are never
touched and pages of instruments that disappeared from the sources are deleted.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

MANIFEST = ".generated"


def write_pages(out: Path, pages: dict[str, str]) -> int:
    """Write ``pages`` (docs-relative path -> text) under ``out``; return how many files changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = 0
    for relative, text in sorted(pages.items()):
        target = _inside(out, relative)
        data = text.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(target, data)
        changed += 1
    changed += _remove_stale(out, set(pages))
    _atomic_write(out / MANIFEST, "".join(f"{path}\n" for path in sorted(pages)).encode())
    return changed


def _inside(out: Path, relative: str) -> Path:
    """Refuse any path that would leave the docs folder (ids are slugs, this is a second lock)."""
    target = (out / relative).resolve()
    if out.resolve() not in target.parents:
        raise ValueError(f"refusing to write outside {out}: {relative}")
    return target


def _atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: a page is never half-written."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    os.chmod(temporary, 0o644)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, target)


def _remove_stale(out: Path, current: set[str]) -> int:
    manifest = out / MANIFEST
    if not manifest.exists():
        return 0
    removed = 0
    for relative in manifest.read_text(encoding="utf-8").split():
        if relative not in current and (out / relative).is_file():
            (_inside(out, relative)).unlink()
            removed += 1
    return removed
