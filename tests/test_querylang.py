import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.querylang import And, Not, Or, Phrase, Word, parse, replaced, words_of


def test_words_are_anded():
    assert parse("ombudsman Pakistan") == And((Word("ombudsman"), Word("Pakistan")))


def test_phrase_or_not_prefix_and_title():
    assert parse('"insan hüquqları" -Çin əməkdaş* title:görüş') == And((
        Phrase("insan hüquqları"), Not(Word("Çin")), Word("əməkdaş", prefix=True), Word("görüş", field="title"),
    ))


def test_or_binds_tighter_than_and_and_parentheses_group():
    assert parse("seminar Çin OR Pakistan") == And((Word("seminar"), Or((Word("Çin"), Word("Pakistan")))))
    assert parse("(Çin OR Pakistan) seminar") == And((Or((Word("Çin"), Word("Pakistan"))), Word("seminar")))


def test_azerbaijani_field_name_and_not_keyword():
    assert parse('BAŞLIQ:"insan hüquq" NOT BMT') == And((Phrase("insan hüquq", field="title"), Not(Word("BMT"))))


@pytest.mark.parametrize("query, expected", [
    ('"insan hüquq', And((Word("insan"), Word("hüquq")))),  # unbalanced quote: read literally
    ("((Çin", Word("Çin")),
    ("Çin))", Word("Çin")),
    ("- Çin", Word("Çin")),  # a lone minus is nothing
    ("OR Çin OR", Word("Çin")),
    ("*", None),
    ("x*", Word("x")),  # one letter is too short a prefix
    ("NOT", None),
    ("a:b", Word("a:b")),  # an unknown field is part of the word
    ("", None),
])
def test_malformed_queries_are_read_literally_or_ignored(query, expected):
    assert parse(query) == expected


def test_deep_nesting_does_not_recurse_without_end():
    assert parse("(" * 900 + "Çin" + ")" * 900) == Word("Çin")


def test_corrected_query_keeps_everything_else_as_typed():
    query = '"insan hüquq"  Pakistn -Çin'
    typo = next(word for word, _ in words_of(parse(query)) if getattr(word, "text", "") == "Pakistn")
    assert replaced(query, [(typo, "Pakistan")]) == '"insan hüquq"  Pakistan -Çin'


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('ab əÇİ"()-*:') + [" OR ", " NOT ", "title:", "başlıq:", "x:"]), max_size=40).map("".join)
       | st.text(max_size=200))
def test_any_input_parses(query):
    tree = parse(query)
    for leaf, _ in words_of(tree):
        assert isinstance(leaf, (Word, Phrase)) and leaf.text
