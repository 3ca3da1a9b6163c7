from indexer.engine.complete import Completions

COMPLETIONS = Completions([
    ("əməkdaşlıq", "term", 40, "əməkdaşlıq"), ("əməkdaşları", "title", 12, "əməkdaşları"),
    ("Pakistan", "partner", 3, "Pakistan"), ("Pakistan İslam Respublikası", "partner", 3, "Pakistan"),
    ("pakistan", "term", 5, "pakistan"), ("Birləşmiş Millətlər Təşkilatı", "partner", 9, "BMT"),
    ("BMT", "partner", 9, "BMT"), ("millətlər", "term", 4, "millətlər"),
])


def test_best_first_by_document_frequency_without_diacritics():
    assert [c["value"] for c in COMPLETIONS.complete("emek", 8)] == ["əməkdaşlıq", "əməkdaşları"]


def test_one_value_per_partner_and_the_words_before_kept():
    found = COMPLETIONS.complete("görüş pak", 8)
    assert found == [{"value": "görüş Pakistan", "kind": "partner"}]  # the word `pakistan` is the partner


def test_a_multi_word_partner_name_completes_everything_typed():
    assert {"value": "Birləşmiş Millətlər Təşkilatı", "kind": "partner"} in COMPLETIONS.complete("birləşmiş mil", 8)


def test_nothing_to_complete():
    assert COMPLETIONS.complete("", 8) == [] and COMPLETIONS.complete("pak ", 8) == [] and COMPLETIONS.complete("pak", 0) == []
