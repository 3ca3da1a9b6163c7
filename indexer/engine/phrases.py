"""Phrase matching on positions: the documents where the words of a phrase stand one after another.

Every term's occurrences are kept as one sorted array of keys `document << 32 | position`. The phrase's
rarest slot (one word, in any of its forms) gives the probes, shifted to where the phrase would start; each
other slot keeps the probes that find its word at their position plus the slot's offset (binary search in
C). Whoosh's span matchers do the same one posting at a time in Python, which cost seconds for a phrase of
common words.
"""
from __future__ import annotations

import numpy as np

from .docset import DocSet
from .postings import PostingCache


def adjacent(reader, postings: PostingCache, field: str, slots: list[list[str]], candidates: DocSet) -> DocSet:
    """The candidates (documents holding every slot's word in `field`) where the slots' words are adjacent."""
    keys = [[postings.positions(reader, field, term).keys for term in terms] for terms in slots]
    rarest = min(range(len(slots)), key=lambda slot: sum(map(len, keys[slot])))
    starts = np.concatenate(keys[rarest]) - rarest
    starts = starts[candidates.mask[starts >> 32]]
    for slot, forms in enumerate(keys):
        if slot != rarest and len(starts):
            wanted = starts + slot
            starts = starts[np.logical_or.reduce([_members(form, wanted) for form in forms])]
    return DocSet.of(len(candidates.mask), starts >> 32)


def _members(sorted_keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """For each wanted key, whether the sorted keys hold it."""
    if not len(sorted_keys):
        return np.zeros(len(wanted), bool)
    found = np.minimum(np.searchsorted(sorted_keys, wanted), len(sorted_keys) - 1)
    return sorted_keys[found] == wanted
