def test_search_page_shows_results_facets_and_marks(client):
    page = client.get("/?q=ombudsman").get_data(as_text=True)
    assert 'lang="az"' in page
    assert "<mark>" in page
    assert "Pakistan" in page and "2022" in page
    assert "/doc/003_e879f1925df36061?q=ombudsman" in page


def test_facet_links_select_and_keep_the_query(client):
    page = client.get("/?q=ombudsman").get_data(as_text=True)
    assert "/?q=ombudsman&amp;year=2022" in page


def test_selected_facet_link_clears_it(client):
    page = client.get("/?q=ombudsman&partner=pakistan").get_data(as_text=True)
    assert 'aria-pressed="true"' in page
    assert 'href="/?q=ombudsman"' in page


def test_document_page_highlights_and_escapes(client):
    page = client.get("/doc/escaping?q=ombudsman").get_data(as_text=True)
    assert "<mark>Ombudsman</mark>" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_document_page_lists_links(client):
    page = client.get("/doc/003_e879f1925df36061").get_data(as_text=True)
    assert 'href="https://oicoa.org/about.html"' in page


def test_empty_search_lists_documents(client):
    page = client.get("/").get_data(as_text=True)
    assert "sənəd" in page and "COP29 zamanı" in page


def test_bad_parameter_is_a_page_not_a_crash(client):
    response = client.get("/?page=abc")
    assert response.status_code == 400
    assert "tam ədəd" in response.get_data(as_text=True)


def test_unknown_document_is_404_page(client):
    response = client.get("/doc/none")
    assert response.status_code == 404 and 'lang="az"' in response.get_data(as_text=True)


def test_security_headers(client):
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
