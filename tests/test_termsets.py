from whoosh import index as whoosh_index

from indexer.engine.termsets import EMPTY, TermSets


def test_sets_come_from_the_postings_and_absent_terms_are_empty(index_dir):
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    sets = TermSets(budget=1000)
    pakistan = sets.docs(reader, "body", "pakistan")
    assert pakistan == frozenset(reader.postings("body", "pakistan").all_ids()) and pakistan
    assert sets.docs(reader, "body", "yoxbeləsöz") is EMPTY
    assert sets.docs(reader, "body", "pakistan") is pakistan  # cached: the same object


def test_the_budget_evicts_the_least_recently_used(index_dir):
    reader = whoosh_index.open_dir(str(index_dir)).reader()
    ombudsman = frozenset(reader.postings("body", "ombudsman").all_ids())
    sets = TermSets(budget=len(ombudsman) + 1)
    first = sets.docs(reader, "body", "ombudsman")
    sets.docs(reader, "body", "pakistan")  # over the budget: the older set goes
    assert sets.docs(reader, "body", "ombudsman") == first and sets.docs(reader, "body", "ombudsman") is not first
