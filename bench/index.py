"""Build speed on the scale corpus: a full build and a no-change build, index size, peak memory.

    bench/index.py [N ...] [--profile]

N defaults to 10000 and 100000. Each build runs as `python -m indexer build` in its own process, so peak
memory is that of the build (main process and, separately, the largest worker). --profile also writes a
pyinstrument profile of the full build of the first N to /tmp/bench-index-N.txt.
"""
import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "make_scale_corpus.py").exists():
        sys.exit(f"the shared corpus is absent: {SHARED}")
    print(f"{'docs':>8} {'build':>8} {'docs/s':>8} {'no-change':>10} {'index MB':>9} {'main MB':>8} {'worker MB':>10}")
    for number, size in enumerate(args.sizes):
        with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
            print(measure(size, Path(tmp), args.profile and number == 0), flush=True)


def measure(size: int, tmp: Path, profile: bool) -> str:
    corpus, index = tmp / "corpus", tmp / "index"
    corpus.mkdir()
    subprocess.run([sys.executable, SHARED / "make_scale_corpus.py", str(size), str(corpus / "scale.jsonl.gz")], check=True)
    full_seconds, main_mb, worker_mb = timed_build(corpus, index, "--full")
    again_seconds, _, _ = timed_build(corpus, index)
    if profile:
        shutil.rmtree(index)
        run([sys.executable, "-m", "pyinstrument", "-o", f"/tmp/bench-index-{size}.txt", "-m", "indexer", "build",
             "--corpus", str(corpus), "--index", str(index), "--full"])
    index_mb = sum(path.stat().st_size for path in index.iterdir()) / 2**20
    return (f"{size:>8} {full_seconds:>7.1f}s {size / full_seconds:>8.0f} {again_seconds:>9.2f}s "
            f"{index_mb:>9.1f} {main_mb:>8.0f} {worker_mb:>10.0f}")


def timed_build(corpus: Path, index: Path, *extra: str) -> tuple[float, float, float]:
    """Seconds, peak memory of the build's main process and of its largest worker, in MB."""
    started = time.perf_counter()
    code = (
        "import resource, sys; from indexer.cli import main\n"
        "try:\n    main()\nfinally:\n"
        "    sys.stderr.write(f'peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} "
        "{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n')\n"
    )
    result = run([sys.executable, "-c", code, "build", "--corpus", str(corpus), "--index", str(index), *extra])
    seconds = time.perf_counter() - started
    main_kb, worker_kb = (int(value) for value in result.stderr.strip().splitlines()[-1].split()[1:])
    return seconds, main_kb / 1024, worker_kb / 1024


def run(command: list) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return result


if __name__ == "__main__":
    main()
