"""From a user's query to a Whoosh query: every word looked up in all its forms, in the title and the body."""
from whoosh.query import And, NullQuery, Or, Query, Term

from indexer.analysis import Word, query_variants, words

FIELDS = ("title", "body")


def query_words(text: str) -> list[Word]:
    """The words a query searches for. Stop words are left out unless the query holds nothing else."""
    found = words(text)
    content = [word for word in found if not word.stop]
    return content or found


def word_query(word: Word) -> Query:
    """Documents with any form of `word`; exact forms weigh more than stems, stems more than folded forms."""
    return Or([Term(field, term, boost=weight) for field in FIELDS for term, weight in query_variants(word)])


def build_query(text: str) -> Query | None:
    """Every word must match; None for a query with no words (which lists documents instead)."""
    searched = query_words(text)
    if not searched:
        return None
    return And([word_query(word) for word in searched]) if len(searched) > 1 else word_query(searched[0])


def matched_terms(text: str) -> frozenset[str]:
    """Every index term the query looks for: what the highlighter marks."""
    return frozenset(term for word in query_words(text) for term, _ in query_variants(word))


__all__ = ["NullQuery", "build_query", "matched_terms", "query_words"]
