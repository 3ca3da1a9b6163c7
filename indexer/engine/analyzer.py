"""The bridge from `indexer.analysis` to Whoosh: a text field that indexes each word's stacked terms.

Whoosh pickles fields and analyzers into the index, so these are plain module-level classes with no state.
Documents arrive as ready postings (`postings()`, computed in a worker process during a build), because
analysing and encoding them is most of what the writer's single process would otherwise do; the tokenizer
is there for anything in Whoosh that analyses a string itself.
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
    it ran once per posting, a sixth of the CPU of preparing a document."""
    if len(positions) == 1:
        return _one_position(positions[0])
    return _COUNT(len(positions)) + dumps([b - a for a, b in zip([0, *positions], positions)], 2)


@lru_cache(maxsize=65_536)  # most terms occur once in a document, at one of a few thousand positions
def _one_position(position: int) -> bytes:
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
    """A TEXT field that takes either a string or its ready `postings()`."""

    def __init__(self, **kwargs):
        super().__init__(analyzer=AzerbaijaniTokenizer(), phrase=True, **kwargs)

    def index(self, value, **kwargs):
        return iter(postings(value, self.format.field_boost) if isinstance(value, str) else value)
