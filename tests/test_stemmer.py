"""The Azerbaijani stemmer: required merges and splits, restorations, folded input, interface, gold standard."""
import pickle

import pytest

from indexer.analysis import stemmer as stemmer_module
from indexer.analysis.folding import fold
from indexer.analysis.stemmer import AzerbaijaniStemmer, verb_root

from .conftest import load_bench_script

stemmer = AzerbaijaniStemmer()
stem = stemmer.stemWord

SAME_STEM = [
    "ombudsman ombudsmanların",
    "əməkdaşlıq əməkdaşlığın əməkdaşlıqda",
    "hüquq hüquqlarının",
    "ölkə ölkələrin ölkəmizdə",
    "uşaq uşağın",
    "fikir fikri",
    "bakı bakının bakıda",
    "türkiyə türkiyənin",
    "görüşüb görüşdə görüşün",
    "pakistan pakistanın",
    "assosiasiya assosiasiyası assosiasiyanın",
    "təşkilat təşkilatının",
    "komissiya komissiyasının",
    "müvəkkil müvəkkili",
]

APART = [("bakı", "bak"), ("əməkdaş", "əməkdaşlıq"), ("iş", "işsiz"), ("hüquq", "hüquqi"), ("qanun", "qan"), ("dini", "din")]


@pytest.mark.parametrize("words", SAME_STEM)
def test_required_forms_share_a_stem(words):
    assert len({stem(word) for word in words.split()}) == 1


@pytest.mark.parametrize(("first", "second"), APART)
def test_derivations_and_look_alikes_stay_apart(first, second):
    assert stem(first) != stem(second)


@pytest.mark.parametrize("word", ["bakı", "insan", "iş", "əməkdaşlıq", "hüquqi", "ombudsman", "azərbaycan"])
def test_dictionary_forms_are_not_cut(word):
    assert stem(word) == word


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("uşağın", "uşaq"),  # ğ → q
        ("çörəyi", "çörək"),  # y → k
        ("təhlükəsizliyinə", "təhlükəsizlik"),
        ("edir", "et"),  # d → t
        ("edib", "et"),
        ("edən", "et"),
        ("gedir", "get"),
        ("fikri", "fikir"),  # dropped vowel
        ("oğlunun", "oğul"),
        ("şəklində", "şəkil"),
        ("məbləği", "məbləğ"),  # a front word's ğ is its own
        ("qarabağın", "qarabağ"),
        ("olduğunu", "ol"),
        ("olmayan", "ol"),
        ("dinində", "din"),  # din + i + ndə, not the adjective dini
        ("cop29", "cop29"),
    ],
)
def test_restorations_and_verb_forms(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("folded", "expected"),
    [("emekdasligin", "emekdasliq"), ("huquqlarinin", "huquq"), ("usagin", "usaq"), ("corekleri", "corek")],
)
def test_diacritic_free_input(folded, expected):
    assert stem(folded) == expected


@pytest.mark.parametrize("word", " ".join(SAME_STEM).split())
def test_folding_commutes_with_stemming(word):
    assert fold(stem(word)) == fold(stem(fold(word)))


def test_stem_words_and_pickling():
    assert stemmer.stemWords(["ölkələrin", "uşağın"]) == ["ölkə", "uşaq"]
    restored = pickle.loads(pickle.dumps(AzerbaijaniStemmer()))
    assert restored.stemWord("bakının") == "bakı"


def test_gold_standard_thresholds():
    evaluation = load_bench_script("eval_stemming")
    classes, apart = evaluation.gold_classes(), evaluation.apart_pairs()
    precision, _ = evaluation.precision_and_oi(stem, classes, apart)
    assert len(set(classes.values())) >= 300 and len(apart) >= 150
    assert evaluation.recall(stem, classes) >= 0.90
    assert precision >= 0.97
    assert evaluation.apart_violations(stem, apart) == 0
    assert evaluation.fold_commutation(stem, classes) >= 0.98


@pytest.mark.parametrize(
    "word, root",
    [
        ("pozulması", "poz"), ("qaytarılır", "qaytar"), ("zədələnməsi", "zədələ"), ("tanınması", "tanı"),
        ("qiymətləndirilməsi", "qiymətləndir"), ("edilməsi", "et"), ("verilməsindən", "ver"), ("zedelenmesi", "zedele"),
    ],
)
def test_voice_and_verbal_noun_forms_have_a_verb_root(word, root):
    assert verb_root(stem(word)) == root


@pytest.mark.parametrize("word", ["qaytarmaq", "hüquqlarının", "qanun", "qadın", "vəkil", "ombudsman"])
def test_roots_and_other_words_have_no_verb_root(word):
    assert verb_root(stem(word)) is None


@pytest.mark.parametrize(
    "word, expected",
    [("bağlanır", "bağlan"), ("imzalandı", "imzalan"), ("hazırlanmış", "hazırlan"), ("aparılana", "aparıl"),
     ("bilənə", "bil")],
)
def test_verbs_in_lan_and_participles_in_an(word, expected):
    assert stem(word) == expected


def test_a_word_is_tried_against_every_suffix_that_can_end_it():
    """`_Suffixes.ending` leaves out only suffixes that cannot cut the word, so the stems are those of trying
    every suffix: checked on every word of the gold standard and its diacritic-free spelling."""
    words = set(load_bench_script("eval_stemming").gold_classes())
    for word in words | {fold(word) for word in words}:
        for _, suffixes in stemmer_module._groups():
            cutting = [suffix for suffix in suffixes.longest_first if suffix.cuts(word)]
            assert [suffix for suffix in suffixes.ending(word) if suffix.cuts(word)] == cutting, word
