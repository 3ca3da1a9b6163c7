"""What every benchmark shares: the scale corpus, the documents as every engine sees them, the queries, and our
engine's index cached under `bench/out/` by corpus size and by a hash of the engine's code.

Everything generated lives in `bench/out/` (git-ignored), so a second run reuses what the first one built.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from timing import load_average

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
QUERIES = ROOT / "bench" / "queries.tsv"
sys.path.insert(0, str(ROOT))  # the benchmarks run as scripts from any directory


class MissingCorpus(Exception):
    """The real-text corpus beside the repository is absent."""


@dataclass(frozen=True)
class BenchDoc:
    """One document as every engine indexes it: the same text, and the years and partners our extractor found."""

    id: str
    title: str
    body: str
    day: int  # yyyymmdd, 0 when unknown
    years: tuple[int, ...]
    partners: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    kind: str
    q: str
    years: tuple[int, ...]
    partners: tuple[str, ...]


def corpus_dir(size: int) -> Path:
    """A directory holding only the scale corpus of `size` documents (made once; same seed every time)."""
    folder = OUT / f"corpus-{size}"
    target = folder / "scale.jsonl.gz"
    if not target.exists():
        script = SHARED_CORPUS / "make_scale_corpus.py"
        if not script.exists():
            raise MissingCorpus(f"{script} is missing: the benchmark needs ../shared/corpus beside the repository")
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / "scale.partial.jsonl.gz"
        subprocess.run([sys.executable, str(script), str(size), str(partial)], check=True)
        partial.rename(target)
    return folder


def engine_code_hash() -> str:
    """Changes whenever anything that decides what the index holds changes: the engine's code and data files."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "indexer").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def index_dir(size: int) -> Path:
    return OUT / f"index-{size}-{engine_code_hash()}"


def build_ours(size: int, reuse: bool = True) -> dict | None:
    """Build our index of `size` documents (or reuse a cached one); None when reusing and there is none cached."""
    from indexer.engine import build

    target = index_dir(size)
    stats_file = target / "bench-build.json"
    if reuse and stats_file.exists():
        return json.loads(stats_file.read_text()) | {"cached": True}
    shutil.rmtree(target, ignore_errors=True)
    started, cpu = time.perf_counter(), time.process_time()
    with WorkersCpu() as workers:  # the build's worker processes do most of its work
        summary = build([corpus_dir(size)], target, lambda path, reason: print(f"  skipped {path}: {reason}", file=sys.stderr))
    seconds = time.perf_counter() - started
    stats = {"docs": summary.indexed, "seconds": seconds, "docs_per_s": summary.indexed / seconds,
             "cpu_seconds": time.process_time() - cpu + workers.seconds, "bytes": dir_bytes(target),
             "load": load_average()}
    stats_file.write_text(json.dumps(stats))
    return stats | {"cached": False}


class WorkersCpu:
    """The CPU time of this process's descendants (a build's workers) while the block runs, sampled from /proc."""

    def __init__(self):
        self._seen: dict[int, float] = {}
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkersCpu:
        self._sampler.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._sampler.join()

    @property
    def seconds(self) -> float:
        return sum(self._seen.values())

    def _sample(self) -> None:
        from index import cpu_seconds, descendants  # bench/index.py

        while not self._done.wait(0.2):
            for pid in descendants(os.getpid()):
                self._seen[pid] = max(self._seen.get(pid, 0.0), cpu_seconds(pid))


def latest_index(size: int) -> Path | None:
    """Our index of `size` documents for the current code, or else the newest one built by earlier code."""
    current = index_dir(size)
    if (current / "bench-build.json").exists():
        return current
    built = sorted(OUT.glob(f"index-{size}-*/bench-build.json"), key=lambda p: p.stat().st_mtime)
    return built[-1].parent if built else None


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def documents_file(size: int) -> Path:
    """The cached documents of `size`: those of the current code, else the newest extracted by earlier code.

    Facts change rarely and matter to the peers only as filter values, so a cache of earlier code is used rather
    than extracting 100,000 documents again after every engine change.
    """
    cache = OUT / f"docs-{size}-{engine_code_hash()}.jsonl.gz"  # never inside the corpus folder
    older = sorted(OUT.glob(f"docs-{size}-*.jsonl.gz"), key=lambda p: p.stat().st_mtime)
    if not cache.exists() and older:
        return older[-1]
    if not cache.exists():
        _write_documents(size, cache)
    return cache


def documents(size: int) -> list[BenchDoc]:
    """The corpus parsed by our parser, with our extractor's facts; cached, since extraction takes a while."""
    with gzip.open(documents_file(size), "rt", encoding="utf-8") as f:
        return [BenchDoc(**{**row, "years": tuple(row["years"]), "partners": tuple(row["partners"])})
                for row in map(json.loads, f)]


def _write_documents(size: int, cache: Path) -> None:
    from indexer.extract import extract
    from indexer.extract.partners import PartnerCatalog
    from indexer.parsing import parse_file

    catalog = PartnerCatalog.load()
    folder = corpus_dir(size)
    partial = cache.with_suffix(".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as out:
        for doc in parse_file(folder / "scale.jsonl.gz", folder, lambda message: None):
            facts = extract(doc, catalog)
            day = int(facts.date.strftime("%Y%m%d")) if facts.date else 0
            row = BenchDoc(doc.id, doc.title, doc.text, day, facts.years, facts.partners)
            out.write(json.dumps(row.__dict__, ensure_ascii=False) + "\n")
    partial.rename(cache)


def load_queries(path: Path = QUERIES) -> list[Query]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Query(row["kind"], row["query"], _ints(row["years"]), _names(row["partners"])) for row in rows]


def _ints(cell: str) -> tuple[int, ...]:
    return tuple(int(value) for value in cell.split("|") if value)


def _names(cell: str) -> tuple[str, ...]:
    return tuple(value for value in cell.split("|") if value)
