"""Plain data the templates render: facet values with their links, the year chart, pagination.

Everything here is computed from an engine answer and the request's query string; templates only render it.
"""
from __future__ import annotations

from flask import request, url_for

CHART_HEIGHT = 110  # SVG units of the tallest bar
CHART_WIDTH = 640  # SVG units the bars share, so text keeps one size however many years there are
WIDEST_BAR = 48
SIDE_SPACE = 16  # left and right of the bars, so the first and last year labels are not cut
LABEL_SPACE = 22  # under the bars, for the years
COUNT_SPACE = 18  # over the bars, for the counts
MAX_GAP_FILLED = 40  # a span of years wider than this shows only years with documents
FACET_SHOWN = 10  # facet values listed before a "more" control
YEAR_LABELS = 12  # most year labels under a chart; with more bars, every n-th year is labelled


def url_with(**changes) -> str:
    """The search page with this request's parameters, some changed (None or [] removes one)."""
    params = request.args.to_dict(flat=False)
    for name, value in changes.items():
        if value is None or value == []:
            params.pop(name, None)
        else:
            params[name] = value
    return url_for("search.index", **params)


def facet_values(facet: str, values: list[dict]) -> list[dict]:
    """Facet values as the sidebar shows them: each with the URL that selects or clears it, query kept."""
    selected = [value["value"] for value in values if value["selected"]]
    return [value | {"toggle_url": url_with(**{facet: _toggled(selected, value), "page": None})} for value in values]


def _toggled(selected: list[str], value: dict) -> list[str]:
    return [v for v in selected if v != value["value"]] if value["selected"] else selected + [value["value"]]


def split_long(values: list[dict], shown: int = FACET_SHOWN) -> tuple[list[dict], list[dict]]:
    """The first values, always with every selected one, and the rest (behind a "more" control)."""
    first = values[:shown] + [v for v in values[shown:] if v["selected"]]
    return first, [v for v in values[shown:] if not v["selected"]]


def year_chart(values: list[dict], toggle_url) -> dict | None:
    """An SVG bar chart of documents per year: bars with their geometry, oldest first.

    `toggle_url(value)` is the link of a bar; years without documents inside the span are drawn empty,
    so the chart reads as time.
    """
    by_year = {int(value["value"]): value for value in values if value["value"].isdigit()}
    if not by_year:
        return None
    low, high = min(by_year), max(by_year)
    years = range(low, high + 1) if high - low <= MAX_GAP_FILLED else sorted(by_year)
    peak = max(value["count"] for value in by_year.values()) or 1
    slot = min(WIDEST_BAR, CHART_WIDTH / len(years))
    bar_width = round(slot * 0.8, 1)
    label_step = -(-len(years) // YEAR_LABELS)
    bars = []
    for position, year in enumerate(years):
        value = by_year.get(year, {"value": str(year), "count": 0, "selected": False})
        height = round(value["count"] / peak * CHART_HEIGHT) if value["count"] else 0
        bars.append(value | {
            "x": round(SIDE_SPACE + position * slot + (slot - bar_width) / 2, 1),
            "y": COUNT_SPACE + CHART_HEIGHT - height,
            "height": height,
            "url": toggle_url(value) if value["count"] or value["selected"] else None,
            "labelled": position % label_step == 0 or year == high,
        })
    return {
        "bars": bars,
        "bar_width": bar_width,
        "width": round(len(bars) * slot + 2 * SIDE_SPACE),
        "height": COUNT_SPACE + CHART_HEIGHT + LABEL_SPACE,
        "baseline": COUNT_SPACE + CHART_HEIGHT,
    }


def pagination(result: dict) -> dict:
    last = last_page(result)
    page = result["page"]
    window = range(max(1, page - 2), min(last, page + 2) + 1)
    return {
        "last": last,
        "previous": url_with(page=page - 1) if 1 < page <= last else None,
        "next": url_with(page=page + 1) if page < last else None,
        "numbers": [{"number": n, "url": url_with(page=n), "current": n == page} for n in window],
    }


def last_page(result: dict) -> int:
    return max(1, -(-result["total"] // result["per_page"]))
