"""The site and builds at the same time: a build killed at any moment leaves the previous index searchable
(and a second build started meanwhile stops with a message), and a site searching in a loop while builds run sees no error and the new documents without a restart."""
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main
from webui import create_app

from .conftest import REPO, SEEDS, build_index, indexed_ids, search

SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SCALE_DOCUMENTS = 300  # a few seconds of building on this machine


def run_build(corpus: Path, index: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(index), *extra]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def scale_export(tmp_path_factory) -> Path:
    if not (SHARED_CORPUS / "make_scale_corpus.py").exists():
        pytest.skip(f"the shared corpus is absent ({SHARED_CORPUS}): no large export to build from")
    path = tmp_path_factory.mktemp("scale") / "scale.jsonl.gz"
    subprocess.run([sys.executable, SHARED_CORPUS / "make_scale_corpus.py", str(SCALE_DOCUMENTS), str(path)], check=True)
    return path


def wait_for_lock(index: Path, process: subprocess.Popen) -> None:
    """Until the build holds the build lock (seen in /proc/locks, without taking the lock ourselves)."""
    lock = index / ".build.lock"
    while process.poll() is None:
        if lock.exists():
            inode = f":{lock.stat().st_ino}"
            if any(line.split()[5].endswith(inode) for line in Path("/proc/locks").read_text().splitlines()):
                return
        time.sleep(0.02)
    pytest.fail("the build ended before it took its lock")


def test_a_killed_build_leaves_the_previous_index_and_the_next_build_completes(tmp_path, scale_export):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(SEEDS, corpus)
    build_index(index, corpus)
    before = indexed_ids(index)
    shutil.copy(scale_export, corpus / "scale.jsonl.gz")
    # Killed during start-up, then at moments after the build took its lock (a --full build among them).
    for delay, extra in ((None, ()), (0.1, ("--full",)), (0.6, ())):
        process = run_build(corpus, index, *extra)
        if delay is None:
            time.sleep(0.3)
        else:
            wait_for_lock(index, process)
            second = CliRunner().invoke(main, ["build", "--corpus", str(corpus), "--index", str(index)])
            assert second.exit_code == 1 and "başqa bir indeksləmə artıq işləyir" in second.output
            time.sleep(delay)
            assert process.poll() is None, "the build ended before it could be killed: make the export bigger"
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert search(index, "ombudsman")["total"] >= 1
        assert indexed_ids(index) == before, f"killed {delay} s after it took the lock"
    finished = run_build(corpus, index)
    out, err = finished.communicate(timeout=120)
    assert finished.returncode == 0, err.decode()
    assert f"{SCALE_DOCUMENTS} sənəd indeksləndi" in out.decode()
    assert search(index)["total"] == len(before) + SCALE_DOCUMENTS
    assert not (index / "MAIN.tmp").exists()


def test_the_site_answers_while_builds_run_and_sees_new_documents(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(SEEDS, corpus)
    build_index(index, corpus)
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    errors, answers, seen_new = [], [], threading.Event()
    stop = threading.Event()

    def search_in_a_loop():
        while not stop.is_set():
            for url in ("/api/search?q=ombudsman", "/api/search?q=zümrüdquşu", "/?q=ombudsman&year=2022"):
                response = client.get(url)
                if response.status_code != 200:
                    errors.append((url, response.status_code))
                elif url.endswith("zümrüdquşu"):
                    answers.append(response.get_json()["total"])
                    if response.get_json()["total"]:
                        seen_new.set()

    searcher = threading.Thread(target=search_in_a_loop)
    searcher.start()
    try:
        for number in range(2):
            (corpus / f"new-{number}.txt").write_text(f"Yeni sənəd {number}\n\nZümrüdquşu haqqında xəbər.", encoding="utf-8")
            for extra in ((), ("--full",)):
                process = run_build(corpus, index, *extra)
                _, err = process.communicate(timeout=60)
                assert process.returncode == 0, err.decode()
        assert seen_new.wait(timeout=10), "the site never saw the new documents"
    finally:
        stop.set()
        searcher.join()
    assert errors == []
    assert len(answers) > 10 and answers[-1] == 2 and answers[0] in (0, 1)
