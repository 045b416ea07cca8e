"""The types passed between pipeline stages. Frozen dataclasses only: no behaviour lives here."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.ids import WorkId


class _Fields:
    """Pickled as (class, field values): the default for a slotted dataclass runs Python code per
    object and takes about twice as long, and parsed versions cross process boundaries
    (corpus/pipeline.py sends each one from the worker that parsed it)."""

    __slots__ = ()

    def __reduce_ex__(self, protocol: object) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple(getattr(self, name) for name in self.__slots__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class SourceMeta(_Fields):
    """What a source's .yml says about it (validated by read.py)."""

    title: str
    """Title of the document as a reader would name it."""
    body: str
    """Slug of the body whose texts it holds: 'pp', 'council', 'wtpf', 'itu'."""
    body_name: str
    """Display name of that body: 'Plenipotentiary Conference'."""
    conference: str
    """Display name of the conference or session: 'Dubai, 2018'."""
    year: int
    """Year of the conference or document."""
    status: str
    """'adopted' (final acts), 'proposed' (working document) or 'draft' (contribution, report)."""
    markup: str
    """'word-export', 'markdown' (links) or 'markdown-changes' (tracked changes as ~~del~~ and [ins](#))."""
    symbol: str = ""
    """Document symbol or date where the text gives one."""
    attachments: tuple[Attachment, ...] = ()
    """Line ranges of trailing material (spreadsheet dumps) and where each belongs."""


@dataclass(frozen=True, slots=True)
class Attachment(_Fields):
    """A block of lines outside any instrument that an editor attached to one (from the .yml)."""

    first: int
    """First line (1-based, inclusive)."""
    last: int
    """Last line (inclusive)."""
    caption: str
    """Caption shown above the reconstructed table."""
    target: str
    """Version id and optional anchor it belongs to: 'pp/decision/5@dubai-2018#annex-1'."""
    layout: str = "tab-sheet"
    """'tab-sheet' (cells separated by tabs) or 'text' (shown line by line)."""
    line: int = 1
    """Line of its 'target:' in the .yml, for messages."""


@dataclass(frozen=True, slots=True)
class Source(_Fields):
    """One source document as read from sources/."""

    id: str
    """File stem: 'pp-2018-dubai-final-acts'."""
    path: str
    """Path relative to the project: 'sources/pp-2018-dubai-final-acts.txt'."""
    lines: tuple[str, ...]
    """The text split on LF, without line ends; line n is lines[n - 1]."""
    sha256: str
    """Hex digest of the file's bytes."""
    meta: SourceMeta
    """Its metadata."""


@dataclass(frozen=True, slots=True)
class Inline(_Fields):
    """A run of text with one meaning; a paragraph is a tuple of these."""

    kind: str
    """'text', 'ins' or 'del' (tracked change), 'strong', 'em', 'link' (URL in target),
    'lostlink' (a hyperlink whose target was lost), 'fnref' (footnote key in target),
    'cite' (a citation; target is its index in the version's citations)."""
    text: str
    """The characters as the source gives them (without markup)."""
    target: str = ""
    """URL, footnote key or citation index, depending on kind."""


@dataclass(frozen=True, slots=True)
class Block(_Fields):
    """One block of an instrument or document: a paragraph, item, clause header, table…"""

    kind: str
    """'title', 'formula', 'clause', 'item', 'para', 'heading' (annex, appendix, section),
    'table', 'figure' or 'note' (editor's or build's remark)."""
    inlines: tuple[Inline, ...]
    """The text; for a table, its caption."""
    line: int
    """First source line (1-based)."""
    end_line: int
    """Last source line."""
    label: str = ""
    """Printed list label kept literally: 'a)', '1', '1.1', '–'."""
    anchor: str = ""
    """Stable id on the page: 'considering-a', 'resolves-1', 'annex-2'."""
    level: int = 0
    """Nesting depth of an item (1 = top) or heading level."""
    rows: tuple[tuple[tuple[Inline, ...], ...], ...] = ()
    """Table cells, row by row (first row is the header when header_rows > 0)."""
    header_rows: int = 0
    """How many leading rows of a table are headers."""
    flags: tuple[str, ...] = ()
    """Remarks a reader should see, e.g. 'merged-label' (old and new labels glued in the source)."""


@dataclass(frozen=True, slots=True)
class Footnote(_Fields):
    """A footnote of an instrument, with its text moved to the page foot."""

    key: str
    """Unique key on the page: the source's footnote number (e.g. '38')."""
    label: str
    """Printed label (restarts per instrument)."""
    inlines: tuple[Inline, ...]
    """Its text."""
    line: int
    """Source line of the text."""


@dataclass(frozen=True, slots=True)
class Heading(_Fields):
    """An instrument heading as segment.py found it."""

    kind: str
    """'resolution', 'decision', 'recommendation' or 'opinion'."""
    number: str
    """Number as printed, without brackets: '130', 'COM5/2', 'WG-PL/7', 'COVID-19'."""
    revision: str
    """Normalised revision ('Rev. Dubai, 2018', 'Kyoto, 1994') or '' when the heading has none."""
    revision_marked: tuple[Inline, ...]
    """The revision with its tracked changes, as printed."""
    action: str
    """'MOD', 'ADD', 'SUP' or '' when the source gives no action line."""
    action_line: int
    """Line of the action line, 0 when there is none."""
    line: int
    """Line of the heading."""
    draft: bool = False
    """The heading itself says 'draft' (draft opinion, draft new resolution)."""


@dataclass(frozen=True, slots=True)
class Segment(_Fields):
    """A run of source lines: one instrument, or text belonging to no instrument."""

    first: int
    """First line (1-based, inclusive)."""
    last: int
    """Last line (inclusive)."""
    heading: Heading | None = None
    """The instrument heading, or None for front matter and other unattached text."""


@dataclass(frozen=True, slots=True)
class Version(_Fields):
    """One instrument as one source gives it: a version of a work."""

    id: WorkId
    """Version id: 'pp/resolution/130@dubai-2018'."""
    heading: Heading
    """The heading it was found under."""
    title: tuple[Inline, ...]
    """Title, footnote references and tracked changes included."""
    source: str
    """Source id."""
    line: int
    """First line (action line or heading)."""
    end_line: int
    """Last line."""
    blocks: tuple[Block, ...]
    """Body: formula, clauses, items, annexes, tables."""
    footnotes: tuple[Footnote, ...]
    """Footnotes, in order of reference."""
    status: str
    """Document status from the source metadata: 'adopted', 'proposed', 'draft'."""
    conference: str
    """Display name of the conference: 'Dubai, 2018'."""


@dataclass(frozen=True, slots=True)
class Document(_Fields):
    """What a source holds outside its instruments, kept so that no line is lost."""

    source: Source
    """The source."""
    blocks: tuple[Block, ...]
    """Its front matter, report text, trailing material."""
    versions: tuple[WorkId, ...]
    """Versions found in it, in order."""


@dataclass(frozen=True, slots=True)
class Diagnostic(_Fields):
    """A problem in a source, reported as path:line:col: message."""

    path: str
    """Source path."""
    line: int
    """1-based line."""
    col: int
    """1-based column."""
    message: str
    """What is wrong, in an editor's terms."""
    severity: str = "warning"
    """'warning' or 'error'."""


@dataclass(frozen=True, slots=True)
class Topic(_Fields):
    """A topic of sources/topics.yml."""

    slug: str
    """Key in the file, used in URLs: 'cybersecurity'."""
    title: str
    """Name shown to readers."""
    keywords: tuple[str, ...]
    """Title words that put a work under this topic (folded for comparison)."""
    works: tuple[str, ...]
    """Work ids filed here explicitly."""


@dataclass(frozen=True, slots=True)
class Corpus(_Fields):
    """Everything parsed from sources/."""

    sources: tuple[Source, ...]
    """Sources, sorted by id."""
    documents: tuple[Document, ...]
    """One per source."""
    versions: tuple[Version, ...]
    """All versions, in source order."""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    """Warnings and errors, in source order."""
    citations: tuple[CitationRecord, ...] = field(default=())
    """Every citation found, in page order; Inline('cite', target=str(i)) in a page's text refers to
    the i-th record of that page (records whose ``page`` is that page's id)."""
    topics: tuple[Topic, ...] = field(default=())
    """The topic taxonomy of sources/topics.yml."""


@dataclass(frozen=True, slots=True)
class CiteContext(_Fields):
    """Where a text being searched for citations sits (to read 'this resolution', 'this conference')."""

    body: str
    """Body slug of the citing instrument or document: 'pp', 'council', 'wtpf-21', 'itu'."""
    kind: str
    """Kind of the citing instrument ('resolution'…), '' for a document page."""
    number: str
    """Its number as printed ('130', 'COVID-19'), '' for a document page."""
    conference: str
    """Conference of the citing text: 'Dubai, 2018', 'Busan, 2014', 'Council 2020', 'Geneva, 2021'."""
    year: int
    """Year of that conference."""


@dataclass(frozen=True, slots=True)
class Citation(_Fields):
    """One citation found in a text by cite.py (one per number for lists)."""

    start: int
    """Start offset of the cited number's phrase in the searched text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The exact characters text[start:end]."""
    type: str
    """'full', 'short', 'list', 'part', 'self' or 'unknown'."""
    body: str
    """Adopting body as written/inferred: 'PP', 'Council', 'WTDC', 'WTSA', 'RA', 'WRC', 'UNGA',
    'ECOSOC', 'WTPF-13', 'WTPF-21', … or '' when it cannot be told."""
    kind: str
    """'resolution', 'decision', 'recommendation' or 'opinion'."""
    number: str
    """Number as printed: '136', '68/198', 'COM5/2'."""
    revision: str = ""
    """Normalised revision: 'Rev. Dubai, 2018', 'Busan, 2014', '' when none is given."""
    part: str = ""
    """Cited part as an anchor: 'annex-2', 'resolves-2', '' for the whole text."""


@dataclass(frozen=True, slots=True)
class CitationRecord(_Fields):
    """A citation where it stands in the collection, with what it resolves to."""

    citation: Citation
    """What was found (spans are relative to the block's reading text)."""
    source: str
    """Source id."""
    line: int
    """Source line of the block that holds it."""
    page: str
    """Version id ('pp/resolution/130@dubai-2018') or 'document:<source id>'."""
    anchor: str
    """Anchor of the block (clause item, paragraph, footnote) it stands in."""
    sentence: str
    """The reading text around it, for 'Cited by' lists."""
    live: bool = True
    """False inside deleted text of a tracked change: shown, never linked, not counted."""
    to: str | None = None
    """Version or work id (with '#part') it links to; None when not in the collection."""
    note: str = ""
    """Why it links where it does (e.g. the cited revision is not held)."""
