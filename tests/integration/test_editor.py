"""An editor's pull request, played end to end: add a document, break one, fix a typo in another."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_corpus import main
from integration.new_source import NEW_META, NEW_SOURCE

ROOT = Path(__file__).resolve().parents[2]


def editor_sources(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    (sources / "pp-2022-bucharest-extract.txt").write_text(NEW_SOURCE, encoding="utf-8")
    (sources / "pp-2022-bucharest-extract.yml").write_text(NEW_META, encoding="utf-8")
    dubai = sources / "pp-2018-dubai-final-acts.txt"
    dubai.write_text(dubai.read_text(encoding="utf-8").replace(
        "that the ITU Council is authorized to draw up", "that the ITU Council shall be authorized to draw up", 1), encoding="utf-8")
    return sources


def test_a_broken_metadata_file_is_named_with_line_and_fix(tmp_path, capsys):
    sources = editor_sources(tmp_path)
    wtpf = sources / "wtpf-2021-sg-report.yml"
    wtpf.write_text(wtpf.read_text(encoding="utf-8") + "confrence: Geneva\n", encoding="utf-8")
    assert main(["check", "--sources", str(sources)]) == 1
    err = capsys.readouterr().err
    assert "sources/wtpf-2021-sg-report.yml:9:1: error: unknown key 'confrence'; allowed keys: title, body, body_name, conference" in err
    assert "\n    confrence: Geneva\n    ^" in err


def test_the_report_shows_the_new_version_the_typo_and_the_newly_resolved_citation(tmp_path, capsys):
    sources = editor_sources(tmp_path)
    previous = tmp_path / "previous"
    assert main(["build", "--out", str(previous)]) == 0
    assert main(["report", "--sources", str(sources), "--against", str(previous / "corpus.json")]) == 0
    report = capsys.readouterr().out
    assert "## Versions added (1)\n\n- `pp/resolution/130@bucharest-2022` Strengthening the role of ITU" in report
    assert "- `pp/decision/5@dubai-2018`: 1 paragraph changed, 0 added, 0 removed" in report
    assert "`#decides-1`: that the ITU Council [-is-] {+shall be+} authorized" in report


def test_the_new_document_joins_the_history_of_its_work(tmp_path):
    sources = editor_sources(tmp_path)
    assert main(["build", "--sources", str(sources), "--out", str(tmp_path / "docs")]) == 0
    page = (tmp_path / "docs" / "pp" / "resolution-130.md").read_text(encoding="utf-8")
    timeline = page[page.index("## History") : page.index("## Text")]
    # The new latest text is the one this page shows (its own page redirects here).
    assert timeline.index("busan-2014.html") < timeline.index("dubai-2018.html") < timeline.index('href="#text">Resolution 130 (Rev. Bucharest, 2022)')
    assert '<a class="cite" href="../pp/resolution-130/dubai-2018.html"' in page
