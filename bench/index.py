"""Build speed on the scale corpus: a full build and a no-change build, index size, peak memory.

    bench/index.py [N ...] [--profile]

N defaults to 10000 and 100000. Each build runs as `python -m indexer build` in its own process, so peak
memory is that of the build (main process and, separately, the largest worker, sampled from /proc), and so is
the CPU time (main process, and all its workers together: on a shared machine steadier than the wall time). --profile also writes a
pyinstrument profile of the full build of the first N to /tmp/bench-index-N.txt.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
    print(f"load average {' / '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(f"{'docs':>8} {'build':>8} {'docs/s':>8} {'CPU main':>9} {'CPU workers':>12} {'no-change':>10} "
          f"{'index MB':>9} {'main MB':>8} {'worker MB':>10}")
    for number, size in enumerate(args.sizes):
        with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
            print(measure(size, Path(tmp), args.profile and number == 0), flush=True)


def measure(size: int, tmp: Path, profile: bool) -> str:
    corpus, index = tmp / "corpus", tmp / "index"
    corpus.mkdir()
    subprocess.run([sys.executable, SHARED / "make_scale_corpus.py", str(size), str(corpus / "scale.jsonl.gz")], check=True)
    full = timed_build(corpus, index, "--full")
    again = timed_build(corpus, index)
    if profile:
        shutil.rmtree(index)
        run([sys.executable, "-m", "pyinstrument", "-o", f"/tmp/bench-index-{size}.txt", "-m", "indexer", "build",
             "--corpus", str(corpus), "--index", str(index), "--full"])
    index_mb = sum(path.stat().st_size for path in index.iterdir()) / 2**20
    return (f"{size:>8} {full.seconds:>7.1f}s {size / full.seconds:>8.0f} {full.main_cpu:>8.1f}s "
            f"{full.workers_cpu:>11.1f}s {again.seconds:>9.2f}s {index_mb:>9.1f} {full.main_mb:>8.0f} "
            f"{full.worker_mb:>10.0f}")


@dataclass
class Timed:
    seconds: float
    main_cpu: float  # CPU seconds (user + system) of the build's main process
    workers_cpu: float  # of all its worker processes together
    main_mb: float  # peak memory (VmHWM) of the main process
    worker_mb: float  # of the largest worker


def timed_build(corpus: Path, index: Path, *extra: str) -> Timed:
    """One build in its own process, its memory and CPU time sampled from /proc while it runs."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(index), *extra]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    while (ended := os.wait4(process.pid, os.WNOHANG))[0] == 0:
        for pid in descendants(process.pid):
            cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
        for pid in [process.pid, *cpu]:
            peaks[pid] = max(peaks.get(pid, 0), peak_kb(pid))
        time.sleep(0.2)
    process.returncode = os.waitstatus_to_exitcode(ended[1])
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(process.stderr.read())
    workers = [kb for pid, kb in peaks.items() if pid != process.pid]
    # The main process's own CPU time is the kernel's account of it; its workers' as last sampled.
    main_cpu = ended[2].ru_utime + ended[2].ru_stime
    return Timed(seconds, main_cpu, sum(cpu.values()),
                 peaks.get(process.pid, 0) / 1024, max(workers, default=0) / 1024)


def descendants(root: int) -> list[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a running process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def run(command: list) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return result


if __name__ == "__main__":
    main()
