"""Index pages split into pages of a fixed size (issue 7): the shared splitter, and the instruments,
topic, unresolved-reference and graph pages built from the bundled corpus with tiny limits."""

from __future__ import annotations

import posixpath
import re

import pytest

from corpus.ids import document_doc_path
from corpus.render_chunks import chunk_links_md, list_pages, pager_md, split_rows
from corpus.render_graph import citation_edges, graph_page
from corpus.render_html import escape_text, front_matter
from corpus.render_index import SORTABLE_MARKER, instruments_pages, topic_page
from corpus.render_links import CitationIndex
from corpus.topics import assign_topics

_LINK = re.compile(r"\]\(([^)\s]+)\)")
_ROW = re.compile(r"^\| (?!Page |Body |Number |Instrument |Cited text )(?!-)", re.MULTILINE)


def _targets(here: str, text: str) -> list[str]:
    """Docs paths of the Markdown links of the page at ``here`` (anchors dropped)."""
    base = posixpath.dirname(here)
    return [posixpath.normpath(posixpath.join(base, target.partition("#")[0])) for target in _LINK.findall(text)]


def _rows(text: str) -> int:
    """Body rows of the Markdown tables of a page."""
    return len(_ROW.findall(text))


def _label(rows, first, last):
    return f"{rows[0]}..{rows[-1]} ({first}-{last})"


# --- The splitter ------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "size"), [(1, 3), (3, 3), (4, 3), (7, 3), (10, 1), (9, 4)])
def test_rows_split_in_order_into_pages_of_at_most_the_size(count, size):
    rows = [f"r{n}" for n in range(count)]
    chunks = split_rows(rows, "list/x", _label, size)
    assert [row for chunk in chunks for row in chunk.rows] == rows
    assert all(1 <= len(chunk.rows) <= size for chunk in chunks)
    assert len(chunks) == -(-count // size)
    if count <= size:
        assert [chunk.path for chunk in chunks] == ["list/x.md"]
    else:
        assert [chunk.path for chunk in chunks] == [f"list/x/{c.first}-{c.last}.md" for c in chunks]
        assert len({chunk.path for chunk in chunks}) == len(chunks)
    for chunk in chunks:
        assert chunk.label == _label(chunk.rows, chunk.first, chunk.last)
        assert rows[chunk.first - 1] == chunk.rows[0] and rows[chunk.last - 1] == chunk.rows[-1]


def test_a_page_size_below_one_is_refused():
    with pytest.raises(ValueError):
        split_rows(["a"], "x", _label, 0)


def test_pagers_link_each_page_to_its_neighbours_and_to_the_index():
    chunks = split_rows(list(range(10)), "topics/t", _label, 4)
    for index, chunk in enumerate(chunks):
        pager = pager_md(chunks, index, "topics/t.md", "All of t")
        linked = _targets(chunk.path, pager)
        expected = [c.path for c in chunks[max(index - 1, 0) : index] + chunks[index + 1 : index + 2]] + ["topics/t.md"]
        assert linked == expected
        assert ('rel="prev"' in pager) == (index > 0) and ('rel="next"' in pager) == (index + 1 < len(chunks))
        assert f"Page {index + 1} of {len(chunks)} (rows {chunk.first}–{chunk.last} of 10)" in pager
    assert _targets("index.md", chunk_links_md(chunks, "index.md")) == [c.path for c in chunks]


def test_list_pages_write_an_index_of_pages_or_one_page():
    def render(rows, here):
        return "".join(f"| {row} |\n" for row in rows)

    one = split_rows(["a", "b"], "l/x", _label, 5)
    assert list_pages(one, "l/x", "X", render, prefix="X: ", intro="Intro.\n\n", what="Rows") == {
        "l/x.md": front_matter("X") + "# X\n\n| a |\n| b |\n"
    }
    chunks = split_rows([f"r{n}" for n in range(5)], "l/x", _label, 2)
    pages = list_pages(chunks, "l/x", "X", render, prefix="X: ", intro="Intro.\n\n", what="Rows")
    assert set(pages) == {"l/x.md"} | {c.path for c in chunks}
    assert "Intro." in pages["l/x.md"] and _targets("l/x.md", pages["l/x.md"]) == [c.path for c in chunks]
    for chunk in chunks:
        page = pages[chunk.path]
        assert f"# X: {chunk.label}" in page and page.count("Page ") == 2
        assert [line for line in page.split("\n") if line.startswith("| ")] == [f"| {row} |" for row in chunk.rows]
        assert set(_targets(chunk.path, page)) <= set(pages)


# --- Pages of the bundled corpus with tiny limits ---------------------------------------------


@pytest.fixture(scope="module")
def site_parts(built):
    corpus, histories, _ = built
    sources = {source.id: source for source in corpus.sources}
    index = CitationIndex(corpus, histories)
    cited_by = {work: len(records) for work, records in index.cited_by.items()}
    return corpus, histories, sources, index, cited_by


def _known_paths(histories, pages):
    return set(pages) | {w.doc_path for w in histories} | {"instruments.md", "unresolved.md"}


def test_instruments_stay_on_one_page_below_the_thresholds(site_parts):
    _, histories, sources, _, cited_by = site_parts
    pages = instruments_pages(histories, sources, cited_by)
    assert not any(path.count("/") > 1 for path in pages)
    whole = pages["instruments.md"]
    assert "## All instruments { #all }" in whole and SORTABLE_MARKER in whole
    assert _rows(whole) == len(histories)


def test_instruments_split_into_number_ranges_above_the_thresholds(site_parts):
    _, histories, sources, _, cited_by = site_parts
    size = 7
    pages = instruments_pages(histories, sources, cited_by, all_in_one=len(histories) - 1, page_rows=size)
    top = pages["instruments.md"]
    assert "sortable-table" not in top and "{ #all }" in top
    known = _known_paths(histories, pages)
    groups: dict[tuple[str, str], list] = {}
    for history in histories.values():
        groups.setdefault((history.id.body, history.id.kind), []).append(history)
    for (body, kind), members in groups.items():
        stem = f"instruments/{body}-{kind}"
        pieces = sorted((p for p in pages if p.startswith(f"{stem}/")), key=lambda p: int(p.rsplit("/", 1)[1].split("-")[0]))
        linked = set(_targets("instruments.md", top))
        assert f"{stem}.md" in linked and set(pieces) <= linked  # every page of the list two clicks from home
        if len(members) <= size:
            assert not pieces and _rows(pages[f"{stem}.md"]) == len(members)
            continue
        assert len(pieces) == -(-len(members) // size)
        assert _targets(f"{stem}.md", pages[f"{stem}.md"]) == pieces
        seen: list[str] = []
        for number, piece in enumerate(pieces):
            page = pages[piece]
            assert 1 <= _rows(page) <= size and SORTABLE_MARKER in page
            works = [t for t in _targets(piece, page) if t not in pages and t != f"{stem}.md"]
            low, high = (h.latest.heading.number for h in (members[len(seen)], members[len(seen) + len(works) - 1]))
            heading = next(line for line in page.split("\n") if line.startswith("# "))
            assert heading.endswith(escape_text(f"s {low}–{high}" if low != high else f" {low}"))
            seen += works
            neighbours = [p for p in _targets(piece, page) if p in pieces]
            assert set(neighbours) == set(pieces[max(number - 1, 0) : number] + pieces[number + 1 : number + 2])
            assert set(_targets(piece, page)) <= known
        assert seen == [h.id.doc_path for h in members]  # number order across pages, nothing lost


def test_a_large_topic_is_split_into_pages_linked_from_its_page(built):
    corpus, histories, _ = built
    sources = {source.id: source for source in corpus.sources}
    assigned, _ = assign_topics(histories, list(corpus.topics), sources)
    topic = max(corpus.topics, key=lambda t: sum(t in found for found in assigned.values()))
    members = [w.doc_path for w in histories if topic in assigned[w]]
    assert topic_page(topic, assigned, histories).keys() == {f"topics/{topic.slug}.md"}
    size = max(2, len(members) // 3)
    pages = topic_page(topic, assigned, histories, page_rows=size)
    index = f"topics/{topic.slug}.md"
    pieces = _targets(index, pages[index])
    assert pieces == [p for p in pages if p != index] and len(pieces) == -(-len(members) // size)
    listed = []
    for piece in pieces:
        assert _rows(pages[piece]) <= size
        listed += [t for t in _targets(piece, pages[piece]) if t not in pages]
        assert f"# {topic.title}: " in pages[piece]
    assert listed == members


def test_unresolved_references_split_by_body_most_cited_first(site_parts):
    _, histories, _, index, _ = site_parts
    whole = index.unresolved_page()
    assert set(whole) == {"unresolved.md"} and "| Cited text | Citations | Cited in |" in whole["unresolved.md"]
    targets = _rows(whole["unresolved.md"])
    size = 4
    pages = index.unresolved_page(all_in_one=targets - 1, page_rows=size)
    top = pages["unresolved.md"]
    assert "| Cited text |" not in top and "most cited first" in top
    bodies = [line for line in top.split("\n") if line.startswith("| [")]
    assert sum(int(line.split(" | ")[1]) for line in bodies) == targets
    counts_by_body = [int(line.split(" | ")[2]) for line in bodies]
    assert counts_by_body == sorted(counts_by_body, reverse=True)
    known = _known_paths(histories, pages) | {v.id.doc_path for h in histories.values() for v in h.versions}
    known |= {document_doc_path(d.source.id) for d in site_parts[0].documents}
    rows_seen = 0
    for line in bodies:
        stem = _targets("unresolved.md", line)[0][: -len(".md")]
        pieces = _targets("unresolved.md", line)[1:]
        assert pieces == [f"{stem}.md"] or all(p.startswith(f"{stem}/") for p in pieces)
        counts = []
        for piece in pieces:
            page = pages[piece]
            assert 1 <= _rows(page) <= size
            counts += [int(row.split(" | ")[1]) for row in page.split("\n") if row.startswith("| ") and " | " in row and row.split(" | ")[1].isdigit()]
            assert {t.split("#")[0] for t in _targets(piece, page)} <= known | set(pages)
        assert counts == sorted(counts, reverse=True) and len(counts) == int(line.split(" | ")[1])
        rows_seen += len(counts)
    assert rows_seen == targets


def test_the_graph_shows_the_most_connected_works_and_says_where_the_rest_is(built):
    corpus, histories, _ = built
    edges = citation_edges(corpus.citations)
    full = graph_page(corpus.citations, histories)
    assert full.count("<line ") == len(edges) and "instruments.md" not in full
    nodes, links = 10, 12
    page = graph_page(corpus.citations, histories, max_nodes=nodes, max_edges=links)
    assert page.count('<g class="node ') == nodes
    assert page.count("<line ") == page.count('<li><a href="') <= links
    assert f"the {nodes} most connected texts" in page and "](instruments.md)" in page and "Cited by" in page
    degree: dict = {}
    for (source, target), count in edges.items():
        degree[source] = degree.get(source, 0) + count
        degree[target] = degree.get(target, 0) + count
    drawn = {w for w in degree if f'<a href="{w.url}"><g class="node' in page}
    assert min(degree[w] for w in drawn) >= max(degree[w] for w in degree if w not in drawn)
    assert graph_page(corpus.citations, histories, max_nodes=nodes, max_edges=links) == page
