"""The README is what a new engineer reads first: its commands and help text must be true."""

import contextlib
import io
from pathlib import Path

import pytest

from build_corpus import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands():
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.startswith("make site") and "\nmake test" in first_block
    assert "site/index.html" in README


def test_help_text_in_the_readme_is_the_current_one():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--help"])
    assert "$ python build_corpus.py --help\n" + out.getvalue() in README
