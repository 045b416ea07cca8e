"""The live-preview hook: under `mkdocs serve`, sources/ is watched and rebuilt into docs/."""

import shutil
from pathlib import Path

from hook_loader import load_hook

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "council-2020-russia-draft-resolution-covid-19"


def _hook():
    return load_hook("live_sources")


def _project(tmp_path: Path) -> dict:
    (tmp_path / "sources").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "sources" / f"{SOURCE}{suffix}", tmp_path / "sources")
    shutil.copy(ROOT / "sources" / "topics.yml", tmp_path / "sources")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return {"config_file_path": str(tmp_path / "mkdocs.yml"), "docs_dir": str(tmp_path / "docs"), "watch": []}


def test_under_serve_an_edited_source_is_rebuilt_before_the_preview_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_WORKERS", "1")  # restored after the test
    hook, config = _hook(), _project(tmp_path)
    hook.on_startup(command="serve", dirty=True)
    assert hook.on_config(config)["watch"] == [str((tmp_path / "sources").resolve())]
    hook.on_pre_build(config)
    page = tmp_path / "docs" / "council" / "resolution-covid-19.md"  # the work page shows its only (latest) text
    assert "the tragic events" in page.read_text(encoding="utf-8")
    source = tmp_path / "sources" / f"{SOURCE}.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("the tragic events", "the sad events"), encoding="utf-8")
    hook.on_pre_build(config)
    assert "the sad events" in page.read_text(encoding="utf-8")


def test_a_plain_build_neither_watches_nor_rebuilds(tmp_path):
    hook, config = _hook(), _project(tmp_path)
    hook.on_startup(command="build", dirty=False)
    assert hook.on_config(config)["watch"] == []
    hook.on_pre_build(config)
    assert not (tmp_path / "docs").exists()
