"""The parallel_pages hook after a failed build: no worker left running, MkDocs' function back."""

import os
import tempfile
import time

from hook_loader import load_hook
from mkdocs.commands import build as mkdocs_build


def test_a_failed_build_stops_the_worker_and_puts_mkdocs_own_function_back():
    hook = load_hook("parallel_pages")
    original = mkdocs_build._populate_page
    pid = os.fork()
    if pid == 0:  # a worker still converting pages
        time.sleep(60)
        os._exit(0)
    hook._worker = hook._Worker(pid, tempfile.TemporaryFile(), {"index.md"})
    mkdocs_build._populate_page = hook._populate_or_take
    hook.on_build_error(RuntimeError("a page failed"))
    assert mkdocs_build._populate_page is original
    assert hook._worker is None
    try:
        os.kill(pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive
