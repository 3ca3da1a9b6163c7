"""HTML pages (`.html`, `.htm`) → the article's title, date, canonical URL, paragraphs and links."""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from indexer.document import Document
from indexer.parsing.encoding import decode_bytes, normalize
from indexer.parsing.markdown import parse_date

# The charset must be known before parsing; browsers look for it in the first 1024 bytes, we look further.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOILERPLATE_TAGS = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "frame",
    "template", "svg", "canvas", "object", "embed", "button", "select", "textarea", "input", "img",
]
# Class/id words of menus, cookie banners, share widgets and the like, matched at the start of a word.
_BOILERPLATE_WORD = re.compile(
    r"^(cookie|consent|gdpr|share(?!d)|sharing|social|breadcrumb|menu|nav|footer|sidebar|banner|advert|ads?$"
    r"|related|popup|modal|newsletter|subscribe)"
)
_NAME_SEPARATORS = re.compile(r"[\s_-]+")
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "ul", "caption",
}
_CELL_TAGS = {"td", "th"}
_BR_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WHITESPACE = re.compile(r"\s+")
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]+)$")
_DATE_NAMES = re.compile(r"^(date|dc\.date|dcterms\.date|pubdate|publishdate)$", re.IGNORECASE)


def parse_html(data: bytes, doc_id: str, report: Callable[[str], None]) -> Document:
    text, encoding_note = decode_bytes(data, declared=declared_charset(data))
    if encoding_note:
        report(encoding_note)
    soup = BeautifulSoup(text, "lxml")
    # Character references ("u&#776;") are decoded only now, so NFC is applied once more.
    title = normalize(page_title(soup))
    date = published_date(soup)
    url = canonical_url(soup)
    root = content_root(soup)
    paragraphs = [normalize(paragraph) for paragraph in block_paragraphs(root)]
    if title in paragraphs:
        paragraphs.remove(title)
    return Document(
        id=doc_id,
        title=title,
        text="\n\n".join(paragraphs),
        url=url,
        date=date,
        links=absolute_links(root),
        lang=_attribute(soup.html, "lang") if soup.html else None,
    )


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match[1].decode("ascii") if match else None


def page_title(soup: BeautifulSoup) -> str:
    # A site's logo is often an <h1> in the page header; the article's heading is not there.
    heading = soup.select_one("article h1") or next(
        (h1 for h1 in soup.find_all("h1") if not h1.find_parent(["header", "nav", "aside", "footer"])), None
    )
    if heading and _text(heading):
        return _text(heading)
    og_title = _meta_content(soup, {"property": "og:title"})
    if og_title:
        return og_title
    return _without_site_suffix(_text(soup.title) if soup.title else "", soup)


def _without_site_suffix(title: str, soup: BeautifulSoup) -> str:
    """"Görüş keçirilib | Ombudsman" → "Görüş keçirilib".

    After " | " the rest is always the site's name; after a dash only when it is a single word or
    the page's declared site name, since news headlines use " - " themselves ("... - AÇIQLAMA").
    """
    match = _SITE_SUFFIX.search(title)
    if not match or match.start() == 0:
        return title
    site = match["site"].strip()
    site_name = _meta_content(soup, {"property": "og:site_name"}) or _meta_content(soup, {"name": "application-name"})
    if "|" in match[0] or " " not in site or site == site_name:
        return title[: match.start()].strip()
    return title


def published_date(soup: BeautifulSoup) -> datetime.date | None:
    candidates = [
        _meta_content(soup, {"property": "article:published_time"}),
        _attribute(soup.find("time", datetime=True), "datetime"),
        _meta_content(soup, {"itemprop": "datePublished"}),
        _meta_content(soup, {"name": _DATE_NAMES}),
    ]
    for candidate in candidates:
        date = parse_date(candidate) if candidate else None
        if date:
            return date
    return None


def canonical_url(soup: BeautifulSoup) -> str | None:
    canonical = soup.find("link", rel="canonical", href=True)
    url = _attribute(canonical, "href") or _meta_content(soup, {"property": "og:url"})
    return url if url and _is_web_url(url) else None


def content_root(soup: BeautifulSoup) -> Tag:
    """The element holding the article text, with boilerplate removed from it."""
    for tag in soup.find_all(_BOILERPLATE_TAGS):
        tag.decompose()
    root = _largest(soup.find_all("article")) or soup.find("main") or soup.find(attrs={"role": "main"})
    body = soup.body or soup
    _remove_boilerplate_blocks(root or body)
    return root or _densest_block(body)


def _largest(tags: list[Tag]) -> Tag | None:
    # A listing page has many <article>s; the page's own article is the one with the most text.
    return max(tags, key=lambda tag: len(tag.get_text()), default=None)


def _remove_boilerplate_blocks(root: Tag) -> None:
    total = len(root.get_text())
    for tag in root.find_all(_is_boilerplate_block):
        # A "sidebar" word on the wrapper of the whole layout ("page has-sidebar") does not make the
        # wrapper boilerplate: a real menu or banner never holds most of the page's text.
        if not tag.decomposed and len(tag.get_text()) <= total / 2:
            tag.decompose()


def _is_boilerplate_block(tag: Tag) -> bool:
    if tag.name in ("article", "main"):
        return False
    if _attribute(tag, "role") in _BOILERPLATE_ROLES:
        return True
    words = _NAME_SEPARATORS.split(" ".join([*tag.get("class", []), tag.get("id") or ""]).lower())
    return any(_BOILERPLATE_WORD.match(word) for word in words if word)


def _densest_block(body: Tag) -> Tag:
    """The block whose paragraphs hold the most text that is not link text (a text-density heuristic).

    Each paragraph scores its parent fully and its grandparent half, so that the text of one
    article, split over sibling <p>s, adds up in the element that contains them all.
    """
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for paragraph in body.find_all(["p", "pre", "blockquote", "li"]):
        length = len(_text(paragraph)) - len(" ".join(_text(link) for link in paragraph.find_all("a")))
        for weight, ancestor in zip((1.0, 0.5), (paragraph.parent, paragraph.parent and paragraph.parent.parent)):
            if isinstance(ancestor, Tag):
                scores[id(ancestor)] = scores.get(id(ancestor), 0.0) + weight * max(length, 0)
                tags[id(ancestor)] = ancestor
    if not scores:
        return body
    best = max(scores, key=scores.__getitem__)
    return tags[best] if scores[best] > 0 else body


def block_paragraphs(root: Tag) -> list[str]:
    """The root's text, one paragraph per block element (walked without recursion: pages nest deep)."""
    paragraphs: list[str] = []
    pieces: list[str] = []
    current_block = None
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                pieces.append("\n")
            elif node.name in _CELL_TAGS:
                pieces.append(" ")
            continue
        if isinstance(node, _NOT_TEXT) or not isinstance(node, NavigableString):
            continue
        block = _nearest_block(node, root)
        if block is not current_block:
            _flush(pieces, paragraphs)
            current_block = block
        # Newlines in the page source are only spaces; the "\n"s that _flush() reads come from <br>.
        pieces.append(_WHITESPACE.sub(" ", node))
    _flush(pieces, paragraphs)
    return paragraphs


def _nearest_block(node: NavigableString, root: Tag) -> Tag:
    parent = node.parent
    while parent is not root and parent.name not in _BLOCK_TAGS:
        parent = parent.parent
    return parent


def _flush(pieces: list[str], paragraphs: list[str]) -> None:
    # One <br> breaks a line inside a paragraph; pages built without <p> separate paragraphs with two.
    for chunk in _BR_PARAGRAPH_BREAK.split("".join(pieces)):
        paragraph = " ".join(chunk.split())
        if paragraph:
            paragraphs.append(paragraph)
    pieces.clear()


def absolute_links(root: Tag) -> list[str]:
    links: list[str] = []
    for anchor in root.find_all("a", href=True):
        href = anchor["href"].strip()
        if _is_web_url(href) and href not in links:
            links.append(href)
    return links


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _meta_content(soup: BeautifulSoup, attrs: dict) -> str | None:
    return _attribute(soup.find("meta", attrs=attrs), "content")


def _attribute(tag: Tag | None, name: str) -> str | None:
    value = tag.get(name) if tag else None
    if isinstance(value, list):  # bs4 returns multi-valued attributes as lists
        value = " ".join(value)
    return " ".join(value.split()) if value and value.strip() else None


def _text(tag: Tag) -> str:
    # Joined without separators, like block_paragraphs(), so that the title is found again in the body.
    return " ".join(tag.get_text().split())
