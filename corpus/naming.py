"""How instruments, versions and statuses are named for readers (one place, used by every page)."""

from __future__ import annotations

from corpus.history import WorkHistory
from corpus.marks import reading_text
from corpus.model import Version

KIND_NAMES = {"resolution": "Resolution", "decision": "Decision", "recommendation": "Recommendation", "opinion": "Opinion"}
ACTION_NAMES = {"MOD": "MOD – revised", "ADD": "ADD – new text", "SUP": "SUP – suppressed", "": "no action line"}
TEXT_STATUS = {"adopted": "Adopted text", "proposed": "Proposed text (working document)", "draft": "Draft"}


def display_revision(version: Version) -> str:
    """The revision as the heading gives it, or the conference when the heading gives none."""
    return version.heading.revision or version.conference


def version_name(version: Version) -> str:
    """'Resolution 130 (Rev. Busan, 2014)', 'Draft Opinion 1 (Geneva, 2021)'."""
    draft = "Draft " if version.heading.draft else ""
    return f"{draft}{KIND_NAMES[version.heading.kind]} {version.heading.number} ({display_revision(version)})"


def work_name(history: WorkHistory) -> str:
    """'Resolution 130' (number as the latest version prints it)."""
    return f"{KIND_NAMES[history.id.kind]} {history.latest.heading.number}"


def title_text(version: Version) -> str:
    """The title as plain reading text."""
    return " ".join(reading_text(version.title).split())
