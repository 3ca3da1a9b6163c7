"""Placeholder until the markdown parser lands: files of this kind are skipped with a reason."""
from __future__ import annotations

from collections.abc import Callable

from indexer.document import Document
from indexer.parsing.encoding import SkipFile


def parse_markdown(content, doc_id: str, report: Callable[[str], None]) -> Document:
    raise SkipFile("bu fayl növü hələ dəstəklənmir")
