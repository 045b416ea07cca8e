"""The GitHub Actions workflow runs commands that exist: its make targets, and its report step,
played in a temporary clone whose origin/main is the base branch of a pull request."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    """The workflow as data (PyYAML reads the key `on` as True)."""
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.fixture(scope="module")
def steps(workflow) -> list[dict]:
    (job,) = workflow["jobs"].values()
    return job["steps"]


def run_lines(steps: list[dict]) -> list[str]:
    """Every command line of every `run:` step."""
    return [line.strip() for step in steps if "run" in step for line in step["run"].splitlines() if line.strip()]


def test_it_runs_on_pull_requests_and_on_pushes_to_main(workflow):
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"


def test_every_make_target_it_runs_exists(steps):
    targets = [word for line in run_lines(steps) if line.startswith("make ") for word in shlex.split(line)[1:]]
    assert {"site", "test"} <= set(targets)
    for target in targets:
        dry_run = subprocess.run(["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, check=False)
        assert dry_run.returncode == 0, f"make {target}: {dry_run.stderr}"


def test_it_installs_chromium_with_apt_and_uploads_the_site(steps):
    assert any(re.match(r"(DEBIAN_FRONTEND=\S+ )?apt-get install .*\bchromium\b", line) for line in run_lines(steps))
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_the_checkout_has_the_history_the_report_needs(steps):
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def report_step(steps: list[dict]) -> dict:
    return next(step for step in steps if "build_corpus.py report" in step.get("run", ""))


def test_the_report_runs_on_pull_requests_only(steps):
    step = report_step(steps)
    assert "github.event_name == 'pull_request'" in step["if"]
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"


def pull_request_clone(tmp_path: Path) -> Path:
    """A git repository holding the pipeline and sources, with origin/main at its first commit
    and a pull request's change (one word of Decision 5) in the working tree."""
    clone = tmp_path / "clone"
    clone.mkdir()
    for name in ("build_corpus.py", "corpus", "sources"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, clone / name)
    (clone / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    git = ["git", "-C", str(clone), "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "build_corpus.py", "corpus", "sources"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    dubai = clone / "sources" / "pp-2018-dubai-final-acts.txt"
    dubai.write_text(dubai.read_text(encoding="utf-8").replace(
        "that the ITU Council is authorized to draw up", "that the ITU Council shall be authorized to draw up", 1), encoding="utf-8")
    return clone


def test_the_report_step_writes_the_change_into_the_job_summary(steps, tmp_path):
    """The step's own script, run as Actions runs it, against origin/main of a temporary clone."""
    clone = pull_request_clone(tmp_path)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary)}
    script = report_step(steps)["run"]
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                            cwd=clone, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# What this change does to the site")
    assert "`#decides-1`: that the ITU Council [-is-] {+shall be+} authorized" in text
    assert "### Problems found in the sources" in text  # the bundled sources' known warnings
