"""Benchmark of the plain-text reader, with baselines measured in the same run.

    pip install -e '.[bench]'
    python benchmarks/bench_text.py [--corpus ../shared/corpus] [--repeat 7]

Prints, as medians over several repeats:

1. the parse time of every text and Markdown document of the corpus
   (``../shared/corpus`` when present, else the project's own fixtures);
2. the time per KB of releases of 1 KB to 10 MB, which should stay flat
   (the reader is linear in its input);
3. the ratio of ``trafilatura.extract(html, fast=True)`` to ``parse_text``
   on the same documents wrapped as minimal HTML (goal: at least 3x);
4. the ratio of reading a dateline's date to a bare compiled regex with a
   month table (goal: within 5x).

Ratios, not absolute times, are the figures to quote: both sides run in
the same process, on the same machine, one after the other.
"""

from __future__ import annotations

import argparse
import datetime
import html
import re
import statistics
import timeit
from collections.abc import Callable
from pathlib import Path

from communique import _recognize
from communique.dates import find_dates
from communique.text import parse_text

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    """Median time of one call, calibrated so each sample lasts about 0.1 s."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    number = max(1, number // 2)
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number


def documents(corpus: Path) -> list[Path]:
    found = sorted([*corpus.glob("*.md"), *corpus.glob("*.txt")])
    found = [p for p in found if p.name not in {"ANNOTATION.md", "SOURCES.md"}]
    return found or sorted((ROOT / "tests" / "fixtures" / "text").iterdir())


def as_html(text: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return f"<html><head><title>x</title></head><body><article>{paragraphs}</article></body></html>".encode()


def synthetic(size: int) -> str:
    head = "Communiqué de presse\n\nLyon, le 3 mars 2025\n\n# Acme ouvre une usine à Lyon\n\n"
    paragraph = ("La société Acme a ouvert aujourd'hui une usine de 200 salariés dans la banlieue de Lyon, "
                 "a annoncé sa directrice, qui prévoit d'y produire des vélos électriques dès l'automne.\n\n")
    tail = "Contact presse : Jeanne Exemple, 04 00 00 00 00\n"
    return head + paragraph * max(1, (size - len(head) - len(tail)) // len(paragraph)) + tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    paths = documents(args.corpus)
    print(f"1. parse time per document ({len(paths)} documents)")
    ours = {}
    for path in paths:
        data = path.read_bytes()
        ours[path] = median_seconds(lambda data=data: parse_text(data), args.repeat)
        print(f"   {path.name:<32} {len(data) / 1024:7.1f} KB {ours[path] * 1e3:8.2f} ms")
    print(f"   median {statistics.median(ours.values()) * 1e3:.2f} ms per document")

    print("2. time per KB (should be flat)")
    for size in (1_000, 10_000, 100_000, 1_000_000, 10_000_000):
        text = synthetic(size)
        seconds = median_seconds(lambda text=text: parse_text(text), 3 if size >= 1_000_000 else args.repeat)
        print(f"   {size / 1000:>8.0f} KB  {seconds / (len(text) / 1024) * 1e6:8.1f} µs/KB")

    try:
        import trafilatura
    except ImportError:
        print("3. trafilatura is not installed (pip install -e '.[bench]'): ratio skipped")
    else:
        ratios = []
        for path in paths:
            page = as_html(path.read_text(encoding="utf-8"))
            theirs = median_seconds(lambda page=page: trafilatura.extract(page, fast=True), args.repeat)
            ratios.append(theirs / ours[path])
        print("3. trafilatura.extract(fast=True) / parse_text, same content as minimal HTML")
        print(f"   median {statistics.median(ratios):.1f}x, min {min(ratios):.1f}x, max {max(ratios):.1f}x"
              " (goal: at least 3x)")

    months = {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
              "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}
    bare = re.compile(r"(\d{1,2})(?:er)?\s+(" + "|".join(months) + r")\s+(\d{4})")
    dateline = "Paris, le 24 juillet 2012"

    def regex() -> datetime.date:
        match = bare.search(dateline)
        assert match is not None
        return datetime.date(int(match[3]), months[match[2]], int(match[1]))

    find_dates(dateline, language="fr")  # compile the grammar before timing
    _recognize.match_dateline(dateline, "fr")
    floor = median_seconds(regex, args.repeat)
    date_only = median_seconds(lambda: find_dates(dateline, language="fr"), args.repeat)
    whole = median_seconds(lambda: _recognize.match_dateline(dateline, "fr"), args.repeat)
    print("4. dateline date against a bare regex + month table")
    print(f"   date: {date_only / floor:.1f}x the regex (goal: within 5x);"
          f" whole dateline (place, date, wire): {whole / floor:.1f}x")


if __name__ == "__main__":
    main()
