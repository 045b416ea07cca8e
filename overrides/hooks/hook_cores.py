"""How many processes the hooks may use (not a hook: parallel_pages.py and search_store.py import it;
MkDocs puts a hook's folder on the import path while it loads the hook)."""

from __future__ import annotations

import os


def cores() -> int:
    """CORPUS_WORKERS if set (as for build_corpus.py: 1 keeps everything in one process), else the
    cores this process may run on."""
    wanted = os.environ.get("CORPUS_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
