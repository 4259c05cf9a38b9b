#!/usr/bin/env python3
"""Times GraphML (and DOT) export of the benchmark graph: keiretsu, igraph and networkx in one run.

    python3 benchmarks/compare_exports.py [--nodes 1000000] [--networkx-fraction 0.1]

keiretsu-bench generates the synthetic alliance graph as neo4j-admin CSV (benchmarks/out/N);
keiretsu loads it through --seeds and exports it with `keiretsu export` (release build), under
/usr/bin/time so its peak memory is reported. igraph and networkx build the same graph from
the CSV files (untimed) and time only their GraphML writers; networkx, far slower, gets a
fraction of the relationships. Needs `pip install igraph networkx`.
"""

import argparse
import csv
import glob
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build():
    for product in ["keiretsu", "keiretsu-bench"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def ensure_data(nodes):
    data = os.path.join(ROOT, "benchmarks", "out", str(nodes))
    if not os.path.exists(os.path.join(data, "rels_targets.csv")):
        subprocess.run([os.path.join(ROOT, ".build", "release", "keiretsu-bench"), "--nodes", str(nodes),
                        "--data", data, "--repeat", "1"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return data


def time_keiretsu(data, fmt, out):
    binary = os.path.join(ROOT, ".build", "release", "keiretsu")
    # Loading is timed separately (a trivial query) so the export time can be isolated.
    t0 = time.perf_counter()
    subprocess.run([binary, "query", "--seeds", data, "RETURN 1"], check=True, stdout=subprocess.DEVNULL)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "export", "--seeds", data, "--format", fmt, "-o", out],
                       check=True, capture_output=True, text=True)
    total = time.perf_counter() - t0
    peak_kb = int(r.stderr.strip().splitlines()[-1])
    return total - load, total, peak_kb / 1024


def read_edges(data, fraction):
    ids = {}
    names = []
    for path in sorted(glob.glob(os.path.join(data, "nodes_*.csv"))):
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                ids[row["id:ID"]] = len(names)
                names.append(row["name"])
    edges, types = [], []
    for path in sorted(glob.glob(os.path.join(data, "rels_*.csv"))):
        with open(path, newline="") as f:
            for i, row in enumerate(csv.DictReader(f)):
                if fraction < 1 and (i % int(round(1 / fraction))) != 0:
                    continue
                edges.append((ids[row[":START_ID"]], ids[row[":END_ID"]]))
                types.append(row[":TYPE"])
    return names, edges, types


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--networkx-fraction", type=float, default=0.1)
    args = parser.parse_args()
    build()
    data = ensure_data(args.nodes)
    work = tempfile.mkdtemp(prefix="keiretsu-export-bench-")
    rows = []
    for fmt in ["graphml", "dot"]:
        out = os.path.join(work, f"k.{fmt}")
        export, total, peak = time_keiretsu(data, fmt, out)
        rows.append((f"keiretsu {fmt}", export, os.path.getsize(out), f"peak {peak:.0f} MB for load + export"))
    names, edges, types = read_edges(data, 1.0)
    try:
        import igraph
        g = igraph.Graph(n=len(names), edges=edges, directed=True)
        g.vs["name"] = names
        g.es["label"] = types
        out = os.path.join(work, "i.graphml")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        g.write_graphml(out)
        rows.append(("igraph graphml", time.perf_counter() - t0, os.path.getsize(out),
                     f"{len(edges):,} relationships"))
        del g
    except ImportError:
        print("igraph is not installed (pip install igraph)", file=sys.stderr)
    try:
        import networkx
        part_names, part_edges, part_types = read_edges(data, args.networkx_fraction)
        g = networkx.MultiDiGraph()
        for i, n in enumerate(part_names):
            g.add_node(i, name=n)
        for (a, b), t in zip(part_edges, part_types):
            g.add_edge(a, b, label=t)
        out = os.path.join(work, "n.graphml")
        t0 = time.perf_counter()
        networkx.write_graphml(g, out)
        rows.append(("networkx graphml", time.perf_counter() - t0, os.path.getsize(out),
                     f"{len(part_edges):,} relationships (fraction {args.networkx_fraction})"))
    except ImportError:
        print("networkx is not installed (pip install networkx)", file=sys.stderr)
    print(f"\n{args.nodes:,} nodes, {len(edges):,} relationships")
    for name, seconds, size, note in rows:
        print(f"{name:18} {seconds:8.2f} s {size / 1e6:9.0f} MB   {note}")
    for f in glob.glob(os.path.join(work, "*")):
        os.remove(f)
    os.rmdir(work)


if __name__ == "__main__":
    main()
