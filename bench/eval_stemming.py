"""Stemmers compared on the gold standard (tests/data/stem_gold.tsv, stem_apart.tsv); prints a Markdown table.

    .venv/bin/python bench/eval_stemming.py

Recall: pairs of forms of one class that share a stem / all such pairs. Precision: pairs of words sharing
a stem that belong to one class / all pairs sharing a stem, over the gold words and the apart-pair words.
UI and OI are Paice's understemming index (1 - recall) and overstemming index (wrong merges / all pairs
of words of different classes). Fold: share of gold words with fold(stem(w)) == fold(stem(fold(w))).
"""
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import snowballstemmer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indexer.analysis import stemmer as our_stemmer  # noqa: E402
from indexer.analysis.folding import fold  # noqa: E402

DATA = REPO / "tests" / "data"


def rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def gold_classes() -> dict[str, str]:
    """word → its lemma class."""
    return {form: lemma for lemma, forms in rows("stem_gold.tsv") for form in forms.split()}


def apart_pairs() -> list[tuple[str, str]]:
    return [(first, second) for first, second in rows("stem_apart.tsv")]


def recall(stem, classes: dict[str, str]) -> float:
    members: dict[str, list[str]] = {}
    for word, lemma in classes.items():
        members.setdefault(lemma, []).append(word)
    pairs = [pair for words in members.values() for pair in combinations(words, 2)]
    return sum(stem(a) == stem(b) for a, b in pairs) / len(pairs)


def merged_pairs(stem, words: list[str], label: dict[str, str]) -> tuple[int, int]:
    """(pairs sharing a stem, of which right) — counted per stem group, not pair by pair."""
    groups: dict[str, Counter] = {}
    for word in words:
        groups.setdefault(stem(word), Counter())[label[word]] += 1
    shared = sum(_pairs(sum(labels.values())) for labels in groups.values())
    right = sum(_pairs(count) for labels in groups.values() for count in labels.values())
    return shared, right


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def precision_and_oi(stem, classes: dict[str, str], apart: list[tuple[str, str]]) -> tuple[float, float]:
    label = dict(classes)
    for word in {word for pair in apart for word in pair} - set(classes):
        label[word] = "=" + word  # a word outside the gold is a class of its own
    words = sorted(label)
    shared, right = merged_pairs(stem, words, label)
    sizes = Counter(label.values())
    different = _pairs(len(words)) - sum(_pairs(n) for n in sizes.values())
    return (right / shared if shared else 1.0), (shared - right) / different  # no merges: nothing wrong


def apart_violations(stem, apart: list[tuple[str, str]]) -> int:
    return sum(stem(a) == stem(b) for a, b in apart)


def fold_commutation(stem, classes: dict[str, str]) -> float:
    return sum(fold(stem(w)) == fold(stem(fold(w))) for w in classes) / len(classes)


def azstemmer_or_reason():
    try:
        from azstemmer import AzStemmer

        return AzStemmer().stem
    except Exception as error:  # any import or data-loading failure: the table says why
        return f"unavailable: {type(error).__name__}: {error}"


def without_stem_lists(words: list[str]):
    """Ours with the corpus-generated stem lists emptied: what the rules and hand-made lists do alone."""
    lexicon = dict(our_stemmer._lexicon())
    lexicon["stems"] = lexicon["stems folded"] = frozenset(our_stemmer._vowel_drop().values())
    cached = our_stemmer._lexicon
    our_stemmer._lexicon = lambda: lexicon
    try:
        stems = {word: our_stemmer._stem(word) for word in set(words) | {fold(word) for word in words}}
    finally:
        our_stemmer._lexicon = cached
    return stems.__getitem__


def stemmers(words: list[str]) -> dict[str, object]:
    turkish = snowballstemmer.stemmer("turkish")
    return {
        "no stemming": lambda word: word,
        "truncation at 5": lambda word: word[:5],
        "Snowball Turkish": turkish.stemWord,
        "azstemmer 0.1.0 (PyPI)": azstemmer_or_reason(),
        "ours (AzerbaijaniStemmer)": our_stemmer.AzerbaijaniStemmer().stemWord,
        "ours without the corpus stem lists": without_stem_lists(words),
    }


def table() -> str:
    classes, apart = gold_classes(), apart_pairs()
    lines = [
        f"Gold: {len(set(classes.values()))} classes, {len(classes)} words; {len(apart)} apart pairs.",
        "",
        "| stemmer | recall | precision | UI | OI | apart violations | fold commutation |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    words = list(classes) + [word for pair in apart for word in pair]
    for name, stem in stemmers(words).items():
        if isinstance(stem, str):
            lines.append(f"| {name} | {stem} | | | | | |")
            continue
        rec = recall(stem, classes)
        prec, oi = precision_and_oi(stem, classes, apart)
        commutes = fold_commutation(stem, classes)
        violations = apart_violations(stem, apart)
        lines.append(f"| {name} | {rec:.3f} | {prec:.3f} | {1 - rec:.3f} | {oi:.5f} | {violations} | {commutes:.3f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
