"""Highlighted, escaped HTML from a document's text: only our `<mark>` tags are markup.

A word is marked when any of its index terms is one the query looks for (or it begins with a `word*`
prefix), so every inflected, folded or transliterated form that matched is marked, in the original text.

Long texts (a 1 MB law) stay fast because most of the text is never analysed: one regular expression
finds, over the whole text, the first letters of each query term's stem in any case and with or without
diacritics (every form of a word contains them), and only the pieces of text around those places are analysed.
"""
from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import NamedTuple

from markupsafe import Markup, escape

from indexer.analysis import az_lower, fold, terms, words
from indexer.analysis.languages import AZERBAIJANI
from indexer.analysis.folding import normalize_letters, to_latin

CONTEXT_CHARACTERS = 90  # text shown on each side of a match in a fragment, before cutting at a word boundary
LEAD_CHARACTERS = 240  # length of the opening shown when nothing matched
ELLIPSIS = "…"
_SPACE = re.compile(r"\s")


class QueryTerms(frozenset):
    """The index terms a query looks for, and the beginnings of words its `word*` prefixes look for."""

    prefixes: tuple[str, ...] = ()

    def __new__(cls, found=(), prefixes=()):
        self = super().__new__(cls, found)
        self.prefixes = tuple(sorted(prefixes))
        return self


class Hit(NamedTuple):
    start: int
    end: int
    stem: str  # which query word it is, for choosing fragments with the most distinct words


def _matches_word(word, query_terms: frozenset[str]) -> bool:
    prefixes = getattr(query_terms, "prefixes", ())
    if prefixes and (word.surface.startswith(prefixes) or fold(word.surface).startswith(prefixes)):
        return True
    return not query_terms.isdisjoint(terms(word))


def _screen_keys(query_terms: frozenset[str]) -> tuple[str, ...]:
    return _keys_of(query_terms, getattr(query_terms, "prefixes", ()))


@lru_cache(maxsize=1024)  # asked for every hit's title and text with the same terms
def _keys_of(query_terms: frozenset[str], prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Substrings every matching piece of text contains: the first letters of each term, folded.

    Two letters are left off a stem (an ending may change them: `ağız` → `ağzı`, `əməkdaşlıq` → `əməkdaşlığı`)."""
    keys = set()
    for term in (*query_terms, *prefixes):
        bare = fold(term.lstrip("=~"))
        keys.add(bare[: max(2, min(4, len(bare) - 2))])
    return tuple(sorted(key for key in keys if key))


@cache
def _letters() -> dict[str, str]:
    """Each folded letter and every character that folds to it (capitals, Azerbaijani letters, look-alikes,
    Azerbaijani Cyrillic): what a screening pattern accepts for it."""
    found: dict[str, set[str]] = {}
    for code in [*range(0x30, 0x2B0), *range(0x400, 0x530)]:  # Latin with IPA (ə), Cyrillic
        char = chr(code)
        folded = fold(to_latin(normalize_letters(az_lower(char))))
        if len(folded) == 1:
            found.setdefault(folded, {folded}).add(char)
    return {letter: "".join(sorted(chars)) for letter, chars in found.items()}


@lru_cache(maxsize=1024)  # the same query's keys screen every hit's title and text
def _screen(keys: tuple[str, ...]) -> re.Pattern:
    """One pattern for every key, in any case and with or without diacritics, searched over the whole text."""
    def letter(char: str) -> str:
        return "[" + re.escape(_letters().get(char, char + char.upper())) + "]"
    return re.compile("|".join("".join(letter(char) for char in key) for key in keys))


def _piece_at(text: str, position: int) -> tuple[int, int]:
    """The whitespace-delimited piece of text around `position`."""
    start = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    space = _SPACE.search(text, position)
    return start, space.start() if space else len(text)


def hits(text: str, query_terms: frozenset[str], lang: str | None = None) -> list[Hit]:
    """Every matching word of `text` (in language `lang`, Azerbaijani by default), in order."""
    keys = _screen_keys(query_terms)
    if not keys:
        return []
    analysed: dict[str, list] = {}
    found, previous = [], -1
    for candidate in _screen(keys).finditer(text):
        start, end = _piece_at(text, candidate.start())
        if start == previous:  # several keys in one piece
            continue
        previous, piece = start, text[start:end]
        if piece not in analysed:
            analysed[piece] = [word for word in words(piece, lang or AZERBAIJANI) if _matches_word(word, query_terms)]
        found += [Hit(start + word.start, start + word.end, word.stem) for word in analysed[piece]]
    return found


def highlight(text: str, query_terms: frozenset[str], lang: str | None = None) -> Markup:
    """The whole text, escaped, with every match wrapped in `<mark>`."""
    return _marked(text, 0, len(text), hits(text, query_terms, lang))


def snippet(text: str, query_terms: frozenset[str], fragments: int = 3, lang: str | None = None) -> Markup:
    """Up to `fragments` pieces of the text around matches: first those that add query words not shown yet,
    then those with the most matches; in text order, cut at word boundaries, `…` where text is left out."""
    found = hits(text, query_terms, lang)
    if not found:
        return _lead(text)
    windows = _best_windows(text, found, fragments)
    pieces = [_marked(text, start, end, found) for start, end in windows]
    opening = ELLIPSIS + " " if text[: windows[0][0]].strip() else ""
    closing = " " + ELLIPSIS if text[windows[-1][1] :].strip() else ""
    return Markup(opening) + Markup(" " + ELLIPSIS + " ").join(pieces) + Markup(closing)


def _window(text: str, hit: Hit) -> tuple[int, int]:
    """The text around a hit, cut inwards at whitespace so that no word is split."""
    start, end = max(0, hit.start - CONTEXT_CHARACTERS), min(len(text), hit.end + CONTEXT_CHARACTERS)
    if start > 0:
        space = _SPACE.search(text, start, hit.start)
        start = space.end() if space else hit.start
    if end < len(text):
        end = max(hit.end, *(text.rfind(char, hit.end, end) for char in " \n\t"))
    return start, end


def _best_windows(text: str, found: list[Hit], fragments: int) -> list[tuple[int, int]]:
    starts = [hit.start for hit in found]
    candidates = []
    for hit in found:
        start, end = _window(text, hit)
        inside = found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        candidates.append((start, end, {h.stem for h in inside}, len(inside)))
    chosen, seen = [], set()
    while candidates and len(chosen) < fragments:
        best = max(candidates, key=lambda c: (len(c[2] - seen), c[3], -c[0]))
        chosen.append(best)
        seen |= best[2]
        candidates = [c for c in candidates if c[1] <= best[0] or c[0] >= best[1]]
    return sorted((start, end) for start, end, _, _ in chosen)


def _marked(text: str, start: int, end: int, found: list[Hit]) -> Markup:
    out, position = [], start  # plain strings, each escaped, made Markup once: a Markup per piece cost a third
    first = bisect.bisect_left(found, (start,))
    for hit in found[first:]:
        if hit.end > end:
            break
        out += (str(escape(text[position : hit.start])), "<mark>", str(escape(text[hit.start : hit.end])), "</mark>")
        position = hit.end
    out.append(str(escape(text[position:end])))
    return Markup("".join(out))


def _lead(text: str) -> Markup:
    """The opening of the text, cut at a word boundary."""
    if len(text) <= LEAD_CHARACTERS:
        return escape(text)
    cut = text.rfind(" ", 0, LEAD_CHARACTERS)
    return escape(text[: cut if cut > 0 else LEAD_CHARACTERS]) + Markup(" " + ELLIPSIS)
