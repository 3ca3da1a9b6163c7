"""Whoosh's own codec, with field lengths held in memory.

Whoosh looks up a document's field length once per posting when it writes a segment and once per scored
document when it searches, each time through a file read. Reading a field's lengths once into an array cut
the CPU time of a commit by a third (see docs/performance.md). Segments written with this codec name it, so
it must stay importable under this name.
"""
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, _lenfield
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [byte_to_length(value) for value in range(256)]


class InMemoryLengthsReader(W3PerDocReader):
    def __init__(self, storage, segment):
        super().__init__(storage, segment)
        self._lengths: dict[str, object] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = self._load_lengths(fieldname)
        encoded = lengths[docnum] if lengths is not None and docnum < len(lengths) else 0
        return _LENGTH_OF_BYTE[encoded] if encoded else default

    def _load_lengths(self, fieldname):
        reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        return reader.load() if reader is not None else None


class Codec(W3Codec):
    def per_document_reader(self, storage, segment):
        return InMemoryLengthsReader(storage, segment)
