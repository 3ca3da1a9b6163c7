"""The plain data the pages render: facet links and the year chart's geometry."""
from urllib.parse import parse_qs, urlsplit

import pytest

from webui import create_app
from webui.viewdata import CHART_HEIGHT, YEAR_LABELS, facet_values, split_long, year_chart


@pytest.fixture()
def request_context(index_dir):
    with create_app({"INDEX_DIR": str(index_dir)}).test_request_context("/?q=seminar&year=2021&page=3") as context:
        yield context


def values(*pairs, selected=()):
    return [{"value": value, "count": count, "selected": value in selected} for value, count in pairs]


def test_toggle_urls_add_or_remove_a_value_keep_the_query_and_restart_paging(request_context):
    shown = facet_values("year", values(("2022", 3), ("2021", 2), selected={"2021"}))
    assert parse_qs(urlsplit(shown[0]["toggle_url"]).query) == {"q": ["seminar"], "year": ["2021", "2022"]}
    assert parse_qs(urlsplit(shown[1]["toggle_url"]).query) == {"q": ["seminar"]}


def test_selected_values_are_never_hidden_behind_more():
    first, more = split_long(values(*[(str(n), 20 - n) for n in range(15)], selected={"13"}), shown=10)
    assert [v["value"] for v in first][-1] == "13" and len(first) == 11 and "13" not in [v["value"] for v in more]


def test_chart_fills_gaps_between_years_and_scales_to_the_peak(request_context):
    chart = year_chart(values(("2020", 4), ("2018", 2)), lambda value: f"/y/{value['value']}")
    assert [bar["value"] for bar in chart["bars"]] == ["2018", "2019", "2020"]
    assert [bar["height"] for bar in chart["bars"]] == [CHART_HEIGHT // 2, 0, CHART_HEIGHT]
    assert [bar["url"] for bar in chart["bars"]] == ["/y/2018", None, "/y/2020"]
    assert all(bar["y"] + bar["height"] == chart["baseline"] for bar in chart["bars"])
    assert chart["bars"][0]["x"] >= 0 and chart["bars"][-1]["x"] + chart["bar_width"] <= chart["width"]


def test_long_spans_label_some_years_and_show_only_years_with_documents(request_context):
    dense = year_chart(values(*[(str(year), 1) for year in range(1990, 2026)]), lambda value: "")
    assert YEAR_LABELS <= sum(bar["labelled"] for bar in dense["bars"]) <= YEAR_LABELS + 1
    sparse = year_chart(values(("1900", 1), ("2020", 1)), lambda value: "")
    assert [bar["value"] for bar in sparse["bars"]] == ["1900", "2020"]


def test_no_years_no_chart():
    assert year_chart([], lambda value: "") is None
