import numpy as np
from whoosh import index as whoosh_index

from indexer.engine import postings
from indexer.engine.lexicon import TermLookups
from indexer.engine.postings import PostingCache


def whoosh_postings(reader, field, term):
    matcher = reader.postings(field, term)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight()))
        matcher.next()
    return found


def test_postings_are_whooshs_ids_and_weights_and_absent_terms_are_empty(index_dir):
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    cache = PostingCache(reader.doc_count_all(), budget=1000)
    for field, term in [("body", "pakistan"), ("body", "ombudsman"), ("title", "ombudsman"), ("body", "və")]:
        found = cache.get(reader, field, term)
        assert list(zip(found.ids.tolist(), found.weights.tolist())) == whoosh_postings(reader, field, term)
        assert len(found)
    assert len(cache.get(reader, "body", "yoxbeləsöz")) == 0
    assert cache.get(reader, "body", "pakistan") is cache.get(reader, "body", "pakistan")  # cached: the same object


def test_docs_is_the_union_of_the_terms(index_dir):
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    cache = PostingCache(reader.doc_count_all(), budget=1000)
    both = cache.docs(reader, [("body", "pakistan"), ("body", "çin")])
    expected = set(reader.postings("body", "pakistan").all_ids()) | set(reader.postings("body", "çin").all_ids())
    assert set(both) == expected and len(both.mask) == reader.doc_count_all()
    assert not cache.docs(reader, [("body", "yoxbeləsöz")])


def test_the_budget_evicts_the_least_recently_used(index_dir):
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    ombudsman = len(list(reader.postings("body", "ombudsman").all_ids()))
    cache = PostingCache(reader.doc_count_all(), budget=ombudsman + 1)
    first = cache.get(reader, "body", "ombudsman")
    cache.get(reader, "body", "pakistan")  # over the budget: the older list goes
    again = cache.get(reader, "body", "ombudsman")
    assert again is not first and np.array_equal(again.ids, first.ids)


def test_warming_reads_the_longest_lists_first_within_its_share(index_dir, monkeypatch):
    monkeypatch.setattr(postings, "WARM_MIN_LENGTH", 1)  # the test index's lists are all short
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    cache = PostingCache(reader.doc_count_all(), budget=200)
    cache.warm(reader, TermLookups(), ("title", "body"), share=0.5)
    warmed = {key: len(postings) for key, postings in cache._lists.items()}
    assert warmed and sum(warmed.values()) <= 100
    frequencies = {(field, term.decode()): info.doc_frequency()
                   for field in ("title", "body") for term, info in reader.iter_field(field)}
    left_out = max(df for key, df in frequencies.items() if key not in warmed)
    assert min(warmed.values()) >= left_out  # nothing shorter was read before a longer one
    retired = PostingCache(reader.doc_count_all(), budget=200)
    retired.retire()
    retired.warm(reader, TermLookups(), ("title", "body"), share=0.5)
    assert not retired._lists


def test_warming_leaves_short_lists_to_be_read_when_asked(index_dir):
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    cache = PostingCache(reader.doc_count_all(), budget=10_000)
    cache.warm(reader, TermLookups(), ("title", "body"), share=1.0)
    assert not cache._lists  # the test index has no list of WARM_MIN_LENGTH postings
