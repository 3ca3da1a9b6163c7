"""Azerbaijani stemmer in the Snowball manner, with the `snowballstemmer` interface.

Inflectional suffixes are stripped from the end of the word inwards, one group at a time
(predicate → finite verb or case → possessive → plural → participle), each checked for vowel
harmony and buffer consonants; then consonant alternations and dropped vowels are restored.
Matching runs on the diacritic-free spelling of the word (folding maps letter to letter, so
positions agree) and harmony accepts what a folded vowel may stand for: `usagin` stems like
`uşağın`. The suffix tables and word lists live in `data/stemmer_*.txt`, see docs/stemmer.md.
"""
import re
from functools import cache
from pathlib import Path

from .folding import fold

_DATA = Path(__file__).parent / "data"
_VOWELS = frozenset("aıoueəiöü")
_BACK = frozenset("aıou")
_I_AFTER = {"a": "ı", "ı": "ı", "e": "i", "ə": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
# What a vowel of the input may stand for: plain i, o, u, e may be folded ı, ö, ü, ə.
_MAY_BE = {"i": "iı", "o": "oö", "u": "uü", "e": "eə"}
# Stems ending like a voice or derivation marker are verbs (edil-, olun-, göstər-t-, işlə-).
_DERIVED_VERB = re.compile(r"..(il|ul|in|un|dir|dur|laş|leş|lan|len|la|le)$")
PREFER_VOWEL_STEM = True  # unknown stem before -nI/-nIn: take the n as buffer
_TEMPLATE_LETTERS = {"A": "[ae]", "I": "[iu]", "Q": "[qgky]"}


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _folded_set(name: str) -> frozenset[str]:
    return frozenset(fold(word) for word in _lines(name))


class _Suffix:
    """One suffix template: its regex on the folded word, its vowels to harmonise, its buffer rule."""

    def __init__(self, template: str):
        self.after_vowel = template.startswith("+")
        self.after_possessive = template.startswith("n-")
        template = template.lstrip("+").removeprefix("n-")
        self.buffer, body = (template[1], template[3:]) if template.startswith("(") else ("", template)
        self.body_vowels = [ch for ch in body if ch in "AI"]
        pattern = ("n" if self.after_possessive else "") + "".join(_TEMPLATE_LETTERS.get(ch, fold(ch)) for ch in body)
        buffer = _TEMPLATE_LETTERS.get(self.buffer, self.buffer)
        # with and without the buffer: İran-ın and ölkə-nin both end in -nın
        self.regexes = [re.compile(f"({buffer}){pattern}$"), re.compile(f"(){pattern}$")] if buffer else [
            re.compile(f"(){pattern}$")
        ]
        self.length = len(body) + self.after_possessive

    def cuts(self, word: str, folded: str) -> list[int]:
        """Where the stem may end if this suffix ends the word (buffered reading first)."""
        matches = (regex.search(folded) for regex in self.regexes)
        return [cut for cut in (self._cut(word, folded, match) for match in matches if match) if cut is not None]

    def _cut(self, word: str, folded: str, match: re.Match) -> int | None:
        if match.start() < 2:
            return None
        stem, has_buffer = folded[: match.start()], bool(match.group(1))
        if not any(ch in _VOWELS for ch in stem) or not self._context_fits(stem, has_buffer):
            return None
        vowels = ([self.buffer] if has_buffer and self.buffer in "AI" else []) + self.body_vowels
        return match.start() if _harmonic(word[: match.start()], word[match.start():], vowels) else None

    def _context_fits(self, stem: str, has_buffer: bool) -> bool:
        """Buffer consonants come after a vowel, buffer vowels after a consonant."""
        ends_in_vowel = stem[-1] in _VOWELS
        if self.after_possessive:
            return stem[-1] in "iu"
        if self.after_vowel:
            return ends_in_vowel
        if self.buffer:
            return has_buffer == (ends_in_vowel != (self.buffer in "AI"))
        return True


@cache
def _groups() -> list[tuple[str, list[_Suffix]]]:
    groups, name = [], None
    for line in _lines("stemmer_suffixes.txt"):
        if line.startswith("["):
            name = line.strip("[]")
            groups.append((name, []))
        else:
            groups[-1][1].extend(_Suffix(template) for template in line.split())
    for _, suffixes in groups:
        suffixes.sort(key=lambda suffix: -suffix.length)  # stable: ties keep the file's order
    return groups


def _harmonic(stem: str, suffix: str, template_vowels: list[str]) -> bool:
    """Each suffix vowel agrees with the vowel before it (some reading of a folded vowel must)."""
    previous = [ch for ch in stem if ch in _VOWELS][-1:]
    suffix_vowels = [ch for ch in suffix if ch in _VOWELS]
    for kind, vowel in zip(template_vowels, suffix_vowels):
        if previous and not _agree(previous[-1], vowel, kind):
            return False
        previous = [vowel]
    return True


def _agree(previous: str, vowel: str, kind: str) -> bool:
    for before in _MAY_BE.get(previous, previous):
        for after in _MAY_BE.get(vowel, vowel):
            expected = ("a" if before in _BACK else "ə") if kind == "A" else _I_AFTER[before]
            if after == expected:
                return True
    return False


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    return {
        "protected": _folded_set("stemmer_protected.txt"),
        "verbs": _folded_set("stemmer_verb_roots.txt"),
        "adjectives": _folded_set("stemmer_adjectives_i.txt"),
        "n_stems": _folded_set("stemmer_n_stems.txt"),
        "vowel_stems": _folded_set("stemmer_vowel_stems.txt"),
        "keep_y": _folded_set("stemmer_keep_y.txt"),
    }


@cache
def _vowel_drop() -> dict[str, str]:
    """`fikr` → `fikir`: the stem a suffix leaves when the root drops its last vowel."""
    return {fold(short): full for full, short in (line.split() for line in _lines("stemmer_vowel_drop.txt"))}


class AzerbaijaniStemmer:
    """Same interface as a `snowballstemmer` stemmer; no state, so it pickles."""

    def stemWord(self, word: str) -> str:  # noqa: N802 - snowballstemmer's name
        return _stem(word)

    def stemWords(self, words) -> list[str]:  # noqa: N802
        return [_stem(word) for word in words]


def _stem(word: str) -> str:
    if len(word) < 3 or any(ch.isdigit() for ch in word) or _is_protected(word):
        return word
    stripped_vowel_suffix = False
    for group, suffixes in _groups():
        if group in ("predicate", "finite verbal") and _is_adjective(word):
            return word
        if "verbal" in group:
            verb = _strip_verbal(word, suffixes)
            if verb:
                return _restore(verb, True)
            continue
        cut = _first_cut(word, suffixes, group)
        if cut is not None:
            stripped_vowel_suffix = fold(word[cut]) in "aeiu"
            word = word[:cut]
            if _is_protected(word):
                return word
    return _restore(word, stripped_vowel_suffix)


def _is_protected(word: str) -> bool:
    return fold(word) in _lexicon()["protected"]


def _is_adjective(word: str) -> bool:
    """An -i adjective, whole or before a predicate (dini, dinidir), but not dini-ndə (din + i + ndə)."""
    return fold(word) in _lexicon()["adjectives"]


def _first_cut(word: str, suffixes: list[_Suffix], group: str) -> int | None:
    folded = fold(word)
    if _is_known_stem(folded):
        return None  # qadın, ölkə, bakı: attested bare, so their ending is no suffix
    for suffix in suffixes:
        for cut in suffix.cuts(word, folded):
            if not (group == "case" and _wrong_n_reading(folded, cut, suffix)):
                return cut
    return None


def _is_known_stem(folded: str) -> bool:
    return folded in _lexicon()["n_stems"] or folded in _lexicon()["vowel_stems"]


def _wrong_n_reading(folded: str, cut: int, suffix: _Suffix) -> bool:
    """Is stem + n(I)... really an n-final stem + I...? (qanun-u, not qanu-nu; ölkə-ni stays).
    Is stem + (y)A really a loanword in -iya? (komissiya, not komissi-ya; enerji-yə stays)."""
    stem = folded[:cut]
    if folded[cut] == "y":
        return stem[-1] == "i" and stem not in _lexicon()["vowel_stems"]
    if stem.endswith("iy") and folded[cut] in "ae":
        return folded[cut] == "a" or not stem.endswith("liy")  # -iya, -iyə words; but -lik: təhlükəsizliy-ə
    if folded[cut] != "n" or suffix.after_possessive:
        return False
    if stem + "n" in _lexicon()["n_stems"]:
        return True
    return not (stem in _lexicon()["vowel_stems"] or stem[-1] in "iu" or PREFER_VOWEL_STEM)


def _strip_verbal(word: str, suffixes: list[_Suffix]) -> str | None:
    folded = fold(word)
    if folded in _lexicon()["verbs"]:
        return None  # a bare root (qal, çıxar) is not root + ending
    for suffix in suffixes:
        for cut in suffix.cuts(word, folded):
            stem = _without_negation(word[:cut])
            if stem:
                return stem
    return None


def _without_negation(stem: str) -> str | None:
    """The verb root of a stem, through the negation -mA (olma-yan → ol); None if not a verb."""
    folded = _verb_spelling(fold(stem))
    if _is_verb(folded):
        return stem
    if re.search("m[ae]$", folded) and _is_verb(_verb_spelling(folded[:-2])):
        return stem[:-2]
    return None


def _verb_spelling(folded: str) -> str:
    """ed-, ged- are et-, get- before a vowel; a final y of a verb is a y-buffer (işləy-ən)."""
    return {"ed": "et", "ged": "get"}.get(folded, folded)


def _is_verb(folded: str) -> bool:
    return folded in _lexicon()["verbs"] or bool(_DERIVED_VERB.search(folded))


def _restore(stem: str, after_vowel_suffix: bool) -> str:
    """Undo the alternations a vowel-initial suffix causes: uşağ → uşaq, çörəy → çörək, ed → et, fikr → fikir."""
    folded = fold(stem)
    if folded in _vowel_drop():
        return _vowel_drop()[folded]
    if folded in ("ed", "ged"):
        return stem[:-1] + "t"
    if after_vowel_suffix and stem[-1] in "ğg":
        return stem[:-1] + "q"
    if after_vowel_suffix and _mutated_k(stem, folded):
        return stem[:-1] + "k"
    return stem


def _mutated_k(stem: str, folded: str) -> bool:
    """çörəy-i comes from çörək: a final y after a vowel, in a word of two syllables or more."""
    syllables = sum(ch in _VOWELS for ch in folded)
    return folded.endswith("y") and folded[-2] in _VOWELS and syllables >= 2 and folded not in _lexicon()["keep_y"]
