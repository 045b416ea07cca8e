"""Seconds spent per pipeline stage, for the benchmark (bench/run.py); negligible cost otherwise."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

SECONDS: dict[str, float] = defaultdict(float)
"""Stage name -> seconds accumulated since the last reset()."""


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time spent in the block to SECONDS[name]."""
    start = time.perf_counter()
    try:
        yield
    finally:
        SECONDS[name] += time.perf_counter() - start


def reset() -> None:
    """Forget earlier measurements."""
    SECONDS.clear()
