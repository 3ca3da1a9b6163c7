"""The build's CPU work, done in worker processes: bytes → documents → analysed, picklable index fields.

Each worker loads the partner catalogue once (`init_worker`); the main process only adds what comes back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from indexer.extract import extract
from indexer.extract.partners import PartnerCatalog
from indexer.parsing import SkipFile, parse_bytes
from indexer.parsing.jsonl import BadLine, parse_line

from .fields import document_fields

_catalog: PartnerCatalog | None = None


def init_worker() -> None:
    global _catalog
    _catalog = PartnerCatalog.load()


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


def prepare(task: FileTask | LinesTask) -> Prepared:
    if isinstance(task, FileTask):
        return _prepare_file(task)
    return _prepare_lines(task)


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
