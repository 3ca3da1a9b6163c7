"""The pages people read, on a real index: search with facets and chart, documents, partners, help, errors."""
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAKISTAN_DOC = "003_e879f1925df36061"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def links(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]*)"', html)]


def params(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def test_search_page_shows_results_facets_counts_and_time(client):
    html = page(client, "/?q=ombudsman")
    answer = client.get("/api/search?q=ombudsman").get_json()
    assert 'lang="az"' in html and "<mark>" in html
    assert f"«ombudsman» üzrə {answer['total']} nəticə" in html
    assert re.search(r"sənəd tapıldı, [0-9.]+ ms", html)
    assert f"/doc/{PAKISTAN_DOC}?q=ombudsman" in html
    pakistan = next(v for v in answer["facets"]["partner"] if v["value"] == "Pakistan")
    assert re.search(rf'data-value="Pakistan">.*?sənəd sayı: </span>{pakistan["count"]}<', html, re.S)


def test_titles_are_highlighted_and_escaped(client):
    html = page(client, "/?q=ombudsman")
    assert "<mark>Ombudsman</mark> &lt;script&gt;" in html
    assert "<script>alert" not in html


def test_facet_links_select_and_keep_the_query(client):
    html = page(client, "/?q=ombudsman")
    year_links = [url for url in links(html) if "year=2022" in url]
    assert year_links and all(params(url)["q"] == ["ombudsman"] for url in year_links)


def test_two_years_selected_show_documents_of_either(client):
    html = page(client, "/?q=ombudsman&year=2021&year=2022")
    both = client.get("/api/search?q=ombudsman&year=2021&year=2022").get_json()["total"]
    one = client.get("/api/search?q=ombudsman&year=2022").get_json()["total"]
    assert both > one and f"{both} nəticə" in html
    assert len(re.findall(r'aria-current="true" data-facet="year"', html)) == 2
    clear_2021 = re.search(r'href="([^"]*)"\s+class="facet-value selected"\s+aria-current="true" data-facet="year" data-value="2021"', html)
    assert params(clear_2021.group(1).replace("&amp;", "&")) == {"q": ["ombudsman"], "year": ["2022"]}


def test_selected_filters_can_be_cleared_together_keeping_the_query(client):
    html = page(client, "/?q=ombudsman&partner=pakistan&year=2021")
    assert "Bütün süzgəcləri təmizlə" in html
    assert 'href="/?q=ombudsman"' in html
    assert re.search(r'class="chip" href="[^"]*">Pakistan', html)


def test_search_form_keeps_the_selected_filters(client):
    html = page(client, "/?q=ombudsman&year=2022&sort=date")
    assert '<input type="hidden" name="year" value="2022">' in html
    assert '<input type="hidden" name="sort" value="date">' in html


def test_year_chart_bars_filter_the_results(client):
    html = page(client, "/?q=ombudsman")
    year = next(v for v in client.get("/api/search?q=ombudsman").get_json()["facets"]["year"] if v["value"] == "2022")
    bar = re.search(r'<a href="([^"]*)" aria-label="2022: (\d+) sənəd"', html)
    assert bar and int(bar.group(2)) == year["count"]
    assert params(bar.group(1).replace("&amp;", "&")) == {"q": ["ombudsman"], "year": ["2022"]}
    assert "<svg" in html and "<script" not in html.split("</head>")[1]


def test_sort_and_pagination_links(client):
    html = page(client, "/?per_page=5")
    assert 'rel="next"' in html and any(params(url).get("page") == ["2"] for url in links(html))
    assert any(params(url).get("sort") == ["date"] for url in links(html))
    second = page(client, "/?per_page=5&page=2")
    assert 'rel="prev"' in second and '<span aria-current="page">2</span>' in second


def test_empty_state_suggests_what_to_do(client):
    html = page(client, "/?q=qqqzzzxxyy&year=2022")
    assert "Heç nə tapılmadı" in html and "Süzgəcləri götürün" in html


def test_page_past_the_last_says_so(client):
    html = page(client, "/?q=ombudsman&page=900")
    assert "900-ci səhifə yoxdur" in html and 'href="/?q=ombudsman"' in html


@pytest.mark.parametrize("url, message", [("/?page=100000", "1 ilə 1000"), ("/?q=" + "a" * 1001, "çox uzundur"),
                                          ("/doc/escaping?q=" + "a" * 1001, "çox uzundur"), ("/?page=abc", "tam ədəd")])
def test_absurd_parameters_get_a_clear_message(client, url, message):
    response = client.get(url)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_did_you_mean_links_to_the_suggestion(client):
    answer = client.get("/api/search?q=ombudsmn+OR+Pakistan").get_json()
    assert answer["suggestion"] and not answer["corrected"]
    html = page(client, "/?q=ombudsmn+OR+Pakistan")
    assert "Bunu nəzərdə tuturdunuz" in html
    assert any(params(url).get("q") == [answer["suggestion"]] for url in links(html))


def test_corrected_query_says_whose_results_are_shown(client):
    answer = client.get("/api/search?q=ombudsmn").get_json()
    assert answer["corrected"] and answer["suggestion"] == "ombudsman"
    html = page(client, "/?q=ombudsmn")
    assert "«ombudsmn» üzrə heç nə tapılmadı" in html and "Bunu nəzərdə tuturdunuz" not in html
    assert 'href="/?q=ombudsman"' in html


def test_partial_matches_are_announced(client):
    answer = client.get("/api/search?q=ombudsman+qqqzzzxxyy").get_json()
    assert answer["partial"]
    assert "sözlərin bir hissəsinə uyğun" in page(client, "/?q=ombudsman+qqqzzzxxyy")


def test_document_page_highlights_numbers_matches_and_escapes(client):
    html = page(client, "/doc/escaping?q=ombudsman")
    assert '<mark id="match-1" tabindex="-1">ombudsman</mark>' in html and '<h1 id="doc-title"><mark>Ombudsman</mark> &lt;script&gt;' in html
    count = len(re.findall(r'<mark id="match-\d+"', html))
    assert f"{count} uyğunluq" in html and 'href="#match-1"' in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;qalın" in html


def test_document_page_metadata_links_and_similar(client, engine):
    html = page(client, f"/doc/{PAKISTAN_DOC}")
    assert 'href="https://oicoa.org/about.html"' in html
    assert 'href="/?partner=Pakistan"' in html and 'href="/?year=2022"' in html
    assert 'href="/partner/Pakistan"' in html
    similar = engine.similar(PAKISTAN_DOC, 5)
    assert similar and all(f'href="/doc/{item["id"]}"' in html for item in similar)


def test_partner_page_shows_documents_over_time_aliases_and_companions(client, engine):
    html = page(client, "/partner/Pakistan")
    answer = client.get("/api/search?partner=Pakistan&per_page=100").get_json()
    assert f"{answer['total']} sənəd" in html and "Islamic Republic of Pakistan" in html
    assert re.search(r'aria-label="2022: \d+ sənəd"', html)
    assert 'href="/?partner=Pakistan&amp;year=2022"' in html
    companions = re.findall(r'<li><a href="/partner/([^"]+)">([^<]+)</a> <span class="muted">· (\d+) sənəd', html)
    assert companions and all(name != "Pakistan" for _, name, _ in companions)
    for _, name, count in companions:
        assert int(count) == sum(name in hit["partners"] for hit in answer["hits"])


@pytest.mark.parametrize("alias", ["pakistan", "Islamic Republic of Pakistan", "PAKİSTAN"])
def test_partner_alias_redirects_to_the_canonical_page(client, alias):
    response = client.get(f"/partner/{alias}")
    assert response.status_code == 301 and response.headers["Location"].endswith("/partner/Pakistan")


def test_diacritic_free_partner_name_redirects(client):
    response = client.get("/partner/turkiye")
    assert response.status_code == 301 and response.headers["Location"].endswith("/partner/T%C3%BCrkiy%C9%99")


def test_unknown_partner_is_a_404_page(client):
    response = client.get("/partner/Atlantida")
    assert response.status_code == 404 and "Belə səhifə yoxdur" in response.get_data(as_text=True)


def test_help_page_documents_the_syntax_in_azerbaijani(client):
    html = page(client, "/help")
    assert 'lang="az"' in html and "Axtarış qaydaları" in html
    for syntax in ("OR", "&#34;insan hüquqları&#34;", "-Çin", "əməkdaş*", "başlıq:", "title:"):
        assert syntax in html, syntax
    assert any(params(url).get("q") == ["Pakistan OR Türkiyə"] for url in links(html))


@pytest.mark.parametrize("url", ["/", "/?q=ombudsman", "/doc/escaping?q=ombudsman", "/partner/Pakistan", "/help", "/doc/none"])
def test_every_page_is_accessible_and_strict(client, url):
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert 'lang="az"' in html and '<main id="main"' in html and 'href="#main"' in html
    assert "<header" in html and "<footer" in html and 'role="search"' in html and '<label for="q"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script would break the CSP"
    assert not re.search(r"\sstyle=", html) and not re.search(r"\son[a-z]+=", html)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff" and response.headers["X-Frame-Options"] == "DENY"


def test_no_debug_mode(client):
    assert not client.application.debug
    assert "Traceback" not in client.get("/doc/none").get_data(as_text=True)


def test_empty_search_lists_documents(client):
    html = page(client, "/")
    assert "sənəd" in html and "COP29 zamanı" in html


PARAM = st.text(max_size=30) | st.sampled_from(["", "0", "-1", "2022", "99999999999999999999", "relevance", "date", "1e3"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.sampled_from(["q", "year", "partner", "page", "per_page", "sort"]), max_size=4), values=st.lists(PARAM, min_size=4, max_size=4))
def test_no_query_string_gets_a_500(client, names, values):
    query = list(zip(names, values))
    for url in ("/", "/help"):
        assert client.get(url, query_string=query).status_code in (200, 400)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=30).filter(lambda s: "/" not in s), query=st.text(max_size=40))
def test_no_partner_or_document_url_gets_a_500(client, name, query):
    name = quote(name, safe="")
    assert client.get("/partner/" + name).status_code in (200, 301, 404)
    assert client.get("/doc/" + name, query_string={"q": query}).status_code in (200, 404)


def test_every_catalog_partner_has_a_page_that_does_not_redirect(client, engine):
    for partner in engine.catalog:
        if partner.kind != "home":
            assert client.get(f"/partner/{quote(partner.name, safe='')}").status_code == 200, partner.name
