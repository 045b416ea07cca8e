"""Bad input gets a clear error with file and line, never a traceback."""

import shutil
from pathlib import Path

import pytest

from build_corpus import main
from corpus.read import SourceError, read_source

ROOT = Path(__file__).resolve().parents[2]
GOOD_META = (ROOT / "sources" / "council-2020-russia-draft-resolution-covid-19.yml").read_text(encoding="utf-8")


def write(tmp_path, data: bytes, meta: str = GOOD_META) -> Path:
    (tmp_path / "doc.txt").write_bytes(data)
    (tmp_path / "doc.yml").write_text(meta, encoding="utf-8")
    return tmp_path / "doc.txt"


@pytest.mark.parametrize(
    "data, line, col, message",
    [
        (b"", 1, 1, "the file is empty"),
        ("\ufeffabc".encode("utf-16"), 1, 1, "UTF-16"),
        ("line one\nthe caf\u00e9\n".encode("cp1252"), 2, 8, "byte 0xe9 is not UTF-8 (is the file cp1252?)"),
        (b"ok\nbad\x00line\n", 2, 1, "NUL bytes"),
    ],
)
def test_undecodable_sources_are_reported_with_line_and_column(tmp_path, data, line, col, message):
    with pytest.raises(SourceError) as error:
        read_source(write(tmp_path, data), tmp_path)
    diagnostic = error.value.diagnostic
    assert (diagnostic.path, diagnostic.line, diagnostic.col) == ("doc.txt", line, col)
    assert message in diagnostic.message


@pytest.mark.parametrize(
    "meta, line, message",
    [
        (GOOD_META + "colour: blue\n", 9, "unknown key 'colour'; allowed keys: title, body"),
        (GOOD_META.replace("status: draft", "status: final"), 6, "status: 'final' is not one of: adopted, proposed, draft"),
        (GOOD_META.replace("year: 2020\n", ""), 1, "required key 'year' is missing"),
        ("title: [unclosed\n", 2, "not valid YAML"),
        (GOOD_META + "attachments:\n  - lines: 9-3\n    caption: x\n    target: y\n", 9, "write them as FIRST-LAST"),
    ],
)
def test_metadata_schema_errors_name_the_key_and_line(tmp_path, meta, line, message):
    with pytest.raises(SourceError) as error:
        read_source(write(tmp_path, b"text\n", meta), tmp_path)
    assert error.value.diagnostic.path == "doc.yml"
    assert error.value.diagnostic.line == line
    assert message in error.value.diagnostic.message


def test_missing_metadata_file(tmp_path):
    (tmp_path / "doc.txt").write_text("text", encoding="utf-8")
    with pytest.raises(SourceError, match="metadata file is missing"):
        read_source(tmp_path / "doc.txt", tmp_path)


def test_a_five_megabyte_line_is_read(tmp_path):
    source = read_source(write(tmp_path, b"x" * 5_000_000 + b"\n"), tmp_path)
    assert len(source.lines[0]) == 5_000_000


def test_check_command_reports_bad_sources_and_exits_1(tmp_path, capsys):
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    (sources / "broken.txt").write_bytes("caf\u00e9".encode("cp1252"))
    shutil.copy(sources / "council-2020-russia-draft-resolution-covid-19.yml", sources / "broken.yml")
    assert main(["check", "--sources", str(sources)]) == 1
    err = capsys.readouterr().err
    assert "sources/broken.txt:1:4: error: byte 0xe9 is not UTF-8" in err
    assert "\n    caf" in err and "\n       ^" in err


def test_check_on_the_bundled_sources_passes_but_strict_fails_on_warnings(capsys):
    assert main(["check"]) == 0
    assert main(["check", "--strict"]) == 1
    assert "pp-2014-busan-wgpl-document-149.txt:44:16: warning: heading revision" in capsys.readouterr().err
