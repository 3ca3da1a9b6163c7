"""Write `bench/queries.tsv`: the fixed benchmark queries, sampled from the scale corpus's own words.

    python bench/make_queries.py [--size 10000] [--seed 7]

Words are drawn by document-frequency band (common: in over 5% of documents, middle: 0.5-5%, rare: under 0.5%),
multi-word queries and phrases from runs of words of one real paragraph, filters from the years and partners the
extractor found. Run once; the file is committed so every benchmark run asks the same questions.
"""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter

from workload import QUERIES, Query, documents

from indexer.analysis import az_lower, fold

WORD = re.compile(r"[^\W\d_]{3,}")
KINDS = {  # kind → how many queries of it
    "one_word": 45,
    "multi_word": 40,
    "phrase": 25,
    "or": 10,
    "filtered": 25,
    "empty_filtered": 20,
    "prefix": 20,
    "misspelled": 20,
    "diacritic_free": 20,
}
AZ_LETTERS = set("əıöüğşç")


class Sampler:
    def __init__(self, docs, rng: random.Random):
        self.docs, self.rng = docs, rng
        df = Counter(word for doc in docs for word in {az_lower(w) for w in WORD.findall(doc.title + " " + doc.body)})
        n = len(docs)
        self.bands = {
            "common": sorted(w for w, c in df.items() if c > 0.05 * n),
            "middle": sorted(w for w, c in df.items() if 0.005 * n < c <= 0.05 * n),
            "rare": sorted(w for w, c in df.items() if 2 <= c <= 0.005 * n),
        }
        self.years = sorted({y for doc in docs for y in doc.years if 2000 <= y <= 2026})
        partner_df = Counter(p for doc in docs for p in doc.partners)
        self.partners = [p for p, _ in partner_df.most_common(25)]

    def word(self, band: str | None = None, min_len: int = 3) -> str:
        band = band or self.rng.choice(["common", "middle", "middle", "rare"])
        while True:
            word = self.rng.choice(self.bands[band])
            if len(word) >= min_len:
                return word

    def run(self, length: int) -> list[str]:
        """`length` consecutive words of one paragraph of a random document."""
        while True:
            doc = self.rng.choice(self.docs)
            paragraph = self.rng.choice(doc.body.split("\n\n"))
            found = [az_lower(w) for w in WORD.findall(paragraph)]
            if len(found) >= length:
                start = self.rng.randrange(len(found) - length + 1)
                return found[start : start + length]

    def filters(self) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """One or two years, one or two partners, or both."""
        shape = self.rng.choice(["year", "years", "partner", "partners", "both"])
        years = tuple(sorted(self.rng.sample(self.years, 2 if shape == "years" else 1))) if shape in ("year", "years", "both") else ()
        partners = tuple(self.rng.sample(self.partners, 2 if shape == "partners" else 1)) if shape in ("partner", "partners", "both") else ()
        return years, partners


def misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    edit = rng.choice(["swap", "drop", "double", "replace"])
    if edit == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if edit == "drop":
        return word[:i] + word[i + 1 :]
    if edit == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiloprstu") + word[i + 1 :]


def make(kind: str, s: Sampler) -> Query:
    rng = s.rng
    if kind == "one_word":
        return Query(kind, s.word(), (), ())
    if kind == "multi_word":
        return Query(kind, " ".join(s.run(rng.randint(2, 4))), (), ())
    if kind == "phrase":
        return Query(kind, '"' + " ".join(s.run(rng.randint(2, 3))) + '"', (), ())
    if kind == "or":
        return Query(kind, f"{s.word('middle')} OR {s.word('rare')}", (), ())
    if kind == "filtered":
        years, partners = s.filters()
        return Query(kind, " ".join(s.run(rng.randint(1, 2))), years, partners)
    if kind == "empty_filtered":
        years, partners = s.filters()
        return Query(kind, "", years, partners)
    if kind == "prefix":
        word = s.word(rng.choice(["common", "middle"]), min_len=6)
        return Query(kind, word[: rng.randint(3, 5)] + "*", (), ())
    if kind == "misspelled":
        return Query(kind, misspell(s.word(rng.choice(["common", "middle"]), min_len=6), rng), (), ())
    if kind == "diacritic_free":
        while True:
            words = s.run(rng.randint(1, 2))
            if any(AZ_LETTERS & set(w) for w in words):
                return Query(kind, " ".join(fold(w) for w in words), (), ())
    raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000, help="scale corpus whose words are sampled")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sampler = Sampler(documents(args.size), random.Random(args.seed))
    queries = [make(kind, sampler) for kind, count in KINDS.items() for _ in range(count)]
    with open(QUERIES, "w", encoding="utf-8") as out:
        out.write("kind\tquery\tyears\tpartners\n")
        for query in queries:
            years = "|".join(map(str, query.years))
            out.write(f"{query.kind}\t{query.q}\t{years}\t{'|'.join(query.partners)}\n")
    print(f"{len(queries)} queries → {QUERIES.relative_to(QUERIES.parent.parent)}")


if __name__ == "__main__":
    main()
