"""MkDocs hook: under `mkdocs serve` (make serve), an edit to a source rebuilds its pages.

sources/ is watched as well as docs/; before each rebuild, build_corpus.py writes the pages
(only those whose text changed, so `--dirtyreload` renders just those). A source with an error
leaves the pages as they were; the messages are printed as by `build_corpus.py build`.
`mkdocs build` is untouched: `make site` runs build_corpus.py itself, once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config, **kwargs):  # noqa: ANN001, ANN201 - MkDocs hook signature
    if _serving:
        config["watch"].append(str(_sources(config)))
    return config


def on_pre_build(config, **kwargs) -> None:  # noqa: ANN001 - MkDocs hook signature
    if not _serving:
        return
    root = Path(config["config_file_path"]).resolve().parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from build_corpus import main

    # One process: the preview server runs threads, and forking a threaded process is unsafe.
    os.environ.setdefault("CORPUS_WORKERS", "1")
    main(["build", "--sources", str(_sources(config)), "--out", str(config["docs_dir"])])


def _sources(config) -> Path:  # noqa: ANN001
    return Path(config["config_file_path"]).resolve().parent / "sources"
