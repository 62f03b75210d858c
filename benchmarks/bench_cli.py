"""Benchmark of the command line: start-up, --jobs speed-up, and flat memory over many files and a big feed.

Run from the project root:

    .venv/bin/python benchmarks/bench_cli.py [--files 100000] [--feed-mb 1024] [--copies 40]

Every figure is measured in the same run as its baseline. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PYTHON = sys.executable

RELEASE = """PRESS RELEASE

Harbourview Ferries adds crossing number {n}

PORT ELLIS, March 4, 2025 - Harbourview Ferries will run crossing {n} to Kestrel Island from April 1.

Press contact: Maren Tollefsen, +44 20 7946 0321, press@harbourview.example
"""

ITEM = """<item><title>Harbourview Ferries adds crossing {n}</title>
<link>https://harbourview.example/press/{n}</link><guid>hv-{n}</guid>
<pubDate>Tue, 04 Mar 2025 09:30:00 +0000</pubDate>
<description>&lt;p&gt;PORT ELLIS, March 4, 2025 &#8212; Harbourview Ferries will run crossing {n} to Kestrel Island
from April 1, the company said on Tuesday. {padding}&lt;/p&gt;</description></item>
"""


def _timed(command: list[str]) -> float:
    """Wall time of *command*, run to completion."""
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _peak(command: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS of *command*, measured through a helper process of its own."""
    helper = ("import resource, subprocess, sys, time\n"
              "t = time.perf_counter()\n"
              "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([PYTHON, "-c", helper, *command], capture_output=True, text=True, check=True).stdout
    elapsed, kilobytes = out.split()
    return float(elapsed), int(kilobytes) * 1024


def startup(rounds: int) -> bool:
    ours = [PYTHON, "-m", "communique", "--version"]
    baseline = [PYTHON, "-c", "import lxml.etree, attrs, cattrs, dateutil.parser"]
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    for _ in range(rounds):  # interleaved, so that drift hits both alike
        times["ours"].append(_timed(ours))
        times["baseline"].append(_timed(baseline))
    ours_ms, base_ms = (statistics.median(times[k]) * 1000 for k in ("ours", "baseline"))
    ratio = ours_ms / base_ms
    print(f"start-up: communique --version {ours_ms:.1f} ms, import lxml+attrs+cattrs+dateutil {base_ms:.1f} ms: "
          f"ratio {ratio:.2f} (goal <= 1.25)")
    return ratio <= 1.25


def speedup(copies: int, work: Path) -> bool:
    if not CORPUS.exists():
        print(f"speed-up: skipped, {CORPUS} not found")
        return True
    folder = work / "corpus"
    for index in range(copies):
        shutil.copytree(CORPUS, folder / f"copy{index:03d}", ignore=shutil.ignore_patterns("*.expected.json"))
    results = {}
    for jobs in (1, 2):
        out = work / f"out{jobs}"
        command = [PYTHON, "-m", "communique", "convert", str(folder), "--to", "json", "-o", str(out), "-q",
                   "--jobs", str(jobs)]
        results[jobs] = min(_timed(command) for _ in range(2))
        shutil.rmtree(out, ignore_errors=True)
    files = sum(1 for _ in folder.rglob("*.*"))
    ratio = results[1] / results[2]
    print(f"speed-up: {files:,} corpus files to JSON, --jobs 1 {results[1]:.2f} s, --jobs 2 {results[2]:.2f} s: "
          f"{ratio:.2f}x on {os.cpu_count()} CPUs (goal >= 1.7x on 2 cores)")
    return ratio >= 1.7 or (os.cpu_count() or 1) < 2


def many_files(count: int, work: Path) -> bool:
    folder = work / "many"
    for index in range(count):
        sub = folder / f"{index // 1000:03d}"
        if index % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"r{index:06d}.txt").write_text(RELEASE.format(n=index), encoding="utf-8")
    elapsed, peak = _peak([PYTHON, "-m", "communique", "validate", str(folder), "-q"])
    print(f"memory: validate {count:,} small files: {elapsed:.1f} s, peak {peak / 2**20:.0f} MB (goal < 200 MB)")
    shutil.rmtree(folder)
    return peak < 200 * 2**20


def big_feed(megabytes: int, work: Path) -> bool:
    path = work / "big.rss"
    padding = "Lorem ipsum dolor sit amet. " * 20
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Big</title>'
                  "<link>https://harbourview.example/</link>\n")
        index = 0
        while out.tell() < megabytes * 2**20:
            out.write(ITEM.format(n=index, padding=padding))
            index += 1
        out.write("</channel></rss>\n")
    elapsed, peak = _peak([PYTHON, "-m", "communique", "validate", str(path), "-q"])
    print(f"memory: validate a {megabytes:,} MB feed of {index:,} entries: {elapsed:.1f} s, "
          f"peak {peak / 2**20:.0f} MB (goal < 200 MB)")
    path.unlink()
    return peak < 200 * 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=100_000, help="small files for the memory test")
    parser.add_argument("--feed-mb", type=int, default=1024, help="size of the big feed, in MB")
    parser.add_argument("--copies", type=int, default=40, help="copies of the corpus for the speed-up test")
    parser.add_argument("--rounds", type=int, default=30, help="start-up measurements")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        met = [startup(args.rounds), speedup(args.copies, work), many_files(args.files, work),
               big_feed(args.feed_mb, work)]
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
