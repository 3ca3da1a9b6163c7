"""Search as you type: completions of the last word typed, from partner names and aliases, title words and
frequent exact forms, best first by document frequency.

Built once per index version as one sorted array of diacritic-free keys: a prefix is a `bisect` range, so
`emek` finds `əməkdaşlıq` and a lookup takes well under a millisecond.
"""
from __future__ import annotations

import bisect
import heapq

from indexer.analysis import az_lower, fold, typed_word
from indexer.analysis.stopwords import is_stop_word

from .lexicon import TermLookups

KIND_ORDER = {"partner": 0, "title": 1, "term": 2}  # a value found as several kinds is shown as the first


def key(text: str) -> str:
    return fold(az_lower(text)).strip()


class Completions:
    def __init__(self, entries: list[tuple[str, str, int]]):
        best: dict[str, tuple[int, int, str, str, str]] = {}  # key → (-frequency, kind order, value, kind, group)
        for value, kind, frequency, group in entries:
            held = best.get(key(value))
            if held is not None:  # one value, several kinds: the most telling kind, the highest frequency
                frequency = max(frequency, -held[0])
                if held[1:] < (KIND_ORDER[kind], value):
                    value, kind, group = held[2:]
            best[key(value)] = (-frequency, KIND_ORDER[kind], value, kind, group)
        ordered = sorted(best.items())
        self._keys = [k for k, _ in ordered]
        self._entries = [entry for _, entry in ordered]

    @classmethod
    def read(cls, reader, lookups: TermLookups, partner_counts: dict[str, tuple[tuple[str, ...], int]],
             min_frequency: int) -> Completions:
        """`partner_counts`: partner name → (its aliases, how many documents name it)."""
        entries = [(alias, "partner", count, name) for name, (aliases, count) in partner_counts.items() if count
                   for alias in (name, *aliases)]
        for field, kind, least in (("title", "title", 1), ("body", "term", min_frequency)):
            # exact forms, and bare stems (a form equal to its stem)
            for term, frequency in lookups.field_terms(reader, field):
                word = typed_word(term.decode("utf-8"))
                if word and frequency >= least and not is_stop_word(word) and not word.isdigit():
                    entries.append((word, kind, frequency, word))
        return cls(entries)

    def _starting(self, prefix_key: str, limit: int, phrases_only: bool = False) -> list[tuple]:
        low = bisect.bisect_left(self._keys, prefix_key)
        high = bisect.bisect_left(self._keys, prefix_key + "\U0010ffff")
        found = (self._entries[i] for i in range(low, high) if not phrases_only or " " in self._keys[i])
        return heapq.nsmallest(limit, found)

    def complete(self, typed: str, limit: int) -> list[dict]:
        """Completions of the last word of `typed`, keeping the words before it; a multi-word partner name
        is also offered for everything typed (`birləşmiş mil` → `Birləşmiş Millətlər Təşkilatı`)."""
        if not typed.strip() or typed[-1].isspace() or limit < 1:
            return []
        head, _, last = typed.rpartition(" ")
        before = head + " " if head else ""
        found = [(entry, entry[2]) for entry in self._starting(key(typed), limit, phrases_only=True)] if head else []
        found += [(entry, before + entry[2]) for entry in self._starting(key(last), limit)]
        shown = {}  # one value per partner (the alias that matched best) and per word
        for entry, value in sorted(found, key=lambda pair: pair[0]):
            shown.setdefault(entry[4], {"value": value, "kind": entry[3]})
        return list(shown.values())[:limit]
