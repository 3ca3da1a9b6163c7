"""Each index term's set of document numbers, read from the postings once and kept in a bounded LRU.

Boolean matching (AND, OR, NOT over words and their forms) is then C-level set arithmetic instead of a
Python loop over a Whoosh matcher, which is what made queries matching much of the index slow.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

EMPTY: frozenset[int] = frozenset()


class TermSets:
    """Document sets of one index version. The budget counts document numbers held, not terms: a common
    term's set is large (about 40 bytes a document), a rare one's is tiny."""

    def __init__(self, budget: int):
        self._budget = budget
        self._held = 0
        self._sets: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self._lock = threading.Lock()

    def docs(self, reader, field: str, term: str) -> frozenset[int]:
        key = (field, term)
        with self._lock:
            found = self._sets.get(key)
            if found is not None:
                self._sets.move_to_end(key)
                return found
        found = frozenset(reader.postings(field, term).all_ids()) if key in reader else EMPTY
        self._keep(key, found)
        return found

    def _keep(self, key: tuple[str, str], docs: frozenset[int]) -> None:
        with self._lock:
            if key in self._sets or len(docs) > self._budget:
                return
            self._sets[key] = docs
            self._held += len(docs) + 1
            while self._held > self._budget:
                _, dropped = self._sets.popitem(last=False)
                self._held -= len(dropped) + 1
