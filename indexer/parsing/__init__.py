"""Files → `Document`s: picks the parser by file suffix and turns every failure into `SkipFile`."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from indexer.document import Document
from indexer.parsing import html, jsonl, markdown, seed
from indexer.parsing.encoding import MAX_FILE_BYTES, SkipFile, decode_bytes, read_bytes

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "SkipFile", "doc_id_for", "is_jsonl", "parse_bytes", "parse_file"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz")
# Longest first, so that "a.jsonl.gz" is matched as ".jsonl.gz" and not by a shorter suffix.
_SUFFIXES_LONGEST_FIRST = sorted(SUPPORTED_SUFFIXES, key=len, reverse=True)


def doc_id_for(path: Path, corpus_root: Path) -> str:
    """The path relative to the corpus root, "/"-separated, without its extension.

    Raises ValueError when `path` is not inside `corpus_root`.
    """
    # abspath, not resolve(): a symlink inside the corpus keeps the id of where it is, not where it points.
    relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(corpus_root)).as_posix()
    suffix = _supported_suffix(path) or path.suffix
    return relative[: len(relative) - len(suffix)]


def parse_file(path: Path, corpus_root: Path, report: Callable[[str], None]) -> Iterator[Document]:
    """Yield the documents of one file.

    Raises SkipFile (while iterating) when the file yields nothing usable; calls `report` for partial
    problems (a broken JSONL line, a guessed encoding) and goes on with the rest of the file.
    """
    suffix = _supported_suffix(path)
    if suffix is None:
        raise SkipFile(f"dəstəklənməyən fayl növü: {path.suffix or 'uzantısız fayl'}")
    if suffix in (".jsonl", ".jsonl.gz"):
        yield from jsonl.parse_jsonl(path, report)
        return
    yield parse_bytes(read_bytes(path), path, corpus_root, report)


def is_jsonl(path: Path) -> bool:
    return _supported_suffix(path) in (".jsonl", ".jsonl.gz")


def parse_bytes(data: bytes, path: Path, corpus_root: Path, report: Callable[[str], None]) -> Document:
    """The document of a one-document file whose bytes were already read (the build hashes the same bytes).

    Raises SkipFile when the bytes hold no usable document.
    """
    suffix = _supported_suffix(path)
    if suffix is None or is_jsonl(path):
        raise SkipFile(f"dəstəklənməyən fayl növü: {path.suffix or 'uzantısız fayl'}")
    try:
        doc_id = doc_id_for(path, corpus_root)
    except ValueError as error:
        raise SkipFile("fayl korpus qovluğundan kənardadır") from error
    document = _parse_single(data, suffix, doc_id, report)
    if not (document.title or document.text):
        raise SkipFile("faylda mətn yoxdur")
    return document


def _parse_single(data: bytes, suffix: str, doc_id: str, report: Callable[[str], None]) -> Document:
    if suffix in (".html", ".htm"):
        return html.parse_html(data, doc_id, report)
    text, encoding_note = decode_bytes(data)
    if encoding_note:
        report(encoding_note)
    if suffix == ".md":
        return markdown.parse_markdown(text, doc_id, report)
    return seed.parse_seed(text, doc_id)


def _supported_suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((suffix for suffix in _SUFFIXES_LONGEST_FIRST if name.endswith(suffix)), None)
