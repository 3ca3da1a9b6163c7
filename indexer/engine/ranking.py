"""Ordering the documents a query matches: BM25F scores summed over the query's weighted terms, or newest first.

Scores are computed for whole posting lists at once (numpy), the same formula as Whoosh's `BM25F` with its
defaults: Whoosh walks a matcher per term per document in Python, which cost most of a query's time when it
matched many documents (docs/performance.md). Only the page asked for is then sorted.
"""
from __future__ import annotations

from math import log
from typing import Iterable

import numpy as np

from . import arrays
from .docset import DocSet
from .postings import PostingCache

K1, B = 1.2, 0.75  # Whoosh's BM25F defaults: term-frequency saturation and length normalisation
SCORED_FIELDS = ("title", "body")


class Ranker:
    """What ranking needs of one index version, read once: every document's field lengths and day."""

    def __init__(self, reader):
        self.size = reader.doc_count_all()
        self._lengths = {field: arrays.field_lengths(reader, field) for field in SCORED_FIELDS}
        self._average = {field: (reader.field_length(field) / (self.size or 1)) or 1.0 for field in SCORED_FIELDS}
        self._day = arrays.sortable_column(reader, "day")

    def scores(self, reader, postings: PostingCache, weighted: Iterable[tuple[str, str, float]]) -> np.ndarray:
        """Every document's score for the (field, term, weight) triples: the sum of weight × BM25 of each."""
        total = np.zeros(self.size, np.float32)
        for field, term, weight in weighted:
            found = postings.get(reader, field, term)
            if len(found):
                total[found.ids] += weight * self._bm25(field, found)
        return total

    def _bm25(self, field: str, found) -> np.ndarray:
        idf = log(self.size / (len(found) + 1)) + 1
        tf = found.weights
        norm = K1 * ((1 - B) + B * self._lengths[field][found.ids] / self._average[field])
        return idf * tf * (K1 + 1) / (tf + norm)

    def best(self, scores: np.ndarray, docs: DocSet, count: int) -> list[tuple[int, float]]:
        """The `count` documents of `docs` with the highest scores, ties in index order."""
        return [(doc, float(scores[doc])) for doc in _top(docs, scores, count)]

    def newest(self, docs: DocSet, count: int) -> list[int]:
        """The `count` documents of `docs` with the latest date (undated last), ties in index order."""
        return _top(docs, self._day, count)


def _top(docs: DocSet, keys: np.ndarray, count: int) -> list[int]:
    members = docs.docnums()
    if count <= 0 or not len(members):
        return []
    values = keys[members]
    if count < len(members):
        kept = np.argpartition(-values, count - 1)[:count]  # unordered, then only these are sorted
        threshold = values[kept].min()
        kept = np.flatnonzero(values >= threshold)  # every tie at the threshold, so index order decides
        members, values = members[kept], values[kept]
    order = np.lexsort((members, -values))[:count]
    return members[order].tolist()
