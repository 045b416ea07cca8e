"""Citations marked in the parsed text, resolved, and listed both ways."""



def records_of(built, page):
    corpus, _, _ = built
    return [r for r in corpus.citations if r.page == page]


def test_a_citation_spanning_tracked_changes_is_one_link_around_them(versions, built):
    corpus, _, _ = built
    item = next(b for b in versions["pp/resolution/64@busan-2014"].blocks if b.anchor == "noting-f")
    kinds = [run.kind for run in item.inlines]
    start, end = kinds.index("cite"), kinds.index("cite-end")
    assert "del" in kinds[start:end] and "ins" in kinds[start:end]
    # A marker numbers the records of its own page, from 0.
    record = records_of(built, "pp/resolution/64@busan-2014")[int(item.inlines[start].target)]
    assert (record.citation.number, record.citation.revision, record.to) == ("71", "Rev. Busan, 2014", "pp/resolution/71")


def test_citations_inside_deleted_text_are_recorded_but_not_live(built):
    deleted = [r for r in records_of(built, "pp/resolution/130@busan-2014") if not r.live]
    assert any(r.citation.number == "130" and r.citation.revision == "Rev. Antalya, 2006" for r in deleted)


def test_no_citation_of_another_body_links_to_a_pp_page(built):
    corpus, _, _ = built
    for record in corpus.citations:
        if record.citation.body in ("WTDC", "WTSA", "RA", "WRC", "UNGA", "ECOSOC"):
            assert record.to is None, record
        if record.citation.kind == "opinion" and record.citation.body != "WTPF-21":
            assert not (record.to or "").startswith("wtpf-21/"), record


def test_a_final_number_with_the_same_title_resolves_to_the_provisional_one(built):
    alias = [r for r in records_of(built, "wtpf-21/opinion/3@geneva-2021") if r.citation.number == "205"]
    assert [r.to for r in alias] == ["pp/resolution/wgpl-2@dubai-2018"]
    assert "provisional number WGPL/2" in alias[0].note


def test_version_links_go_to_the_version_and_unknown_revisions_to_the_work(built):
    records = records_of(built, "pp/decision/11@dubai-2018")
    targets = {(r.citation.number, r.citation.revision): r.to for r in records}
    assert targets[("5", "Rev. Dubai, 2018")] == "pp/decision/5@dubai-2018#annex-2"
    assert targets[("71", "Rev. Dubai, 2018")] == "pp/resolution/71@dubai-2018"


def test_self_citations_are_kept_but_not_linked(built):
    from corpus.render_links import CitationIndex

    corpus, histories, _ = built
    index = CitationIndex(corpus, histories)
    record = next(r for r in corpus.citations if r.citation.type == "self")
    on_page = [r for r in corpus.citations if r.page == record.page]
    assert index.links("x.md", record.page)(on_page.index(record)) == ('<span class="cite-self">', "</span>")


def test_what_a_citation_can_reach_is_read_from_the_headings_as_from_the_parsed_texts(built):
    # The pipeline indexes the holdings before parsing (so that parsing and annotation are one
    # pass): a provisional number must be found by the same title either way.
    from corpus.annotate import Held, holdings_of
    from corpus.pipeline import _held, _segment_source

    corpus, _, _ = built
    sources = list(corpus.sources)
    from_headings = []
    for number, source in enumerate(sources):
        lines, segments, _ = _segment_source(sources, number)
        from_headings += [_held(source, segment, lines) for segment in segments if segment.heading]
    from_texts = holdings_of([Held(v.id, v.heading.number, v.title) for v in corpus.versions])
    assert holdings_of(from_headings) == from_texts
    assert from_texts.provisional, "the bundled sources hold texts under provisional numbers"
