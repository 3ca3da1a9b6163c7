"""Whoosh's own codec with two repairs that make writing a segment several times cheaper.

- Field lengths held in memory: Whoosh looks up a document's field length once per posting when it writes
  a segment and once per scored document when it searches, each time through a file read.
- Short posting lists inlined into the term's record: Whoosh means to do this (`inlinelimit`) but calls a
  method that does not exist (`set_inline` for `set_inlined`), so it writes a pickled, compressed block for
  every term, and most terms of a real vocabulary occur in a handful of documents.

It also takes a term's whole posting list at once (`TermListFieldWriter.add_term`, used by
`indexer.engine.segment`) and writes what Whoosh's one call per posting writes (its blocks, its term record,
its hash table entry) without Whoosh's objects per term and per block: the commit of a build. The blocks and
records are Whoosh's, pickled with a later protocol (`PICKLE_PROTOCOL`).

Segments written with this codec name it, so it must stay importable under this name.
"""
from __future__ import annotations

import struct
import zlib
from array import array
from hashlib import md5
from itertools import chain
from operator import itemgetter, sub
from pickle import dumps

from whoosh.codec.whoosh3 import (LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3PerDocReader,
                                  W3PostingsWriter, W3TermInfo, _lenfield)
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length

LENGTH_OF_BYTE = [byte_to_length(value) for value in range(256)]
_TERM_INFO = W3TermInfo._struct  # flags, total weight, documents, min and max length bytes, max weight, first and last id
_EXTENT = struct.Struct("!qi")  # where a term's blocks start in the postings file, and their length
_BLOCK_LENGTH = struct.Struct("!i")
_KEY_AND_VALUE_LENGTHS = struct.Struct("!ii")  # filetables' record header
_NO_ID = 0xFFFFFFFF
# Whoosh pickles blocks and inlined postings with protocol 2, which writes each bytes value (a posting's encoded
# positions) as a call to `_codecs.encode` on a latin-1 string: half a microsecond per posting to write, more to
# read, and a larger pickle to compress. Protocol 5 writes bytes as they are; Whoosh's reader, which unpickles
# whatever protocol it finds, reads the same blocks. (A posting's own value stays Whoosh's protocol-2 encoding.)
PICKLE_PROTOCOL = 5


class InMemoryLengthsReader(W3PerDocReader):
    def __init__(self, storage, segment):
        super().__init__(storage, segment)
        self._lengths: dict[str, object] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.encoded_lengths(fieldname)
        encoded = lengths[docnum] if lengths is not None and docnum < len(lengths) else 0
        return LENGTH_OF_BYTE[encoded] if encoded else default

    def encoded_lengths(self, fieldname):
        """Every document's length in `fieldname`, one byte each (`LENGTH_OF_BYTE` decodes), or None."""
        if fieldname not in self._lengths:
            reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            self._lengths[fieldname] = reader.load() if reader is not None else None
        return self._lengths[fieldname]


class InliningPostingsWriter(W3PostingsWriter):
    def finish_postings(self):
        if self.written() or len(self) >= self._inlinelimit:
            return super().finish_postings()
        terminfo, self._terminfo = self._terminfo, None
        terminfo.add_block(self)
        terminfo.set_inlined(self._ids, self._weights, self._values)
        return terminfo

    def term_record(self, format_, ids: array, weights: array, values: list, encoded_lengths) -> bytes:
        """All postings of one term: document numbers (array "I", ascending), weights (array "f"), encoded
        values (none for a format without values) and the documents' field lengths as bytes (None for a field
        without lengths). Writes its blocks, unless they are few enough to be inlined, and returns the term's
        record: the bytes `start_postings`, `add_posting` per posting, `finish_postings` and `to_bytes` give."""
        if len(ids) < self._inlinelimit:
            stats = _block_stats(ids, weights, encoded_lengths)
            postings = dumps((tuple(ids), tuple(weights), tuple(values)), PICKLE_PROTOCOL)
            return _TERM_INFO.pack(True, *stats, ids[0], ids[-1]) + postings
        offset = self._postfile.tell()
        blocks, stats = self._blocks(format_.fixed_value_size(), ids, weights, values, encoded_lengths)
        self._postfile.write(blocks)
        return _TERM_INFO.pack(False, *stats, ids[0], ids[-1]) + _EXTENT.pack(offset, len(blocks))

    def _blocks(self, fixed_size, ids, weights, values, encoded_lengths) -> tuple[bytes, tuple]:
        """The bytes of `_write_block` for each block of the list, and the term's statistics, summed block by
        block as `W3TermInfo.add_block` sums them (the float total depends on the order of the additions)."""
        limit, level = self._blocklimit, self._compression
        deltas = array("I", map(sub, ids, chain((0,), ids)))
        parts = [WHOOSH3_HEADER_MAGIC]
        total, count, minimum, maximum, top = 0, 0, 0, 0, 0
        for start in range(0, len(ids), limit):
            end = start + limit
            block_ids = ids[start:end]
            block_weights = weights[start:end]
            block_deltas = deltas[start:end]
            block_deltas[0] = block_ids[0]  # each block's ids are delta-encoded from 0
            data = dumps((tuple(block_deltas), _mini_weights(block_weights),
                          _mini_values(fixed_size, values[start:end])), PICKLE_PROTOCOL)
            if level:
                data = zlib.compress(data, level)
            block_total, count, block_min, block_max, block_top = _block_stats(block_ids, block_weights,
                                                                                encoded_lengths)
            info = dumps((count, block_ids[-1], block_top, level, block_min, block_max), PICKLE_PROTOCOL)
            last = end >= len(ids)
            parts += (_BLOCK_LENGTH.pack(-(len(info) + len(data)) if last else len(info) + len(data)), info, data)
            total += block_total
            minimum = block_min if not minimum or (block_min and block_min < minimum) else minimum
            maximum = max(maximum, block_max)
            top = max(top, block_top)
        return b"".join(parts), (total, len(ids), minimum, maximum, top)


def _block_stats(ids: array, weights: array, encoded_lengths) -> tuple:
    """A block's sum of weights, number of postings, shortest and longest field length bytes (0 for none: a
    document without a length of the field counts for neither bound, as in `add_posting`) and highest weight.
    Whoosh takes that maximum of the weights as given, before they are stored as 32-bit floats: the same number
    for ours (frequency × 1 or × 2.5)."""
    minimum = maximum = 0
    if encoded_lengths is not None:
        lengths = itemgetter(*ids)(encoded_lengths) if len(ids) > 1 else (encoded_lengths[ids[0]],)
        if 0 in lengths:
            lengths = [length for length in lengths if length]
        if lengths:
            minimum, maximum = min(lengths), max(lengths)
    return sum(weights), len(ids), minimum, maximum, max(weights)


def _mini_weights(weights: array):
    """`W3PostingsWriter._mini_weights`."""
    if weights.count(1.0) == len(weights):
        return None
    first = weights[0]
    if weights.count(first) == len(weights):
        return first
    return tuple(weights)


def _mini_values(fixed_size, values: list):
    """`W3PostingsWriter._mini_values`."""
    if fixed_size is None or fixed_size < 0:
        return tuple(values)
    if fixed_size == 0:
        return None
    return b"".join(values)


class TermTableWriter(OrderedHashWriter):
    """Whoosh's term table (`OrderedHashWriter`), its `add` in one write and without assertions."""

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        dbfile = self.dbfile
        position = dbfile.tell()
        self.index.append(position)
        dbfile.write(_KEY_AND_VALUE_LENGTHS.pack(len(key), len(value)) + key + value)
        hashed = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")  # filetables.md5_hash
        self.buckets[hashed & 255].append((hashed, position))
        self.lastkey = key


class TermListFieldWriter(W3FieldWriter):
    def __init__(self, codec, storage, segment):
        super().__init__(codec, storage, segment)
        self._tindex.__class__ = TermTableWriter

    def add_term(self, text: bytes, ids: array, weights: array, values: list, encoded_lengths) -> None:
        """One term of the started field with all its postings (see `InliningPostingsWriter.term_record`)."""
        record = self._postwriter.term_record(self._format, ids, weights, values, encoded_lengths)
        self._tindex.add(pack_ushort(self._fieldid) + text, record)


class Codec(W3Codec):
    INLINE_LIMIT = 8  # posting lists shorter than this live in the term's record, not in a block of their own

    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE_LIMIT):
        super().__init__(blocklimit, compression, inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return InliningPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                      compression=self._compression, inlinelimit=self._inlinelimit)

    def field_writer(self, storage, segment):
        return TermListFieldWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return InMemoryLengthsReader(storage, segment)
