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
_JOINERS = "-'’ʼ‘`´‐‑"
_JOINER = rf"[{re.escape(_JOINERS)}]"
TOKEN = re.compile(rf"{_CHARS}(?:{_JOINER}{_CHARS})*+")
_JOINER_SPLIT = re.compile(rf"({_JOINER})")
_TOKEN_CHAR = re.compile(r"[^\W_]|[\u0300-\u036f]")  # what `_CHARS` is made of (`ʼ` is a letter and a joiner)


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


def capitalised(text: str) -> Iterator[tuple[int, str]]:
    """The words of `text` that begin with a capital letter (`str.isupper`), as `spans` splits it, without splitting
    the rest: the offset of each, and its token from there on (`token_from`)."""
    for match in _capital().finditer(text):
        start = match.start()
        if not text[start].isupper():
            continue  # beyond the BMP, where the pattern takes every character
        if start and text[start - 1] in _JOINERS:
            rest = token_from(text, start)  # perhaps an ending the word before keeps: `BMT-NİN`
        else:
            token = TOKEN.match(text, start)  # nothing of a word before: a token begins here, if this is a letter
            rest = token and token.group()
        if rest:
            yield start, rest


@cache
def _capital() -> re.Pattern:
    """A capital letter where a word may begin: not after a letter, digit or combining mark, unless after a joiner.

    The class holds the capitals of the BMP and every character beyond it: the scan is fast only with a class
    the regular expression engine keeps as a table, which it does for the BMP alone; `capitalised` checks the rest.
    """
    capitals = "".join(re.escape(ch) for ch in map(chr, range(0x10000)) if ch.isupper())
    return re.compile(rf"[{capitals}\U00010000-\U0010ffff](?:(?<={_JOINER}.)|(?<![^\W_].)(?<![\u0300-\u036f].))")


def token_from(text: str, start: int) -> str | None:
    """The token `spans(text)` reads at `start`, from `start` on, when a word begins there; None when none does
    (inside a run of letters, or at an ending the word before keeps: `BMT-NİN`).

    Its words are the words of `text` from `start` to the end of that token, so a caller that looks at the words
    after a few places only (a capital letter) need not split the whole text.
    """
    match = TOKEN.match(text, start)
    if match is None:
        return None
    if start and text[start - 1] in _JOINERS:
        in_a_token = _TOKEN_CHAR.match(text, start - 1) or (start > 1 and _TOKEN_CHAR.match(text, start - 2))
        if in_a_token and az_lower(base(match.group())) in joined_suffixes():
            return None  # an ending the word before keeps: `BMT-NİN`
    elif start and _TOKEN_CHAR.match(text, start - 1):
        return None  # inside a run of letters
    return match.group()


def base(token: str) -> str:
    """The word a token stands for: `BMT-nin` → `BMT`."""
    return _JOINER_SPLIT.split(token, maxsplit=1)[0]


def without_joiners(token: str) -> str:
    """The token as one word: `Bakı'nın` → `Bakının`, the form a user types."""
    return "".join(_JOINER_SPLIT.split(token)[::2])
