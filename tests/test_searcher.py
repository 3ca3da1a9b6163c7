import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.engine import Engine, IndexMissing
from indexer.request import SearchRequest

SEED_1, SEED_2 = "000_df8d99c26602f3bf", "003_e879f1925df36061"


def ids(result):
    return [hit["id"] for hit in result["hits"]]


def test_ombudsman_finds_both_seeds_with_marks(engine):
    result = engine.search(SearchRequest(q="ombudsman"))
    assert {SEED_1, SEED_2} <= set(ids(result))
    assert all("<mark>" in hit["snippet"] for hit in result["hits"])


def test_cop29_finds_the_first_seed(engine):
    result = engine.search(SearchRequest(q="COP29"))
    assert ids(result) == [SEED_1]
    assert "<mark>COP29-un</mark>" in result["hits"][0]["snippet"]


def test_year_2022_filters_to_the_second_seed(engine):
    assert ids(engine.search(SearchRequest(q="ombudsman", years=(2022,)))) == [SEED_2]


def test_partner_pakistan_filters_to_the_second_seed(engine):
    assert ids(engine.search(SearchRequest(q="ombudsman", partners=("Pakistan",)))) == [SEED_2]


def test_partner_filter_accepts_any_spelling(engine):
    assert ids(engine.search(SearchRequest(partners=("pakistan",)))) == [SEED_2]


def test_words_are_anded(engine):
    result = engine.search(SearchRequest(q="ombudsman Pakistan"))
    assert ids(result) == [SEED_2] and not result["partial"]


def test_no_document_with_every_word_shows_partial_matches(engine):
    result = engine.search(SearchRequest(q="COP29 Pakistan"))
    assert result["partial"] and set(ids(result)) == {SEED_1, SEED_2}


def test_empty_query_lists_everything_newest_first(news_engine):
    result = news_engine.search(SearchRequest(per_page=100))
    assert result["total"] == len(ids(result)) >= 60
    dates = [hit["date"] for hit in result["hits"]]
    assert len(set(filter(None, dates))) > 20 and dates.index(None) > 20  # undated last
    assert [d for d in dates if d] == sorted(filter(None, dates), reverse=True)


def test_paging_splits_the_list(engine):
    first = ids(engine.search(SearchRequest(per_page=2, page=1)))
    second = ids(engine.search(SearchRequest(per_page=2, page=2)))
    assert len(first) == 2 and not set(first) & set(second)


def test_year_facet_counts_are_disjunctive(engine):
    result = engine.search(SearchRequest(years=(2022,)))
    years = {value["value"]: value for value in result["facets"]["year"]}
    assert years["2022"]["selected"] and years["2022"]["count"] == result["total"]
    # the other years keep the count they would add
    everything = {v["value"]: v["count"] for v in engine.search(SearchRequest())["facets"]["year"]}
    assert {value: v["count"] for value, v in years.items()} == everything


def test_partner_counts_follow_the_year_selection(engine):
    partners = {v["value"]: v["count"] for v in engine.search(SearchRequest(years=(2022,)))["facets"]["partner"]}
    assert "Pakistan" in partners and "Çin" not in partners


def test_selected_value_without_matches_shows_with_zero(engine):
    result = engine.search(SearchRequest(q="COP29", years=(1999,)))
    assert {"value": "1999", "count": 0, "selected": True} in result["facets"]["year"]
    assert result["total"] == 0


def test_document_returns_text_and_links(engine):
    doc = engine.document(SEED_2)
    assert doc["links"] == ["https://oicoa.org/about.html", "https://ombudsman.az/az/news/465"]
    assert "İƏT-OA" in doc["text"]
    assert engine.document("no-such-doc") is None


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexMissing, match="indeks yoxdur"):
        Engine(tmp_path)


@pytest.mark.parametrize("typo, correction, expected", [
    ("ombudsmn", "ombudsman", SEED_2),
    ("əmakdaşlıq", "əməkdaşlıq", SEED_2),
    ("Pakistn", "Pakistan", SEED_2),
])
def test_typos_lead_to_the_right_documents(engine, typo, correction, expected):
    result = engine.search(SearchRequest(q=typo))
    assert result["corrected"] and result["suggestion"] == correction
    assert expected in ids(result)


def test_a_correct_query_gets_no_suggestion(engine):
    result = engine.search(SearchRequest(q="Pakistan"))
    assert result["suggestion"] is None and not result["corrected"]


def test_a_typo_beside_a_good_word_is_corrected_in_place(engine):
    result = engine.search(SearchRequest(q="ombudsman Pakistn"))
    assert result["suggestion"] == "ombudsman Pakistan" and ids(result) == [SEED_2]


def test_titles_are_highlighted(engine):
    hit = engine.search(SearchRequest(q="COP29"))["hits"][0]
    assert "<mark>COP29</mark>" in hit["title_html"]


def test_query_language_reaches_the_results(engine):
    assert ids(engine.search(SearchRequest(q="ombudsman -Pakistan"))) and SEED_2 not in ids(engine.search(SearchRequest(q="ombudsman -Pakistan")))
    assert set(ids(engine.search(SearchRequest(q="Pakistan OR COP29")))) == {SEED_1, SEED_2}
    assert ids(engine.search(SearchRequest(q="title:seminar"))) == ["un_seminar"]


def test_a_page_past_the_end_is_empty_not_an_error(engine):
    result = engine.search(SearchRequest(q="ombudsman", page=1000, per_page=100))
    assert result["hits"] == [] and result["total"] > 0


def test_completions_keep_the_words_before_and_fold_letters(engine):
    values = {c["value"]: c["kind"] for c in engine.complete("ombudsman pak")}
    assert values.get("ombudsman Pakistan") == "partner"
    assert any(c["value"].startswith("əməkdaş") for c in engine.complete("emek"))
    assert engine.complete("") == [] and engine.complete("ombudsman ") == []


def test_similar_documents_are_whooshs_best_matches_of_the_distinctive_stems(news_index_dir):
    from whoosh import index as whoosh_index
    from whoosh import query as wq
    from whoosh.scoring import BM25F

    from indexer.engine.lexicon import TermLookups
    from indexer.engine.searcher import _distinctive_terms

    engine = Engine(news_index_dir)
    with whoosh_index.open_dir(str(news_index_dir)).searcher(weighting=BM25F()) as searcher:
        for doc_id in ("01_pakistan_meeting", "02_china_delegation", SEED_2):
            docnum = searcher.document_number(id=doc_id)
            stored = searcher.stored_fields(docnum)
            weighted = _distinctive_terms(searcher, TermLookups(), stored["title"] + "\n" + stored["text"])
            query = wq.Or([wq.Term(field, term, boost=weight) for field, term, weight in weighted])
            expected = [hit["id"] for hit in searcher.search(query, limit=6) if hit.docnum != docnum][:5]
            assert [found["id"] for found in engine.similar(doc_id)] == expected and expected


def test_similar_documents_exclude_the_document_itself(engine):
    similar = engine.similar(SEED_2)
    assert similar and all(set(s) == {"id", "title", "date"} for s in similar)
    assert SEED_2 not in [s["id"] for s in similar]
    assert engine.similar("no-such-doc") == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.lists(st.sampled_from(list('ombudsan Pkit"()-*:əç') + [" OR ", " NOT ", "title:"]), max_size=30).map("".join)
       | st.text(max_size=80), page=st.integers(1, 1000), sort=st.sampled_from(["relevance", "date"]),
       years=st.lists(st.integers(2019, 2026), max_size=2), partners=st.lists(st.sampled_from(["Pakistan", "çin", "yox"]), max_size=2))
def test_any_query_gets_an_answer(engine, q, page, sort, years, partners):
    result = engine.search(SearchRequest.from_params(q=q, years=years, partners=partners, page=page, sort=sort))
    assert result["total"] >= len(result["hits"])
    assert all(set(c) == {"value", "kind"} for c in engine.complete(q))


def test_phrase_hits_are_only_documents_with_the_phrase(engine):
    phrase = engine.search(SearchRequest(q='"insan hüquqları"', per_page=100))
    assert phrase["total"] == len(phrase["hits"]) > 0
    assert all("<mark>" in hit["snippet"] for hit in phrase["hits"])
    assert engine.search(SearchRequest(q='"hüquqları insan"'))["hits"] == []


def test_companions_count_the_partners_named_with_one(engine):
    companions = {value["value"]: value["count"] for value in engine.companions("Pakistan")}
    assert companions["Türkiyə"] >= 1 and "Pakistan" not in companions
    assert "Çin" not in companions  # named only in the other seed


def test_a_query_of_prefixes_only_lists_newest_first(news_engine):
    result = news_engine.search(SearchRequest(q="ombudsman*", per_page=100))
    dates = [hit["date"] for hit in result["hits"] if hit["date"]]
    assert len(set(dates)) >= 5 and dates == sorted(dates, reverse=True)
