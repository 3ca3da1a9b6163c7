"""Markdown (`.md`) with optional YAML front matter → plain-text paragraphs."""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import yaml

from indexer.document import Document

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_HEADING_PREFIX = re.compile(r"^#{1,6} ")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Bullets are markup; an item's number ("1.", "2)") is kept as text, since legal texts cite it.
_BULLET = re.compile(r"^\s*[-*+]\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^\s*\[(?!\^)[^\]]+\]:\s*<?(?P<url>\S+?)>?(?:\s+[\"'(].*)?\s*$")
_FOOTNOTE_DEFINITION = re.compile(r"^\s*\[\^[^\]]+\]:\s*")

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_INLINE_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)(?:\s+[\"'][^)]*[\"'])?\)")
_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]]+\]")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|~~|\*|`)(?P<inner>\S(?:.*?\S)?)\1")
# "_" emphasizes only at word edges, so snake_case names and URLs keep their underscores.
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)_(?P<inner>\S(?:.*?\S)?)_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_ESCAPED_BASE = 0xE000
_HIDDEN_ESCAPE = re.compile("[\ue000-\ue07f]")
_DOTTED_DATE = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")


def parse_markdown(text: str, doc_id: str, report: Callable[[str], None]) -> Document:
    metadata, body = split_front_matter(text, report)
    links: list[str] = []
    blocks, reference_urls = _blocks(body)
    title = _metadata_title(metadata) or _first_level_one_heading(blocks, links)
    if not title and blocks:
        # No title anywhere: the first line stands in for it, and the body starts after that line.
        title = _inline_to_text(blocks[0].pop(0), links)
    paragraphs = [_inline_to_text(" ".join(block), links) for block in blocks]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if title in paragraphs:
        paragraphs.remove(title)
    for url in reference_urls:
        _add_link(links, url)
    return Document(
        id=doc_id,
        title=title,
        text="\n\n".join(paragraphs),
        url=_text_field(metadata, "url", report),
        date=_date_field(metadata, report),
        links=links,
        partners=_partners_field(metadata, report),
        lang=_text_field(metadata, "lang", report),
    )


def split_front_matter(text: str, report: Callable[[str], None]) -> tuple[dict, str]:
    """The front matter's fields and the text after it; a broken front matter is reported and ignored."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    body = text[match.end():]
    try:
        metadata = yaml.safe_load(match["yaml"])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", sətir {mark.line + 2}" if mark else ""  # +2: the opening "---" line and 0-based marks
        report(f"front matter xətalıdır{where}: metaməlumat nəzərə alınmadı")
        return {}, body
    except (ValueError, RecursionError):
        # YAML that parses but cannot be built: "date: 2021-02-30", lists nested thousands deep.
        report("front matter xətalıdır: metaməlumat nəzərə alınmadı")
        return {}, body
    if metadata is None:
        return {}, body
    if not isinstance(metadata, dict):
        report("front matter açar-dəyər cədvəli deyil: metaməlumat nəzərə alınmadı")
        return {}, body
    return metadata, body


def _blocks(body: str) -> tuple[list[list[str]], list[str]]:
    """Markdown block structure → the lines of each paragraph, heading, list item or table row,
    and the URLs of reference definitions ("[label]: https://...").

    Headings keep a "#" prefix per level so that the title can be found among them.
    """
    blocks: list[list[str]] = [[]]
    reference_urls: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line.strip()):
            blocks.append([])
            in_fence = not in_fence
            continue
        if in_fence:
            blocks[-1].append(line.strip())
            continue
        line = _QUOTE.sub("", line)
        if not line.strip():
            blocks.append([])
        elif _SETEXT_UNDERLINE.match(line) and blocks[-1]:  # before rules: "Text\n---" is a heading
            level = "#" if line.lstrip().startswith("=") else "##"
            blocks[-1] = [f"{level} {' '.join(blocks[-1])}"]
            blocks.append([])
        elif _RULE.match(line):
            blocks.append([])
        elif heading := _ATX_HEADING.match(line):
            blocks += [[f"{heading['level']} {heading['text']}"], []]
        elif definition := _REFERENCE_DEFINITION.match(line):
            reference_urls.append(definition["url"])
        elif _TABLE_SEPARATOR.match(line) and "|" in line:
            continue
        elif line.lstrip().startswith("|"):
            blocks += [[line.strip()], []]
        elif _LIST_ITEM.match(line):
            blocks.append([line.strip()])
        else:
            blocks[-1].append(line.strip())
    return [block for block in blocks if block], reference_urls


def _inline_to_text(block: str, links: list[str]) -> str:
    # Escaped characters ("\\*") hide in the Private Use Area while markup is stripped, then come back.
    block = _ESCAPE.sub(lambda match: chr(_ESCAPED_BASE + ord(match[1])), block)
    block = _HEADING_PREFIX.sub("", _BULLET.sub("", block, count=1))
    block = _FOOTNOTE_DEFINITION.sub("", block)
    block = _IMAGE.sub("", block)
    for match in _INLINE_LINK.finditer(block):
        _add_link(links, match["url"])
    for match in _AUTOLINK.finditer(block):
        _add_link(links, match["url"])
    block = _INLINE_LINK.sub(r"\g<text>", block)
    block = _REFERENCE_LINK.sub(r"\g<text>", block)
    block = _AUTOLINK.sub(r"\g<url>", block)
    block = _FOOTNOTE_REFERENCE.sub("", _HTML_TAG.sub("", block))
    block = block.replace("|", " ")
    for pattern in (_EMPHASIS, _EMPHASIS, _UNDERSCORE_EMPHASIS):  # twice: "***x***" nests ** and *
        block = pattern.sub(r"\g<inner>", block)
    block = _HIDDEN_ESCAPE.sub(lambda match: chr(ord(match[0]) - _ESCAPED_BASE), block)
    return " ".join(block.split())


def _add_link(links: list[str], url: str) -> None:
    if url.startswith(("http://", "https://")) and url not in links:
        links.append(url)


def _metadata_title(metadata: dict) -> str:
    title = metadata.get("title")
    # YAML reads a title such as "2024" as a number; it is still the title.
    return _inline_to_text(str(title), []) if isinstance(title, (str, int, float)) else ""


def _first_level_one_heading(blocks: list[list[str]], links: list[str]) -> str:
    heading = next((block[0] for block in blocks if block[0].startswith("# ")), "")
    return _inline_to_text(heading, links)


def _text_field(metadata: dict, key: str, report: Callable[[str], None]) -> str | None:
    value = metadata.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    report(f"front matter: '{key}' mətn olmalıdır")
    return None


def _partners_field(metadata: dict, report: Callable[[str], None]) -> list[str]:
    value = metadata.get("partners")
    if isinstance(value, str):
        value = [value]
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        report("front matter: 'partners' adlar siyahısı olmalıdır")
        return []
    return [name.strip() for name in value if name.strip()]


def _date_field(metadata: dict, report: Callable[[str], None]) -> datetime.date | None:
    value = metadata.get("date")
    if value is None:
        return None
    date = parse_date(value)
    if date is None:
        report(f"front matter: tarix tanınmadı: {value!r}")
    return date


def parse_date(value: object) -> datetime.date | None:
    """A YAML date or datetime, an ISO string or a "12.03.2021" string; None when it is none of them."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    dotted = _DOTTED_DATE.match(text)
    try:
        if dotted:
            return datetime.date(int(dotted["year"]), int(dotted["month"]), int(dotted["day"]))
        return datetime.datetime.fromisoformat(text).date()
    except ValueError:
        return None
