"""Latency of the query language, typo correction, completions and similar documents on a built index.

    .venv/bin/python bench/query.py INDEX_DIR

Build a scale index first, e.g.
    python ../shared/corpus/make_scale_corpus.py 10000 /tmp/c10k/s.jsonl.gz
    python -m indexer build --corpus /tmp/c10k --index /tmp/i10k
Prints wall and CPU milliseconds (best of five, after one warm-up run); CPU time is the steadier figure on a
busy machine. The first correction and the first completion also build their vocabularies: timed apart.
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.engine import Engine  # noqa: E402
from indexer.request import SearchRequest  # noqa: E402

QUERIES = [
    "məhkəmə", "məhkəmə qərar", "qanun məcəllə hüquq", '"cinayət məcəlləsi"', "hüquq -vəzifə", "vəzifə*",
    "title:prezident", "məhkəmə OR prokuror", "(məhkəmə OR prokuror) qərar", "məhkəmə xyzzyq", "prokurorluqn",
    "konsttusya",
]
PREFIXES = ["m", "məh", "emek", "qanun pro", "pak"]


def best_of(function, runs: int = 5) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls) * 1000, min(cpus) * 1000


def once(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main(index_dir: str) -> None:
    engine = Engine(Path(index_dir))
    print(f"first typo (builds the vocabulary): {once(lambda: engine.search(SearchRequest(q='prokurorluqn'))):.0f} ms")
    print(f"first completion (builds the arrays): {once(lambda: engine.complete('məh')):.0f} ms")
    print(f"{'query':32} {'total':>7} {'flags':14} {'wall ms':>8} {'cpu ms':>8}")
    for query in QUERIES:
        request = SearchRequest(q=query)
        result = engine.search(request)
        flags = "partial " * result["partial"] + (f"→ {result['suggestion']}" if result["suggestion"] else "")
        wall, cpu = best_of(lambda: engine.search(request))
        print(f"{query:32} {result['total']:7} {flags:14} {wall:8.1f} {cpu:8.1f}")
    for prefix in PREFIXES:
        wall, cpu = best_of(lambda: engine.complete(prefix))
        print(f"complete {prefix!r:23} {'':7} {'':14} {wall:8.2f} {cpu:8.2f}")
    doc = engine.search(SearchRequest(q="məhkəmə"))["hits"][0]["id"]
    wall, cpu = best_of(lambda: engine.similar(doc))
    print(f"similar {doc!r:24} {'':7} {'':14} {wall:8.1f} {cpu:8.1f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
