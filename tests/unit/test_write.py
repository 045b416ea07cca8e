"""Writing docs/: only changed files, stale pages removed, nothing half-written on failure."""

from pathlib import Path

import pytest

from corpus.write import write_pages


def test_only_changed_files_are_rewritten_and_stale_pages_removed(tmp_path):
    assert write_pages(tmp_path, {"a.md": "A", "pp/b.md": "B"}) == 2
    (tmp_path / "about.md").write_text("hand-written", encoding="utf-8")
    before = (tmp_path / "a.md").stat().st_mtime_ns
    assert write_pages(tmp_path, {"a.md": "A", "pp/c.md": "C"}) == 2  # c written, b removed
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert not (tmp_path / "pp" / "b.md").exists() and (tmp_path / "pp" / "c.md").read_text() == "C"
    assert (tmp_path / "about.md").read_text() == "hand-written"
    assert not list(tmp_path.glob(".staging-*"))


def test_a_failure_while_writing_leaves_docs_as_it_was(tmp_path, monkeypatch):
    write_pages(tmp_path, {"a.md": "old A", "b.md": "old B"})
    calls = []

    def failing_write_bytes(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 2:
            raise OSError("disk full")
        return _plain_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write_bytes)
    with pytest.raises(OSError, match="disk full"):
        write_pages(tmp_path, {"a.md": "new A", "b.md": "new B"})
    monkeypatch.undo()
    assert (tmp_path / "a.md").read_text() == "old A" and (tmp_path / "b.md").read_text() == "old B"
    assert not list(tmp_path.glob(".staging-*"))


def _plain_write(path: Path, data: bytes) -> int:
    with open(path, "wb") as stream:
        return stream.write(data)


def test_no_page_may_be_written_outside_docs(tmp_path):
    with pytest.raises(ValueError, match="refusing to write outside"):
        write_pages(tmp_path, {"../escape.md": "x"})
