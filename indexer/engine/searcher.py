"""Answering search requests: hits, facet counts and snippets, as the plain data the API returns."""
from __future__ import annotations

import heapq
import math
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index
from whoosh.scoring import BM25F

from indexer import querylang as ql
from indexer import snippets
from indexer.analysis import words
from indexer.analysis.collation import sort_key
from indexer.extract.partners import PartnerCatalog
from indexer.request import SearchRequest
from indexer.settings import DEFAULTS

from .complete import Completions
from .docset import DocSet
from .facets import FacetSets
from .lexicon import TermLookups
from .postings import PostingCache
from .query import (Context, docs, keeps_stop_words, query_terms, ranking_terms, resolve, unmatched_words,
                    without_redundant_forms)
from .ranking import SCORED_FIELDS, Ranker
from .spelling import Vocabulary, cased_like


class IndexMissing(Exception):
    """There is no index to search yet."""


class _Version:
    """What is read once per index version and shared between threads; the vocabularies only when first needed."""

    def __init__(self, reader):
        self.facets = FacetSets.read(reader)
        self.postings = PostingCache(reader.doc_count_all(), DEFAULTS["POSTINGS_BUDGET"])
        self.ranker = Ranker(reader)
        self.lookups = TermLookups()
        self._lock = threading.Lock()
        self._spelling: Vocabulary | None = None
        self._completions: Completions | None = None

    def spelling(self, reader) -> Vocabulary:
        with self._lock:
            if self._spelling is None:
                self._spelling = Vocabulary.read(reader, self.lookups)
            return self._spelling

    def completions(self, reader, catalog: PartnerCatalog) -> Completions:
        with self._lock:
            if self._completions is None:
                counts = {p.name: (p.aliases, len(self.facets.docs_with_any("partner", (p.name,)))) for p in catalog}
                self._completions = Completions.read(reader, self.lookups, counts, DEFAULTS["COMPLETE_MIN_DF"])
            return self._completions


@dataclass(frozen=True)
class _Plan:
    """A parsed query against one index version: what it matches, the terms that rank it, what to highlight."""

    text: str
    tree: ql.Node | None
    docs: DocSet
    weighted: list[tuple[str, str, float]]
    terms: snippets.QueryTerms

    @classmethod
    def make(cls, text: str, ctx: Context) -> _Plan:
        parsed = ql.parse(text)
        tree = without_redundant_forms(resolve(parsed, ctx, keeps_stop_words(parsed)), ctx)
        matched = ctx.all_docs if tree is None else docs(tree, ctx)
        return cls(text, tree, matched, ranking_terms(tree), query_terms(parsed))

    @property
    def ranked(self) -> bool:
        """Whether hits are ordered by score: not when nothing but `word*` prefixes or exclusions is asked for
        (they list newest first)."""
        return bool(self.weighted)

    def partial(self, ctx: Context) -> list[DocSet] | None:
        """For AND-ed parts that match nothing together: the documents that match some of them, in tiers by
        how many parts they match, most first. None when there is nothing partial to show."""
        if not isinstance(self.tree, ql.And):
            return None
        positive = [part for part in self.tree.parts if not isinstance(part, ql.Not)]
        negative = [part for part in self.tree.parts if isinstance(part, ql.Not)]
        if len(positive) < 2:
            return None
        excluded = docs(ql.And(tuple(negative)), ctx) if negative else ctx.all_docs
        matched = sum((docs(part, ctx) & excluded).mask.astype(np.uint8) for part in positive)
        return [DocSet(matched == count) for count in range(len(positive), 0, -1) if np.any(matched == count)]


class Engine:
    """One open index, shared by every request; each thread has its own searcher, refreshed when the index changes."""

    def __init__(self, index_dir: Path, catalog: PartnerCatalog | None = None):
        if not whoosh_index.exists_in(str(index_dir)):
            raise IndexMissing(f"{index_dir} qovluğunda indeks yoxdur: əvvəlcə `python -m indexer build` işlədin.")
        self._index = whoosh_index.open_dir(str(index_dir))
        self.catalog = catalog or PartnerCatalog.load()
        self._local = threading.local()
        self._versions: dict[int, _Version] = {}
        self._versions_lock = threading.Lock()

    def _searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._index.searcher(weighting=BM25F())
        elif not searcher.up_to_date():
            # A new searcher, not refresh(): whoosh-reloaded 2.7.5's refresh keeps the readers of segments the
            # new generation dropped (merged or cleared), so documents would show twice.
            searcher.close()
            searcher = self._index.searcher(weighting=BM25F())
        self._local.searcher = searcher
        return searcher

    def _version(self, searcher) -> _Version:
        """The shared data of the searcher's index version, read once."""
        generation = searcher.reader().generation()
        with self._versions_lock:
            if generation not in self._versions:
                for older in self._versions.values():
                    older.postings.retire()
                self._versions = {generation: _Version(searcher.reader())}
                if DEFAULTS["WARM_VOCABULARIES"] or DEFAULTS["WARM_POSTINGS"]:
                    threading.Thread(target=self._warm, args=(self._versions[generation], generation), daemon=True).start()
            return self._versions[generation]

    def _warm(self, version: _Version, generation: int) -> None:
        """Build the completion and typo vocabularies and read the longest posting lists in the background, so
        that no user waits for them."""
        try:
            with self._index.searcher() as searcher:
                if searcher.reader().generation() == generation:
                    if DEFAULTS["WARM_VOCABULARIES"]:
                        version.completions(searcher.reader(), self.catalog)
                        version.spelling(searcher.reader())
                    version.postings.warm(searcher.reader(), version.lookups, SCORED_FIELDS, DEFAULTS["WARM_POSTINGS"])
        except (OSError, whoosh_index.EmptyIndexError):
            pass  # the index went away or changed meanwhile: the next request builds them for its own version

    def _context(self):
        searcher = self._searcher()
        version = self._version(searcher)
        return Context(searcher, version.postings, version.facets.all_docs, version.lookups), version

    def search(self, request: SearchRequest) -> dict:
        started = time.perf_counter()
        ctx, version = self._context()
        facets = version.facets
        plan = _Plan.make(request.q, ctx)
        suggestion, corrected = None, False
        fixed = self._corrected(plan, ctx, version)
        if fixed is not None and len(fixed.docs) > DEFAULTS["SUGGEST_RATIO"] * len(plan.docs):
            suggestion = fixed.text
            if not plan.docs:
                plan, corrected = fixed, True
        partial = plan.partial(ctx) if not plan.docs else None
        tiers = partial or [plan.docs]
        matching = ctx.union(tiers)

        partners = tuple(self._partner_name(name) for name in request.partners)
        years = tuple(str(year) for year in request.years)
        in_years = facets.docs_with_any("year", years) if years else facets.all_docs
        in_partners = facets.docs_with_any("partner", partners) if partners else facets.all_docs
        selected = [tier & in_years & in_partners for tier in tiers]
        hits = self._hits(ctx, version.ranker, plan, selected, request)
        return {
            "query": request.q,
            "total": sum(len(tier) for tier in selected),
            "page": request.page,
            "per_page": request.per_page,
            "hits": hits,
            "facets": {
                "year": _year_facet(facets.counts("year", matching & in_partners, years)),
                "partner": _partner_facet(facets.counts("partner", matching & in_years, partners)),
            },
            "partial": partial is not None,
            "corrected": corrected,
            "suggestion": suggestion,
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def _corrected(self, plan: _Plan, ctx: Context, version: _Version) -> _Plan | None:
        """The query with each word no document holds replaced by its likeliest correction, if any."""
        parsed = ql.parse(plan.text)
        missing = unmatched_words(parsed, ctx)
        if not missing:
            return None
        vocabulary = version.spelling(ctx.searcher.reader())
        fixes = []
        for typed, word in missing:
            correction = vocabulary.correct(word.surface) or vocabulary.correct(word.stem)
            if correction is not None:
                fixes.append((typed, cased_like(correction, typed.text)))
        return _Plan.make(ql.replaced(plan.text, fixes), ctx) if fixes else None

    def _hits(self, ctx: Context, ranker: Ranker, plan: _Plan, tiers: list[DocSet], request: SearchRequest) -> list[dict]:
        """The requested page, taking documents tier by tier (one tier unless partial matches are shown)."""
        skip, wanted, found = (request.page - 1) * request.per_page, request.per_page, []
        scores = None
        for tier in tiers:
            size = len(tier)
            if skip >= size:
                skip -= size
                continue
            if plan.ranked and request.sort != "date":
                if scores is None:
                    scores = ranker.scores(ctx.searcher.reader(), ctx.postings, plan.weighted)
                page = ranker.best(scores, tier, skip + wanted)[skip:]
            else:
                page = [(doc, 0.0) for doc in ranker.newest(tier, skip + wanted)[skip:]]
            found += [self._hit(ctx.searcher.stored_fields(doc), score, plan.terms) for doc, score in page]
            skip, wanted = 0, wanted - len(page)
            if wanted <= 0:
                break
        return found

    def _hit(self, stored: dict, score: float, terms: snippets.QueryTerms) -> dict:
        text = stored.get("text", "")
        snippet = snippets.snippet(text, terms, DEFAULTS["SNIPPET_FRAGMENTS"], stored.get("lang"))
        return _metadata(stored) | {
            "snippet": str(snippet),
            "title_html": str(snippets.highlight(stored["title"], terms, stored.get("lang"))),
            "score": round(score or 0.0, 4),
        }

    def complete(self, prefix: str, limit: int = 8) -> list[dict]:
        """Completions of what is typed: `value` (the whole new text) and `kind` (partner, title or term)."""
        ctx, version = self._context()
        return version.completions(ctx.searcher.reader(), self.catalog).complete(prefix[: DEFAULTS["MAX_QUERY_LENGTH"]], limit)

    def similar(self, doc_id: str, limit: int = 5) -> list[dict]:
        """More like this: documents sharing the most distinctive stems of `doc_id`'s title and text."""
        ctx, version = self._context()
        searcher = ctx.searcher
        docnum = searcher.document_number(id=doc_id)
        if docnum is None:
            return []
        stored = searcher.stored_fields(docnum)
        text = stored["title"] + "\n" + stored.get("text", "")[: DEFAULTS["SIMILAR_TEXT_LIMIT"]]
        weighted = _distinctive_terms(searcher, version.lookups, text)
        scores = version.ranker.scores(searcher.reader(), ctx.postings, weighted)
        others = ctx.all_docs - DocSet.of(len(scores), [docnum])
        found = [searcher.stored_fields(doc) for doc, score in version.ranker.best(scores, others, limit) if score > 0]
        return [{"id": fields["id"], "title": fields["title"], "date": fields.get("date")} for fields in found]

    def companions(self, name: str, limit: int = 10) -> list[dict]:
        """The partners named most often in the same documents as partner `name`, with those counts."""
        facets = self._context()[1].facets
        together = facets.counts("partner", facets.docs_with_any("partner", (name,)), ())
        ranked = sorted((v for v in together if v.count and v.value != name), key=lambda v: (-v.count, sort_key(v.value)))
        return [value.as_dict() for value in ranked[:limit]]

    def _partner_name(self, name: str) -> str:
        """A filter value as typed (alias, any case, no Azerbaijani letters) → the partner's display name."""
        partner = self.catalog.resolve(name)
        return partner.name if partner else name

    def document(self, doc_id: str) -> dict | None:
        stored = self._searcher().document(id=doc_id)
        if stored is None:
            return None
        extra = {"text": stored.get("text", ""), "links": stored.get("links", []), "lang": stored.get("lang")}
        return _metadata(stored) | extra


def _distinctive_terms(searcher, lookups: TermLookups, text: str) -> list[tuple[str, str, float]]:
    """The body stems of `text` with the highest tf-idf, weighted by it (stop words, numbers and stems in no
    other document left out)."""
    counts = Counter(word.stem for word in words(text) if not word.stop and len(word.stem) > 2 and not word.stem.isdigit())
    total = searcher.doc_count()
    weighted = []
    for stem, count in counts.items():
        frequency = lookups.frequency(searcher.reader(), "body", stem)
        if frequency > 1:
            weighted.append((count * math.log(total / frequency), stem))
    return [("body", stem, weight) for weight, stem in heapq.nlargest(DEFAULTS["SIMILAR_TERMS"], weighted)]


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
