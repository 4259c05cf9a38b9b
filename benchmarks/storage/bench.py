#!/usr/bin/env python3
"""Storage benchmark: import, open, commit latency and memory of a keiretsu database file, with
Kuzu's COPY on the same CSV files for comparison.

    python3 benchmarks/storage/bench.py [--nodes 1000000] [--data DIR] [--repeat 3] [--no-kuzu]

The synthetic alliance graph (about 5 relationships per node, skewed degrees, typed properties)
is generated as neo4j-admin CSV by keiretsu-bench (release build) unless DIR holds it already;
then, with the release build of `keiretsu`:

  import   `keiretsu import --db FILE DIR` into a fresh file (CSV parse, graph build, snapshot
           write, fsync), wall time and peak resident memory
  open     `keiretsu query --db FILE 'RETURN 1'` minus the same on an empty database (process
           start), median of --repeat runs; with the phase times the store prints under
           KEIRETSU_STORAGE_TIMING=1
  memory   peak resident memory of a process that opened the file and counted relationships,
           and the resident memory of the process before it opened anything
  commit   a script of 1000 one-node CREATE statements, minus the same script of 1000 `RETURN 1`
           statements, divided by 1000: the cost of one committed write (log append + fdatasync)
           — on a small file and on the big one (there the variance of the 1.5 s open blurs it)
  Kuzu     COPY of the same files (converted to Kuzu's layout first, untimed), as in
           benchmarks/compare_kuzu.py; needs `pip install kuzu`

Times are wall-clock on whatever else the machine is doing; the load average is printed.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))


def timed(args, env=None):
    """Runs a command; returns (wall seconds, peak resident MB, stderr)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {p.stderr[-800:]}")
    lines = p.stderr.strip().splitlines()
    peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return wall, peak_kb / 1024, "\n".join(lines[:-1])


def phase_times(stderr):
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"timing: (.+?) (\d+) ms", stderr)}


def kuzu_copy(data, work):
    """Seconds for Kuzu's COPY of the same files into a fresh database (conversion untimed)."""
    import kuzu
    import compare_kuzu
    folder = tempfile.mkdtemp(prefix="kuzu-", dir=work)
    try:
        converted = os.path.join(folder, "csv")
        os.makedirs(converted)
        compare_kuzu.convert(data, converted)
        conn = kuzu.Connection(kuzu.Database(os.path.join(folder, "db")))
        for statement in compare_kuzu.SCHEMA:
            conn.execute(statement)
        t0 = time.perf_counter()
        for name, table, _, _ in compare_kuzu.FILES:
            conn.execute(f"COPY {table} FROM '{os.path.join(converted, name)}' (header=false)")
        return time.perf_counter() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=1_000_000)
    ap.add_argument("--data", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-kuzu", action="store_true")
    a = ap.parse_args()
    data = a.data or os.path.join(ROOT, "benchmarks", "out", str(a.nodes))
    for product in ["keiretsu", "keiretsu-bench"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
    bin_dir = os.path.join(ROOT, ".build", "release")
    keiretsu = os.path.join(bin_dir, "keiretsu")
    if not os.path.exists(os.path.join(data, "rels_targets.csv")):
        print(f"generating {data} (keiretsu-bench also loads it and times its queries) …", flush=True)
        subprocess.run([os.path.join(bin_dir, "keiretsu-bench"), "--nodes", str(a.nodes), "--data", data,
                        "--repeat", "1"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    csv_bytes = sum(os.path.getsize(os.path.join(data, f)) for f in os.listdir(data) if f.endswith(".csv"))
    work = tempfile.mkdtemp(prefix="keiretsu-storage-bench-")
    timing = {"KEIRETSU_STORAGE_TIMING": "1"}
    try:
        db = os.path.join(work, "bench.db")
        empty = os.path.join(work, "empty.db")
        print(f"load average {os.getloadavg()[0]:.2f}; {a.nodes:,} nodes in {csv_bytes / 1e6:.0f} MB of CSV", flush=True)

        imports = []
        for i in range(a.repeat):
            for suffix in ["", ".wal", ".lock"]:
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            wall, peak, err = timed([keiretsu, "import", "--db", db, data], timing)
            imports.append((wall, peak, phase_times(err).get("checkpoint write snapshot", 0)))
        import_wall = statistics.median(w for w, _, _ in imports)
        import_peak = max(p for _, p, _ in imports)
        snapshot_ms = statistics.median(s for _, _, s in imports)
        size = os.path.getsize(db)

        timed([keiretsu, "query", "--db", empty, "RETURN 1"])
        start_walls = [timed([keiretsu, "query", "--db", empty, "RETURN 1"])[0] for _ in range(a.repeat)]
        opens = [timed([keiretsu, "query", "--db", db, "RETURN 1"], timing) for _ in range(a.repeat)]
        open_wall = statistics.median(w for w, _, _ in opens) - statistics.median(start_walls)
        phases = phase_times(opens[-1][2])
        _, open_peak, _ = timed([keiretsu, "query", "--db", db, "MATCH ()-[r]->() RETURN count(r)"])
        _, base_peak, _ = timed([keiretsu, "query", "--db", empty, "RETURN 1"])

        writes = os.path.join(work, "writes.cypher")
        reads = os.path.join(work, "reads.cypher")
        n = 1000
        with open(writes, "w") as f:
            f.write("".join(f"CREATE (:BenchWrite {{i: {i}}});\n" for i in range(n)))
        with open(reads, "w") as f:
            f.write("RETURN 1;\n" * n)
        commit_ms = []
        for _ in range(a.repeat):
            w_wall = timed([keiretsu, "run", "--db", db, "--format", "jsonl", writes])[0]
            r_wall = timed([keiretsu, "run", "--db", db, "--format", "jsonl", reads])[0]
            commit_ms.append((w_wall - r_wall) / n * 1000)
        # The same on the small file: the commit cost does not depend on the graph's size.
        small_ms = []
        for _ in range(a.repeat):
            w_wall = timed([keiretsu, "run", "--db", empty, "--format", "jsonl", writes])[0]
            r_wall = timed([keiretsu, "run", "--db", empty, "--format", "jsonl", reads])[0]
            small_ms.append((w_wall - r_wall) / n * 1000)

        kuzu_load = None
        if not a.no_kuzu:
            try:
                kuzu_load = statistics.median(kuzu_copy(data, work) for _ in range(a.repeat))
            except ImportError:
                print("kuzu is not installed (pip install kuzu); skipping the comparison", file=sys.stderr)

        print(f"\nkeiretsu database file, {a.nodes:,} nodes")
        print(f"  import (CSV → file)   {import_wall:7.2f} s   peak {import_peak:6.0f} MB"
              f"   (snapshot write {snapshot_ms / 1000:.2f} s; file {size / 1e6:.0f} MB)")
        if kuzu_load is not None:
            print(f"  Kuzu COPY             {kuzu_load:7.2f} s   ratio keiretsu/Kuzu {import_wall / kuzu_load:.2f}")
        print(f"  open                  {open_wall:7.2f} s   (process start excluded; phases: "
              + ", ".join(f"{k.replace('open ', '')} {v} ms" for k, v in phases.items() if k.startswith("open")) + ")")
        print(f"  resident after open   {open_peak:7.0f} MB  (an empty database: {base_peak:.0f} MB)")
        print(f"  commit, one statement {statistics.median(commit_ms):7.2f} ms  (on an empty file: "
              f"{statistics.median(small_ms):.2f} ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
