"""Building the index from corpus directories: incremental by content hash, atomic, one build at a time.

The index is changed in place by one Whoosh commit (a new table of contents renamed into place), so a
searcher sees the old index or the new one, never a half-built one, and refreshes without a restart.
See docs/ingestion.md for the design.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import stat
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh.writing import CLEAR, MERGE_SMALL

from indexer.parsing import SUPPORTED_SUFFIXES, SkipFile, is_jsonl
from indexer.parsing.encoding import read_bytes
from indexer.parsing.jsonl import MAX_LEADING_BAD_LINES, TRUNCATED_ERRORS, lines_of

from .lock import BuildRunning, build_lock
from .manifest import Entry, Manifest, content_hash
from .prepare import FileTask, LinesTask, Prepared, init_worker, without_cycle_collection, write_segment
from .progress import Progress
from .schema import make_schema
from .segment import TermBufferSegmentWriter

LINES_PER_TASK = 64  # JSON Lines documents prepared at once
POOL_MIN_BYTES = 2 * 2**20  # below this, starting worker processes costs more than it saves
RUNS_PER_WORKER = 2  # a build's input is cut into this many runs per worker, each written to a segment
RUN_MIN_BYTES = 2**20  # no smaller, or a segment's fixed costs show
SEGMENT_DOCUMENTS = 10_000  # no larger, or a worker's postings outgrow its memory and spill to disk
PROGRESS_SECONDS = 0.25  # how often the progress bar hears from the workers
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
        writer = TermBufferSegmentWriter.of(ix)
        try:
            with without_cycle_collection():
                for source in deleted + [s for s in todo if s in manifest.entries and not full]:
                    writer.delete_by_term("source", source)
                self.summary.removed = len(deleted)
                entries, segments = self._index(todo, files, Manifest(entries=kept).owners())
                writer.commit(mergetype=_adding(segments, CLEAR if full else MERGE_SMALL))
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

    def _index(self, todo: list[str], files: dict[str, SourceFile], owners: dict[str, str]) -> tuple[dict[str, Entry], list]:
        """The documents of `todo`, in order, written to new segments in runs: the manifest entries of what was
        read, and the segments. Worker processes write them, unless the build is small enough for this one."""
        reader = _Reader(todo, files)
        self.progress.start(reader.total_bytes)
        self._entries, self._owners, self._state = {}, owners, None
        try:
            if reader.total_bytes > POOL_MIN_BYTES and _workers() >= 2:
                segments = self._index_in_workers(reader)
            else:
                segments = [self._take_run(run, self._written_here(run), reader)
                            for run in _runs(reader.items(), reader.total_bytes + 1)]
        finally:
            self.progress.close()
        return self._entries, [segment for segment in segments if segment is not None]

    def _index_in_workers(self, reader: _Reader) -> list:
        workers = _workers()
        # Not "fork": forked workers would inherit the build lock and Whoosh's write lock, and a worker outliving a
        # killed build would hold them. The fork server is a fresh process that inherits no open files.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["indexer.engine.prepare"])
        done = context.SimpleQueue()
        segments = []
        with context.Pool(workers, initializer=init_worker, initargs=(done,)) as pool:
            pending: deque = deque()
            for run in _runs(reader.items(), _run_bytes(reader.total_bytes, workers)):
                pending.append((run, pool.apply_async(write_segment, (str(self.index_dir), _tasks(run)))))
                while len(pending) > workers:  # one run waits for each worker, no more: bounds memory
                    run, future = pending.popleft()
                    segments.append(self._take_run(run, self._written(future, done), reader))
            while pending:
                run, future = pending.popleft()
                segments.append(self._take_run(run, self._written(future, done), reader))
        return segments

    def _written_here(self, run: list[object]):
        return write_segment(str(self.index_dir), _tasks(run), self.progress.advance)

    def _written(self, future, done):
        """What a worker's `write_segment` gives, the progress bar kept moving meanwhile."""
        while not future.ready():
            future.wait(PROGRESS_SECONDS)
            self._show_progress(done)
        self._show_progress(done)
        return future.get()

    def _take_run(self, run: list[object], written: tuple, reader: _Reader):
        """A run's items taken in order once written: its segment, from which the documents this process refuses
        (a duplicate id, a file found not to be JSON Lines) are deleted."""
        segment, results = written
        results = iter(results)
        for item in run:
            self._take(item, next(results) if _is_task(item) else None, reader, segment)
        return segment

    def _show_progress(self, done) -> None:
        while not done.empty():
            self.progress.advance(*done.get())

    def _take(self, item: object, result: Prepared | None, reader: _Reader, segment) -> None:
        """One item of the reader, with its result if it is a task: its documents are in `segment`, and deleted
        from it if refused."""
        if isinstance(item, _FileStart):
            self._state = _FileState(item.source, reader.files[item.source].path, item.hash, item.skip)
            return
        state = self._state
        if isinstance(item, _FileEnd):
            entry = self._finish_file(state, item)
            if entry is not None:
                self._entries[state.source] = entry
            self.progress.advance(item.bytes, 0)
            return
        ignored = state.abandoned()  # a file found not to be JSON Lines: its later lines are ignored
        if not ignored:
            self._note(state, result)
        for docnum, doc_id in result.written:
            if ignored or not self._accept(state, doc_id):
                segment.delete_document(docnum)
        if state.abandoned():
            reader.abandon(state.source)

    def _note(self, state: _FileState, result: Prepared) -> None:
        state.skip = state.skip or result.skip
        state.bad += result.bad_lines
        # Like the JSON Lines parser, a file that turns out not to be JSON Lines stops being reported line by line.
        for note in result.notes[: MAX_LEADING_BAD_LINES if state.abandoned() else None]:
            self.report(str(state.path), note)

    def _accept(self, state: _FileState, doc_id: str) -> bool:
        """The first document with an id wins: another file, or this one earlier, may hold it already."""
        owner = self._owners.get(doc_id)
        if owner is not None:
            state.duplicates.append(doc_id)
            where = "bu faylda" if owner == state.source else _shown(owner)
            self.report(str(state.path), f"'{doc_id}' id-li sənəd artıq var ({where}): bu nüsxə buraxıldı")
            return False
        self._owners[doc_id] = state.source
        state.ids.append(doc_id)
        state.good += 1
        self.summary.indexed += 1
        return True

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


def _tasks(run: list[object]) -> list[FileTask | LinesTask]:
    return [item for item in run if _is_task(item)]


def _runs(items: Iterator[object], run_bytes: int) -> Iterator[list[object]]:
    """The reader's items cut into runs of about `run_bytes` of input or `SEGMENT_DOCUMENTS` documents."""
    run: list[object] = []
    size = documents = 0
    for item in items:
        run.append(item)
        if isinstance(item, LinesTask):
            size, documents = size + item.bytes, documents + len(item.lines)
        elif isinstance(item, FileTask):
            size, documents = size + len(item.data), documents + 1
        if size >= run_bytes or documents >= SEGMENT_DOCUMENTS:
            yield run
            run, size, documents = [], 0, 0
    if run:
        yield run


def _run_bytes(total_bytes: int, workers: int) -> int:
    """Enough runs for every worker to have work until the end, few enough to keep the segments few."""
    return max(RUN_MIN_BYTES, total_bytes // (workers * RUNS_PER_WORKER))


def _adding(segments: list, policy: Callable) -> Callable:
    """Whoosh's merge `policy`, with the segments the workers wrote after those it keeps."""
    def merge(writer, existing: list) -> list:
        return policy(writer, existing) + segments
    return merge


def _is_task(item: object) -> bool:
    return isinstance(item, (FileTask, LinesTask))


def _workers() -> int:
    return os.cpu_count() or 1


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


def _clean_leftovers(index_dir: Path) -> None:
    """Files a killed build leaves behind: the temporary posting folders of its writers (`MAIN.tmp`, and one
    per worker's segment), half-written TOCs, and a manifest never renamed into place. Unreferenced segment files
    are removed by Whoosh at the next commit."""
    for folder in index_dir.glob("*.tmp"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
    for leftover in [*index_dir.glob("_MAIN_*.toc.*"), *index_dir.glob("manifest.json.*.tmp")]:
        leftover.unlink(missing_ok=True)


__all__ = ["BuildError", "BuildSummary", "build"]
