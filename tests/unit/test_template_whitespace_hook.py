"""The template whitespace hook: block tags and indentation of the templates leave nothing in a page,
and whatever a line's block tag separated stays separated."""

import jinja2
from hook_loader import load_hook

TEMPLATE = (
    "<ul>\n"
    "  {% for item in items %}\n"
    "    <li>\n"
    "      {{ item }}\n"
    "    </li>\n"
    "  {% endfor %}\n"
    "</ul>\n"
    "<p>\n"
    "  <b>first</b>{% if glue %}\n"
    "  <i>second</i>{% endif %}\n"
    "  <b>third</b>\n"
    "  {%- if glue %}\n"
    "  <i>fourth</i>\n"
    "  {% endif %}\n"
    "</p>\n"
)


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"page.html": TEMPLATE}), auto_reload=False)


def test_block_tags_and_indentation_leave_no_blank_lines_and_words_stay_apart():
    plain = _env().get_template("page.html").render(items=["one", "two"], glue=True)
    env = load_hook("template_whitespace").on_env(_env(), config=None, files=None)
    trimmed = env.get_template("page.html").render(items=["one", "two"], glue=True)
    # One space where a line ended in a block tag (its newline is gone): never "</b><i>".
    assert trimmed == "<ul>\n <li>\none\n</li>\n <li>\ntwo\n</li>\n</ul>\n<p>\n<b>first</b> <i>second</i> <b>third</b> <i>fourth</i>\n</p>"
    assert " ".join(plain.split()) == " ".join(trimmed.split())
    assert len(trimmed) < len(plain) * 0.75


def test_a_template_compiled_before_the_hook_is_compiled_again():
    env = _env()
    before = env.get_template("page.html").render(items=["one"], glue=False)
    assert "\n  \n" in before
    load_hook("template_whitespace").on_env(env, config=None, files=None)
    after = env.get_template("page.html").render(items=["one"], glue=False)
    assert after == "<ul>\n <li>\none\n</li>\n</ul>\n<p>\n<b>first</b> <b>third</b></p>"
