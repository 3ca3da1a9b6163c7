from hypothesis import given
from hypothesis import strategies as st
from whoosh.formats import Positions

from indexer.analysis import words
from indexer.engine.analyzer import encode_positions, postings

positions = st.lists(st.integers(0, 10**7), min_size=1, max_size=300, unique=True).map(sorted)


@given(positions)
def test_positions_are_encoded_as_whoosh_encodes_them(found):
    assert encode_positions(found) == Positions().encode(found)


def test_postings_hold_each_terms_positions_frequency_and_boosted_weight():
    text = "Ombudsman Pakistan ombudsmanı ilə görüşdü, ombudsman razılaşdı."
    found = {term.decode(): (frequency, weight, Positions().decode_positions(value))
             for term, frequency, weight, value in postings(text, field_boost=2.5)}
    assert found["ombudsman"] == (3, 7.5, [0, 2, 5])
    assert found["pakistan"] == (1, 2.5, [1])
    assert len(words(text)) == 7
