"""Known-item retrieval on the legal articles, one real index per stemmer; prints a Markdown table.

    .venv/bin/python bench/eval_retrieval.py [--misses] [--workers N]

Each query of tests/data/known_items.tsv looks for one article of ../shared/corpus/legal-az-codes.jsonl.gz.
The articles are indexed with the real engine (`indexer.engine.build`, `Engine.search`), with the Azerbaijani
stemmer swapped for each baseline (`indexer.analysis.using_stemmer`; a baseline's folded terms are
`fold(baseline(word))`; the partner catalog keeps our analysis: partners take no part in ranking).
MRR@10: mean of 1/rank of the target within the first 10 hits (0 when absent); success@10: share of queries
with the target in the first 10. Build: wall seconds of building one index (two are built at once).
"""
import argparse
import multiprocessing
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from unittest.mock import patch

import snowballstemmer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.eval_stemming import azstemmer_or_reason  # noqa: E402
from indexer.analysis import using_stemmer  # noqa: E402
from indexer.engine import Engine, build  # noqa: E402
from indexer.extract.partners import PartnerCatalog  # noqa: E402
from indexer.request import SearchRequest  # noqa: E402

LEGAL = REPO.parent / "shared" / "corpus" / "legal-az-codes.jsonl.gz"
KNOWN_ITEMS = REPO / "tests" / "data" / "known_items.tsv"
DEPTH = 10
SHM = Path("/dev/shm")
SCRATCH = SHM if SHM.is_dir() else None  # in memory where there is one: the indexes are thrown away anyway
OURS = "ours (AzerbaijaniStemmer)"
STEMMERS = ("no stemming", "truncation at 5", "Snowball Turkish", "azstemmer 0.1.0 (PyPI)", OURS)


def known_items() -> list[tuple[str, str]]:
    lines = KNOWN_ITEMS.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]


def stem_function(name: str):
    """The Azerbaijani stem function of a row; None for ours (no swap); a string says why it is unavailable."""
    if name == OURS:
        return None
    if name.startswith("azstemmer"):
        return azstemmer_or_reason()
    return {
        "no stemming": lambda word: word,
        "truncation at 5": lambda word: word[:5],
        "Snowball Turkish": snowballstemmer.stemmer("turkish").stemWord,
    }[name]


def rank(engine: Engine, query: str, target: str) -> int | None:
    hits = engine.search(SearchRequest(q=query, per_page=DEPTH))["hits"]
    ids = [hit["id"] for hit in hits]
    return ids.index(target) + 1 if target in ids else None


def evaluate(name: str) -> dict:
    """Build the legal index with stemmer `name` and run every known-item query against it."""
    stem = stem_function(name)
    if isinstance(stem, str):
        return {"name": name, "unavailable": stem}
    started = time.perf_counter()
    catalog = PartnerCatalog.load()  # with our analysis: a baseline may merge aliases the catalog keeps apart
    with (
        tempfile.TemporaryDirectory(dir=SCRATCH) as tmp,
        patch.object(PartnerCatalog, "load", return_value=catalog),
        using_stemmer(stem) if stem else nullcontext(),
    ):
        corpus, index_dir = Path(tmp, "corpus"), Path(tmp, "index")
        corpus.mkdir()
        (corpus / LEGAL.name).symlink_to(LEGAL)
        summary = build([corpus], index_dir, lambda path, reason: None)
        built = time.perf_counter() - started
        engine = Engine(index_dir)
        ranks = [(query, target, rank(engine, query, target)) for query, target in known_items()]
    return {"name": name, "ranks": ranks, "docs": summary.indexed, "build": built}


def row(result: dict) -> str:
    if "unavailable" in result:
        return f"| {result['name']} | {result['unavailable']} | | |"
    ranks = [found for _, _, found in result["ranks"]]
    mrr = sum(1 / found for found in ranks if found) / len(ranks)
    success = sum(found is not None for found in ranks) / len(ranks)
    return f"| {result['name']} | {mrr:.3f} | {success:.3f} | {result['build']:.0f} s |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="also list the queries ours ranks below 1")
    parser.add_argument("--workers", type=int, default=min(2, multiprocessing.cpu_count()),
                        help="indexes built at once (one process each)")
    args = parser.parse_args()
    if not LEGAL.exists():
        sys.exit(f"{LEGAL} is missing: the retrieval evaluation needs the shared legal corpus.")
    items = known_items()
    ascii_queries = sum(query.isascii() for query, _ in items)
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        results = pool.map(evaluate, STEMMERS, chunksize=1)
    docs = next(result["docs"] for result in results if "docs" in result)
    print(f"Known items: {len(items)} queries ({ascii_queries} without Azerbaijani letters), {docs:,} legal articles.\n")
    print(f"| stemmer | MRR@{DEPTH} | success@{DEPTH} | build |")
    print("| --- | ---: | ---: | ---: |")
    for result in results:
        print(row(result))
    if args.misses:
        ours = next(result for result in results if result["name"] == OURS)
        print("\nOurs, target not first:")
        for query, target, found in ours["ranks"]:
            if found != 1:
                print(f"- {query!r} → {target}: rank {found or f'>{DEPTH}'}")


if __name__ == "__main__":
    main()
