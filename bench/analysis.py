"""Tokens per second of `indexer.analysis.analyze` on the legal corpus, cold and with the cache warm.

    .venv/bin/python bench/analysis.py [--docs N]
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


def rate(corpus: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    terms = sum(len(analysis.analyze(text)) for text in corpus)
    return time.perf_counter() - started, terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000, help="legal articles to analyse (default: all)")
    corpus = texts(parser.parse_args().docs)
    tokens = sum(1 for text in corpus for _ in spans(text))
    print(f"{len(corpus)} documents, {tokens:,} tokens\n")
    print("| run | seconds | tokens/s | terms |")
    print("| --- | ---: | ---: | ---: |")
    for run in ("cold", "warm"):
        seconds, terms = rate(corpus)
        print(f"| {run} | {seconds:.2f} | {tokens / seconds:,.0f} | {terms:,} |")


if __name__ == "__main__":
    main()
