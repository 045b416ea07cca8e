"""Bad input through the command line, as an editor meets it: the exact message on stderr
(path:line:col: severity: message, the line, a caret) and the exit code.

Covered elsewhere, not repeated here: a cp1252 byte through `check` and `check --strict` on the
bundled sources (tests/unit/test_read.py), an unknown .yml key through `check`
(tests/integration/test_editor.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_corpus import main
from integration.new_source import NEW_META, NEW_SOURCE

ROOT = Path(__file__).resolve().parents[2]

# A good source; each test breaks it in one way.
GOOD_TEXT, GOOD_META = NEW_SOURCE, NEW_META
# An attachment whose target is not in the source (line 11 is its "target:").
ATTACHMENT = """attachments:
  - lines: 7-8
    caption: "Table 1 – Targets"
    target: pp/resolution/999@bucharest-2022
"""


def sources_with(tmp_path: Path, text: bytes | str = GOOD_TEXT, meta: str = GOOD_META, stem: str = "doc") -> Path:
    """A sources folder holding one source (a .txt and its .yml) named ``stem``."""
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / f"{stem}.txt").write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    (sources / f"{stem}.yml").write_text(meta, encoding="utf-8")
    return sources


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Exit code and stderr of `build_corpus.py argv`."""
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_a_utf16_file_is_refused_with_how_to_fix_it(tmp_path, capsys):
    sources = sources_with(tmp_path, GOOD_TEXT.encode("utf-16"))
    code, err = run(capsys, "check", "--sources", str(sources))
    assert code == 1
    assert err.startswith("sources/doc.txt:1:1: error: the file is UTF-16 (it starts with a byte-order mark): save it as UTF-8\n")
    assert err.endswith("\n0 sources, 0 versions of 0 works; 1 errors, 0 warnings\n")


def test_nul_bytes_are_refused_at_their_line(tmp_path, capsys):
    sources = sources_with(tmp_path, GOOD_TEXT.replace("Strengthening", "Streng\0thening").encode())
    code, err = run(capsys, "check", "--sources", str(sources))
    assert code == 1
    assert err.startswith("sources/doc.txt:3:1: error: the file contains NUL bytes: it is not a text export\n")
    assert err.endswith("\n0 sources, 0 versions of 0 works; 1 errors, 0 warnings\n")


def test_an_empty_file_is_refused(tmp_path, capsys):
    sources = sources_with(tmp_path, " \n\n")
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert (code, err) == (1, (
        "sources/doc.txt:1:1: error: the file is empty: add the text or remove the file\n"
        "     \n"
        "    ^\n"
        "0 sources, 0 versions of 0 works; 1 errors, 0 warnings\n"
    ))
    assert not (tmp_path / "docs").exists()


def test_a_broken_source_stops_the_build_of_the_good_ones_too(tmp_path, capsys):
    """With an error anywhere, `build` writes nothing: the site never half-updates."""
    sources = sources_with(tmp_path)
    sources_with(tmp_path, b"", stem="empty")
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert code == 1
    assert err.endswith("\n1 sources, 1 versions of 1 works; 1 errors, 0 warnings\n")
    assert not (tmp_path / "docs").exists()


def test_a_five_megabyte_line_builds(tmp_path, capsys):
    clause = "to continue work on confidence and security; " * 112_000
    sources = sources_with(tmp_path, GOOD_TEXT + f"2\t{clause}\n")
    assert (sources / "doc.txt").stat().st_size > 5_000_000
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert code == 0, err
    assert err.startswith("1 sources, 1 versions of 1 works; 0 errors, 0 warnings; ")
    # The only version is the latest text: the work page shows it (its own page redirects there).
    page = (tmp_path / "docs" / "pp" / "resolution-130.md").read_text(encoding="utf-8")
    assert clause.strip() in page


@pytest.mark.parametrize(
    "meta, expected",
    [
        (GOOD_META.replace("year: 2022\n", ""),
         ("sources/doc.yml:1:1: error: required key 'year' is missing\n"
          '    title: "Final Acts of the Plenipotentiary Conference (Bucharest, 2022), extract"\n'
          "    ^\n")),
        (GOOD_META.replace("status: adopted", "status: final"),
         ("sources/doc.yml:6:1: error: status: 'final' is not one of: adopted, proposed, draft\n"
          "    status: final\n"
          "    ^\n")),
        (GOOD_META.replace("markup: word-export", "markup: html"),
         ("sources/doc.yml:7:1: error: markup: 'html' is not one of: word-export, markdown, markdown-changes\n"
          "    markup: html\n"
          "    ^\n")),
        (GOOD_META.replace("year: 2022", "year: twenty twenty-two"),
         ("sources/doc.yml:5:1: error: year: 'twenty twenty-two' is not a whole number\n"
          "    year: twenty twenty-two\n"
          "    ^\n")),
    ],
    ids=["missing-key", "bad-status", "bad-markup", "bad-year"],
)
def test_metadata_errors_name_the_key_and_the_allowed_values(tmp_path, capsys, meta, expected):
    code, err = run(capsys, "check", "--sources", str(sources_with(tmp_path, meta=meta)))
    assert (code, err) == (1, expected + "0 sources, 0 versions of 0 works; 1 errors, 0 warnings\n")


def test_a_missing_metadata_file_says_which_file_to_add(tmp_path, capsys):
    sources = sources_with(tmp_path)
    (sources / "doc.yml").unlink()
    code, err = run(capsys, "check", "--sources", str(sources))
    assert (code, err) == (1, (
        "sources/doc.yml:1:1: error: metadata file is missing: every sources/X.txt needs a sources/X.yml\n"
        "0 sources, 0 versions of 0 works; 1 errors, 0 warnings\n"
    ))


def test_the_same_version_in_two_sources_is_an_error_naming_both(tmp_path, capsys):
    sources_with(tmp_path, stem="a-first")
    sources = sources_with(tmp_path, stem="b-second")
    code, err = run(capsys, "check", "--sources", str(sources))
    assert (code, err) == (1, (
        "sources/b-second.txt:2:1: error: pp/resolution/130@bucharest-2022 is already defined at sources/a-first.txt:2; "
        "the same version of a work must appear in one source only\n"
        "    RESOLUTION 130 (Rev. Bucharest, 2022)\n"
        "    ^\n"
        "2 sources, 2 versions of 1 works; 1 errors, 0 warnings\n"
    ))


ATTACHMENT_WARNING = (
    "sources/doc.yml:11:1: warning: attachment of lines 7-8 targets 'pp/resolution/999@bucharest-2022', "
    "which this source does not have; its table stays on the document page\n"
    "        target: pp/resolution/999@bucharest-2022\n"
    "    ^\n"
)


def test_an_attachment_to_a_missing_instrument_is_a_warning_and_its_table_stays_on_the_document_page(tmp_path, capsys):
    sources = sources_with(tmp_path, meta=GOOD_META + ATTACHMENT)
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert code == 0
    assert err.startswith(ATTACHMENT_WARNING + "1 sources, 1 versions of 1 works; 0 errors, 1 warnings; ")
    assert "Table 1 – Targets" in (tmp_path / "docs" / "documents" / "doc.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "build"])
def test_strict_turns_a_warning_into_exit_1_and_writes_nothing(tmp_path, capsys, command):
    sources = sources_with(tmp_path, meta=GOOD_META + ATTACHMENT)
    code, err = run(capsys, command, "--strict", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert (code, err) == (1, ATTACHMENT_WARNING + "1 sources, 1 versions of 1 works; 0 errors, 1 warnings\n")
    assert not (tmp_path / "docs").exists()


def test_report_against_something_that_is_neither_a_file_nor_a_ref(tmp_path, capsys):
    code, err = run(capsys, "report", "--sources", str(sources_with(tmp_path)), "--against", "no-such-ref-or-file")
    assert code == 1
    assert err.endswith("build_corpus.py: --against 'no-such-ref-or-file' is neither a corpus.json file nor a git ref\n")


def test_attachment_lines_past_the_end_point_at_the_yml(tmp_path, capsys):
    attachment = ATTACHMENT.replace("lines: 7-8", "lines: 20-30").replace("999", "130")
    code, err = run(capsys, "check", "--sources", str(sources_with(tmp_path, meta=GOOD_META + attachment)))
    assert code == 0
    assert err.startswith("sources/doc.yml:11:1: warning: attachment lines 20-30 run past the end of the file")


@pytest.mark.parametrize(
    "text",
    [
        GOOD_TEXT.replace("(Rev. Bucharest, 2022)", "(Rev. Kyoto\x1b[H\x1b[J, 1994)").encode(),
        GOOD_TEXT.replace("Strengthening", "Streng\0thening").encode(),
        GOOD_TEXT.encode("utf-16"),
    ],
    ids=["escape-sequence", "nul", "utf-16"],
)
def test_a_diagnostic_never_echoes_control_characters_to_the_terminal(tmp_path, capsys, text):
    _, err = run(capsys, "check", "--sources", str(sources_with(tmp_path, text)))
    assert ": warning: " in err or ": error: " in err
    assert [c for c in err if c < " " and c != "\n"] == []


def test_a_source_file_name_that_is_not_a_slug_never_reaches_a_page_path(tmp_path, capsys):
    """Either the name is refused (error naming the file) or only its slug reaches docs/."""
    sources = sources_with(tmp_path, stem="Final Acts {{ config }} <b>")
    docs = tmp_path / "docs"
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(docs))
    written = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()] if docs.exists() else []
    assert [p for p in written if not re.fullmatch(r"[a-z0-9][a-z0-9./-]*|\.generated", p)] == []
    assert code == 0 or "sources/Final Acts {{ config }} <b>.txt:1:1: error: " in err


def test_two_file_names_with_one_slug_never_share_a_document_page(tmp_path, capsys):
    """'Doc 0' and 'doc-0' would both be documents/doc-0.html: the second is refused, naming both."""
    sources_with(tmp_path, stem="Doc 0")
    sources = sources_with(tmp_path, GOOD_TEXT.replace("130", "131"), stem="doc-0")
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert (code, err) == (1, (
        "sources/doc-0.txt:1:1: error: this file name gives the same page name (doc-0) as sources/Doc 0.txt: rename one of them\n"
        "    MOD #1\n"
        "    ^\n"
        "1 sources, 1 versions of 1 works; 1 errors, 0 warnings\n"
    ))
    assert not (tmp_path / "docs").exists()


def test_the_check_example_in_contributing_is_what_check_prints(tmp_path, capsys):
    """CONTRIBUTING.md shows `check` on a copy with `status: final`: every line of it, in order."""
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    wtpf = sources / "wtpf-2021-sg-report.yml"
    wtpf.write_text(wtpf.read_text(encoding="utf-8").replace("status: draft", "status: final"), encoding="utf-8")
    code, err = run(capsys, "check", "--sources", str(sources))
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = guide.split("$ .venv/bin/python build_corpus.py check\n", 1)[1].split("```", 1)[0].splitlines()
    printed = iter(err.splitlines())
    assert code == 1
    assert [line for line in shown if line in printed] == shown  # a subsequence: the example skips some warnings


SUMMARY_ONE_WARNING = "1 sources, 1 versions of 1 works; 0 errors, 1 warnings"
# recalling a), b), d): c) is missing.
LABEL_TEXT = GOOD_TEXT.replace("resolves\n", "b)\tResolution 131 (Rev. Dubai, 2018);\nd)\tResolution 133 (Rev. Dubai, 2018);\nresolves\n")
LABEL_WARNING = (
    "sources/doc.txt:8:1: warning: list label 'd)' follows 'b)' under 'recalling': expected 'c)'; "
    "check for a missing, repeated or mistyped item\n"
    "    d) Resolution 133 (Rev. Dubai, 2018);\n"
    "    ^\n"
)


def test_a_list_label_out_of_sequence_is_a_warning_naming_the_label_expected(tmp_path, capsys):
    code, err = run(capsys, "check", "--sources", str(sources_with(tmp_path, LABEL_TEXT)))
    assert (code, err) == (0, LABEL_WARNING + SUMMARY_ONE_WARNING + "\n")


MARKDOWN_CHANGES_META = GOOD_META.replace("markup: word-export", "markup: markdown-changes")


@pytest.mark.parametrize(
    "text, meta, expected, shown",
    [
        (GOOD_TEXT.replace("resolves\n", "[bookmark: _Toc406757646resolves\n"), GOOD_META, (
            "sources/doc.txt:7:1: warning: bookmark '[bookmark: _Toc406757646resolves' is not closed by ']': the page shows "
            "it as text, as it stands; end the bookmark name with ']' (or remove the bookmark)\n"
            "    [bookmark: _Toc406757646resolves\n"
            "    ^\n"), "&#91;bookmark: &#95;Toc406757646resolves</p>"),
        (GOOD_TEXT.replace("Conference;\n", "Conference[footnoteRef:2;\n"), GOOD_META, (
            "sources/doc.txt:6:71: warning: footnote reference '[footnoteRef:2' is not closed by ']': the page shows it as "
            "text, not as a footnote mark; write it as '[footnoteRef:2]'\n"
            "    a) Resolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference[footnoteRef:2;\n"
            "                                                                          ^\n"), "</a>&#91;footnoteRef:2;</p>"),
        (GOOD_TEXT.replace("Conference;\n", "Conference[footnoteRef:2]1 [2: 1\tAs revised by this conference.\n"), GOOD_META, (
            "sources/doc.txt:6:88: warning: footnote text '[2: …' is not closed by ']' on its line: the page shows it as text "
            "where it stands, not as footnote 2 at the foot of the page; end the footnote text with ']' on this line\n"
            "    a) Resolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference[footnoteRef:2]1 [2: 1 As revised by this conference.\n"
            "                                                                                           ^\n"
            "sources/doc.txt:6:1: warning: a footnote mark has no footnote text anywhere in the source; shown as a bare mark\n"
            "    a) Resolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference[footnoteRef:2]1 [2: 1 As revised by this conference.\n"
            "    ^\n"), " &#91;2: 1 As revised by this conference.</p>"),
        (GOOD_TEXT.replace("(Rev. Dubai, 2018)", "(Rev. ~~Antalya, 2006 Dubai, 2018)"), MARKDOWN_CHANGES_META, (
            "sources/doc.txt:6:25: warning: deletion '~~' is not closed by '~~' on this line (a deletion never crosses a line): "
            "the page shows the '~~' and the text after it as they stand, not as deleted text; add the closing '~~' where "
            "the deletion ends\n"
            "    a) Resolution 130 (Rev. ~~Antalya, 2006 Dubai, 2018) of the Plenipotentiary Conference;\n"
            "                            ^\n"), "(Rev. &#126;&#126;Antalya, 2006 Dubai, 2018) of the Plenipotentiary Conference"),
    ],
    ids=["bookmark", "footnote-reference", "footnote-text", "deletion"],
)
def test_an_unclosed_mark_is_a_warning_and_its_text_is_shown_as_it_stands(tmp_path, capsys, text, meta, expected, shown):
    """Nothing is lost (the conservation check stays quiet) and nothing becomes live Markdown."""
    code, err = run(capsys, "build", "--sources", str(sources_with(tmp_path, text, meta)), "--out", str(tmp_path / "docs"))
    warnings = expected.count(": warning: ")
    assert code == 0
    assert err.startswith(expected + f"1 sources, 1 versions of 1 works; 0 errors, {warnings} warnings; ")
    assert shown in (tmp_path / "docs" / "pp" / "resolution-130.md").read_text(encoding="utf-8")


# Annex 2 to a resolution that has one annex.
PART_TEXT = GOOD_TEXT.replace(
    "a)\tResolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference;", "a)\tAnnex 2 to Resolution 130 (Rev. Bucharest, 2022);"
) + "ANNEX 1 TO RESOLUTION 130 (Rev. Bucharest, 2022)\nText of the annex.\n"
PART_WARNING = (
    "sources/doc.txt:6:4: warning: 'Annex 2 to Resolution 130 (Rev. Bucharest, 2022)' cites annex-2 of Resolution 130 "
    "(Rev. Bucharest, 2022), which has no such part (it has annex-1); the link goes to the top of that page\n"
    "    a) Annex 2 to Resolution 130 (Rev. Bucharest, 2022);\n"
    "       ^\n"
)


def test_a_citation_of_an_annex_the_text_does_not_have_is_a_warning_and_links_to_the_page(tmp_path, capsys):
    code, err = run(capsys, "build", "--sources", str(sources_with(tmp_path, PART_TEXT)), "--out", str(tmp_path / "docs"))
    assert code == 0
    assert err.startswith(PART_WARNING + SUMMARY_ONE_WARNING + "; ")
    page = (tmp_path / "docs" / "pp" / "resolution-130.md").read_text(encoding="utf-8")
    assert '<a class="cite" href="../pp/resolution-130.html" title=' in page


@pytest.mark.parametrize(
    "text, meta, expected",
    [
        (LABEL_TEXT, GOOD_META, LABEL_WARNING),
        (GOOD_TEXT.replace("(Rev. Dubai, 2018)", "(Rev. ~~Antalya, 2006 Dubai, 2018)"), MARKDOWN_CHANGES_META,
         "sources/doc.txt:6:25: warning: deletion '~~' is not closed by '~~' on this line"),
        (PART_TEXT, GOOD_META, PART_WARNING),
    ],
    ids=["label", "unclosed-mark", "missing-part"],
)
def test_strict_turns_each_new_validation_warning_into_exit_1(tmp_path, capsys, text, meta, expected):
    code, err = run(capsys, "check", "--strict", "--sources", str(sources_with(tmp_path, text, meta)))
    assert code == 1
    assert err.startswith(expected) and err.endswith("\n" + SUMMARY_ONE_WARNING + "\n")


def test_the_new_validation_examples_in_contributing_are_what_the_build_prints(tmp_path, capsys):
    """The label example is the message above; the part example is the bundled Final Acts with
    'Annex 2 to Decision 5' of line 3750 mistyped as 'Annex 3'."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"| `{LABEL_WARNING.split(': warning: ')[1].splitlines()[0]}` |" in guide
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    dubai = sources / "pp-2018-dubai-final-acts.txt"
    lines = dubai.read_text(encoding="utf-8").split("\n")
    lines[3749] = lines[3749].replace("Annex 2 to Decision 5", "Annex 3 to Decision 5")
    dubai.write_text("\n".join(lines), encoding="utf-8")
    code, err = run(capsys, "check", "--sources", str(sources))
    message = guide.split("| `'Annex 3 to Decision 5", 1)[1].split("` |", 1)[0]
    assert code == 0
    assert f"sources/pp-2018-dubai-final-acts.txt:3750:4: warning: 'Annex 3 to Decision 5{message}\n" in err


def test_an_action_line_above_a_mistyped_heading_is_a_warning_and_nothing_is_lost(tmp_path, capsys):
    """'RESOLUTON 131 …' under 'MOD #2' is no heading: the editor is told, and its text stays on a page."""
    second = "MOD\t#2\nRESOLUTON 131 (Rev. Bucharest, 2022)\nA second text\n"
    sources = sources_with(tmp_path, GOOD_TEXT + second)
    code, err = run(capsys, "build", "--sources", str(sources), "--out", str(tmp_path / "docs"))
    assert code == 0
    assert err.startswith(
        "sources/doc.txt:10:1: warning: the line under action line 'MOD #2' is not an instrument heading the build reads: "
        "write it as KIND NUMBER (REVISION), e.g. 'RESOLUTION 130 (Rev. Dubai, 2018)', followed by the title and the "
        "enacting formula; until then this text is shown with the text above it\n"
        "    RESOLUTON 131 (Rev. Bucharest, 2022)\n"
        "    ^\n" + SUMMARY_ONE_WARNING + "; "
    )
    page = (tmp_path / "docs" / "pp" / "resolution-130.md").read_text(encoding="utf-8")
    assert "RESOLUTON 131 (Rev. Bucharest, 2022)" in page and "A second text" in page
    code, _ = run(capsys, "check", "--strict", "--sources", str(sources))
    assert code == 1
