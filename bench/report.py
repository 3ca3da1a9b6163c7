"""Tables from the benchmark results: a console summary, and the measured part of docs/performance.md.

The document keeps its hand-written analysis; only the text between the two markers below is generated.
"""
from __future__ import annotations

import json
from collections import defaultdict

from timing import summary
from workload import OUT, ROOT

DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- measured: begin (bench/performance.py writes this part) -->", "<!-- measured: end -->"
GOALS_SIZE = 100000


def ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def ratio(ours: float | None, peer: float | None) -> str:
    if not ours or not peer:
        return "–"
    return f"×{ours / peer:.1f}" if ours / peer >= 10 else f"×{ours / peer:.2f}"


def latency(rows: list[dict], key: str = "wall_ms") -> dict:
    return summary([row[key] for row in rows])


def console(result: dict) -> str:
    lines = [f"{result['size']} documents (load {result['load_before']} → {result['load_after']})"]
    engines = _engines(result)
    for name, data in engines:
        stats = latency(data["queries"])
        lines.append(f"  {name:12} build {data['build']['docs_per_s']:7.0f} docs/s   median {ms(stats['median'])} ms"
                     f"  p95 {ms(stats['p95'])}  p99 {ms(stats['p99'])}  max {ms(stats['max'])}")
    http = (result.get("ours") or {}).get("http")
    for level in (http or {}).get("levels", []):
        lines.append(f"  HTTP {level['clients']:2} clients: {level['rps']:6.1f} req/s  median {ms(level['latency']['median'])}"
                     f"  p99 {ms(level['latency']['p99'])} ms  errors {level['errors']}  RSS {level['memory'].get('VmRSS', 0):.0f} MB")
    return "\n".join(lines)


def _engines(result: dict) -> list[tuple[str, dict]]:
    engines = [("ours", result["ours"])] if result.get("ours") else []
    return engines + [(peer["name"], peer) for peer in result.get("peers", [])]


def write_doc() -> None:
    results = [json.loads(p.read_text()) for p in sorted(OUT.glob("results-*.json"), key=lambda p: int(p.stem.split("-")[1]))]
    measured = "\n".join([BEGIN, ""] + [section for result in results for section in _sections(result)] + [END])
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    DOC.write_text(before + measured + after, encoding="utf-8")


def _sections(result: dict) -> list[str]:
    size = result["size"]
    env = result["environment"]
    out = [f"### {size:,} documents", "",
           f"Measured {env['when']} at commit `{env['commit']}` (engine code hash `{env['engine_hash']}`, "
           f"index `{(result.get('ours') or {}).get('index', '–')}`), command `{result['command']}`; "
           f"load average (1/5/15 min) {result['load_before']} before, {result['load_after']} after.", "",
           f"Machine: {env['cpu']}, {env['nproc']} cores (`nproc`), {env['memory']} memory. Python {env['python']}, "
           f"Whoosh (whoosh-reloaded) {env['whoosh']}, waitress {env['waitress']}, {env['tantivy']} (tantivy from PyPI), "
           f"SQLite {env['sqlite']} (Python's sqlite3, FTS5).", ""]
    ours = result.get("ours")
    peers = result.get("peers", [])
    if not ours:
        return out + ["Our index of this size was not built in this run.", ""]
    out += _build_table(ours, peers) + _latency_table(ours, peers) + _kind_table(ours, peers) + _zero_table(ours, peers)
    if ours.get("http"):
        out += _http_table(ours["http"])
    if size == GOALS_SIZE:
        out += _goals(ours)
    return out


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _build_table(ours: dict, peers: list[dict]) -> list[str]:
    head = _row(["", "ours", *(cell for p in peers for cell in (p["name"], f"ours ÷ {p['name']}"))])
    rows = [head, "|---" * (2 + 2 * len(peers)) + "|"]
    b = ours["build"]
    cells = [("full build, s", b["seconds"], lambda x: f"{x:.0f}", "seconds"),
             ("documents/s", b["docs_per_s"], lambda x: f"{x:.0f}", "docs_per_s"),
             ("index size, MB", b["bytes"] / 1e6, lambda x: f"{x:.0f}", "bytes")]
    if "cpu_seconds" in b and all("cpu_seconds" in p["build"] for p in peers):
        cells.insert(1, ("build CPU time, s", b["cpu_seconds"], lambda x: f"{x:.0f}", "cpu_seconds"))
    for label, value, fmt, key in cells:
        row = f"| {label} | {fmt(value)} |"
        for p in peers:
            pv = p["build"][key] / (1e6 if key == "bytes" else 1)
            row += f" {fmt(pv)} | {ratio(value, pv)} |"
        rows.append(row)
    return ["Build (ours: worker processes, each writing segments of its own, the CPU time theirs and the main process's; Tantivy's writer uses its own threads):", ""] + rows + [""]


def _latency_table(ours: dict, peers: list[dict]) -> list[str]:
    head = _row(["full request, ms", "ours", *(cell for p in peers for cell in (p["name"], f"ours ÷ {p['name']}"))])
    rows = [head, "|---" * (2 + 2 * len(peers)) + "|"]
    for key, label in (("wall_ms", "wall"), ("cpu_ms", "CPU"), ("first_ms", "first run, wall")):
        if not all(key in row for engine in (ours, *peers) for row in engine["queries"]):
            continue  # results of a run before this figure was measured
        mine = latency(ours["queries"], key)
        theirs = [latency(p["queries"], key) for p in peers]
        for stat in ("median", "p95", "p99", "max"):
            row = f"| {label} {stat} | {ms(mine[stat])} |"
            for t in theirs:
                row += f" {ms(t[stat])} | {ratio(mine[stat], t[stat])} |"
            rows.append(row)
    n = len(ours["queries"])
    return [f"Full search request in one process ({n} queries, each the median of its timed passes; total, both "
            "facets, ten hits with snippets). Wall time is what a user waits; CPU time is less disturbed by other "
            "processes on the machine; the first run is each query's warm-up, the first time it runs after the "
            "index is opened (our posting arrays and the peers' caches not yet filled, in the order of "
            "`bench/queries.tsv`):", ""] + rows + [""]


def _by_kind(rows: list[dict]) -> dict[str, list[dict]]:
    kinds = defaultdict(list)
    for row in rows:
        kinds[row["kind"]].append(row)
    return kinds


def _kind_table(ours: dict, peers: list[dict]) -> list[str]:
    head = _row(["kind (n)", "ours median / max",
                 *(cell for p in peers for cell in (f"{p['name']} median / max", f"ours ÷ {p['name']} (median)"))])
    rows = [head, "|---" * (2 + 2 * len(peers)) + "|"]
    peer_kinds = [_by_kind(p["queries"]) for p in peers]
    for kind, mine in _by_kind(ours["queries"]).items():
        m = latency(mine)
        row = f"| {kind} ({len(mine)}) | {ms(m['median'])} / {ms(m['max'])} |"
        for pk in peer_kinds:
            t = latency(pk.get(kind, []))
            row += f" {ms(t.get('median'))} / {ms(t.get('max'))} | {ratio(m['median'], t.get('median'))} |"
        rows.append(row)
    return ["Wall milliseconds by kind of query:", ""] + rows + [""]


def _zero_table(ours: dict, peers: list[dict]) -> list[str]:
    head = _row(["kind", "ours", *(p["name"] for p in peers)])
    rows = [head, "|---" * (2 + len(peers)) + "|"]
    peer_kinds = [_by_kind(p["queries"]) for p in peers]
    for kind, mine in _by_kind(ours["queries"]).items():
        zero = lambda rs: f"{sum(1 for r in rs if r['total'] == 0)} of {len(rs)}"  # noqa: E731
        rows.append(f"| {kind} | {zero(mine)} | " + " | ".join(zero(pk.get(kind, [])) for pk in peer_kinds) + " |")
    return ["Quality note: queries answered with zero hits (misspelled and diacritic-free queries go to the peers "
            "as typed):", ""] + rows + [""]


def _http_table(http: dict) -> list[str]:
    rows = ["| clients | requests | errors | requests/s | median ms | p95 ms | p99 ms | max ms | server RSS MB (peak) |",
            "|---|---|---|---|---|---|---|---|---|"]
    for level in http["levels"]:
        lat = level["latency"]
        mem = level["memory"]
        rows.append(f"| {level['clients']} | {level['requests']} | {level['errors']} | {level['rps']:.1f} | "
                    f"{ms(lat['median'])} | {ms(lat['p95'])} | {ms(lat['p99'])} | {ms(lat['max'])} | "
                    f"{mem.get('VmRSS', 0):.0f} ({mem.get('VmHWM', 0):.0f}) |")
    idle = http["memory_idle"].get("VmRSS", 0)
    return [f"Through HTTP: waitress 3.0.2 with {http['server_threads']} threads serving `webui:create_app`; client "
            "threads with keep-alive connections on 127.0.0.1, in the benchmark's process, on the same two cores; "
            f"the server started at {idle:.0f} MB before its first request:", ""] + rows + [""]


def _goals(ours: dict) -> list[str]:
    lat = latency(ours["queries"])
    http = {level["clients"]: level for level in (ours.get("http") or {}).get("levels", [])}
    four = http.get(4)
    peak = max((level["memory"].get("VmHWM", 0) for level in http.values()), default=None)
    goals = [
        ("in-process median ≤ 20 ms", lat["median"], lat["median"] <= 20),
        ("in-process p99 ≤ 100 ms", lat["p99"], lat["p99"] <= 100),
        ("no query over 300 ms", lat["max"], lat["max"] <= 300),
        ("HTTP, 4 clients: ≥ 100 requests/s", four and four["rps"], four and four["rps"] >= 100),
        ("HTTP, 4 clients: zero errors", four and four["errors"], four and four["errors"] == 0),
        ("HTTP, 4 clients: p99 ≤ 150 ms", four and four["latency"]["p99"], four and four["latency"]["p99"] <= 150),
        ("build ≥ 1,500 documents/s", ours["build"]["docs_per_s"], ours["build"]["docs_per_s"] >= 1500),
        ("server memory ≤ 500 MB", peak, peak is not None and peak <= 500),
    ]
    rows = ["| goal | measured | met |", "|---|---|---|"]
    rows += [f"| {goal} | {'–' if value is None else f'{value:.1f}'} | {'yes' if met else 'no'} |" for goal, value, met in goals]
    return ["Goals of issue 7 at 100,000 documents:", ""] + rows + [""]
