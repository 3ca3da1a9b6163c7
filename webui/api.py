"""JSON API: `/api/search` and `/api/doc/<id>`. Errors are JSON too, with messages in Azerbaijani."""
from flask import Blueprint, jsonify, request

from indexer.request import SearchRequest

from .engine import get_engine

bp = Blueprint("api", __name__, url_prefix="/api")


def search_request_from(args) -> SearchRequest:
    """The search request a query string asks for; shared with the pages."""
    return SearchRequest.from_params(
        q=args.get("q"),
        years=args.getlist("year"),
        partners=args.getlist("partner"),
        page=args.get("page"),
        per_page=args.get("per_page"),
        sort=args.get("sort"),
    )


@bp.get("/search")
def search():
    return jsonify(get_engine().search(search_request_from(request.args)))


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    found = get_engine().document(doc_id)
    if found is None:
        return jsonify(error=f"Sənəd tapılmadı: {doc_id}"), 404
    return jsonify(found)
