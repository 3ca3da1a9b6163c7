"""The benchmark's own code on a few documents: the committed queries, the translation to each peer's syntax, and the
peers' answers (totals and facet counts) checked against counting by hand. No timing is asserted."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import make_queries  # noqa: E402
import peers  # noqa: E402
from timing import percentile, summary  # noqa: E402
from workload import BenchDoc, Query, load_queries  # noqa: E402

DOCS = [
    BenchDoc("a", "Ombudsman Pakistan ilə görüşdü", "Görüşdə insan hüquqları sahəsində əməkdaşlıq müzakirə edildi.", 20220105,
             (2022,), ("Pakistan",)),
    BenchDoc("b", "Seminar", "Əməkdaşlıq haqqında memorandum imzalandı; insan hüquqları müdafiəçisi çıxış etdi.",
             20210310, (2021,), ("Pakistan", "Türkiyə")),
    BenchDoc("c", "Türkiyə nümayəndə heyəti", "Görüşdə miqrasiya məsələləri müzakirə olundu.", 20220601, (2022, 2023),
             ("Türkiyə",)),
]


def test_committed_queries_cover_every_kind():
    queries = load_queries()
    assert len(queries) >= 200
    kinds = {q.kind for q in queries}
    assert kinds == set(make_queries.KINDS)
    assert all(q.q == "" and (q.years or q.partners) for q in queries if q.kind == "empty_filtered")
    assert all(q.q.endswith("*") for q in queries if q.kind == "prefix")
    assert all(q.q.startswith('"') and q.q.endswith('"') for q in queries if q.kind == "phrase")


def test_query_items_read_our_syntax():
    assert peers.query_items('"insan hüquqları" OR əməkdaş* seminar') == [
        ("phrase", "insan hüquqları"), ("or", "OR"), ("prefix", "əməkdaş"), ("word", "seminar")]
    assert peers.Fts5.match('"insan hüquqları" əməkdaş*') == '"insan hüquqları" "əməkdaş"*'


def test_misspelling_changes_one_letter_or_two():
    import random

    word = make_queries.misspell("əməkdaşlıq", random.Random(1))
    assert word != "əməkdaşlıq" and abs(len(word) - len("əməkdaşlıq")) <= 1


@pytest.mark.parametrize("peer_class", peers.PEERS)
def test_peer_answers_match_counting_by_hand(tmp_path, peer_class):
    peer = peer_class(tmp_path)
    assert peer.build(DOCS)["docs"] == 3
    peer.open()

    answer = peer.search(Query("multi_word", "insan hüquqları", (), ()))
    assert answer.total == 2 and {doc_id for doc_id, _ in answer.hits} == {"a", "b"}
    assert "<" in answer.hits[0][1]  # the snippet marks the match
    assert answer.partners == {"Pakistan": 2, "Türkiyə": 1}

    filtered = peer.search(Query("filtered", "müzakirə", (2022,), ("Türkiyə",)))
    assert filtered.total == 1 and filtered.hits[0][0] == "c"
    assert filtered.years == {2022: 1, 2023: 1}  # years counted under the partner filter only
    assert filtered.partners == {"Pakistan": 1, "Türkiyə": 1}  # partners under the year filter only

    listed = peer.search(Query("empty_filtered", "", (), ("Pakistan",)))
    assert [doc_id for doc_id, _ in listed.hits] == ["a", "b"]  # newest first

    assert peer.search(Query("prefix", "əməkdaş*", (), ())).total == 2
    assert peer.search(Query("phrase", '"memorandum imzalandı"', (), ())).total == 1


def test_percentiles_use_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 99) == 99.0 and percentile(values, 50) == 50.0
    assert summary(values)["max"] == 100.0
