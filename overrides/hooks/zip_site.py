"""MkDocs hook: pack the whole offline site into downloads/ as one zip.

Each page goes into the zip as soon as MkDocs has written it, compressed by a thread of its own
(zlib works outside Python's lock, so on the second core while MkDocs renders the next pages);
after the build, the files that are not pages (assets, search index, sitemap, corpus.json) follow
in name order. The zip is deterministic (the same order and fixed timestamps for the same sources);
it leaves itself out, and the search index as JSON: the zip is read from file://, where Material's
search loads search/search_index.js (the offline plugin's copy), never the .json a web server
gives. `mkdocs serve` (make serve) makes none.
"""

from __future__ import annotations

import queue
import threading
import zipfile
from pathlib import Path

from mkdocs.plugins import event_priority

ZIP_PATH = "downloads/itu-resolutions-site.zip"
LEFT_OUT = (ZIP_PATH, "search/search_index.json")
_FOLDER = "itu-resolutions-site"
_EPOCH = (2000, 1, 1, 0, 0, 0)
# zlib level 3, not the default 6: half the time (4.4 -> 1.7 s at 10 times the corpus) for a zip
# 14% larger; the zip is made at every build, downloaded once.
_LEVEL = 3


class _Packer:
    """Writes entries into the zip in the order they are given, in a thread of its own."""

    def __init__(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.archive = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED)
        self.packed: set[str] = set()
        self.failure: BaseException | None = None
        self._entries: queue.Queue[tuple[str, bytes] | None] = queue.Queue(maxsize=64)  # a few pages in memory at most
        self._thread = threading.Thread(target=self._run, name="zip_site", daemon=True)
        self._thread.start()

    def add(self, relative: str, data: bytes) -> None:
        self.packed.add(relative)
        self._entries.put((relative, data))

    def close(self) -> None:
        self._entries.put(None)
        self._thread.join()
        if self.failure is not None:
            raise self.failure

    def _run(self) -> None:
        with self.archive:
            while (entry := self._entries.get()) is not None:
                if self.failure is None:
                    try:
                        info = zipfile.ZipInfo(f"{_FOLDER}/{entry[0]}", _EPOCH)
                        info.compress_type = zipfile.ZIP_DEFLATED
                        self.archive.writestr(info, entry[1], compresslevel=_LEVEL)
                    except BaseException as error:  # noqa: BLE001 - raised again by close(), in MkDocs' thread
                        self.failure = error


_serving = False
"""True under `mkdocs serve`: the live preview rebuilds at every edit and needs no zip."""
_packer: _Packer | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-1000)  # last: the page as it is written to the site
def on_post_page(output: str, page, config) -> str:  # noqa: ANN001 - MkDocs hook signature
    global _packer
    if _serving or not output.strip():  # MkDocs writes no file for an empty page
        return output
    if _packer is None:  # the first page: site/ has been cleaned by now
        _packer = _Packer(Path(config["site_dir"]) / ZIP_PATH)
    # The bytes MkDocs writes (mkdocs.commands.build._build_page).
    _packer.add(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))
    return output


@event_priority(-200)  # after the offline plugin (-100) has written search/search_index.js
def on_post_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs hook signature
    global _packer
    if _serving:
        return
    site = Path(config["site_dir"])
    packer, _packer = _packer or _Packer(site / ZIP_PATH), None
    try:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            relative = path.relative_to(site).as_posix()
            if relative not in packer.packed and relative not in LEFT_OUT:
                packer.add(relative, path.read_bytes())
    finally:
        packer.close()


def on_build_error(error: Exception, **kwargs) -> None:  # noqa: ANN003 - MkDocs hook signature
    """A failed build leaves no thread behind (the zip it began is removed with the next build)."""
    global _packer
    if _packer is not None:
        _packer, packer = None, _packer
        try:
            packer.close()
        except BaseException:  # noqa: BLE001, S110 - the build's own error is the one to report
            pass
