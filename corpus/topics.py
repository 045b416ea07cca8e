"""Works -> topics, from the editable taxonomy in sources/topics.yml."""

from __future__ import annotations

from corpus.clean import normalize_key
from corpus.history import WorkHistory
from corpus.ids import WorkId
from corpus.model import Diagnostic, Source, Topic
from corpus.naming import title_text


def assign_topics(
    histories: dict[WorkId, WorkHistory], topics: list[Topic], sources: dict[str, Source]
) -> tuple[dict[WorkId, list[Topic]], list[Diagnostic]]:
    """Each work's topics (keyword in a title of any version, or listed by id); untagged works reported."""
    assigned: dict[WorkId, list[Topic]] = {}
    problems = []
    # Keywords folded once, not once per work.
    keywords = [(topic, [normalize_key(k) for k in topic.keywords]) for topic in topics]
    for work, history in histories.items():
        titles = " | ".join(normalize_key(title_text(version)) for version in history.versions)
        matched = [t for t, folded in keywords if str(work) in t.works or any(k in titles for k in folded)]
        assigned[work] = matched
        if topics and not matched:
            latest = history.latest
            problems.append(Diagnostic(
                sources[latest.source].path, latest.heading.line, 1,
                f"{work} has no topic: add a keyword of its title, or its id, to sources/topics.yml",
            ))
    return assigned, problems
