"""Splitting text into words, with their character offsets in the original text.

A word may hold hyphens or apostrophes. An ending written after one (`BMT-nin`, `COP29-un`, `Bakı'nın`,
`2022-ci`) belongs to the word before it and is dropped; any other part (`vitse-prezident`, `İƏT-OA`) is a
word of its own, so `İƏT OA` and `İƏT-OA` are the same two words.
"""
import re
from functools import cache
from pathlib import Path
from typing import Iterator, NamedTuple

from .casefold import az_lower

# Letters and digits, with the combining marks NFC may leave behind, joined by hyphens or apostrophes.
# Possessive quantifiers (no backtracking into a run of letters) make this twice as fast as plain ones.
_CHARS = r"(?:[^\W_]++|[\u0300-\u036f]++)++"
_JOINER = r"[-'’ʼ‘`´‐‑]"
TOKEN = re.compile(rf"{_CHARS}(?:{_JOINER}{_CHARS})*+")
_JOINER_SPLIT = re.compile(rf"({_JOINER})")


class Span(NamedTuple):
    """A piece of the original text that is one word: `text[start:end]`, without dropped endings."""

    text: str
    start: int
    end: int


@cache
def joined_suffixes() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "joined_suffixes.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def spans(text: str) -> Iterator[Span]:
    """The words of `text` in order. Endings after a joiner are kept in the span's text but not as words."""
    for match in TOKEN.finditer(text):
        token = match.group()
        if _JOINER_SPLIT.search(token):
            yield from _split_joined(token, match.start())
        else:
            yield Span(token, match.start(), match.end())


def _split_joined(token: str, offset: int) -> Iterator[Span]:
    parts = _JOINER_SPLIT.split(token)  # word, joiner, word, joiner, word ...
    word, start = parts[0], offset
    position = offset + len(parts[0])
    for joiner, part in zip(parts[1::2], parts[2::2]):
        if az_lower(part) in joined_suffixes():
            word += joiner + part  # the ending stays inside the highlighted span
        else:
            yield Span(word, start, start + len(word))
            word, start = part, position + len(joiner)
        position += len(joiner) + len(part)
    yield Span(word, start, start + len(word))


def base(token: str) -> str:
    """The word a token stands for: `BMT-nin` → `BMT`."""
    return _JOINER_SPLIT.split(token, maxsplit=1)[0]


def without_joiners(token: str) -> str:
    """The token as one word: `Bakı'nın` → `Bakının`, the form a user types."""
    return "".join(_JOINER_SPLIT.split(token)[::2])
