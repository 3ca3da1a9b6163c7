"""Azerbaijani alphabetical order, for lists people read (code-point order puts `Çin` after `Türkiyə`)."""
from functools import lru_cache

from .casefold import az_lower

ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}


@lru_cache(maxsize=10_000)  # facets sort the same partner names on every request
def sort_key(text: str) -> tuple[int, ...]:
    """A key that sorts Azerbaijani text alphabetically; other characters come after the letters."""
    return tuple(_RANK.get(ch, len(ALPHABET) + ord(ch)) for ch in az_lower(text))
