"""Script and diacritic folding: Azerbaijani Cyrillic to Latin, and Latin to plain ASCII-like letters.

Users often type without Azerbaijani letters (`emekdasliq`), older texts use the Cyrillic alphabet
(`Ҝүрҹүстан`) or look-alike characters (`ä`, Cyrillic `ә`, `ǝ`). The tables live in `data/`.
"""
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


def _read_table(name: str) -> dict[str, str]:
    """A two-column table file: `from<TAB>to` per line, `#` comments."""
    table = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, target = line.split("\t")
            table[source] = target
    return table


@cache
def _lookalikes() -> dict[int, str]:
    return str.maketrans(_read_table("lookalikes.tsv"))


@cache
def _cyrillic() -> dict[int, str]:
    return str.maketrans(_read_table("cyrillic_az.tsv"))


@cache
def _diacritics() -> tuple[tuple[str, str], ...]:
    """The folding table as pairs for `str.replace`, which on a long text is many times faster than `str.translate`
    (a dictionary look-up per character); one after another they fold as one translation would, because no letter
    is folded into a letter that is folded itself."""
    table = _read_table("diacritics.tsv")
    if set("".join(table.values())) & set(table):
        raise ValueError("diacritics.tsv folds a letter into a letter it also folds")
    return tuple(table.items())


AZ_CYRILLIC_LETTERS = frozenset("әғҝһјҹүө")
RUSSIAN_ONLY_LETTERS = frozenset("щъьэюяёй")


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def is_russian(word: str) -> bool:
    """A Cyrillic word that is Russian rather than Azerbaijani Cyrillic (by its letters)."""
    letters = set(word)
    return bool(letters & RUSSIAN_ONLY_LETTERS) and not letters & AZ_CYRILLIC_LETTERS


def normalize_letters(word: str) -> str:
    """Map look-alike characters to the Azerbaijani Latin letter they stand for (`ä`, `ǝ`, Cyrillic `ә` → `ə`)."""
    return word.translate(_lookalikes())


def to_latin(word: str) -> str:
    """Transliterate an Azerbaijani Cyrillic word (already lower-cased) to the Latin alphabet."""
    return word.translate(_cyrillic())


def fold(word: str) -> str:
    """Drop Azerbaijani diacritics: `əməkdaşlıq` → `emekdasliq`."""
    for letter, plain in _diacritics():
        word = word.replace(letter, plain)
    return word
