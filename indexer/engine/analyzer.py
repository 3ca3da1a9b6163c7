"""The bridge from `indexer.analysis` to Whoosh: a text field that indexes each word's stacked terms.

Whoosh pickles fields and analyzers into the index, so these are plain module-level classes with no state.
`postings()` is what Whoosh's writer indexes for a text; the tokenizer is there for anything in Whoosh that
analyses a string itself.
"""
from functools import lru_cache
from pickle import dumps
from struct import Struct

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import TEXT

from indexer.analysis import term_positions, terms, words
from indexer.analysis.languages import AZERBAIJANI

Posting = tuple[bytes, int, float, bytes]  # term, frequency, weight, encoded positions: what Whoosh's writer adds
_COUNT = Struct("!I").pack  # Whoosh's `pack_uint`


def postings(text: str, field_boost: float = 1.0, lang: str | None = None) -> list[Posting]:
    """The postings of `text` (in language `lang`, Azerbaijani by default) for a StackedText field with this boost."""
    return [
        (term.encode("utf-8"), len(positions), len(positions) * field_boost, encode_positions(positions))
        for term, positions in term_positions(text, lang or AZERBAIJANI).items()
    ]


def encode_positions(positions: list[int]) -> bytes:
    """The bytes Whoosh's `formats.Positions.encode` gives (a count, then a pickle of the gaps), made faster:
    it runs once per posting."""
    if len(positions) == 1:
        return encode_position(positions[0])
    return encode_gaps([b - a for a, b in zip([0, *positions], positions)])


def encode_gaps(gaps: list[int]) -> bytes:
    """`encode_positions` of the positions whose gaps (the first one from 0) these are."""
    return _COUNT(len(gaps)) + dumps(gaps, 2)


@lru_cache(maxsize=65_536)  # most terms occur once in a document, at one of a few thousand positions
def encode_position(position: int) -> bytes:
    """`encode_positions` of one position."""
    return _COUNT(1) + dumps([position], 2)


class AzerbaijaniTokenizer(Tokenizer):
    """Every word's stem, exact form and folded stem, all at the word's position."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, word in enumerate(words(value), start_pos):
            for term in terms(word):
                token.text = term
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = position
                if chars:
                    token.startchar = start_char + word.start
                    token.endchar = start_char + word.end
                yield token


class StackedText(TEXT):
    """A TEXT field of stacked terms. Our segment writer indexes its texts through `TextPostings`; Whoosh's own
    writer, and its merges, through `index`."""

    def __init__(self, **kwargs):
        super().__init__(analyzer=AzerbaijaniTokenizer(), phrase=True, **kwargs)

    def index(self, value, **kwargs):
        return iter(postings(value, self.format.field_boost))
