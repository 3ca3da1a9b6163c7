"""Our web API under load: waitress serving `webui:create_app` (as `make run` does), client threads with
keep-alive `http.client` connections on 127.0.0.1, a bounded number of requests and a time limit per level.
"""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from timing import summary
from workload import ROOT, Query

SERVER_THREADS = 8  # as `make run`


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def url(query: Query) -> str:
    params = [("q", query.q)] + [("year", str(y)) for y in query.years] + [("partner", p) for p in query.partners]
    return "/api/search?" + urllib.parse.urlencode(params)


@contextmanager
def server(index_dir: Path):
    """A waitress process serving the index; yields (port, pid)."""
    port = free_port()
    waitress = Path(sys.executable).parent / "waitress-serve"
    env = os.environ | {"INDEX_DIR": str(index_dir)}
    process = subprocess.Popen([str(waitress), "--host", "127.0.0.1", "--port", str(port), "--threads",
                                str(SERVER_THREADS), "--call", "webui:create_app"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(port, process)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"waitress exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("waitress did not start")


def memory_mb(pid: int) -> dict:
    """Resident memory of a process now (VmRSS) and at its peak (VmHWM), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def load(port: int, queries: list[Query], clients: int, max_requests: int, max_seconds: float) -> dict:
    """`clients` threads send the queries in turn until `max_requests` are done or `max_seconds` have passed."""
    paths = [url(query) for query in queries]
    latencies, errors, lock = [], [], threading.Lock()
    counter = iter(range(max_requests))
    deadline = time.perf_counter() + max_seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in counter:
            if time.perf_counter() > deadline:
                break
            started = time.perf_counter()
            problem = None
            try:
                connection.request("GET", paths[n % len(paths)])
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    problem = f"status {response.status} for {paths[n % len(paths)]}"
            except (OSError, http.client.HTTPException) as error:
                problem = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                if problem:
                    errors.append(problem)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"clients": clients, "requests": len(latencies), "errors": len(errors), "seconds": elapsed,
            "rps": len(latencies) / elapsed, "latency": summary(latencies), "error_samples": errors[:3]}


def run(index_dir: Path, queries: list[Query], levels=(1, 4, 16), max_requests: int = 1000,
        max_seconds: float = 60) -> dict:
    """Each concurrency level in turn against one server; the server's memory after each."""
    results = {"levels": [], "server_threads": SERVER_THREADS}
    with server(index_dir) as (port, pid):
        results["memory_idle"] = memory_mb(pid)
        load(port, queries[:20], 1, 20, max_seconds)  # warm-up: opens the index, reads the facet sets
        for clients in levels:
            level = load(port, queries, clients, max_requests, max_seconds)
            level["memory"] = memory_mb(pid)
            results["levels"].append(level)
    return results
