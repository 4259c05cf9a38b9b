#!/usr/bin/env python3
"""Measure the interactive REPL in a pseudo-terminal: launch-to-prompt time and keystroke redraw time.

    scripts/repl-timing.py [--binary .build/release/keiretsu] [--runs 20] [--keys 200] [-- SOURCE ARGS...]

Launch to prompt: the time from spawning `keiretsu repl SOURCE ARGS` on a new pty until the
prompt `keiretsu> ` has been written (the seed graph is loaded and the banner shown by then).

Keystroke: after pasting a long multi-line statement (about 5,000 characters, 60 lines, with
strings, numbers, comments and brackets, so highlighting and bracket matching have work to do),
each typed character is timed from the write of its byte to the end of the redraw it causes
(the editor ends every redraw by showing the cursor again, ESC [ ? 25 h). This covers the whole
path: reading, decoding, the editor, highlighting, layout and the terminal write.

Prints min / median / p95 in milliseconds. Needs only the Python standard library.
"""
import argparse
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import fcntl
import time

PROMPT = b"keiretsu> "
REDRAW_END = b"\x1b[?25h"


def spawn(binary, args, columns=120, rows=40, env_extra=None):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = dict(os.environ)
    env.update({"TERM": "xterm-256color", "KEIRETSU_HISTORY": "", "LANG": "C.UTF-8"})
    env.pop("NO_COLOR", None)
    if env_extra:
        env.update(env_extra)
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "repl"] + args, stdin=slave, stdout=slave, stderr=slave,
                            env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    return proc, master, start


def read_until(master, needle, timeout=30.0, buffer=b""):
    deadline = time.perf_counter() + timeout
    while needle not in buffer:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"never saw {needle!r}; got {buffer[-300:]!r}")
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                raise TimeoutError("the REPL closed its terminal")
            buffer += chunk
    return buffer


def drain(master, quiet=0.3):
    """Reads until the REPL has written nothing for `quiet` seconds."""
    while select.select([master], [], [], quiet)[0]:
        os.read(master, 65536)


def finish(proc, master):
    try:
        os.write(master, b"\x03\x04")  # Ctrl-C (clear), Ctrl-D (leave)
        proc.wait(timeout=10)
    except Exception:
        proc.kill()
    os.close(master)


def launch_times(binary, args, runs):
    times = []
    for _ in range(runs):
        proc, master, start = spawn(binary, args)
        read_until(master, PROMPT)
        times.append((time.perf_counter() - start) * 1000)
        finish(proc, master)
    return times


def long_statement():
    lines = []
    for i in range(60):
        lines.append(f"MATCH (c{i}:Company {{name: 'Company {i} 日本'}})-[:HOLDS_STAKE {{percent: {i}.5}}]->(d{i}) // row {i}")
    lines.append("RETURN count(*)")
    return "\n".join(lines)


def keystroke_times(binary, args, keys):
    proc, master, _ = spawn(binary, args)
    read_until(master, PROMPT)
    text = long_statement()
    os.write(master, b"\x1b[200~" + text.encode() + b"\x1b[201~")
    read_until(master, b"RETURN", timeout=30)
    drain(master)
    # Move the cursor into the middle of the buffer so that the redraw spans all of it.
    for _ in range(30):
        os.write(master, b"\x1b[A")
        read_until(master, REDRAW_END)
    drain(master)
    times = []
    for i in range(keys):
        key = b"x" if i % 2 == 0 else b"\x7f"  # type, then delete, so the buffer keeps its size
        start = time.perf_counter()
        os.write(master, key)
        read_until(master, REDRAW_END)
        times.append((time.perf_counter() - start) * 1000)
    finish(proc, master)
    return times, len(text)


def summary(name, times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{name}: min {times[0]:.2f} ms, median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms "
          f"({len(times)} runs)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/keiretsu")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("source", nargs="*", help="source options for the REPL (default: none, ./seeds)")
    options = parser.parse_args()
    if not os.access(options.binary, os.X_OK):
        sys.exit(f"no binary at {options.binary}; build it with `swift build -c release --product keiretsu`")
    summary("launch to prompt", launch_times(options.binary, options.source, options.runs))
    times, size = keystroke_times(options.binary, options.source, options.keys)
    summary(f"keystroke redraw, {size}-character buffer", times)


if __name__ == "__main__":
    main()
