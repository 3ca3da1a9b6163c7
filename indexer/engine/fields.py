"""What the index holds for one document, ready for `writer.add_document(**fields)`."""
from indexer.document import Document
from indexer.extract import Facts


def document_fields(doc: Document, facts: Facts, source: str) -> dict:
    """The fields of one document: its texts (analysed by the writer, in `lang`) and what was found in it."""
    return {
        "id": doc.id,
        "source": source,
        "title": doc.title,
        "body": doc.text,
        "year": " ".join(str(year) for year in facts.years),
        "partner": ",".join(facts.partners),
        "day": int(facts.date.strftime("%Y%m%d")) if facts.date else 0,
        "text": doc.text,
        "url": doc.url,
        "date": facts.date.isoformat() if facts.date else None,
        "years": list(facts.years),
        "partners": list(facts.partners),
        "links": list(doc.links),
        "lang": doc.lang,
    }
