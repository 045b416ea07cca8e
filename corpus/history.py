"""Versions of one work across sources, in conference order, and the work's status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corpus.ids import WorkId, natural_key
from corpus.model import Source, Version


@dataclass(frozen=True, slots=True)
class WorkHistory:
    """A work and every version of it the collection holds."""

    id: WorkId
    """The work id: 'pp/resolution/130'."""
    versions: tuple[Version, ...]
    """Its versions, oldest conference first."""
    status: str
    """'in force', 'suppressed' or 'draft' (only proposed or draft texts are known)."""

    @property
    def latest(self) -> Version:
        """The newest version."""
        return self.versions[-1]


def build_histories(versions: list[Version], sources: dict[str, Source]) -> dict[WorkId, WorkHistory]:
    """Group versions by work, order them by conference year, derive each work's status."""
    grouped: dict[WorkId, list[Version]] = defaultdict(list)
    for version in versions:
        grouped[version.id.work].append(version)
    histories = {}
    for work, members in grouped.items():
        ordered = tuple(sorted(members, key=lambda v: (sources[v.source].meta.year, v.id.conference)))
        histories[work] = WorkHistory(work, ordered, _status(ordered))
    return dict(sorted(histories.items(), key=lambda item: work_sort_key(item[0])))


def _status(versions: tuple[Version, ...]) -> str:
    if versions[-1].heading.action == "SUP":
        return "suppressed"
    if any(version.status == "adopted" for version in versions):
        return "in force"
    return "draft"


def work_sort_key(work: WorkId) -> tuple[str, str, tuple[tuple[int, str], ...]]:
    """Body, kind, then number in natural order (2 before 11, numbers before 'com5-2')."""
    return (work.body, work.kind, natural_key(work.number))
