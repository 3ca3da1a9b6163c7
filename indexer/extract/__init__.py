"""The facts the index stores about a document besides its words: publication date, years, partners."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from indexer.document import Document
from indexer.extract.dates import mentioned_years, publication_date
from indexer.extract.partners import Partner, PartnerCatalog

__all__ = ["Facts", "Partner", "PartnerCatalog", "extract"]


@dataclass(frozen=True)
class Facts:
    date: datetime.date | None  # publication date
    years: tuple[int, ...]  # sorted, unique: date.year plus the years the text speaks of
    partners: tuple[str, ...]  # display names, sorted


def extract(doc: Document, catalog: PartnerCatalog, today: datetime.date | None = None) -> Facts:
    today = today or datetime.date.today()
    text = f"{doc.title}\n\n{doc.text}"
    date = doc.date or publication_date(doc.text, today)
    years = mentioned_years(text, today) | ({date.year} if date else set())
    return Facts(date, tuple(sorted(years)), tuple(sorted(_partner_names(doc, text, catalog))))


def _partner_names(doc: Document, text: str, catalog: PartnerCatalog) -> set[str]:
    """Partners named in the text, plus those the metadata lists by hand; a name the catalog lacks is kept as given."""
    names = {partner.name for partner in catalog.find(text)}
    for given in doc.partners:
        partner = catalog.resolve(given)
        if partner is not None:
            names.add(partner.name)
        elif given.strip() and not catalog.is_home(given):
            names.add(given.strip())
    return names
