"""Answering search requests: hits, facet counts and snippets, as the plain data the API returns."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Every
from whoosh.scoring import BM25F

from indexer import snippets
from indexer.analysis.collation import sort_key
from indexer.extract.partners import PartnerCatalog
from indexer.request import SearchRequest
from indexer.settings import DEFAULTS

from .facets import FacetSets
from .query import build_query, matched_terms


class IndexMissing(Exception):
    """There is no index to search yet."""


class Engine:
    """One open index, shared by every request; each thread has its own searcher, refreshed when the index changes."""

    def __init__(self, index_dir: Path, catalog: PartnerCatalog | None = None):
        if not whoosh_index.exists_in(str(index_dir)):
            raise IndexMissing(f"{index_dir} qovluğunda indeks yoxdur: əvvəlcə `python -m indexer build` işlədin.")
        self._index = whoosh_index.open_dir(str(index_dir))
        self.catalog = catalog or PartnerCatalog.load()
        self._local = threading.local()
        self._facets: dict[int, FacetSets] = {}
        self._facets_lock = threading.Lock()

    def _searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._index.searcher(weighting=BM25F())
        elif not searcher.up_to_date():
            searcher = searcher.refresh()
        self._local.searcher = searcher
        return searcher

    def _facet_sets(self, searcher) -> FacetSets:
        """Facet sets of the searcher's index version, read once and shared between threads."""
        generation = searcher.reader().generation()
        with self._facets_lock:
            if generation not in self._facets:
                self._facets = {generation: FacetSets.read(searcher.reader())}
            return self._facets[generation]

    def search(self, request: SearchRequest) -> dict:
        started = time.perf_counter()
        searcher = self._searcher()
        facets = self._facet_sets(searcher)
        query = build_query(request.q)
        partners = tuple(self._partner_name(name) for name in request.partners)
        years = tuple(str(year) for year in request.years)

        matching = facets.all_docs if query is None else frozenset(searcher.docs_for_query(query)) & facets.all_docs
        in_years = facets.docs_with_any("year", years) if years else facets.all_docs
        in_partners = facets.docs_with_any("partner", partners) if partners else facets.all_docs
        selected = matching & in_years & in_partners

        hits = self._hits(searcher, query, selected, request, filtered=bool(years or partners))
        return {
            "query": request.q,
            "total": len(selected),
            "page": request.page,
            "per_page": request.per_page,
            "hits": hits,
            "facets": {
                "year": _year_facet(facets.counts("year", matching & in_partners, years)),
                "partner": _partner_facet(facets.counts("partner", matching & in_years, partners)),
            },
            "suggestion": None,
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def _hits(self, searcher, query, selected: frozenset[int], request: SearchRequest, filtered: bool) -> list[dict]:
        if not selected:
            return []
        limit = request.page * request.per_page
        allowed = set(selected) if filtered else None  # Whoosh takes a plain set; no filter is faster still
        if query is None or request.sort == "date":
            results = searcher.search(query or Every(), filter=allowed, limit=limit, sortedby="day", reverse=True)
        else:
            results = searcher.search(query, filter=allowed, limit=limit)
        terms = matched_terms(request.q)
        page = results[(request.page - 1) * request.per_page : limit]
        return [self._hit(hit.fields(), hit.score if query is not None else 0.0, terms) for hit in page]

    def _hit(self, stored: dict, score: float, terms: frozenset[str]) -> dict:
        text = stored.get("text", "")
        snippet = snippets.snippet(text, terms, DEFAULTS["SNIPPET_FRAGMENTS"])
        return _metadata(stored) | {"snippet": str(snippet), "score": round(score or 0.0, 4)}

    def _partner_name(self, name: str) -> str:
        """A filter value as typed (alias, any case, no Azerbaijani letters) → the partner's display name."""
        partner = self.catalog.resolve(name)
        return partner.name if partner else name

    def document(self, doc_id: str) -> dict | None:
        stored = self._searcher().document(id=doc_id)
        if stored is None:
            return None
        return _metadata(stored) | {"text": stored.get("text", ""), "links": stored.get("links", [])}


def _metadata(stored: dict) -> dict:
    """What a hit and a document page share."""
    return {
        "id": stored["id"],
        "title": stored["title"],
        "url": stored.get("url"),
        "date": stored.get("date"),
        "years": stored.get("years", []),
        "partners": stored.get("partners", []),
    }


def _year_facet(values) -> list[dict]:
    return [value.as_dict() for value in sorted(values, key=lambda v: v.value, reverse=True) if value.count or value.selected]


def _partner_facet(values) -> list[dict]:
    ranked = sorted((v for v in values if v.count or v.selected), key=lambda v: (-v.count, sort_key(v.value)))
    shown = [v for v in ranked[: DEFAULTS["FACET_LIMIT"]]] + [v for v in ranked[DEFAULTS["FACET_LIMIT"] :] if v.selected]
    return [value.as_dict() for value in shown]
