"""The parallel_pages hook: `mkdocs build` on two cores gives the same site, and the same messages,
as in one process, and a broken link in the second process's pages still fails a --strict build."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = f"""site_name: parallel
use_directory_urls: false
theme: {{name: material}}
markdown_extensions: [toc, attr_list, footnotes]
validation: {{anchors: warn}}
hooks: [{ROOT / "overrides" / "hooks" / "parallel_pages.py"}]
"""


def _project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\n" + "".join(f"- [Page {n}](page-{n}.md#part-{n})\n" for n in range(8)), encoding="utf-8")
    for n in range(8):
        (docs / f"page-{n}.md").write_text(
            f"---\ntitle: Page {n}\n---\n\n# Page {n}\n\n## Part {n}\n\nText[^1] of page {n}, see [home](index.md).\n\n[^1]: A note.\n"
            + ("\nA [broken link](missing.md) and [a missing anchor](page-0.md#nowhere).\n" if n == 7 else ""),
            encoding="utf-8")
    return tmp_path


def _build(project: Path, site: str, *args: str, workers: str = "") -> subprocess.CompletedProcess[str]:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **({"CORPUS_WORKERS": workers} if workers else {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args, "-d", site], cwd=project,
                          capture_output=True, text=True, check=False, env=env)


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("WARNING")]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the hook forks; without fork it converts in one process")
def test_two_processes_build_the_same_site_with_the_same_warnings_as_one(tmp_path):
    project = _project(tmp_path)
    two, one = _build(project, "site-two"), _build(project, "site-one", workers="1")
    assert two.returncode == one.returncode == 0
    assert "pages of the Markdown converted in a second process" in two.stderr
    assert "second process" not in one.stderr
    # The broken link and the missing anchor are in the last page, converted by the second process.
    assert _warnings(two.stderr) == _warnings(one.stderr)
    assert any("contains a link 'missing.md'" in line for line in _warnings(two.stderr))
    assert any("does not contain an anchor '#nowhere'" in line for line in _warnings(two.stderr))
    compared = filecmp.dircmp(project / "site-two", project / "site-one")
    assert _differences(compared) == []
    assert "A note." in (project / "site-two" / "page-7.html").read_text(encoding="utf-8")


def test_a_warning_from_the_second_process_fails_a_strict_build(tmp_path):
    strict = _build(_project(tmp_path), "site", "--strict")
    assert strict.returncode == 1
    assert "Aborted with 2 warnings in strict mode!" in strict.stdout + strict.stderr


def _differences(compared: filecmp.dircmp) -> list[str]:  # type: ignore[type-arg]
    # dircmp compares by stat first: every common file is compared by content.
    _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
    found = mismatch + errors + compared.left_only + compared.right_only
    for sub in compared.subdirs.values():
        found += _differences(sub)
    return found


def test_a_plugin_that_reads_pages_as_they_are_populated_keeps_the_build_in_one_process(tmp_path):
    project = _project(tmp_path)
    # A plugin gathering data in on_page_markdown would miss the pages of a second process.
    (project / "gather.py").write_text(
        "SEEN = []\n\ndef on_page_markdown(markdown, page, **kwargs):\n    SEEN.append(page.file.src_uri)\n"
        "    return markdown + f'\\n\\nPages read so far: {len(SEEN)}\\n'\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("hooks: [", "hooks: [gather.py, ")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = _build(project, "site")
    assert build.returncode == 0
    assert "a plugin acts on pages as they are read: the Markdown is converted in this process only" in build.stderr
    assert "Pages read so far: 9" in (project / "site" / "page-7.html").read_text(encoding="utf-8")
