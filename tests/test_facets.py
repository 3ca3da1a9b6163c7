from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index

from indexer.engine.docset import DocSet
from indexer.engine.facets import FacetSets


@pytest.fixture(scope="module")
def read(news_index_dir):
    with whoosh_index.open_dir(str(news_index_dir)).searcher() as searcher:
        stored = {doc: searcher.stored_fields(doc) for doc in searcher.reader().all_doc_ids()}
        yield FacetSets.read(searcher.reader()), stored


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_counts_are_the_stored_values_of_the_documents(read, data):
    """Small sets and large ones are counted by different paths: both give what the stored fields say."""
    facets, stored = read
    chosen = data.draw(st.sets(st.sampled_from(sorted(stored))))
    docs = DocSet.of(len(facets.all_docs.mask), sorted(chosen))
    for field, key in (("year", "years"), ("partner", "partners")):
        expected = Counter(str(value) for doc in chosen for value in stored[doc][key])
        assert {v.value: v.count for v in facets.counts(field, docs, ())} == dict(expected)


def test_selected_values_appear_even_without_matches(read):
    facets, _ = read
    none = DocSet.of(len(facets.all_docs.mask))
    assert [v.as_dict() for v in facets.counts("partner", none, ("Pakistan", "Atlantida"))] == [
        {"value": "Pakistan", "count": 0, "selected": True}, {"value": "Atlantida", "count": 0, "selected": True}]
    assert len(facets.docs_with_any("partner", ("Pakistan", "Çin"))) == len(
        facets.docs_with_any("partner", ("Pakistan",)) | facets.docs_with_any("partner", ("Çin",)))
