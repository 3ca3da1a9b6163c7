"""The index's fields. Text fields hold stacked analysis terms; facets are keyword fields counted from postings."""
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, Schema

from .analyzer import StackedText

TITLE_BOOST = 2.5  # a word in the title says more about the document than one in the body


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        source=ID(stored=True),  # the file a document came from, for incremental builds
        title=StackedText(stored=True, field_boost=TITLE_BOOST),
        body=StackedText(),
        year=KEYWORD(),
        partner=KEYWORD(commas=True),
        day=NUMERIC(int, sortable=True),  # yyyymmdd of the publication date, 0 when unknown
        text=STORED(),
        url=STORED(),
        date=STORED(),
        years=STORED(),
        partners=STORED(),
        links=STORED(),
        lang=STORED(),  # the language the document declares: its words are highlighted as they were indexed
    )
