"""The tab hook: blocks inside a content tab are not wrapped in a paragraph."""

from hook_loader import load_hook

TABBED = (
    '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">\n<div class="tabbed-block">\n'
    '<p><p class="item lvl-1" id="recognizing-a" data-line="783"><span class="label">a)</span> that <em>x</em></p></p>\n'
    '<p><div class="figure-lost">Image not available</div></p>\n'
    "<p>An ordinary paragraph with <code>&lt;p&gt;</code> in it</p>\n"
    "</div>\n</div>"
)


def test_blocks_in_a_tab_lose_the_paragraph_around_them_and_paragraphs_stay():
    html = load_hook("tab_blocks").on_page_content(TABBED, page=None, config=None, files=None)
    assert '<p class="item lvl-1" id="recognizing-a" data-line="783"><span class="label">a)</span> that <em>x</em></p>\n' in html
    assert '\n<div class="figure-lost">Image not available</div>\n' in html
    assert "<p><p" not in html and "</p></p>" not in html
    assert "<p>An ordinary paragraph with <code>&lt;p&gt;</code> in it</p>" in html


def test_a_page_without_tabs_is_left_as_it_is():
    html = "<p><p>left alone</p></p>"
    assert load_hook("tab_blocks").on_page_content(html, page=None, config=None, files=None) == html
