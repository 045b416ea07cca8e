"""sources/*.txt + sources/*.yml -> Source: decode, check and attach validated metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from corpus.ids import file_slug
from corpus.model import Attachment, Diagnostic, Source, SourceMeta, Topic


class SourceError(Exception):
    """A problem that stops one source from being read; printed as path:line:col: message."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.diagnostic = Diagnostic(path, line, col, message, "error")


# The metadata schema: key -> (required, allowed values or None for any text).
META_KEYS: dict[str, tuple[bool, tuple[str, ...] | None]] = {
    "title": (True, None),
    "body": (True, None),
    "body_name": (True, None),
    "conference": (True, None),
    "year": (True, None),
    "status": (True, ("adopted", "proposed", "draft")),
    "markup": (True, ("word-export", "markdown", "markdown-changes")),
    "symbol": (False, None),
    "attachments": (False, None),
}
ATTACHMENT_KEYS = {"lines", "caption", "target", "layout"}


def read_sources(folder: Path, root: Path | None = None) -> tuple[list[Source], list[Diagnostic]]:
    """Read every *.txt in ``folder`` (sorted by name) with its .yml; unreadable ones are reported."""
    sources: list[Source] = []
    diagnostics: list[Diagnostic] = []
    pages: dict[str, str] = {}
    for text_path in sorted(folder.glob("*.txt")):
        try:
            source = read_source(text_path, root or folder.parent)
        except SourceError as error:
            diagnostics.append(error.diagnostic)
            continue
        slug = file_slug(source.id)
        if slug in pages:  # its document page would overwrite the other's: refuse it, by name
            diagnostics.append(Diagnostic(source.path, 1, 1, f"this file name gives the same page name ({slug}) as "
                                          f"{pages[slug]}: rename one of them", "error"))
            continue
        pages[slug] = source.path
        sources.append(source)
    return sources, diagnostics


def read_source(text_path: Path, root: Path) -> Source:
    """Read one source and its metadata file; raise SourceError with file and line on bad input."""
    shown = _shown_path(text_path, root)
    data = text_path.read_bytes()
    text = _decode(data, shown)
    meta = _read_meta(text_path.with_suffix(".yml"), _shown_path(text_path.with_suffix(".yml"), root))
    return Source(
        id=text_path.stem,
        path=shown,
        lines=tuple(text.split("\n")),
        sha256=hashlib.sha256(data).hexdigest(),
        meta=meta,
    )


def _shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _decode(data: bytes, shown: str) -> str:
    if not data.strip():
        raise SourceError(shown, 1, 1, "the file is empty: add the text or remove the file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(shown, 1, 1, "the file is UTF-16 (it starts with a byte-order mark): save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(
            shown, line, col, f"byte 0x{data[error.start]:02x} is not UTF-8 (is the file cp1252?): save it as UTF-8"
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SourceError(shown, line, 1, "the file contains NUL bytes: it is not a text export")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML has it: ten times the pure-Python one (1 s of 150 sources' .yml)."""


def _load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def _read_meta(path: Path, shown: str) -> SourceMeta:
    if not path.exists():
        raise SourceError(shown, 1, 1, "metadata file is missing: every sources/X.txt needs a sources/X.yml")
    try:
        raw = _load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SourceError(shown, line, col, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    except UnicodeDecodeError:
        raise SourceError(shown, 1, 1, "metadata is not UTF-8") from None
    if not isinstance(raw, dict):
        raise SourceError(shown, 1, 1, "metadata must be a mapping of keys to values")
    _check_keys(raw, shown, path)
    return SourceMeta(
        title=str(raw["title"]),
        body=str(raw["body"]),
        body_name=str(raw["body_name"]),
        conference=str(raw["conference"]),
        year=int(raw["year"]),
        status=str(raw["status"]),
        markup=str(raw["markup"]),
        symbol=str(raw.get("symbol") or ""),
        attachments=tuple(_attachment(item, shown, path) for item in raw.get("attachments") or ()),
    )


def _key_line(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return 1


def _check_keys(raw: dict[str, Any], shown: str, path: Path) -> None:
    for key in raw:
        if key not in META_KEYS:
            allowed = ", ".join(META_KEYS)
            raise SourceError(shown, _key_line(path, str(key)), 1, f"unknown key {key!r}; allowed keys: {allowed}")
    for key, (required, allowed_values) in META_KEYS.items():
        if required and raw.get(key) in (None, ""):
            raise SourceError(shown, 1, 1, f"required key {key!r} is missing")
        if allowed_values and key in raw and raw[key] not in allowed_values:
            values = ", ".join(allowed_values)
            raise SourceError(shown, _key_line(path, key), 1, f"{key}: {raw[key]!r} is not one of: {values}")
    if not isinstance(raw["year"], int):
        raise SourceError(shown, _key_line(path, "year"), 1, f"year: {raw['year']!r} is not a whole number")


def _attachment(item: Any, shown: str, path: Path) -> Attachment:
    line = _key_line(path, "attachments")
    if not isinstance(item, dict) or not {"lines", "caption", "target"} <= set(item) or set(item) - ATTACHMENT_KEYS:
        raise SourceError(shown, line, 1, "each attachment needs exactly: lines, caption, target (and optional layout)")
    first, _, last = str(item["lines"]).partition("-")
    if not (first.isdigit() and last.isdigit() and int(first) <= int(last)):
        raise SourceError(shown, line, 1, f"attachment lines {item['lines']!r}: write them as FIRST-LAST, e.g. 5568-5632")
    target_line = next((n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if str(item["target"]) in text), line)
    return Attachment(int(first), int(last), str(item["caption"]), str(item["target"]), str(item.get("layout", "tab-sheet")), target_line)


def read_topics(folder: Path, root: Path) -> tuple[list[Topic], list[Diagnostic]]:
    """The topic taxonomy (optional file); schema errors become diagnostics, never tracebacks."""
    path = folder / "topics.yml"
    if not path.exists():
        return [], []
    shown = _shown_path(path, root)
    try:
        raw = _load_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [], [Diagnostic(shown, 1, 1, f"topics file is not valid UTF-8 YAML: {error}", "error")]
    topics, problems = [], []
    for slug, entry in raw.items() if isinstance(raw, dict) else []:
        line = _key_line(path, str(slug))
        if not isinstance(entry, dict) or set(entry) - {"title", "keywords", "works"} or "title" not in entry:
            problems.append(Diagnostic(shown, line, 1, f"topic {slug!r} needs 'title' and may have 'keywords' and 'works', nothing else", "error"))
            continue
        topics.append(Topic(file_slug(str(slug)), str(entry["title"]), tuple(str(k) for k in entry.get("keywords") or ()),
                            tuple(str(w) for w in entry.get("works") or ())))
    return topics, problems
