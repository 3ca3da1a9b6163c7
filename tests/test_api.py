"""The JSON API on a real index: contract, filters, completions, errors, and no 500 for any input."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HIT_KEYS = {"id", "title", "url", "date", "years", "partners", "snippet", "score", "title_html"}
ANSWER_KEYS = {"query", "total", "page", "per_page", "hits", "facets", "suggestion", "partial", "corrected", "took_ms"}


def test_search_answer_has_the_contract_shape(client):
    answer = client.get("/api/search?q=ombudsman").get_json()
    assert set(answer) == ANSWER_KEYS
    assert answer["hits"] and all(set(hit) == HIT_KEYS for hit in answer["hits"])
    hit = next(h for h in answer["hits"] if h["id"] == "003_e879f1925df36061")
    assert 2022 in hit["years"] and all(isinstance(year, int) for year in hit["years"])
    assert "Pakistan" in hit["partners"] and "<mark>" in hit["title_html"]
    for facet in ("year", "partner"):
        assert all(set(v) == {"value", "count", "selected"} and isinstance(v["value"], str) for v in answer["facets"][facet])


def test_repeated_filters_are_ored_within_a_facet(client):
    one = client.get("/api/search?year=2022").get_json()["total"]
    both = client.get("/api/search?year=2022&year=2021").get_json()["total"]
    assert both > one


@pytest.mark.parametrize("query", ["page=abc", "per_page=0", "per_page=101", "sort=random", "year=abc", "page=100000"])
def test_bad_parameters_get_400_in_azerbaijani(client, query):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]


def test_long_query_gets_400_with_a_message(client):
    response = client.get("/api/search", query_string={"q": "ə" * 1001})
    assert response.status_code == 400 and "çox uzundur" in response.get_json()["error"]


@pytest.mark.parametrize("query", ['q="', "q=(((", "q=%00", "q=*", "q=-", "q=OR", "q=%F0%9F%98%80", "q=a:b:c"])
def test_odd_queries_never_fail(client, query):
    assert client.get(f"/api/search?{query}").status_code == 200


def test_document_contract_and_404(client):
    doc = client.get("/api/doc/003_e879f1925df36061").get_json()
    assert set(doc) == {"id", "title", "url", "date", "years", "partners", "text", "links", "lang"}
    missing = client.get("/api/doc/nothing-here")
    assert missing.status_code == 404 and "error" in missing.get_json()


def test_script_in_a_document_is_escaped_in_snippets_and_titles(client):
    hit = next(h for h in client.get("/api/search?q=ombudsman").get_json()["hits"] if h["id"] == "escaping")
    for html in (hit["snippet"], hit["title_html"]):
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_completions_come_from_the_engine(client, engine):
    answer = client.get("/api/complete?q=omb").get_json()
    assert answer["query"] == "omb" and answer["suggestions"] == engine.complete("omb", 8)
    assert answer["suggestions"] and all(set(s) == {"value", "kind"} for s in answer["suggestions"])


def test_completions_limit_and_empty_prefix(client):
    assert len(client.get("/api/complete?q=o&limit=2").get_json()["suggestions"]) <= 2
    assert client.get("/api/complete?q=").get_json()["suggestions"] == []
    assert client.get("/api/complete?q=insan+").get_json() == {"query": "insan ", "suggestions": []}
    assert client.get("/api/complete?q=insan+h").get_json()["suggestions"][0]["value"].startswith("insan h")
    for bad in ("0", "21", "abc"):
        response = client.get(f"/api/complete?q=o&limit={bad}")
        assert response.status_code == 400 and "limit" in response.get_json()["error"]


def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/nope")
    assert response.status_code == 404 and response.get_json()["error"]


PARAM = st.text(max_size=30) | st.sampled_from(["", "0", "-1", "2022", "99999999999999999999", "date", " 5 ", "٣"])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.sampled_from(["q", "year", "partner", "page", "per_page", "sort", "limit"]), max_size=5),
       values=st.lists(PARAM, min_size=5, max_size=5))
def test_no_parameters_get_a_500(client, names, values):
    query = list(zip(names, values))
    for url in ("/api/search", "/api/complete"):
        response = client.get(url, query_string=query)
        assert response.status_code in (200, 400) and response.is_json


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60) | st.lists(st.sampled_from(['"', "(", ")", "-", "OR", "NOT", "*", "title:", "başlıq:", "x", "ə", " "]), max_size=12).map("".join))
def test_no_query_gets_a_500(client, query):
    assert client.get("/api/search", query_string={"q": query}).status_code == 200
    assert client.get("/api/complete", query_string={"q": query}).status_code == 200
