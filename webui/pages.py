"""The pages people read: the search page with facets and the document page."""
from flask import Blueprint, abort, render_template, request, url_for

from indexer import snippets
from indexer.engine.query import matched_terms

from .api import search_request_from
from .engine import get_engine

bp = Blueprint("search", __name__)


@bp.get("/")
def index():
    search = search_request_from(request.args)
    result = get_engine().search(search)
    return render_template(
        "search/index.html",
        search=search,
        result=result,
        facets={name: _with_toggle_urls(name, values) for name, values in result["facets"].items()},
        pages=_pagination(result),
        sort_urls={sort: _url(sort=sort, page=None) for sort in ("relevance", "date")},
    )


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    doc = get_engine().document(doc_id)
    if doc is None:
        abort(404)
    query = request.args.get("q", "")
    terms = matched_terms(query)
    return render_template(
        "search/document.html",
        doc=doc,
        query=query,
        title_html=snippets.highlight(doc["title"], terms),
        paragraphs=[snippets.highlight(p, terms) for p in doc["text"].split("\n\n") if p.strip()],
        back_url=url_for("search.index", q=query) if query else url_for("search.index"),
    )


@bp.app_template_filter("http_url")
def http_url(url: str | None) -> str | None:
    """Only web addresses become links: a `javascript:` URL in a document must not run."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _url(**changes) -> str:
    """This page's URL with some parameters changed (None removes one)."""
    params = request.args.to_dict(flat=False)
    for name, value in changes.items():
        if value is None or value == []:
            params.pop(name, None)
        else:
            params[name] = value
    return url_for("search.index", **params)


def _with_toggle_urls(facet: str, values: list[dict]) -> list[dict]:
    """Facet values as the sidebar shows them: each with the URL that selects or clears it."""
    selected = [value["value"] for value in values if value["selected"]]
    shown = []
    for value in values:
        chosen = [v for v in selected if v != value["value"]] if value["selected"] else selected + [value["value"]]
        shown.append(value | {"toggle_url": _url(**{facet: chosen, "page": None})})
    return shown


def _pagination(result: dict) -> dict:
    last = max(1, -(-result["total"] // result["per_page"]))
    page = result["page"]
    window = range(max(1, page - 3), min(last, page + 3) + 1)
    return {
        "last": last,
        "previous": _url(page=page - 1) if page > 1 else None,
        "next": _url(page=page + 1) if page < last else None,
        "numbers": [(number, _url(page=number), number == page) for number in window],
    }
