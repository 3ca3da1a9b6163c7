"""Publication dates and the years a text speaks of.

Text is compared lower-cased and without Azerbaijani letters, so one pattern serves `Sentyabrın` and
`sentyabrin`. A four-digit number is a year only with a year marker: an ordinal ending and `il`
(`2022-ci ildə`), a full date, or a month name next to it; `COP29`, `1500 nəfər`, `Maddə 2019` are not.
The words themselves live in `indexer/data/dates_az.yaml`.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

import yaml

from indexer.analysis import az_lower, fold

DATA_PATH = Path(__file__).parent.parent / "data" / "dates_az.yaml"
FIRST_YEAR = 1900
DATELINE_WINDOW = 300  # characters at the start and at the end of a text where news puts its date
NEARBY = 60  # how far from `sentyabrın 16-da` its year may be written
LONGEST_RANGE = 50  # `2020-2022-ci illər` counts every year in it; a longer "range" is not one


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]  # spelling → month number
    numeric: re.Pattern  # 12.03.2021, 12/03/2021
    iso: re.Pattern  # 2021-03-12
    day_month_year: re.Pattern  # 5 oktyabr 2020, 27 fevral, 2026
    year_day_month: re.Pattern  # 2021-ci il 16 sentyabr
    year_month_day: re.Pattern  # 2021-ci il sentyabrın 16-da
    month_day: re.Pattern  # sentyabrın 16-da (the year is written nearby)
    month_year: re.Pattern  # oktyabr 2020
    year_list: re.Pattern  # 2020 və 2021-ci illərdə
    ordinal_end: re.Pattern
    bare_year: re.Pattern


def _alternatives(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


# A pattern that begins with a digit checks the character before it only after that digit: the regular expression
# engine skips in a fast loop to the characters a pattern can begin with, but tries a pattern that begins with a
# look-behind at every character of the text, which cost three times as much.

def _digits(more: str, not_after: str) -> str:
    """A digit and `more` (`?`, `{3}`), with none of the characters `not_after` (a class) before them."""
    return rf"\d(?<!{not_after}.)\d{more}"


@cache
def _patterns() -> _Patterns:
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    months = {spelling: int(number) for number, spellings in data["months"].items() for spelling in spellings}
    month = rf"\b(?P<month>{_alternatives(list(months))})(?:{_alternatives(data['month_endings'])})?\b"
    day_digits, year_digits = _digits("?", r"[\d.,:/]"), _digits("{3}", r"[\w.,:/№#+-]")  # not COP2022, №2022
    day = rf"(?P<day>{day_digits})(?!\d)(?:\s*-\s*(?:{_alternatives(data['day_endings'])}))?"
    year = rf"(?P<year>{year_digits})(?![\d]|[.,/:]\d)"
    month_then_day = rf"{month}(?:\s+{data['month_word']})?\s+{day}"
    ordinal = rf"\s*[-–]?\s*(?:{_alternatives(data['year_ordinals'])})\b"
    year_word = rf"\s+{data['year_word']}\b"
    joiner = rf"\s*(?:{_alternatives(data['year_joiners'])})\s*"
    one_year = rf"\d{{4}}(?:{ordinal})?"
    first_year = rf"{year_digits}(?:{ordinal})?"
    range_end = rf"[-–—]\s*\d{{2}}(?:{ordinal})?(?!\d)"  # 2026-29-cu illər
    numeric_day, iso_year = _digits("?", r"[\d.,/:-]"), _digits("{3}", r"[\d.,/:-]")  # not a piece of 1.12.03.2021
    return _Patterns(
        months=months,
        numeric=re.compile(rf"({numeric_day})([./])(\d{{1,2}})\2(\d{{4}})(?!\d|[./-]\d)"),
        iso=re.compile(rf"({iso_year})-(\d{{1,2}})-(\d{{1,2}})(?!\d|[./-]\d)"),
        day_month_year=re.compile(rf"{day}\s+{month}\s*,?\s*{year}"),
        year_day_month=re.compile(rf"{year}(?:{ordinal})?{year_word}\s*,?\s*{day}\s+{month}"),
        year_month_day=re.compile(rf"{year}(?:{ordinal})?{year_word}\s*,?\s*{month_then_day}"),
        month_day=re.compile(month_then_day),
        month_year=re.compile(rf"{month}\s*,?\s*{year}"),
        year_list=re.compile(rf"(?P<years>{first_year}(?:{joiner}{one_year})*(?:{range_end})?){year_word}"),
        ordinal_end=re.compile(rf"{ordinal}$"),
        bare_year=re.compile(_digits("{3}", r"[\d.,:/]") + r"(?![\d]|[.,/:]\d)"),
    )


# Every date and year pattern has a four-digit year: most texts need no more. Written out, `\d` begins the
# pattern, which makes the search twice as fast as with `\d{4}`.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")


# Where a run of four or more digits begins: the only places where a pattern that begins with a year can match.
_YEAR_STARTS = re.compile(_digits("{3}", r"\d"))


def _prepare(text: str) -> str:
    return fold(az_lower(text))


def _valid(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 31.02.2021 is not a date
        return None


def _year_starts(text: str) -> list[int]:
    return [match.start() for match in _YEAR_STARTS.finditer(text)]


def _year_first(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """What `pattern.finditer(text)` finds, for a pattern whose matches begin with a year: tried only at `starts`,
    where runs of four digits begin, instead of scanning the whole text once more for each such pattern."""
    end = 0
    for start in starts:
        match = pattern.match(text, start) if start >= end else None
        if match:
            end = match.end()
            yield match


def _dates(text: str, starts: list[int]) -> Iterator[tuple[int, datetime.date | None]]:
    """Every full date written in prepared `text`, with its position (None for an impossible one: 31.02.2021);
    `starts` are the `_year_starts` of the text."""
    patterns = _patterns()
    for match in patterns.numeric.finditer(text):
        yield match.start(), _valid(int(match[4]), int(match[3]), int(match[1]))
    for match in _year_first(patterns.iso, text, starts):
        yield match.start(), _valid(int(match[1]), int(match[2]), int(match[3]))
    with_a_month_name = (patterns.day_month_year.finditer(text), _year_first(patterns.year_day_month, text, starts),
                         _year_first(patterns.year_month_day, text, starts))
    for match in chain.from_iterable(with_a_month_name):
        yield match.start(), _valid(int(match["year"]), patterns.months[match["month"]], int(match["day"]))


def _dateline_dates(text: str) -> Iterator[tuple[int, datetime.date | None]]:
    """The full dates, and in a dateline also `sentyabrın 16-da` with a year written near it."""
    yield from _dates(text, _year_starts(text))
    patterns = _patterns()
    for match in patterns.month_day.finditer(text):
        year = _nearby_year(text, match.start(), match.end())
        if year is not None:
            yield match.start(), _valid(year, patterns.months[match["month"]], int(match["day"]))


def _nearby_year(text: str, start: int, end: int) -> int | None:
    """The year written closest to `sentyabrın 16-da`, within NEARBY characters."""
    window_start = max(0, start - NEARBY)
    candidates = _patterns().bare_year.finditer(text, window_start, end + NEARBY)
    years = [(min(abs(m.start() - start), abs(m.start() - end)), int(m.group())) for m in candidates]
    return min(years)[1] if years else None


def _real_dates(text: str, today: datetime.date) -> list[tuple[int, datetime.date]]:
    if not _FOUR_DIGITS.search(text):
        return []
    dates = _dateline_dates(text)
    found = {(position, date) for position, date in dates if date and FIRST_YEAR <= date.year and date <= today}
    return sorted(found)


def publication_date(text: str, today: datetime.date) -> datetime.date | None:
    """The dateline: the first date in the first characters of `text`, else the last one in its last characters."""
    head = _real_dates(_prepare(text[:DATELINE_WINDOW]), today)
    if head:
        return head[0][1]
    tail = _real_dates(_prepare(text[-DATELINE_WINDOW:]), today)
    return tail[-1][1] if tail else None


def mentioned_years(text: str, today: datetime.date) -> set[int]:
    """The years `text` speaks of: years with a year marker, and the years of full dates."""
    if not _FOUR_DIGITS.search(text):
        return set()
    text = _prepare(text)
    starts = _year_starts(text)
    found = {date.year for _, date in _dates(text, starts) if date}
    found |= {int(match["year"]) for match in _patterns().month_year.finditer(text)}
    for match in _year_first(_patterns().year_list, text, starts):
        found |= _listed_years(match["years"])
    return {year for year in found if FIRST_YEAR <= year <= today.year + 1}


def _listed_years(listed: str) -> set[int]:
    """The years of `2020 və 2021-ci`, `2020-2022-ci`, `2026-29-cu`; only the last year of a list must carry its
    ordinal ending, because `2000 ildən çox` is an amount of years, not a year."""
    if not _patterns().ordinal_end.search(listed):
        return set()
    numbers = [int(number) for number in re.findall(r"\d+", listed)]
    if numbers[-1] < 100:  # a range written short: 2026-29
        numbers[-1] += numbers[-2] // 100 * 100
    gaps = re.split(r"\d+", listed)[1:-1]
    dashes = [bool(re.match(r"^\s*(?:-\s*\w+\s*)?[-–—]\s*$", gap)) for gap in gaps]
    years = set(numbers)
    for first, last, dash in zip(numbers, numbers[1:], dashes):
        if dash and 0 < last - first <= LONGEST_RANGE:
            years |= set(range(first, last + 1))
    return years
