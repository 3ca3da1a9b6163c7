"""The postings of a segment's text fields, gathered as token numbers while documents arrive and cut into
posting lists when the segment is written.

Whoosh's writer handles one posting at a time in Python: a term's positions collected in a dict, a tuple made and
appended to the term's lists, some 270 of them for a document of ours. Here a document adds the numbers of its
tokens, one dictionary lookup per token; a token is analysed once per segment (`indexer.analysis.token_terms`,
itself cached per process). When the segment is written, numpy expands the tokens into (term, document,
position) triples and sorts them by term; Python then runs once per term, and per posting only to encode its
positions as Whoosh's `Positions` format does. The lists are those Whoosh's writer makes of the same texts
(tests/test_textpostings.py).
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np

from indexer.analysis import token_terms, tokens

from .analyzer import encode_gaps, encode_position

TermPostings = tuple[str, bytes, list, list, list]  # field, term, document numbers, weights, encoded positions
_CHUNK = 65_536  # postings whose numbers are made Python ints at once


@dataclass
class _Field:
    """The documents added to one field: each one's number, boost and tokens."""
    docs: array = field(default_factory=lambda: array("i"))
    boosts: array = field(default_factory=lambda: array("d"))
    counts: array = field(default_factory=lambda: array("i"))  # tokens per document
    tokens: array = field(default_factory=lambda: array("i"))  # token numbers, document after document


class _Vocabulary:
    """Tokens and terms, numbered: each token with the term numbers of its words."""

    def __init__(self):
        self.numbers: dict[str | None, dict[str, int]] = {}  # per declared language: token → its number
        self.term_numbers: dict[str, int] = {}
        self.terms: list[str] = []
        self.first = array("q", [0])  # token number → where its words' terms begin in `term_of` and `word_of`
        self.term_of = array("i")  # term numbers of every token's words, token after token
        self.word_of = array("i")  # for each of them, the word (0, 1, …) of its token it belongs to
        self.words = array("i")  # token number → its number of words (positions)
        self.sizes: list[int] = []  # token number → its number of terms

    def number(self, token: str, lang: str | None, numbers: dict[str, int]) -> int:
        words = token_terms(token, lang)
        for word, terms in enumerate(words):
            for term in terms:
                number = self.term_numbers.get(term)
                if number is None:
                    number = self.term_numbers[term] = len(self.terms)
                    self.terms.append(term)
                self.term_of.append(number)
                self.word_of.append(word)
        self.sizes.append(len(self.term_of) - self.first[-1])
        self.first.append(len(self.term_of))
        self.words.append(len(words))
        number = numbers[token] = len(self.words) - 1
        return number


_shared = _Vocabulary()
VOCABULARY_LIMIT = 300_000  # tokens a process keeps numbered across its segments (a worker writes several)


def _vocabulary() -> _Vocabulary:
    """The process's vocabulary, so that a worker numbers a token once for all its segments; a new one when
    it grew too large (a segment keeps the one it began with)."""
    global _shared
    if len(_shared.words) > VOCABULARY_LIMIT:
        _shared = _Vocabulary()
    return _shared


class TextPostings:
    """Texts of stacked-term fields, held as token numbers until `terms()` gives their postings."""

    def __init__(self):
        self._vocabulary = _vocabulary()
        self._fields: dict[str, _Field] = {}

    def add(self, fieldname: str, docnum: int, text: str, boost: float, lang: str | None) -> int:
        """A document's `text` in `fieldname`, each posting weighing its frequency × `boost`; the field's length
        in the document as Whoosh counts it (the number of terms)."""
        vocabulary = self._vocabulary
        numbers = vocabulary.numbers.setdefault(lang, {})
        found = tokens(text)
        numbered = [numbers.get(token) for token in found]
        if None in numbered:
            numbered = [vocabulary.number(token, lang, numbers) if number is None else number
                        for token, number in zip(found, numbered)]
        added = self._fields.setdefault(fieldname, _Field())
        added.docs.append(docnum)
        added.boosts.append(boost)
        added.counts.append(len(numbered))
        added.tokens.extend(numbered)
        return sum(map(vocabulary.sizes.__getitem__, numbered))

    def terms(self) -> Iterator[TermPostings]:
        """Every term's postings, fields in name order, terms in order within a field."""
        for fieldname in sorted(self._fields):
            yield from self._field_terms(fieldname, self._fields[fieldname])

    def _field_terms(self, fieldname: str, added: _Field) -> Iterator[TermPostings]:
        term, row, position = self._occurrences(added)
        if not len(term):
            return
        # stable: each term's documents and positions stay in order
        order = np.argsort(self._ranks(term), kind="stable")
        term, row, position = term[order], row[order], position[order]
        starts = np.flatnonzero(np.concatenate(([True], (term[1:] != term[:-1]) | (row[1:] != row[:-1]))))
        frequencies = np.diff(np.append(starts, len(term)))
        values = _encoded_positions(position, starts, frequencies)
        docnums = np.frombuffer(added.docs, np.int32)[row[starts]]
        weights = frequencies * np.frombuffer(added.boosts, np.float64)[row[starts]]
        posting_terms = term[starts]
        term_starts = np.flatnonzero(np.concatenate(([True], posting_terms[1:] != posting_terms[:-1])))
        term_ends = np.append(term_starts[1:], len(starts))
        del term, row, position, order, starts, frequencies  # the occurrences: most of the memory a segment takes
        terms = self._vocabulary.terms
        for number, start, end in zip(posting_terms[term_starts].tolist(), term_starts.tolist(), term_ends.tolist()):
            yield (fieldname, terms[number].encode("utf-8"), docnums[start:end].tolist(),
                   weights[start:end].tolist(), values[start:end])

    def _ranks(self, term: np.ndarray) -> np.ndarray:
        """Each occurrence's term by its rank in the order Whoosh writes terms (a string's order is its UTF-8's)."""
        terms = self._vocabulary.terms
        used = np.unique(term)
        ranks = np.zeros(len(terms), np.int32)
        ranks[sorted(used.tolist(), key=terms.__getitem__)] = np.arange(len(used), dtype=np.int32)
        return ranks[term]

    def _occurrences(self, added: _Field) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every term occurrence of the field: its term number, its document's row and its position there."""
        token = np.frombuffer(added.tokens, np.int32)
        counts = np.frombuffer(added.counts, np.int32)
        token_row = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
        vocabulary = self._vocabulary
        token_words = np.frombuffer(vocabulary.words, np.int32)[token].astype(np.int64)
        position = np.cumsum(token_words) - token_words  # of each token's first word, counted over all documents
        document_start = np.zeros(len(counts), np.int64)
        document_start[counts > 0] = position[(np.cumsum(counts) - counts)[counts > 0]]
        position = (position - np.repeat(document_start, counts)).astype(np.int32)  # 32 bits: millions of them
        first = np.frombuffer(vocabulary.first, np.int64)
        begin, size = first[token].astype(np.int32), np.diff(first)[token].astype(np.int32)
        occurrence_token = np.repeat(np.arange(len(token), dtype=np.int32), size)
        within = np.arange(int(size.sum()), dtype=np.int32) - np.repeat(np.cumsum(size, dtype=np.int32) - size, size)
        flat = begin[occurrence_token] + within  # each occurrence's place in the vocabulary's flat term arrays
        return (np.frombuffer(vocabulary.term_of, np.int32)[flat], token_row[occurrence_token],
                position[occurrence_token] + np.frombuffer(vocabulary.word_of, np.int32)[flat])


def _encoded_positions(position: np.ndarray, starts: np.ndarray, frequencies: np.ndarray) -> list[bytes]:
    """Each posting's positions as Whoosh's `Positions.encode` writes them; most postings have one. Numbers
    become Python ints a chunk at a time: all at once, they took more memory than the rest of the segment."""
    values: list[bytes] = []
    firsts = position[starts]
    for begin in range(0, len(firsts), _CHUNK):
        values += map(encode_position, firsts[begin:begin + _CHUNK].tolist())
    several = np.flatnonzero(frequencies > 1)
    gaps = position.copy()
    gaps[1:] -= position[:-1]
    gaps[starts] = position[starts]
    for begin in range(0, len(several), _CHUNK):
        chosen = several[begin:begin + _CHUNK]
        counts = frequencies[chosen]
        members = np.repeat(starts[chosen] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
        chosen_gaps, at = gaps[members].tolist(), 0
        for index, count in zip(chosen.tolist(), counts.tolist()):
            values[index] = encode_gaps(chosen_gaps[at:at + count])
            at += count
    return values
