"""Identifiers of works and versions, and the URLs and file paths derived from them.

A work is (body, kind, number): ``pp/resolution/130``. A version is a work as adopted or proposed
at one conference: ``pp/resolution/130@busan-2014``. ``str(parse_id(s)) == s`` for every id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Slugs are the only thing that reaches a file name: lower-case ASCII letters, digits and single
# hyphens, so no number such as "../../x" can climb out of docs/.
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 80
_ID = re.compile(r"^([a-z0-9-]+)/([a-z0-9-]+)/([a-z0-9-]+)(?:@([a-z0-9-]+))?$")


def slugify(text: str) -> str:
    """'COM5/2' -> 'com5-2', '[WG-PL/7]' -> 'wg-pl-7', 'Secretary‑General' -> 'secretary-general'."""
    dashes = text.translate({0x2010: "-", 0x2011: "-", 0x2013: "-", 0x2014: "-", 0x0441: "c"})
    ascii_text = unicodedata.normalize("NFKD", dashes).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def file_slug(text: str) -> str:
    """slugify(), kept short enough for a file name (255 bytes): a long one keeps a prefix and a
    digest of the whole, so two long numbers never share a page."""
    slug = slugify(text)
    if len(slug) > _MAX_SLUG:
        slug = f"{slug[: _MAX_SLUG - 9].rstrip('-')}-{hashlib.sha256(slug.encode()).hexdigest()[:8]}"
    return slug


@dataclass(frozen=True, slots=True, order=True)
class WorkId:
    """A work, or one version of it when ``conference`` is set."""

    body: str
    """Slug of the adopting body: 'pp', 'council', 'wtpf'."""
    kind: str
    """'resolution', 'decision', 'recommendation' or 'opinion'."""
    number: str
    """Slug of the number: '130', 'com5-2', 'covid-19'."""
    conference: str = ""
    """Slug of the conference of this version ('dubai-2018'); empty for the work itself."""

    def __str__(self) -> str:
        work = f"{self.body}/{self.kind}/{self.number}"
        return f"{work}@{self.conference}" if self.conference else work

    @property
    def work(self) -> WorkId:
        """The work this version belongs to."""
        return WorkId(self.body, self.kind, self.number)

    def version(self, conference: str) -> WorkId:
        """This work's version at ``conference``."""
        return WorkId(self.body, self.kind, self.number, conference)

    @property
    def url(self) -> str:
        """Site-relative URL: 'pp/resolution-130.html' or 'pp/resolution-130/busan-2014.html'."""
        return self.doc_path[: -len(".md")] + ".html"

    @property
    def doc_path(self) -> str:
        """Path of the Markdown page under docs/."""
        stem = f"{self.body}/{self.kind}-{self.number}"
        return f"{stem}/{self.conference}.md" if self.conference else f"{stem}.md"


def document_doc_path(source_id: str) -> str:
    """'documents/pp-2018-dubai-final-acts.md': a source document's page (its file name as a slug)."""
    return f"documents/{file_slug(source_id) or 'source'}.md"


def document_url(source_id: str) -> str:
    """Site URL of a source document's page."""
    return document_doc_path(source_id)[: -len(".md")] + ".html"


def comparison_doc_path(old: WorkId, new: WorkId) -> str:
    """'pp/resolution-130/compare/busan-2014..dubai-2018.md': two versions of one work compared."""
    return f"{old.body}/{old.kind}-{old.number}/compare/{old.conference}..{new.conference}.md"


def parse_id(text: str) -> WorkId:
    """Parse 'pp/resolution/130' or 'pp/resolution/130@busan-2014'; ValueError otherwise."""
    match = _ID.match(text)
    if not match:
        raise ValueError(f"not a work or version id: {text!r}")
    body, kind, number, conference = match.groups()
    return WorkId(body, kind, number, conference or "")


def natural_key(number: str) -> tuple[tuple[int, str], ...]:
    """Sort key putting '2' before '11' and numbers before provisional ones ('COM5/2')."""
    parts = re.findall(r"\d+|[^\d]+", number)
    return tuple((0, f"{int(p):012d}") if p.isdigit() else (1, p.lower()) for p in parts)


def relative_url(from_doc: str, to_url: str) -> str:
    """Relative link from the page at docs path ``from_doc`` to site URL ``to_url``."""
    depth = from_doc.count("/")
    return "../" * depth + to_url
