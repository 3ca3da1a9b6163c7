"""The seed `.txt` format: a title line or `**bold**` block, paragraphs, footnote link lines."""
from __future__ import annotations

import re

from indexer.document import Document

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote line: "¹ <https://...>" (angle brackets optional), possibly with words around the URL.
_FOOTNOTE_LINE = re.compile(rf"^[{SUPERSCRIPT_DIGITS}]+\s*(?P<rest>.*)$")
_URL = re.compile(r"https?://[^\s<>]+[^\s<>.,;:!?)\]»\"']")
_BRACKETED_URL = re.compile(rf"<?{_URL.pattern}>?")
# A marker is attached to the text it annotates ("ibarətdir.¹"); a free-standing one is not a marker.
_FOOTNOTE_MARKER = re.compile(rf"(?<=\S)[{SUPERSCRIPT_DIGITS}]+")
# A paragraph ending otherwise was cut mid-sentence by the export and continues in the next one.
SENTENCE_END = (".", "!", "?", ":", "…", '"', "»", ")", "”")


def parse_seed(text: str, doc_id: str) -> Document:
    blocks = _blocks(text)
    if not blocks:
        return Document(id=doc_id, title="", text="")
    title_lines, rest_of_block = _split_title(blocks[0])
    title = _clean(" ".join(title_lines))
    paragraphs, links = _body([rest_of_block, *blocks[1:]])
    if paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    text = "\n\n".join(join_broken_paragraphs(paragraphs))
    return Document(id=doc_id, title=title, text=text, links=links)


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _split_title(block: list[str]) -> tuple[list[str], list[str]]:
    """The title's lines and the rest of the first block: a bold title runs to its closing "**"."""
    if block[0].startswith("**"):
        closing = next((i for i, line in enumerate(block) if line.endswith("**") and line != "**"), len(block) - 1)
        return block[: closing + 1], block[closing + 1:]
    return block[:1], block[1:]


def _body(blocks: list[list[str]]) -> tuple[list[str], list[str]]:
    paragraphs: list[str] = []
    links: list[str] = []
    for block in blocks:
        lines = []
        for line in block:
            footnote = _FOOTNOTE_LINE.match(line)
            if footnote:
                links.extend(url for url in _URL.findall(line) if url not in links)
                rest = _BRACKETED_URL.sub("", footnote["rest"]).strip()
                if rest:
                    lines.append(rest)
            else:
                lines.append(line)
        if lines:
            paragraphs.append(_clean(" ".join(lines)))
    return paragraphs, links


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Glue a paragraph that does not end a sentence to the one after it."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and not joined[-1].endswith(SENTENCE_END):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _clean(text: str) -> str:
    text = _FOOTNOTE_MARKER.sub("", text).replace("**", "")
    return " ".join(text.split())
