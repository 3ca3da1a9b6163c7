"""Facet counts from in-memory document sets, one per facet value, read from the postings once per index version.

Counting is set intersection in C (CPython walks the smaller set) rather than Whoosh's per-document grouping, so it stays fast when a
query matches most of the index.
"""
from __future__ import annotations

from dataclasses import dataclass

FACET_FIELDS = ("year", "partner")


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool

    def as_dict(self) -> dict:
        return {"value": self.value, "count": self.count, "selected": self.selected}


class FacetSets:
    """For each facet field, the set of live document numbers that carry each value."""

    def __init__(self, all_docs: frozenset[int], values: dict[str, dict[str, frozenset[int]]]):
        self.all_docs = all_docs
        self._values = values

    @classmethod
    def read(cls, reader) -> FacetSets:
        values = {
            field: {term: frozenset(reader.postings(field, term).all_ids()) for term in reader.field_terms(field)}
            for field in FACET_FIELDS
            if field in reader.indexed_field_names()
        }
        return cls(frozenset(reader.all_doc_ids()), values)

    def docs_with_any(self, field: str, selected: tuple[str, ...]) -> frozenset[int]:
        """Documents that carry at least one of the selected values (values of one facet are OR-ed)."""
        found = set()
        for value in selected:
            found |= self._values.get(field, {}).get(value, frozenset())
        return frozenset(found)

    def counts(self, field: str, docs: frozenset[int] | set[int], selected: tuple[str, ...]) -> list[FacetValue]:
        """Each value's count within `docs`; selected values always appear, even with no match."""
        return [
            FacetValue(value, len(docs & members), value in selected)
            for value, members in self._values.get(field, {}).items()
        ] + [FacetValue(value, 0, True) for value in selected if value not in self._values.get(field, {})]
