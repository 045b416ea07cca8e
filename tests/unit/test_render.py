"""Rendering: escaping, footnotes, tables, tracked-change views, pages a reader opens."""

import json

from corpus.model import Block, Footnote, Inline
from corpus.render_html import (
    PageRefs,
    block_html,
    escape_text,
    footnotes_html,
    inline_html,
    table_html,
)
from corpus.render_instrument import clean_view, has_tracked_changes


def test_escape_text_neutralises_html_markdown_jinja_and_critic_syntax():
    hostile = "<script>x</script> {{ config }} {++ a ++} *b* _c_ `d` [e](f) # g | h ~~i~~ ^^j^^ \\k &amp;"
    escaped = escape_text(hostile)
    for raw in ("<", ">", "{", "}", "*", "_", "`", "[", "]", "#", "|", "~", "^", "\\"):
        assert raw not in escaped.replace("&#", "").replace(";", "")
    assert "&lt;script&gt;" in escaped and "&amp;amp;" in escaped


def test_each_syntax_character_becomes_one_reference_that_reads_back_as_the_character():
    import html as html_module

    text = "#\\`*_{}[]|~^ a&b"
    escaped = escape_text(text + "\nnext")
    # No reference is escaped again (the '#' inside '&#92;' stays as it is).
    assert html_module.unescape(escaped) == text + " next"
    assert escaped.startswith("&#35;&#92;&#96;&#42;")


def test_inline_runs_render_tracked_changes_links_and_lost_links():
    runs = (Inline("text", "a "), Inline("del", "old"), Inline("ins", "new"), Inline("lostlink", "here"),
            Inline("link", "site", target='https://x.org/?a=1&b="2"'))
    html = inline_html(runs, PageRefs(()))
    assert '<del class="tc">old</del><ins class="tc">new</ins>' in html
    assert '<span class="lost-link" title="link target lost in the source">here</span>' in html
    assert 'href="https://x.org/?a=1&amp;b=&quot;2&quot;"' in html
    assert 'href="#"' not in html


def test_footnotes_are_numbered_per_page_with_links_both_ways():
    notes = (Footnote("38", "1", (Inline("text", "These include…"),), 3271),)
    refs = PageRefs(notes)
    text = inline_html((Inline("text", "countries"), Inline("fnref", "1", target="38")), refs)
    assert text == 'countries<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
    foot = footnotes_html(notes, refs)
    assert '<li id="fn:1" data-line="3271"><p>These include…' in foot and 'href="#fnref:1"' in foot


def test_a_footnote_mark_without_text_is_shown_as_a_bare_mark():
    html = inline_html((Inline("fnref", "7", target="sup-9"),), PageRefs(()))
    assert html.startswith('<sup class="footnote-lost"') and ">7</sup>" in html


def test_items_keep_their_literal_label_and_anchor():
    block = Block("item", (Inline("text", "the tragic events"),), 33, 33, label="c)", anchor="recognizing-c", level=1)
    assert block_html(block, PageRefs(())) == (
        '<p class="item lvl-1" id="recognizing-c" data-line="33"><span class="itu-label">c)</span> the tragic events</p>'
    )


def test_tables_keep_empty_cells_mark_rtl_and_explain_ref_errors():
    rows = (((Inline("text", "Term"),), (Inline("text", "الرسالة"),), ()), ((Inline("text", "ERROR:#REF!"),), (), ()))
    html = table_html(Block("table", (Inline("text", "Caption"),), 1, 2, anchor="t", rows=rows, header_rows=1), PageRefs(()))
    assert "<caption>Caption</caption>" in html and '<th dir="rtl" lang="ar">' in html and "<td></td><td></td>" in html
    assert "broken spreadsheet formula" in html


def test_clean_view_accepts_changes_and_drops_emptied_items(versions):
    busan = versions["pp/resolution/130@busan-2014"]
    assert has_tracked_changes(busan) and not has_tracked_changes(versions["pp/resolution/130@dubai-2018"])
    clean = clean_view(busan, "clean-")
    runs = [run for block in clean.blocks for run in block.inlines]
    assert not any(run.kind in ("del", "ins") for run in runs)
    assert all(block.anchor.startswith("clean-") for block in clean.blocks)
    deleted_only = [b for b in busan.blocks if b.inlines and all(r.kind == "del" or not r.text.strip() for r in b.inlines)]
    assert deleted_only and len(clean.blocks) == len(busan.blocks) - len(deleted_only)
    assert clean.blocks[0].inlines[-1].text.endswith("(Busan, 2014),")


def test_corpus_json_follows_the_design_schema(built):
    from corpus.render import render_site

    corpus, histories, attached = built
    data = json.loads(render_site(corpus, histories, attached)["corpus.json"])
    assert {s["file"] for s in data["sources"]} == {s.path for s in corpus.sources}
    r130 = next(i for i in data["instruments"] if i["id"] == "pp/resolution/130")
    assert (r130["status"], r130["url"], r130["kind"], r130["number"]) == ("in force", "pp/resolution-130.html", "resolution", "130")
    assert [v["id"] for v in r130["versions"]] == ["pp/resolution/130@busan-2014", "pp/resolution/130@dubai-2018"]
    first = r130["versions"][0]
    assert (first["revision"], first["action"], first["line"], first["url"]) == ("Rev. Busan, 2014", "MOD", 128, "pp/resolution-130/busan-2014.html")
    d5 = next(i for i in data["instruments"] if i["id"] == "pp/decision/5")
    assert d5["versions"][0]["annexes"] == ["ANNEX 1 TO DECISION 5 (REV. dubai, 2018)", "ANNEX 2 TO DECISION 5 (REV. dubai, 2018)"]
