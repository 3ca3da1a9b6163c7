"""JSON API: search, documents, completions and its own OpenAPI description. Errors are JSON, in Azerbaijani."""
import json
from functools import cache
from pathlib import Path

from flask import Blueprint, jsonify, request

from indexer.request import SearchRequest, bounded_int

from .engine import get_engine

bp = Blueprint("api", __name__, url_prefix="/api")

OPENAPI = Path(__file__).parent / "openapi.json"
COMPLETIONS = 8
MAX_COMPLETIONS = 20


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


@bp.get("/complete")
def complete():
    """Completions of what is being typed: titles, partners and frequent terms."""
    typed = request.args.get("q", "")
    SearchRequest.from_params(q=typed)  # the same length limit as a search
    limit = bounded_int(request.args.get("limit"), "limit", 1, MAX_COMPLETIONS, default=COMPLETIONS)
    # As typed: a trailing space means the last word is finished, and the engine then offers nothing.
    return jsonify(query=typed, suggestions=get_engine().complete(typed, limit) if typed.strip() else [])


@bp.get("/openapi.json")
def openapi():
    return jsonify(_description())


@cache
def _description() -> dict:
    return json.loads(OPENAPI.read_text(encoding="utf-8"))
