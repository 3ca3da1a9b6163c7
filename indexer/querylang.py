"""The query language users type, parsed into a small tree. Pure Python: the engine turns the tree into Whoosh.

    ombudsman Pakistan          words are AND-ed
    "insan hüquqları"           a phrase (inflected forms allowed inside: the engine's business)
    Pakistan OR Türkiyə         OR binds tighter than the implicit AND: `seminar Çin OR Pakistan`
                                is `seminar (Çin OR Pakistan)`; parentheses group
    -Çin, NOT Çin               excludes
    əməkdaş*                    a prefix (at least 2 letters before `*`)
    title:söz, başlıq:"..."     titles only

Nothing is an error: unbalanced quotes or parentheses, a lone `-`, `OR` at the ends, a `*` alone and unknown
`field:` prefixes are read literally or ignored. Nesting deeper than `MAX_DEPTH` is flattened, so no input
can exhaust the recursion limit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from dataclasses import field as attribute
from typing import Iterator, NamedTuple, Union

from indexer.analysis import az_lower

FIELD_NAMES = {"title": "title", "başlıq": "title", "basliq": "title"}  # as typed (case-folded) → index field
MAX_DEPTH = 16  # parentheses nested deeper are ignored
MIN_PREFIX_LETTERS = 2


@dataclass(frozen=True)
class Word:
    """A word as typed; it may still hold several index words (`İƏT-OA`, `a:b`)."""

    text: str
    field: str | None = None  # None: title and body
    prefix: bool = False
    start: int = attribute(default=0, compare=False)  # where `text` sits in the query, for corrected queries
    end: int = attribute(default=0, compare=False)


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


Node = Union[Word, Phrase, And, Or, Not]


class _Token(NamedTuple):
    kind: str  # WORD, PHRASE, OR, NOT, FIELD, (, )
    text: str = ""
    start: int = 0
    end: int = 0


_FIELD = re.compile(r"([^\W\d_]+):")
_RAW = re.compile(r'[^\s"()]+')


def _tokens(query: str) -> Iterator[_Token]:
    position = 0
    while position < len(query):
        char = query[position]
        if char.isspace():
            position += 1
        elif char in "()":
            yield _Token(char)
            position += 1
        elif char == '"':
            close = query.find('"', position + 1)
            if close < 0:  # an unbalanced quote is ignored: the rest is read as words
                position += 1
                continue
            yield _Token("PHRASE", query[position + 1 : close], position + 1, close)
            position = close + 1
        else:
            yield from _raw_tokens(query, position)
            position = _RAW.match(query, position).end()


def _raw_tokens(query: str, start: int) -> Iterator[_Token]:
    """One run of text without spaces, quotes or parentheses: an operator, a field prefix, a word."""
    text = _RAW.match(query, start).group()
    if text in ("OR", "NOT"):
        yield _Token(text)
        return
    rest = text.lstrip("-")
    following = query[start + len(text) : start + len(text) + 1]
    if rest or following in ('"', "("):  # `-word`, `-"phrase"`, `-(group)`; a lone `-` is nothing
        for _ in range(len(text) - len(rest)):
            yield _Token("NOT")
    text, start = rest, start + len(text) - len(rest)
    found = _FIELD.match(text)
    if found and az_lower(found.group(1)) in FIELD_NAMES:
        yield _Token("FIELD", FIELD_NAMES[az_lower(found.group(1))])
        text, start = text[found.end() :], start + found.end()
    if text:
        yield _Token("WORD", text, start, start + len(text))


class _Parser:
    def __init__(self, query: str):
        self.tokens = list(_tokens(query))
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position].kind if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        self.position += 1
        return self.tokens[self.position - 1]

    def sequence(self, depth: int) -> Node | None:
        """AND-ed items up to the end or a closing parenthesis."""
        items = []
        while self.peek() not in (None, ")"):
            if self.peek() == "OR":  # OR with nothing before it
                self.take()
                continue
            item = self.alternatives(depth)
            if item is not None:
                items.append(item)
        return joined(And, items)

    def alternatives(self, depth: int) -> Node | None:
        parts = [self.unary(depth)]
        while self.peek() == "OR":
            self.take()
            if self.peek() not in (None, ")", "OR"):
                parts.append(self.unary(depth))
        return joined(Or, [part for part in parts if part is not None])

    def unary(self, depth: int) -> Node | None:
        negated = False
        while self.peek() == "NOT":
            self.take()
            negated = not negated
        if self.peek() in (None, ")", "OR"):  # `NOT` with nothing after it
            return None
        operand = self.operand(depth)
        return Not(operand) if negated and operand is not None else operand

    def operand(self, depth: int) -> Node | None:
        token = self.take()
        if token.kind == "(":
            if depth >= MAX_DEPTH:
                return None
            inner = self.sequence(depth + 1)
            if self.peek() == ")":
                self.take()
            return inner
        if token.kind == "FIELD":
            if self.peek() in ("WORD", "PHRASE", "("):
                return _in_field(self.operand(depth), token.text)
            return None
        if token.kind == "PHRASE":
            return Phrase(token.text) if token.text.strip() else None
        if token.kind == "WORD":
            return _word(token)
        return None  # a stray `)` or `NOT` handled by the callers; nothing else reaches here


def _word(token: _Token) -> Word | None:
    """A word token; `word*` is a prefix when enough letters stand before the star."""
    stripped = token.text.rstrip("*")
    if not stripped.strip("*-'"):
        return None
    letters = sum(char.isalnum() for char in stripped)
    prefix = stripped != token.text and letters >= MIN_PREFIX_LETTERS and stripped.isalnum()
    return Word(stripped, prefix=prefix, start=token.start, end=token.start + len(stripped))


def _in_field(node: Node | None, name: str) -> Node | None:
    if node is None:
        return None
    if isinstance(node, (Word, Phrase)):
        return replace(node, field=name)
    if isinstance(node, Not):
        return Not(_in_field(node.part, name))
    return type(node)(tuple(_in_field(part, name) for part in node.parts))


def joined(kind, items: list[Node]) -> Node | None:
    """`kind` of `items`, flattening nested nodes of the same kind; a single item stands alone."""
    flat = []
    for item in items:
        flat.extend(item.parts if isinstance(item, kind) else [item])
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def parse(query: str) -> Node | None:
    """The tree of `query`, or None when it holds nothing to search for."""
    parser = _Parser(query)
    items = []
    while parser.peek() is not None:
        if parser.peek() == ")":  # an unmatched closing parenthesis is ignored
            parser.take()
            continue
        found = parser.sequence(0)
        if found is not None:
            items.append(found)
    return joined(And, items)


def words_of(node: Node | None, negated: bool = False) -> Iterator[tuple[Word | Phrase, bool]]:
    """Every word and phrase of the tree, each with whether it is excluded."""
    if node is None:
        return
    if isinstance(node, (Word, Phrase)):
        yield node, negated
    elif isinstance(node, Not):
        yield from words_of(node.part, not negated)
    else:
        for part in node.parts:
            yield from words_of(part, negated)


def replaced(query: str, corrections: list[tuple[Word, str]]) -> str:
    """`query` with some of its words replaced, everything else as the user typed it."""
    out, position = [], 0
    for word, correction in sorted(corrections, key=lambda pair: pair[0].start):
        out.append(query[position : word.start])
        out.append(correction)
        position = word.end
    out.append(query[position:])
    return "".join(out)
