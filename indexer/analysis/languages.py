"""Which stemmer a word gets: Azerbaijani by default, Snowball's own for the other languages of the corpus.

A document that says its language (`Document.lang`: front matter, JSON `lang`, `<html lang>`) gets, for each
Latin word, its stem in that language besides the Azerbaijani analysis (which already serves Turkish well, and
which the query words share). That stem carries the language as a prefix (`en:meet`), so it never meets an
Azerbaijani stem of the same spelling; a query word looks it up as a low-weight variant.
Cyrillic words are Russian when their letters say so (`is_russian`), in any document: a query cannot know.
"""
import threading
from functools import lru_cache

import snowballstemmer

from .folding import fold
from .stemmer import AzerbaijaniStemmer, is_verb_root, verb_root

AZERBAIJANI = "az"
OTHER_LATIN = ("en", "tr")  # languages whose Latin words get their own Snowball stemmer, prefix `en:`, `tr:`
RUSSIAN = "ru"

_snowball = {code: snowballstemmer.stemmer(name) for code, name in
             (("en", "english"), ("tr", "turkish"), (RUSSIAN, "russian"))}
_snowball_lock = threading.Lock()  # a Snowball stemmer keeps the word it works on in itself: one thread at a time
_OURS = AzerbaijaniStemmer().stemWord
_azerbaijani = _OURS


def language(code: str | None) -> str:
    """A declared language (`en-GB`, `TR`, `ru_RU`, `az-Latn`, None) → the analysis language; unknown ones are `az`."""
    short = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return short if short in OTHER_LATIN or short == RUSSIAN else AZERBAIJANI


def azerbaijani_stem(word: str) -> str:
    """The Azerbaijani stem function in use (swapped by `using_stemmer` in evaluations)."""
    return _azerbaijani(word)


def azerbaijani_root(stem: str) -> str | None:
    """The verb root of an Azerbaijani stem (`stemmer.verb_root`); never with a baseline stemmer swapped in."""
    return verb_root(stem) if roots_in_use() else None


def query_root(stem: str, root: str) -> str:
    """The diacritic-free root a query word looks for in the other forms of its verb: its own root, or the
    stem itself when it is a verb root (`qaytarmaq` → `qaytar`); empty for other words and baselines."""
    if not roots_in_use():
        return ""
    return root or (fold(stem) if is_verb_root(stem) else "")


def roots_in_use() -> bool:
    return _azerbaijani is _OURS


def russian_stem(word: str) -> str:
    return _snowball_stem(word, RUSSIAN)


def other_stem(word: str, lang: str) -> str:
    """`en:meet`: the stem in another language, with that language as a prefix."""
    return f"{lang}:{_snowball_stem(word, lang)}"


@lru_cache(maxsize=100_000)  # every query word asks for its English and Turkish stems, several times a request
def _snowball_stem(word: str, lang: str) -> str:
    with _snowball_lock:
        return _snowball[lang].stemWord(word)


def set_azerbaijani_stemmer(stem_word) -> None:
    global _azerbaijani
    _azerbaijani = stem_word


def current_azerbaijani_stemmer():
    return _azerbaijani
