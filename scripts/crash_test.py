#!/usr/bin/env python3
"""Crash test for keiretsu database files: writers are killed with SIGKILL at random moments.

    python3 scripts/crash_test.py --keiretsu PATH/TO/keiretsu [--trials 60] [--budget 110] [--seed N]

Every trial starts, against one database file shared by all trials (so that every recovery path
is taken again and again: torn log tails, half-finished checkpoints, stale logs):

  * two writers (the pairs below read "reported committed / present"), `keiretsu run --db FILE --wait 30 --format jsonl SCRIPT`; statement i of writer w
    creates (:W {trial, writer: w, seq: i})-[:STEP]->(:W2 {...}) — two nodes and a relationship,
    so a half-applied statement would show. keiretsu prints a statement's JSON line only after it
    is committed, so the lines read from a writer's stdout are the statements reported committed;
  * sometimes a writer whose script ends in a failing statement (it sets a property, then divides
    by zero): that property must never appear;
  * sometimes a `--single-transaction` writer: all of its statements or none;
  * a reader querying in a loop: every answer must show whole statements only (as many W2 as W
    nodes) and counts that never go down.

All of them are killed at a random moment (SIGKILL, no chance to clean up), then the file is
reopened and checked: for each writer the statements present are exactly its first c, where c is
the number reported committed or one more (a statement can be durable and killed before its line
was written — the acknowledgement is what can be lost, never a committed statement); every
statement is whole; and `keiretsu check --db FILE` is clean. Checkpoints are forced to happen
often (KEIRETSU_CHECKPOINT_BYTES) so that kills land inside them too.

Stops after --trials trials or --budget seconds, whichever comes last for the minimum of 50
trials (the budget only cuts trials beyond 50). Exit status 0 when every trial passed.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

STATEMENTS = 400
# A single-transaction script is shorter, so that some of them commit before the kill.
SINGLE_STATEMENTS = 60


def writer_script(trial, writer, failing_end, count):
    lines = []
    for i in range(count):
        lines.append(
            f"CREATE (:W {{trial: {trial}, writer: {writer}, seq: {i}}})"
            f"-[:STEP {{seq: {i}}}]->(:W2 {{trial: {trial}, writer: {writer}, seq: {i}}});")
    if failing_end:
        lines.append(
            f"MATCH (n:W {{trial: {trial}, writer: {writer}}}) SET n.bad = true WITH count(n) AS c RETURN c / 0;")
    return "\n".join(lines) + "\n"


def run_query(keiretsu, db, query, env):
    p = subprocess.run([keiretsu, "query", "--db", db, "--wait", "30", "--format", "jsonl", query],
                       capture_output=True, text=True, env=env, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"query failed ({p.returncode}): {p.stderr.strip()}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def trial(keiretsu, db, work, t, rng, env):
    procs = []
    kinds = []
    writers = 2
    for w in range(writers):
        kind = rng.choice(["plain", "plain", "failing", "single"])
        script = os.path.join(work, f"t{t}w{w}.cypher")
        with open(script, "w") as f:
            f.write(writer_script(t, w, failing_end=(kind == "failing"),
                                  count=SINGLE_STATEMENTS if kind == "single" else STATEMENTS))
        args = [keiretsu, "run", "--db", db, "--wait", "30", "--format", "jsonl", script]
        if kind == "single":
            args.insert(2, "--single-transaction")
        procs.append(subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env))
        kinds.append(kind)
    reader_query = "MATCH (n:W) WITH count(n) AS w MATCH (m:W2) RETURN w, count(m) AS w2"
    reader = subprocess.Popen(
        ["sh", "-c", f"while true; do {keiretsu} query --db {db} --format jsonl '{reader_query}' || exit 3; done"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    time.sleep(rng.uniform(0.05, 1.2))
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
        time.sleep(rng.uniform(0, 0.05))
    os.killpg(reader.pid, signal.SIGKILL)
    problems = []
    reported = []
    for w, p in enumerate(procs):
        out, err = p.communicate()
        lines = [l for l in out.decode().splitlines() if l.strip()]
        ok_lines = [l for l in lines if not l.startswith('{"error"')]
        reported.append(len(ok_lines))
        if p.returncode not in (-signal.SIGKILL, 0, 2):
            problems.append(f"writer {w} exited {p.returncode}: {err.decode()[-300:]}")
        if p.returncode == 2 and kinds[w] != "failing" and err:
            problems.append(f"writer {w} failed: {err.decode()[-300:]}")
    rout, _ = reader.communicate()
    last = (0, 0)
    answers = 0
    for line in rout.decode().splitlines():
        try:
            row = json.loads(line)["rows"][0]
        except (ValueError, KeyError, IndexError):
            continue  # a line cut by the kill
        if row[0] != row[1]:
            problems.append(f"reader saw half a statement: {row}")
        if (row[0], row[1]) < last:
            problems.append(f"reader counts went down: {last} -> {row}")
        last = (row[0], row[1])
        answers += 1

    result = run_query(keiretsu, db,
                       f"MATCH (n:W {{trial: {t}}}) OPTIONAL MATCH (n)-[r:STEP]->(m:W2 {{trial: {t}}}) "
                       f"RETURN n.writer, n.seq, count(r), count(m), n.bad ORDER BY n.writer, n.seq", env)
    seqs = {w: [] for w in range(writers)}
    for writer, seq, rels, ends, bad in result["rows"]:
        seqs[writer].append(seq)
        if rels != 1 or ends != 1:
            problems.append(f"writer {writer} statement {seq} is not whole ({rels} relationships, {ends} end nodes)")
        if bad is not None:
            problems.append(f"writer {writer}: the failed statement left n.bad")
    orphans = run_query(keiretsu, db, f"MATCH (m:W2 {{trial: {t}}}) WHERE NOT ()-[:STEP]->(m) RETURN count(m)", env)
    if orphans["rows"][0][0] != 0:
        problems.append(f"{orphans['rows'][0][0]} W2 nodes without their statement")
    for w in range(writers):
        present = seqs[w]
        c = len(present)
        if present != list(range(c)):
            problems.append(f"writer {w}: statements present are not a prefix: {present[:10]}…")
        if kinds[w] == "single":
            if c not in (0, SINGLE_STATEMENTS):
                problems.append(f"single-transaction writer {w}: {c} of {SINGLE_STATEMENTS} statements present")
        elif not (reported[w] <= c <= reported[w] + 1):
            problems.append(f"writer {w}: {reported[w]} reported committed but {c} present")
    check = subprocess.run([keiretsu, "check", "--db", db], capture_output=True, text=True, env=env, timeout=120)
    if check.returncode != 0:
        problems.append(f"check failed: {check.stderr.strip()[-500:]}")
    summary = ", ".join(f"{k} {r}/{len(seqs[w])}" for w, (k, r) in enumerate(zip(kinds, reported)))
    summary += f"; reader {answers} answers"
    return problems, summary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--keiretsu", required=True)
    ap.add_argument("--trials", type=int, default=60)
    ap.add_argument("--minimum", type=int, default=50)
    ap.add_argument("--budget", type=float, default=110.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="keiretsu-crash-")
    db = os.path.join(work, "crash.db")
    env = dict(os.environ, KEIRETSU_CHECKPOINT_BYTES=str(rng.choice([2048, 8192, 65536])))
    print(f"crash test: seed {seed}, work folder {work}, checkpoint every {env['KEIRETSU_CHECKPOINT_BYTES']} log bytes")
    start = time.time()
    failures = 0
    done = 0
    for t in range(a.trials):
        if t >= a.minimum and time.time() - start > a.budget:
            break
        problems, summary = trial(a.keiretsu, db, work, t, rng, env)
        done += 1
        status = "ok" if not problems else "FAILED"
        print(f"trial {t:3d}: {status}  ({summary})", flush=True)
        for p in problems:
            print(f"    {p}")
        failures += bool(problems)
    print(f"crash test: {done - failures} of {done} trials passed in {time.time() - start:.0f} s (seed {seed})")
    if failures == 0 and not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
