"""The citation graph: which texts of the collection cite which, as an SVG drawn at build time.

Works are placed on a circle grouped by body and kind in number order (a layout that needs no
JavaScript and reads the same offline); each node links to its work page, each edge is a
citation between two works. Only works that cite or are cited appear: at most the most connected
hundred, and at most the two hundred links between them with the most citations, so the page keeps
its size however large the collection grows (every citation is on the pages of the texts).
"""

from __future__ import annotations

import math
from collections import Counter

from corpus.history import WorkHistory, work_sort_key
from corpus.ids import WorkId, parse_id
from corpus.model import CitationRecord
from corpus.naming import KIND_NAMES, title_text
from corpus.render_html import escape_attr, escape_text, front_matter

_MAX_NODES = 100
"""Works drawn at most: a node is about 300 bytes, and 100 still leave room for labels on the circle."""
_MAX_EDGES = 200
"""Links drawn and listed at most: each is about 250 bytes (a line and a list item)."""
_SIZE = 900
_RADIUS = 380


def citation_edges(records: tuple[CitationRecord, ...]) -> Counter[tuple[WorkId, WorkId]]:
    """(citing work, cited work) -> number of live citations, self-citations left out."""
    edges: Counter[tuple[WorkId, WorkId]] = Counter()
    for record in records:
        if record.live and record.to and not record.page.startswith("document:"):
            source, target = parse_id(record.page).work, parse_id(record.to.partition("#")[0]).work
            if source != target:
                edges[(source, target)] += 1
    return edges


def graph_page(
    records: tuple[CitationRecord, ...], histories: dict[WorkId, WorkHistory],
    max_nodes: int = _MAX_NODES, max_edges: int = _MAX_EDGES,
) -> str:
    """A page with the SVG and, for readers who cannot use it, the same edges as a list: the
    ``max_nodes`` most connected works and the ``max_edges`` links between them with the most
    citations, so that the page keeps its size however large the collection grows."""
    edges = citation_edges(records)
    degree: Counter[WorkId] = Counter()
    for (source, target), count in edges.items():
        degree[source] += count
        degree[target] += count
    kept = sorted(sorted(degree, key=lambda w: (-degree[w], work_sort_key(w)))[:max_nodes], key=work_sort_key)
    position = {work: _point(index, len(kept)) for index, work in enumerate(kept)}
    between = {pair: count for pair, count in edges.items() if pair[0] in position and pair[1] in position}
    strongest = sorted(between, key=lambda pair: (-between[pair], work_sort_key(pair[0]), work_sort_key(pair[1])))[:max_edges]
    shown = sorted((pair, between[pair]) for pair in strongest)
    lines = "".join(
        f'<line x1="{position[s][0]:.1f}" y1="{position[s][1]:.1f}" x2="{position[t][0]:.1f}" y2="{position[t][1]:.1f}" '
        f'stroke-width="{min(1 + count, 4)}"><title>{escape_text(_name(s, histories))} cites {escape_text(_name(t, histories))} ({count}×)</title></line>'
        for (s, t), count in shown
    )
    nodes = "".join(_node(work, position[work], degree[work], histories) for work in kept)
    svg = (
        f'<svg class="citation-graph" viewBox="0 0 {_SIZE} {_SIZE}" aria-labelledby="graph-title">'
        f'<title id="graph-title">Citations between {len(kept)} texts of the collection</title>'
        f'<g class="edges">{lines}</g><g class="nodes">{nodes}</g></svg>'
    )
    listing = "".join(
        f'<li><a href="{escape_attr(s.url)}">{escape_text(_name(s, histories))}</a> cites '
        f'<a href="{escape_attr(t.url)}">{escape_text(_name(t, histories))}</a> ({count}×)</li>'
        for (s, t), count in shown
    )
    return (
        front_matter("Citation graph", search={"exclude": True})
        + "# Citation graph\n\n"
        + _intro(len(edges), len(shown), len(degree), len(kept), len(between))
        + f'<div class="graph-wrap">{svg}</div>\n\n'
        + "## The same links as a list { #list }\n\n"
        + f'<ul class="graph-list" data-search-exclude>{listing}</ul>\n'
    )


def _intro(edges: int, shown: int, texts: int, kept: int, between: int) -> str:
    """What the drawing shows and, when it shows part of the links, where the rest are."""
    layout = ("grouped around the circle by body and kind in number order. Select a node to open the text; a thicker line "
              "means more citations.\n\n")
    if shown == edges:
        return f"{edges} links between {texts} texts that cite or are cited by another text of the collection, " + layout
    return (
        f"{edges} links between {texts} texts that cite or are cited by another text of the collection; shown here: the "
        f"{kept} most connected texts and {f'the {shown} strongest of the {between}' if shown < between else f'the {shown}'} links between them, "
        + layout
        + "Every citation of a text is listed on its page under “Cites” and “Cited by”, and every text of the collection "
        "is in [Instruments](instruments.md).\n\n"
    )


def _point(index: int, count: int) -> tuple[float, float]:
    angle = 2 * math.pi * index / max(count, 1) - math.pi / 2
    return _SIZE / 2 + _RADIUS * math.cos(angle), _SIZE / 2 + _RADIUS * math.sin(angle)


def _name(work: WorkId, histories: dict[WorkId, WorkHistory]) -> str:
    history = histories.get(work)
    number = history.latest.heading.number if history else work.number
    return f"{KIND_NAMES.get(work.kind, work.kind)} {number}" + (f" ({work.body.upper()})" if work.body != "pp" else "")


def _node(work: WorkId, point: tuple[float, float], degree: int, histories: dict[WorkId, WorkHistory]) -> str:
    x, y = point
    label = _name(work, histories)
    title = f"{label}: {title_text(histories[work].latest)}" if work in histories else label
    anchor = "start" if x >= _SIZE / 2 else "end"
    dx = 8 if anchor == "start" else -8
    return (
        f'<a href="{escape_attr(work.url)}"><g class="node node-{work.body}"><title>{escape_text(title)}</title>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{min(3 + degree ** 0.5, 12):.1f}"/>'
        f'<text x="{x + dx:.1f}" y="{y + 3:.1f}" text-anchor="{anchor}">{escape_text(label.replace("Resolution ", "Res. "))}</text></g></a>'
    )
