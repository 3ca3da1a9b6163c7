"""Phrase matching on positions arrays: the documents where the words of a phrase stand one after another.

Each slot of the phrase (one word, in any of its forms) becomes a sorted array of keys `document << 32 |
position − slot`, so that the words of one occurrence share a key; the phrase matches where every slot's
keys meet. Whoosh's span matchers do the same one posting at a time in Python, which cost seconds for a
phrase of common words.
"""
from __future__ import annotations

from functools import reduce

import numpy as np

from .docset import DocSet
from .postings import PostingCache


def adjacent(reader, postings: PostingCache, field: str, slots: list[list[str]], candidates: DocSet) -> DocSet:
    """The candidates (documents holding every slot's word in `field`) where the slots' words are adjacent."""
    keys = [_slot_keys(reader, postings, field, terms, offset, candidates) for offset, terms in enumerate(slots)]
    met = reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), sorted(keys, key=len))
    return DocSet.of(len(candidates.mask), np.unique(met >> 32))


def _slot_keys(reader, postings: PostingCache, field: str, terms: list[str], offset: int, candidates: DocSet) -> np.ndarray:
    parts = []
    for term in terms:
        found = postings.positions(reader, field, term)
        docs = np.repeat(found.ids.astype(np.int64), found.counts)
        starts = found.positions.astype(np.int64) - offset
        kept = candidates.mask[docs] & (starts >= 0)
        parts.append((docs[kept] << 32) | starts[kept])
    return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)
