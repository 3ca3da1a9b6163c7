"""Partners: the countries and organisations a document names, found through the search analysis.

The catalog (`indexer/data/partners.yaml`, format in docs/partners.md) gives each partner a display name
and aliases. Every alias is analysed like any text, and a text matches an alias when its words have the
same diacritic-free stems in a row, so `Pakistanın`, `Turkiyenin` and `İƏT-OA-nın` match. A stemmer cannot
always tell `Pakistan-ın` from `Türkiyə-nin`, so a word also matches when it is the alias word plus one of the
endings the catalog lists. Two rules keep
common words out: an alias word written in capitals (`ABŞ`, `BMT`, `OA`) matches only a word written in
capitals, and an alias whose first word is capitalised (`Çin`, `Qatar`, `Mali`) matches only a word that
starts with a capital, because `çin`, `qatar`, `mali` are ordinary Azerbaijani words.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import yaml

from indexer.analysis import Word, fold, words
from indexer.analysis.tokenizer import base

DEFAULT_PATH = Path(__file__).parent.parent / "data" / "partners.yaml"
KINDS = frozenset({"country", "organisation", "home"})  # "home" (Azerbaijan) is known but never a partner


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str
    aliases: tuple[str, ...]


class Case(Enum):
    """What the capitalisation of a text word must be to match one word of an alias."""

    ANY = 0
    CAPITAL = 1  # first letter upper case
    UPPER = 2  # every letter upper case


@dataclass(frozen=True)
class _Alias:
    partner: Partner
    cases: tuple[Case, ...]


@dataclass
class _Node:
    """A trie node; children are keyed ("stem", folded stem) and ("form", folded form) and share the child."""

    children: dict[tuple[str, str], "_Node"] = field(default_factory=dict)
    aliases: list[_Alias] = field(default_factory=list)


class PartnerCatalog:
    def __init__(self, partners: list[Partner], endings: tuple[str, ...] = ()):
        self._endings = sorted({fold(ending) for ending in endings}, key=len)
        self._partners = [p for p in partners if p.kind != "home"]
        self._home = [p for p in partners if p.kind == "home"]
        self._trie = _Node()
        self._by_key: dict[str, Partner] = {}  # the resolve() key of every name and alias
        for partner in partners:
            for alias in (partner.name, *partner.aliases):
                self._add(partner, alias)

    @classmethod
    def load(cls, path: Path | None = None) -> "PartnerCatalog":
        data = yaml.safe_load((path or DEFAULT_PATH).read_text(encoding="utf-8"))
        return cls([_partner_from(entry) for entry in data["partners"]], tuple(data.get("endings") or ()))

    def __iter__(self) -> Iterator[Partner]:
        return iter(self._partners)

    def __len__(self) -> int:
        return len(self._partners)

    def find(self, text: str) -> list[Partner]:
        """The partners named in `text`, each once, in order of first mention; the longest name wins."""
        found: dict[str, Partner] = {}
        tokens = [(self._keys(word), _case_of(text[word.start : word.end])) for word in words(text)]
        position = 0
        while position < len(tokens):
            length, partner = self._longest_at(tokens, position)
            if partner is not None and partner.kind != "home":
                found.setdefault(partner.name, partner)
            position += max(length, 1)
        return list(found.values())

    def resolve(self, name: str) -> Partner | None:
        """The partner a user means by `name`: display name or alias, in any case, with or without Azerbaijani letters."""
        partner = self._by_key.get(_key(name))
        return None if partner is None or partner.kind == "home" else partner

    def is_home(self, name: str) -> bool:
        """`name` is Azerbaijan itself, which is never a partner."""
        partner = self._by_key.get(_key(name))
        return partner is not None and partner.kind == "home"

    def _add(self, partner: Partner, alias: str) -> None:
        alias_words = words(alias)
        if not alias_words:
            raise ValueError(f"{partner.name}: alias {alias!r} has no words")
        node = self._trie
        for word in alias_words:
            child = node.children.setdefault(("stem", word.folded), _Node())
            node = node.children.setdefault(("form", fold(word.surface)), child)
        cases = tuple(_alias_case(alias[w.start : w.end], first=i == 0) for i, w in enumerate(alias_words))
        node.aliases.append(_Alias(partner, cases))
        key = _key(alias)
        if self._by_key.setdefault(key, partner) is not partner:
            raise ValueError(f"alias {alias!r} of {partner.name} is also a name of {self._by_key[key].name}")

    def _keys(self, word: Word) -> list[tuple[str, str]]:
        """The trie keys a text word can match: its stem, its form, its form without an ending."""
        form = fold(word.surface)
        keys = [("stem", word.folded), ("form", form)]
        keys += [("form", form[: -len(e)]) for e in self._endings if form.endswith(e) and len(form) > len(e)]
        return keys

    def _longest_at(self, tokens: list[tuple[list, Case]], start: int) -> tuple[int, Partner | None]:
        """The longest alias whose words are the tokens from `start` on, with its length in words."""
        nodes, best = [self._trie], (0, None)
        for position in range(start, len(tokens)):
            keys, _ = tokens[position]
            nodes = list({id(c): c for n in nodes for k in keys if (c := n.children.get(k)) is not None}.values())
            if not nodes:
                break
            window = [case for _, case in tokens[start : position + 1]]
            for alias in (alias for node in nodes for alias in node.aliases):
                if all(found.value >= needed.value for found, needed in zip(window, alias.cases)):
                    best = (position + 1 - start, alias.partner)
        return best


def _partner_from(entry: dict) -> Partner:
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{entry.get('name')}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    return Partner(str(entry["name"]), kind, tuple(str(alias) for alias in entry.get("aliases") or ()))


def _key(name: str) -> str:
    return " ".join(word.folded for word in words(name))


def _case_of(token: str) -> Case:
    """The capitalisation of a word as written in a text (its ending after a hyphen does not count)."""
    letters = [ch for ch in base(token) if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return Case.UPPER
    return Case.CAPITAL if letters and letters[0].isupper() else Case.ANY


def _alias_case(token: str, first: bool) -> Case:
    """What a text word must look like to match this alias word: capitals for an abbreviation, else a capital first
    letter for the first word of a proper name."""
    case = _case_of(token)
    return case if case is Case.UPPER or first else Case.ANY
