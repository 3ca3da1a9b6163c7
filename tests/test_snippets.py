from indexer.engine.query import matched_terms
from indexer.snippets import highlight, snippet

TEXT = "Ombudsman <b>dəvət</b> edib. " + "Söz " * 60 + "Sonda görüşü keçirilib."


def test_every_inflected_form_is_marked_in_the_original_text():
    marked = highlight("Ombudsmanın ombudsmanlar", matched_terms("ombudsman"))
    assert marked.count("<mark>") == 2


def test_document_markup_is_escaped():
    marked = str(snippet(TEXT, matched_terms("ombudsman")))
    assert "&lt;b&gt;dəvət&lt;/b&gt;" in marked
    assert "<b>" not in marked


def test_fragments_are_joined_with_ellipsis_and_cut_at_words():
    marked = str(snippet(TEXT, matched_terms("ombudsman görüş")))
    assert " … " in marked
    assert "<mark>görüşü</mark>" in marked


def test_no_match_gives_the_opening():
    assert str(snippet("Qısa mətn.", frozenset({"yox"}))) == "Qısa mətn."
