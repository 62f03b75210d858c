"""Properties of the HTML reader over generated pages: inline markup in any nesting, any white space."""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from communique.html import parse_html
from communique.model import Block, Emphasis, Hyperlink, Inline, LineBreak, ListItem, Paragraph, Strong, Text
from communique.native_json import to_json

# Letters only: no digit can make a date, a phone number or a reference out of the words.
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàüñ", min_size=1, max_size=9)
BLANKS = st.sampled_from([" ", "  ", "\n", "\u00a0", "\t", " \n\t ", "\u00a0 "])
TAGS = st.sampled_from(["b", "strong", "i", "em", "span", "font", "a"])


def _element(tag: str, children: list[str]) -> str:
    attributes = ' href="https://example.org/x"' if tag == "a" else ""
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


INLINE = st.recursive(
    st.one_of(WORDS.map(html.escape), BLANKS, st.just("<br>")),
    lambda children: st.builds(_element, TAGS, st.lists(children, max_size=4)),
    max_leaves=12,
)
LINE = st.lists(INLINE, min_size=1, max_size=6).map("".join)
# Lists with text between their items (invalid, but printed) and items that hold a paragraph.
ITEM = st.one_of(LINE.map(lambda line: f"<li>{line}</li>"), LINE.map(lambda line: f"<li><p>{line}</p></li>"), LINE)
BLOCK = st.one_of(
    LINE.map(lambda line: f"<p>{line}</p>"),
    st.builds(lambda tag, items: f"<{tag}>{''.join(items)}</{tag}>", st.sampled_from(["ul", "ol"]),
              st.lists(ITEM, min_size=1, max_size=4)),
)
PARAGRAPHS = st.lists(BLOCK, min_size=1, max_size=5)


def _page(blocks: list[str]) -> str:
    return "<html><body>" + "".join(blocks) + "</body></html>"


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)


def _runs(blocks: tuple[Block, ...]) -> Iterator[tuple[Inline, ...]]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.content
        elif hasattr(block, "items"):
            for item in block.items:
                assert isinstance(item, ListItem)
                yield item.content
                yield from _runs(item.blocks)


def _texts(runs: tuple[Inline, ...]) -> Iterator[str]:
    for run in runs:
        if isinstance(run, Text):
            yield run.text
        elif isinstance(run, (Strong, Emphasis, Hyperlink)):
            yield from _texts(run.content)


@given(PARAGRAPHS)
def test_nothing_lost_and_no_crash(paragraphs: list[str]) -> None:
    """Every word of the page is somewhere in the release, whatever the nesting and the blanks around it."""
    page = _page(paragraphs)
    release = parse_html(page, language="en").communique
    kept = " ".join(_strings(json.loads(to_json(release))))
    for word in re.findall(r"\w+", re.sub(r"<[^>]*>", " ", html.unescape(page))):
        assert word in kept


@given(PARAGRAPHS)
def test_runs_are_collapsed_and_trimmed(paragraphs: list[str]) -> None:
    """Text runs hold no line break nor double blank; a block's runs start and end with no blank."""
    release = parse_html(_page(paragraphs), language="en").communique
    for runs in _runs(release.body):
        texts = list(_texts(runs))
        assert all("\n" not in text and "  " not in text and "\t" not in text for text in texts)
        if texts:
            assert not texts[0][:1].isspace()
            assert not texts[-1][-1:].isspace()


@given(PARAGRAPHS)
def test_no_blank_at_a_line_edge(paragraphs: list[str]) -> None:
    """A text run next to a line break of its block neither ends nor starts with a blank, as a browser shows it."""
    release = parse_html(_page(paragraphs), language="en").communique
    for runs in _runs(release.body):
        for before, after in itertools.pairwise(runs):
            if isinstance(after, LineBreak) and isinstance(before, Text):
                assert not before.text.endswith(" ")
            if isinstance(before, LineBreak) and isinstance(after, Text):
                assert not after.text.startswith(" ")


def test_blanks_around_a_line_break() -> None:
    """``bought Beta <br> for one euro``: the blanks at either side of the break go."""
    page = "<h1>Acme buys Beta</h1><p>Acme has bought Beta <br> for one euro, it said on Monday in a statement.</p>"
    body = parse_html(page, language="en").communique.body
    assert body == (Paragraph([Text("Acme has bought Beta"), LineBreak(),
                               Text("for one euro, it said on Monday in a statement.")]),)


def test_bold_opening_with_a_blank_before_a_link() -> None:
    """``<b> <a>…</a></b>`` at the start of a paragraph: the blank goes, the link stays (it used to crash)."""
    page = '<p><b> <a href="https://acme.example">Acme</a></b> opened a plant in Lyon on Monday, it said.</p>'
    body = parse_html(page, language="en").communique.body
    assert body == (Paragraph([Strong([Hyperlink([Text("Acme")], url="https://acme.example")]),
                               Text(" opened a plant in Lyon on Monday, it said.")]),)
