"""MkDocs hook: the theme's templates leave no blank lines and no indentation in the pages.

Material's templates put each {% if %}, {% for %} and {% set %} on a line of its own, indented:
Jinja's defaults keep every such line as a blank line, and every line's indentation, in each page
(about 270 blank lines and 2.6 KB of indentation on a page here: a sixth of a median page). Here, once
per build, before any template is compiled (on_env):

- Jinja's trim_blocks and lstrip_blocks: a line holding only a block tag leaves nothing behind;
- the templates' own indentation is dropped as each one is loaded (once a build, not once a page).
  Where the previous line ends in a block tag, whose newline trim_blocks removes, one space stays
  in its place, so that two things on either side of the tag are never glued together.

Only the templates' own text changes: a page's content, table of contents and titles are values put
into the templates, and are left as they are. What a reader sees is the same (a test builds a site
with and without this hook and compares the text, the <pre> blocks and the scripts): whitespace
disappears only where the theme has whitespace between two list items, two icons of which one is
hidden, a form and a script, and before <!doctype html>.
"""

from __future__ import annotations

from itertools import pairwise

import jinja2


class _Dedented(jinja2.BaseLoader):
    """The theme's loader, its templates without their indentation."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(self, environment: jinja2.Environment, template: str):  # noqa: ANN201 - as BaseLoader
        source, filename, uptodate = self.loader.get_source(environment, template)
        return dedent(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


def dedent(source: str) -> str:
    """Each line without its leading spaces and tabs, but one space where the line before ends in
    a block or comment tag (trim_blocks removes that newline: the space keeps the separation)."""
    lines = source.replace("\r\n", "\n").split("\n")
    out = lines[:1]
    for previous, line in pairwise(lines):
        stripped = line.lstrip(" \t")
        if stripped != line and previous.endswith(("%}", "#}")):
            stripped = " " + stripped
        out.append(stripped)
    return "\n".join(out)


def on_env(env: jinja2.Environment, config, files) -> jinja2.Environment:  # noqa: ANN001 - MkDocs hook signature
    env.trim_blocks = True
    env.lstrip_blocks = True
    if not isinstance(env.loader, _Dedented):
        env.loader = _Dedented(env.loader)
    if env.cache is not None:
        env.cache.clear()  # no template compiled before this stays (the lexer follows the new settings)
    return env
