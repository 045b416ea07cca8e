"""MkDocs hook: the pipeline's one-line HTML blocks inside a content tab stay blocks.

Python-Markdown recognises raw HTML blocks only at the top level of a page (without md_in_html,
left out because it cost a fifth of the build), so inside a tab (pymdownx.tabbed: a version with
tracked changes, "As proposed" and "Clean text") it wraps each block in a paragraph:
'<p><p class="item">…</p></p>', which a browser reads as an empty paragraph, the item, and
another empty paragraph. This unwraps them, on pages with tabs only.
"""

from __future__ import annotations

import re

_WRAPPED_BLOCK = re.compile(r"^<p>(<(p|div|ol|ul|dl|table|figure|nav|h[1-6])\b[^\n]*</\2>)</p>$", re.MULTILINE)


def on_page_content(html: str, **kwargs) -> str:  # noqa: ANN003 - MkDocs hook signature
    if 'class="tabbed-set' not in html:
        return html
    return _WRAPPED_BLOCK.sub(r"\1", html)
