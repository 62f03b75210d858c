"""NewsML-G2 benchmark: communique against newsmlg2 and bare lxml, in one run.

Run from the project root (needs the ``bench`` extra and ../shared/newsml-g2)::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_newsml.py

Every figure is the median of 15 timeit repeats (GC on) of a loop sized to
take about 50 ms, so only the ratios, measured in the same run on the same
bytes, are meant to be compared between machines. Goals (issue #5):

* read and write a ~3 KB newsItem at least 20x faster than newsmlg2 reads it;
* model -> NewsML-G2 bytes within 1.5x of building the same tree with bare lxml;
* validate: own checks + XSD at most 2x bare lxml XSD validation, and at
  least 5,000 documents per second on one core.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import statistics
import sys
import timeit
import warnings
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.native_json import from_json  # noqa: E402
from communique.newsml import from_newsml, to_newsml, validate_newsml  # noqa: E402

KIT = ROOT.parent / "shared" / "newsml-g2"
SCHEMA = KIT / "NewsML-G2_2.35-spec-All-Power.xsd"
AT = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)


def median_us(function: Callable[[], object], repeats: int = 15) -> float:
    """Median microseconds per call."""
    timer = timeit.Timer(function, "import gc; gc.enable()")
    for _ in range(3):
        function()
    loops = max(1, timer.autorange()[0] // 4)
    return statistics.median(timer.repeat(repeats, loops)) / loops * 1e6


def rebuild(source: etree._Element) -> etree._Element:
    """The same tree built again element by element with bare lxml (the floor of a writer)."""
    root = etree.Element(source.tag, dict(source.attrib), nsmap=source.nsmap)
    root.text = source.text
    stack = [(source, root)]
    while stack:
        original, copy = stack.pop()
        for child in original:
            built = etree.SubElement(copy, child.tag, dict(child.attrib), nsmap=child.nsmap)
            built.text, built.tail = child.text, child.tail
            stack.append((child, built))
    return root


def row(label: str, micros: float, note: str = "") -> None:
    print(f"{label:<58} {micros:10.1f} us {1e6 / micros:10.0f}/s  {note}")


def main() -> int:
    if not SCHEMA.is_file():
        print(f"the shared NewsML-G2 kit is missing: {KIT}", file=sys.stderr)
        return 2
    release = from_json((ROOT / "examples" / "northwind.json").read_bytes())
    ours = to_newsml(release, versioned=AT)
    samples = {"communique item (northwind)": ours}
    listing = KIT / "examples" / "LISTING_1_A_NewsML-G2_News_Item.xml"
    if listing.is_file():
        samples["IPTC LISTING_1"] = listing.read_bytes()
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    validate_newsml(ours, schema=SCHEMA)  # compile once, outside the timings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import NewsMLG2
    except ImportError:
        NewsMLG2 = None  # noqa: N806
        print("newsmlg2 is not installed (pip install -e '.[bench]'): its rows are left out\n")

    print(f"{'operation':<58} {'median':>13} {'rate':>11}")
    for name, data in samples.items():
        print(f"\n-- {name}: {len(data):,} bytes")
        parse = median_us(lambda data=data: etree.fromstring(data))
        row("lxml fromstring (floor)", parse)
        read = median_us(lambda data=data: from_newsml(data))
        row("communique from_newsml", read, f"{read / parse:.1f}x lxml parse")
        model = from_newsml(data)
        write = median_us(lambda model=model: to_newsml(model, versioned=AT))
        row("communique to_newsml (of what was read)", write)
        both = read + write
        row("communique read + write", both)
        if NewsMLG2 is not None:
            # newsmlg2 prints a warning per document whose catalog it cannot load.
            with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("ignore")
                theirs = median_us(lambda data=data: NewsMLG2.NewsMLG2Document(data), repeats=7)
            row("newsmlg2 NewsMLG2Document (read)", theirs,
                f"communique read {theirs / read:.0f}x faster, read+write {theirs / both:.0f}x (goal >= 20x)")

    print("\n-- writing: model -> bytes against building the same tree with bare lxml")
    tree = etree.fromstring(ours)
    bare = median_us(lambda: etree.tostring(rebuild(tree), xml_declaration=True, encoding="UTF-8"))
    row("bare lxml build + tostring of the same tree", bare)
    write = median_us(lambda: to_newsml(release, versioned=AT))
    row("communique to_newsml", write, f"{write / bare:.2f}x bare lxml (goal <= 1.5x)")

    print("\n-- validating")
    for name, data in samples.items():
        floor = median_us(lambda data=data: schema.validate(etree.fromstring(data)))
        row(f"bare lxml parse + XSD validate ({name})", floor)
        checked = median_us(lambda data=data: validate_newsml(data, schema=SCHEMA))
        row(f"communique validate_newsml ({name})", checked,
            f"{checked / floor:.2f}x bare (goal <= 2x), {1e6 / checked:,.0f} docs/s (goal >= 5,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
