"""Placeholder until the JSONL parser lands."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from indexer.document import Document
from indexer.parsing.encoding import SkipFile


def parse_jsonl(path: Path, report: Callable[[str], None]) -> Iterator[Document]:
    raise SkipFile("bu fayl növü hələ dəstəklənmir")
    yield
