"""Stop words: indexed, so that phrases containing them match, but dropped from ranked word queries."""
from functools import cache
from pathlib import Path


@cache
def stop_words() -> frozenset[str]:
    lines = (Path(__file__).parent / "data" / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_stop_word(word: str) -> bool:
    """`word` is case-folded."""
    return word in stop_words()
