"""What facet counting costs (issue 4): a search with both facets and two selections on the scale corpus.

    python bench/facets.py [--sizes 10000 100000] [--runs 50]

The query is the corpus word whose documents are nearest a tenth of the corpus. For each request the full search is
timed (median, p99), and so is the facet work inside it: the time spent in `FacetSets.counts` and
`FacetSets.docs_with_any` (wrapped with a timer here, not changed), and the full request again with counting
switched off, whose difference is what counting adds. Uses the index `bench/performance.py` built and cached.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter

from timing import load_average, percentile
from workload import build_ours, documents, index_dir, latest_index

from indexer.analysis import az_lower
from indexer.engine import Engine
from indexer.engine import facets as engine_facets
from indexer.request import SearchRequest

WORD = re.compile(r"[^\W\d_]{4,}")


class FacetTimer:
    """Wraps the facet methods of the engine with a timer, summing their time per request."""

    def __init__(self):
        self.spent = 0.0
        self._originals = {}

    def __enter__(self):
        for name in ("counts", "docs_with_any"):
            original = getattr(engine_facets.FacetSets, name)
            self._originals[name] = original

            def timed(*args, _original=original, **kwargs):
                started = time.perf_counter()
                try:
                    return _original(*args, **kwargs)
                finally:
                    self.spent += time.perf_counter() - started

            setattr(engine_facets.FacetSets, name, timed)
        return self

    def __exit__(self, *exc):
        for name, original in self._originals.items():
            setattr(engine_facets.FacetSets, name, original)


class NoCounting:
    """Facet counting switched off: every facet comes back empty."""

    def __enter__(self):
        self._original = engine_facets.FacetSets.counts
        engine_facets.FacetSets.counts = lambda self, field, docs, selected: []
        return self

    def __exit__(self, *exc):
        engine_facets.FacetSets.counts = self._original


def tenth_word(engine: Engine, size: int) -> str:
    """The word whose search matches nearest a tenth of the corpus (stemming makes a word match more than its form)."""
    docs = documents(size)
    df = Counter(w for doc in docs for w in {az_lower(x) for x in WORD.findall(doc.title + " " + doc.body)})
    candidates = sorted(df, key=lambda w: abs(df[w] - len(docs) / 20))[:60]
    return min(candidates, key=lambda w: abs(engine.search(SearchRequest(q=w))["total"] - size / 10))


def selections(engine: Engine, word: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Two selections, one in each facet: the year and the partner with the most matches of the query."""
    facets = engine.search(SearchRequest(q=word))["facets"]
    year = max(facets["year"], key=lambda v: v["count"])["value"]
    partner = max(facets["partner"], key=lambda v: v["count"])["value"]
    return (int(year),), (partner,)


def timed_runs(engine: Engine, request: SearchRequest, runs: int, context=None) -> tuple[list[float], list[float], int]:
    engine.search(request)
    totals, facet_times, total = [], [], 0
    for _ in range(runs):
        with (context or FacetTimer)() as timer:
            started = time.perf_counter()
            response = engine.search(request)
            totals.append((time.perf_counter() - started) * 1000)
        facet_times.append(getattr(timer, "spent", 0.0) * 1000)
        total = response["total"]
    return totals, facet_times, total


def line(label: str, values: list[float]) -> str:
    return f"{label} median {statistics.median(values):6.2f} ms, p99 {percentile(values, 99):6.2f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--build", action="store_true", help="build our index when none is cached")
    args = parser.parse_args()
    for size in args.sizes:
        folder = index_dir(size) if args.build and build_ours(size) else latest_index(size)
        if folder is None:
            print(f"{size}: no index built yet (run bench/performance.py or pass --build)")
            continue
        engine = Engine(folder)
        word = tenth_word(engine, size)
        years, partners = selections(engine, word)
        print(f"{size} documents ({folder.name}), query {word!r}, load {load_average()}:")
        for label, request in (("no selection      ", SearchRequest(q=word)),
                               ("year + partner    ", SearchRequest(q=word, years=years, partners=partners))):
            totals, spent, total = timed_runs(engine, request, args.runs)
            without, _, _ = timed_runs(engine, request, args.runs, NoCounting)
            print(f"  {label} {total} of {size} match ({total / size:.0%}) selections {years + partners}")
            print("    " + line("full request:            ", totals))
            print("    " + line("in FacetSets methods:    ", spent))
            print("    " + line("full, counting switched off:", without))
            print(f"    counting adds about {statistics.median(totals) - statistics.median(without):.2f} ms (difference of medians)")


if __name__ == "__main__":
    main()
