"""The term-buffer segment writer writes the segment Whoosh's own writer writes, spilled or not, merged or not:
the same files, the same blocks and term records, pickled with a later protocol (`codec.PICKLE_PROTOCOL`)."""
import io
import json
import pickle
import struct
import zlib

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import TEXT, Schema
from whoosh.writing import SegmentWriter

from indexer.engine.codec import Codec
from indexer.engine.prepare import LinesTask, prepare
from indexer.engine.schema import make_schema
from indexer.engine.segment import TermBufferSegmentWriter

from .conftest import SEEDS

DOCUMENTS = 300  # enough for the commonest terms to fill several blocks of 128 postings


@pytest.fixture(scope="module")
def documents() -> list[dict]:
    """Index fields of real Azerbaijani text: overlapping runs of the seed corpus's words, so that some terms are
    in every document and many in a few (inlined) ones."""
    words = " ".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))).split()
    lines = [
        (number, json.dumps({"id": f"doc{number}", "title": " ".join(words[number:number + 6]),
                             "text": " ".join(words[number * 2:number * 2 + 80])}).encode())
        for number in range(DOCUMENTS)
    ]
    return prepare(LinesTask("corpus//export.jsonl", lines)).docs


def write(index_dir, make_writer, batches, **commit) -> tuple[dict[str, bytes], dict]:
    """Commit each batch of documents with a writer of `make_writer`; the one segment's files by extension, those
    of postings and terms unpickled (see `unpickled`)."""
    index_dir.mkdir(exist_ok=True)
    ix = whoosh_index.create_in(str(index_dir), make_schema())
    for batch in batches:
        writer = make_writer(ix)
        for fields in batch:
            writer.add_document(**fields)
        writer.commit(**commit)
    files = [path.name.split(".", 1) for path in index_dir.iterdir() if path.name.startswith("MAIN_") and "." in path.name]
    assert len({segment for segment, _ in files}) == 1
    found = {extension: (index_dir / f"{segment}.{extension}").read_bytes() for segment, extension in files}
    postings = unpickled(index_dir, found.pop("pst"))
    del found["trm"]
    return found, postings


def unpickled(index_dir, postings_file: bytes) -> dict:
    """Every term's record (its statistics, and its postings if inlined) and blocks (header and content), each
    pickle loaded: what the bytes say, whatever the protocol."""
    terms = {}
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            statistics = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                          info.max_weight(), info.min_id(), info.max_id())
            start, length = info._offset, info._length and info._length[0]  # Whoosh reads the length as a 1-tuple
            blocks = None if info.is_inlined() else blocks_of(postings_file[start:start + length])
            terms[fieldname, text] = statistics, info._inlined, blocks
    return terms


def blocks_of(data: bytes) -> list[tuple]:
    """A term's blocks in Whoosh's postings file: a magic number, then per block its length (negative for the
    last), a pickled header and the (compressed) pickled ids, weights and values."""
    blocks, position = [], 4
    while True:
        (length,) = struct.unpack_from("!i", data, position)
        block = io.BytesIO(data[position + 4:position + 4 + abs(length)])
        header = pickle.load(block)
        content = block.read()
        blocks.append((header, pickle.loads(zlib.decompress(content) if header[3] else content)))
        position += 4 + abs(length)
        if length < 0:
            return blocks


def ours(limitmb):
    return lambda ix: TermBufferSegmentWriter(ix, limitmb=limitmb, codec=Codec(), compound=False)


def whooshs(ix):
    return SegmentWriter(ix, codec=Codec(), compound=False)


def test_segment_is_whooshs(documents, tmp_path):
    expected = write(tmp_path / "whoosh", whooshs, [documents])
    written = write(tmp_path / "ours", ours(256), [documents])
    assert {"_stored.col", "_body_len.col"} <= set(expected[0])
    assert any(blocks and len(blocks) > 1 for _, _, blocks in expected[1].values())
    assert written == expected


def test_lists_at_the_block_and_inline_limits_are_whooshs(tmp_path):
    """Lists of one posting, just under and at the inline limit, of one full block, of a full block and one
    posting, of two full blocks; keyword fields without values; the ID fields."""
    lengths = {"kitab": 256, "dəniz": 129, "çiçək": 128, "ulduz": Codec.INLINE_LIMIT, "bulud": Codec.INLINE_LIMIT - 1,
               "yağış": 1}
    lines = [
        (number, json.dumps({"id": f"doc{number}", "title": f"Başlıq {number}", "date": f"{2001 + number % 20}-01-02",
                             "text": " ".join(word for word, count in lengths.items() if number < count)}).encode())
        for number in range(max(lengths.values()))
    ]
    documents = prepare(LinesTask("corpus//export.jsonl", lines)).docs
    expected = write(tmp_path / "whoosh", whooshs, [documents])
    assert write(tmp_path / "ours", ours(256), [documents]) == expected
    with whoosh_index.open_dir(str(tmp_path / "ours")).searcher() as searcher:
        frequencies = {searcher.doc_frequency("body", term) for term in searcher.lexicon("body")}
        assert set(lengths.values()) <= frequencies
        assert searcher.doc_frequency("year", b"2001") == 13
        assert searcher.doc_count() == 256


def test_segment_spilled_to_disk_holds_what_whooshs_holds(documents, tmp_path):
    """The term buffer (keyword fields, and the segments a commit merges in) spills at every document here.
    Not byte for byte: a block's pickle writes a value once and refers back to it where the very same bytes
    object repeats, and objects read back from a run are equal, no longer the same."""
    write(tmp_path / "whoosh", whooshs, [documents])
    (tmp_path / "ours").mkdir()
    writer = ours(0)(whoosh_index.create_in(str(tmp_path / "ours"), make_schema()))
    for fields in documents:
        writer.add_document(**fields)
    assert len(list((tmp_path / "ours" / "MAIN.tmp").glob("*.run"))) > 1
    writer.commit()
    assert not (tmp_path / "ours" / "MAIN.tmp").exists()
    assert contents(tmp_path / "ours") == contents(tmp_path / "whoosh")


def test_merged_segments_hold_what_one_segment_holds(documents, tmp_path):
    """An incremental build may merge old segments into the new one (Whoosh's `add_reader`: the merged documents
    come after the new ones, so the files differ from a segment written at once; what they hold does not).
    Whoosh's own pool cannot merge our segments at all: it asserts that the inlined postings' value `''` of a
    field without values is bytes."""
    batches = [documents[:100], documents[100:200], documents[200:]]
    write(tmp_path / "at once", ours(256), [documents])
    write(tmp_path / "merged", ours(256), batches, optimize=True)
    assert contents(tmp_path / "merged") == contents(tmp_path / "at once")


def contents(index_dir) -> tuple[dict, dict]:
    """Every posting, as (document id, weight, value), by field and term; every document's stored fields and lengths."""
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        reader = searcher.reader()
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        postings = {}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            found = []
            while matcher.is_active():
                found.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            postings[fieldname, text] = sorted(found)
        documents = {ids[docnum]: (fields, reader.doc_field_length(docnum, "body"), reader.doc_field_length(docnum, "title"))
                     for docnum, fields in reader.iter_docs()}
    return postings, documents


def test_the_index_answers_from_the_segment(documents, tmp_path):
    write(tmp_path, ours(1), [documents])
    with whoosh_index.open_dir(str(tmp_path)).searcher() as searcher:
        assert searcher.doc_count() == DOCUMENTS
        assert searcher.document(id="doc7")["title"] == documents[7]["title"]
        common = max(searcher.lexicon("body"), key=lambda term: searcher.doc_frequency("body", term))
        assert searcher.doc_frequency("body", common) > 128  # several blocks
        assert len(list(searcher.postings("body", common).all_ids())) == searcher.doc_frequency("body", common)


def test_fields_it_cannot_write_are_refused(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), Schema(body=TEXT(vector=True)))
    with pytest.raises(ValueError, match="body"):
        TermBufferSegmentWriter(ix, limitmb=16, codec=Codec())
    ix.writer().cancel()  # the refused writer let go of the index's lock
