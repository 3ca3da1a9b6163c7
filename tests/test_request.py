import pytest

from indexer.request import InvalidRequest, SearchRequest


def test_defaults():
    request = SearchRequest.from_params()
    assert (request.q, request.page, request.per_page, request.sort) == ("", 1, 10, "relevance")


def test_values_are_parsed_and_deduplicated():
    request = SearchRequest.from_params(q=" bakı ", years=["2022", "2021", "2022"], partners=["Çin", "Çin"], page="2")
    assert (request.q, request.years, request.partners, request.page) == ("bakı", (2021, 2022), ("Çin",), 2)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"page": "abc"}, "'page' tam ədəd olmalıdır"),
        ({"page": "0"}, "'page' 1 ilə"),
        ({"per_page": "101"}, "'per_page' 1 ilə 100"),
        ({"sort": "random"}, "'sort' yalnız"),
        ({"years": ["iki min"]}, "'year' il olmalıdır"),
        ({"q": "a" * 1001}, "Sorğu çox uzundur"),
    ],
)
def test_bad_parameters_get_azerbaijani_messages(params, message):
    with pytest.raises(InvalidRequest, match=message):
        SearchRequest.from_params(**params)
