"""Phrases matched on position keys find exactly what Whoosh's span matcher finds."""
import pytest
from whoosh import index as whoosh_index

from indexer import querylang as ql
from indexer.engine.arrays import live_mask
from indexer.engine.docset import DocSet
from indexer.engine.lexicon import TermLookups
from indexer.engine.phrases import adjacent
from indexer.engine.postings import PostingCache
from indexer.engine.query import Adjacent, Context, docs, resolve
from tests.conftest import whoosh_query


@pytest.fixture(scope="module")
def ctx(news_index_dir):
    with whoosh_index.open_dir(str(news_index_dir)).searcher() as searcher:
        reader = searcher.reader()
        yield Context(searcher, PostingCache(reader.doc_count_all(), 100_000), DocSet(live_mask(reader)), TermLookups())


@pytest.mark.parametrize("phrase", [
    '"insan hüquqları"', '"hüquqları insan"', '"hüquqları üzrə müvəkkili"', '"Asiya Ombudsmanlar Assosiasiyası"',
    '"türk dövlətləri təşkilatı"', '"turk dovletleri teskilati"', '"Təşkilatı Türk"', '"BMT İnsan Hüquqları"',
    'title:"insan hüquqları"', '"yoxbeləsöz insan"', '"Qazaxıstan ombudsmanı"', '"qazaxistan ombudsmani"',
])
def test_phrases_match_what_whoosh_matches(ctx, phrase):
    leaf = resolve(ql.parse(phrase), ctx, keep_stops=True)
    assert isinstance(leaf, Adjacent)
    assert set(docs(leaf, ctx)) == set(ctx.searcher.docs_for_query(whoosh_query(leaf)))


def test_a_phrase_typed_with_azerbaijani_letters_finds_it_written_without(ctx):
    leaf = resolve(ql.parse('"Qazaxıstan ombudsmanı"'), ctx, keep_stops=True)
    assert "qazaxistan" in leaf.positional[0] and "=qazaxıstan" not in leaf.positional[0]  # read from the folded forms
    found = {ctx.searcher.stored_fields(doc)["text"] for doc in docs(leaf, ctx)}
    assert any("Qazaxistan ombudsmani" in text for text in found)


def test_words_apart_or_in_another_order_do_not_match(ctx):
    reader = ctx.searcher.reader()
    both = ctx.all_docs & ctx.postings.docs(reader, [("body", "insan")]) & ctx.postings.docs(reader, [("body", "hüquq")])
    together = adjacent(reader, ctx.postings, "body", [["insan"], ["hüquq"]], both)
    reversed_ = adjacent(reader, ctx.postings, "body", [["hüquq"], ["insan"]], both)
    assert together and together <= both and len(reversed_) < len(together)
    assert not adjacent(reader, ctx.postings, "body", [["insan"], ["insan"]], both)  # a word is not next to itself
