"""JSON Lines, plain and gzip-compressed: good lines become documents, broken ones are reported."""
import datetime
import gzip
import json
from pathlib import Path

import pytest

from indexer.parsing import SkipFile, parse_file
from indexer.parsing.jsonl import MAX_LEADING_BAD_LINES

SAMPLE = Path(__file__).resolve().parent / "data" / "parsing" / "xeberler.jsonl"
GOOD_IDS = ["gorus-2024-01", "seminar-2024-02", "konfrans-2024-03"]


def parse(path):
    reports = []
    return list(parse_file(path, path.parent, reports.append)), reports


def record(number):
    return {"id": f"xəbər-{number}", "title": f"Xəbər {number}", "text": f"Birinci abzas {number}.\nİkinci abzas."}


def test_good_lines_become_documents_with_all_fields():
    documents, _ = parse(SAMPLE)
    assert [document.id for document in documents] == GOOD_IDS
    first = documents[0]
    assert first.title == "Müvəkkil Norveç səfiri ilə görüşüb"
    assert first.text == (
        "Ombudsman Norveçin ölkəmizdəki səfirini qəbul edib.\n\n"
        "Görüşdə insan hüquqları sahəsində əməkdaşlıq müzakirə olunub."
    )
    assert first.date == datetime.date(2024, 3, 12)
    assert first.url == "https://ombudsman.az/az/news/1001"
    assert first.partners == ["Norveç səfirliyi"]
    assert first.lang == "az"
    assert documents[1].date is None and documents[1].url is None
    assert documents[2].date == datetime.date(2024, 5, 2)


def test_broken_lines_are_reported_with_their_numbers():
    _, reports = parse(SAMPLE)
    assert reports == [
        "sətir 4: JSON xətası (sütun 74)",
        "sətir 5: JSON obyekt deyil",
        "sətir 6: 'id' sahəsi yoxdur",
        "sətir 7: tarix yanlışdır: '2024-13-45'",
        "sətir 8: 'partners' mətnlər siyahısı olmalıdır",
    ]


def test_gzip_gives_the_same_documents(tmp_path):
    path = tmp_path / "xeberler.jsonl.gz"
    path.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    documents, reports = parse(path)
    assert [document.id for document in documents] == GOOD_IDS
    assert len(reports) == 5


def test_truncated_gzip_yields_what_was_read_and_reports(tmp_path):
    lines = "".join(json.dumps(record(number), ensure_ascii=False) + "\n" for number in range(2000))
    compressed = gzip.compress(lines.encode())
    path = tmp_path / "kəsik.jsonl.gz"
    path.write_bytes(compressed[: len(compressed) // 2])
    documents, reports = parse(path)
    assert 0 < len(documents) < 2000
    assert [document.id for document in documents] == [f"xəbər-{n}" for n in range(len(documents))]
    assert reports == [f"fayl yarımçıqdır, {len(documents)} sənəddən sonra oxuma dayandı"]


def test_gzip_cut_before_any_line_is_skipped(tmp_path):
    path = tmp_path / "kəsik.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "b"}\n' * 10)[:15])
    with pytest.raises(SkipFile, match="gzip"):
        parse(path)


def test_plain_text_named_jsonl_gz_is_skipped(tmp_path):
    path = tmp_path / "saxta.jsonl.gz"
    path.write_bytes(b'{"id": "a", "text": "b"}\n')
    with pytest.raises(SkipFile, match="gzip"):
        parse(path)


def test_stream_is_lazy(tmp_path):
    # The first document arrives before the broken tail is read: the file is not loaded at once.
    path = tmp_path / "uzun.jsonl"
    good = "".join(json.dumps(record(number)) + "\n" for number in range(100_000))
    path.write_text(good + "{pozuq\n", encoding="utf-8")
    reports = []
    documents = parse_file(path, tmp_path, reports.append)
    assert next(documents).id == "xəbər-0"
    assert reports == []
    assert sum(1 for _ in documents) == 99_999
    assert reports == ["sətir 100001: JSON xətası (sütun 2)"]


def test_bom_crlf_blank_lines_and_nfc(tmp_path):
    decomposed_title = "Gu\u0308ndəlik xəbər"  # "ü" as u + combining diaeresis
    line = json.dumps({"id": "x", "title": decomposed_title, "text": "Bir.\r\nİki."}, ensure_ascii=False)
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line.encode() + b"\r\n\r\n\r\n")
    [document], reports = parse(path)
    assert document.title == "Gündəlik xəbər"
    assert document.text == "Bir.\n\nİki."
    assert reports == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": 7, "text": "Mətn."}', "'id' sahəsi mətn olmalıdır"),
        ('{"id": " ", "text": "Mətn."}', "'id' boşdur"),
        ('{"id": "a"}', "'text' sahəsi yoxdur"),
        ('{"id": "a", "text": ["Mətn."]}', "'text' sahəsi mətn olmalıdır"),
        ('{"id": "a", "text": "Mətn.", "date": 20240312}', "'date' sahəsi mətn olmalıdır"),
        ('{"id": "a", "text": "Mətn.", "url": 5}', "'url' sahəsi mətn olmalıdır"),
        ('{"id": "a", "title": "", "text": " \\n "}', "sənəd boşdur: nə başlıq, nə mətn var"),
    ],
)
def test_wrong_types_are_reported(tmp_path, line, reason):
    path = tmp_path / "növlər.jsonl"
    path.write_text('{"id": "ok", "text": "Yaxşı sətir."}\n' + line + "\n", encoding="utf-8")
    documents, reports = parse(path)
    assert [document.id for document in documents] == ["ok"]
    assert reports == [f"sətir 2: {reason}"]


def test_invalid_utf8_line_is_reported(tmp_path):
    path = tmp_path / "kodlaşdırma.jsonl"
    path.write_bytes('{"id": "a", "text": "Şəki"}\n'.encode("cp1254", errors="replace") + b'{"id": "b", "text": "c"}\n')
    documents, reports = parse(path)
    assert [document.id for document in documents] == ["b"]
    assert reports == ["sətir 1: UTF-8 deyil"]


def test_only_broken_lines_is_skipped(tmp_path):
    path = tmp_path / "pozuq.jsonl"
    path.write_text("[1]\n{pozuq\n", encoding="utf-8")
    with pytest.raises(SkipFile, match="istifadəyə yararlı sətir yoxdur"):
        parse(path)


def test_binary_junk_named_jsonl_stops_early(tmp_path):
    path = tmp_path / "zibil.jsonl"
    path.write_bytes(b"\x00\xff\x13junk\n" * 1000)
    reports = []
    with pytest.raises(SkipFile, match="JSON Lines deyil"):
        list(parse_file(path, tmp_path, reports.append))
    assert len(reports) == MAX_LEADING_BAD_LINES


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_is_skipped(tmp_path, content):
    path = tmp_path / "boş.jsonl"
    path.write_bytes(content)
    with pytest.raises(SkipFile, match="fayl boşdur"):
        parse(path)


def test_missing_file_is_skipped(tmp_path):
    with pytest.raises(SkipFile, match="fayl oxunmadı"):
        parse(tmp_path / "yoxdur.jsonl.gz")
