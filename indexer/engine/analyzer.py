"""The bridge from `indexer.analysis` to Whoosh: one tokenizer that yields the stacked terms of each word.

Whoosh pickles the analyzer into the index, so this is a plain module-level class with no state.
"""
from whoosh.analysis import Token, Tokenizer

from indexer.analysis import terms, words


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
