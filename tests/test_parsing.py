"""The dispatcher (`parse_file`, `doc_id_for`) and the encoding layer."""
import gzip
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.parsing import SUPPORTED_SUFFIXES, SkipFile, doc_id_for, parse_file
from indexer.parsing.encoding import decode_bytes, read_text

AZ_TEXT = (
    "Müvəkkil Gəncə şəhərində vətəndaşları qəbul edib.\n\n"
    "Qəbulda əlilliyi olan şəxslərin hüquqlarının müdafiəsi ilə bağlı müraciətlər dinlənilib.\n"
)


def parse(path, root=None):
    reports = []
    documents = list(parse_file(path, root or path.parent, reports.append))
    return documents, reports


def skip_reason(path, root=None):
    with pytest.raises(SkipFile) as raised:
        parse(path, root)
    return str(raised.value)


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz"}


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("000_df8d99c26602f3bf.txt", "000_df8d99c26602f3bf"),
        ("news/2021/visit.html", "news/2021/visit"),
        ("news/2021/visit.HTM", "news/2021/visit"),
        ("dumps/xəbərlər.jsonl.gz", "dumps/xəbərlər"),
        ("notes/v1.2.md", "notes/v1.2"),
    ],
)
def test_doc_id_is_relative_path_without_extension(tmp_path, relative, expected):
    assert doc_id_for(tmp_path / relative, tmp_path) == expected


def test_doc_id_outside_the_corpus_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        doc_id_for(Path("/elsewhere/a.txt"), tmp_path)


def test_txt_file_in_subfolder(tmp_path):
    path = tmp_path / "qəbul" / "gəncə.txt"
    path.parent.mkdir()
    path.write_text("Vətəndaşların qəbulu\n\n" + AZ_TEXT, encoding="utf-8")
    [document], reports = parse(path, tmp_path)
    assert document.id == "qəbul/gəncə"
    assert document.title == "Vətəndaşların qəbulu"
    assert reports == []


@pytest.mark.parametrize("name", ["şəkil.png", "hesabat.docx", "README", "arxiv.gz"])
def test_unknown_suffix_is_skipped(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert skip_reason(path).startswith("dəstəklənməyən fayl növü")


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t "])
def test_empty_file_is_skipped(tmp_path, content):
    path = tmp_path / "boş.txt"
    path.write_bytes(content)
    assert skip_reason(path) == "fayl boşdur"


def test_binary_junk_named_txt_is_skipped(tmp_path):
    path = tmp_path / "zibil.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert skip_reason(path) == "mətn deyil (ikili fayl)"


def test_nul_bytes_in_text_are_binary(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(AZ_TEXT.encode() + b"\x00\x00" + AZ_TEXT.encode())
    assert skip_reason(path) == "mətn deyil (ikili fayl)"


def test_control_characters_without_nul_are_binary():
    junk = bytes(b for b in range(1, 32) if b not in b"\t\n\r\f\v") * 50
    with pytest.raises(SkipFile, match="ikili"):
        decode_bytes(junk)


def test_missing_file_is_skipped_with_cause(tmp_path):
    assert skip_reason(tmp_path / "yoxdur.txt").startswith("fayl oxunmadı: ")


def test_directory_named_txt_is_skipped(tmp_path):
    (tmp_path / "qovluq.txt").mkdir()
    assert skip_reason(tmp_path / "qovluq.txt").startswith("fayl oxunmadı: ")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files regardless of mode")
def test_unreadable_file_is_skipped(tmp_path):
    path = tmp_path / "gizli.txt"
    path.write_text(AZ_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        assert skip_reason(path).startswith("fayl oxunmadı: ")
    finally:
        path.chmod(0o644)


def test_permission_error_is_wrapped_even_as_root(tmp_path, monkeypatch):
    path = tmp_path / "qadağan.md"
    path.write_text(AZ_TEXT, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert skip_reason(path) == "fayl oxunmadı: Permission denied"


def test_directory_named_jsonl_is_skipped(tmp_path):
    (tmp_path / "qovluq.jsonl").mkdir()
    assert skip_reason(tmp_path / "qovluq.jsonl").startswith("fayl oxunmadı: ")


def test_too_large_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr("indexer.parsing.encoding.MAX_FILE_BYTES", 100)
    path = tmp_path / "böyük.txt"
    path.write_text(AZ_TEXT * 3, encoding="utf-8")
    assert skip_reason(path).startswith("fayl çox böyükdür")


def write_txt(tmp_path, data, name="sənəd.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_crlf_and_lone_cr_become_newlines(tmp_path):
    data = "Başlıq\r\n\r\nBirinci abzas.\r\rİkinci abzas.\r\n".encode()
    [document], reports = parse(write_txt(tmp_path, data))
    assert document.title == "Başlıq"
    assert document.text == "Birinci abzas.\n\nİkinci abzas."
    assert reports == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_bom_encodings(tmp_path, encoding):
    data = ("Başlıq\n\n" + AZ_TEXT).encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    [document], reports = parse(write_txt(tmp_path, data))
    assert document.title == "Başlıq"
    assert document.text.startswith("Müvəkkil Gəncə şəhərində")
    assert "\ufeff" not in document.title
    assert reports == []


def test_utf16_without_bom_is_binary(tmp_path):
    # Without a BOM, UTF-16 is indistinguishable from binary data with NUL bytes.
    assert skip_reason(write_txt(tmp_path, AZ_TEXT.encode("utf-16-le"))) == "mətn deyil (ikili fayl)"


def test_cp1254_is_guessed_and_reported(tmp_path):
    # cp1254 has no "ə"; legacy Azerbaijani pages wrote "e" (or "ä") instead.
    text = "Ombudsman Şəki şəhərində vətəndaşları qəbul edib. Qəbulda Ağdaş, İsmayıllı və Qax sakinləri iştirak edib.\n" * 4
    latin = text.replace("ə", "e").replace("Ə", "E")
    [document], reports = parse(write_txt(tmp_path, latin.encode("cp1254")))
    assert reports == ["kodlaşdırma təxmin edildi: cp1254"]
    assert document.title == latin.split("\n")[0]


def test_windows_1251_is_guessed_and_reported(tmp_path):
    text = (
        "Встреча с делегацией\n\n"
        "Омбудсмен Азербайджана провела встречу с делегацией Совета Европы. "
        "Стороны обсудили вопросы защиты прав мигрантов и беженцев.\n"
    )
    [document], reports = parse(write_txt(tmp_path, text.encode("cp1251")))
    assert reports == ["kodlaşdırma təxmin edildi: cp1251"]
    assert document.title == "Встреча с делегацией"
    assert "прав мигрантов" in document.text


def test_mixed_latin_and_cyrillic_utf8_is_kept_as_is(tmp_path):
    text = "Görüş — Встреча\n\nMüvəkkil Səbinə Əliyeva (Сабина Алиева) ҹ, ә, ғ hərfləri ilə yazılmış sənədi təqdim edib.\n"
    [document], reports = parse(write_txt(tmp_path, text.encode()))
    assert document.title == "Görüş — Встреча"
    assert document.text == text.split("\n\n")[1].strip()
    assert reports == []


def test_text_is_nfc(tmp_path):
    decomposed = "Gu\u0308ndəlik\n\nC\u0327ox o\u0308nəmli go\u0308ru\u0308s\u0327.\n"
    [document], _ = parse(write_txt(tmp_path, decomposed.encode()))
    assert document.title == "Gündəlik"
    assert document.text == "Çox önəmli görüş."


def test_a_few_undecodable_bytes_do_not_crash():
    # Mostly valid UTF-8 with one stray byte: only that byte is lost.
    data = ("Müvəkkil Gəncədə vətəndaşları qəbul edib. " * 20).encode() + b"\xff" + b" Son."
    text, note = decode_bytes(data)
    assert note == "kodlaşdırma təxmin edildi: utf-8"
    assert text.startswith("Müvəkkil Gəncədə vətəndaşları")
    assert text.endswith("edib. \ufffd Son.")


def test_declared_charset_is_used_when_it_decodes():
    text, note = decode_bytes("Şəki".replace("ə", "e").encode("cp1254"), declared="windows-1254")
    assert (text, note) == ("Şeki", None)


def test_unknown_declared_charset_is_ignored():
    assert decode_bytes("Şəki".encode(), declared="x-yoxdur") == ("Şəki", None)


def test_read_text_of_seed_file():
    path = Path(__file__).resolve().parent.parent / "corpus" / "000_df8d99c26602f3bf.txt"
    text, note = read_text(path)
    assert note is None
    assert text.startswith("\n\nCOP29 zamanı")


_FUZZ_SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".jsonl.gz"]
_MARKUP_ALPHABET = st.sampled_from(list("<>/!-#*_[]()`|:{}\"'\\=\n\r \t") + ["<p>", "---\n", "**", "ə", "İ", "ş", "\x00", "\ufeff"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from(_FUZZ_SUFFIXES),
    data=st.one_of(st.binary(max_size=300), st.lists(_MARKUP_ALPHABET, max_size=120).map(lambda p: "".join(p).encode())),
)
def test_any_input_gives_documents_or_skipfile(tmp_path, suffix, data):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(gzip.compress(data) if suffix == ".jsonl.gz" and data[:1] != b"\x00" else data)
    try:
        documents = list(parse_file(path, tmp_path, lambda message: None))
    except SkipFile as skipped:
        assert str(skipped)
    else:
        assert documents and all(document.title or document.text for document in documents)
