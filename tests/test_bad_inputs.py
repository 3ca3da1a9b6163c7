"""Messy real-world files through the whole build: for each kind, what the index holds afterwards and what
the build reports. No bad file stops the build or loses the good files beside it."""
import gzip
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from indexer.engine import build, writer

from .conftest import indexed_ids, search

# Windows-1254 has no "ə": old Azerbaijani pages write "e"; the detector needs a sentence or two to be sure.
CP1254 = ("Şuşa şeherinde keçirilen görüşde İsmayıllı, Ağdaş ve Göyçay rayonlarının nümayendeleri iştirak etdiler. "
          "Terefler emekdaşlığın genişlendirilmesini müzakire etdiler.")
GOOD = "Ombudsman Pakistan nümayəndə heyəti ilə görüşdü.\n\nTərəflər əməkdaşlıq memorandumu imzaladılar."


@dataclass
class Case:
    make: Callable[[Path], None]  # writes the bad file(s) into the corpus folder
    ids: set[str]  # what the index holds afterwards, beside the good file "good"
    reported: str | None = None  # part of what the build reports, None when it reports nothing
    finds: tuple[str, str] | None = None  # (query, id): the document answers that query


def text(name: str, content: str, encoding: str = "utf-8", newline: str = "\n") -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(content.replace("\n", newline).encode(encoding))


def raw(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def jsonl_lines(count: int, broken_every: int) -> bytes:
    lines = []
    for n in range(count):
        record = {"id": f"rec-{n}", "title": f"Qeyd {n}", "text": f"Səfər haqqında xəbər {n}.", "date": "2023-05-01"}
        line = json.dumps(record, ensure_ascii=False)
        lines.append(line[: len(line) // 2] if broken_every and n % broken_every == 7 else line)
    return "\n".join(lines).encode("utf-8")


def truncated_gzip(folder: Path) -> None:
    data = gzip.compress(jsonl_lines(200, broken_every=0))
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])


def symlink_loop_dir(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text("Daxili sənəd\n\nQovluq dövrəsinin içindəki mətn.", encoding="utf-8")
    os.symlink("..", folder / "sub" / "loop")


def symlink_loop_file(folder: Path) -> None:
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def nested_iframes(folder: Path) -> None:
    frames = "<iframe srcdoc='reklam'>" * 200 + "</iframe>" * 200
    page = f"<html><head><title>Çərçivələr</title></head><body>{frames}<article><p>Seminar keçirildi.</p></article></body></html>"
    (folder / "frames.html").write_text(page, encoding="utf-8")


def deep_html(folder: Path) -> None:
    page = "<html><body>" + "<div>" * 5000 + "<p>Dərin yuvalanmış mətn burada.</p>" + "</div>" * 5000 + "</body></html>"
    (folder / "deep.html").write_text(page, encoding="utf-8")


def huge_file(folder: Path) -> None:
    """50 MB: a short article and megabytes of blank padding, as a broken export tool writes it."""
    with open(folder / "huge.txt", "wb") as stream:
        stream.write("Böyük fayl\n\nNəhəng faylın əvvəlindəki cümlə.\n".encode())
        stream.write(b" " * (50 * 2**20))


def binary_junk(folder: Path) -> None:
    (folder / "junk.txt").write_bytes(random.Random(5).randbytes(200_000))


CASES = {
    "truncated HTML": Case(
        text("cut.html", "<html><head><title>Kəsik səhifə</title></head><body><p>Ombudsman Monqolustan"),
        {"cut"}, finds=("Monqolustan", "cut")),
    "nested iframes": Case(nested_iframes, {"frames"}, finds=("seminar", "frames")),
    "deeply nested HTML": Case(deep_html, {"deep"}, finds=("yuvalanmış", "deep")),
    "HTML of scripts only": Case(
        text("empty.html", "<html><body><script>var a = 1;</script></body></html>"), set(), "faylda mətn yoxdur"),
    "HTML lying about its charset": Case(
        text("lie.html", f"<html><head><meta charset='utf-8'><title>Şuşa görüşü</title></head><body><p>{CP1254}</p></body></html>",
             "cp1254"), {"lie"}, "kodlaşdırma təxmin edildi: cp1254", ("Ağdaş", "lie")),
    "a 50 MB file": Case(huge_file, {"huge"}, finds=("nəhəng", "huge")),
    "binary junk named .txt": Case(binary_junk, set(), "mətn deyil"),
    "NUL bytes in text": Case(raw("nul.txt", b"Ba\x00sliq\n\nmetn"), set(), "mətn deyil (ikili fayl)"),
    "CRLF newlines": Case(text("crlf.txt", "Windows faylı\n\nBirinci abzas.\n\nİkinci abzas.", newline="\r\n"),
                          {"crlf"}, finds=("abzas", "crlf")),
    "old Mac CR newlines": Case(text("cr.txt", "Köhnə Mac\n\nAbzas mətni.", newline="\r"), {"cr"}, finds=("abzas", "cr")),
    "mixed scripts": Case(text("mixed.txt", "Qarışıq yazılar\n\nОмбудсман Бакыда. Ombudsman in Baku. 监察员 مدافع"),
                          {"mixed"}, finds=("ombudsman", "mixed")),
    "UTF-16 with BOM": Case(text("utf16.txt", "\ufeffUTF-16 sənəd\n\nQəbul olundu.", "utf-16"), {"utf16"}, finds=("qəbul", "utf16")),
    "cp1254 without declaration": Case(text("old.txt", f"Köhne yazı\n\n{CP1254}", "cp1254"),
                                       {"old"}, "kodlaşdırma təxmin edildi", ("İsmayıllı", "old")),
    "empty file": Case(raw("empty.txt", b""), set(), "fayl boşdur"),
    "whitespace only": Case(raw("blank.md", b" \n\t\n  "), set(), "fayl boşdur"),
    "unsupported type": Case(raw("scan.pdf", b"%PDF-1.4"), set(), "dəstəklənməyən fayl növü: .pdf"),
    "a word of 100,000 letters": Case(text("long.txt", "Uzun söz\n\n" + "a" * 100_000 + " sonra"), {"long"}, finds=("sonra", "long")),
    "JSON lines that are not JSON": Case(raw("notjson.jsonl", b"hello\n" * 1000), set(), "JSON Lines deyil: ilk 20 sətir xətalıdır"),
    "truncated gzip export": Case(truncated_gzip, None, "fayl yarımçıqdır"),
    "symlink loop of folders": Case(symlink_loop_dir, {"sub/inner"}),
    "symlink loop of files": Case(symlink_loop_file, set(), "fayl oxunmadı"),
    "dangling symlink": Case(lambda folder: os.symlink("nowhere.txt", folder / "gone.txt"), set(), "fayl oxunmadı"),
    "named pipe named .txt": Case(fifo, set(), "adi fayl deyil"),
    "odd file names": Case(text("boşluq və 'dırnaq' #1.txt", "Qəribə ad\n\nFaylın adı qəribədir."),
                           {"boşluq və 'dırnaq' #1"}, finds=("qəribə", "boşluq və 'dırnaq' #1")),
}


@pytest.mark.parametrize("kind", CASES)
def test_bad_input(kind, tmp_path):
    case = CASES[kind]
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Yaxşı sənəd\n\n{GOOD}", encoding="utf-8")
    case.make(corpus)
    problems = []
    summary = build([corpus], index, lambda path, reason: problems.append(f"{path}: {reason}"))
    held = indexed_ids(index) - {"good"} if case.ids is not None else None
    if case.ids is not None:
        assert held == case.ids
        assert summary.indexed == len(held) + 1
    assert [hit["id"] for hit in search(index, "memorandumu")["hits"]] == ["good"]
    if case.reported is None:
        assert problems == []
    else:
        assert any(case.reported in problem for problem in problems), problems
    if case.finds:
        query, doc_id = case.finds
        assert doc_id in [hit["id"] for hit in search(index, query)["hits"]]


def test_ten_thousand_json_lines_keep_every_good_line(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "POOL_MIN_BYTES", 0)  # in worker processes, as a real export of this size would be
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "export.jsonl").write_bytes(jsonl_lines(10_000, 500))
    problems = []
    summary = build([corpus], tmp_path / "index", lambda path, reason: problems.append(reason))
    assert summary.indexed == search(tmp_path / "index")["total"] == 10_000 - 20
    assert [problem.split(":")[0] for problem in problems] == [f"sətir {n + 1}" for n in range(7, 10_000, 500)]
    assert all("JSON xətası" in problem for problem in problems)
    assert search(tmp_path / "index", '"qeyd 9999"')["total"] == 1
    assert search(tmp_path / "index", '"qeyd 507"')["total"] == 0  # a broken line


def test_truncated_gzip_keeps_every_complete_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    truncated_gzip(corpus)
    summary = build([corpus], tmp_path / "index", lambda path, reason: None)
    ids = indexed_ids(tmp_path / "index")
    assert 50 < len(ids) < 200 and ids == {f"rec-{n}" for n in range(len(ids))}
    assert summary.skipped == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_unreadable_file_is_reported_and_the_rest_indexed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Yaxşı sənəd\n\n{GOOD}", encoding="utf-8")
    (corpus / "secret.txt").write_text("Gizli\n\nmətn", encoding="utf-8")
    (corpus / "secret.txt").chmod(0)
    problems = []
    build([corpus], tmp_path / "index", lambda path, reason: problems.append(reason))
    assert indexed_ids(tmp_path / "index") == {"good"}
    assert any("fayl oxunmadı" in problem for problem in problems)


def test_file_changed_during_the_build_is_indexed_as_read_and_caught_next_time(tmp_path):
    """The hash kept is of the bytes parsed, so a file rewritten after it was read is indexed again."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    changing = corpus / "changing.txt"
    changing.write_bytes("Köhne metn\n\nŞamaxı görüşü.".encode("cp1254"))

    def rewrite_while_building(path, reason):  # called after the file was read, for its guessed encoding
        changing.write_text("Yeni mətn\n\nLənkəran görüşü.", encoding="utf-8")

    build([corpus], index, rewrite_while_building)
    assert [hit["id"] for hit in search(index, "Şamaxı")["hits"]] == ["changing"]
    assert search(index, "Lənkəran")["total"] == 0
    summary = build([corpus], index, lambda path, reason: None)
    assert summary.indexed == 1
    assert search(index, "Şamaxı")["total"] == 0
    assert [hit["id"] for hit in search(index, "Lənkəran")["hits"]] == ["changing"]
