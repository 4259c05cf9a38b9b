#!/usr/bin/env python3
"""Runs the engine benchmark on keiretsu and on Kuzu, on the same files, in one run.

    python3 benchmarks/compare_kuzu.py [--nodes 10000 100000 1000000] [--repeat 5]

For each size it has keiretsu-bench (release build) generate the synthetic alliance graph as
neo4j-admin CSV, load it and time Q1-Q8; then it converts the same CSV files to Kuzu's layout
(untimed), times Kuzu's COPY and the same eight queries, and prints both with the
keiretsu/Kuzu ratio (below 1.0 means keiretsu is faster). Needs `pip install kuzu`.
"""

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

QUERIES = {
    "Q1": ("MATCH (c:Company {name: $name}) RETURN c.name, c.founded", lambda s: {"name": s.name(s.companies // 7)}),
    "Q2": ("MATCH (c:Company {name: $name})-[r]-(x) RETURN x.name", lambda s: {"name": s.name(0)}),
    "Q3": ("MATCH (c:Company {name: $name})-[:HOLDS_STAKE]->()-[:HOLDS_STAKE]->(x) RETURN count(DISTINCT x)",
           lambda s: {"name": s.name(s.companies // 2)}),
    "Q4": ("MATCH (p:Person)-[:HOLDS_ROLE]->(c:Company) RETURN c.country AS country, count(*) AS roles ORDER BY country",
           lambda s: {}),
    "Q5": ("MATCH (c:Company {name: $name})-[:HOLDS_STAKE*1..3]->(x) RETURN count(DISTINCT x)",
           lambda s: {"name": s.name(s.companies // 2)}),
    "Q6": ("MATCH (c:Company) WHERE c.founded > 2000 RETURN count(*)", lambda s: {}),
    "Q7": ("MATCH p = (a:Company {name: $a})-[* SHORTEST 1..6]-(b:Company {name: $b}) RETURN length(p)",
           lambda s: {"a": s.name(s.companies // 2), "b": s.name(s.companies // 3)}),
    "Q8": ("MATCH ()-[r]->() RETURN count(r)", lambda s: {}),
}

SCHEMA = [
    "CREATE NODE TABLE Company(id INT64, name STRING, country STRING, founded INT64, revenue DOUBLE, aliases STRING[], PRIMARY KEY(id))",
    "CREATE NODE TABLE Person(id INT64, name STRING, born DATE, PRIMARY KEY(id))",
    "CREATE NODE TABLE Project(id INT64, name STRING, budget INT64, PRIMARY KEY(id))",
    "CREATE NODE TABLE Market(id INT64, name STRING, region STRING, PRIMARY KEY(id))",
    "CREATE REL TABLE HOLDS_STAKE(FROM Company TO Company, percent DOUBLE, asOf DATE)",
    "CREATE REL TABLE HOLDS_ROLE(FROM Person TO Company, role STRING, since INT64)",
    "CREATE REL TABLE PARTNERS_WITH(FROM Company TO Company, since INT64)",
    "CREATE REL TABLE OPERATES_IN(FROM Company TO Market)",
    "CREATE REL TABLE PARTICIPATES_IN(FROM Company TO Project)",
    "CREATE REL TABLE LEADS(FROM Company TO Project, area STRING)",
    "CREATE REL TABLE TARGETS(FROM Project TO Market)",
]

# neo4j-admin file -> (Kuzu table, columns to keep, list columns)
FILES = [
    ("nodes_companies.csv", "Company", ["id:ID", "name", "country", "founded:int", "revenue:float", "aliases:string[]"], {"aliases:string[]"}),
    ("nodes_people.csv", "Person", ["id:ID", "name", "born:date"], set()),
    ("nodes_projects.csv", "Project", ["id:ID", "name", "budget:long"], set()),
    ("nodes_markets.csv", "Market", ["id:ID", "name", "region"], set()),
    ("rels_holds_stake.csv", "HOLDS_STAKE", [":START_ID", ":END_ID", "percent:float", "asOf:date"], set()),
    ("rels_holds_role.csv", "HOLDS_ROLE", [":START_ID", ":END_ID", "role", "since:int"], set()),
    ("rels_partners_with.csv", "PARTNERS_WITH", [":START_ID", ":END_ID", "since:int"], set()),
    ("rels_operates_in.csv", "OPERATES_IN", [":START_ID", ":END_ID"], set()),
    ("rels_participates_in.csv", "PARTICIPATES_IN", [":START_ID", ":END_ID"], set()),
    ("rels_leads.csv", "LEADS", [":START_ID", ":END_ID", "area"], set()),
    ("rels_targets.csv", "TARGETS", [":START_ID", ":END_ID"], set()),
]


class Shape:
    """Mirror of GraphShape in Sources/keiretsu-bench/Generator.swift."""

    def __init__(self, nodes):
        self.companies = max(nodes // 5, 10)

    @staticmethod
    def name(i):
        return f"Company {i}"


def run_keiretsu(nodes, data, repeat):
    binary = os.path.join(ROOT, ".build", "release", "keiretsu-bench")
    out = subprocess.run([binary, "--nodes", str(nodes), "--data", data, "--repeat", str(repeat), "--json"],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def convert(data, target):
    for name, table, columns, lists in FILES:
        with open(os.path.join(data, name), newline="") as f_in, \
             open(os.path.join(target, name), "w", newline="") as f_out:
            reader = csv.DictReader(f_in)
            writer = csv.writer(f_out)
            for row in reader:
                values = []
                for c in columns:
                    v = row[c]
                    if c in lists:
                        v = "[" + ",".join(v.split(";")) + "]"
                    values.append(v)
                writer.writerow(values)


def run_kuzu(data, shape, repeat):
    import kuzu
    work = tempfile.mkdtemp(prefix="kuzu-bench-")
    try:
        converted = os.path.join(work, "csv")
        os.makedirs(converted)
        convert(data, converted)
        db = kuzu.Database(os.path.join(work, "db"))
        conn = kuzu.Connection(db)
        for statement in SCHEMA:
            conn.execute(statement)
        t0 = time.perf_counter()
        for name, table, _, _ in FILES:
            conn.execute(f"COPY {table} FROM '{os.path.join(converted, name)}' (header=false)")
        load = time.perf_counter() - t0
        results = {}
        for key, (text, params) in QUERIES.items():
            p = params(shape)
            times = []
            value = None
            for i in range(repeat + 1):
                t0 = time.perf_counter()
                r = conn.execute(text, p)
                rows = r.get_all()
                elapsed = time.perf_counter() - t0
                if i > 0:
                    times.append(elapsed)
                value = rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else len(rows)
            results[key] = {"ms": statistics.median(times) * 1000, "result": value}
        return {"load_s": load, "queries": results}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "keiretsu-bench"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    for nodes in args.nodes:
        data = os.path.join(ROOT, "benchmarks", "out", str(nodes))
        ours = run_keiretsu(nodes, data, args.repeat)
        try:
            theirs = run_kuzu(data, Shape(nodes), args.repeat)
        except ImportError:
            print("kuzu is not installed (pip install kuzu); showing keiretsu only", file=sys.stderr)
            theirs = None
        print(f"\n{nodes:,} nodes, {ours['relationships']:,} relationships; keiretsu resident {ours['rss_mb']:.0f} MB")
        print(f"{'':6} {'keiretsu':>12} {'Kuzu':>12} {'ratio':>7}   results (keiretsu / Kuzu)")
        kl = theirs["load_s"] if theirs else float("nan")
        print(f"{'load':6} {ours['load_s']:>10.2f} s {kl:>10.2f} s {ours['load_s'] / kl if theirs else float('nan'):>7.2f}")
        for key in QUERIES:
            mine = ours["queries"][key]
            other = theirs["queries"][key] if theirs else {"ms": float("nan"), "result": "-"}
            ratio = mine["ms"] / other["ms"] if theirs and other["ms"] > 0 else float("nan")
            print(f"{key:6} {mine['ms']:>9.2f} ms {other['ms']:>9.2f} ms {ratio:>7.2f}   {mine['result']} / {other['result']}")


if __name__ == "__main__":
    main()
