"""JSON Lines (`.jsonl`, `.jsonl.gz`): one document per line, read as a stream."""
from __future__ import annotations

import codecs
import datetime
import gzip
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from indexer.document import Document
from indexer.parsing.encoding import SkipFile, normalize

# A file whose first lines are all broken is not JSON Lines at all; stop before reporting every line.
MAX_LEADING_BAD_LINES = 20
# What reading a cut-off or corrupt gzip stream raises.
TRUNCATED_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class BadLine(ValueError):
    """One line cannot become a document; str(e) says why, in Azerbaijani."""


def parse_jsonl(path: Path, report: Callable[[str], None]) -> Iterator[Document]:
    good = bad = 0
    try:
        with _open(path) as stream:
            for number, raw in _numbered_lines(stream):
                try:
                    document = parse_line(raw)
                except BadLine as error:
                    bad += 1
                    report(f"sətir {number}: {error}")
                    if good == 0 and bad >= MAX_LEADING_BAD_LINES:
                        raise SkipFile(f"JSON Lines deyil: ilk {bad} sətir xətalıdır") from error
                    continue
                good += 1
                yield document
    except TRUNCATED_ERRORS as error:
        # A cut-off download still holds every complete line before the cut.
        if good == 0:
            raise SkipFile("gzip faylı zədəlidir və ya yarımçıqdır") from error
        report(f"fayl yarımçıqdır, {good} sənəddən sonra oxuma dayandı")
    except OSError as error:
        raise SkipFile(f"fayl oxunmadı: {error.strerror or error}") from error
    if good == 0:
        raise SkipFile("istifadəyə yararlı sətir yoxdur" if bad else "fayl boşdur")


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def lines_of(raw: IO[bytes], name: str) -> Iterator[tuple[int, bytes]]:
    """The numbered non-blank lines of a JSON Lines file already in memory (`name` says if it is gzipped).

    Reading raises one of TRUNCATED_ERRORS when the gzip stream is cut off or corrupt.
    """
    stream = gzip.GzipFile(fileobj=raw) if name.lower().endswith(".gz") else raw
    return _numbered_lines(stream)


def _numbered_lines(stream: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their 1-based numbers; a UTF-8 BOM on the first line is dropped."""
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if raw.strip():
            yield number, raw


def parse_line(raw: bytes) -> Document:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadLine("UTF-8 deyil") from error
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"JSON xətası (sütun {error.colno})") from error
    except (ValueError, RecursionError) as error:
        # Valid JSON that Python refuses: an integer of thousands of digits, arrays nested thousands deep.
        raise BadLine("JSON xətası (çox uzun ədəd və ya çox dərin iç-içə quruluş)") from error
    if not isinstance(record, dict):
        raise BadLine("JSON obyekt deyil")
    document = Document(
        id=_required_text(record, "id"),
        title=" ".join(normalize(_optional_text(record, "title") or "").split()),
        text=_paragraphs(_required_text(record, "text")),
        url=_optional_text(record, "url"),
        date=_date(record.get("date")),
        partners=_partners(record.get("partners")),
        lang=_optional_text(record, "lang"),
    )
    if not (document.title or document.text):
        raise BadLine("sənəd boşdur: nə başlıq, nə mətn var")
    return document


def _required_text(record: dict, key: str) -> str:
    if key not in record or record[key] is None:
        raise BadLine(f"'{key}' sahəsi yoxdur")
    value = _optional_text(record, key)
    if key == "id" and not value.strip():
        raise BadLine("'id' boşdur")
    return value


def _optional_text(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise BadLine(f"'{key}' sahəsi mətn olmalıdır")
    return value


def _paragraphs(text: str) -> str:
    # The corpus separates paragraphs with a single newline; Document wants a blank line between them.
    lines = (" ".join(line.split()) for line in normalize(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _date(value: object) -> datetime.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadLine("'date' sahəsi mətn olmalıdır")
    try:
        # fromisoformat takes both "2021-03-12" and "2021-03-12T10:00:00+04:00".
        return datetime.datetime.fromisoformat(value.strip()).date()
    except ValueError as error:
        raise BadLine(f"tarix yanlışdır: {value!r}") from error


def _partners(value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise BadLine("'partners' mətnlər siyahısı olmalıdır")
    return [normalize(name).strip() for name in value if name.strip()]
