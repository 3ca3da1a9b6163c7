from indexer.engine.spelling import Vocabulary, cased_like, distance

VOCABULARY = Vocabulary([
    ("əməkdaşlıq", 40, True), ("ombudsman", 90, True), ("ombudsmanı", 5, True), ("pakistan", 7, True),
    ("beynəlxalq", 30, True), ("beynəlxalqı", 1, True), ("qanun", 50, False),
])


def test_one_edit_with_azerbaijani_letters_folded():
    assert VOCABULARY.correct("əmakdaşlıq") == "əməkdaşlıq"
    assert VOCABULARY.correct("ombudsmn") == "ombudsman"
    assert VOCABULARY.correct("pakistn") == "pakistan"


def test_two_edits_only_for_long_words():
    assert VOCABULARY.correct("beynelxlq") == "beynəlxalq"  # 9 letters, one missing, one folded: distance 1
    assert VOCABULARY.correct("bynəlxlq") == "beynəlxalq"  # two letters missing
    assert VOCABULARY.correct("qnn") is None  # too short to guess
    assert VOCABULARY.correct("pkstan") is None  # 6 letters: one edit only


def test_the_most_frequent_of_equally_near_words_wins():
    assert VOCABULARY.correct("ombudsmaı") == "ombudsman"


def test_distance_counts_a_transposition_as_one_edit():
    assert distance("pakitsan", "pakistan") == 1
    assert distance("abc", "abc") == 0 and distance("", "abc") == 3


def test_correction_keeps_the_capitals_typed():
    assert cased_like("pakistan", "Pakistn") == "Pakistan"
    assert cased_like("bmt", "BMTT") == "BMT"
    assert cased_like("iqtisadi", "Iqtisadi") == "İqtisadi"
