"""Whoosh's postings and per-document lengths read into numpy arrays, a whole list at a time.

Whoosh hands postings out one at a time through Python matchers, which is what made scoring a query that
matches much of the index slow. Here a posting list is read block by block: each block is one zlib-compressed
pickle of delta-encoded ids and weights (`whoosh.codec.whoosh3`), decoded into arrays in C. This module is
the one place that knows that layout.
"""
from __future__ import annotations

import heapq
import zlib
from itertools import chain, groupby
from operator import itemgetter
from pickle import loads
from typing import Iterator

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher

from .codec import LENGTH_OF_BYTE, InMemoryLengthsReader

_LENGTHS = np.array(LENGTH_OF_BYTE, dtype=np.float32)  # Whoosh stores a field's length in one byte
_PICKLE_2 = b"\x80\x02"
_first = itemgetter(0)


def field_terms(reader, field: str, prefix: str = "") -> Iterator[tuple[bytes, int]]:
    """Every term of `field` from `prefix` on, in order, with the number of documents holding it in every
    segment (deleted ones included, as Whoosh counts them). Each segment's terms are read in order and merged
    here: Whoosh's own reader over several segments looks every term up again in each of them, which made a
    scan of the vocabulary ten times slower on an index of four segments."""
    streams = [((term, info.doc_frequency()) for term, info in leaf.iter_field(field, prefix))
               for leaf, _ in reader.leaf_readers() if field in leaf.indexed_field_names()]
    if len(streams) == 1:
        return streams[0]
    return ((term, sum(frequency for _, frequency in same))
            for term, same in groupby(heapq.merge(*streams, key=_first), key=_first))


def postings(reader, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """The document numbers (int32, ascending) and weights (float32) of a term over every segment of `reader`,
    deleted documents included (callers keep to the live documents)."""
    ids, weights, _ = _read(reader, field, term, with_values=False)
    return ids, weights


def positions(reader, field: str, term: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A term's document numbers, how many positions each document has, and those positions, concatenated in
    the order of the documents (each document's ascending)."""
    ids, _, values = _read(reader, field, term, with_values=True)
    deltas = _position_deltas(values)
    counts = np.fromiter(map(len, deltas), np.int64, len(deltas))
    flat = np.cumsum(np.fromiter(chain.from_iterable(deltas), np.int64, int(counts.sum())))
    # each document's deltas start again from 0: subtract the running total reached before it
    before = np.concatenate(([0], flat[np.cumsum(counts)[:-1] - 1])) if len(counts) else flat[:0]
    return ids, counts, (flat - np.repeat(before, counts)).astype(np.int32)


def _read(reader, field: str, term: str, with_values: bool) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    key = term.encode("utf-8")
    ids, weights, values = [], [], []
    for leaf, offset in reader.leaf_readers():
        if (field, key) not in leaf:
            continue
        matcher = leaf._terms.matcher(field, key, leaf.schema[field].format)  # unfiltered by deletions
        read = _blocks if isinstance(matcher, W3LeafMatcher) else _one_by_one
        leaf_ids, leaf_weights = read(matcher, values if with_values else None)
        ids.append(leaf_ids + offset)
        weights.append(leaf_weights)
    if not ids:
        return np.empty(0, np.int32), np.empty(0, np.float32), values
    return np.concatenate(ids).astype(np.int32), np.concatenate(weights).astype(np.float32), values


def _blocks(matcher: W3LeafMatcher, values: list[bytes] | None) -> tuple[np.ndarray, np.ndarray]:
    ids, weights = [], []
    while not matcher._atend:
        data = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        deltas, block_weights, block_values = loads(zlib.decompress(data) if matcher._compression else data)
        ids.append(np.cumsum(np.array(deltas, dtype=np.int64)))
        count = len(deltas)
        if block_weights is None or isinstance(block_weights, float):
            weights.append(np.full(count, 1.0 if block_weights is None else block_weights, np.float32))
        else:
            weights.append(np.array(block_weights, dtype=np.float32))
        if values is not None:
            values.extend(block_values)
        matcher._next_block()
    return np.concatenate(ids), np.concatenate(weights)


def _one_by_one(matcher, values: list[bytes] | None) -> tuple[np.ndarray, np.ndarray]:
    """Short lists kept inline in the term's record (a handful of postings)."""
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if values is not None:
            values.append(matcher.value())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float32)


def _position_deltas(values: list[bytes]) -> tuple[list[int], ...]:
    """Whoosh's `Positions` values, each a 4-byte count and a protocol-2 pickle of a list of deltas, unpickled
    in one call: the pickles' bodies joined between a mark and a tuple opcode make one pickle of a tuple."""
    if not values:
        return ()
    if not all(value[4:6] == _PICKLE_2 and value[-1:] == b"." for value in values):
        return tuple(loads(value[4:]) for value in values)
    return loads(_PICKLE_2 + b"(" + b"".join(value[6:-1] for value in values) + b"t.")


def field_lengths(reader, field: str) -> np.ndarray:
    """Every document's length in `field` (in terms, as Whoosh's one-byte encoding keeps it)."""
    parts = []
    for leaf, _ in reader.leaf_readers():
        count = leaf.doc_count_all()
        column = leaf._perdoc.encoded_lengths(field) if isinstance(leaf._perdoc, InMemoryLengthsReader) else None
        if column is None:  # a segment of another codec: asked document by document
            parts.append(np.array([leaf.doc_field_length(doc, field, 0) for doc in range(count)], np.float32))
            continue
        encoded = np.zeros(count, np.uint8)
        raw = np.frombuffer(bytes(column[:count]), np.uint8)
        encoded[: len(raw)] = raw
        parts.append(_LENGTHS[encoded])
    return np.concatenate(parts) if parts else np.empty(0, np.float32)


def live_mask(reader) -> np.ndarray:
    """True for each document number that is not deleted."""
    mask = np.zeros(reader.doc_count_all(), bool)
    mask[np.fromiter(reader.all_doc_ids(), np.int64)] = True
    return mask


def sortable_column(reader, field: str) -> np.ndarray:
    """A sortable numeric field's value for every document (0 where it has none)."""
    parts = []
    for leaf, _ in reader.leaf_readers():
        column = leaf.column_reader(field) if leaf.has_column(field) else None
        values = np.zeros(leaf.doc_count_all(), np.int64)
        if column is not None:
            values[:] = np.fromiter((column[n] or 0 for n in range(len(values))), np.int64, len(values))
        parts.append(values)
    return np.concatenate(parts) if parts else np.empty(0, np.int64)
