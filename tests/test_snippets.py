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


def test_up_to_three_fragments_prefer_new_query_words():
    text = " ".join(["Ombudsman görüş keçirib."] + ["söz"] * 80 + ["Ombudsman yenə."] + ["söz"] * 80
                    + ["Pakistan nümayəndəsi."] + ["söz"] * 80 + ["COP29 haqqında."] + ["söz"] * 80)
    marked = str(snippet(text, matched_terms("ombudsman Pakistan COP29")))
    assert marked.count(" … ") == 2 and marked.endswith(" …")  # three fragments; text left out after the last
    assert "<mark>Pakistan</mark>" in marked and "<mark>COP29</mark>" in marked
    assert marked.startswith("<mark>Ombudsman</mark>")


def test_fragments_are_cut_at_word_boundaries():
    text = "başlanğıc " + "uzunsözlər " * 40 + "Ombudsman " + "sonluqlar " * 40
    marked = str(snippet(text, matched_terms("ombudsman"))).replace("<mark>", "").replace("</mark>", "")
    inner = marked.strip("… ").split()
    assert all(word in ("uzunsözlər", "Ombudsman", "sonluqlar") for word in inner)


def test_prefix_queries_are_marked():
    assert str(highlight("Əməkdaşlığın əmək", matched_terms("əməkdaş*"))) == "<mark>Əməkdaşlığın</mark> əmək"
