"""CPU milliseconds per document of fact extraction and of its parts, cold and warm.

    python bench/extract.py [--size 10000] [--headlines]

On the scale corpus (made once in bench/out/), or with --headlines on the real headlines of
../shared/corpus/headlines-oxu_az.jsonl.gz, which name many partners. Parts: `extract` as a build's worker calls
it; `find(title)` and `find(text)`, the partner finder on the title and on the body alone; `dates`, the
publication date (when the metadata lacks it) and the years, as `extract` asks for them.

Each part runs in a fresh process, as a build's worker does: cold is its first pass over the documents (every
token new to the analysis and to the partner finder), warm the best of the next three (the documents' words in
the caches; the best, because other work on the machine only ever adds to a pass).
"""
from __future__ import annotations

import argparse
import datetime
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path

from workload import SHARED_CORPUS, MissingCorpus, corpus_dir

from indexer.document import Document
from indexer.extract import extract
from indexer.extract.dates import mentioned_years, publication_date
from indexer.extract.partners import PartnerCatalog
from indexer.parsing.jsonl import lines_of, parse_line

HEADLINES = SHARED_CORPUS / "headlines-oxu_az.jsonl.gz"
TODAY = datetime.date(2026, 11, 22)  # fixed, so that every run finds the same dates
PARTS = ("extract", "find(title)", "find(text)", "dates")
WARM_PASSES = 3


def documents(path: Path) -> list[Document]:
    with path.open("rb") as raw:
        return [parse_line(line) for _, line in lines_of(raw, path.name)]


def part(name: str, catalog: PartnerCatalog) -> Callable[[Document], object]:
    return {
        "extract": lambda doc: extract(doc, catalog, TODAY),
        "find(title)": lambda doc: catalog.find(doc.title),
        "find(text)": lambda doc: catalog.find(doc.text),
        "dates": lambda doc: (doc.date or publication_date(doc.text, TODAY),
                              mentioned_years(f"{doc.title}\n\n{doc.text}", TODAY)),
    }[name]


def cold_and_warm(path: Path, name: str) -> tuple[float, float]:
    """CPU ms per document of the first pass of one part, in this (fresh) process, and of its best warm pass."""
    docs, catalog = documents(path), PartnerCatalog.load()
    run = part(name, catalog)
    passes = []
    for _ in range(1 + WARM_PASSES):
        started = time.process_time()
        for doc in docs:
            run(doc)
        passes.append((time.process_time() - started) * 1000 / len(docs))
    return passes[0], min(passes[1:])


def in_fresh_process(path: Path, name: str) -> tuple[float, float]:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(cold_and_warm, (path, name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000, help="documents of the scale corpus (default 10000)")
    parser.add_argument("--headlines", action="store_true", help="the real headlines instead of the scale corpus")
    args = parser.parse_args()
    try:
        path = HEADLINES if args.headlines else corpus_dir(args.size) / "scale.jsonl.gz"
        if not path.exists():
            raise MissingCorpus(f"{path} is missing: the benchmark needs ../shared/corpus beside the repository")
    except MissingCorpus as error:
        sys.exit(str(error))
    docs = documents(path)
    characters = sum(len(doc.title) + len(doc.text) for doc in docs) / len(docs)
    print(f"{path.name}: {len(docs)} documents, {characters:,.0f} characters each on average; CPU ms per document:")
    print(f"{'part':<12} {'cold':>7} {'warm':>7}")
    for name in PARTS:
        cold, warm = in_fresh_process(path, name)
        print(f"{name:<12} {cold:>7.3f} {warm:>7.3f}")


if __name__ == "__main__":
    main()
