"""Run one function over many items on every core, results in input order (deterministic output).

Workers are forked, so they start with the parent's memory (the whole parsed corpus) and receive
only item numbers; what they send back is what the parent keeps (a parsed version, page text,
diagnostics). Where fork is not available, or CORPUS_WORKERS=1, or the items are few, everything
runs in this process. Seconds a worker spends in a timing stage are added to the parent's, so a
stage's time is the sum over processes (it may exceed the wall time).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

from corpus import timing

Shared = TypeVar("Shared")
Result = TypeVar("Result")

_MIN_ITEMS = 8
"""Fewer items than this are not worth the fork."""
_shared: object = None
"""What the current map's function reads, set before the workers fork."""


def worker_count() -> int:
    """CORPUS_WORKERS if set (1 = no worker processes), else the number of usable cores."""
    wanted = os.environ.get("CORPUS_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_in_workers(function: Callable[[Shared, int], Result], count: int, shared: Shared, min_items: int = _MIN_ITEMS,
                   costs: Sequence[float] | None = None) -> list[Result]:
    """[function(shared, 0), …, function(shared, count - 1)], spread over the cores.

    ``function`` must be a module-level function (workers find it by name). ``min_items``: items
    per worker below which a worker is not worth its fork (fewer for items that cost much each).
    ``costs``: a guess of each item's cost; the costliest are handed out first, so that no long
    item is left running alone at the end (results are in input order all the same).
    """
    workers = min(worker_count(), count // min_items)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(shared, index) for index in range(count)]
    order = sorted(range(count), key=lambda index: -costs[index]) if costs else list(range(count))
    global _shared
    _shared = shared
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # Small chunks: items differ in cost (a comparison page costs many version pages).
            timed = pool.map(_call, [(function, index) for index in order], chunksize=max(1, count // (workers * 16)))
    finally:
        _shared = None
    results: list[Result] = [None] * count  # type: ignore[list-item]
    for index, (result, seconds) in zip(order, timed):
        results[index] = result
        for name, spent in seconds.items():
            timing.SECONDS[name] += spent
    return results


def _call(job: tuple[Callable[[object, int], object], int]) -> tuple[object, dict[str, float]]:
    function, index = job
    before = dict(timing.SECONDS)
    result = function(_shared, index)
    return result, {name: spent - before.get(name, 0.0) for name, spent in timing.SECONDS.items() if spent != before.get(name, 0.0)}

