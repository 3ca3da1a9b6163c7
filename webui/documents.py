"""The document page: the whole text with the query's matches marked and numbered, and similar documents."""
import itertools

from flask import Blueprint, abort, render_template, request, url_for
from markupsafe import Markup

from indexer import snippets
from indexer.engine.query import matched_terms
from indexer.request import SearchRequest

from .engine import get_engine

bp = Blueprint("documents", __name__)

SIMILAR_SHOWN = 5


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    engine = get_engine()
    doc = engine.document(doc_id)
    if doc is None:
        abort(404)
    query = SearchRequest.from_params(q=request.args.get("q")).q  # a too long query gets the usual message
    terms = matched_terms(query)
    counter = itertools.count(1)
    paragraphs = [
        _numbered(snippets.highlight(p, terms, doc["lang"]), counter) for p in doc["text"].split("\n\n") if p.strip()
    ]
    return render_template(
        "documents/document.html",
        doc=doc,
        query=query,
        title_html=snippets.highlight(doc["title"], terms, doc["lang"]),
        paragraphs=paragraphs,
        match_count=next(counter) - 1,
        similar=engine.similar(doc_id, SIMILAR_SHOWN),
        back_url=url_for("search.index", q=query) if query else url_for("search.index"),
    )


def _numbered(html: Markup, counter) -> Markup:
    """Each `<mark>` given an id, so "next match" can jump to it (with or without JavaScript).

    The text is escaped already, so every `<mark>` in it is one of ours.
    """
    pieces = html.split("<mark>")
    numbered = [pieces[0]] + [f'<mark id="match-{next(counter)}" tabindex="-1">{piece}' for piece in pieces[1:]]
    return Markup("".join(numbered))


@bp.app_template_filter("http_url")
def http_url(url: str | None) -> str | None:
    """Only web addresses become links: a `javascript:` URL in a document must not run."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
