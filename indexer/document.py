"""The one shape every parser produces and the index stores."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class Document:
    """A parsed document, before analysis.

    `text` holds paragraphs separated by a blank line ("\\n\\n"). `partners` holds the names or aliases
    a document's metadata assigns by hand; the extractor adds the ones found in the text.
    """

    id: str
    title: str
    text: str
    url: str | None = None
    date: datetime.date | None = None
    links: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    lang: str | None = None
