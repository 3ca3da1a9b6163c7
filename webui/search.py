"""The search page: results, facets, the year chart, pagination and sorting; every state has its own URL."""
from flask import Blueprint, render_template, request

from .api import search_request_from
from .engine import get_engine
from .viewdata import facet_values, last_page, pagination, split_long, url_with, year_chart

bp = Blueprint("search", __name__)

SORTS = (("relevance", "uyğunluğa görə"), ("date", "tarixə görə"))


@bp.get("/")
def index():
    search = search_request_from(request.args)
    result = get_engine().search(search)
    facets = {name: facet_values(name, values) for name, values in result["facets"].items()}
    years_first, years_more = split_long(facets["year"])
    partners_first, partners_more = split_long(facets["partner"])
    return render_template(
        "search/index.html",
        search=search,
        result=result,
        facets=facets,
        years_first=years_first,
        years_more=years_more,
        partners_first=partners_first,
        partners_more=partners_more,
        chart=year_chart(facets["year"], lambda value: value["toggle_url"]),
        chosen=[value for name in ("year", "partner") for value in facets[name] if value["selected"]],
        clear_filters_url=url_with(year=None, partner=None, page=None),
        pages=pagination(result),
        beyond_last=bool(result["total"]) and search.page > last_page(result),
        first_page_url=url_with(page=None),
        sorts=[{"value": value, "label": label, "url": url_with(sort=value, page=None)} for value, label in SORTS],
        suggestion_url=url_with(q=result["suggestion"], page=None) if result["suggestion"] else None,
    )
