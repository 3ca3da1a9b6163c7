"""Precision and recall of extracted years and partners, and dateline accuracy, on the labelled documents
(tests/data/labelled/*.md); prints a Markdown table, then every miss.

    .venv/bin/python bench/eval_extraction.py

Each labelled file holds YAML front matter with `title`, `expected_years`, `expected_partners` and, when
the text carries a dateline, `expected_date`; the body is the document text. Precision and recall are
micro-averaged: counted over all (document, year) and (document, partner) pairs.
"""
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indexer.document import Document  # noqa: E402
from indexer.extract import PartnerCatalog, extract  # noqa: E402

LABELLED = REPO / "tests" / "data" / "labelled"
TODAY = datetime.date(2026, 11, 22)  # fixed, so that "next year" does not move under the labels


@dataclass(frozen=True)
class Labelled:
    name: str
    document: Document
    date: datetime.date | None
    years: frozenset[int]
    partners: frozenset[str]


@dataclass
class Score:
    right: int = 0
    extra: int = 0
    missed: int = 0

    def add(self, found: set, expected: frozenset) -> None:
        self.right += len(found & expected)
        self.extra += len(found - expected)
        self.missed += len(expected - found)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.extra) if self.right + self.extra else 1.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 1.0


def read(path: Path) -> Labelled:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    document = Document(id=path.stem, title=meta.get("title", ""), text=body.strip())
    return Labelled(
        path.name,
        document,
        meta.get("expected_date"),
        frozenset(meta["expected_years"]),
        frozenset(meta["expected_partners"]),
    )


def evaluate(directory: Path = LABELLED) -> tuple[dict[str, Score], list[str]]:
    """Scores of years, partners and dates over the labelled set, and a line for every miss."""
    catalog = PartnerCatalog.load()
    scores = {"years": Score(), "partners": Score(), "dates": Score()}
    misses = []
    for labelled in map(read, sorted(directory.glob("*.md"))):
        facts = extract(labelled.document, catalog, TODAY)
        found = {"years": set(facts.years), "partners": set(facts.partners), "dates": {facts.date} - {None}}
        expected = {"years": labelled.years, "partners": labelled.partners, "dates": frozenset({labelled.date} - {None})}
        for key, score in scores.items():
            score.add(found[key], expected[key])
            if found[key] != expected[key]:
                misses.append(f"{labelled.name}: {key} found {sorted(found[key])}, expected {sorted(expected[key])}")
    return scores, misses


def main() -> None:
    scores, misses = evaluate()
    documents = len(list(LABELLED.glob("*.md")))
    print(f"{documents} labelled documents\n")
    print("| facet | precision | recall | right | extra | missed |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for key, score in scores.items():
        print(f"| {key} | {score.precision:.3f} | {score.recall:.3f} | {score.right} | {score.extra} | {score.missed} |")
    if misses:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
