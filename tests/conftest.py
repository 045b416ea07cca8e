"""Shared fixtures: the corpus built once per session from sources/, and the golden switch."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_corpus import build_corpus  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def built():
    """(corpus, histories, attached) for the bundled sources."""
    return build_corpus(ROOT / "sources")


@pytest.fixture(scope="session")
def versions(built):
    """Versions by id string."""
    corpus, _, _ = built
    return {str(version.id): version for version in corpus.versions}

