"""What a change to the sources does to the published site: two corpus.json exports compared.

The report is Markdown (it becomes the pull request's job summary): instruments added, removed,
retitled or with a changed status, versions whose text changed (with a short word diff), and
citations that became resolved or unresolved.
"""

from __future__ import annotations

import difflib
from typing import Any

_CONTEXT_WORDS = 4
_MAX_DIFFS_PER_VERSION = 3


def report_changes(old: dict[str, Any], new: dict[str, Any]) -> str:
    """A Markdown report of what changed from ``old`` to ``new`` (parsed corpus.json data)."""
    old_versions, new_versions = _versions(old), _versions(new)
    sections = [
        _listing("Versions added", [f"`{vid}` {new_versions[vid]['title']}" for vid in new_versions if vid not in old_versions]),
        _listing("Versions removed", [f"`{vid}` {old_versions[vid]['title']}" for vid in old_versions if vid not in new_versions]),
        _listing("Retitled", [
            f"`{vid}`: “{old_versions[vid]['title']}” → “{v['title']}”"
            for vid, v in new_versions.items() if vid in old_versions and old_versions[vid]["title"] != v["title"]
        ]),
        _listing("Status changed", _status_changes(old, new)),
        _listing("Text changed", [line for vid, v in new_versions.items() if vid in old_versions for line in _text_changes(vid, old_versions[vid], v)]),
        *_citation_changes(old, new),
    ]
    body = "".join(section for section in sections if section)
    return "# What this change does to the site\n\n" + (body or "No instrument, text or citation changed.\n")


def _versions(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {v["id"]: v for instrument in data.get("instruments", []) for v in instrument["versions"]}


def _listing(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    items = [line for line in lines if not line.startswith("  ")]
    return f"## {title} ({len(items)})\n\n" + "".join(f"{line}\n" if line.startswith("  ") else f"- {line}\n" for line in lines) + "\n"


def _status_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    before = {i["id"]: i["status"] for i in old.get("instruments", [])}
    return [f"`{i['id']}`: {before[i['id']]} → {i['status']}" for i in new.get("instruments", []) if i["id"] in before and before[i["id"]] != i["status"]]


def _text_changes(vid: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    before = {p["anchor"]: p["text"] for p in old.get("paragraphs", [])}
    after = {p["anchor"]: p["text"] for p in new.get("paragraphs", [])}
    changed = [a for a in after if a in before and before[a] != after[a]]
    added = [a for a in after if a not in before]
    removed = [a for a in before if a not in after]
    if not (changed or added or removed):
        return []
    lines = [f"`{vid}`: {_count(len(changed), 'paragraph')} changed, {len(added)} added, {len(removed)} removed"]
    lines += [f"  - `#{a}`: {word_diff(before[a], after[a])}" for a in changed[:_MAX_DIFFS_PER_VERSION]]
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def word_diff(old: str, new: str) -> str:
    """'… the [-Council-]{+Secretary-General+} shall …': changed words with a little context."""
    a, b = old.split(), new.split()
    pieces = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            words = a[i1:i2]
            pieces.append(" ".join(words) if len(words) <= 2 * _CONTEXT_WORDS else
                          " ".join(words[:_CONTEXT_WORDS]) + " … " + " ".join(words[-_CONTEXT_WORDS:]))
            continue
        if i2 > i1:
            pieces.append(f"[-{' '.join(a[i1:i2])}-]")
        if j2 > j1:
            pieces.append(f"{{+{' '.join(b[j1:j2])}+}}")
    text = " ".join(pieces)
    return text if len(text) < 400 else text[:400] + " …"


def _citation_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    def key(c: dict[str, Any]) -> tuple[str, str, str]:
        return (c["from"], c["anchor"], c["text"])

    before = {key(c): c.get("to") for c in old.get("citations", []) if c.get("live", True)}
    after = {key(c): c.get("to") for c in new.get("citations", []) if c.get("live", True)}
    resolved = [f"“{k[2]}” in `{k[0]}#{k[1]}` → `{to}`" for k, to in after.items() if to and k in before and not before[k]]
    unresolved = [f"“{k[2]}” in `{k[0]}#{k[1]}` (was `{before[k]}`)" for k, to in after.items() if not to and before.get(k)]
    return [_listing("Citations newly resolved", resolved), _listing("Citations newly unresolved", unresolved)]
