"""Works across sources: order, status, revisions named but not held, conferences."""

from corpus.history import build_conferences


def test_resolutions_in_both_documents_have_two_versions_in_conference_order(built):
    _, histories, _ = built
    for number in ("64", "130", "140", "179"):
        history = next(h for w, h in histories.items() if str(w) == f"pp/resolution/{number}")
        assert [v.id.conference for v in history.versions] == ["busan-2014", "dubai-2018"]
        assert history.status == "in force"
        assert len(history.comparable_pairs) == 1


def test_status_of_suppressed_and_draft_works(built):
    _, histories, _ = built
    status = {str(w): h.status for w, h in histories.items()}
    assert [status[w] for w in ("pp/resolution/35", "pp/resolution/172", "pp/decision/13", "pp/resolution/36")] == ["suppressed"] * 4
    assert status["council/resolution/covid-19"] == "draft" and status["wtpf-21/opinion/1"] == "draft"
    assert status["pp/resolution/182"] == "draft" and status["pp/resolution/71"] == "in force"


def test_revisions_struck_from_headings_or_cited_are_known_but_not_held(built):
    _, histories, _ = built
    known = {str(w): [k.revision for k in h.known] for w, h in histories.items() if h.known}
    assert known["pp/resolution/130"] == ["Rev. Antalya, 2006", "Guadalajara, 2010"]  # cited; struck from the heading
    assert known["pp/resolution/35"] == ["Kyoto, 1994"]
    # Res 64's heading strikes only "2014": its earlier revisions are known from citations.
    assert known["pp/resolution/64"] == ["Rev. Antalya, 2006", "Rev. Guadalajara, 2010"]


def test_conferences_list_every_action(built):
    corpus, _, _ = built
    conferences = {c.slug: c for c in build_conferences(list(corpus.versions), {s.id: s for s in corpus.sources})}
    assert list(conferences) == ["pp-busan-2014", "pp-dubai-2018", "council-2020", "wtpf-21-geneva-2021"]
    actions = [v.heading.action for v in conferences["pp-busan-2014"].versions]
    assert (actions.count("SUP"), actions.count("MOD"), actions.count("ADD")) == (2, 5, 2)
    dubai = [v.heading.action for v in conferences["pp-dubai-2018"].versions]
    assert (dubai.count("MOD"), dubai.count("ADD"), dubai.count("SUP"), dubai.count("")) == (48, 11, 2, 5)
