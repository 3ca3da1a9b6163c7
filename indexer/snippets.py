"""Highlighted, escaped HTML from a document's text: only our `<mark>` tags are markup.

A word is marked when any of its index terms is one the query looks for, so every inflected, folded or
transliterated form that matched is marked, in the original text.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from indexer.analysis import Word, terms, words

CONTEXT_WORDS = 12  # words shown on each side of a match in a fragment
LEAD_CHARACTERS = 240  # length of the opening shown when nothing matched
ELLIPSIS = "…"


def matches(text: str, query_terms: frozenset[str]) -> list[Word]:
    return [word for word in words(text) if not query_terms.isdisjoint(terms(word))]


def highlight(text: str, query_terms: frozenset[str]) -> Markup:
    """The whole text, escaped, with every match wrapped in `<mark>`."""
    return _marked(text, 0, len(text), matches(text, query_terms))


def snippet(text: str, query_terms: frozenset[str], fragments: int = 3) -> Markup:
    """Up to `fragments` pieces of the text around matches, those with the most distinct matched words first."""
    all_words = words(text)
    hits = [i for i, word in enumerate(all_words) if not query_terms.isdisjoint(terms(word))]
    if not hits:
        return _lead(text)
    windows = _best_windows(all_words, hits, fragments)
    pieces = []
    for first, last in windows:
        start, end = all_words[first].start, all_words[last].end
        marked = [all_words[i] for i in hits if first <= i <= last]
        pieces.append(_marked(text, start, end, marked))
    opening = ELLIPSIS + " " if windows[0][0] > 0 else ""
    closing = " " + ELLIPSIS if windows[-1][1] < len(all_words) - 1 else ""
    return Markup(opening) + Markup(" " + ELLIPSIS + " ").join(pieces) + Markup(closing)


def _best_windows(all_words: list[Word], hits: list[int], fragments: int) -> list[tuple[int, int]]:
    """Windows of words around hits, chosen greedily for the stems they add; returned in text order."""
    candidates = []
    for hit in hits:
        first, last = max(0, hit - CONTEXT_WORDS), min(len(all_words) - 1, hit + CONTEXT_WORDS)
        stems = {all_words[i].stem for i in hits if first <= i <= last}
        candidates.append((first, last, stems))
    chosen, seen = [], set()
    while candidates and len(chosen) < fragments:
        best = max(candidates, key=lambda c: (len(c[2] - seen), -c[0]))
        if chosen and not best[2] - seen:
            break
        chosen.append(best)
        seen |= best[2]
        candidates = [c for c in candidates if c[1] < best[0] or c[0] > best[1]]
    return sorted((first, last) for first, last, _ in chosen)


def _marked(text: str, start: int, end: int, marked: list[Word]) -> Markup:
    out, position = [], start
    for word in marked:
        if word.start < start or word.end > end:
            continue
        out.append(escape(text[position:word.start]))
        out.append(Markup("<mark>%s</mark>") % text[word.start:word.end])
        position = word.end
    out.append(escape(text[position:end]))
    return Markup("").join(out)


def _lead(text: str) -> Markup:
    """The opening of the text, cut at a word boundary."""
    if len(text) <= LEAD_CHARACTERS:
        return escape(text)
    cut = text.rfind(" ", 0, LEAD_CHARACTERS)
    return escape(text[: cut if cut > 0 else LEAD_CHARACTERS]) + Markup(" " + ELLIPSIS)
