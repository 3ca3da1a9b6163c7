from hypothesis import given
from hypothesis import strategies as st

from indexer.engine.docset import DocSet

SIZE = 50
members = st.sets(st.integers(0, SIZE - 1))


@given(members, members)
def test_algebra_is_set_algebra(a, b):
    x, y = DocSet.of(SIZE, a), DocSet.of(SIZE, b)
    assert set(x & y) == a & b and set(x | y) == a | b and set(x - y) == a - b
    assert (x <= y) == (a <= b) and (x >= y) == (a >= b) and (x == y) == (a == b)
    assert len(x) == len(a) and bool(x) == bool(a) and list(x) == sorted(a)
    assert all(doc in x for doc in a) and SIZE not in x and -1 not in x


@given(st.lists(members, max_size=4))
def test_union_and_intersection_of_many(sets):
    union = DocSet.union(SIZE, [DocSet.of(SIZE, s) for s in sets])
    both = DocSet.intersection(SIZE, [DocSet.of(SIZE, s) for s in sets])
    assert set(union) == set().union(*sets)
    assert set(both) == (set.intersection(*sets) if sets else set(range(SIZE)))  # nothing to intersect: everything
