"""Whoosh's own codec with two repairs that make writing a segment several times cheaper.

- Field lengths held in memory: Whoosh looks up a document's field length once per posting when it writes
  a segment and once per scored document when it searches, each time through a file read.
- Short posting lists inlined into the term's record: Whoosh means to do this (`inlinelimit`) but calls a
  method that does not exist (`set_inline` for `set_inlined`), so it writes a pickled, compressed block for
  every term, and most terms of a real vocabulary occur in a handful of documents.

It also takes a term's whole posting list at once (`TermListFieldWriter.add_term`, used by
`indexer.engine.segment`), which writes the same blocks as Whoosh's one call per posting.

Segments written with this codec name it, so it must stay importable under this name.
"""
from array import array

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3FieldWriter, W3PerDocReader, W3PostingsWriter, _lenfield
from whoosh.util.numeric import byte_to_length

LENGTH_OF_BYTE = [byte_to_length(value) for value in range(256)]


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
    def add_term_postings(self, ids, weights, values, encoded_lengths):
        """All postings of the started term: document numbers (ascending), weights, encoded values (none for a
        format without values) and the documents' field lengths as bytes (None for a field without lengths).
        The blocks are those `add_posting` would fill one posting at a time, at a fraction of the calls."""
        limit = self._blocklimit
        for start in range(0, len(ids), limit):
            if start:
                self._write_block()
            end = start + limit
            self._fill_block(ids[start:end], weights[start:end], values[start:end], encoded_lengths)

    def _fill_block(self, ids, weights, values, encoded_lengths):
        self._ids = array("I", ids)
        self._weights = array("f", weights)
        self._values = values
        # Whoosh takes the maximum of the weights as given, before they are stored as 32-bit floats: the same
        # number for ours (frequency × 1 or × 2.5).
        self._maxweight = max(self._weights)
        # Like add_posting, a document without a length of the field counts for neither bound.
        lengths = [encoded_lengths[docnum] for docnum in ids] if encoded_lengths is not None else []
        lengths = [encoded for encoded in lengths if encoded]
        self._minlength = LENGTH_OF_BYTE[min(lengths)] if lengths else None
        self._maxlength = LENGTH_OF_BYTE[max(lengths)] if lengths else 0

    def finish_postings(self):
        if self.written() or len(self) >= self._inlinelimit:
            return super().finish_postings()
        terminfo, self._terminfo = self._terminfo, None
        terminfo.add_block(self)
        terminfo.set_inlined(self._ids, self._weights, self._values)
        return terminfo


class TermListFieldWriter(W3FieldWriter):
    def add_term(self, text, ids, weights, values, encoded_lengths):
        """One term of the started field with all its postings (see `InliningPostingsWriter.add_term_postings`)."""
        self.start_term(text)
        self._postwriter.add_term_postings(ids, weights, values, encoded_lengths)
        self.finish_term()


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
