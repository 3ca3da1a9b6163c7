"""Texts gathered as token numbers give the posting lists the one-posting-at-a-time analysis gives."""
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.engine import textpostings
from indexer.engine.analyzer import postings
from indexer.engine.textpostings import TextPostings

WORDS = ["Ombudsman", "ombudsmanların", "İnsan", "hüquqları", "hüquqlarının", "BMT-nin", "vitse-prezident",
         "COP29-un", "Bakı'nın", "2022-ci", "emekdasliq", "əməkdaşlıq", "İƏT-OA", "meetings", "Москва", "Bakıda",
         "qaytarılması", "və", "ilə", "IRAQ", "ırmaq", "—", ",", "\n"]
LANGS = [None, "az", "en", "tr"]

documents = st.lists(st.tuples(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
                               st.sampled_from(LANGS), st.sampled_from([1.0, 2.5])), max_size=12)


def expected(docs) -> dict:
    """Each term's (document, weight, value) from `postings()`, the analysis Whoosh's writer calls per text."""
    found = {}
    for docnum, (text, lang, boost) in enumerate(docs):
        for term, _, weight, value in postings(text, boost, lang):
            found.setdefault(term, []).append((docnum, weight, value))
    return found


def gathered(docs) -> tuple[dict, list[int]]:
    texts = TextPostings()
    lengths = [texts.add("body", docnum, text, boost, lang) for docnum, (text, lang, boost) in enumerate(docs)]
    found = {}
    for field, term, ids, weights, values in texts.terms():
        assert field == "body"
        found[term] = list(zip(ids, weights, values))
    return found, lengths


@settings(max_examples=150, deadline=None)
@given(documents)
def test_postings_and_lengths_are_those_of_the_analysis(docs):
    found, lengths = gathered(docs)
    assert found == expected(docs)
    assert list(found) == sorted(found)  # Whoosh writes a field's terms in byte order
    assert lengths == [sum(frequency for _, frequency, _, _ in postings(text, 1.0, lang)) for text, lang, _ in docs]


def test_positions_far_apart_are_encoded_as_whoosh_encodes_them():
    """Gaps of one, two and four bytes in the pickle of a posting's positions, and a list long enough for the
    pickle to append it in batches."""
    text = " ".join(["ombudsman", *["söz"] * 299, "ombudsman", *["kəlmə"] * 70_000, "ombudsman ombudsman"])
    docs = [(text, None, 1.0), ("söz söz", None, 1.0), ("görüş " * 1500, None, 1.0)]
    assert gathered(docs)[0] == expected(docs)


def test_fields_come_in_name_order_and_documents_in_the_order_added():
    texts = TextPostings()
    texts.add("title", 0, "Ombudsman görüşü", 2.5, None)
    texts.add("body", 0, "ombudsman ombudsman", 1.0, None)
    texts.add("body", 3, "", 1.0, None)
    texts.add("body", 7, "Ombudsmanla görüş", 1.0, None)
    found = [(field, term, ids, weights) for field, term, ids, weights, _ in texts.terms()]
    assert [field for field, *_ in found] == sorted(field for field, *_ in found)
    assert ("body", b"ombudsman", [0, 7], [2.0, 1.0]) in found
    assert ("title", b"ombudsman", [0], [2.5]) in found


def test_a_segment_keeps_its_vocabulary_when_the_process_starts_a_new_one(monkeypatch):
    """Token numbers are the process's, shared by the segments it writes, until they grow too many."""
    first = TextPostings()
    first.add("body", 0, "Ombudsman görüşü", 1.0, None)
    monkeypatch.setattr(textpostings, "VOCABULARY_LIMIT", -1)
    second = TextPostings()
    second.add("body", 0, "Gürcüstan ombudsmanı görüşdü", 1.0, None)
    first.add("body", 1, "görüşü Bakıda", 1.0, None)
    found = {term: list(zip(ids, weights, values)) for _, term, ids, weights, values in first.terms()}
    assert found == expected([("Ombudsman görüşü", None, 1.0), ("görüşü Bakıda", None, 1.0)])


def test_nothing_added_gives_nothing():
    assert list(TextPostings().terms()) == []
