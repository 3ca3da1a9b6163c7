"""Bytes → clean text: encoding, binary detection, newlines, Unicode NFC."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import charset_normalizer

# Whole-file formats are read into memory; the biggest real page or text is a few MB, so a file
# past this cap is almost certainly a dump or junk, and refusing it keeps the indexer's memory bounded.
MAX_FILE_BYTES = 128 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A detector cannot tell the Latin single-byte code pages apart by statistics alone: these bytes are
# ı İ ş Ş ğ Ğ in cp1254 but ý Ý þ Þ ð Ð in cp1252 (ý Ý ţ Ţ đ Đ in cp1250), and an Azerbaijani corpus
# has the former, never the latter.
_CP1254_LETTER_BYTES = re.compile(rb"[\xfd\xdd\xfe\xde\xf0\xd0]")
_LATIN_SINGLE_BYTE_CODECS = {  # codecs.lookup() names
    "cp1250", "cp1252", "cp1257", "iso8859-1", "iso8859-2", "iso8859-4", "iso8859-13", "iso8859-15", "mac-roman",
}
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


class SkipFile(Exception):
    """The whole file cannot be used; str(e) is the reason, in Azerbaijani."""


def read_text(path: Path) -> tuple[str, str | None]:
    """The file's text and, when its encoding had to be guessed, a note saying which one."""
    data = read_bytes(path)
    return decode_bytes(data)


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SkipFile(f"fayl çox böyükdür ({size // 2**20} MB, hədd {MAX_FILE_BYTES // 2**20} MB)")
        return path.read_bytes()
    except OSError as error:
        raise SkipFile(f"fayl oxunmadı: {error.strerror or error}") from error


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode by BOM, else `declared` (e.g. an HTML meta charset), else UTF-8, else detection.

    Returns NFC text with "\\n" newlines and a note when the encoding was guessed.
    """
    if not data.strip():
        raise SkipFile("fayl boşdur")
    text, note = _decode(data, declared)
    text = normalize(text)
    _reject_binary(text)
    if not text.strip():
        raise SkipFile("fayl boşdur")
    return text, note


def normalize(text: str) -> str:
    """NFC, "\\n" newlines, no BOM: the same bytes-independent form for every format."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, declared: str | None) -> tuple[str, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), None
    if b"\x00" in data:
        raise SkipFile("mətn deyil (ikili fayl)")
    if declared and _is_known_codec(declared):
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass  # a page that lies about its charset is decoded as if it had declared none
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        encoding = _detect(data)
        return data.decode(encoding, errors="replace"), f"kodlaşdırma təxmin edildi: {encoding}"


def _detect(data: bytes) -> str:
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        # Nothing fits: UTF-8 with replacement characters keeps every readable word.
        return "utf-8"
    encoding = codecs.lookup(match.encoding).name
    if encoding in _LATIN_SINGLE_BYTE_CODECS and _CP1254_LETTER_BYTES.search(data):
        return "cp1254"
    return encoding


def _is_known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _reject_binary(text: str) -> None:
    sample = text[:65536]
    controls = sum(
        1 for char in sample
        if char == "\ufffd" or (unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS)
    )
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise SkipFile("mətn deyil (ikili fayl)")
