"""Each index term's postings as arrays (`arrays.postings`), read once and kept in a bounded LRU.

Matching (AND, OR, NOT over words and their forms) and scoring then work on whole arrays in C instead of
a Python loop over a Whoosh matcher, which is what made queries matching much of the index slow.
"""
from __future__ import annotations

import heapq
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from . import arrays
from .docset import DocSet
from .lexicon import TermLookups


WARM_MIN_LENGTH = 1000  # postings: shorter lists are not worth reading before they are asked for


@dataclass(frozen=True)
class TermPostings:
    ids: np.ndarray  # document numbers, ascending, deleted documents included
    weights: np.ndarray  # frequency × field boost, what BM25F takes as the term frequency

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class TermPositions:
    keys: np.ndarray  # `document << 32 | position` of every occurrence, ascending

    @classmethod
    def read(cls, reader, field: str, term: str) -> TermPositions:
        ids, counts, positions = arrays.positions(reader, field, term)
        return cls((np.repeat(ids.astype(np.int64), counts) << 32) | positions)

    def __len__(self) -> int:
        return len(self.keys)


class PostingCache:
    """Postings of one index version. The budget counts postings and positions held (8 bytes each), not
    terms: a common term's list is long, a rare one's tiny."""

    def __init__(self, size: int, budget: int):
        self.size = size  # documents in the index version, deleted ones included
        self._budget = budget
        self._held = 0
        self._lists: OrderedDict[tuple, TermPostings | TermPositions] = OrderedDict()
        self._lock = threading.Lock()
        self._retired = False  # a newer index version replaced this one: stop warming it

    def get(self, reader, field: str, term: str) -> TermPostings:
        """The postings of a term, read through `reader` (the calling thread's) when not cached."""
        return self._cached((field, term), lambda: TermPostings(*arrays.postings(reader, field, term)))

    def positions(self, reader, field: str, term: str) -> TermPositions:
        """Where a term occurs in each document (read only for phrases: positions cost more to read)."""
        return self._cached((field, term, "positions"), lambda: TermPositions.read(reader, field, term))

    def _cached(self, key: tuple, read):
        with self._lock:
            found = self._lists.get(key)
            if found is not None:
                self._lists.move_to_end(key)
                return found
        found = read()
        self._keep(key, found)
        return found

    def warm(self, reader, lookups: TermLookups, fields: tuple[str, ...], share: float) -> None:
        """Read the longest posting lists of `fields` before a query asks for them, up to `share` of the budget:
        reading costs about a microsecond a posting, so they are what makes a query slow the first time
        (a list shorter than `WARM_MIN_LENGTH` is read in well under a millisecond when asked for)."""
        longest = heapq.merge(*(self._by_length(reader, lookups, field) for field in fields), reverse=True)
        room = int(self._budget * share)
        for length, field, term in longest:
            room -= length
            if room < 0 or length < WARM_MIN_LENGTH or self._retired:
                break
            self.get(reader, field, term)

    def retire(self) -> None:
        self._retired = True

    @staticmethod
    def _by_length(reader, lookups: TermLookups, field: str) -> list[tuple[int, str, str]]:
        found = [(frequency, field, term.decode("utf-8")) for term, frequency in lookups.field_terms(reader, field)]
        return sorted(found, reverse=True)

    def docs(self, reader, keys) -> DocSet:
        """The documents holding any of the (field, term) keys."""
        mask = np.zeros(self.size, bool)
        for field, term in keys:
            mask[self.get(reader, field, term).ids] = True
        return DocSet(mask)

    def _keep(self, key: tuple, postings: TermPostings | TermPositions) -> None:
        with self._lock:
            if key in self._lists or len(postings) > self._budget:
                return
            self._lists[key] = postings
            self._held += len(postings) + 1
            while self._held > self._budget:
                _, dropped = self._lists.popitem(last=False)
                self._held -= len(dropped) + 1
