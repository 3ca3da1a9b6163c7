"""Typo correction against the index's own vocabulary: exact forms and stems, with their document frequencies.

Words are compared without diacritics (`əmakdaşlıq` and `əməkdaşlıq` are one edit apart, `emekdasliq`
none). Lookup is a symmetric-delete dictionary (SymSpell): every vocabulary key is stored under itself and
under each string one deletion away, so a word within one edit of a key shares an entry with it. Two edits
(long words only) are found by probing every string one edit away from the query word the same way.
Candidates are then checked with the true edit distance.
"""
from __future__ import annotations

from typing import Iterable

from indexer.analysis import EXACT, fold, typed_word
from indexer.settings import DEFAULTS

from .lexicon import TermLookups

FIELDS = ("title", "body")


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _edits(key: str, alphabet: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `key`."""
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    found |= {left + char + right[1:] for left, right in splits if right for char in alphabet}
    found |= {left + char + right for left, right in splits for char in alphabet}
    return found


def distance(a: str, b: str) -> int:
    """Edit distance with transpositions (optimal string alignment)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if previous2 is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]


class Vocabulary:
    """The words of one index version, keyed by their diacritic-free form."""

    def __init__(self, entries: Iterable[tuple[str, int, bool]]):
        self._best: dict[str, tuple[bool, int, str]] = {}  # key → (is an exact form, doc frequency, word)
        for word, frequency, exact in entries:
            key = fold(word)
            self._best[key] = max(self._best.get(key, (False, 0, "")), (exact, frequency, word))
        self._near: dict[str, str | list[str]] = {}
        for key in self._best:
            for near in _deletes(key) | {key}:
                self._add(near, key)
        letters = {char for key in self._best for char in key}
        self._ascii = "".join(sorted(char for char in letters if char.isascii()))
        self._all = "".join(sorted(letters))

    @classmethod
    def read(cls, reader, lookups: TermLookups) -> Vocabulary:
        """Exact forms and stems of the text fields; folded, root and other-language terms are left out."""
        def entries():
            for field in FIELDS:
                for term, frequency in lookups.field_terms(reader, field):
                    term = term.decode("utf-8")
                    word = typed_word(term)
                    if word is not None:
                        yield word, frequency, term.startswith(EXACT)
        return cls(entries())

    def _add(self, near: str, key: str) -> None:
        held = self._near.get(near)
        if held is None:
            self._near[near] = key  # most entries hold one key: a string, not a list, saves memory
        elif isinstance(held, str):
            self._near[near] = [held, key]
        else:
            held.append(key)

    def _keys_near(self, probe: str) -> list[str]:
        held = self._near.get(probe, ())
        return [held] if isinstance(held, str) else held

    def correct(self, word: str) -> str | None:
        """The most frequent vocabulary word within one edit of `word` (two for long words), or None.
        Two edits are tried only when nothing is one edit away: it takes a hundred times more probes."""
        key = fold(word)
        if len(key) < DEFAULTS["TYPO_MIN_LENGTH"]:
            return None
        found = self._nearest(key, _deletes(key) | {key}, 1)
        if found is None and len(key) >= DEFAULTS["TYPO_LONG_WORD"]:
            probes = set()
            for edited in _edits(key, self._ascii if key.isascii() else self._all):
                probes |= _deletes(edited)
                probes.add(edited)
            found = self._nearest(key, probes, 2)
        return self._best[found][2] if found else None

    def _nearest(self, key: str, probes: set[str], limit: int) -> str | None:
        candidates = {found for probe in probes for found in self._keys_near(probe)}
        candidates.discard(key)
        scored = [
            (edits, -self._best[found][1], found)
            for found in candidates
            if abs(len(found) - len(key)) <= limit and (edits := distance(key, found)) <= limit
        ]
        return min(scored)[2] if scored else None


def cased_like(word: str, typed: str) -> str:
    """`word` with the capitals of what the user typed (`Pakistn` → `Pakistan`), Azerbaijani `i`/`ı` rules."""
    def upper(text: str) -> str:
        return text.replace("i", "İ").replace("ı", "I").upper()

    if len(typed) > 1 and typed.isupper():
        return upper(word)
    return upper(word[:1]) + word[1:] if typed[:1].isupper() else word
