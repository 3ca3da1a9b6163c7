"""A page per partner: its documents over time, its aliases, the partners that appear with it most often."""
from flask import Blueprint, abort, redirect, render_template, url_for

from indexer.request import SearchRequest

from .engine import get_engine
from .viewdata import year_chart

bp = Blueprint("partners", __name__)

KINDS = {"country": "Ölkə", "organisation": "Beynəlxalq təşkilat"}
COMPANIONS_SHOWN = 10
RECENT_SHOWN = 10


@bp.get("/partner/<path:name>")
def partner(name: str):
    engine = get_engine()
    found = engine.catalog.resolve(name)
    if found is None:
        abort(404)
    if name != found.name:  # an alias, another case or a name typed without Azerbaijani letters
        return redirect(url_for("partners.partner", name=found.name), 301)
    result = engine.search(SearchRequest(partners=(found.name,), per_page=RECENT_SHOWN, sort="date"))
    return render_template(
        "partners/partner.html",
        partner=found,
        kind=KINDS.get(found.kind, found.kind),
        aliases=[alias for alias in found.aliases if alias != found.name],
        result=result,
        chart=year_chart(result["facets"]["year"], lambda value: _filter_url(found.name, year=value["value"])),
        companions=[
            value | {"url": url_for("partners.partner", name=value["value"])}
            for value in engine.companions(found.name, COMPANIONS_SHOWN)
        ],
        all_url=_filter_url(found.name),
    )


def _filter_url(name: str, **more) -> str:
    return url_for("search.index", partner=name, **more)
