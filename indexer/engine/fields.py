"""What the index holds for one document. Plain, picklable data: it can be prepared in a worker process."""
from indexer.document import Document
from indexer.extract import Facts

from .analyzer import postings
from .schema import TITLE_BOOST


def document_fields(doc: Document, facts: Facts, source: str) -> dict:
    """The fields of one document, its text already analysed and encoded, ready for `writer.add_document(**fields)`."""
    return {
        "id": doc.id,
        "source": source,
        "title": postings(doc.title, TITLE_BOOST, doc.lang),
        "body": postings(doc.text, lang=doc.lang),
        "year": " ".join(str(year) for year in facts.years),
        "partner": ",".join(facts.partners),
        "day": int(facts.date.strftime("%Y%m%d")) if facts.date else 0,
        "_stored_title": doc.title,
        "text": doc.text,
        "url": doc.url,
        "date": facts.date.isoformat() if facts.date else None,
        "years": list(facts.years),
        "partners": list(facts.partners),
        "links": list(doc.links),
        "lang": doc.lang,
    }
