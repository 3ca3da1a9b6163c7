"""Publication dates (datelines) and the years a text speaks of."""
import datetime
import gzip
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.extract.dates import (DATA_PATH, _patterns, _prepare, _year_first, _year_starts, mentioned_years,
                                   publication_date)

TODAY = datetime.date(2026, 11, 22)
SHARED_CORPUS = Path(__file__).parent.parent.parent / "shared" / "corpus"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12.03.2021. Ombudsman qonaqları qəbul edib.", datetime.date(2021, 3, 12)),
        ("12/03/2021 Ombudsman qonaqları qəbul edib.", datetime.date(2021, 3, 12)),
        ("2021-03-12 Ombudsman qonaqları qəbul edib.", datetime.date(2021, 3, 12)),
        ("Bakı, 5 oktyabr 2020 /AZƏRTAC/ Görüş keçirilib.", datetime.date(2020, 10, 5)),
        ("16 Sentyabr 2021, 18:12\n\nGörüş keçirilib.", datetime.date(2021, 9, 16)),
        ("27 fevral, 2026 | Ombudsman seminarda iştirak edib.", datetime.date(2026, 2, 27)),
        ("2021-ci il sentyabrın 16-da Ombudsman görüş keçirib.", datetime.date(2021, 9, 16)),
        ("Bakı, sentyabrın 16-da, 2021. Görüş keçirilib.", datetime.date(2021, 9, 16)),
        ("OKTYABRIN 5-də, 2019-cu il. Görüş keçirilib.", datetime.date(2019, 10, 5)),
        ("Bakı, 3 Dekabr 2023 — Ombudsman", datetime.date(2023, 12, 3)),
        ("2022-ci il 5 may tarixində memorandum imzalanıb.", datetime.date(2022, 5, 5)),
        ("sentyabr 16-da, 2021", datetime.date(2021, 9, 16)),
        ("2023-cü ilin 12 martında görüş keçirilib", datetime.date(2023, 3, 12)),
        ("2019-cu il may ayının 5-də", datetime.date(2019, 5, 5)),
        ("Bakı, 1 iyul 2022-ci il", datetime.date(2022, 7, 1)),
        ("iyulun 1-dən, 2022-ci il", datetime.date(2022, 7, 1)),
    ],
)
def test_dateline_formats(text, expected):
    assert publication_date(text, TODAY) == expected


def test_dateline_at_the_end_of_the_text():
    text = "Görüş keçirilib. " + "Ətraflı məlumat verilib. " * 30 + "\n\n09.11.2022"
    assert publication_date(text, TODAY) == datetime.date(2022, 11, 9)


def test_a_date_in_the_middle_of_a_long_text_is_not_its_dateline():
    text = "Görüş keçirilib. " * 30 + "12.03.2021 tarixli memorandum. " + "Məlumat verilib. " * 30
    assert publication_date(text, TODAY) is None


@pytest.mark.parametrize("text", ["31.02.2021", "30 fevral 2021", "2021-13-01", "00.01.2021", "sentyabrın 16-da"])
def test_invalid_or_incomplete_dates_are_not_dates(text):
    assert publication_date(text, TODAY) is None


def test_a_dateline_after_today_is_not_a_publication_date():
    assert publication_date("5 mart 2027", TODAY) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-ci il", {2022}),
        ("2014-cü ildə təsis olunub", {2014}),
        ("2020 və 2021-ci illərdə", {2020, 2021}),
        ("2019-cu ilin oktyabr ayında", {2019}),
        ("2020-2022-ci illər üçün Fəaliyyət Planı", {2020, 2021, 2022}),
        ("2015–2017-ci illərdə", {2015, 2016, 2017}),
        ("2024-26-cı illər üçün yol xəritəsi", {2024, 2025, 2026}),
        ("2019, 2020 və ya 2021-ci illər", {2019, 2020, 2021}),
        ("2020-ci və 2023-cü illərdə", {2020, 2023}),
        ("2018-ci ilədək", {2018}),
        ("2016-cı ilin yanvarından", {2016}),
        ("memorandum 12.03.2021 tarixində imzalanıb", {2021}),
        ("konfrans 5 oktyabr 2020-ci il tarixində", {2020}),
        ("oktyabr 2020", {2020}),
        ("Turkiyede 2014-cu ilde", {2014}),
    ],
)
def test_years_the_text_speaks_of(text, expected):
    assert mentioned_years(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "COP29 çərçivəsində",
        "COP2029 sessiyası",
        "tədbirdə 1500 nəfər iştirak edib",
        "2500 manat yardım",
        "saat 14:30-da başlayıb",
        "saat 20.15-də",
        "Maddə 2019. Hüquqlar",
        "2019.1. Bu Qanun",
        "qaynar xətt: (012) 498-20-21, +994 12 2021 2022",
        "Qərar № 2021",
        "2000 ildən çox tarixi olan şəhər",
        "2020 nəfər könüllü",
        "ümumi məbləğ 2 019 000 manat",
        "2019-25-ci maddələr",
        "oktyabrın 5-də 2019 nəfər iştirak edib",  # a month nearby makes a dateline, not a year of the text
        "12-25-ci illər",
    ],
)
def test_numbers_that_are_not_years(text):
    assert mentioned_years(text, TODAY) == set()


def test_years_outside_1900_to_next_year_are_not_years():
    assert mentioned_years("1899-cu ildə və 2028-ci ildə", TODAY) == set()
    assert mentioned_years("1900-cü ildə və 2027-ci ildə", TODAY) == {1900, 2027}


def test_next_year_depends_on_today():
    assert mentioned_years("2027-ci ildə", datetime.date(2025, 1, 1)) == set()


# The patterns check the character before a digit after that digit, and those that begin with a year are tried
# only where four digits begin, which makes them fast (dates.py). The reference below is how they were first
# written, each look-behind first, and searched through the whole text: they must find the same matches.

def _alternatives(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


def reference_patterns() -> dict[str, re.Pattern]:
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    months = [spelling for spellings in data["months"].values() for spelling in spellings]
    month = rf"\b(?P<month>{_alternatives(months)})(?:{_alternatives(data['month_endings'])})?\b"
    day = rf"(?<![\d.,:/])(?P<day>\d{{1,2}})(?!\d)(?:\s*-\s*(?:{_alternatives(data['day_endings'])}))?"
    year = r"(?<![\w.,:/№#+-])(?P<year>\d{4})(?![\d]|[.,/:]\d)"
    month_then_day = rf"{month}(?:\s+{data['month_word']})?\s+{day}"
    ordinal = rf"\s*[-–]?\s*(?:{_alternatives(data['year_ordinals'])})\b"
    year_word = rf"\s+{data['year_word']}\b"
    joiner = rf"\s*(?:{_alternatives(data['year_joiners'])})\s*"
    one_year = rf"\d{{4}}(?:{ordinal})?"
    range_end = rf"[-–—]\s*\d{{2}}(?:{ordinal})?(?!\d)"
    return {
        "numeric": re.compile(r"(?<![\d.,/:-])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d|[./-]\d)"),
        "iso": re.compile(r"(?<![\d.,/:-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d|[./-]\d)"),
        "day_month_year": re.compile(rf"{day}\s+{month}\s*,?\s*{year}"),
        "year_day_month": re.compile(rf"{year}(?:{ordinal})?{year_word}\s*,?\s*{day}\s+{month}"),
        "year_month_day": re.compile(rf"{year}(?:{ordinal})?{year_word}\s*,?\s*{month_then_day}"),
        "month_day": re.compile(month_then_day),
        "month_year": re.compile(rf"{month}\s*,?\s*{year}"),
        "year_list": re.compile(
            rf"(?<![\w.,:/№#+-])(?P<years>{one_year}(?:{joiner}{one_year})*(?:{range_end})?){year_word}"),
        "ordinal_end": re.compile(rf"{ordinal}$"),
        "bare_year": re.compile(r"(?<![\d.,:/])\d{4}(?![\d]|[.,/:]\d)"),
    }


REFERENCE = reference_patterns()
YEAR_FIRST = {"iso", "year_day_month", "year_month_day", "year_list"}


def assert_same_matches(text: str) -> None:
    for name, reference in REFERENCE.items():
        expected = [(match.span(), match.groups()) for match in reference.finditer(text)]
        pattern = getattr(_patterns(), name)
        assert [(match.span(), match.groups()) for match in pattern.finditer(text)] == expected, name
        if name in YEAR_FIRST:
            year_first = _year_first(pattern, text, _year_starts(text))
            assert [(match.span(), match.groups()) for match in year_first] == expected, name


DATE_PIECES = ["2021", "2022", "1999", "12", "5", "0", "16", "2026", "29", "12345", ".", "/", "-", "–", "—", ",", ":",
               "№", "#", "+", "_", " ", " ", " ", "\n", "sentyabr", "sentyabrin", "may", "mayda", "oktyabr", "mart",
               "december", "ay", "ayinin", "il", "ilde", "iller", "ilin", "ci", "cu", "ve", "ya", "da", "de", "i", "x",
               "cop", "e", "2020 ve ", "2019, ", "2021-ci iller", "2022-ci il ", "2024-26-ci illerde", "16 sentyabr ",
               "sentyabrin 16-da", "2021-03-12", "12.03.2021", "2023-cu ilin 12 martinda", " 1-2021-05",
               "2020 ve 2021-ci iller", "2019, 2020 ve ya 2021-ci iller"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=25).map("".join))
def test_fast_patterns_find_what_the_patterns_written_look_behind_first_find(text):
    assert_same_matches(text)


def test_fast_patterns_find_what_the_patterns_written_look_behind_first_find_in_real_text():
    headlines = SHARED_CORPUS / "headlines-oxu_az.jsonl.gz"
    if not headlines.exists():
        pytest.skip(f"the shared corpus is absent ({SHARED_CORPUS}): no real text to compare the patterns on")
    with gzip.open(headlines, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            assert_same_matches(_prepare(f"{record['title']}\n\n{record['text']}"))
