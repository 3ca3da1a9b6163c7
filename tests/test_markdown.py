"""Markdown with YAML front matter → title, metadata and plain-text paragraphs."""
import datetime
from pathlib import Path

import pytest

from indexer.parsing import parse_file
from indexer.parsing.markdown import parse_date, parse_markdown

SAMPLE = Path(__file__).resolve().parent / "data" / "parsing" / "seminar.md"


def parse_text(text):
    reports = []
    return parse_markdown(text, "x", reports.append), reports


def test_sample_file_metadata():
    reports = []
    [document] = parse_file(SAMPLE, SAMPLE.parent, reports.append)
    assert reports == []
    assert document.id == "seminar"
    assert document.title == "Jurnalistlər üçün insan hüquqları seminarı"
    assert document.date == datetime.date(2023, 11, 7)
    assert document.url == "https://ombudsman.az/az/news/2001"
    assert document.partners == ["ATƏT", "Avropa Şurası"]
    assert document.lang == "az"
    assert document.links == [
        "https://ombudsman.az/az/news/2001",
        "https://example.org/teqdimat.pdf",
        "https://example.org/hesabat",
    ]


def test_sample_file_body_is_plain_paragraphs():
    [document] = parse_file(SAMPLE, SAMPLE.parent, lambda message: None)
    paragraphs = document.text.split("\n\n")
    assert paragraphs[:7] == [
        "Ombudsman Aparatı ATƏT-in dəstəyi ilə jurnalistlər üçün ikigünlük seminar təşkil edib. "
        "Ətraflı məlumat rəsmi saytda yerləşdirilib.",
        "Müzakirə olunan mövzular",
        "Söz azadlığı və ifadə azadlığı",
        "Şəxsi həyatın toxunulmazlığı, ailə həyatına hörmət",
        "1. Məlumat əldə etmək hüququ",
        "Jurnalistlərin təhlükəsizliyi demokratiyanın əsas şərtidir. Bunu hamımız yadda saxlamalıyıq.",
        "Təqdimat materialları üçün bax: https://example.org/teqdimat.pdf və hesabat.",
    ]
    assert "seminar.jpg" not in document.text and "iştirakçıları" not in document.text
    for markup in ("**", "](", "[h]", "|", "---", "```", "> ", "# "):
        assert markup not in document.text


def test_title_from_first_heading_without_front_matter():
    document, _ = parse_text("Giriş sözü\n\n# Ombudsman Lənkəranda\n\nMüvəkkil Lənkəranda vətəndaşları qəbul edib.")
    assert document.title == "Ombudsman Lənkəranda"
    assert document.text == "Giriş sözü\n\nMüvəkkil Lənkəranda vətəndaşları qəbul edib."


def test_setext_headings():
    text = "Ombudsman Şəkidə\n================\n\nŞəkidə səyyar qəbul keçirilib.\n\nNəticələr\n---\n\n***\n\nSon."
    document, _ = parse_text(text)
    assert document.title == "Ombudsman Şəkidə"
    assert document.text == "Şəkidə səyyar qəbul keçirilib.\n\nNəticələr\n\nSon."


def test_title_from_first_line_when_there_is_no_heading():
    document, _ = parse_text("Uşaq hüquqları günü\nMəktəblilərlə görüş keçirilib.\n\nGörüşdə suallar cavablandırılıb.")
    assert document.title == "Uşaq hüquqları günü"
    assert document.text == "Məktəblilərlə görüş keçirilib.\n\nGörüşdə suallar cavablandırılıb."


def test_broken_front_matter_is_reported_and_body_still_indexed():
    text = "---\ntitle: [yarımçıq\ndate: 2023-01-01\n---\n# Əsl başlıq\n\nMətn qalır.\n"
    document, reports = parse_text(text)
    assert reports == ["front matter xətalıdır, sətir 3: metaməlumat nəzərə alınmadı"]
    assert document.title == "Əsl başlıq"
    assert document.text == "Mətn qalır."
    assert document.date is None


def test_front_matter_that_is_not_a_mapping_is_reported():
    document, reports = parse_text("---\n- bir\n- iki\n---\nMətn.\n")
    assert reports == ["front matter açar-dəyər cədvəli deyil: metaməlumat nəzərə alınmadı"]
    assert document.title == "Mətn."


def test_unclosed_front_matter_is_plain_text():
    document, reports = parse_text("---\ntitle: Başlıq\n\nMətn davam edir.")
    assert reports == []
    assert "Mətn davam edir." in document.text


def test_bad_metadata_values_are_reported():
    text = "---\ntitle: 2024\ndate: 31.02.2021\nurl: [1, 2]\npartners: {a: 1}\n---\nMətn.\n"
    document, reports = parse_text(text)
    assert document.title == "2024"
    assert (document.date, document.url, document.partners) == (None, None, [])
    assert reports == [
        "front matter: 'url' mətn olmalıdır",
        "front matter: tarix tanınmadı: '31.02.2021'",
        "front matter: 'partners' adlar siyahısı olmalıdır",
    ]


def test_single_partner_string_becomes_a_list():
    document, _ = parse_text("---\npartners: BMT İnkişaf Proqramı\n---\nMətn.\n")
    assert document.partners == ["BMT İnkişaf Proqramı"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2021, 3, 12), datetime.date(2021, 3, 12)),
        (datetime.datetime(2021, 3, 12, 9, 30), datetime.date(2021, 3, 12)),
        ("2021-03-12", datetime.date(2021, 3, 12)),
        ("12.03.2021", datetime.date(2021, 3, 12)),
        ("2021-03-12T09:30:00+04:00", datetime.date(2021, 3, 12)),
        ("12 mart 2021", None),
        (20210312, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_yaml_date_forms_in_front_matter():
    for raw in ("2021-03-12", "'12.03.2021'", "12.03.2021", "2021-03-12 10:00:00"):
        document, reports = parse_text(f"---\ndate: {raw}\n---\nMətn.\n")
        assert document.date == datetime.date(2021, 3, 12), raw
        assert reports == []


def test_inline_markup_is_stripped_but_underscores_in_words_stay():
    document, _ = parse_text("# B\n\n***Vacib:*** `kod` ~~köhnə~~ fayl_adı_2024 \\*ulduz\\* və [^1] qeyd.\n")
    assert document.text == "Vacib: kod köhnə fayl_adı_2024 *ulduz* və qeyd."


def test_links_other_than_http_are_not_collected():
    document, _ = parse_text("# B\n\n[poçt](mailto:info@ombudsman.az) və [bölmə](#giris).\n")
    assert document.text == "poçt və bölmə."
    assert document.links == []
