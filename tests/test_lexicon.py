"""Term lookups of an index version are the reader's, remembered."""
import pytest
from whoosh import index as whoosh_index

from indexer.engine import lexicon
from indexer.engine.lexicon import TermLookups


@pytest.fixture(scope="module")
def reader(index_dir):
    with whoosh_index.open_dir(str(index_dir)).reader() as opened:
        yield opened


def test_prefix_terms_are_the_terms_that_begin_with_it(reader):
    lookups = TermLookups()
    found = lookups.prefix_terms(reader, "body", "=ombudsman", scan_limit=1000)
    expected = [(info.doc_frequency(), term.decode()) for term, info in reader.iter_field("body", "=ombudsman")
                if term.startswith("=ombudsman".encode())]
    assert found == expected and len(found) > 1
    assert lookups.prefix_terms(reader, "body", "=ombudsman", scan_limit=1000) is found  # remembered
    assert len(lookups.prefix_terms(reader, "body", "=ombudsman", scan_limit=1)) == 1


def test_frequencies_are_the_readers_when_answers_are_forgotten_too(reader, monkeypatch):
    monkeypatch.setattr(lexicon, "LOOKUPS_KEPT", 1)
    lookups = TermLookups()
    for term in ("ombudsman", "pakistan", "yoxdurbelesoz", "ombudsman"):
        assert lookups.frequency(reader, "body", term) == reader.doc_frequency("body", term)


def test_a_fields_vocabulary_is_read_once(reader):
    lookups = TermLookups()
    found = lookups.field_terms(reader, "body")
    assert found == [(term, info.doc_frequency()) for term, info in reader.iter_field("body")]
    assert lookups.field_terms(reader, "body") is found
