"""Everything about words, in one place: the same analysis runs at index time and at query time.

A word of a text becomes a `Word`: its case-folded surface form, its stem and its diacritic-free stem,
with its offsets in the original text for highlighting. `analyze()` gives the terms the index holds;
`query_variants()` the terms a query word looks for, with the weight of each. In a text that declares another
language (`lang`: English, Turkish), each Latin word also gets its stem in that language (docs/analysis.md).
"""
import unicodedata
from contextlib import contextmanager
from typing import NamedTuple

from .casefold import az_lower
from .folding import fold, is_cyrillic, is_russian, normalize_letters, to_latin
from .languages import (AZERBAIJANI, OTHER_LATIN, azerbaijani_root, azerbaijani_stem, current_azerbaijani_stemmer,
                        language, other_stem, query_root, russian_stem, set_azerbaijani_stemmer)
from .stopwords import is_stop_word
from .tokenizer import TOKEN, base, spans, without_joiners

__all__ = ["EXACT", "FOLDED", "ROOT", "WEIGHTS", "Word", "analyze", "typed_word", "az_lower", "fold", "language", "query_variants",
           "stem", "term_positions", "terms", "token_terms", "tokens", "using_stemmer", "word_spans", "words"]

EXACT, FOLDED, ROOT = "=", "~", "^"  # prefixes of the stacked terms; a stem term has none
WEIGHTS = {"exact": 1.5, "stem": 1.0, "other language": 0.8, "folded": 0.6, "root": 0.5}


class Word(NamedTuple):
    surface: str  # case-folded, Latin script, joiners removed: "bmtnin"
    stem: str  # "bmt"
    folded: str  # the stem without diacritics: "emekdasliq"
    start: int  # offsets of the word in the original text
    end: int
    stop: bool
    root: str = ""  # the diacritic-free verb root of a voice or verbal-noun form: "qaytar" of "qaytarılması"
    other: str = ""  # in a text of another language, the word's stem in it: "en:meet"


class _Analysed(NamedTuple):
    surface: str
    stem: str
    folded: str
    stop: bool
    root: str
    other: str


def stem(word: str) -> str:
    """The stem of one lower-cased word, in Latin script (Cyrillic is transliterated, Russian stemmed as Russian)."""
    word = _latin_script(word)
    if is_cyrillic(word):
        return russian_stem(word)
    if any(ch.isdigit() for ch in word):
        return word
    return azerbaijani_stem(word)


def _latin_script(word: str) -> str:
    """Look-alike letters made Azerbaijani, Azerbaijani Cyrillic made Latin; Russian stays Cyrillic."""
    word = normalize_letters(word)
    if is_cyrillic(word) and not is_russian(word):
        return to_latin(word)
    return word


def _lower(token: str, lang: str) -> str:
    """English has no dotless ı: `In` is `in`; Azerbaijani and Turkish fold `I` to `ı`, `İ` to `i`."""
    return unicodedata.normalize("NFC", token).lower() if lang == "en" else az_lower(token)


def _analyse(token: str, lang: str) -> _Analysed:
    """Analysis of one word as the tokenizer split it (`BMT-nin`)."""
    lower = _lower(token, lang)
    surface = _latin_script(without_joiners(lower))
    stemmed = stem(base(lower))
    latin = not is_cyrillic(stemmed) and not any(ch.isdigit() for ch in stemmed)
    root = azerbaijani_root(stemmed) if latin else None
    other = other_stem(_latin_script(base(lower)), lang) if latin and lang in OTHER_LATIN else ""
    return _Analysed(surface, stemmed, fold(stemmed), is_stop_word(surface), fold(root) if root else "", other)


# Per language, each token the tokenizer's pattern matches → for each word in it: (its terms, its analysis,
# its offsets within the token). Words repeat far more than they vary, so this is what makes analysis fast.
_Entry = tuple[tuple[str, ...], _Analysed, int, int]
_caches: dict[str, dict[str, tuple[_Entry, ...]]] = {}
_CACHE_LIMIT = 500_000  # distinct tokens per language; far above the vocabulary of any corpus we serve


def _entries(token: str, lang: str) -> tuple[_Entry, ...]:
    cache = _caches.setdefault(lang, {})
    found = cache.get(token)
    if found is None:
        analysed = [(_analyse(span.text, lang), span) for span in spans(token)]
        found = tuple((tuple(terms(word)), word, span.start, span.end) for word, span in analysed)
        if len(cache) < _CACHE_LIMIT:
            cache[token] = found
    return found


def words(text: str, lang: str = AZERBAIJANI) -> list[Word]:
    """The words of `text`, in order, with their offsets in `text`."""
    lang = language(lang)
    cache = _caches.setdefault(lang, {})
    found = []
    for match in TOKEN.finditer(text):
        token, offset = match.group(), match.start()
        for _, analysed, start, end in cache.get(token) or _entries(token, lang):
            found.append(Word(analysed.surface, analysed.stem, analysed.folded, offset + start, offset + end,
                              analysed.stop, analysed.root, analysed.other))
    return found


def word_spans(text: str, lang: str = AZERBAIJANI) -> list[tuple[int, int, str]]:
    """The start, end and folded stem of each word of `text`: what `words` gives, for callers that look at
    most words only in passing (building a `Word` for each cost partner finding a third of its time)."""
    lang = language(lang)
    cache = _caches.setdefault(lang, {})
    found = []
    for match in TOKEN.finditer(text):
        token, offset = match.group(), match.start()
        found += [(offset + start, offset + end, analysed.folded)
                  for _, analysed, start, end in cache.get(token) or _entries(token, lang)]
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
    if word.root:
        stacked.append(ROOT + word.root)
    if word.other:
        stacked.append(word.other)
    return stacked


def typed_word(term: str) -> str | None:
    """The word an index term holds as a user would type it (a stem, or an exact form without its prefix);
    None for the folded, root and other-language terms, which are for matching, not for showing."""
    if term[:1] in (FOLDED, ROOT) or ":" in term:
        return None
    return term.removeprefix(EXACT)


def analyze(text: str, lang: str = AZERBAIJANI) -> list[str]:
    """The terms the index holds for `text`, word by word."""
    lang = language(lang)
    cache = _caches.setdefault(lang, {})
    found = []
    for token in TOKEN.findall(text):
        for entry in cache.get(token) or _entries(token, lang):
            found.extend(entry[0])
    return found


def tokens(text: str) -> list[str]:
    """The tokens of `text`, in order: a token is a word, or a few joined by hyphens (`vitse-prezident`)."""
    return TOKEN.findall(text)


def token_terms(token: str, lang: str = AZERBAIJANI) -> tuple[tuple[str, ...], ...]:
    """The terms of each word of one token, word by word: what `term_positions` holds for it."""
    lang = language(lang)
    return tuple(entry[0] for entry in _caches.setdefault(lang, {}).get(token) or _entries(token, lang))


def term_positions(text: str, lang: str = AZERBAIJANI) -> dict[str, list[int]]:
    """Each term the index holds for `text`, with the positions (word numbers) that carry it."""
    lang = language(lang)
    cache = _caches.setdefault(lang, {})
    positions: dict[str, list[int]] = {}
    position = 0
    for token in TOKEN.findall(text):
        for entry in cache.get(token) or _entries(token, lang):
            for term in entry[0]:
                held = positions.get(term)
                if held is None:
                    positions[term] = [position]
                else:
                    held.append(position)
            position += 1
    return positions


def query_variants(word: Word) -> list[tuple[str, float]]:
    """The terms a query word looks for, with their weights: the exact form, the stem, the folded stem.

    A folded stem is looked up with and without its prefix, because a text written without Azerbaijani
    letters has plain-letter stems of its own (`Qazaxistan ombudsmani`). A verb finds the other voices and
    verbal nouns of its root (`qaytarmaq` → `qaytarılması`, and back). The word's English and Turkish stems
    find it in documents of those languages (`meetings` → `en:meet`).
    """
    variants = {EXACT + word.surface: WEIGHTS["exact"], word.stem: WEIGHTS["stem"]}
    variants.setdefault(FOLDED + word.folded, WEIGHTS["folded"])
    variants.setdefault(word.folded, WEIGHTS["folded"])
    root = query_root(word.stem, word.root)
    if root:  # a root itself (qaytar) meets the roots of its other forms, and a form (qaytarılması) its root
        for term in (ROOT + root, FOLDED + root, root):
            variants.setdefault(term, WEIGHTS["root"])
    if not is_cyrillic(word.surface) and not any(ch.isdigit() for ch in word.surface):
        variants.setdefault(other_stem(word.surface.replace("ı", "i"), "en"), WEIGHTS["other language"])
        variants.setdefault(other_stem(word.surface, "tr"), WEIGHTS["other language"])
    return list(variants.items())


@contextmanager
def using_stemmer(stem_word):
    """Analyse Azerbaijani with `stem_word` (a function of one lower-cased word) instead of ours, caches cleared.

    For evaluations that compare stemmers through the real engine (bench/eval_retrieval.py).
    """
    previous = current_azerbaijani_stemmer()
    set_azerbaijani_stemmer(stem_word)  # verb roots are part of ours: a baseline has none
    _caches.clear()
    try:
        yield
    finally:
        set_azerbaijani_stemmer(previous)
        _caches.clear()
