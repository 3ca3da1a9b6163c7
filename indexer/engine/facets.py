"""Facet counts for a set of matching documents, from each facet value's documents read once per index version.

Each facet is held as two parallel arrays, one entry per (document, value) pair, so counting every value
within a query's documents is one gather and one `bincount` in C, however many documents match.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import arrays
from .docset import DocSet

FACET_FIELDS = ("year", "partner")


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool

    def as_dict(self) -> dict:
        return {"value": self.value, "count": self.count, "selected": self.selected}


class _Facet:
    """One facet field: its values, and the (document, value) pairs, also grouped by document."""

    def __init__(self, members: dict[str, np.ndarray], size: int):
        self.values = list(members)
        self.index = {value: position for position, value in enumerate(self.values)}
        self.members = members
        self.pair_docs = np.concatenate(list(members.values())) if members else np.empty(0, np.int32)
        self.pair_values = np.repeat(np.arange(len(members)), [len(ids) for ids in members.values()])
        by_doc = np.argsort(self.pair_docs, kind="stable")
        self.doc_values = self.pair_values[by_doc]  # each document's values, document after document
        self.doc_starts = np.searchsorted(self.pair_docs[by_doc], np.arange(size + 1))

    def tally(self, docs: DocSet) -> np.ndarray:
        """How many of `docs` carry each value (indexed like `values`). Few documents: their own values are
        gathered; many: every pair is looked up in the mask (both in C, each the cheaper for its case)."""
        if len(docs) * 8 > len(self.pair_docs):
            found = self.pair_values[docs.mask[self.pair_docs]]
        else:
            members = docs.docnums()
            starts, lengths = self.doc_starts[members], self.doc_starts[members + 1] - self.doc_starts[members]
            offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            found = self.doc_values[np.repeat(starts, lengths) + offsets]
        return np.bincount(found, minlength=len(self.values))

    def count(self, counts: np.ndarray, value: str) -> int:
        """`value`'s entry in counts indexed like `values` (0 for a value no document carries)."""
        index = self.index.get(value)
        return int(counts[index]) if index is not None else 0


class FacetSets:
    """For each facet field, the documents that carry each value; `all_docs` are the live documents."""

    def __init__(self, all_docs: DocSet, members: dict[str, dict[str, np.ndarray]]):
        self.all_docs = all_docs
        self._facets = {field: _Facet(values, len(all_docs.mask)) for field, values in members.items()}

    @classmethod
    def read(cls, reader) -> FacetSets:
        live = DocSet(arrays.live_mask(reader))
        members = {
            field: {term: ids[live.mask[ids]] for term in reader.field_terms(field)
                    for ids, _ in [arrays.postings(reader, field, term)]}
            for field in FACET_FIELDS
            if field in reader.indexed_field_names()
        }
        return cls(live, members)

    def docs_with_any(self, field: str, selected: tuple[str, ...]) -> DocSet:
        """Documents that carry at least one of the selected values (values of one facet are OR-ed)."""
        facet = self._facets.get(field)
        found = [facet.members[value] for value in selected if facet and value in facet.members]
        return DocSet.of(len(self.all_docs.mask), np.concatenate(found) if found else ())

    def counts(self, field: str, docs: DocSet, selected: tuple[str, ...]) -> list[FacetValue]:
        """The values found in `docs`, with their counts, and the selected values even with no match."""
        facet = self._facets.get(field)
        if facet is None:
            return [FacetValue(value, 0, True) for value in selected]
        counts = facet.tally(docs)
        found = [FacetValue(facet.values[index], int(counts[index]), facet.values[index] in selected)
                 for index in np.flatnonzero(counts)]
        return found + [FacetValue(value, 0, True) for value in selected if not facet.count(counts, value)]
