"""Partners: the countries and organisations a document names, found through the search analysis.

The catalog (`indexer/data/partners.yaml`, format in docs/partners.md) gives each partner a display name and
aliases. Aliases are analysed like any text and kept in a trie of words; at each position of a text the
longest alias wins (`Birləşmiş Ərəb Əmirlikləri` before `BMT`). A text word matches an alias word when

- both have the same diacritic-free stem (`Pakistanın`, `Turkiyenin`) and the text word begins with the alias
  word, as an inflected form does (`Su` is not `Sudan` though `sudan` means "from water", and `Malların` is not
  `Mali`); a final consonant may change (`Krallıq` → `Krallığı`);
- or it is the alias word plus one of the endings the catalog lists, which catches what the stemmer cannot
  tell apart (`Pakistan-ın` and `Türkiyə-nin`);
- for an abbreviation (an alias word in capitals: `ABŞ`, `BMT`, `OA`), only when the text word is that same
  abbreviation in capitals, with any ending after a hyphen (`BMT-nin`, `İƏT-OA-nın`): `AŞIB` is not `AŞ`,
  and `AI` (artificial intelligence) is not `Aİ` (the EU).

An alias whose first word is capitalised (`Çin`, `Qatar`, `Mali`) needs a capital in the text as well,
because `çin`, `qatar`, `mali` are ordinary Azerbaijani words; the catalog lists, as `common_words`, the aliases
that so often begin a sentence as an ordinary word (`Mali dəstək`, `Sudan istifadə`) that they count only inside
a sentence.

Every alias begins with a capital, so a text is split into words only from its capitalised words on
(`tokenizer.capitalised`), as far as the trie reads: splitting every word cost ten times as much (docs/partners.md).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from operator import ge
from pathlib import Path
from typing import NamedTuple

import yaml

from indexer.analysis import az_lower, fold, word_spans, words
from indexer.analysis.tokenizer import TOKEN, base, capitalised

DEFAULT_PATH = Path(__file__).parent.parent / "data" / "partners.yaml"
TOKEN_CACHE = 200_000  # distinct tokens remembered; more than the vocabulary of any corpus we serve
STEP_CACHE = 20_000  # distinct words a node of the trie remembers its step for; far fewer ever reach one
SHORTEST_BARE_FORM = 4  # letters left after removing an ending; fewer are too often another word (`ABŞ` ≠ `AB`+`ş`)
SENTENCE_ENDS = frozenset(".!?:…\n")
BEFORE_A_SENTENCE = " \t\"'«“„(—–-*"
VOWELS = frozenset("aeiouəıöü")
AZERBAIJANI_LETTERS = frozenset("əıöüşçğƏÖÜŞÇĞİ")  # not "I": text typed without diacritics writes it for "İ"
KINDS = frozenset({"country", "organisation", "home"})  # "home" (Azerbaijan) is known but never a partner


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str
    aliases: tuple[str, ...]


class Case(IntEnum):
    """The capitalisation of a word; a text word matches an alias word written with at most as many capitals."""

    ANY = 0
    CAPITAL = 1  # first letter upper case
    UPPER = 2  # every letter upper case: an abbreviation


class _TextWord(NamedTuple):
    """How a text word can meet an alias word; it depends only on the word as written."""

    text: str  # as written: what the trie remembers its steps by
    stem: str  # diacritic-free stem
    written: str  # lower case, without the ending after a hyphen: `ABŞ-ın` → `abş`
    space: str  # "form" for a word written with Azerbaijani letters, "folded" for one without
    form: str  # lower case, without the ending after a hyphen; diacritic-free in the "folded" space
    bare_forms: tuple[str, ...]  # `form` without each catalog ending it may carry
    case: Case


class _Token(NamedTuple):
    """The words of one token (or of its rest from a capital inside it: `OA-nın` of `İƏT-OA-nın`), cached per token
    because tokens repeat across texts."""

    words: tuple[tuple[int, _TextWord], ...]  # each word with the offset where it ends in the token
    begins_a_name: bool  # its first word begins an alias; most capitalised words do not, and cost no more


@dataclass(frozen=True)
class _Alias:
    partner: Partner
    cases: tuple[Case, ...]  # the capitalisation each text word needs
    inside_sentence_only: bool  # a common word at the start of a sentence is that word, not this name


@dataclass
class _Node:
    children: dict[tuple[str, str], _Node] = field(default_factory=dict)  # (kind of key, key) → child
    beginnings: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (space, stem) → how a word begins
    aliases: list[_Alias] = field(default_factory=list)  # the aliases that end here
    steps: dict[str, list[_Node]] = field(default_factory=dict)  # text word → its children, once looked for

    def step(self, word: _TextWord) -> list[_Node]:
        """The children a text word leads to: remembered, because finding them cost more than all the rest of a walk."""
        children = self.steps.get(word.text)
        if children is None:
            children = self.children_for(word)
            if len(self.steps) < STEP_CACHE:
                self.steps[word.text] = children
        return children

    def children_for(self, word: _TextWord) -> list[_Node]:
        keys = [("abbr", word.written), (word.space, word.form), *((word.space, bare) for bare in word.bare_forms)]
        if any(word.form.startswith(beginning) for beginning in self.beginnings.get((word.space, word.stem), ())):
            keys.append(("stem", word.stem))
        children = (self.children.get(key) for key in keys)
        return list({id(child): child for child in children if child is not None}.values())


class PartnerCatalog:
    def __init__(self, partners: list[Partner], endings: tuple[str, ...] = (), common_words: frozenset[str] = frozenset()):
        lower = {az_lower(ending) for ending in endings}
        self._endings = {"form": tuple(lower), "folded": tuple({fold(ending) for ending in lower})}
        self._partners = [partner for partner in partners if partner.kind != "home"]
        self._trie = _Node()
        self._by_key: dict[str, Partner] = {}  # the resolve() key of every name and alias, home included
        self._tokens: dict[str, _Token] = {}
        for partner in partners:
            for alias in (partner.name, *partner.aliases):
                self._add(partner, alias, alias in common_words)

    @classmethod
    def load(cls, path: Path | None = None) -> "PartnerCatalog":
        data = yaml.safe_load((path or DEFAULT_PATH).read_text(encoding="utf-8"))
        entries = data["partners"]
        common_words = frozenset(str(word) for entry in entries for word in entry.get("common_words") or ())
        return cls([_partner_from(entry) for entry in entries], tuple(data.get("endings") or ()), common_words)

    def __iter__(self) -> Iterator[Partner]:
        return iter(self._partners)

    def __len__(self) -> int:
        return len(self._partners)

    def find(self, text: str) -> list[Partner]:
        """The partners named in `text`, each once, in order of first mention; the longest name wins."""
        found: dict[str, Partner] = {}
        after = 0  # the end of the last name found: no name begins inside it
        for start, rest in capitalised(text):  # every alias begins with a capital
            if start < after or not self._token(rest).begins_a_name:
                continue
            end, partner = self._longest_at(text, start, rest)
            if partner is not None:
                if partner.kind != "home":
                    found.setdefault(partner.name, partner)
                after = end
        return list(found.values())

    def resolve(self, name: str) -> Partner | None:
        """The partner a user means by `name`: display name or alias, any case, with or without Azerbaijani letters."""
        partner = self._by_key.get(_key(name))
        return None if partner is None or partner.kind == "home" else partner

    def is_home(self, name: str) -> bool:
        """`name` is Azerbaijan itself, which is never a partner."""
        partner = self._by_key.get(_key(name))
        return partner is not None and partner.kind == "home"

    def _add(self, partner: Partner, alias: str, inside_sentence_only: bool) -> None:
        alias_words = words(alias)
        if not alias_words:
            raise ValueError(f"{partner.name}: alias {alias!r} has no words")
        node, cases = self._trie, []
        for index, word in enumerate(alias_words):
            token = alias[word.start : word.end]
            node = _child_for(node, word.folded, _lower(token), _case_of(token))
            cases.append(_needed_case(_case_of(token), first=index == 0))
        node.aliases.append(_Alias(partner, tuple(cases), inside_sentence_only))
        key = _key(alias)
        if self._by_key.setdefault(key, partner) is not partner:
            raise ValueError(f"alias {alias!r} of {partner.name} is also a name of {self._by_key[key].name}")

    def _token(self, token: str) -> _Token:
        cached = self._tokens.get(token)
        if cached is None:
            words = tuple((end, self._text_word(token[start:end], stem)) for start, end, stem in word_spans(token))
            cached = _Token(words, bool(words and self._trie.children_for(words[0][1])))
            if len(self._tokens) < TOKEN_CACHE:
                self._tokens[token] = cached
        return cached

    def _text_word(self, token: str, stem: str) -> _TextWord:
        """A word with Azerbaijani letters is compared as written (`Malını` is not `Mali`); one without them may be
        typed without diacritics (`Turkiyenin`), so it is compared without them."""
        written = _lower(token)
        space = "form" if AZERBAIJANI_LETTERS & set(base(token)) else "folded"
        form = written if space == "form" else fold(written)
        endings = self._endings[space]
        bare = tuple(form[: -len(e)] for e in endings if form.endswith(e) and len(form) - len(e) >= SHORTEST_BARE_FORM)
        return _TextWord(token, stem, written, space, form, bare, _case_of(token))

    def _longest_at(self, text: str, start: int, rest: str) -> tuple[int, Partner | None]:
        """The longest alias whose words are the words of `text` from the capital at `start` (whose token is `rest`)
        on, with the offset where its last word ends."""
        nodes, cases, best = [self._trie], [], (start, None)
        for end, word in self._words_from(text, start, rest):
            nodes = [child for node in nodes for child in node.step(word)]
            if not nodes:
                break
            cases.append(word.case)
            for node in nodes:
                for alias in node.aliases:
                    if alias.inside_sentence_only and _starts_sentence(text, start):
                        continue
                    if all(map(ge, cases, alias.cases)):  # capitalised at least as the alias needs
                        best = (end, alias.partner)
        return best

    def _words_from(self, text: str, start: int, rest: str) -> Iterator[tuple[int, _TextWord]]:
        """The words of `text` from `start` on, each with the offset where it ends: those of `rest`, the token there,
        then those of the tokens after it, split only as far as the matcher reads."""
        for end, word in self._token(rest).words:
            yield start + end, word
        for match in TOKEN.finditer(text, start + len(rest)):
            offset = match.start()
            for end, word in self._token(match.group()).words:
                yield offset + end, word


def _child_for(node: _Node, stem: str, lower: str, case: Case) -> _Node:
    """The trie node one alias word leads to, created if new: an abbreviation as written (`Aİ` is not `AI`),
    any other word by its stem and by its form with and without diacritics."""
    if case is Case.UPPER:
        return node.children.setdefault(("abbr", lower), _Node())
    forms = {"form": lower, "folded": fold(lower)}
    keys = [("stem", stem), *forms.items()]
    child = next((node.children[key] for key in keys if key in node.children), None) or _Node()
    for key in keys:
        node.children.setdefault(key, child)
    for space, form in forms.items():
        node.beginnings.setdefault((space, stem), set()).add(_beginning(form))
    return child


def _beginning(form: str) -> str:
    """How an inflected form of an alias word begins: the word itself, but a final consonant may change
    (`krallıq` → `krallığı`, `birlik` → `birliyi`)."""
    return form if form[-1] in VOWELS else form[:-1]


def _partner_from(entry: dict) -> Partner:
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{entry.get('name')}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    return Partner(str(entry["name"]), kind, tuple(str(alias) for alias in entry.get("aliases") or ()))


def _key(name: str) -> str:
    return " ".join(word.folded for word in words(name))


def _starts_sentence(text: str, start: int) -> bool:
    """Nothing but quotes, dashes or spaces between the word and the start of the text, a line or a sentence."""
    position = start - 1
    while position >= 0 and text[position] in BEFORE_A_SENTENCE:  # a loop, not rstrip: no copy of the text per word
        position -= 1
    return position < 0 or text[position] in SENTENCE_ENDS


def _lower(token: str) -> str:
    """A word as written, lower case, without the ending after a hyphen: `ABŞ-ın` → `abş`."""
    return az_lower(base(token))


def _case_of(token: str) -> Case:
    letters = [ch for ch in base(token) if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return Case.UPPER
    return Case.CAPITAL if letters and letters[0].isupper() else Case.ANY


def _needed_case(case: Case, first: bool) -> Case:
    """Capitals for an abbreviation; a capital first letter for the first word of a proper name; else anything."""
    return case if case is Case.UPPER or first else Case.ANY
