"""The build's CPU work, done in worker processes: bytes → documents → analysed index fields → a segment.

Each worker loads the partner catalogue once (`init_worker`). `prepare` turns one task into the fields of its
documents; `write_segment` prepares a run of tasks and writes their documents to a segment of its own, which
the main process adds to the index at its commit.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from indexer.extract import extract
from indexer.extract.partners import PartnerCatalog
from indexer.parsing import SkipFile, parse_bytes
from indexer.parsing.jsonl import BadLine, parse_line

from .fields import document_fields
from .segment import TermBufferSegmentWriter

_catalog: PartnerCatalog | None = None
_progress = None  # a queue of (bytes, documents) done, read by the main process for its progress bar


def init_worker(progress=None) -> None:
    global _catalog, _progress
    _catalog = PartnerCatalog.load()
    _progress = progress


@dataclass
class FileTask:
    """One one-document file (text, Markdown, HTML), its bytes already read and hashed by the main process."""
    source: str
    path: Path
    corpus: Path
    data: bytes


@dataclass
class LinesTask:
    """A run of consecutive lines of one JSON Lines file."""
    source: str
    lines: list[tuple[int, bytes]]
    bytes: int = 0  # of the file read so far, for the progress bar


@dataclass
class Prepared:
    docs: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # partial problems, reported against the file
    bad_lines: int = 0
    skip: str | None = None  # why the whole file gives nothing
    # what `write_segment` wrote: each document's number in its segment, and its id
    written: list[tuple[int, str]] = field(default_factory=list)


def prepare(task: FileTask | LinesTask) -> Prepared:
    if isinstance(task, FileTask):
        return _prepare_file(task)
    return _prepare_lines(task)


def write_segment(index_dir: str, tasks: list[FileTask | LinesTask],
                  done: Callable[[int, int], None] | None = None) -> tuple[object | None, list[Prepared]]:
    """The documents of `tasks`, in order, written to a new segment of the index in `index_dir` (None when they
    are none); each task's result with its documents' numbers and ids in place of their fields. `done` hears
    of the bytes and documents done after each task (in a worker, the main process's queue does)."""
    done = done or (_tell_main if _progress is not None else None)
    writer = TermBufferSegmentWriter.of_one_segment(index_dir)
    results = []
    try:
        with without_cycle_collection():
            for task in tasks:
                result = prepare(task)
                for fields in result.docs:
                    result.written.append((writer.docnum, fields["id"]))
                    writer.add_document(**fields)
                result.docs = []
                results.append(result)
                if done is not None:
                    done(task.bytes if isinstance(task, LinesTask) else 0, len(result.written))
            return writer.finish_segment(), results
    except BaseException:
        writer.cancel()
        raise


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """A segment's documents and postings are millions of small objects that all live until it is written:
    Python's cycle collector would walk them again and again for nothing (3 of 24 CPU seconds of a
    10,000-document build, when one process wrote everything)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _tell_main(done_bytes: int, documents: int) -> None:
    _progress.put((done_bytes, documents))


def _prepare_file(task: FileTask) -> Prepared:
    result = Prepared()
    try:
        doc = parse_bytes(task.data, task.path, task.corpus, result.notes.append)
    except SkipFile as reason:
        result.skip = str(reason)
        return result
    result.docs.append(_fields(doc, task.source))
    return result


def _prepare_lines(task: LinesTask) -> Prepared:
    result = Prepared()
    for number, raw in task.lines:
        try:
            doc = parse_line(raw)
        except BadLine as error:
            result.bad_lines += 1
            result.notes.append(f"sətir {number}: {error}")
            continue
        result.docs.append(_fields(doc, task.source))
    return result


def _fields(doc, source: str) -> dict:
    if _catalog is None:
        init_worker()
    return document_fields(doc, extract(doc, _catalog), source)
