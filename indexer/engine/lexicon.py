"""Lookups in one index version's vocabulary, remembered.

An index that a build's workers wrote has a segment per run (ten at 100,000 documents), and a term is looked up
in each segment's term table: a field's whole vocabulary, the terms a prefix expands to, a term's document
frequency. An index version's answers never change, so each is looked up once.
"""
from __future__ import annotations

from typing import Callable

from . import arrays

LOOKUPS_KEPT = 100_000  # answers remembered per index version; past that they are forgotten and looked up again


class TermLookups:
    def __init__(self):
        self._answers: dict[tuple, object] = {}

    def field_terms(self, reader, field: str) -> list[tuple[bytes, int]]:
        """Every term of `field`, in order, with its document frequency: read once for the vocabularies of
        typo correction and completion and for the warm-up, which all scan it."""
        return self._remembered(("field", field), lambda: list(arrays.field_terms(reader, field)))

    def prefix_terms(self, reader, field: str, prefix: str, scan_limit: int) -> list[tuple[int, str]]:
        """The terms of `field` that begin with `prefix` (at most `scan_limit`), each with its document frequency."""
        def scan() -> list[tuple[int, str]]:
            found = []
            for scanned, (term, frequency) in enumerate(arrays.field_terms(reader, field, prefix)):
                term = term.decode("utf-8")
                if not term.startswith(prefix) or scanned >= scan_limit:
                    break
                found.append((frequency, term))
            return found
        return self._remembered(("prefix", field, prefix, scan_limit), scan)

    def frequency(self, reader, field: str, term: str) -> int:
        """The number of documents holding `term` in `field` (deleted ones included, as Whoosh counts them)."""
        return self._remembered(("frequency", field, term), lambda: reader.doc_frequency(field, term))

    def _remembered(self, key: tuple, look_up: Callable):
        answer = self._answers.get(key)
        if answer is None:
            if len(self._answers) >= LOOKUPS_KEPT:
                self._answers = {}  # a new dict, not clear(): another thread may be reading the old one
            answer = self._answers[key] = look_up()
        return answer
