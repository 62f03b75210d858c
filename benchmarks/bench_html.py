"""HTML benchmark: communique's HTML reader against trafilatura and bare lxml, in one run.

Run from the project root (needs the ``bench`` extra and ../shared/corpus)::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_html.py

For every HTML document of the shared corpus, on the same bytes:

* coverage: the share of the words that ``trafilatura.extract`` finds as main
  text that are in the release's text blocks: head (headline, subheadline,
  summary), body, contact blocks and boilerplate sections (goal: at least
  95 %). Text that no field claims (``unclassified``), metadata and link lists
  do not count. For information, the share in ``body`` alone is printed too:
  the annotation rules of the corpus put "About X" sections, and the sections
  that follow them, outside ``body``, where trafilatura keeps them;
* speed: ``parse_html`` against ``trafilatura.extract(fast=True)`` (goal: at
  least 2.5x faster) and against a bare ``lxml.html.fromstring`` (goal: within 3x).

The three readers of a page are timed in turns: each of 15 rounds times a loop
of each (GC on, sized to take about 20 ms), so that a machine that slows down
or speeds up during the run weighs on all three alike. A time is the median of
its 15 loops, and a ratio the median of the 15 rounds' ratios. Only the ratios
compare between machines. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.html import parse_html  # noqa: E402
from communique.native_json import to_json  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
WORD = re.compile(r"\w+")
# The fields of native JSON that hold the release's own text blocks.
RELEASE_TEXT = {"headline", "subheadline", "summary", "body", "contacts", "boilerplate"}


ROUNDS = 15


def timed_in_turns(calls: dict[str, Callable[[], object]]) -> list[dict[str, float]]:
    """Seconds per call of each of *calls*, for each round; the calls take turns within a round."""
    timers = {name: timeit.Timer(call, setup="import gc; gc.enable()") for name, call in calls.items()}
    # autorange() sizes a loop to take at least 0.2 s; a tenth of it keeps rounds short.
    numbers = {name: max(1, timer.autorange()[0] // 10) for name, timer in timers.items()}
    return [{name: timer.timeit(numbers[name]) / numbers[name] for name, timer in timers.items()}
            for _ in range(ROUNDS)]


def median_of(rounds: list[dict[str, float]], value: Callable[[dict[str, float]], float]) -> float:
    return statistics.median(value(times) for times in rounds)


def strings(node: Any, key: str | None = None) -> list[str]:
    """Every running-text string of a JSON value (not URLs or types), in order."""
    if key in {"type", "url", "format", "format_version", "source", "name"}:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings(v, k)]
    return []


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def coverage(reference: list[str], ours: set[str]) -> float:
    return sum(word in ours for word in reference) / len(reference) if reference else 1.0


def main() -> int:
    pages = sorted(CORPUS.glob("*.html"))
    if not pages:
        print(f"no HTML documents in {CORPUS}")
        return 2
    print(f"{'page':<24}{'bytes':>7}{'text cov':>10}{'body cov':>10}{'lxml µs':>10}{'ours µs':>10}"
          f"{'traf fast µs':>14}{'traf÷ours':>11}{'ours÷lxml':>11}")
    failed = False
    covers, speedups, ratios = [], [], []
    for page in pages:
        data = page.read_bytes()
        release = parse_html(data, name=page.name).communique
        document = json.loads(to_json(release))
        body = set(words(" ".join(strings(document.get("body")))))
        kept = set(words(" ".join(strings({k: v for k, v in document.items() if k in RELEASE_TEXT}))))
        reference = words(trafilatura.extract(data) or "")
        text_cover, body_cover = coverage(reference, kept), coverage(reference, body)
        rounds = timed_in_turns({
            "lxml": lambda data=data: lxml.html.fromstring(data),
            "ours": lambda data=data: parse_html(data),
            "fast": lambda data=data: trafilatura.extract(data, fast=True),
        })
        lxml_time, ours, fast = (median_of(rounds, lambda t, k=k: t[k]) for k in ("lxml", "ours", "fast"))
        speedup = median_of(rounds, lambda t: t["fast"] / t["ours"])
        ratio = median_of(rounds, lambda t: t["ours"] / t["lxml"])
        covers.append(text_cover)
        speedups.append(speedup)
        ratios.append(ratio)
        print(f"{page.name:<24}{len(data):>7}{text_cover:>10.1%}{body_cover:>10.1%}{lxml_time * 1e6:>10.0f}"
              f"{ours * 1e6:>10.0f}{fast * 1e6:>14.0f}{speedup:>10.1f}x{ratio:>10.1f}x")
        failed |= text_cover < 0.95 or speedup < 2.5
    print(f"worst: text coverage {min(covers):.1%} (goal ≥ 95 %), {min(speedups):.1f}x faster than "
          f"trafilatura fast (goal ≥ 2.5x), {max(ratios):.1f}x bare lxml (goal ≤ 3x)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
