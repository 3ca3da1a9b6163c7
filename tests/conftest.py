"""Fixtures that build small real indexes from the seed corpus and `tests/data/docs/`."""
from pathlib import Path

import pytest

from indexer.engine import Engine, build
from webui import create_app

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "corpus"
DOCS = Path(__file__).resolve().parent / "data" / "docs"


def build_index(tmp_path: Path, *corpora: Path) -> Path:
    """A real index of `corpora` in a fresh directory; fails the test on any skipped file."""
    problems = []
    build(list(corpora), tmp_path, lambda path, reason: problems.append((path, reason)))
    assert not problems, problems
    return tmp_path


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return build_index(tmp_path_factory.mktemp("index"), SEEDS, DOCS)


@pytest.fixture(scope="session")
def engine(index_dir) -> Engine:
    return Engine(index_dir)


@pytest.fixture()
def client(index_dir):
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
