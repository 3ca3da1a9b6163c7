"""A Whoosh segment writer that groups postings by term as documents arrive.

Whoosh's own writer keeps one tuple per posting in a pool, pickles the pool to disk one posting at a time
whenever it outgrows its memory, merges the sorted runs at commit and then hands the codec one posting per
call: about 4.5 ms of CPU per document of ours (some 270 postings). Here a document's texts go to
`TextPostings` as token numbers, cut into postings when the segment is written; the other fields' postings,
and those of segments a commit merges in, are appended to their terms' arrays in a `TermBuffer`. Each term's
whole list is then written in one call (`TermListFieldWriter.add_term` of our codec): the segment is an
ordinary Whoosh segment (same files, same blocks, same term records), committed by Whoosh's own commit (lock,
merges, deletions, table of contents), or, written by a build's worker, added to the main writer's.

When the term buffer outgrows its memory limit, it is written to a temporary run file, one record per term, and
the runs are merged term by term at commit: the segment stays one segment whatever the size of the build.
"""
from __future__ import annotations

import heapq
import pickle
from array import array
from itertools import groupby
from operator import itemgetter
from typing import Iterator

from whoosh.index import open_dir
from whoosh.writing import SegmentWriter

from .analyzer import StackedText
from .codec import Codec
from .schema import make_schema
from .textpostings import TextPostings

TermPostings = tuple[str, bytes, array, array, list]  # field, term, document numbers, weights, encoded values
_POSTING_BYTES = 50  # memory of one buffered posting beside its encoded value: array items, list slot, bytes header
_TERM_BYTES = 480  # memory of one buffered term: its dictionary entry, key, arrays and list
_term_key = itemgetter(0, 1)
WRITER_LIMIT_MB = 256  # a writer's buffered postings before it spills them to disk


class TermBuffer:
    """Postings by field and term, in the order documents were added (so each term's document numbers ascend).
    Takes the place of Whoosh's `PostingPool` in a `SegmentWriter` (`add`, `cleanup`)."""

    def __init__(self, tempstorage, limitmb: int):
        self._tempstorage = tempstorage
        self._limit = limitmb * 2**20
        self._size = 0
        self._fields: dict[str, dict[bytes, tuple[array, array, list]]] = {}
        self._runs: list[str] = []

    def add_field(self, fieldname: str, docnum: int, postings, boost: float) -> int:
        """A document's postings `(term, frequency, weight, encoded value)` of one field; the sum of the
        frequencies (the field's length in the document)."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
        length = size = 0
        for text, frequency, weight, value in postings:
            lists = terms.get(text)
            if lists is None:
                lists = terms[text] = (array("I"), array("f"), [])
                size += _TERM_BYTES + len(text)
            lists[0].append(docnum)
            lists[1].append(weight * boost)
            if value:  # as Whoosh's postings writer: a format without values (ids, keywords) keeps none
                lists[2].append(value)
                size += len(value)
            length += frequency
            size += _POSTING_BYTES
        self._size += size
        if self._size > self._limit:
            self._spill()
        return length

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        """One posting of a document of a segment being merged in (Whoosh's pool interface)."""
        fieldname, text, docnum, weight, value = item
        self.add_field(fieldname, docnum, [(text, 0, weight, value)], 1.0)

    def terms(self) -> Iterator[TermPostings]:
        """Every term's postings in (field, term) order, the runs spilled to disk merged in."""
        if not self._runs:
            return self._sorted()
        return merged(*[self._read_run(name) for name in self._runs], self._sorted())

    def cleanup(self) -> None:
        for name in self._runs:
            if self._tempstorage.file_exists(name):
                self._tempstorage.delete_file(name)
        self._runs = []
        self._fields = {}

    def _sorted(self) -> Iterator[TermPostings]:
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for text in sorted(terms):
                yield (fieldname, text, *terms[text])

    def _spill(self) -> None:
        name = f"terms-{len(self._runs)}.run"
        with self._tempstorage.create_file(name).raw_file() as run:
            for postings in self._sorted():
                # One pickle per term, sharing no memo: a shared one would keep every term of the run in memory
                # while it is written and, worse, while it is read back (2.7 GB at 100,000 documents).
                pickle.dump(postings, run, pickle.HIGHEST_PROTOCOL)
        self._runs.append(name)
        self._fields = {}
        self._size = 0

    def _read_run(self, name: str) -> Iterator[TermPostings]:
        with self._tempstorage.open_file(name).raw_file() as run:
            while True:
                try:
                    yield pickle.load(run)
                except EOFError:
                    return


def merged(*streams: Iterator[TermPostings]) -> Iterator[TermPostings]:
    """Streams of postings in (field, term) order merged into one; a term's postings are joined in the order of
    the streams, which must hold ever later documents."""
    for (fieldname, text), parts in groupby(heapq.merge(*streams, key=_term_key), key=_term_key):
        _, _, ids, weights, values = next(parts)
        for _, _, more_ids, more_weights, more_values in parts:
            ids.extend(more_ids)
            weights.extend(more_weights)
            values.extend(more_values)
        yield fieldname, text, ids, weights, values


class TermBufferSegmentWriter(SegmentWriter):
    """Whoosh's `SegmentWriter` with `TextPostings` and a `TermBuffer` for a pool, its segment written term by term."""

    def __init__(self, ix, limitmb: int, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        if self.writelock is None:  # one writer among several: Whoosh's shared temporary folder is not its own
            self._tempstorage = self.storage.temp_storage(f"{self.newsegment.segment_id()}.tmp")
        self.pool = TermBuffer(self._tempstorage, limitmb)
        self.texts = TextPostings()
        unsupported = [name for name, field in self.schema.items() if field.vector or field.separate_spelling()]
        if unsupported:
            self.cancel()
            raise ValueError(f"term vectors and separate spelling words are not written: {unsupported}")

    @classmethod
    def of(cls, ix, **kwargs) -> "TermBufferSegmentWriter":
        """The build's writer of `ix`: our codec, and separate segment files, not one compound file: Whoosh copies
        a compound file into memory for every searcher it opens, which is every server thread (944 MB resident at
        10,000 documents with 8 threads)."""
        return cls(ix, limitmb=WRITER_LIMIT_MB, codec=Codec(), compound=False, **kwargs)

    @classmethod
    def of_one_segment(cls, index_dir: str) -> "TermBufferSegmentWriter":
        """A writer of one new segment of the index in `index_dir`, for a worker process of a build whose main
        process holds the index's lock and commits: it writes no table of contents and takes no lock."""
        return cls.of(open_dir(index_dir, schema=make_schema()), _lk=False)

    def finish_segment(self):
        """Write the segment and close the writer; the segment, for the main writer's commit (None if empty)."""
        self._check_state()
        segment = self._finalize_segment() if self._added else None
        if segment is None:
            self._close_segment()
        self._finish()
        return segment

    def add_document(self, **fields):
        """Whoosh's `add_document` (the same stored values, lengths and columns), a text field's words added to
        `TextPostings` and another field's postings to the term buffer, each in one call."""
        self._check_state()
        schema, perdoc, docnum = self.schema, self.perdocwriter, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        docboost = self._doc_boost(fields)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is not None:
                    self._add_field(perdoc, docnum, name, schema[name], value, fields, docboost)
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_field(self, perdoc, docnum, name, field, value, fields, docboost):
        length = 0
        if isinstance(field, StackedText):
            boost = field.format.field_boost * self._field_boost(fields, name, docboost)
            length = self.texts.add(name, docnum, value, boost, fields.get("lang"))
        elif field.indexed:
            boost = self._field_boost(fields, name, docboost)
            length = self.pool.add_field(name, docnum, field.index(value), boost)
        stored = fields.get(f"_stored_{name}", value)
        perdoc.add_field(name, field, stored if field.stored else None, length if field.scorable else 0)
        if field.column_type and stored is not None:
            perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader()  # the new segment's field lengths: block statistics need them
        fieldwriter = self.fieldwriter
        current = None
        # The texts' documents were added before any segment the commit merges in: their postings come first.
        for fieldname, text, ids, weights, values in merged(self.texts.terms(), self.pool.terms()):
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                current, encoded_lengths = fieldname, lengths.encoded_lengths(fieldname)
            fieldwriter.add_term(text, ids, weights, values, encoded_lengths)
        if current is not None:
            fieldwriter.finish_field()
        fieldwriter.close()
        lengths.close()
