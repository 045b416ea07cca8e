"""MkDocs hook: `mkdocs build` converts the pages' Markdown on two cores instead of one.

Converting Markdown to HTML is about two thirds of `mkdocs build` for this site, and MkDocs does
it page after page in one process. After the navigation is known (on_nav), this hook forks one
worker that runs MkDocs' own `_populate_page` (read, plugin events, Markdown, plugin events) on the
second half of the pages, by size, while MkDocs goes on with the first half in this process. When
MkDocs reaches the first page of the worker's half, the worker's results are read back and set on
those pages, with the messages it logged, which are logged here in page order (so `--strict`
counts them). Everything after that (templates, search index, files written) is MkDocs' own, in
this process: the site is the same, byte for byte, as a build in one process (a test checks it).

If the worker fails in any way, this process converts those pages itself, as MkDocs would have,
so an error in a page is reported by MkDocs as usual. Not under `mkdocs serve` (a threaded server
must not fork, and --dirtyreload renders a few pages), and not with CORPUS_WORKERS=1. Nor when a
plugin other than this folder's hooks acts on a page as it is populated (a tags or blog plugin
gathers data then, and would never see the worker's pages): only ours are known to keep no state.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import tempfile
from dataclasses import dataclass, field
from typing import BinaryIO

from mkdocs.commands import build as mkdocs_build
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from hook_cores import cores

_STATE = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")
"""What _populate_page leaves on a page (besides links_to_anchors, which names File objects)."""
_populate_page = mkdocs_build._populate_page  # MkDocs' own, kept to call and to put back


@dataclass
class _Worker:
    pid: int
    results: BinaryIO
    share: set[str]
    """src_uri of the pages the worker converts."""
    done: dict[str, dict] = field(default_factory=dict)  # type: ignore[type-arg]
    collected: bool = False


_command = ""
_worker: _Worker | None = None
log = logging.getLogger("mkdocs.hooks.parallel_pages")


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = "" if dirty else command


@event_priority(-100)  # last: the navigation as every other plugin left it
def on_nav(nav, config, files):  # noqa: ANN001, ANN201 - MkDocs hook signature
    global _worker
    _worker = None
    if _command not in ("build", "gh-deploy") or cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return nav
    if not _populate_events_are_ours(config):
        log.info("a plugin acts on pages as they are read: the Markdown is converted in this process only")
        return nav
    pages = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)  # as MkDocs' build loop would make it, a moment later
        pages.append(file.page)
    share = _second_half(pages)
    if not share:
        return nav
    results = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _collect, once the worker is done
    pid = os.fork()
    if pid == 0:  # the worker
        _convert_and_exit(share, config, files, results)
    _worker = _Worker(pid, results, {page.file.src_uri for page in share})
    mkdocs_build._populate_page = _populate_or_take
    return nav


def on_env(env, config, files):  # noqa: ANN001, ANN201 - MkDocs hook signature
    """Every page is converted by now: MkDocs' own function goes back in place."""
    global _worker
    mkdocs_build._populate_page = _populate_page
    if _worker is not None and not _worker.collected:
        _collect(_worker)
    _worker = None
    return env


def on_build_error(error: Exception, **kwargs) -> None:  # noqa: ANN003 - MkDocs hook signature
    """A build that fails meanwhile leaves neither the worker running nor MkDocs' function replaced."""
    global _worker
    mkdocs_build._populate_page = _populate_page
    if _worker is not None and not _worker.collected:
        with contextlib.suppress(ProcessLookupError):
            os.kill(_worker.pid, signal.SIGKILL)
        os.waitpid(_worker.pid, 0)
        _worker.results.close()
    _worker = None


_POPULATE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")


def _populate_events_are_ours(config) -> bool:  # noqa: ANN001
    """Whether every handler of the events run while a page is populated is a hook of this folder."""
    here = os.path.dirname(os.path.abspath(__file__))
    for event in _POPULATE_EVENTS:
        for handler in config.plugins.events[event]:
            code = getattr(handler, "__code__", None)
            if code is None or os.path.dirname(os.path.abspath(code.co_filename)) != here:
                return False
    return True


def _second_half(pages: list[Page]) -> list[Page]:
    """The pages after the first half of the Markdown bytes, in MkDocs' order: this process
    converts the first half meanwhile, and needs the worker's results only once it is done."""
    sizes = [os.stat(page.file.abs_src_path).st_size if page.file.abs_src_path else 0 for page in pages]
    total, running = sum(sizes), 0
    for number, size in enumerate(sizes):
        running += size
        if running * 2 >= total:
            return pages[number + 1 :]
    return []


def _convert_and_exit(share: list[Page], config, files, results: BinaryIO) -> None:  # noqa: ANN001
    """In the worker: MkDocs' own conversion of each page, its state and messages written to
    ``results``; never returns."""
    status = 1
    try:
        collector = _Collector()
        for name in ("", "mkdocs", "MARKDOWN"):
            logging.getLogger(name).handlers = [collector]
        done = {}
        for page in share:
            collector.records = []
            _populate_page(page, config, files, False)
            state = {name: getattr(page, name) for name in _STATE}
            links = page.links_to_anchors
            state["links_to_anchors"] = None if links is None else {to.src_uri: anchors for to, anchors in links.items()}
            state["messages"] = collector.records
            done[page.file.src_uri] = state
        pickle.dump(done, results, protocol=pickle.HIGHEST_PROTOCOL)
        results.flush()
        status = 0
    finally:
        os._exit(status)  # no cleanup of the parent's: its files and atexit handlers are not ours


class _Collector(logging.Handler):
    """Keeps the worker's log messages, to be logged again by the parent at their page."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _populate_or_take(page: Page, config, files, dirty: bool = False) -> None:  # noqa: ANN001
    """MkDocs' _populate_page, or for a page of the worker's share, the worker's results."""
    worker = _worker
    if worker is None or page.file.src_uri not in worker.share:
        return _populate_page(page, config, files, dirty)
    if not worker.collected:
        _collect(worker)
    state = worker.done.get(page.file.src_uri)
    if state is None:  # the worker failed: converted here, so that MkDocs reports any error
        return _populate_page(page, config, files, dirty)
    for name, level, message in state.pop("messages"):
        logging.getLogger(name).log(level, message)
    links = state.pop("links_to_anchors")
    for name, value in state.items():
        setattr(page, name, value)
    page.links_to_anchors = None if links is None else {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
    return None


def _collect(worker: _Worker) -> None:
    worker.collected = True
    _, status = os.waitpid(worker.pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        worker.results.seek(0)
        worker.done = pickle.load(worker.results)
        log.info(f"{len(worker.done)} pages of the Markdown converted in a second process")
    else:
        log.info(f"the second process stopped (status {status}): its {len(worker.share)} pages are converted here")
    worker.results.close()
