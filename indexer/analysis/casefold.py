"""Azerbaijani case folding: `İ`→`i`, `I`→`ı`, then Unicode lower case, in NFC.

Python's `str.lower()` maps `I` to `i` and `İ` to `i̇` (with a combining dot), which breaks every
Azerbaijani word with a dotted or dotless capital.
"""
import unicodedata

_TURKIC_CAPITALS = str.maketrans({"İ": "i", "I": "ı"})


def az_lower(text: str) -> str:
    """Lower-case `text` the Azerbaijani way and return it in NFC."""
    return unicodedata.normalize("NFC", text).translate(_TURKIC_CAPITALS).lower()
