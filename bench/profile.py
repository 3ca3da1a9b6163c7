"""Where the time goes: pyinstrument profiles of our search, by kind of query, and of a build.

    python bench/profile.py [--size 10000] [--every 3] [--kinds multi_word phrase] [--build-size 1000 | 0]

Each profile's full tree goes to bench/out/profiles/; the top of each (inclusive milliseconds per query, or per
build, of the functions of our code and Whoosh's) goes into docs/performance.md between its own markers.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from collections import defaultdict

from pyinstrument import Profiler

from report import DOC
from workload import OUT, corpus_dir, latest_index, load_queries

from indexer.engine import Engine, build
from indexer.request import SearchRequest

BEGIN, END = "<!-- profiles: begin (bench/profile.py writes this part) -->", "<!-- profiles: end -->"
PROFILES = OUT / "profiles"
OURS = ("indexer/", "whoosh/", "markupsafe/", "snowballstemmer/", "numpy/")
TOP = 10
PASSES = 1
SLOW_KINDS = ["multi_word", "phrase"]  # the slowest kinds


def inclusive_times(root) -> dict[tuple[str, str], float]:
    """Seconds spent in each function of interest, its callees included, never counting a recursive call twice."""
    spent = defaultdict(float)

    def walk(frame, open_functions):
        key = (_short(frame.file_path or ""), frame.function or "")
        if key not in open_functions and any(part in (frame.file_path or "") for part in OURS):
            spent[key] += frame.time
        for child in frame.children:
            walk(child, open_functions | {key})

    walk(root, frozenset())
    return spent


def _short(path: str) -> str:
    for part in OURS:
        if part in path:
            return part + path.split(part, 1)[1]
    return path


SEARCH_PARTS = (  # the steps of one full request, as the engine calls them
    ("indexer/engine/searcher.py", "make", "parse the query, resolve its words, match its documents"),
    ("indexer/engine/query.py", "docs", "matching documents (boolean masks, phrases on positions)"),
    ("indexer/engine/phrases.py", "adjacent", "phrase positions"),
    ("indexer/engine/searcher.py", "_corrected", "typo check (words no document holds)"),
    ("indexer/engine/facets.py", "docs_with_any", "documents of the selected facet values"),
    ("indexer/engine/facets.py", "counts", "facet counts"),
    ("indexer/engine/ranking.py", "scores", "BM25F scores of every match"),
    ("indexer/engine/ranking.py", "best", "the best page of scores"),
    ("indexer/engine/ranking.py", "newest", "the newest page (no words to rank by)"),
    ("indexer/engine/arrays.py", "postings", "posting lists read from the index (not yet cached)"),
    ("indexer/engine/arrays.py", "positions", "positions read from the index (not yet cached)"),
    ("whoosh/reading.py", "stored_fields", "stored fields of the ten hits"),
    ("indexer/snippets.py", "snippet", "snippets of the ten hits"),
    ("indexer/snippets.py", "highlight", "highlighted titles of the ten hits"),
)


def parts_table(root, per: int) -> list[str]:
    """The full request split into its steps (a step's callees included)."""
    spent = inclusive_times(root)
    rows = ["| step | function | ms per query | share |", "|---|---|---|---|"]
    for path, function, label in SEARCH_PARTS:
        seconds = spent.get((path, function), 0.0)
        if seconds:
            rows.append(f"| {label} | `{path}:{function}` | {seconds * 1000 / per:.2f} | {seconds / root.time:.0%} |")
    return rows


def top_table(root, per: int, unit: str) -> list[str]:
    spent = inclusive_times(root)
    total = root.time
    rows = [f"| function | {unit} | share |", "|---|---|---|"]
    for (path, function), seconds in sorted(spent.items(), key=lambda item: -item[1])[:TOP]:
        rows.append(f"| `{path}:{function}` | {seconds * 1000 / per:.2f} | {seconds / total:.0%} |")
    return rows


def profile_queries(engine: Engine, queries, passes: int = 3):
    profiler = Profiler(interval=0.001)
    profiler.start()
    for _ in range(passes):
        for query in queries:
            engine.search(SearchRequest(q=query.q, years=query.years, partners=query.partners, per_page=10))
    profiler.stop()
    return profiler


def profile_build(size: int):
    target = OUT / f"profile-build-{size}"
    shutil.rmtree(target, ignore_errors=True)
    profiler = Profiler(interval=0.005)
    profiler.start()
    summary = build([corpus_dir(size)], target, lambda path, reason: None)
    profiler.stop()
    shutil.rmtree(target, ignore_errors=True)
    return profiler, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000, help="index searched (built by bench/performance.py)")
    parser.add_argument("--kinds", nargs="*", default=SLOW_KINDS, help="kinds of query profiled apart")
    parser.add_argument("--every", type=int, default=3, help="profile every n-th query of bench/queries.tsv")
    parser.add_argument("--build-size", type=int, default=1000, help="documents in the profiled build; 0: none")
    args = parser.parse_args()
    PROFILES.mkdir(parents=True, exist_ok=True)
    sections = []
    folder = latest_index(args.size)
    if folder is None:
        sys.exit(f"no index of {args.size} documents: run bench/performance.py --sizes {args.size} first")
    engine = Engine(folder)
    engine.search(SearchRequest())
    queries = load_queries()
    by_kind = defaultdict(list)
    for query in queries:
        by_kind[query.kind].append(query)
    sample = queries[:: args.every]
    groups = [(f"every {args.every}rd query" if args.every == 3 else f"every {args.every}th query" if args.every > 1 else "all queries", sample)]
    groups += [(kind, by_kind[kind][:: args.every]) for kind in args.kinds]
    profile_queries(engine, [query for _, group in groups for query in group], passes=1)  # warm-up: what is profiled is warm
    for label, group in groups:
        profiler = profile_queries(engine, group, PASSES)
        per_query = profiler.last_session.root_frame().time * 1000 / (PASSES * len(group))
        (PROFILES / f"search-{args.size}-{label.replace(' ', '_')}.txt").write_text(
            profiler.output_text(unicode=True, color=False))
        sections += [f"**{label}** ({len(group)} queries × {PASSES} at {args.size:,} documents, "
                     f"{per_query:.1f} ms per query under the profiler):", ""]
        sections += parts_table(profiler.last_session.root_frame(), PASSES * len(group)) + [""]
        sections += top_table(profiler.last_session.root_frame(), PASSES * len(group), "ms per query") + [""]
        print(f"profiled {label}: {per_query:.1f} ms per query", flush=True)
        write_section("\n".join([BEGIN, ""] + sections + [END]))
    if args.build_size:
        profiler, summary = profile_build(args.build_size)
        (PROFILES / f"build-{args.build_size}.txt").write_text(profiler.output_text(unicode=True, color=False))
        root = profiler.last_session.root_frame()
        sections += [f"**build of {summary.indexed:,} documents** ({root.time:.0f} s under the profiler):", ""]
        sections += top_table(root, summary.indexed / 1000, "ms per 1,000 documents") + [""]
        print(f"profiled build: {root.time:.0f} s", flush=True)
    write_section("\n".join([BEGIN, ""] + sections + [END]))


def write_section(section: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    if BEGIN not in text:
        text += "\n" + BEGIN + "\n" + END + "\n"
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    DOC.write_text(before + section + after, encoding="utf-8")


if __name__ == "__main__":
    main()
