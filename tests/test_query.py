import pytest
from whoosh import index as whoosh_index
from whoosh.scoring import BM25F

from indexer import querylang as ql
from indexer.engine.arrays import live_mask
from indexer.engine.docset import DocSet
from indexer.engine.lexicon import TermLookups
from indexer.engine.postings import PostingCache
from indexer.engine.query import Context, Forms, docs, keeps_stop_words, matched_terms, resolve, without_redundant_forms
from tests.conftest import whoosh_query


@pytest.fixture(scope="module")
def ctx(index_dir):
    searcher = whoosh_index.open_dir(str(index_dir)).searcher(weighting=BM25F())
    reader = searcher.reader()
    yield Context(searcher, PostingCache(reader.doc_count_all(), 100_000), DocSet(live_mask(reader)), TermLookups())
    searcher.close()


def matching(ctx, text):
    parsed = ql.parse(text)
    return docs(resolve(parsed, ctx, keeps_stop_words(parsed)), ctx)


def ids(ctx, docnums):
    return {ctx.searcher.stored_fields(docnum)["id"] for docnum in docnums}


@pytest.mark.parametrize("text", [
    "ombudsman", "ombudsman Pakistan", "Pakistan OR COP29", "ombudsman -Çin", '"insan hüquqları"',
    "əməkdaş*", "title:ombudsman", "(Çin OR Pakistan) ombudsman", "NOT Çin seminar", "emekdasliq",
])
def test_document_sets_agree_with_whoosh(ctx, text):
    parsed = ql.parse(text)
    tree = resolve(parsed, ctx, keeps_stop_words(parsed))
    assert set(docs(tree, ctx)) == set(ctx.searcher.docs_for_query(whoosh_query(tree)))


def test_phrase_allows_inflected_forms_but_needs_adjacency(ctx):
    phrase = matching(ctx, '"insan hüquqları"')
    assert phrase and phrase <= matching(ctx, "insan hüquq")
    assert not matching(ctx, '"hüquqları insan"')


def test_not_and_or(ctx):
    assert matching(ctx, "ombudsman -Çin") == matching(ctx, "ombudsman") - matching(ctx, "Çin")
    assert matching(ctx, "Pakistan OR COP29") == matching(ctx, "Pakistan") | matching(ctx, "COP29")


def test_prefix_finds_forms_with_and_without_diacritics(ctx):
    assert matching(ctx, "əməkdaş*") >= matching(ctx, "əməkdaşlıq") | matching(ctx, "əməkdaşları")
    assert matching(ctx, "emekdas*") == matching(ctx, "əməkdaş*")


def test_title_searches_titles_only(ctx):
    assert ids(ctx, matching(ctx, "title:seminar")) == {"un_seminar"}
    assert len(matching(ctx, "seminar")) > 1


def test_stop_words_are_dropped_unless_nothing_else(ctx):
    assert matching(ctx, "ombudsman və") == matching(ctx, "ombudsman")
    assert matching(ctx, "və") and matching(ctx, "və") != ctx.all_docs


def test_highlight_terms_leave_out_excluded_words_and_keep_prefixes():
    terms = matched_terms('ombudsman -Çin əməkdaş*')
    assert "=ombudsman" in terms and "çin" not in terms
    assert "əməkdaş" in terms.prefixes and "emekdas" in terms.prefixes


def test_folded_forms_that_add_no_document_are_left_out(ctx):
    parsed = ql.parse("əməkdaşlıq emekdasliq")
    tree = resolve(parsed, ctx, keep_stops=False)
    lean = without_redundant_forms(tree, ctx)
    assert docs(lean, ctx) == docs(tree, ctx)
    with_diacritics, plain = lean.parts
    assert not any(term.startswith("~") for _, term, _ in with_diacritics.weighted)
    assert any(term.startswith("~") for _, term, _ in plain.weighted)  # typed plain: the folded form is the word
    assert isinstance(with_diacritics, Forms)
