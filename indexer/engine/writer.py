"""Building the index from corpus directories."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from whoosh import index as whoosh_index

from indexer.extract import extract
from indexer.extract.partners import PartnerCatalog
from indexer.parsing import SkipFile, parse_file

from .codec import Codec
from .fields import document_fields
from .schema import make_schema


class BuildError(Exception):
    """Nothing could be built: a missing corpus directory, an index directory that cannot be written."""


@dataclass
class BuildSummary:
    indexed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    problems: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.indexed} sənəd indeksləndi, {self.skipped} fayl buraxıldı, {self.seconds:.1f} saniyə"


Reporter = Callable[[str, str], None]  # (path, reason), called for every file or line left out


def corpus_files(corpus: Path) -> Iterator[Path]:
    """Every file under `corpus`, recursively, in a stable order."""
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            yield path


def build(corpora: list[Path], index_dir: Path, report: Reporter) -> BuildSummary:
    """Index every supported file of `corpora` into a new index in `index_dir`."""
    started = time.perf_counter()
    for corpus in corpora:
        if not corpus.is_dir():
            raise BuildError(f"korpus qovluğu tapılmadı: {corpus}")
    index = _create(index_dir)
    catalog = PartnerCatalog.load()
    summary = BuildSummary()

    def skip(path: str, reason: str) -> None:
        summary.skipped += 1
        summary.problems.append((path, reason))
        report(path, reason)

    writer = index.writer(limitmb=256, codec=Codec())
    for corpus in corpora:
        for path in corpus_files(corpus):
            summary.indexed += _add_file(writer, path, corpus, catalog, skip, report)
    writer.commit()
    summary.seconds = time.perf_counter() - started
    return summary


def _add_file(writer, path: Path, corpus: Path, catalog: PartnerCatalog, skip: Reporter, report: Reporter) -> int:
    """Add the documents of one file; return how many were added."""
    added = 0
    try:
        for doc in parse_file(path, corpus, lambda message: report(str(path), message)):
            writer.update_document(**document_fields(doc, extract(doc, catalog), str(path.relative_to(corpus))))
            added += 1
    except SkipFile as reason:
        skip(str(path), str(reason))
    return added


def _create(index_dir: Path):
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        return whoosh_index.create_in(str(index_dir), make_schema())
    except OSError as error:
        raise BuildError(f"indeks qovluğuna yazmaq mümkün deyil: {index_dir} ({error.strerror})") from None


__all__ = ["BuildError", "BuildSummary", "build"]
