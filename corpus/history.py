"""Versions of one work across sources, in conference order; the work's status; revisions the
sources mention but the collection does not hold; and the conferences and what each did."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corpus.ids import WorkId, file_slug, natural_key
from corpus.model import CitationRecord, Source, Version
from corpus.segment import normalize_revision


@dataclass(frozen=True, slots=True)
class KnownRevision:
    """A revision of a work that a source names but the collection does not hold."""

    revision: str
    """Normalised revision: 'Rev. Guadalajara, 2010'."""
    year: int
    """Its year, for ordering the timeline."""
    evidence: str
    """Where it is named, for the reader: 'struck from the heading of … (line 130)'."""


@dataclass(frozen=True, slots=True)
class WorkHistory:
    """A work and every version of it the collection holds."""

    id: WorkId
    """The work id: 'pp/resolution/130'."""
    versions: tuple[Version, ...]
    """Its versions, oldest conference first."""
    status: str
    """'in force', 'suppressed' or 'draft' (only proposed or draft texts are known)."""
    known: tuple[KnownRevision, ...] = ()
    """Earlier revisions named in headings but absent from the collection, oldest first."""

    @property
    def latest(self) -> Version:
        """The newest version."""
        return self.versions[-1]

    @property
    def comparable_pairs(self) -> list[tuple[Version, Version]]:
        """Consecutive versions that both have a text (a SUP entry has none to compare)."""
        texts = [version for version in self.versions if version.blocks]
        return list(zip(texts, texts[1:]))

    @property
    def last_text(self) -> Version | None:
        """The newest version that has a text (a SUP entry has only heading and title)."""
        return next((v for v in reversed(self.versions) if v.blocks), None)

    def page_of(self, version: Version) -> WorkId:
        """The page that shows a version: the work's for a latest version with a text (the work page
        shows it in full, so its own page only redirects there and no text is in the site twice)."""
        return self.id if version.id == self.latest.id and version.blocks else version.id


@dataclass(frozen=True, slots=True)
class Conference:
    """A conference or session whose texts the collection holds."""

    slug: str
    """Page slug: 'pp-busan-2014'."""
    name: str
    """'Plenipotentiary Conference (Busan, 2014)'."""
    year: int
    """Year, for ordering."""
    versions: tuple[Version, ...]
    """Every version it adopted, proposed or suppressed, in source order."""


def build_histories(
    versions: list[Version], sources: dict[str, Source], citations: tuple[CitationRecord, ...] = ()
) -> dict[WorkId, WorkHistory]:
    """Group versions by work, order them by conference year, derive each work's status; revisions
    named in headings or cited (Rev. Antalya, 2006) but not held join the timeline as known."""
    grouped: dict[WorkId, list[Version]] = defaultdict(list)
    for version in versions:
        grouped[version.id.work].append(version)
    cited: dict[str, list[CitationRecord]] = defaultdict(list)
    for record in citations:
        if record.to and record.citation.revision:
            cited[str(WorkId(*record.to.partition("#")[0].split("@")[0].split("/")))].append(record)
    histories = {}
    for work, members in grouped.items():
        ordered = tuple(sorted(members, key=lambda v: (sources[v.source].meta.year, v.id.conference)))
        known = _known_revisions(ordered, sources, cited.get(str(work), []))
        histories[work] = WorkHistory(work, ordered, _status(ordered), known)
    return dict(sorted(histories.items(), key=lambda item: work_sort_key(item[0])))


def _status(versions: tuple[Version, ...]) -> str:
    if versions[-1].heading.action == "SUP":
        return "suppressed"
    if any(version.status == "adopted" for version in versions):
        return "in force"
    return "draft"


def _known_revisions(
    versions: tuple[Version, ...], sources: dict[str, Source], cited: list[CitationRecord]
) -> tuple[KnownRevision, ...]:
    """Revisions struck from a heading (004: '~~GUADALAJARA, 2010~~BUSAN, 2014'), suppressed, or cited."""
    held = {sources[v.source].meta.conference.casefold() for v in versions}
    candidates: list[tuple[str, str]] = []
    for version in versions:
        heading, path = version.heading, sources[version.source].path
        candidates += [(run.text, f"struck from the heading in {path}, line {heading.line}") for run in heading.revision_marked if run.kind == "del"]
        if heading.action == "SUP" and heading.revision:
            candidates.append((heading.revision, f"the text suppressed in {path}, line {heading.line}"))
    candidates += [(r.citation.revision, f"cited in {sources[r.source].path}, line {r.line}") for r in cited]
    found: dict[str, KnownRevision] = {}
    for printed, evidence in candidates:
        revision = normalize_revision(printed) or normalize_revision(f"Rev. {printed}")
        place_year = revision.removeprefix("Rev. ")
        if revision and place_year.casefold() not in held and place_year not in found:
            found[place_year] = KnownRevision(revision, int(revision[-4:]), evidence)
    return tuple(sorted(found.values(), key=lambda known: known.year))


def work_sort_key(work: WorkId) -> tuple[str, str, tuple[tuple[int, str], ...]]:
    """Body, kind, then number in natural order (2 before 11, numbers before 'com5-2')."""
    return (work.body, work.kind, natural_key(work.number))


def build_conferences(versions: list[Version], sources: dict[str, Source]) -> list[Conference]:
    """One entry per (body, conference) of the sources, oldest first."""
    grouped: dict[tuple[str, str], list[Version]] = defaultdict(list)
    for version in versions:
        meta = sources[version.source].meta
        grouped[(meta.body_name, meta.conference)].append(version)
    conferences = []
    for (body_name, conference), members in grouped.items():
        body = sources[members[0].source].meta.body
        slug = file_slug(conference) if file_slug(body) in file_slug(conference) else file_slug(f"{body}-{conference}")
        name = conference if body_name.casefold() in conference.casefold() else f"{body_name} ({conference})"
        conferences.append(Conference(slug, name, sources[members[0].source].meta.year, tuple(members)))
    return sorted(conferences, key=lambda c: (c.year, c.slug))
