"""Latency measurement shared by the benchmarks: every query run in rounds, wall and CPU time, percentiles."""
from __future__ import annotations

import os
import statistics
import time
from typing import Callable, Iterable


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def summary(values: list[float]) -> dict:
    if not values:
        return {}
    return {"n": len(values), "median": statistics.median(values), "p95": percentile(values, 95),
            "p99": percentile(values, 99), "max": max(values), "mean": statistics.fmean(values)}


def time_queries(run: Callable, queries: Iterable, rounds: int = 3) -> list[dict]:
    """Each query once to warm up (timed apart: `first_ms`, the first time each query runs after the engine
    opened the index), then `rounds` times; per query the median wall and CPU milliseconds and the answer."""
    queries = list(queries)
    answers, firsts = [], []
    for query in queries:
        wall = time.perf_counter()
        answers.append(run(query))
        firsts.append((time.perf_counter() - wall) * 1000)
    walls = [[] for _ in queries]
    cpus = [[] for _ in queries]
    for _ in range(rounds):
        for i, query in enumerate(queries):
            cpu, wall = time.process_time(), time.perf_counter()
            run(query)
            walls[i].append((time.perf_counter() - wall) * 1000)
            cpus[i].append((time.process_time() - cpu) * 1000)
    return [{"query": query, "answer": answer, "wall_ms": statistics.median(w), "cpu_ms": statistics.median(c),
             "first_ms": first} for query, answer, w, c, first in zip(queries, answers, walls, cpus, firsts)]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"
