"""Azerbaijani stemmer in the Snowball manner, with the `snowballstemmer` interface.

Inflectional suffixes are stripped from the end of the word inwards, one group at a time
(predicate → finite verb, or case → possessive → plural → participle), each checked for vowel
harmony and buffer consonants; then consonant alternations and dropped vowels are restored.
Where a suffix can be read two ways (qanun-u / qanu-nu), the reading that leaves an attested stem wins.
Folded input (`usagin`) works too: suffix letters match their diacritic-free forms and vowel harmony
accepts what a folded vowel may stand for. Suffix tables and word lists: `data/stemmer_*.txt`,
documented in docs/stemmer.md.
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
_TEMPLATE_LETTERS = {"A": "[aəe]", "I": "[ıiuü]", "Q": "[qğkyg]"}
# Stems ending in a voice or derivation marker are verbs: edil-, veril-, işlə-, bağlan-, bildir-, göstərt-.
_DERIVED_VERB = re.compile(r"..(il|ul|dir|dur|laş|leş|la|le|lan|len)$")
_OPTATIVE = "(y)A"  # never after the negation: etməyə is the masdar etmə + dative
_AORIST = ("(y)Ar", "(y)ArlAr")


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _letter_class(letter: str) -> str:
    """A template letter as a regex: archiphonemes by table, other letters also in folded form (ş or s)."""
    if letter in _TEMPLATE_LETTERS:
        return _TEMPLATE_LETTERS[letter]
    return f"[{letter}{fold(letter)}]" if fold(letter) != letter else letter


class _Suffix:
    """One suffix template: regexes with and without its buffer, the vowels to harmonise, where it may follow."""

    def __init__(self, template: str):
        self.template = template
        self.after_vowel = template.startswith("+")
        self.after_possessive = template.startswith("n-")
        template = template.lstrip("+").removeprefix("n-")
        self.buffer, body = (template[1], template[3:]) if template.startswith("(") else ("", template)
        self.body_vowels = [ch for ch in body if ch in "AI"]
        pattern = ("n" if self.after_possessive else "") + "".join(map(_letter_class, body))
        # with and without the buffer: ölkə-nin and İran-ın both end in -nın
        variants = [f"({_letter_class(self.buffer)})", "()"] if self.buffer else ["()"]
        self.regexes = [re.compile(f"{variant}{pattern}$") for variant in variants]
        self.length = len(body) + self.after_possessive
        # the letters a word must end in for the suffix to match: most words are rejected without a regex
        self.last_letters = frozenset(_letter_class(body[-1]).strip("[]"))

    def cuts(self, word: str) -> list[int]:
        """Where the stem may end if this suffix ends the word (buffered reading first)."""
        if word[-1:] not in self.last_letters:
            return []
        matches = [regex.search(word) for regex in self.regexes]
        return [match.start() for match in matches if match and self._fits(word, match)]

    def _fits(self, word: str, match: re.Match) -> bool:
        stem = word[: match.start()]
        if len(stem) < 2 or not _VOWELS & set(stem) or not self._context_fits(stem, bool(match.group(1))):
            return False
        vowels = ([self.buffer] if match.group(1) and self.buffer in "AI" else []) + self.body_vowels
        return _harmonic(stem, word[match.start():], vowels)

    def _context_fits(self, stem: str, has_buffer: bool) -> bool:
        """Buffer consonants come after a vowel, buffer vowels after a consonant; n- after a possessive."""
        ends_in_vowel = stem[-1] in _VOWELS
        if self.after_possessive:  # kitab-ı-nda: the stem is a possessive form, two syllables at least
            return fold(stem[-1]) in "iu" and sum(ch in _VOWELS for ch in stem) >= 2
        if self.after_vowel:
            return ends_in_vowel
        if self.buffer:
            return has_buffer == (ends_in_vowel != (self.buffer in "AI"))
        return True


class _Suffixes:
    """A group's suffixes, longest first; for a word, only those that can end it (its last letter is theirs):
    most of the hundred or so never can, and trying each cost the stemmer a third of its time."""

    def __init__(self, suffixes: list[_Suffix]):
        self.longest_first = sorted(suffixes, key=lambda suffix: -suffix.length)  # stable: ties keep the file's order
        self._by_last_letter: dict[str, list[_Suffix]] = {}

    def ending(self, word: str) -> list[_Suffix]:
        letter = word[-1:]
        found = self._by_last_letter.get(letter)
        if found is None:
            found = [suffix for suffix in self.longest_first if letter in suffix.last_letters]
            self._by_last_letter[letter] = found
        return found


@cache
def _groups() -> list[tuple[str, _Suffixes]]:
    groups: list[tuple[str, list[_Suffix]]] = []
    for line in _lines("stemmer_suffixes.txt"):
        if line.startswith("["):
            groups.append((line.strip("[]"), []))
        else:
            groups[-1][1].extend(_Suffix(template) for template in line.split())
    return [(group, _Suffixes(suffixes)) for group, suffixes in groups]


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
    """Each word list, as written and diacritic-free (a folded word is looked up in the second)."""
    lists = {
        "protected": _lines("stemmer_protected.txt"),
        "adjectives": _lines("stemmer_adjectives_i.txt"),
        "verbs": _lines("stemmer_verb_roots.txt"),
        "stems": _lines("stemmer_vowel_stems.txt") + _lines("stemmer_consonant_stems.txt") + list(_vowel_drop().values()),
        "keep_final": _lines("stemmer_keep_final.txt"),
    }
    lexicon = {name: frozenset(words) for name, words in lists.items()}
    lexicon |= {name + " folded": frozenset(map(fold, words)) for name, words in lists.items()}
    return lexicon


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
    if len(word) < 3 or any(ch.isdigit() for ch in word) or _in_list(word, "protected") or _is_known_stem(word):
        return word
    for group, suffixes in _groups():  # a verb ending first: gedir is ged-ir, not ge-dir; gedən not ge-dən
        verb = "verbal" in group and _strip_verbal(word, suffixes.ending(word))
        if verb:
            return _restore(verb, True)
    stripped_vowel_suffix = False
    for group, suffixes in _groups():
        if _is_known_stem(word) or group in ("predicate", "case") and _in_list(word, "adjectives"):
            break  # an -i adjective is checked whole or before -dIr only: dini-dir, but din-i-ndə
        if "verbal" in group:
            verb = _strip_verbal(word, suffixes.ending(word))
            if verb:
                return _restore(verb, True)
            continue
        cut = _best_cut(word, suffixes.ending(word), group)
        if cut is not None:
            stripped_vowel_suffix = fold(word[cut]) in "aeiou"
            word = word[:cut]
            if _in_list(word, "protected"):
                return word
    return _restore(word, stripped_vowel_suffix)


def _in_list(word: str, name: str) -> bool:
    """In a word list; a diacritic-free (ASCII) word also matches a listed word's folded spelling."""
    return word in _lexicon()[name] or (word.isascii() and word in _lexicon()[name + " folded"])


def _is_known_stem(word: str) -> bool:
    return _in_list(word, "stems")


def _best_cut(word: str, suffixes: list[_Suffix], group: str) -> int | None:
    """The first reading that leaves an attested stem, else the first plausible reading."""
    cuts = [cut for suffix in suffixes for cut in suffix.cuts(word) if _plausible(word, cut, suffix, group)]
    for cut in cuts:
        if _is_known_stem(_restore(word[:cut], fold(word[cut]) in "aeiou")):
            return cut
    return cuts[0] if cuts else None


def _plausible(word: str, cut: int, suffix: _Suffix, group: str) -> bool:
    """Rejects readings that eat a known stem's last consonant (qanu-nu of qanun-u, şək-lə of şəkl-ə),
    most unknown stems before an n-buffered case (Makro-nun), and -iya/-iyə loanwords (komissi-ya)."""
    folded = fold(word)
    stem, first = folded[:cut], folded[cut]
    if _is_known_stem(word[: cut + 1]) or stem + first in _vowel_drop():
        return False
    if group != "case":
        return True
    if first == "y":
        return not stem.endswith("i") or _is_known_stem(word[:cut])
    if stem.endswith("iy") and first in "ae":
        return first == "e" and stem.endswith("liy")  # təhlükəsizliy-ə (-lik), but Türkiyə, komissiya
    if first == "n" and not suffix.after_possessive:  # a possessive (kitabı-nın) or an -iya loanword (komissiya-nın)
        return _is_known_stem(word[:cut]) or stem[-1] in "iu" or stem.endswith(("ya", "ye"))
    return True


def _strip_verbal(word: str, suffixes: list[_Suffix]) -> str | None:
    if _in_list(word, "verbs"):
        return None  # a bare root (qal, çıxar) is not root + ending
    for suffix in suffixes:
        for cut in suffix.cuts(word):
            stem = _verb_root(word[:cut], suffix)
            if stem:
                return stem
    return None


def _verb_root(stem: str, suffix: _Suffix) -> str | None:
    """The verb root of a stem, through the negation -mA (olma-yan → ol); None if not a verb."""
    if suffix.template in _AORIST and stem.endswith("l"):
        return stem if _in_list(stem, "verbs") else None  # bil-ər, but seçki-lər is a plural
    if _is_verb(stem):
        return stem
    negated = re.search("m[aəe]$", stem) and suffix.template != _OPTATIVE
    if negated and _is_verb(stem[:-2]):
        return stem[:-2]
    return None


def _is_verb(stem: str) -> bool:
    """A listed root (ed-, ged- are et-, get- before a vowel) or a stem ending in a derivation marker."""
    spelled = {"ed": "et", "ged": "get"}.get(stem, stem)
    if _in_list(spelled, "verbs"):
        return True
    folded = fold(stem)
    if folded.endswith(("lan", "len")) and _is_verb(stem[:-2]):
        return False  # a participle in -An (aparıl-an, bil-ən), not a verb in -lAn (bağla-n)
    return bool(_DERIVED_VERB.search(folded))


def _restore(stem: str, after_vowel_suffix: bool) -> str:
    """Undo what a vowel-initial suffix did to the stem: uşağ → uşaq, çörəy → çörək, ed → et, fikr → fikir."""
    folded = fold(stem)
    if folded in _vowel_drop():
        return _vowel_drop()[folded]
    if folded in ("ed", "ged"):
        return stem[:-1] + "t"
    if not after_vowel_suffix or _in_list(stem, "keep_final"):
        return stem
    if folded.endswith("g") and _last_vowel_is_back(folded):
        return stem[:-1] + "q"
    if _mutated_k(folded):
        return stem[:-1] + "k"
    return stem


def _last_vowel_is_back(folded: str) -> bool:
    """q becomes ğ in back-vowel words (uşağı); a front word's ğ is its own (məbləğ). Folded i, o, u may be back."""
    return [ch for ch in folded if ch in "aeiou"][-1] != "e"


def _mutated_k(folded: str) -> bool:
    """çörəy-i comes from çörək: a final y after a vowel, in a word of two syllables or more."""
    syllables = sum(ch in _VOWELS for ch in folded)
    return folded.endswith("y") and folded[-2] in _VOWELS and syllables >= 2


# Voice suffixes, on the diacritic-free stem: causative -dIr, passive -Il/-In after a consonant, -n after a vowel,
# causative -t after a vowel. `tanın` is tanı-n or tan-ın: both are tried.
_VOICE = (re.compile(r"(?<=[^aeiou])(?:d[iu]r|[iu][ln])$"), re.compile(r"(?<=[aeiou])[nt]$"))


def verb_root(stem: str) -> str | None:
    """The verb a stem is a voice or verbal-noun form of: `pozulma` → `poz`, `qaytarıl` → `qaytar`,
    `zədələnmə` → `zədələ`, `qiymətləndirilmə` → `qiymətləndir`; None if it is not one, or is the root itself.

    Not a stem: derivation stays apart in `stem()`. Search adds the root as a low-weight term, because users
    type the active verb (`qaytarmaq`) where the law writes the passive verbal noun (`qaytarılması`).
    The shortest listed root (stemmer_verb_roots.txt) wins.
    """
    verb = stem[:-2] if re.search("m[ae]$", fold(stem)) else stem  # the verbal noun -mA
    roots = [_listed_verb(candidate) for candidate in _voice_readings(verb)]
    found = min(filter(None, roots), key=len, default=None)
    return found if found != stem else None


def _voice_readings(verb: str) -> list[str]:
    """The verb and what remains after peeling voice suffixes, every way they can be read."""
    readings = [verb]
    for pattern in _VOICE:
        match = pattern.search(fold(verb))
        rest = verb[: match.start()] if match else ""
        if len(rest) >= 2 and _VOWELS & set(rest):
            readings += _voice_readings(rest)
    return readings


def is_verb_root(stem: str) -> bool:
    """A listed verb root (`qaytar`, `ed` for et-)."""
    return _listed_verb(stem) is not None


def _listed_verb(candidate: str) -> str | None:
    spelled = {"ed": "et", "ged": "get"}.get(candidate, candidate)  # ed-il-, ged-il-
    return spelled if _in_list(spelled, "verbs") else None
