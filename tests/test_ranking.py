"""Our BM25F gives Whoosh's scores, on whole posting lists."""
import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.scoring import BM25F

from indexer.engine.arrays import live_mask
from indexer.engine.docset import DocSet
from indexer.engine.postings import PostingCache
from indexer.engine.ranking import Ranker

QUERIES = [
    [("body", "ombudsman", 1.0)],
    [("title", "ombudsman", 1.0), ("body", "ombudsman", 1.0)],
    [("body", "=hüquqları", 1.5), ("body", "hüquq", 1.0), ("body", "~huquq", 0.6), ("title", "hüquq", 1.0)],
    [("body", "pakistan", 1.0), ("body", "seminar", 1.0), ("body", "yoxbeləsöz", 1.0)],
]


@pytest.fixture(scope="module")
def searcher(index_dir):
    with whoosh_index.open_dir(str(index_dir)).searcher(weighting=BM25F()) as opened:
        yield opened


@pytest.mark.parametrize("weighted", QUERIES)
def test_scores_are_whooshs_bm25f(searcher, weighted):
    reader = searcher.reader()
    ranker, cache = Ranker(reader), PostingCache(reader.doc_count_all(), 10_000)
    scores = ranker.scores(reader, cache, weighted)
    whoosh = wq.Or([wq.Term(field, term, boost=weight) for field, term, weight in weighted])
    expected = {hit.docnum: hit.score for hit in searcher.search(whoosh, limit=None)}
    assert expected
    assert {doc: pytest.approx(score, rel=1e-5) for doc, score in expected.items()} == {
        doc: float(scores[doc]) for doc in range(len(scores)) if scores[doc]}


def test_best_is_the_highest_scores_of_the_set_in_order(searcher):
    reader = searcher.reader()
    ranker = Ranker(reader)
    scores = ranker.scores(reader, PostingCache(reader.doc_count_all(), 10_000), QUERIES[1])
    everything = DocSet(live_mask(reader))
    ranked = ranker.best(scores, everything, 3)
    assert [score for _, score in ranked] == sorted((float(s) for s in scores), reverse=True)[:3]
    some = DocSet.of(len(scores), [doc for doc, _ in ranked[1:]])
    assert ranker.best(scores, some, 10) == ranked[1:]  # only the set's members
    assert ranker.best(scores, everything, 0) == []


def test_ties_keep_index_order(searcher):
    reader = searcher.reader()
    ranker = Ranker(reader)
    everything = DocSet(live_mask(reader))
    zeros = ranker.scores(reader, PostingCache(reader.doc_count_all(), 10), [])
    assert [doc for doc, _ in ranker.best(zeros, everything, 4)] == everything.docnums().tolist()[:4]


def test_newest_first_then_undated_in_index_order(news_index_dir):
    with whoosh_index.open_dir(str(news_index_dir)).searcher() as searcher:
        reader = searcher.reader()
        ranker = Ranker(reader)
        everything = DocSet(live_mask(reader))
        newest = ranker.newest(everything, reader.doc_count_all())
        dates = [searcher.stored_fields(doc).get("date") or "" for doc in newest]
    assert sorted(newest) == everything.docnums().tolist()
    assert dates == sorted(dates, reverse=True) and dates[0] and not dates[-1]
    undated = [doc for doc, date in zip(newest, dates) if not date]
    assert undated == sorted(undated)
    assert ranker.newest(everything, 3) == newest[:3]
