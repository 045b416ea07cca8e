"""Work spread over processes gives what one process gives."""

import pickle

from build_corpus import build_corpus
from tests.conftest import ROOT


def test_a_parsed_corpus_crosses_a_process_boundary_unchanged(built):
    corpus, _, _ = built
    copy = pickle.loads(pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == corpus
    assert [type(block) for block in copy.versions[0].blocks] == [type(block) for block in corpus.versions[0].blocks]


def test_two_workers_and_one_process_build_the_same_corpus(monkeypatch):
    monkeypatch.setenv("CORPUS_WORKERS", "2")
    in_workers = build_corpus(ROOT / "sources")
    monkeypatch.setenv("CORPUS_WORKERS", "1")
    assert build_corpus(ROOT / "sources") == in_workers


def _square(shared, index):
    return shared[index] ** 2


def test_costliest_items_first_and_the_results_still_in_input_order(monkeypatch):
    from corpus import parallel

    monkeypatch.setenv("CORPUS_WORKERS", "2")
    numbers = list(range(40))
    costs = [(n * 7) % 13 for n in numbers]
    assert parallel.map_in_workers(_square, len(numbers), numbers, costs=costs) == [n * n for n in numbers]
