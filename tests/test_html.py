"""HTML pages: charset, title, date, canonical URL, boilerplate-free paragraphs and links."""
import datetime
from pathlib import Path

import pytest

from indexer.parsing import SkipFile, parse_file
from indexer.parsing.html import parse_html

SAMPLE = Path(__file__).resolve().parent / "data" / "parsing" / "memorandum.html"


def parse(html, encoding="utf-8"):
    reports = []
    data = html.encode(encoding) if isinstance(html, str) else html
    return parse_html(data, "x", reports.append), reports


def page(body, head=""):
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_sample_page_metadata():
    reports = []
    [document] = parse_file(SAMPLE, SAMPLE.parent, reports.append)
    assert reports == []
    assert document.id == "memorandum"
    assert document.title == "Ombudsman Gürcüstanla memorandum imzalayıb"
    assert document.date == datetime.date(2022, 6, 15)
    assert document.url == "https://ombudsman.az/az/news/3003"
    assert document.lang == "az"
    assert document.links == ["https://ombudsman.az/az/news/2990"]


def test_sample_page_body_has_paragraphs_and_no_boilerplate():
    [document] = parse_file(SAMPLE, SAMPLE.parent, lambda message: None)
    assert document.text.split("\n\n") == [
        "Azərbaycan və Gürcüstan ombudsmanları arasında anlaşma memorandumu imzalanıb.",
        "Sənəddə əvvəlki görüşlərin nəticələri və birgə monitorinqlər nəzərdə tutulur.",
        "Tərəflər miqrantların hüquqlarının müdafiəsi sahəsində təcrübə mübadiləsini davam etdirəcəklər.",
        "Birgə təlimlər",
        "Məlumat mübadiləsi, daxili keçid",
        "Tarix: 15.06.2022",
        "Ətraflı: keçid, poçt.",
    ]
    for junk in ("skript", "color", "kukilər", "Haqqımızda", "Ana səhifə", "Paylaş", "çərçivə", "şərh",
                 "Oxşar", "©"):
        assert junk not in document.text


def test_density_heuristic_finds_the_text_without_article_or_main():
    body = (
        '<div id="top"><a href="https://a.az/1">Xəbərlər</a> <a href="https://a.az/2">Foto</a></div>'
        '<div class="col">'
        "<p>Müvəkkil Sumqayıtda penitensiar müəssisəyə başçəkmə həyata keçirib.</p>"
        "<p>Başçəkmə zamanı məhbusların saxlanma şəraiti ilə tanış olunub, şikayətlər dinlənilib.</p>"
        "</div>"
        '<div class="col2"><p><a href="https://a.az/3">Digər xəbər başlığı burada</a></p></div>'
    )
    document, _ = parse(page(body))
    assert document.text == (
        "Müvəkkil Sumqayıtda penitensiar müəssisəyə başçəkmə həyata keçirib.\n\n"
        "Başçəkmə zamanı məhbusların saxlanma şəraiti ilə tanış olunub, şikayətlər dinlənilib."
    )
    assert document.links == []


def test_br_pairs_separate_paragraphs_in_a_page_without_p():
    document, _ = parse(page("<main>Birinci abzas,<br>eyni abzas.<br><br>İkinci abzas.</main>"))
    assert document.text == "Birinci abzas, eyni abzas.\n\nİkinci abzas."


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("<title>Qaçqınlarla görüş | Ombudsman</title>", "Qaçqınlarla görüş"),
        ("<title>Qaçqınlarla görüş - Ombudsman.az</title>", "Qaçqınlarla görüş"),
        ("<title>Azad edilib? - AQTA-dan AÇIQLAMA</title>", "Azad edilib? - AQTA-dan AÇIQLAMA"),
        (
            '<meta property="og:site_name" content="Oxu az"><title>Görüş - Oxu az</title>',
            "Görüş",
        ),
        ('<meta property="og:title" content="OG başlığı"><title>Başqa | Sayt</title>', "OG başlığı"),
    ],
)
def test_title_fallbacks(head, title):
    document, _ = parse(page("<p>Mətn.</p>", head))
    assert document.title == title


def test_logo_h1_in_header_is_not_the_title():
    document, _ = parse(page("<header><h1>Ombudsman</h1></header><h1>Əsl başlıq</h1><p>Mətn.</p>"))
    assert document.title == "Əsl başlıq"


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        ("", '<p>Mətn <time datetime="2021-03-12T09:00:00Z">12 mart</time>.</p>', datetime.date(2021, 3, 12)),
        ('<meta name="DC.date" content="2020-01-05">', "<p>Mətn.</p>", datetime.date(2020, 1, 5)),
        ('<meta name="pubdate" content="05.01.2020">', "<p>Mətn.</p>", datetime.date(2020, 1, 5)),
        ('<meta name="date" content="dünən">', "<p>Mətn.</p>", None),
        ("", "<p>12 mart 2021-ci il tarixində keçirilib.</p>", None),
    ],
)
def test_date_sources(head, body, date):
    document, _ = parse(page(body, head))
    assert document.date == date


def test_og_url_when_there_is_no_canonical_link():
    document, _ = parse(page("<p>Mətn.</p>", '<meta property="og:url" content="https://ombudsman.az/az/news/7">'))
    assert document.url == "https://ombudsman.az/az/news/7"


def test_relative_canonical_is_not_a_url():
    document, _ = parse(page("<p>Mətn.</p>", '<link rel="canonical" href="/az/news/7">'))
    assert document.url is None


def test_truncated_html_keeps_the_text_read():
    document, _ = parse("<html><body><article><h1>Yarımçıq səhifə</h1><p>Birinci abzas tamdır.</p><p>İkinci abz")
    assert document.title == "Yarımçıq səhifə"
    assert document.text == "Birinci abzas tamdır.\n\nİkinci abz"


def test_nested_iframes_and_deep_nesting_do_not_leak_or_crash():
    nested = "<div>" * 20_000 + "<p>Dərində olan mətn.</p>" + "</div>" * 20_000
    html = page(f"<iframe><iframe><p>Gizli</p></iframe></iframe>{nested}")
    document, _ = parse(html)
    assert "Gizli" not in document.text
    assert document.text == "Dərində olan mətn."


def test_meta_charset_windows_1251():
    html = page("<main><p>Омбудсмен Азербайджана встретилась с делегацией Грузии.</p></main>",
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
    document, reports = parse(html, "cp1251")
    assert document.text == "Омбудсмен Азербайджана встретилась с делегацией Грузии."
    assert reports == []


def test_charset_lie_falls_back_to_detection():
    text = "Müvəkkil Şəkidə vətəndaşları qəbul edib. Qəbulda İsmayıllı və Qax sakinləri iştirak edib. " * 5
    html = page(f"<main><p>{text}</p></main>", '<meta charset="utf-8">')
    # Azerbaijani "ə" is not in cp1254; legacy pages wrote "e" for it.
    document, reports = parse(html.replace("ə", "e"), "cp1254")
    assert "Şekide" in document.text and "İsmayıllı" in document.text
    assert reports == ["kodlaşdırma təxmin edildi: cp1254"]


def test_utf16_page_with_bom():
    document, reports = parse(page("<main><p>Gəncədə seminar keçirilib.</p></main>"), "utf-16")
    assert document.text == "Gəncədə seminar keçirilib."
    assert reports == []


def test_page_without_text_is_skipped(tmp_path):
    path = tmp_path / "boş.html"
    path.write_text(page("<script>var a = 1;</script><nav>Menyu</nav>"), encoding="utf-8")
    with pytest.raises(SkipFile, match="faylda mətn yoxdur"):
        list(parse_file(path, tmp_path, lambda message: None))


def test_htm_suffix_and_binary_junk(tmp_path):
    path = tmp_path / "şəkil.htm"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)))
    with pytest.raises(SkipFile, match="ikili"):
        list(parse_file(path, tmp_path, lambda message: None))


def test_character_references_are_decoded_and_nfc():
    document, _ = parse(page("<h1>Gu&#776;nd&#601;lik</h1><main><p>&Ccedil;ox o&#x308;n&#601;mli &amp; vacib.</p></main>"))
    assert document.title == "Gündəlik"
    assert document.text == "Çox önəmli & vacib."


def test_boilerplate_by_role_and_class_words_but_not_similar_words():
    body = (
        '<main><div role="navigation">Menyu keçidləri</div>'
        '<div class="socialShare">Paylaş</div><div id="ads">Reklam</div>'
        '<div class="shared-content"><p>Ümumi məzmun qalır.</p></div>'
        '<div class="adress"><p>Ünvan: Bakı, Mətbuat prospekti.</p></div></main>'
    )
    document, _ = parse(page(body))
    assert document.text == "Ümumi məzmun qalır.\n\nÜnvan: Bakı, Mətbuat prospekti."
