import pytest

HIT_KEYS = {"id", "title", "title_html", "url", "date", "years", "partners", "snippet", "score"}


def test_search_answer_has_the_contract_shape(client):
    answer = client.get("/api/search?q=ombudsman").get_json()
    assert set(answer) == {"query", "total", "page", "per_page", "hits", "facets", "partial", "corrected", "suggestion",
                           "took_ms"}
    assert answer["hits"] and all(set(hit) == HIT_KEYS for hit in answer["hits"])
    hit = next(h for h in answer["hits"] if h["id"] == "003_e879f1925df36061")
    assert 2022 in hit["years"] and all(isinstance(year, int) for year in hit["years"])
    assert "Pakistan" in hit["partners"]
    for facet in ("year", "partner"):
        assert all(set(v) == {"value", "count", "selected"} and isinstance(v["value"], str) for v in answer["facets"][facet])


def test_repeated_filters_are_ored_within_a_facet(client):
    one = client.get("/api/search?year=2022").get_json()["total"]
    both = client.get("/api/search?year=2022&year=2021").get_json()["total"]
    assert both > one


@pytest.mark.parametrize("query", ["page=abc", "per_page=0", "per_page=101", "sort=random", "year=abc"])
def test_bad_parameters_get_400_in_azerbaijani(client, query):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]


@pytest.mark.parametrize("query", ['q="', "q=(((", "q=%00", "q=*", "q=-", "q=OR", "q=%F0%9F%98%80", "q=a:b:c"])
def test_odd_queries_never_fail(client, query):
    assert client.get(f"/api/search?{query}").status_code == 200


def test_document_contract_and_404(client):
    doc = client.get("/api/doc/003_e879f1925df36061").get_json()
    assert set(doc) == {"id", "title", "url", "date", "years", "partners", "text", "links"}
    missing = client.get("/api/doc/nothing-here")
    assert missing.status_code == 404 and "error" in missing.get_json()


def test_script_in_a_document_is_escaped_in_snippets(client):
    hit = next(h for h in client.get("/api/search?q=ombudsman").get_json()["hits"] if h["id"] == "escaping")
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert hit["snippet"].replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/nope")
    assert response.status_code == 404 and response.get_json()["error"]
