"""Times a cold render of a notebook (default notebooks/109.md): `ppo-book render --no-cache`,
so every cell compiles and runs. Prints the wall time, the CPU time of ppo-book and everything it
started (compilers, cell programs), how busy the cores were on average, and each cell's time and
share of the wall time (cells of different sessions run side by side, so shares can add up to more
than 100%). Writes results/render.json. Targets (issue: the lesson cold on two cores): under 60 s
wall, and CPU time / (wall x cores) at least 90%.

Usage: render_bench.py [ppo-book binary] [notebook]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "ppo-book")
NOTEBOOK = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "notebooks", "109.md")
CELL_LINE = re.compile(r"^\s*([0-9.]+) s\s+(.*?) \[(.*)\]\s*$")
SESSION_LINE = re.compile(r"^(compiled|ran) session '(.*)' in ([0-9.]+) s$")


def main():
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as output:
        start = time.perf_counter()
        child = subprocess.Popen([BINARY, "render", NOTEBOOK, "--no-cache", "--cell-times", "--output", output],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        text = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        sys.stdout.write(text)
        sys.exit(f"render_bench: {BINARY} render {NOTEBOOK} failed (status {status})")
    cpu = usage.ru_utime + usage.ru_stime
    utilisation = cpu / (wall * cores)
    cells = [(float(m.group(1)), m.group(3)) for m in map(CELL_LINE.match, text.splitlines()) if m]
    sessions = [(m.group(1), m.group(2), float(m.group(3))) for m in map(SESSION_LINE.match, text.splitlines()) if m]
    print(f"\nbench-render: cold render (--no-cache) of {os.path.relpath(NOTEBOOK, ROOT)} on {cores} cores")
    print(f"wall {wall:.1f} s, CPU {cpu:.1f} s (ppo-book, compilers and cell programs), "
          f"cores busy {100 * utilisation:.0f}% of the run")
    print(f"targets: wall < 60 s: {'holds' if wall < 60 else 'NOT met'}; "
          f"cores busy >= 90%: {'holds' if utilisation >= 0.9 else 'NOT met'}")
    print("session                      seconds  share of wall")
    for what, name, seconds in sessions:
        print(f"{(what + ' ' + name)[:28]:28} {seconds:8.2f}  {100 * seconds / wall:6.1f}%")
    print("cell                         seconds  share of wall")
    for seconds, anchor in cells:
        print(f"{anchor[:28]:28} {seconds:8.2f}  {100 * seconds / wall:6.1f}%")
    cell_total = sum(seconds for seconds, _ in cells)
    print(f"{'(all cells)':28} {cell_total:8.2f}  {100 * cell_total / wall:6.1f}%")
    results = {"wall_s": wall, "cpu_s": cpu, "cores": cores, "utilisation": utilisation,
               "cells": {anchor: seconds for seconds, anchor in cells},
               "sessions": {f"{what} {name}": seconds for what, name, seconds in sessions}}
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "render.json"), "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
    print("wrote results/render.json")


if __name__ == "__main__":
    main()
