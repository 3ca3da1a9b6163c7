"""The build: incremental by content hash, one commit per build, one build at a time, duplicates, leftovers."""
import json
import shutil

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.engine import BuildError, Engine, build, writer
from indexer.engine.lock import build_lock
from indexer.engine.manifest import FILE_NAME, Manifest
from indexer.engine.progress import Progress, TerminalProgress, for_stderr
from indexer.request import SearchRequest

from .conftest import DOCS, SEEDS, indexed_ids, search

SEED_IDS = {"000_df8d99c26602f3bf", "003_e879f1925df36061"}
DOC_IDS = {"ascii_text", "escaping", "georgia_visit", "un_seminar"}


def run_build(corpora, index_dir, full=False):
    problems = []
    summary = build(list(corpora), index_dir, lambda path, reason: problems.append((path, reason)), full=full)
    return summary, problems


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(DOCS, folder)
    return folder


def write_doc(folder, name, title, body):
    (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def test_second_build_with_nothing_changed_does_nothing(corpus, tmp_path):
    index = tmp_path / "index"
    first, _ = run_build([corpus], index)
    generation = Manifest.load(index).generation
    second, problems = run_build([corpus], index)
    assert first.indexed == 4 and first.full
    assert (second.indexed, second.unchanged, second.full, problems) == (0, 4, False, [])
    assert Manifest.load(index).generation == generation  # no commit at all
    assert indexed_ids(index) == DOC_IDS


def test_new_changed_and_deleted_files(corpus, tmp_path):
    index = tmp_path / "index"
    run_build([corpus], index)
    write_doc(corpus, "new.txt", "Yeni sənəd", "Monqolustan ombudsmanı ilə görüş.")
    write_doc(corpus, "georgia_visit.txt", "Dəyişmiş sənəd", "Bu mətndə artıq qonşu ölkə yoxdur, yalnız zürafə var.")
    (corpus / "un_seminar.txt").unlink()
    summary, _ = run_build([corpus], index)
    assert (summary.indexed, summary.unchanged, summary.removed, summary.full) == (2, 2, 1, False)
    assert indexed_ids(index) == {"ascii_text", "escaping", "georgia_visit", "new"}
    assert search(index, "Gürcüstan")["total"] == 0
    assert [hit["id"] for hit in search(index, "zürafə")["hits"]] == ["georgia_visit"]
    assert [hit["id"] for hit in search(index, "Monqolustan")["hits"]] == ["new"]


def test_many_small_builds_merge_their_segments(corpus, tmp_path):
    """From the sixth segment on, a commit merges the small ones into the new segment (Whoosh's MERGE_SMALL);
    Whoosh's own posting pool crashed on that merge (our inlined postings of an id carry the value '')."""
    index = tmp_path / "index"
    run_build([corpus], index)
    for number in range(6):
        write_doc(corpus, f"visit{number}.txt", f"Səfər {number}", f"Ombudsman Monqolustan nümayəndə heyətini qəbul etdi {number}.")
        summary, problems = run_build([corpus], index)
        assert (summary.indexed, problems) == (1, [])
    assert len(list(index.glob("MAIN_*.trm"))) < 7  # merged
    assert indexed_ids(index) == DOC_IDS | {f"visit{number}" for number in range(6)}
    assert search(index, "Monqolustan")["total"] == 6


def test_touching_a_file_without_changing_it_indexes_nothing(corpus, tmp_path):
    index = tmp_path / "index"
    run_build([corpus], index)
    path = corpus / "escaping.txt"
    path.write_bytes(path.read_bytes())
    assert run_build([corpus], index)[0].indexed == 0


def test_full_build_replaces_everything_in_one_commit_while_a_searcher_stays_open(corpus, tmp_path):
    index = tmp_path / "index"
    run_build([corpus], index)
    engine = Engine(index)
    (corpus / "escaping.txt").unlink()
    summary, _ = run_build([corpus, SEEDS], index, full=True)
    assert summary.full and summary.indexed == 5
    # The engine opened before the build sees the new index on its next search, without a restart.
    request = SearchRequest.from_params(per_page=100)
    assert {hit["id"] for hit in engine.search(request)["hits"]} == (DOC_IDS - {"escaping"}) | SEED_IDS
    assert indexed_ids(index) == (DOC_IDS - {"escaping"}) | SEED_IDS


def test_same_relative_path_in_two_corpora_first_corpus_wins_and_the_other_comes_back(tmp_path):
    first, second, index = tmp_path / "a", tmp_path / "b", tmp_path / "index"
    for folder, word in ((first, "birinci"), (second, "ikinci")):
        folder.mkdir()
        write_doc(folder, "report.txt", f"Hesabat {word}", f"Bu {word} qovluqdakı hesabatdır.")
    summary, problems = run_build([first, second], index)
    assert summary.indexed == 1
    assert [(path, reason) for path, reason in problems] == [
        (str(second / "report.txt"), "'report' id-li sənəd artıq var (report.txt): bu nüsxə buraxıldı")
    ]
    assert search(index, "hesabat")["hits"][0]["title"] == "Hesabat birinci"
    # The first one goes: the copy it shadowed is indexed, though its file did not change.
    (first / "report.txt").unlink()
    summary, problems = run_build([first, second], index)
    assert (summary.indexed, summary.removed, problems) == (1, 1, [])
    assert [hit["title"] for hit in search(index, "hesabat")["hits"]] == ["Hesabat ikinci"]


def test_duplicate_ids_inside_one_export_first_line_wins(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    lines = [{"id": "x", "title": "Birinci", "text": "ilk sətir"}, {"id": "x", "title": "İkinci", "text": "sonrakı"}]
    (corpus / "export.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    summary, problems = run_build([corpus], index)
    assert summary.indexed == 1 and summary.skipped == 0
    assert problems == [(str(corpus / "export.jsonl"), "'x' id-li sənəd artıq var (bu faylda): bu nüsxə buraxıldı")]
    assert search(index, "")["hits"][0]["title"] == "Birinci"


def test_a_manifest_that_does_not_match_the_index_forces_a_full_build(corpus, tmp_path):
    """A build killed between the commit and the manifest leaves such a manifest; nothing is duplicated."""
    index = tmp_path / "index"
    run_build([corpus], index)
    manifest = json.loads((index / FILE_NAME).read_text())
    manifest["generation"] -= 1
    manifest["entries"] = {}
    (index / FILE_NAME).write_text(json.dumps(manifest))
    summary, _ = run_build([corpus], index)
    assert summary.full and summary.indexed == 4
    assert search(index)["total"] == 4


def test_a_second_build_stops_with_a_clear_message(corpus, tmp_path):
    index = tmp_path / "index"
    run_build([corpus], index)
    with build_lock(index):
        with pytest.raises(BuildError, match="başqa bir indeksləmə artıq işləyir"):
            run_build([corpus], index)
        result = CliRunner().invoke(main, ["build", "--corpus", str(corpus), "--index", str(index)])
    assert result.exit_code == 1
    assert "başqa bir indeksləmə artıq işləyir" in result.output
    assert run_build([corpus], index)[0].unchanged == 4  # the lock is gone with its holder


def test_files_a_killed_build_left_behind_are_removed(corpus, tmp_path):
    index = tmp_path / "index"
    run_build([corpus], index)
    (index / "MAIN.tmp").mkdir()
    (index / "MAIN.tmp" / "postings").write_bytes(b"x" * 100)
    (index / "k3j5x9q2w7.tmp").mkdir()  # a worker's, for the segment it was writing
    (index / "k3j5x9q2w7.tmp" / "terms-0.run").write_bytes(b"x" * 100)
    (index / "_MAIN_99.toc.1700000000.5").write_bytes(b"half a toc")
    (index / f"{FILE_NAME}.123.tmp").write_text("{")
    run_build([corpus], index)
    assert not (index / "MAIN.tmp").exists() and not (index / "k3j5x9q2w7.tmp").exists()
    assert not list(index.glob("*.toc.*")) and not list(index.glob("*.tmp"))


def build_in_workers(corpus, index, monkeypatch):
    monkeypatch.setattr(writer, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(writer, "RUN_MIN_BYTES", 0)
    monkeypatch.setattr(writer, "SEGMENT_DOCUMENTS", 50)  # a segment per 50 documents or so, two workers writing
    result = run_build([corpus], index)
    monkeypatch.undo()
    return result


@pytest.fixture()
def mixed_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DOCS, corpus / "docs")
    shutil.copytree(SEEDS, corpus / "seeds")
    lines = [{"id": f"line-{n}", "title": f"Sətir {n}", "text": f"Ombudsman görüşü nömrə {n}."} for n in range(300)]
    (corpus / "export.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    return corpus


def test_worker_processes_build_the_same_index_as_one_process(mixed_corpus, tmp_path, monkeypatch):
    run_build([mixed_corpus], tmp_path / "serial")
    summary, _ = build_in_workers(mixed_corpus, tmp_path / "parallel", monkeypatch)
    assert summary.indexed == 306
    assert len(list((tmp_path / "parallel").glob("*.trm"))) >= 5  # a term file per segment
    for q in ("", "ombudsman", "Gürcüstan", "nömrə 17", "Sətir"):
        serial, parallel = search(tmp_path / "serial", q), search(tmp_path / "parallel", q)
        serial.pop("took_ms"), parallel.pop("took_ms")
        assert parallel == serial


def test_documents_workers_wrote_but_the_build_refuses_are_deleted(mixed_corpus, tmp_path, monkeypatch):
    """A duplicate id in a later segment, and the lines of a file found not to be JSON Lines after its first
    lines were sent to a worker, are reported as in a one-process build and cannot be found."""
    (mixed_corpus / "zz-late.jsonl").write_text(json.dumps({"id": "line-7", "title": "Təkrar", "text": "Nüsxə."}))
    (mixed_corpus / "notes.jsonl").write_text("yarımçıq qeyd\n" * 100 + json.dumps({"id": "late", "title": "Gec",
                                              "text": "Sonuncu."}), encoding="utf-8")
    _, serial_problems = run_build([mixed_corpus], tmp_path / "serial")
    summary, problems = build_in_workers(mixed_corpus, tmp_path / "parallel", monkeypatch)
    assert problems == serial_problems
    assert any("'line-7' id-li sənəd artıq var" in reason for _, reason in problems)
    assert any("JSON Lines deyil" in reason for _, reason in problems)
    assert summary.indexed == search(tmp_path / "parallel")["total"] == 306
    assert search(tmp_path / "parallel", "nüsxə")["total"] == search(tmp_path / "parallel", "sonuncu")["total"] == 0


def test_progress_is_silent_without_a_terminal_and_counts_documents_with_one(capsys):
    assert type(for_stderr()) is Progress  # pytest's stderr is not a terminal
    bar = TerminalProgress()
    bar.start(1000)
    bar.advance(500, 40)
    bar.close()
    shown = capsys.readouterr().err
    assert "40 sənəd" in shown and "50%" in shown
