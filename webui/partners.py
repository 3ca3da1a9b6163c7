"""A page per partner: its documents over time, its aliases, the partners that appear with it most often."""
from collections import Counter

from flask import Blueprint, abort, redirect, render_template, url_for

from indexer.request import SearchRequest
from indexer.settings import DEFAULTS

from .engine import get_engine
from .viewdata import year_chart

bp = Blueprint("partners", __name__)

KINDS = {"country": "Ölkə", "organisation": "Beynəlxalq təşkilat"}
COMPANIONS_SHOWN = 10
RECENT_SHOWN = 10
COMPANION_PAGES = 10  # companions are counted over at most this many pages of the latest documents


@bp.get("/partner/<path:name>")
def partner(name: str):
    engine = get_engine()
    found = engine.catalog.resolve(name)
    if found is None:
        abort(404)
    if name != found.name:  # an alias, another case or a name typed without Azerbaijani letters
        return redirect(url_for("partners.partner", name=found.name), 301)
    result = engine.search(SearchRequest(partners=(found.name,), per_page=RECENT_SHOWN, sort="date"))
    companions, sampled = _companions(engine, found.name, result["total"])
    return render_template(
        "partners/partner.html",
        partner=found,
        kind=KINDS.get(found.kind, found.kind),
        aliases=[alias for alias in found.aliases if alias != found.name],
        result=result,
        chart=year_chart(result["facets"]["year"], lambda value: _filter_url(found.name, year=value["value"])),
        companions=[{"value": other, "count": count, "url": url_for("partners.partner", name=other)} for other, count in companions],
        companions_sampled=sampled,
        all_url=_filter_url(found.name),
    )


def _companions(engine, name: str, total: int) -> tuple[list[tuple[str, int]], int | None]:
    """The partners named most often in the same documents, and how many documents were read when not all were.

    The partner facet cannot say it: its counts ignore the partner filter (so several partners can be OR-ed),
    so the documents' own partner lists are counted instead, over the latest ones for a very frequent partner.
    """
    per_page = DEFAULTS["MAX_PER_PAGE"]
    pages = min(COMPANION_PAGES, -(-total // per_page))
    together = Counter()
    for page in range(1, pages + 1):
        hits = engine.search(SearchRequest(partners=(name,), page=page, per_page=per_page, sort="date"))["hits"]
        together.update(other for hit in hits for other in hit["partners"] if other != name)
    read = pages * per_page
    ranked = sorted(together.items(), key=lambda item: (-item[1], item[0]))[:COMPANIONS_SHOWN]
    return ranked, read if read < total else None


def _filter_url(name: str, **more) -> str:
    return url_for("search.index", partner=name, **more)
