"""MkDocs hook: after the build, pack the whole offline site into downloads/ as one zip.

The zip is deterministic (sorted names, fixed timestamps) so that two builds of the same sources
give the same file; it leaves itself out.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from mkdocs.plugins import event_priority

ZIP_PATH = "downloads/itu-resolutions-site.zip"
_EPOCH = (2000, 1, 1, 0, 0, 0)


@event_priority(-200)  # after the offline plugin (-100) has written search/search_index.js
def on_post_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs hook signature
    site = Path(config["site_dir"])
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"itu-resolutions-site/{path.relative_to(site).as_posix()}", _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
