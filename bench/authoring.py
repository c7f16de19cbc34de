#!/usr/bin/env python3
"""Times an author's edit loop on a notebook, in one run, with a fresh cache:

1. a cold render (nothing cached);
2. a prose-only edit (a paragraph added near the top, so every cell moves down);
3. an edit of the last cell (a line appended to it);

then renders the edited notebook again with --no-cache and checks that the page and figures
are byte-identical to the cached render's. Prints each render's wall-clock and CPU time (with
the compiler and cell programs) as ratios of the cold render's, and writes
bench/results/authoring.json.

Usage: bench/authoring.py [ppo-book binary] [notebook]
"""
import filecmp
import json
import os
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/ppo-book"))
source = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "notebooks/109.md"))


cpu = []  # CPU seconds of each render, with its children (compiler, cell programs)


def render(notebook, output, cache):
    arguments = [binary, "render", notebook, "--output", output]
    arguments += ["--cache-dir", cache] if cache else ["--no-cache"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    run = subprocess.run(arguments, capture_output=True, text=True)
    seconds = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit(f"render failed:\n{run.stderr}")
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return seconds, run.stderr


def same_tree(left, right):
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(
        same_tree(os.path.join(left, d), os.path.join(right, d)) for d in comparison.common_dirs)


with tempfile.TemporaryDirectory(prefix="ppo-book-authoring-") as work:
    # The notebook's whole folder, so its links to other lessons and its declared inputs resolve.
    lessons = os.path.join(work, "notebooks")
    shutil.copytree(os.path.dirname(source), lessons)
    notebook = os.path.join(lessons, os.path.basename(source))
    cache, output, fresh = (os.path.join(work, name) for name in ("cache", "out", "fresh"))
    text = open(notebook, encoding="utf-8").read()

    cold, _ = render(notebook, output, cache)

    # A paragraph before the first section heading: every cell below moves down three lines.
    first_heading = text.index("\n#") + 1
    prose = text[:first_heading] + "An added paragraph,\nover two lines.\n\n" + text[first_heading:]
    open(notebook, "w", encoding="utf-8").write(prose)
    prose_seconds, prose_log = render(notebook, output, cache)
    prose_compiled = "compiling" in prose_log

    # A line appended to the last swift cell.
    last_cell = [m.start() for m in re.finditer(r"^```swift", prose, re.MULTILINE)][-1]
    closing = prose.index("\n```", last_cell + 3)
    edited = prose[:closing] + '\nprint("an appended line")' + prose[closing:]
    open(notebook, "w", encoding="utf-8").write(edited)
    edit_seconds, edit_log = render(notebook, output, cache)
    summary = [line for line in edit_log.splitlines() if line.startswith("session ") and "': r" in line]

    render(notebook, fresh, None)
    identical = same_tree(output, fresh)

rows = [
    ("cold render", cold, cpu[0]),
    ("prose-only edit", prose_seconds, cpu[1]),
    ("last cell edited", edit_seconds, cpu[2]),
]
print(f"{'render of ' + os.path.basename(source):<24}{'seconds':>10}{'of cold':>10}{'CPU s':>10}{'of cold':>10}")
for name, seconds, cpu_seconds in rows:
    print(f"{name:<24}{seconds:>10.2f}{seconds / cold:>10.1%}{cpu_seconds:>10.2f}{cpu_seconds / cpu[0]:>10.1%}")
print("prose-only edit compiled anything:", "yes" if prose_compiled else "no")
print("last-cell edit:", "; ".join(summary))
print("page and figures byte-identical to a --no-cache render of the edited notebook:",
      "yes" if identical else "NO")
os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
with open(os.path.join(HERE, "results", "authoring.json"), "w") as file:
    json.dump({"notebook": os.path.relpath(source, ROOT), "cold_seconds": cold, "cpu_seconds": cpu[:3],
               "prose_edit_seconds": prose_seconds, "prose_edit_ratio": prose_seconds / cold,
               "prose_edit_compiled": prose_compiled, "last_cell_edit_seconds": edit_seconds,
               "last_cell_edit_ratio": edit_seconds / cold, "identical_to_no_cache": identical}, file, indent=2)
sys.exit(0 if identical and not prose_compiled else 1)
