"""The bridge from `indexer.analysis` to Whoosh: a text field that indexes each word's stacked terms.

Whoosh pickles fields and analyzers into the index, so these are plain module-level classes with no state.
Documents arrive already analysed (`indexer.analysis.term_positions`, possibly in a worker process); the
tokenizer is there for anything in Whoosh that analyses a string itself.
"""
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import TEXT

from indexer.analysis import term_positions, terms, words


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
    """A TEXT field that takes either a string or its `term_positions` (a dict of term → positions)."""

    def __init__(self, **kwargs):
        super().__init__(analyzer=AzerbaijaniTokenizer(), phrase=True, **kwargs)

    def index(self, value, **kwargs):
        positions = term_positions(value) if isinstance(value, str) else value
        boost = self.format.field_boost
        for term, poslist in positions.items():
            yield term.encode("utf-8"), len(poslist), len(poslist) * boost, self.format.encode(poslist)
