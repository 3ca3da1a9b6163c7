"""Time snippets and whole-text highlighting on a 1 MB document of real Azerbaijani legal text.

    .venv/bin/python bench/snippets.py

Prints, per query, the first (cold analysis cache) and the best of five later runs, in milliseconds.
"""
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.engine.query import matched_terms  # noqa: E402
from indexer.snippets import highlight, snippet  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "legal-az-codes.jsonl.gz"
QUERIES = ["ombudsman hüquq", "məhkəmə qərarı", "əməkdaş*", "emekdasliq", "Pakistan", "və"]


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is missing: the benchmark needs the shared corpus beside the repository")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        text = "\n\n".join(json.loads(line)["text"] for line in lines)[:1_000_000]
    print(f"text: {len(text):,} characters, {len(text.split()):,} words")
    print(f"{'query':20} {'snippet cold':>13} {'snippet warm':>13} {'highlight warm':>15}")
    for query in QUERIES:
        terms = matched_terms(query)
        cold = timed(snippet, text, terms)
        warm = min(timed(snippet, text, terms) for _ in range(5))
        whole = min(timed(highlight, text, terms) for _ in range(3))
        print(f"{query:20} {cold:13.1f} {warm:13.1f} {whole:15.1f}")


if __name__ == "__main__":
    main()
