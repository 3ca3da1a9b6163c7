"""Fixtures that build small real indexes from the seed corpus and `tests/data/docs/`."""
import functools
import importlib.util
from pathlib import Path

import pytest
from whoosh import query as wq

from indexer import querylang as ql
from indexer.engine import Engine, build
from indexer.engine.query import Adjacent, Forms
from indexer.extract.partners import PartnerCatalog
from indexer.request import SearchRequest
from webui import create_app

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "corpus"
DOCS = Path(__file__).resolve().parent / "data" / "docs"
LABELLED = Path(__file__).resolve().parent / "data" / "labelled"  # dated news, with what extraction should find


def load_bench_script(name: str):
    """A script of `bench/` as a module (bench is a folder of scripts, not a package)."""
    path = REPO / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
def news_index_dir(tmp_path_factory) -> Path:
    """The seeds, the test documents and the labelled news: documents with dates, years and partners."""
    return build_index(tmp_path_factory.mktemp("news-index"), SEEDS, DOCS, LABELLED)


@pytest.fixture(scope="session")
def engine(index_dir) -> Engine:
    return Engine(index_dir)


@pytest.fixture(scope="session")
def news_engine(news_index_dir) -> Engine:
    return Engine(news_index_dir)


@pytest.fixture()
def client(index_dir):
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()


@functools.cache
def _catalog() -> PartnerCatalog:
    return PartnerCatalog.load()


def search(index_dir: Path, q: str = "", page: int = 1) -> dict:
    """A search through a freshly opened engine, as a new process of the site would see the index."""
    return Engine(index_dir, _catalog()).search(SearchRequest.from_params(q=q, page=page, per_page=100))


def indexed_ids(index_dir: Path) -> set[str]:
    """The id of every document in the index."""
    ids: set[str] = set()
    page = 1
    while True:
        hits = search(index_dir, page=page)["hits"]
        ids |= {hit["id"] for hit in hits}
        if len(hits) < 100:
            return ids
        page += 1


def whoosh_query(node) -> wq.Query:
    """Whoosh's own query for what a resolved tree (`engine.query.resolve`) matches: the reference the tests
    hold the engine's array matching to."""
    if isinstance(node, Forms):
        return wq.Or([wq.Term(f, term, boost=weight) for f, term, weight in node.weighted]) if node.weighted else wq.NullQuery
    if isinstance(node, Adjacent):
        return wq.Or([wq.Sequence([wq.Or([wq.Term(f, term, boost=weight) for term, weight in slot]) for slot in node.slots])
                      for f in node.fields])
    if isinstance(node, ql.Not):
        return wq.Not(whoosh_query(node.part))
    if isinstance(node, ql.Or):
        return wq.Or([whoosh_query(part) for part in node.parts])
    positive = [whoosh_query(part) for part in node.parts if not isinstance(part, ql.Not)]
    negative = [whoosh_query(part.part) for part in node.parts if isinstance(part, ql.Not)]
    found = wq.And(positive) if positive else wq.Every()
    return wq.AndNot(found, wq.Or(negative)) if negative else found
