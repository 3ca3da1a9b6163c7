"""The seed `.txt` format, checked against the two original corpus files and small made-up inputs."""
from pathlib import Path

import pytest

from indexer.parsing import parse_file
from indexer.parsing.seed import SENTENCE_END, parse_seed

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIRST = CORPUS / "000_df8d99c26602f3bf.txt"
SECOND = CORPUS / "003_e879f1925df36061.txt"


def parse_one(path):
    reports = []
    documents = list(parse_file(path, CORPUS, reports.append))
    assert reports == []
    assert len(documents) == 1
    return documents[0]


def test_first_seed_file_title_id_and_joined_paragraphs():
    document = parse_one(FIRST)
    assert document.id == "000_df8d99c26602f3bf"
    assert document.title == (
        "COP29 zamanı Ombudsman təsisatı tərəfindən panel müzakirələrin təşkili nəzərdə tutulub"
    )
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) == 7
    assert "eləcə də vitse-prezidenti olduğu Asiya Ombudsmanlar Assosiasiyası çərçivəsində" in document.text
    assert "COP29-un keçiriləcəyini qeyd edib, bu müddət" in document.text
    assert paragraphs[0].startswith("Azərbaycan Respublikasının İnsan hüquqları")
    assert paragraphs[-1] == "Görüşdə həmçinin qarşılıqlı maraq doğuran bir sıra digər məsələlər ətrafında geniş fikir mübadiləsi aparılıb."
    assert document.links == []


def test_second_seed_file_bold_title_and_footnote_links():
    document = parse_one(SECOND)
    assert document.id == "003_e879f1925df36061"
    assert document.title == (
        "Azərbaycan Respublikasının İnsan Hüquqları üzrə Müvəkkili (Ombudsman) təsisatı ilə İslam "
        "Əməkdaşlıq Təşkilatının Ombudsmanlar Assosiasiyası (İƏT-OA) arasında əməkdaşlıq"
    )
    assert document.links == ["https://oicoa.org/about.html", "https://ombudsman.az/az/news/465"]
    assert "inkişaf etdirməkdən ibarətdir.\n\n" in document.text
    assert "iştirak etmişdir.\n\n" in document.text
    assert "https://" not in document.text
    assert len(document.text.split("\n\n")) == 8


@pytest.mark.parametrize("path", [FIRST, SECOND], ids=["first", "second"])
def test_seed_files_have_no_broken_paragraphs_markers_or_title_repeat(path):
    document = parse_one(path)
    for paragraph in document.text.split("\n\n"):
        assert paragraph.endswith(SENTENCE_END), paragraph[-60:]
        assert paragraph == paragraph.strip() and "\n" not in paragraph
    assert not set("¹²³⁴⁵⁶⁷⁸⁹⁰*") & set(document.text)
    assert document.title not in document.text


def test_bold_title_closing_mid_block_leaves_rest_as_body():
    document = parse_seed("**Görüş\nkeçirilib**\nMüvəkkil qonaqları qəbul edib.\n", "x")
    assert document.title == "Görüş keçirilib"
    assert document.text == "Müvəkkil qonaqları qəbul edib."


def test_plain_title_is_first_line_and_not_repeated_in_body():
    text = "Seminar keçirilib\nSeminar keçirilib\n\nBakıda hüquq müdafiəçiləri üçün seminar keçirilib."
    document = parse_seed(text, "x")
    assert document.title == "Seminar keçirilib"
    assert document.text == "Bakıda hüquq müdafiəçiləri üçün seminar keçirilib."


def test_footnote_line_without_url_stays_as_text_and_marker_is_removed():
    text = "Başlıq\n\nMüqavilə imzalanıb.¹\n\n¹ Mənbə: AZƏRTAC <https://azertag.az/xeber/1>"
    document = parse_seed(text, "x")
    assert document.links == ["https://azertag.az/xeber/1"]
    assert document.text == "Müqavilə imzalanıb.\n\nMənbə: AZƏRTAC"


def test_free_standing_superscript_is_kept():
    # Only a digit glued to the word before it is a footnote marker.
    document = parse_seed("Başlıq\n\nSahəsi ² qeyd olunub.", "x")
    assert document.text == "Sahəsi ² qeyd olunub."


def test_only_blank_lines_gives_empty_document():
    assert parse_seed("\n \n\t\n", "x").title == ""
