"""The dispatcher (`parse_file`, `doc_id_for`) and the encoding layer."""
import gzip
import os
from pathlib import Path

import pytest

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


def test_too_large_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr("indexer.parsing.encoding.MAX_FILE_BYTES", 100)
    path = tmp_path / "böyük.txt"
    path.write_text(AZ_TEXT * 3, encoding="utf-8")
    assert skip_reason(path).startswith("fayl çox böyükdür")
