"""Tokens per second of `indexer.analysis.analyze` on the legal corpus, cold and with the cache warm.

    .venv/bin/python bench/analysis.py [--docs N]

Cold: the first pass, every distinct token analysed (the stemmer runs); warm: the second pass, from the cache.
The rate is per CPU second of this process, which other work on a shared machine does not change; wall seconds
are shown beside it.
"""
import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer import analysis  # noqa: E402
from indexer.analysis.tokenizer import spans  # noqa: E402

LEGAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "legal-az-codes.jsonl.gz"


def texts(limit: int) -> list[str]:
    with gzip.open(LEGAL, "rt", encoding="utf-8") as lines:
        return [json.loads(line)["text"] for _, line in zip(range(limit), lines)]


def timed(corpus: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and terms of one pass of `analyze` over `corpus`."""
    started, cpu = time.perf_counter(), time.process_time()
    terms = sum(len(analysis.analyze(text)) for text in corpus)
    return time.perf_counter() - started, time.process_time() - cpu, terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000, help="legal articles to analyse (default: all)")
    corpus = texts(parser.parse_args().docs)
    tokens = sum(1 for text in corpus for _ in spans(text))
    print(f"{len(corpus)} documents, {tokens:,} tokens\n")
    print("| run | wall s | CPU s | tokens/s (CPU) | terms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for run in ("cold", "warm"):
        wall, cpu, terms = timed(corpus)
        print(f"| {run} | {wall:.2f} | {cpu:.2f} | {tokens / cpu:,.0f} | {terms:,} |")


if __name__ == "__main__":
    main()
