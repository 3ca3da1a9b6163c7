"""Speed of our engine beside SQLite FTS5 and Tantivy on the scale corpus (issue 7); writes docs/performance.md.

    python bench/performance.py [--sizes 10000 100000] [--reuse | --rebuild | --skip-build] [--no-peers] [--no-http]

For each size: our full build (docs/s, index size), the full search request in one process (every query of
bench/queries.tsv, a warm-up pass then --rounds passes; per query the median), the same through HTTP under 1, 4
and 16 keep-alive clients against waitress, the server's memory, and the same requests answered by the peers.
Built indexes are cached in bench/out/ (our index keyed by a hash of indexer/), results in bench/out/results-N.json;
docs/performance.md is rendered from the results of every size measured so far.
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

import http_load
import report
from peers import PEERS
from timing import load_average, time_queries
from workload import (OUT, ROOT, build_ours, documents, documents_file, engine_code_hash, index_dir, latest_index,
                      load_queries)

from indexer.engine import Engine
from indexer.request import SearchRequest


def measure_ours(size: int, mode: str, queries, rounds: int, http: bool) -> dict | None:
    if mode == "skip-build":
        folder = latest_index(size)
        if folder is None:
            print(f"  no index of {size} documents built yet; run without --skip-build", file=sys.stderr)
            return None
        build = json.loads((folder / "bench-build.json").read_text()) | {"cached": True}
    else:
        print(f"  our engine: building {size} documents (cached in bench/out/)...", flush=True)
        build = build_ours(size, reuse=(mode == "reuse"))
        folder = index_dir(size)
    result = {"build": build, "index": folder.name}
    opened = time.perf_counter()
    engine = Engine(folder)
    engine.search(SearchRequest(q="", per_page=10))  # the first request reads the facet sets
    result["first_request_s"] = time.perf_counter() - opened
    result["queries"] = _timed(lambda q: _our_answer(engine.search(
        SearchRequest(q=q.q, years=q.years, partners=q.partners, per_page=10))), queries, rounds)
    if http:
        print("  our engine through HTTP...", flush=True)
        result["http"] = http_load.run(folder, queries)
    return result


def _our_answer(response: dict) -> dict:
    return {"total": response["total"], "hits": len(response["hits"])}


def measure_peer(peer_class, size: int, docs, queries, rounds: int, rebuild: bool) -> dict:
    peer = peer_class(OUT / f"peers-{size}")
    stamp = peer.path.with_name(peer.path.name + ".build.json")
    if rebuild or not stamp.exists() or json.loads(stamp.read_text()).get("docs_hash") != _docs_key(size):
        print(f"  {peer.name}: building...", flush=True)
        build = peer.build(docs()) | {"docs_hash": _docs_key(size)}
        stamp.write_text(json.dumps(build))
    build = json.loads(stamp.read_text())
    peer.open()
    return {"name": peer.name, "version": peer.version(), "build": build,
            "queries": _timed(lambda q: _peer_answer(peer.search(q)), queries, rounds)}


def _peer_answer(answer) -> dict:
    return {"total": answer.total, "hits": len(answer.hits)}


def _docs_key(size: int) -> str:
    return documents_file(size).name


def _timed(run, queries, rounds: int) -> list[dict]:
    timed = time_queries(run, queries, rounds)
    return [{"kind": t["query"].kind, "q": t["query"].q, "years": t["query"].years, "partners": t["query"].partners,
             "total": t["answer"]["total"], "wall_ms": t["wall_ms"], "cpu_ms": t["cpu_ms"], "first_ms": t["first_ms"]}
            for t in timed]


def environment() -> dict:
    import tantivy
    import whoosh
    from importlib.metadata import version

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
            "memory": memory, "python": platform.python_version(), "whoosh": whoosh.versionstring(),
            "waitress": version("waitress"), "tantivy": tantivy.__version__, "sqlite": __import__("sqlite3").sqlite_version,
            "commit": commit, "engine_hash": engine_code_hash(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--reuse", dest="mode", action="store_const", const="reuse",
                      help="reuse a cached index built by the same engine code (the default)")
    mode.add_argument("--rebuild", dest="mode", action="store_const", const="rebuild", help="always build again")
    mode.add_argument("--skip-build", dest="mode", action="store_const", const="skip-build",
                      help="never build ours: use the newest cached index, even one of older engine code")
    parser.add_argument("--peers", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--http", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries (after one warm-up)")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/performance.md")
    args = parser.parse_args()
    mode = args.mode or "reuse"
    queries = load_queries()
    for size in args.sizes:
        print(f"{size} documents:", flush=True)
        result = {"size": size, "environment": environment(), "load_before": load_average(),
                  "command": "python bench/performance.py " + " ".join(sys.argv[1:])}
        result["ours"] = measure_ours(size, mode, queries, args.rounds, args.http)
        if args.peers:
            cache = {}
            docs = lambda: cache.setdefault("docs", documents(size))  # noqa: E731 (read once, only when a peer builds)
            result["peers"] = [measure_peer(p, size, docs, queries, args.rounds, mode == "rebuild") for p in PEERS]
        else:
            result["peers"] = _previous_peers(size)
        result["load_after"] = load_average()
        (OUT / f"results-{size}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1, default=list))
        print(report.console(result), flush=True)
    if not args.no_doc:
        report.write_doc()


def _previous_peers(size: int) -> list:
    """With --no-peers the report keeps the peers' figures of the last run that measured them."""
    previous = OUT / f"results-{size}.json"
    return json.loads(previous.read_text()).get("peers", []) if previous.exists() else []


if __name__ == "__main__":
    main()
