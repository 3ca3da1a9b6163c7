import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import (analyze, az_lower, fold, language, query_variants, stem, term_positions, terms,
                               typed_word, using_stemmer, word_spans, words)
from indexer.analysis.collation import sort_key
from indexer.analysis.tokenizer import TOKEN, capitalised, spans

DIACRITICS = Path(__file__).parent.parent / "indexer" / "analysis" / "data" / "diacritics.tsv"

# Text made of what word splitting and casing turn on: capitals (Azerbaijani, Turkish, Latin-1, Greek, beyond the
# BMP), joiners (`ʼ` is also a letter), endings that stay with the word before, combining marks, digits, spaces.
TRICKY_TEXT = st.lists(
    st.sampled_from(["A", "Ə", "İ", "I", "ı", "i", "Ş", "ş", "Ç", "É", "Σ", "ǅ", "Ⓐ", "\U0001D400", "\U00010400", "a",
                     "ə", "x", "5", "-", "'", "ʼ", "’", "´", "‑", "_", "\u0307", "\u0301", " ", ".", "\n", "«", "nın",
                     "NİN", "da", "Dan", "un", "BMT", "OA", "İƏT"]),
    max_size=30,
).map("".join)


def test_azerbaijani_case_folding():
    assert az_lower("İNSAN HÜQUQLARI") == "insan hüquqları"
    assert az_lower("IĞDIR") == "ığdır"
    assert "\u0307" not in az_lower("İƏT")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | TRICKY_TEXT)
def test_folding_and_lower_case_are_those_of_one_translation(text):
    """fold and az_lower replace letter after letter; they must give what one str.translate of the table gives."""
    lines = [line.split("\t") for line in DIACRITICS.read_text(encoding="utf-8").splitlines()]
    table = str.maketrans({line[0]: line[1] for line in lines if line[0] and not line[0].startswith("#")})
    assert fold(text) == text.translate(table)
    assert az_lower(text) == unicodedata.normalize("NFC", text).translate(str.maketrans({"İ": "i", "I": "ı"})).lower()


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40) | TRICKY_TEXT)
def test_capitalised_words_are_the_words_that_begin_with_a_capital(text):
    """What splitting the whole text gives: each word whose first character is upper case, with the rest of its
    token from there. (A token that ends in `ʼ`, a letter and a joiner, ends with an empty span: no word.)"""
    expected = []
    for token in TOKEN.finditer(text):
        for span in spans(token.group()):
            start = token.start() + span.start
            if span.text and text[start].isupper():
                expected.append((start, text[start:token.end()]))
    assert list(capitalised(text)) == expected


def test_capitalised_words_inside_tokens_and_after_joiners():
    assert list(capitalised("İƏT-OA-nın və BMT-NİN, 'Çin' xʼPakistan")) == [
        (0, "İƏT-OA-nın"), (4, "OA-nın"), (14, "BMT-NİN"), (24, "Çin"), (31, "Pakistan")]


def test_tokenizer_keeps_endings_after_joiners_inside_the_word():
    found = [(s.text, s.start, s.end) for s in spans("COP29-un, BMT-nin və Bakı'nın")]
    assert found == [("COP29-un", 0, 8), ("BMT-nin", 10, 17), ("və", 18, 20), ("Bakı'nın", 21, 29)]


def test_tokenizer_splits_compounds_that_are_not_endings():
    assert [s.text for s in spans("vitse-prezident İƏT-OA-nın")] == ["vitse", "prezident", "İƏT", "OA-nın"]


def test_words_drop_the_ending_for_the_stem_and_keep_it_in_the_surface():
    cop, bmt = words("COP29-un BMT-nin")
    assert (cop.surface, cop.stem) == ("cop29un", "cop29")
    assert (bmt.surface, bmt.stem) == ("bmtnin", "bmt")


def test_cyrillic_is_transliterated_and_folded():
    georgia = words("Ҝүрҹүстан")[0]
    assert georgia.stem == stem("gürcüstan")
    assert georgia.folded == fold(stem("gürcüstan"))


def test_lookalike_letters_become_schwa():
    assert words("äməkdaşlıq")[0].surface == "əməkdaşlıq"
    assert words("әməkdaşlıq")[0].surface == "əməkdaşlıq"


def test_analyze_stacks_stem_exact_and_folded_terms():
    terms = analyze("Əməkdaşlığın")
    assert terms[0] == stem("əməkdaşlığın")
    assert "=əməkdaşlığın" in terms
    assert "~" + fold(stem("əməkdaşlığın")) in terms


def test_a_bare_form_is_indexed_by_its_stem_only():
    assert analyze("Əməkdaşlıq") == ["əməkdaşlıq", "~emekdasliq"]


def test_stop_words_are_marked():
    assert [w.stop for w in words("ombudsman və uşaq")] == [False, True, False]


def test_query_variants_weigh_exact_above_stem_above_folded():
    weights = dict(query_variants(words("Bakının")[0]))
    assert weights["=bakının"] > weights[stem("bakının")] > weights["~" + fold(stem("bakının"))]


def test_fold_drops_diacritics():
    assert fold("əməkdaşlıq üçün ölkə ğ") == "emekdasliq ucun olke g"


def test_term_positions_and_analyze_agree_with_words():
    text = "BMT-nin Bakı'da keçirilən görüşündə vitse-prezident İƏT-OA, Ҝүрҹүстан və Qazaxistan ombudsmani qeyd etdi"
    expected: dict[str, list[int]] = {}
    for position, word in enumerate(words(text)):
        for term in terms(word):
            expected.setdefault(term, []).append(position)
    assert term_positions(text) == expected
    assert analyze(text) == [term for word in words(text) for term in terms(word)]


def test_verb_forms_carry_their_root_and_a_verb_looks_for_it():
    assert words("qaytarılması")[0].root == "qaytar"
    assert "^qaytar" in analyze("qaytarılması")
    assert "^qaytar" in dict(query_variants(words("qaytarmaq")[0]))
    assert not words("hüquqlarının")[0].root


def test_language_codes():
    assert [language(code) for code in ("en-GB", "TR", "ru_RU", "az-Latn", None, "fr")] == ["en", "tr", "ru", "az",
                                                                                            "az", "az"]


def test_a_declared_language_adds_its_stems_to_the_azerbaijani_ones():
    text = "Türkiye Kamu Denetçiliği Kurumunun heyeti ziyarette bulundu"
    turkish = analyze(text, lang="tr")
    assert set(analyze(text)) < set(turkish)
    assert "tr:ziyaret" in turkish and "tr:ziyaret" in dict(query_variants(words("ziyaret")[0]))
    english = analyze("In meetings", lang="en")
    assert english[0] == "in" and "en:meet" in english  # English has no dotless ı
    assert "en:meet" in dict(query_variants(words("meeting")[0]))


def test_using_stemmer_swaps_the_stemmer_and_restores_ours():
    ours = analyze("qaytarılması")
    with using_stemmer(lambda word: word[:5]):
        assert analyze("qaytarılması") == ["qayta", "=qaytarılması"]  # no verb root with a baseline
    assert analyze("qaytarılması") == ours


def test_azerbaijani_alphabetical_order():
    names = ["Türkiyə", "Çin", "İran", "Ermənistan", "Cibuti", "Əfqanıstan", "Iraq"]
    assert sorted(names, key=sort_key) == ["Cibuti", "Çin", "Ermənistan", "Əfqanıstan", "Iraq", "İran", "Türkiyə"]


def test_typed_word_shows_only_what_a_user_types():
    assert [typed_word(t) for t in ["bakı", "=bakının", "~baki", "^bağla", "en:meet"]] == ["bakı", "bakının", None, None, None]


def test_word_spans_are_the_words_offsets_and_folded_stems():
    text = "BMT-nin Baş Assambleyası İnsan hüquqları, Ombudsmanların görüşü 2024-cü ildə."
    assert word_spans(text) == [(word.start, word.end, word.folded) for word in words(text)]
