"""The build's main-process work alone: Whoosh's segment writer beside ours, on the same prepared documents.

    bench/segment.py [N] [--limit-mb MB] [--ours]

Prepares N documents (default 10000) of the scale corpus (made once in bench/out/) in this process, as the
build's workers do, then adds them to a fresh index with each writer and commits, and prints the CPU
milliseconds per document of `add_document` and of the commit, and whether the two segments' files are the same
bytes. The cycle collector is off, as in a build. `--ours` times our writer alone (Whoosh's takes a minute).
"""
import argparse
import gc
import gzip
import sys
import tempfile
import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import CLEAR, SegmentWriter

from workload import MissingCorpus, corpus_dir

from indexer.engine.codec import Codec
from indexer.engine.prepare import LinesTask, prepare
from indexer.engine.schema import make_schema
from indexer.engine.segment import WRITER_LIMIT_MB, TermBufferSegmentWriter
from indexer.engine.writer import LINES_PER_TASK


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("--limit-mb", type=int, default=WRITER_LIMIT_MB, help="memory of both writers' buffers")
    parser.add_argument("--ours", action="store_true", help="time our writer only")
    args = parser.parse_args()
    try:
        documents = prepared(corpus_dir(args.size) / "scale.jsonl.gz")
    except MissingCorpus as error:
        sys.exit(str(error))
    gc.disable()
    writers = {"ours": lambda ix: TermBufferSegmentWriter(ix, limitmb=args.limit_mb, codec=Codec(), compound=False)}
    if not args.ours:
        writers["Whoosh"] = lambda ix: SegmentWriter(ix, limitmb=args.limit_mb, codec=Codec(), compound=False)
    with tempfile.TemporaryDirectory(prefix="bench-segment-") as tmp:
        results = {name: timed(make_writer, documents, Path(tmp) / name) for name, make_writer in writers.items()}
    print(f"{len(documents)} documents, buffers of {args.limit_mb} MB, CPU ms per document:")
    print(f"{'writer':<8} {'add':>6} {'commit':>7}")
    for name, (add, commit, _) in results.items():
        print(f"{name:<8} {add:>6.3f} {commit:>7.3f}")
    if args.ours:
        return
    print("segment files:", "the same bytes" if results["Whoosh"][2] == results["ours"][2] else
          "different bytes (expected when a writer spilled to disk: docs/ingestion.md, Writing the segment)")


def prepared(export: Path) -> list[dict]:
    with gzip.open(export) as lines:
        numbered = list(enumerate(lines, 1))
    documents = []
    for start in range(0, len(numbered), LINES_PER_TASK):
        documents += prepare(LinesTask("bench//scale.jsonl.gz", numbered[start:start + LINES_PER_TASK])).docs
    return documents


def timed(make_writer, documents: list[dict], index_dir: Path) -> tuple[float, float, dict[str, bytes]]:
    """CPU ms per document of adding and of committing; the segment's files by extension."""
    index_dir.mkdir()
    writer = make_writer(whoosh_index.create_in(str(index_dir), make_schema()))
    started = time.process_time()
    for fields in documents:
        writer.add_document(**fields)
    added = time.process_time()
    writer.commit(mergetype=CLEAR)  # as a full build commits
    committed = time.process_time()
    files = {path.name.split(".", 1)[1]: path.read_bytes() for path in index_dir.glob("MAIN_*.*")}
    per_document = 1000 / len(documents)
    return (added - started) * per_document, (committed - added) * per_document, files


if __name__ == "__main__":
    main()
