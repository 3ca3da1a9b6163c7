import json
import shutil

from click.testing import CliRunner

from indexer.cli import main

from .conftest import DOCS, SEEDS


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_build_reports_skipped_files_and_summarises(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("build", "--corpus", corpus, "--index", tmp_path / "index")
    assert result.exit_code == 0, result.output
    assert "photo.png" in result.stderr
    assert "2 sənəd indeksləndi, 1 fayl buraxıldı" in result.stdout


def test_build_without_corpus_fails_clearly(tmp_path):
    result = run("build", "--corpus", tmp_path / "missing", "--index", tmp_path / "index")
    assert result.exit_code != 0
    assert "korpus qovluğu tapılmadı" in result.output


def test_build_into_unwritable_place_fails_clearly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run("build", "--corpus", SEEDS, "--index", blocker / "index")
    assert result.exit_code != 0
    assert "indeks qovluğuna yazmaq mümkün deyil" in result.output


def test_search_json_is_the_api_object(index_dir, client):
    result = run("search", "ombudsman", "--index", index_dir, "--year", "2022", "--json")
    assert result.exit_code == 0, result.output
    cli = json.loads(result.stdout)
    api = client.get("/api/search?q=ombudsman&year=2022").get_json()
    for answer in (cli, api):
        answer.pop("took_ms")
    assert cli == api


def test_search_prints_a_readable_list(index_dir):
    result = run("search", "COP29", "--index", index_dir)
    assert result.exit_code == 0
    assert "1 nəticə" in result.stdout
    assert "COP29 zamanı Ombudsman" in result.stdout


def test_search_rejects_bad_page(index_dir):
    result = run("search", "x", "--index", index_dir, "--page", "abc")
    assert result.exit_code != 0
    assert "'page' tam ədəd olmalıdır" in result.output


def test_search_without_index_says_so(tmp_path):
    result = run("search", "x", "--index", tmp_path)
    assert result.exit_code != 0
    assert "indeks yoxdur" in result.output


def test_default_index_honours_environment(tmp_path, monkeypatch, index_dir):
    monkeypatch.setenv("INDEX_DIR", str(index_dir))
    assert run("search", "COP29").exit_code == 0


def test_docs_directory_is_indexed_recursively(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DOCS, corpus / "nested" / "deeper")
    run("build", "--corpus", corpus, "--index", tmp_path / "index")
    result = run("search", "Gürcüstan", "--index", tmp_path / "index", "--json")
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == ["nested/deeper/georgia_visit"]
