"""From a parsed query (`indexer.querylang`) to what the searcher needs: the set of matching documents (set
arithmetic over cached postings), the weighted terms that rank them and the terms to highlight.

A query word becomes a `Forms` leaf: every index term it looks for, in every field it searches, weighted so
that exact forms rank above stems and stems above folded forms. A phrase becomes an `Adjacent` leaf.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass


from indexer import querylang as ql
from indexer.analysis import EXACT, FOLDED, WEIGHTS, Word, fold, query_variants, words
from indexer.settings import DEFAULTS
from indexer.snippets import QueryTerms

from .docset import DocSet
from .lexicon import TermLookups
from .phrases import adjacent
from .postings import PostingCache

FIELDS = ("title", "body")
_PREFIX_SCAN_LIMIT = 50_000  # terms looked at for one `word*`; only the most frequent are kept


@dataclass(frozen=True)
class Forms:
    """Documents holding any of these (field, term, weight) triples: one query word in all its forms."""

    weighted: tuple[tuple[str, str, float], ...]
    prefix: bool = False  # a `word*`: matched exactly, but not scored (a union of many forms costs too much)


@dataclass(frozen=True)
class Adjacent:
    """A phrase: one slot of (term, weight) pairs per word, matched at consecutive positions of one field;
    `positional` holds, per slot, only the terms whose positions must be read (`_positional`)."""

    fields: tuple[str, ...]
    slots: tuple[tuple[tuple[str, float], ...], ...]
    positional: tuple[tuple[str, ...], ...]


@dataclass
class Context:
    """One searcher's view: its reader for postings, the cached postings, the live documents, the remembered
    term lookups."""

    searcher: object
    postings: PostingCache
    all_docs: DocSet
    lookups: TermLookups

    def term_docs(self, keys) -> DocSet:
        """Documents holding any of the (field, term) keys."""
        return self.postings.docs(self.searcher.reader(), keys)

    def union(self, sets) -> DocSet:
        return DocSet.union(self.postings.size, sets)

    def intersection(self, sets) -> DocSet:
        return DocSet.intersection(self.postings.size, sets)


def _fields(node) -> tuple[str, ...]:
    return (node.field,) if node.field else FIELDS


def keeps_stop_words(node: ql.Node | None) -> bool:
    """Stop words count only when the query holds nothing else (no content word, no phrase)."""
    for leaf, _ in ql.words_of(node):
        if isinstance(leaf, ql.Phrase) or leaf.prefix or any(not word.stop for word in words(leaf.text)):
            return False
    return True


def resolve(node: ql.Node | None, ctx: Context, keep_stops: bool) -> ql.Node | None:
    """The tree with words and phrases replaced by their leaves; parts with no words left are dropped."""
    if node is None:
        return None
    if isinstance(node, ql.Word):
        return _prefix_leaf(node, ctx) if node.prefix else _word_leaf(node, keep_stops)
    if isinstance(node, ql.Phrase):
        return _phrase_leaf(node)
    if isinstance(node, ql.Not):
        part = resolve(node.part, ctx, keep_stops)
        return ql.Not(part) if part is not None else None
    parts = [resolve(part, ctx, keep_stops) for part in node.parts]
    return ql.joined(type(node), [part for part in parts if part is not None])


def _word_leaf(node: ql.Word, keep_stops: bool) -> ql.Node | None:
    found = [word for word in words(node.text) if keep_stops or not word.stop]
    leaves = [Forms(tuple((f, term, weight) for f in _fields(node) for term, weight in query_variants(word))) for word in found]
    return ql.joined(ql.And, leaves)


def _phrase_leaf(node: ql.Phrase) -> ql.Node | None:
    found = words(node.text)
    if len(found) < 2:
        return _word_leaf(ql.Word(node.text, node.field), keep_stops=True) if found else None
    return Adjacent(_fields(node), tuple(tuple(query_variants(word)) for word in found), tuple(map(_positional, found)))


def _positional(word: Word) -> tuple[str, ...]:
    """The forms of a phrase word whose positions must be read: an exact form stands only where its stem
    stands, and a stem with Azerbaijani letters only where its folded stem stands (`terms` indexes them
    together), so neither adds a position, and reading positions is most of a phrase's cost."""
    implied = {EXACT + word.surface} | ({word.stem} if word.folded != word.stem else set())
    return tuple(term for term, _ in query_variants(word) if term not in implied)


def _prefix_leaf(node: ql.Word, ctx: Context) -> Forms:
    """`word*`: the most frequent exact forms that begin with the prefix as typed, and the forms and folded
    stems that begin with it without diacritics (`emekdas*` finds `əməkdaşlıq`)."""
    found = words(node.text)
    surface = found[0].surface if found else node.text
    weighted: dict[tuple[str, str], float] = {}
    for f in _fields(node):
        for prefix, weight in ((FOLDED + fold(surface), WEIGHTS["folded"]), (EXACT + fold(surface), WEIGHTS["folded"]),
                               (fold(surface), WEIGHTS["folded"]), (EXACT + surface, WEIGHTS["stem"]),
                               (surface, WEIGHTS["stem"])):  # a form equal to its stem is indexed bare
            weighted.update(((f, term), weight) for term in _expand(ctx, f, prefix))
    return Forms(tuple((f, term, weight) for (f, term), weight in weighted.items()), prefix=True)


def _expand(ctx: Context, field: str, prefix: str) -> list[str]:
    found = ctx.lookups.prefix_terms(ctx.searcher.reader(), field, prefix, _PREFIX_SCAN_LIMIT)
    return [term for _, term in heapq.nlargest(DEFAULTS["PREFIX_TERMS"], found)]


def without_redundant_forms(node: ql.Node | None, ctx: Context) -> ql.Node | None:
    """The tree without the folded forms whose documents all hold a heavier form of the same word in the same
    field: they change nothing that matches, and ranking them costs a third of a query's time.
    Phrases keep every form: a document that holds both forms may hold them at different positions."""
    if isinstance(node, Forms):
        return _lean_forms(node, ctx)
    if isinstance(node, ql.Not):
        return ql.Not(without_redundant_forms(node.part, ctx))
    if isinstance(node, (ql.And, ql.Or)):
        return type(node)(tuple(without_redundant_forms(part, ctx) for part in node.parts))
    return node


def _lean_forms(node: Forms, ctx: Context) -> Forms:
    heavier = {
        field: ctx.term_docs((f, term) for f, term, weight in node.weighted if f == field and weight >= WEIGHTS["stem"])
        for field in {f for f, _, _ in node.weighted}
    }
    reader = ctx.searcher.reader()
    return Forms(tuple(
        (f, term, weight) for f, term, weight in node.weighted
        if weight >= WEIGHTS["stem"] or not heavier[f].mask[ctx.postings.get(reader, f, term).ids].all()
    ), prefix=node.prefix)


def ranking_terms(node: ql.Node | None) -> list[tuple[str, str, float]]:
    """The (field, term, weight) triples that score a matching document: every form of every word and phrase
    the tree looks for, except excluded ones and `word*` prefixes (a union of many forms ranks nothing useful;
    a query of prefixes alone is listed newest first)."""
    if node is None or isinstance(node, ql.Not):
        return []
    if isinstance(node, Forms):
        return [] if node.prefix else list(node.weighted)
    if isinstance(node, Adjacent):
        return [(f, term, weight) for f in node.fields for slot in node.slots for term, weight in slot]
    return [triple for part in node.parts for triple in ranking_terms(part)]


def docs(node: ql.Node, ctx: Context) -> DocSet:
    """The live documents a resolved tree matches."""
    return _docs(node, ctx) & ctx.all_docs


def _docs(node: ql.Node, ctx: Context) -> DocSet:
    if isinstance(node, Forms):
        return ctx.term_docs((f, term) for f, term, _ in node.weighted)
    if isinstance(node, Adjacent):
        return _phrase_docs(node, ctx)
    if isinstance(node, ql.Not):
        return ctx.all_docs - _docs(node.part, ctx)
    if isinstance(node, ql.Or):
        return ctx.union(_docs(part, ctx) for part in node.parts)
    positive = [_docs(part, ctx) for part in node.parts if not isinstance(part, ql.Not)]
    excluded = ctx.union(_docs(part.part, ctx) for part in node.parts if isinstance(part, ql.Not))
    found = ctx.intersection(positive) if positive else ctx.all_docs
    return found - excluded


def _phrase_docs(node: Adjacent, ctx: Context) -> DocSet:
    """Documents with every word of the phrase in one field (postings), then the positions of only those."""
    found = []
    for field in node.fields:
        candidates = ctx.intersection(ctx.term_docs((field, term) for term, _ in slot) for slot in node.slots) & ctx.all_docs
        if candidates:
            found.append(adjacent(ctx.searcher.reader(), ctx.postings, field, list(map(list, node.positional)), candidates))
    return ctx.union(found)


def query_terms(node: ql.Node | None) -> QueryTerms:
    """What the highlighter marks: every form of every searched word, and the beginnings `word*` asks for."""
    keep_stops = keeps_stop_words(node)
    terms, prefixes = set(), set()
    for leaf, excluded in ql.words_of(node):
        if excluded:
            continue
        found = words(leaf.text)
        if isinstance(leaf, ql.Word) and leaf.prefix:
            prefixes.update(p for word in found[:1] for p in (word.surface, fold(word.surface)))
            continue
        keep = keep_stops or isinstance(leaf, ql.Phrase)
        terms.update(term for word in found if keep or not word.stop for term, _ in query_variants(word))
    return QueryTerms(terms, prefixes)


def matched_terms(text: str) -> QueryTerms:
    """The terms the highlighter marks for a query string (the document page's `?q=`)."""
    return query_terms(ql.parse(text))


def unmatched_words(node: ql.Node | None, ctx: Context) -> list[tuple[ql.Word, Word]]:
    """The plain words of a query (not excluded, not `word*`, not stop words) that no document holds in any
    form: the candidates for typo correction, each with its analysis."""
    found = []
    for leaf, excluded in ql.words_of(node):
        if excluded or not isinstance(leaf, ql.Word) or leaf.prefix:
            continue
        analysed = words(leaf.text)
        if len(analysed) == 1 and not analysed[0].stop and not _held(_word_leaf(leaf, keep_stops=True), ctx):
            found.append((leaf, analysed[0]))
    return found


def _held(leaf: Forms, ctx: Context) -> bool:
    """Whether a live document holds any of the word's forms (asked form by form: the first usually answers)."""
    reader, live = ctx.searcher.reader(), ctx.all_docs.mask
    return any(live[ctx.postings.get(reader, f, term).ids].any() for f, term, _ in leaf.weighted)


__all__ = ["Adjacent", "Context", "Forms", "docs", "keeps_stop_words", "matched_terms", "query_terms", "ranking_terms",
           "resolve", "unmatched_words", "without_redundant_forms"]
