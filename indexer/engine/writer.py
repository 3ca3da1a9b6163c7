"""Building the index from corpus directories: incremental by content hash, atomic, one build at a time.

The index is changed in place by one Whoosh commit (a new table of contents renamed into place), so a
searcher sees the old index or the new one, never a half-built one, and refreshes without a restart.
See docs/ingestion.md for the design.
"""
from __future__ import annotations

import gc
import io
import multiprocessing
import os
import shutil
import stat
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh.writing import CLEAR

from indexer.parsing import SUPPORTED_SUFFIXES, SkipFile, is_jsonl
from indexer.parsing.encoding import read_bytes
from indexer.parsing.jsonl import MAX_LEADING_BAD_LINES, TRUNCATED_ERRORS, lines_of

from .codec import Codec
from .lock import BuildRunning, build_lock
from .manifest import Entry, Manifest, content_hash
from .prepare import FileTask, LinesTask, Prepared, init_worker, prepare
from .progress import Progress
from .schema import make_schema
from .segment import TermBufferSegmentWriter

LINES_PER_TASK = 64  # JSON Lines documents sent to a worker at once: enough to pay for the round trip
TASKS_IN_FLIGHT_PER_WORKER = 8  # bounds the memory held by tasks read ahead of the writer
POOL_MIN_BYTES = 2 * 2**20  # below this, starting worker processes costs more than it saves
WRITER_LIMIT_MB = 256  # the writer's in-memory postings before it spills them to disk
UNSUPPORTED = "-"  # the manifest's hash for a file that is never read (its type is not indexed)


class BuildError(Exception):
    """Nothing could be built: a missing corpus directory, an index directory that cannot be written,
    another build running on the same index."""


@dataclass
class BuildSummary:
    indexed: int = 0  # documents added by this build
    skipped: int = 0  # files that gave nothing
    unchanged: int = 0  # files left as they were in the index
    removed: int = 0  # files gone from the corpora, their documents removed
    full: bool = False
    seconds: float = 0.0
    problems: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        parts = [f"{self.indexed} sənəd indeksləndi", f"{self.skipped} fayl buraxıldı"]
        if self.unchanged:
            parts.append(f"{self.unchanged} fayl dəyişməyib")
        if self.removed:
            parts.append(f"{self.removed} fayl silindi")
        return ", ".join(parts) + f", {self.seconds:.1f} saniyə"


Reporter = Callable[[str, str], None]  # (path, reason), called for every file or line left out


@dataclass(frozen=True)
class SourceFile:
    path: Path
    corpus: Path


def build(corpora: list[Path], index_dir: Path, report: Reporter, full: bool = False,
          progress: Progress | None = None) -> BuildSummary:
    """Bring the index in `index_dir` up to date with `corpora`: every file changed since the last build is
    indexed again, every file gone is removed; with `full` (or when the last build cannot be trusted)
    everything is indexed again and replaces the old index in one commit."""
    started = time.perf_counter()
    for corpus in corpora:
        if not Path(corpus).is_dir():
            raise BuildError(f"korpus qovluğu tapılmadı: {corpus}")
    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        with build_lock(index_dir):
            summary = _Build(index_dir, report, progress or Progress()).run(scan(corpora, report), full)
    except BuildRunning as error:
        raise BuildError(str(error)) from None
    except OSError as error:
        raise BuildError(f"indeks qovluğuna yazmaq mümkün deyil: {index_dir} ({error.strerror or error})") from None
    summary.seconds = time.perf_counter() - started
    return summary


def scan(corpora: Iterable[Path], report: Reporter) -> dict[str, SourceFile]:
    """Every file under the corpora, by source key, in a stable order. Symbolic links to directories are not
    followed (no loops); a file reached twice through overlapping corpora is taken once."""
    files: dict[str, SourceFile] = {}
    for corpus in corpora:
        corpus = Path(corpus)
        for path in corpus_files(corpus, report):
            files.setdefault(source_key(path, corpus), SourceFile(path, corpus))
    return files


def corpus_files(corpus: Path, report: Reporter) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        report(str(error.filename), f"qovluq oxunmadı: {error.strerror or error}")

    for folder, subfolders, names in os.walk(corpus, onerror=unreadable):
        subfolders.sort()
        for name in sorted(names):
            yield Path(folder) / name


def source_key(path: Path, corpus: Path) -> str:
    """Unique across corpora: the corpus's absolute path, then the file's path inside it."""
    return f"{Path(os.path.abspath(corpus)).as_posix()}//{Path(path).relative_to(corpus).as_posix()}"


def schema_fingerprint(schema) -> str:
    """What must match for old segments and new ones to live in one index (Whoosh's own Schema equality
    compares field objects that are never equal across processes)."""
    return ";".join(
        f"{name}:{type(f).__module__}.{type(f).__qualname__}:{f.stored}:{f.scorable}:{type(f.format).__name__}"
        for name, f in sorted(schema.items())
    )


class _Build:
    def __init__(self, index_dir: Path, report: Reporter, progress: Progress):
        self.index_dir = index_dir
        self.report = report
        self.progress = progress
        self.summary = BuildSummary()

    def run(self, files: dict[str, SourceFile], full: bool) -> BuildSummary:
        _clean_leftovers(self.index_dir)
        schema = make_schema()
        if whoosh_index.exists_in(str(self.index_dir)):
            # The current schema is given, so that a full build may also change it.
            ix = whoosh_index.open_dir(str(self.index_dir), schema=schema)
            stored = whoosh_index.open_dir(str(self.index_dir)).schema
            manifest = Manifest.load(self.index_dir)
            trusted = (manifest.generation == ix.latest_generation()
                       and schema_fingerprint(stored) == schema_fingerprint(schema))
        else:
            ix = whoosh_index.create_in(str(self.index_dir), schema)
            manifest, trusted = Manifest(), False
        full = self.summary.full = full or not trusted
        todo, deleted = (list(files), []) if full else self._changes(files, manifest)
        self.summary.unchanged = len(files) - len(todo)
        if not todo and not deleted:
            return self.summary  # nothing changed: the index is not touched
        redone = set(todo) | set(deleted)
        kept = {} if full else {s: e for s, e in manifest.entries.items() if s not in redone}
        # Separate segment files, not one compound file: Whoosh copies a compound file into memory for every
        # searcher it opens, which is every server thread (944 MB resident at 10,000 documents with 8 threads).
        writer = TermBufferSegmentWriter(ix, limitmb=WRITER_LIMIT_MB, codec=Codec(), compound=False)
        try:
            with _without_cycle_collection():
                for source in deleted + [s for s in todo if s in manifest.entries and not full]:
                    writer.delete_by_term("source", source)
                self.summary.removed = len(deleted)
                entries = self._index(writer, todo, files, Manifest(entries=kept).owners())
                writer.commit(mergetype=CLEAR if full else None)
        except BaseException:
            if not writer.is_closed:  # a failed commit too: the index's write lock must not outlive it
                writer.cancel()
            raise
        Manifest(ix.latest_generation(), kept | entries).save(self.index_dir)
        return self.summary

    def _changes(self, files: dict[str, SourceFile], manifest: Manifest) -> tuple[list[str], list[str]]:
        """Sources to index again (new, changed, or holding an id another changed file lets go) and sources gone."""
        changed = {source for source, file in files.items() if _hash_of(file) != _entry_hash(manifest, source)}
        deleted = [source for source in manifest.entries if source not in files]
        released = {doc_id for source in changed | set(deleted) if source in manifest.entries
                    for doc_id in manifest.entries[source].ids}
        changed |= {source for source, entry in manifest.entries.items()
                    if source in files and released.intersection(entry.duplicates)}
        return [source for source in files if source in changed], deleted

    def _index(self, writer, todo: list[str], files: dict[str, SourceFile], owners: dict[str, str]) -> dict[str, Entry]:
        """Add the documents of `todo` in order; the manifest entries of what was read."""
        reader = _Reader(todo, files)
        self.progress.start(sum(_size(files[source].path) for source in todo))
        entries: dict[str, Entry] = {}
        state: _FileState | None = None
        try:
            for item, result in _run(reader.items(), reader.total_bytes > POOL_MIN_BYTES):
                if isinstance(item, _FileStart):
                    state = _FileState(item.source, files[item.source].path, item.hash, item.skip)
                elif isinstance(item, _FileEnd):
                    entry = self._finish_file(state, item)
                    if entry is not None:
                        entries[state.source] = entry
                    self.progress.advance(item.bytes, 0)
                else:
                    self._add(writer, state, result, owners)
                    self.progress.advance(item.bytes if isinstance(item, LinesTask) else 0, len(result.docs))
                    if state.abandoned():
                        reader.abandon(state.source)
        finally:
            self.progress.close()
        return entries

    def _add(self, writer, state: _FileState, result: Prepared, owners: dict[str, str]) -> None:
        state.skip = state.skip or result.skip
        state.bad += result.bad_lines
        # Like the JSON Lines parser, a file that turns out not to be JSON Lines stops being reported line by line.
        for note in result.notes[: MAX_LEADING_BAD_LINES if state.abandoned() else None]:
            self.report(str(state.path), note)
        for fields in result.docs:
            owner = owners.get(fields["id"])
            if owner is not None:  # another file, or this one earlier, holds the id: the first one wins
                state.duplicates.append(fields["id"])
                where = "bu faylda" if owner == state.source else _shown(owner)
                self.report(str(state.path), f"'{fields['id']}' id-li sənəd artıq var ({where}): bu nüsxə buraxıldı")
                continue
            owners[fields["id"]] = state.source
            writer.add_document(**fields)
            state.ids.append(fields["id"])
            state.good += 1
            self.summary.indexed += 1

    def _finish_file(self, state: _FileState, end: _FileEnd) -> Entry | None:
        reason = state.skip
        if reason is None and state.abandoned():
            reason = f"JSON Lines deyil: ilk {MAX_LEADING_BAD_LINES} sətir xətalıdır"
        elif reason is None and end.jsonl and not state.good and not state.duplicates:
            reason = ("gzip faylı zədəlidir və ya yarımçıqdır" if end.truncated
                      else "istifadəyə yararlı sətir yoxdur" if state.bad else "fayl boşdur")
        elif end.truncated:
            self.report(str(state.path), f"fayl yarımçıqdır, {state.good} sənəddən sonra oxuma dayandı")
        if reason is not None:
            self.summary.skipped += 1
            self.summary.problems.append((str(state.path), reason))
            self.report(str(state.path), reason)
        if state.hash is None:
            return None  # never read: try again next time
        return Entry(state.hash, state.ids, state.duplicates)


@dataclass
class _FileStart:
    source: str
    hash: str | None  # None when the file could not be read
    skip: str | None = None
    bytes: int = 0


@dataclass
class _FileEnd:
    source: str
    jsonl: bool = False
    truncated: bool = False
    bytes: int = 0  # progress not yet counted by the file's tasks


@dataclass
class _FileState:
    source: str
    path: Path
    hash: str | None
    skip: str | None
    ids: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    good: int = 0
    bad: int = 0

    def abandoned(self) -> bool:
        """A JSON Lines file whose first lines are all broken is not JSON Lines at all."""
        return self.good == 0 and not self.duplicates and self.bad >= MAX_LEADING_BAD_LINES


class _Reader:
    """Reads each file once, in order: hashes the bytes and cuts them into tasks for the workers."""

    def __init__(self, todo: list[str], files: dict[str, SourceFile]):
        self.todo = todo
        self.files = files
        self.total_bytes = sum(_size(files[source].path) for source in todo)
        self._abandoned: set[str] = set()

    def abandon(self, source: str) -> None:
        self._abandoned.add(source)

    def items(self) -> Iterator[object]:
        for source in self.todo:
            yield from self._file_items(source, self.files[source])

    def _file_items(self, source: str, file: SourceFile) -> Iterator[object]:
        if not _supported(file.path):
            suffix = file.path.suffix or "uzantısız fayl"
            yield _FileStart(source, UNSUPPORTED, f"dəstəklənməyən fayl növü: {suffix}")
            yield _FileEnd(source)
            return
        try:
            data = _read(file.path)
        except SkipFile as reason:
            yield _FileStart(source, None, str(reason))
            yield _FileEnd(source)
            return
        # The hash is of exactly the bytes parsed: a file rewritten meanwhile is caught by the next build.
        yield _FileStart(source, content_hash(data))
        if not is_jsonl(file.path):
            yield FileTask(source, file.path, file.corpus, data)
            yield _FileEnd(source, bytes=len(data))
            return
        yield from self._line_items(source, file.path, data)

    def _line_items(self, source: str, path: Path, data: bytes) -> Iterator[object]:
        raw = io.BytesIO(data)
        batch: list[tuple[int, bytes]] = []
        counted = 0
        truncated = False
        try:
            for number, line in lines_of(raw, path.name):
                batch.append((number, line))
                if len(batch) == LINES_PER_TASK:
                    yield LinesTask(source, batch, bytes=raw.tell() - counted)
                    counted, batch = raw.tell(), []
                    if source in self._abandoned:
                        break
        except TRUNCATED_ERRORS:
            truncated = True
        if batch and source not in self._abandoned:
            yield LinesTask(source, batch)
        yield _FileEnd(source, jsonl=True, truncated=truncated, bytes=len(data) - counted)


def _run(items: Iterator[object], parallel: bool) -> Iterator[tuple[object, Prepared | None]]:
    """Each item with its prepared result (tasks only), in the items' order; tasks run in worker processes
    when `parallel`, at most a few per worker ahead of the consumer."""
    if not parallel or (os.cpu_count() or 1) < 2:
        for item in items:
            yield item, prepare(item) if isinstance(item, (FileTask, LinesTask)) else None
        return
    workers = os.cpu_count() or 2
    # Not "fork": forked workers would inherit the build lock and Whoosh's write lock, and a worker outliving a
    # killed build would hold them. The fork server is a fresh process that inherits no open files.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["indexer.engine.prepare"])
    with context.Pool(workers, initializer=init_worker) as pool:
        pending: deque = deque()
        for item in items:
            is_task = isinstance(item, (FileTask, LinesTask))
            pending.append((item, pool.apply_async(prepare, (item,)) if is_task else None))
            while len(pending) > workers * TASKS_IN_FLIGHT_PER_WORKER:
                yield _resolved(pending.popleft())
        while pending:
            yield _resolved(pending.popleft())


def _resolved(pair):
    item, future = pair
    return item, future.get() if future is not None else None


def _read(path: Path) -> bytes:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise SkipFile(f"fayl oxunmadı: {error.strerror or error}") from error
    if not stat.S_ISREG(mode):
        raise SkipFile("adi fayl deyil")  # a FIFO or a device would block or never end
    return read_bytes(path)


def _hash_of(file: SourceFile) -> str | None:
    if not _supported(file.path):
        return UNSUPPORTED
    try:
        return content_hash(_read(file.path))
    except SkipFile:
        return None


def _entry_hash(manifest: Manifest, source: str) -> str | None:
    entry = manifest.entries.get(source)
    return entry.hash if entry else ""


def _supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _shown(source: str) -> str:
    return source.rsplit("//", 1)[-1]


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The postings of a build are millions of small objects that all live until the commit: Python's cycle
    collector would walk them again and again for nothing (3 of 24 CPU seconds of a 10,000-document build)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _clean_leftovers(index_dir: Path) -> None:
    """Files a killed build leaves behind: Whoosh's temporary posting files and half-written TOCs, and a
    manifest never renamed into place. Unreferenced segment files are removed by Whoosh at the next commit."""
    shutil.rmtree(index_dir / "MAIN.tmp", ignore_errors=True)
    for leftover in [*index_dir.glob("_MAIN_*.toc.*"), *index_dir.glob("manifest.json.*.tmp")]:
        leftover.unlink(missing_ok=True)


__all__ = ["BuildError", "BuildSummary", "build"]
