"""`arrays` reads what Whoosh reads, over an index of two segments with deleted documents."""
import datetime
import shutil

import numpy as np
import pytest
from whoosh import index as whoosh_index

from indexer.document import Document
from indexer.engine import arrays
from indexer.engine.fields import document_fields
from indexer.extract import extract
from indexer.extract.partners import PartnerCatalog


@pytest.fixture(scope="module")
def reader(index_dir, tmp_path_factory):
    """The test index, then one more segment (not merged) and two documents deleted."""
    copy = tmp_path_factory.mktemp("segments") / "index"
    shutil.copytree(index_dir, copy)
    ix = whoosh_index.open_dir(str(copy))
    doc = Document("əlavə", "Ombudsman Pakistan səfirini qəbul etdi", "Ombudsman Pakistan ilə əməkdaşlığı müzakirə etdi. "
                   "Ombudsman insan hüquqları barədə danışdı.", date=datetime.date(2024, 5, 17))
    writer = ix.writer()  # Whoosh's own codec: `arrays` must read its segments too
    writer.add_document(**document_fields(doc, extract(doc, PartnerCatalog.load()), "əlavə.md"))
    writer.commit(merge=False)
    writer = ix.writer()
    for docnum in list(ix.reader().all_doc_ids())[:2]:
        writer.delete_document(docnum)
    writer.commit(merge=False)
    opened = ix.reader()
    assert len(opened.leaf_readers()) > 1 and opened.has_deletions()
    yield opened
    opened.close()


def whoosh_postings(reader, field, term):
    """Every posting Whoosh gives, deleted documents included, through its own matchers."""
    found = []
    for leaf, offset in reader.leaf_readers():
        if (field, term.encode()) in leaf:
            matcher = leaf._terms.matcher(field, term.encode(), leaf.schema[field].format)
            while matcher.is_active():
                found.append((matcher.id() + offset, matcher.weight(), list(matcher.value_as("positions"))))
                matcher.next()
    return found


@pytest.mark.parametrize("field, term", [("body", "ombudsman"), ("title", "ombudsman"), ("body", "pakistan"),
                                         ("body", "=hüquqları"), ("body", "~emekdasliq"), ("body", "yoxbeləsöz")])
def test_postings_and_positions_are_whooshs(reader, field, term):
    expected = whoosh_postings(reader, field, term)
    ids, weights = arrays.postings(reader, field, term)
    assert list(zip(ids.tolist(), weights.tolist())) == [(doc, weight) for doc, weight, _ in expected]
    ids, counts, positions = arrays.positions(reader, field, term)
    assert ids.tolist() == [doc for doc, _, _ in expected]
    assert [part.tolist() for part in np.split(positions, np.cumsum(counts)[:-1])] == [p for _, _, p in expected] or not expected


def test_field_lengths_are_whooshs(reader):
    for field in ("title", "body"):
        lengths = arrays.field_lengths(reader, field)
        assert len(lengths) == reader.doc_count_all()
        assert lengths.tolist() == [reader.doc_field_length(doc, field, 0) for doc in range(reader.doc_count_all())]
        assert lengths.max() > 0


def test_live_mask_leaves_out_deleted_documents(reader):
    mask = arrays.live_mask(reader)
    assert np.flatnonzero(mask).tolist() == list(reader.all_doc_ids())
    assert not mask.all()


def test_sortable_column_holds_each_documents_day(reader):
    days = arrays.sortable_column(reader, "day")
    stored = [reader.stored_fields(doc) for doc in range(reader.doc_count_all())]
    expected = [int(fields["date"].replace("-", "")) if fields.get("date") else 0 for fields in stored]
    assert days.tolist() == expected and 20240517 in expected


@pytest.mark.parametrize("field, prefix", [("body", ""), ("title", ""), ("body", "om"), ("body", "=ə"), ("partner", "")])
def test_field_terms_are_whooshs_over_every_segment(reader, field, prefix):
    expected = [(term, info.doc_frequency()) for term, info in reader.iter_field(field, prefix)]
    assert len(expected) > 1
    assert list(arrays.field_terms(reader, field, prefix)) == expected
