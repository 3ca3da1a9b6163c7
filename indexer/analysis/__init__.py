"""Everything about words, in one place: the same analysis runs at index time and at query time.

A word of a text becomes a `Word`: its case-folded surface form, its stem and its diacritic-free stem,
with its offsets in the original text for highlighting. `analyze()` gives the terms the index holds;
`query_variants()` the terms a query word looks for, with the weight of each.
"""
from typing import NamedTuple

import snowballstemmer

from .casefold import az_lower
from .folding import fold, is_cyrillic, is_russian, normalize_letters, to_latin
from .stemmer import AzerbaijaniStemmer
from .stopwords import is_stop_word
from .tokenizer import base, spans, without_joiners

__all__ = ["Word", "analyze", "az_lower", "fold", "query_variants", "stem", "term_positions", "terms", "words"]

EXACT, FOLDED = "=", "~"  # prefixes of the stacked terms; a stem term has none
WEIGHTS = {"exact": 1.5, "stem": 1.0, "folded": 0.6}

_az_stemmer = AzerbaijaniStemmer()
_ru_stemmer = snowballstemmer.stemmer("russian")


class Word(NamedTuple):
    surface: str  # case-folded, Latin script, joiners removed: "bmtnin"
    stem: str  # "bmt"
    folded: str  # the stem without diacritics: "emekdasliq"
    start: int  # offsets of the word in the original text
    end: int
    stop: bool


class _Analysed(NamedTuple):
    surface: str
    stem: str
    folded: str
    stop: bool


def stem(word: str) -> str:
    """The stem of one lower-cased word, in Latin script (Cyrillic is transliterated, Russian stemmed as Russian)."""
    word = _latin_script(word)
    if is_cyrillic(word):
        return _ru_stemmer.stemWord(word)
    if any(ch.isdigit() for ch in word):
        return word
    return _az_stemmer.stemWord(word)


def _latin_script(word: str) -> str:
    """Look-alike letters made Azerbaijani, Azerbaijani Cyrillic made Latin; Russian stays Cyrillic."""
    word = normalize_letters(word)
    if is_cyrillic(word) and not is_russian(word):
        return to_latin(word)
    return word


_cache: dict[str, _Analysed] = {}
_CACHE_LIMIT = 500_000  # distinct tokens; far above the vocabulary of any corpus we serve


def _analyse(token: str) -> _Analysed:
    """Analysis of one token as the tokenizer found it; cached because words repeat far more than they vary."""
    found = _cache.get(token)
    if found is None:
        lower = az_lower(token)
        surface = _latin_script(without_joiners(lower))
        stemmed = stem(base(lower))
        found = _Analysed(surface, stemmed, fold(stemmed), is_stop_word(surface))
        if len(_cache) < _CACHE_LIMIT:
            _cache[token] = found
    return found


def words(text: str) -> list[Word]:
    """The words of `text`, in order, with their offsets in `text`."""
    found = []
    for span in spans(text):
        analysed = _analyse(span.text)
        found.append(Word(analysed.surface, analysed.stem, analysed.folded, span.start, span.end, analysed.stop))
    return found


def terms(word: Word | _Analysed) -> list[str]:
    """The terms indexed for one word, stacked at its position.

    The exact form is indexed only when it differs from the stem: a bare form is found through its stem, and
    leaving it out saves a third of the exact-form postings, which cost more than anything else at index time.
    """
    stacked = [word.stem]
    if word.surface != word.stem:
        stacked.append(EXACT + word.surface)
    if word.folded != word.stem:
        stacked.append(FOLDED + word.folded)
    return stacked


def analyze(text: str) -> list[str]:
    """The terms the index holds for `text`, word by word."""
    return [term for span in spans(text) for term in terms(_analyse(span.text))]


def term_positions(text: str) -> dict[str, list[int]]:
    """Each term the index holds for `text`, with the positions (word numbers) that carry it."""
    positions: dict[str, list[int]] = {}
    for position, span in enumerate(spans(text)):
        for term in terms(_analyse(span.text)):
            positions.setdefault(term, []).append(position)
    return positions


def query_variants(word: Word) -> list[tuple[str, float]]:
    """The terms a query word looks for, with their weights: the exact form, the stem, the folded stem.

    A folded stem is looked up with and without its prefix, because a text written without Azerbaijani
    letters has plain-letter stems of its own (`Qazaxistan ombudsmani`).
    """
    variants = {EXACT + word.surface: WEIGHTS["exact"], word.stem: WEIGHTS["stem"]}
    variants.setdefault(FOLDED + word.folded, WEIGHTS["folded"])
    variants.setdefault(word.folded, WEIGHTS["folded"])
    return list(variants.items())
