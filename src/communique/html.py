"""The HTML reader: press releases from web pages, with their metadata.

:func:`parse_html` reads a page into a :class:`~communique.Communique`
through a chain of small stages:

1. bytes to text: byte-order mark, then valid UTF-8, then the charset the
   page declares (``<meta charset>``, ``http-equiv``, XML declaration); a
   declaration that the bytes contradict is reported;
2. a hardened lxml parse: no network, no DTD, no entity expansion;
3. metadata: ``<title>``, ``<html lang>``, ``<meta>`` (Open Graph,
   ``article:*``, Dublin Core), JSON-LD (schema.org ``NewsArticle``,
   ``Article``, ...), date attributes;
4. page chrome removed (navigation, page header and footer, sidebars,
   cookie banners, share widgets, lists of other releases), and the
   element that holds the release chosen;
5. the release's elements turned into blocks (headings, paragraphs, nested
   lists, quotes, tables, bold, italics, links resolved against *url*);
6. the head (kind label, dateline, reference, embargo, headline,
   subheadline), the body and the tail (contacts, "About X" sections, end
   marker), recognised by the recognition layer shared with the text reader.

Page chrome is dropped: it is not the release. Text of the release that no
field claims goes to ``unclassified``. A printed dateline wins over the
page's metadata; when they disagree, a diagnostic says so. Dates are read
only from the release's own head and the page's own metadata, never from a
list of other releases.

>>> page = '''<html lang="fr"><head><title>Acme ouvre une usine | Acme</title></head><body>
... <nav><a href="/">Accueil</a> <a href="/presse">Presse</a></nav>
... <main><p>Communiqué de presse</p><h1>Acme ouvre une usine</h1>
... <p>Lyon, le 3 mars 2025 – Acme a ouvert aujourd'hui une usine de 200 salariés à Lyon, a annoncé la direction.</p>
... <p>Contact presse : Jeanne Exemple, 04 00 00 00 00</p></main></body></html>'''
>>> release = parse_html(page, url="https://acme.example/presse/usine").communique
>>> release.kind.label, release.headline, release.dateline.place, release.dateline.date.isoformat()
('Communiqué de presse', 'Acme ouvre une usine', 'Lyon', '2025-03-03')
>>> release.body[0].plain_text
"Acme a ouvert aujourd'hui une usine de 200 salariés à Lyon, a annoncé la direction."
>>> release.contacts[0].name, release.contacts[0].phones
('Jeanne Exemple', ('04 00 00 00 00',))
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from . import _recognize as rec
from ._classify import (
    SENTENCE_END,
    Opening,
    Parts,
    body_like,
    choose_issuer,
    headline_again,
    information_contacts,
    printed_heading,
    read_tail,
    repeats_headline,
    words,
)
from ._contacts import emails_in, has_digit, looks_like_name, looks_like_organization, phones_in
from ._html_page import (
    MAX_DEPTH,
    Content,
    PageMetadata,
    decode_page,
    is_link_list,
    iso_date,
    line_of,
    looks_binary,
    main_content,
    parse_page,
    read_metadata,
    strip_chrome,
    tag_of,
    text_of,
)
from ._inline import Collected, collect_addresses
from ._runs import drop_prefix
from .cues import detect_language
from .diagnostics import Diagnostic
from .exceptions import ParseError
from .model import (
    Block,
    Boilerplate,
    BulletList,
    Contact,
    Dateline,
    Emphasis,
    Heading,
    Hyperlink,
    Inline,
    LineBreak,
    ListItem,
    MetaField,
    OrderedList,
    Paragraph,
    Provenance,
    Quote,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
)
from .reading import Reading
from .vocabulary import Severity

__all__ = ["MAX_BYTES", "parse_html", "read"]

#: Pages larger than this are refused: a press release page weighs kilobytes, not tens of megabytes.
MAX_BYTES = 16 * 1024 * 1024

# Deeper elements are read as plain text: libxml2 stops at 256 levels anyway.
_MAX_DEPTH = 200
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_STRONG = frozenset({"b", "strong"})
_EMPHASIS = frozenset({"i", "em", "cite", "dfn", "var"})
_INLINE = frozenset({
    "a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub", "sup", "abbr", "acronym", "cite",
    "code", "q", "s", "strike", "del", "ins", "mark", "time", "label", "tt", "kbd", "var", "dfn", "bdi", "bdo",
    "nobr", "samp", "data", "blink",
})
_TEXT_BLOCKS = frozenset({"p", "address", "dt", "dd", "figcaption", "caption", "summary", "legend"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "ul", "ol", "dl", "li", "blockquote", "table", "tr", "td", "th",
    "pre", "address", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "center", "form", "fieldset", "figure", "header",
    "footer", "dt", "dd", "tbody", "thead", "tfoot",
})
_SPACE = re.compile(r"[\s\u00a0\u2009\u202f\u200b]+")
# In preformatted text, a line ends at a line break or at a gap of three blanks or more (columns).
_COLUMN_GAP = re.compile(r"\n|(?<=\S)[ \t]{3,}(?=\S)")
# Inline elements that only style their text (fonts, spans, underlines): the reader sees through them,
# so they are taken out of the release's element before it is read, all at once and in C (strip_tags).
# A legacy page wraps nearly every word in a <font> or two; each would otherwise be read run by run.
_WRAPPERS = tuple(sorted(_INLINE - _STRONG - _EMPHASIS - {"a", "time"}))
_WRAPPER_SET = frozenset(_WRAPPERS)
# A wrapper that carries the page's date (<span itemprop="datePublished" content="...">) is read as <time>.
# (A predicate on the attribute nodes, as in _html_page._ROLE_MAIN: ten times quicker than on the elements.)
_DATED = etree.XPath("descendant::*/@itemprop[.='datePublished' or .='dateCreated']/..")
#: More words than a data table's cell holds: a cell of running text makes its table a layout table.
_CELL_WORDS = 30


def _space(text: str) -> str:
    """Collapse white space as a browser does, keeping one blank at either end if there was one."""
    if not text:
        return text
    inner = " ".join(text.split())
    if not inner:
        return " "
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


# Text nodes are kept raw while an element is read and their white space is
# collapsed once, when the runs of a block or of a bold, italic or link run
# are finished: one string operation and one ``Text`` per run, however many
# text nodes and tails the markup split it into.


def _merge(runs: Iterable[Inline | str]) -> list[Inline | str]:
    """Join neighbouring raw strings and texts into one collapsed string; drop empty markup.

    The blanks on either side of a line break go, as a browser drops them at the edges of a line.
    """
    out: list[Inline | str] = []
    buffer: list[str] = []
    after_break = False
    for run in runs:
        if type(run) is str:
            buffer.append(run)
        elif type(run) is Text:
            buffer.append(run.text)
        elif type(run) is not LineBreak and not run.content:  # type: ignore[union-attr]
            continue  # bold, italics or a link around nothing
        else:
            is_break = type(run) is LineBreak
            if buffer:
                text = _space("".join(buffer))
                if is_break:
                    text = text.rstrip(" ")
                if after_break:
                    text = text.lstrip(" ")
                if text:
                    out.append(text)
                buffer = []
            out.append(run)
            after_break = is_break
    if buffer:
        text = _space("".join(buffer))
        if after_break:
            text = text.lstrip(" ")
        if text:
            out.append(text)
    return out


def _as_runs(merged: list[Inline | str]) -> list[Inline]:
    return [Text(run) if type(run) is str else run for run in merged]  # type: ignore[misc]


def _blank(run: Inline | str) -> bool:
    return (type(run) is str and run.isspace()) or type(run) is LineBreak


def _finish(runs: Iterable[Inline | str]) -> tuple[tuple[Inline, ...], str]:
    """The runs of a block (merged, collapsed, without line breaks or blanks at either end) and their visible text."""
    if type(runs) is list and len(runs) == 1 and type(runs[0]) is str:
        # Most runs are one text node: a paragraph without markup, the text of a link.
        text = " ".join(runs[0].split())
        return ((Text(text),), text) if text else ((), "")
    items = _merge(runs)
    while items:
        if _blank(items[0]) or (first := _strip(items[0], start=True)) is None:
            del items[0]
            continue
        items[0] = first
        if _blank(items[-1]) or (last := _strip(items[-1], start=False)) is None:
            del items[-1]
            continue
        items[-1] = last
        break
    visible = "".join([item if type(item) is str else item.plain_text for item in items])  # type: ignore[union-attr]
    # Text runs are collapsed already: only line breaks and blanks meeting at run edges are left to fold.
    if "\n" in visible or "  " in visible:
        visible = _space(visible).strip()
    return tuple(_as_runs(items)), visible


def _strip(run: Inline | str, *, start: bool) -> Inline | str | None:
    """*run* without the blank at its start (or end); None when nothing is left."""
    if type(run) is str:
        return (run.lstrip() if start else run.rstrip()) or None
    if isinstance(run, (Strong, Emphasis)):
        content: list[Inline | str] = list(run.content)
        index = 0 if start else -1
        while content:
            edge = content[index]
            if type(edge) is LineBreak:
                del content[index]  # "<b><br>Acme</b>" opening a block: the break goes, as it would outside
                continue
            stripped = _strip(edge.text if type(edge) is Text else edge, start=start)
            if stripped is None:
                del content[index]
                continue
            if len(content) == len(run.content) and (
                stripped is edge or (type(edge) is Text and stripped == edge.text)
            ):
                return run  # nothing to strip
            content[index] = stripped
            return type(run)(_as_runs(content))
        return None
    return run


# --------------------------------------------------------------------------
# Elements to pieces: the release's blocks, flat, with their visible text


@attrs.define
class _Piece:
    """One block of the page in reading order, with what the classifier needs to know about it."""

    kind: str  # paragraph, heading, list, quote, table, rule
    runs: tuple[Inline, ...] = ()
    block: Block | None = None
    level: int = 0
    line: int | None = None
    text: str = ""
    addresses: tuple[str, ...] = ()
    #: Whether the whole paragraph is bold: a heading, a headline or a chapô in many pages (asked often, told once).
    strong: bool = False
    #: A list's lines: each item's, then the e-mail addresses its links name without printing them; a
    #: table's: each row's cells, joined by commas.
    item_lines: tuple[str, ...] = ()

    @property
    def visible(self) -> str:
        """The visible text, on one line."""
        return self.text

    @property
    def lines(self) -> list[str]:
        """The visible text, line by line (``<br>`` and list items split lines)."""
        if self.kind in {"list", "table"}:
            return list(self.item_lines)
        if not any(isinstance(run, LineBreak) for run in self.runs):
            return [self.text]
        return [_space(line).strip() for line in plain_text(self.runs).split("\n") if line.strip()]


    @property
    def link_only(self) -> bool:
        """Whether the paragraph is only links (page furniture)."""
        links = [run for run in self.runs if isinstance(run, Hyperlink)]
        return bool(links) and all(isinstance(run, (Hyperlink, LineBreak)) or (
            isinstance(run, Text) and not re.search(r"[^\W\d_]{2,}", run.text)) for run in self.runs)

    def model(self) -> Block | None:
        """The model block."""
        if self.kind == "paragraph":
            return Paragraph(self.runs) if self.runs else None
        if self.kind == "heading":
            return Heading(self.runs, level=self.level) if self.runs else None
        return self.block


def _all_strong(runs: Sequence[Inline]) -> bool:
    seen = False
    for run in runs:
        if isinstance(run, Strong) or (isinstance(run, Emphasis) and _all_strong(run.content)):
            seen = True
        elif isinstance(run, LineBreak) or (isinstance(run, Text) and not run.text.strip()):
            continue
        else:
            return False
    return seen


def _has_block(element: etree._Element) -> bool:
    # Asked of inline elements and paragraphs, whose descendants are few: a
    # plain walk beats an XPath union of one axis per tag, and lxml's matcher
    # for many tags, which is built anew on each call.
    return any(descendant.tag in _BLOCKS for descendant in element.iterdescendants())


@attrs.define
class _Builder:
    """Walks the release's element and turns it into pieces."""

    base_url: str | None
    collected: Collected
    pieces: list[_Piece] = attrs.Factory(list)
    pending: list[Inline | str] = attrs.Factory(list)
    pending_line: int | None = None
    mailto: list[str] = attrs.Factory(list)
    #: ``(piece index, value)`` of every ``<time datetime>`` and ``itemprop=datePublished`` met.
    times: list[tuple[int, str]] = attrs.Factory(list)
    dropped_lists: int = 0
    #: Line breaks made since the last flush, a bound on those in ``pending``: below two, nothing to split.
    breaks: int = 0

    # -- blocks

    def flush(self) -> None:
        """Close the paragraph being built; two line breaks in a row split it."""
        if not self.pending:
            return
        runs, self.pending = self.pending, []
        line, self.pending_line = self.pending_line, None
        addresses, self.mailto = tuple(self.mailto), []
        breaks, self.breaks = self.breaks, 0
        if breaks < 2 or sum(type(run) is LineBreak for run in runs) < 2:
            self._paragraph(runs, line, addresses)
            return
        part: list[Inline | str] = []
        breaks = 0
        for run in [*runs, LineBreak(), LineBreak()]:
            if isinstance(run, LineBreak):
                breaks += 1
                part.append(run)
                continue
            if isinstance(run, str) and not run.strip():
                part.append(run)
                continue
            if breaks >= 2:
                self._paragraph(part, line, addresses)
                part = []
            breaks = 0
            part.append(run)
        self._paragraph(part, line, addresses)

    def _paragraph(self, runs: list[Inline | str], line: int | None, addresses: tuple[str, ...]) -> None:
        trimmed, visible = _finish(runs)
        if trimmed:
            self.pieces.append(_Piece("paragraph", trimmed, line=line, text=visible, addresses=addresses,
                                      strong=_all_strong(trimmed)))

    def walk(self, element: etree._Element, depth: int = 0) -> None:
        """Read a container: its text, its children, their tails."""
        text = element.text
        if text:
            self.add_text(text, element)
        # The hottest loop of the reader: lxml makes a new string on each
        # access to .text and .tail, so each is read once.
        for child in element:
            self.element(child, depth + 1)
            tail = child.tail
            if tail and (self.pending or not tail.isspace()):
                self.add_text(tail, element)

    def add_text(self, text: str, element: etree._Element) -> None:
        if not self.pending:
            if not text.strip():
                return
            self.pending_line = line_of(element)
        self.pending.append(text)
        if "." in text or "@" in text:
            collect_addresses(text, self.collected)

    def element(self, element: etree._Element, depth: int) -> None:
        tag = element.tag
        if type(tag) is not str:
            return  # a comment or a processing instruction
        if depth > _MAX_DEPTH:
            self.add_text(text_of(element), element)
            return
        if tag == "br":
            self.pending.append(LineBreak())
            self.breaks += 1
            return
        if tag == "img":
            self._image(element)
            return
        if tag in _INLINE and not (len(element) and _has_block(element)):
            if not self.pending:
                self.pending_line = line_of(element)
            self.pending.extend(self.inline(element, depth))
            return
        if self.pending:
            self.flush()
        if tag == "hr":
            self.pieces.append(_Piece("rule", line=line_of(element)))
        elif tag in _HEADINGS:
            runs, visible = _finish(self.inline_children(element, depth))
            if runs:
                self.pieces.append(_Piece("heading", runs, level=_HEADINGS[tag], line=line_of(element), text=visible))
        elif tag in {"ul", "ol"}:
            self._list(element, depth)
        elif tag == "dl":
            self.walk(element, depth)
        elif tag == "blockquote":
            inner = self._sub(element, depth)
            blocks = [b for b in (p.model() for p in inner.pieces) if b is not None]
            if blocks:
                self.pieces.append(_Piece("quote", block=Quote(blocks), line=line_of(element),
                                          text=" ".join(p.text for p in inner.pieces)))
        elif tag == "table":
            self._table(element, depth)
        elif tag == "pre":
            # Preformatted text (legacy pages, a release pasted whole): a blank line separates paragraphs
            # as in a text file, and a wide gap inside a line separates columns, read as lines.
            pre: list[Inline | str] = []
            for text in _COLUMN_GAP.split(text_of(element)):
                if text.strip():
                    if pre:
                        pre.append(LineBreak())
                    pre.append(_space(text).strip())
                    collect_addresses(text, self.collected)
                elif pre and type(pre[-1]) is not LineBreak:
                    pre.append(LineBreak())  # with the next line's, two breaks in a row: a new paragraph
            self.breaks = len(pre)
            self.pending_line = line_of(element)
            self.pending = pre
            self.flush()
        elif tag in _TEXT_BLOCKS and not len(element):
            # A paragraph of text only, the most common: one run, no markup to merge or strip.
            self._itemprop_date(element)
            own = element.text
            if own:
                if "." in own or "@" in own:
                    collect_addresses(own, self.collected)
                visible = " ".join(own.split())
                if visible:
                    self.pieces.append(_Piece("paragraph", (Text(visible),), line=line_of(element), text=visible))
        elif tag in _TEXT_BLOCKS and not _has_block(element):
            self.pending_line = line_of(element)
            self.pending = self.inline_children(element, depth)
            self._itemprop_date(element)
            self.flush()
        else:
            self._itemprop_date(element)
            self.walk(element, depth)
        if self.pending:
            self.flush()

    def _sub(self, element: etree._Element, depth: int) -> _Builder:
        inner = _Builder(self.base_url, self.collected)
        inner.walk(element, depth)
        inner.flush()
        return inner

    def _list(self, element: etree._Element, depth: int) -> None:
        if is_link_list(element):
            self.dropped_lists += 1
            previous = self.pieces[-1] if self.pieces else None
            if previous is not None and previous.kind == "heading" and len(previous.text.split()) <= 6:
                self.pieces.pop()  # the list's own title ("Latest news")
            return
        items: list[ListItem] = []
        texts: list[str] = []
        lines: list[str] = []

        def loose(text: str | None) -> None:
            # Text between items (invalid, but printed): an item of its own.
            if text and not text.isspace():
                if "." in text or "@" in text:
                    collect_addresses(text, self.collected)
                content, visible = _finish([text])
                items.append(ListItem(content))
                texts.append(visible)
                lines.append(visible)

        loose(element.text)
        for child in element:
            if tag_of(child) is None:
                loose(child.tail)
                continue
            if not len(child):
                loose(child.text)  # an item of text only, the most common: no need for a builder
                loose(child.tail)
                continue
            inner = self._sub(child, depth + 1)
            own = [piece for piece in inner.pieces if piece.kind in {"paragraph", "heading"}]
            blocks = [piece.block for piece in inner.pieces if piece.kind not in {"paragraph", "heading"}
                      and piece.block is not None]
            if len(own) == 1:
                content = own[0].runs  # finished already
            else:
                joined: list[Inline | str] = []
                for piece in own:
                    if joined:
                        joined.append(LineBreak())
                    joined.extend(piece.runs)
                content = _finish(joined)[0]
            if content or blocks:
                items.append(ListItem(content, blocks=blocks))
                texts.extend(piece.text for piece in own)
                for piece in inner.pieces:
                    lines.extend(line for line in piece.lines if line)
                    lines.extend(piece.addresses)
            loose(child.tail)
        if not items:
            return
        text = " ".join(texts)
        if element.tag == "ol":
            start = element.get("start") or "1"
            block: Block = OrderedList(items, start=int(start) if start.isdigit() else 1)
        else:
            block = BulletList(items)
        self.pieces.append(_Piece("list", block=block, line=line_of(element), text=_space(text).strip(),
                                  item_lines=tuple(lines)))

    def _table(self, element: etree._Element, depth: int) -> None:
        rows = list(element.iter("tr"))
        grid = [cell for row in rows for cell in row if cell.tag in {"td", "th"}]
        # A table used for layout (legacy pages): nested tables, one column, cells that hold blocks or
        # running text (a data table's cells hold a few words each).
        layout = next(element.iterdescendants("table"), None) is not None or max(
            (len([c for c in row if c.tag in {"td", "th"}]) for row in rows), default=0,
        ) <= 1 or any(
            _has_block(cell) or len(text_of(cell).split(maxsplit=_CELL_WORDS)) > _CELL_WORDS for cell in grid)
        if layout:
            self.walk(element, depth)  # its cells are containers
            return
        model_rows: list[TableRow] = []
        texts: list[str] = []
        row_lines: list[str] = []
        for row in rows:
            cells = []
            for cell in row:
                if cell.tag not in {"td", "th"}:
                    continue
                runs, visible = _finish(self.inline_children(cell, depth + 1))
                cells.append(TableCell(runs, header=cell.tag == "th"))
                texts.append(visible)
            if cells:
                model_rows.append(TableRow(cells))
                row_lines.append(", ".join(text for text in texts[-len(cells):] if text))
        if model_rows:
            caption_element = element.find("caption")
            caption = _space(text_of(caption_element)).strip() if caption_element is not None else ""
            self.pieces.append(_Piece("table", block=Table(model_rows, caption=caption or None),
                                      line=line_of(element), text=" ".join(t for t in texts if t),
                                      item_lines=tuple(row_lines)))

    def _image(self, element: etree._Element) -> None:
        src = (element.get("src") or "").strip()
        if src and not src.startswith("data:") and element.get("width") not in {"0", "1"}:
            self.collected.attachment(self.resolve(src), element.get("alt"))

    def _itemprop_date(self, element: etree._Element) -> None:
        if element.get("itemprop") in {"datePublished", "dateCreated"}:
            value = element.get("content") or element.get("datetime")
            if value:
                self.times.append((len(self.pieces), value))

    # -- inline runs

    def inline_children(self, element: etree._Element, depth: int) -> list[Inline | str]:
        runs: list[Inline | str] = []
        # lxml makes a new string on each access to .text and .tail: read them once.
        text = element.text
        if text:
            runs.append(text)
            if "." in text or "@" in text:
                collect_addresses(text, self.collected)
        for child in element:
            tag = tag_of(child)
            if tag is not None:
                if depth > _MAX_DEPTH:
                    runs.append(text_of(child))
                elif tag == "br":
                    runs.append(LineBreak())
                    self.breaks += 1
                elif tag == "img":
                    self._image(child)
                else:
                    runs.extend(self.inline(child, depth + 1))
            tail = child.tail
            if tail:
                runs.append(tail)
                if "." in tail or "@" in tail:
                    collect_addresses(tail, self.collected)
        return runs

    def inline(self, element: etree._Element, depth: int) -> list[Inline | str]:
        tag = element.tag
        if tag == "time" or element.get("itemprop") in {"datePublished", "dateCreated"}:
            value = element.get("datetime") or element.get("content")
            if value:
                self.times.append((len(self.pieces), value))
        inner = self.inline_children(element, depth)
        if tag == "a":
            return self._link(element, inner)
        if tag not in _STRONG and tag not in _EMPHASIS:
            return inner
        for run in inner:
            if type(run) is not str or not run.isspace():
                break
        else:
            return inner  # bold or italics around white space only
        if tag in _STRONG:
            return [Strong(_as_runs(_merge(inner)))]
        if tag in _EMPHASIS:
            return [Emphasis(_as_runs(_merge(inner)))]
        return inner

    def _link(self, element: etree._Element, inner: list[Inline | str]) -> list[Inline | str]:
        href = _space(element.get("href") or "").strip()
        content, shown = _finish(inner)
        if "." in shown and not (len(inner) == 1 and type(inner[0]) is str):
            # "www.<b>example</b>.org": an address that markup cut in pieces (one text node was read already).
            collect_addresses(shown, self.collected)
        if not href or href.startswith(("#", "javascript:", "data:")):
            return inner
        if href.lower().startswith("mailto:"):
            href = "mailto:" + urllib.parse.unquote(href[7:]).strip()
            address = href[7:].split("?", 1)[0]
            if address and address not in shown:
                self.mailto.append(address)
        else:
            href = self.resolve(href)
        self.collected.link(href, shown or None)
        return [Hyperlink(content or (Text(href),), url=href)]

    def resolve(self, href: str) -> str:
        if self.base_url:
            try:
                return urllib.parse.urljoin(self.base_url, href)
            except ValueError:
                return href
        return href


def _visible(runs: Sequence[Inline]) -> str:
    text = plain_text(runs)
    # Text runs are collapsed already: only line breaks and blanks meeting at run edges are left to fold.
    if "\n" in text or "  " in text:
        return _space(text).strip()
    return text.strip()


# --------------------------------------------------------------------------
# Pieces to the parts of a release


def _label(state: Parts, text: str) -> bool:
    # A label opens a short line; running text is not worth the look.
    label = rec.match_label(text, state.language) if len(text) <= 200 else None
    if label is None:
        return False
    state.take_label(label, reference_in_rest=True)
    return True


def _headline_index(pieces: Sequence[_Piece], start: int, language: str | None) -> int | None:
    """The piece that is the headline: the first heading, else the first bold paragraph, before the body."""
    first_body = next((i for i in range(start, len(pieces)) if pieces[i].kind == "paragraph" and body_like(
        pieces[i].text) and not pieces[i].strong), len(pieces))
    for level in (1, 2, 3):
        for index in range(start, min(first_body + 1, len(pieces))):
            piece = pieces[index]
            if piece.kind == "heading" and piece.level <= level and not rec.is_label_line(piece.text, language):
                return index
    for index in range(start, first_body):
        piece = pieces[index]
        if piece.strong and words(piece.text) <= 30 and not rec.is_label_line(piece.text, language) and not (
            rec.match_dateline(piece.text, language, allow_site=True)
        ):
            return index
    return None


def _head(state: Parts, pieces: list[_Piece], start: int, marked: bool, dates_before: bool) -> int:
    """Read the head; return the index of the first body piece (a dateline may open the body)."""
    language = state.language
    headline_at = _headline_index(pieces, start, language)
    index = 0
    dated = False  # a dateline was read after the headline: what follows it is the body
    while index < len(pieces):
        piece = pieces[index]
        before = headline_at is not None and index < headline_at
        if index < start and not _recognized_head(state, piece):
            index += 1  # page furniture above the release
            continue
        if piece.kind == "rule":
            index += 1
            continue
        if index == headline_at:
            if not _label(state, piece.text):
                if state.headline is not None:
                    state.keep(state.headline)  # what a label line's rest made the headline
                state.headline = piece.text
            index += 1
            continue
        if state.headline is not None and piece.kind in {"heading", "paragraph"} and repeats_headline(
            rec.fold(state.headline), piece.text,
        ):
            state.keep(piece.text)  # the headline again, over the text: the body has not begun
            index += 1
            continue
        if piece.kind == "heading":
            if _label(state, piece.text):
                index += 1
                continue
            if headline_at is not None and index == headline_at + 1 and state.subheadline is None:
                state.subheadline = piece.text
                index += 1
                continue
            if before:
                state.keep(piece.text)
                index += 1
                continue
            return index
        if piece.kind == "list" and state.dateline is None and _link_items(piece) and index + 1 < len(pieces) and (
            pieces[index + 1].kind in {"paragraph", "heading"}
        ):
            # Links to the parts of the page or to its neighbours, above the release (a table of contents).
            state.keep(" | ".join(piece.item_lines))
            index += 1
            continue
        if piece.kind == "list" and not before and state.dateline is None and _dateline_follows(
            pieces, index + 1, language,
        ):
            state.summary.extend(piece.item_lines)  # highlights above the dateline, as wire releases print them
            index += 1
            continue
        if piece.kind != "paragraph":
            return index
        if piece.link_only:
            state.keep(piece.text)
            index += 1
            continue
        lines = piece.lines
        units = lines if len(lines) > 1 and any(_recognized_line(state, line) for line in lines) else [piece.text]
        for unit in units:
            if _label(state, unit):
                continue
            if state.take_embargo(rec.match_embargo(unit, language), piece.line):
                continue
            if state.take_reference(rec.match_reference(unit, language)):
                continue
            if rec.match_contact_heading(unit, language) and words(unit) <= 60:
                return index
            found = rec.match_dateline(unit, language, allow_site=True) if (dates_before or not before) else None
            if found is not None:
                state.take_dateline(found, piece.line)
                # A date alone (a <time> above the text) opens no body when a placed dateline follows it.
                dated = not before and state.headline is not None and (
                    found.dateline.place is not None or found.dateline.wire is not None
                    or not _dateline_follows(pieces, index + 1, language))
                rest = unit[found.end:].strip()
                if rest and len(units) == 1 and _opens_body(rest, language):
                    runs = drop_prefix(piece.runs, found.end)
                    pieces[index] = attrs.evolve(piece, runs=runs, text=_visible(runs), strong=_all_strong(runs))
                    return index
                if rest:
                    if state.headline is None and headline_at is None:
                        state.headline = rest
                    else:
                        state.keep(rest)
                continue
            if dated and len(units) == 1 and words(unit) <= 3 and not SENTENCE_END.search(unit) and not state.body:
                state.keep(unit)  # a page's label between the date and the text ("Primary image")
                continue
            if dated and len(units) == 1:
                return index  # a dateline on a line of its own: the body follows it
            if len(units) == 1 and piece.strong and not before and state.subheadline is None and (
                state.headline is not None
            ) and not state.body:
                state.subheadline = unit
                continue
            if len(units) == 1 and body_like(unit) and not before:
                if state.dateline is None and _dateline_follows(pieces, index + 1, language):
                    # A standfirst of one sentence, above the dateline that opens the body.
                    if state.subheadline is None:
                        state.subheadline = unit
                    else:
                        state.summary.append(unit)
                    continue
                return index
            if before or state.headline is None:
                state.keep(unit)
            elif state.subheadline is None:
                state.subheadline = unit
            elif len(units) == 1 and not body_like(unit) and words(unit) <= 40:
                state.summary.append(unit)
            elif len(units) == 1:
                return index
            else:
                state.keep(unit)
        index += 1
    return index


def _place_opening(state: Parts, pieces: list[_Piece], index: int) -> None:
    """Read the undated dateline (``SPRINGFIELD -- The ...``) opening the body's first paragraph, if none was found."""
    if state.dateline is not None or index >= len(pieces) or pieces[index].kind != "paragraph":
        return
    piece = pieces[index]
    found = rec.match_place_opening(piece.text, state.language)
    if found is not None:
        state.take_dateline(found, piece.line)
        runs = drop_prefix(piece.runs, found.end)
        pieces[index] = attrs.evolve(piece, runs=runs, text=_visible(runs), strong=_all_strong(runs))


def _link_items(piece: _Piece) -> bool:
    """Whether a list's items are each one link and nothing else (an anchor within the page reads as text).

    Two thirds of them must be links to other pages; the others, a few words each.
    """
    items = piece.block.items if isinstance(piece.block, (BulletList, OrderedList)) else ()
    links = 0
    for item in items:
        if item.blocks or len(item.content) != 1:
            return False
        run = item.content[0]
        if isinstance(run, Hyperlink):
            links += 1
        elif not isinstance(run, Text) or words(run.text) > 4:
            return False
    return len(items) >= 2 and links >= 2 * len(items) / 3


def _opens_body(rest: str, language: str | None) -> bool:
    """Whether the text after a dateline on its line is the body's first sentence (not a label or a title)."""
    count = words(rest)
    return (count >= 6 or (count >= 3 and SENTENCE_END.search(rest) is not None)) and (
        rec.match_label(rest, language) is None)


def _dateline_follows(pieces: Sequence[_Piece], index: int, language: str | None) -> bool:
    """Whether one of the next two paragraphs opens with a dateline that prints a place (or a site) and a date."""
    for piece in pieces[index:index + 2]:
        if piece.kind != "paragraph":
            return False
        found = rec.match_dateline(piece.text, language, allow_site=True)
        if found is not None and (found.dateline.place or found.site) and found.dateline.date:
            return True
    return False


def _recognized_line(state: Parts, text: str) -> bool:
    language = state.language
    return bool(rec.match_label(text, language) or rec.match_dateline(text, language, allow_site=True)
                or rec.match_reference(text, language) or rec.match_embargo(text, language))


def _recognized_head(state: Parts, piece: _Piece) -> bool:
    """Above the release proper, only labels, references and embargoes are read."""
    if piece.kind not in {"paragraph", "heading"}:
        return False
    language = state.language
    return bool(rec.is_label_line(piece.text, language) or rec.match_reference(piece.text, language)
                or rec.match_embargo(piece.text, language))


# -- the tail


def _section_kind(piece: _Piece, language: str | None, about_words: frozenset[str]) -> str | None:
    """What a piece after the body's start opens: end, rule, contact, about, heading, or nothing."""
    if piece.kind == "rule":
        return "rule"
    if piece.kind not in {"paragraph", "heading"}:
        return None
    text = piece.text
    if len(text) <= 30 and rec.is_end_marker(text, language):
        return "end"
    if piece.kind == "paragraph" and len(text) <= 100 and rec.match_source_line(text):
        return "source"
    if len(text) <= 40 and rec.is_related_heading(text):
        return "related"  # "Related posts": the page's other news, after the release
    if len(text) <= 120 and (rec.is_copyright_line(text) or rec.is_skip_link(text)):
        return "furniture"
    if piece.kind == "paragraph" and len(text) <= 40 and rec.match_reference(text, language):
        return "reference"  # the release's number, printed after it
    heading_like = piece.kind == "heading" or (piece.strong and words(text) <= 12)
    space = text.find(" ")
    first = rec.fold(text[:space] if space >= 0 else text)  # the first word, without copying the rest
    if not heading_like and len(text) > 400 and "ontact" not in text[:80]:
        # Running text: only "About X: ..." or an "About X" line above the text can open a section here.
        if first in about_words and (rec.match_boilerplate_heading(text, language) or _about_line(piece, language)):
            return "about"
        return None
    if (heading_like or len(text) <= 120 or ":" in text[:60]) and rec.match_contact_heading(text, language):
        return "contact"
    if _first_line(piece) and rec.match_contact_heading(piece.lines[0], language):
        return "contact"  # "Pressekontakt<br>Jane Doe<br>..."
    if heading_like and rec.names_contacts(text):
        return "contact"  # <h3>Kontakt für Medien</h3>, <p><b>Global Marketing Contacts</b></p>
    if first in about_words and (rec.match_boilerplate_heading(text, language, heading=heading_like)
                                 or _about_line(piece, language)):
        return "about"
    if piece.kind == "paragraph" and "ontact" in text and words(text) <= 40 and (
        phones_in(text) or emails_in(text)
    ) and re.search(r"\bcontact\w*\b", text, re.IGNORECASE):
        return "contact"
    if heading_like and not SENTENCE_END.search(text) and not looks_like_name(text) and not (
        phones_in(text) or emails_in(text)
    ):
        return "heading"
    return None


def _first_line(piece: _Piece) -> bool:
    """Whether the piece is a paragraph of several lines, whose first line may be a heading."""
    return piece.kind == "paragraph" and any(type(run) is LineBreak for run in piece.runs)


def _about_line(piece: _Piece, language: str | None) -> rec.HeadingMatch | None:
    """An "About X" heading on the first of a paragraph's lines (``<b>About Acme</b><br>Acme makes ...``)."""
    if not _first_line(piece):
        return None
    return rec.match_boilerplate_heading(piece.lines[0], language, heading=True)


@functools.lru_cache(maxsize=32)
def _aboutwords(language: str | None) -> frozenset[str]:
    return frozenset(rec.fold(prefix.split(" ", 1)[0]) for cues in rec.cue_order(language)
                     for prefix in (*cues.boilerplate_prefixes, *cues.disclaimer_headings))


def _tail_start(kinds: Sequence[str | None], start: int, pieces: Sequence[_Piece]) -> int:
    """Where the body ends: at contacts, or at the "About X" section after which only tail sections follow.

    An "About X" heading followed by other headed sections of news (as in a
    release with an "About the product" part mid-text) does not end the body,
    nor does a source line followed by running text (a figure's ``Source:``).
    An end marker or the heading of a page's other news (``Related posts``) does.
    """
    end = next((i for i in range(start, len(kinds)) if kinds[i] in {"end", "related"} or (
        kinds[i] == "reference" and None not in kinds[i + 1:]) or (
        kinds[i] == "source" and not any(
            p.kind == "paragraph" and body_like(p.text) and not p.link_only for p in pieces[i + 1:]))), len(kinds))
    for index in range(start, end):
        kind = kinds[index]
        if kind == "contact":
            return index
        if kind == "about":
            following = next((j for j in range(index + 1, end) if kinds[j] in {"contact", "rule"}), end)
            if all(kinds[j] != "heading" for j in range(index + 1, following)):
                return index
    return end


@attrs.frozen
class _Tail:
    """The tail's pieces, as the shared tail walk reads them: their kinds were told once, for the body's end."""

    state: Parts
    pieces: Sequence[_Piece]
    kinds: Sequence[str | None]

    def opening(self, index: int, in_section: bool) -> Opening[_Piece] | None:
        """What the piece at *index* opens; a heading closes the section before it."""
        piece, kind = self.pieces[index], self.kinds[index]
        if kind == "rule":
            return Opening("rule")
        if kind == "end":
            return Opening("end", printed=piece.text)
        if kind == "source":
            return Opening("source", printed=rec.match_source_line(piece.text) or piece.text)
        if kind == "reference":
            return Opening("reference", printed=piece.text)
        if kind in {"furniture", "related"}:
            return Opening("furniture")
        if kind == "contact":
            return _contact_opening(piece, self.state.language)
        if kind == "about":
            line = _about_line(piece, self.state.language)
            if line is not None:  # the heading on its line, the paragraph's other lines the section's text
                cut = next(i for i, run in enumerate(piece.runs) if type(run) is LineBreak)
                runs, visible = _finish(list(piece.runs[cut + 1:]))
                return Opening("about", heading=line.heading,
                               content=(_Piece("paragraph", runs, text=visible),) if runs else ())
            found = rec.match_boilerplate_heading(piece.text, self.state.language, heading=True)
            rest = found.rest if found else ""
            return Opening("about", heading=found.heading if found else piece.text,
                           content=(_Piece("paragraph", (Text(rest),)),) if rest else ())
        if kind == "heading":
            return Opening("heading", heading=piece.text.rstrip(":"))
        return None

    def ends_contact(self, index: int) -> bool:
        """A piece that opens anything ends a contact block."""
        return self.kinds[index] is not None

    def keep_line(self, line: str) -> None:
        """Keep a line as text."""
        self.state.keep(line)

    def keep_block(self, index: int) -> None:
        """Keep a piece's text."""
        self.state.keep(self.pieces[index].text)

    def section(self, heading: str | None, blocks: Sequence[_Piece]) -> Boilerplate | None:
        """The section's model blocks, if it has a heading or any."""
        models = [block for block in (piece.model() for piece in blocks) if block is not None]
        return Boilerplate(heading=heading, blocks=models) if heading or models else None

    def found_contacts(self, contacts: Sequence[Contact], left: Sequence[str]) -> None:
        """Nothing to do: the pieces' links were collected as they were built."""


def _contact_opening(piece: _Piece, language: str | None) -> Opening[_Piece]:
    """A contact block's heading and its lines: those after the heading's line, or all of them."""
    lines = piece.lines
    # A heading on the first of several lines ("Media Contact:<br>Jane Doe<br>555-0100") leaves the
    # lines after it as they are; else the heading opens the paragraph's text, read as one line.
    first = rec.match_contact_heading(lines[0], language) if len(lines) > 1 else None
    if first is not None:
        rest = [first.rest] if first.rest.strip() else []
        return Opening("contact", heading=first.heading or None, printed=printed_heading(lines[0], first.rest),
                       lines=rest + lines[1:])
    found = rec.match_contact_heading(piece.text, language)
    if found is None and piece.kind == "heading":
        return Opening("contact", heading=piece.text, printed=piece.text)  # a title that names contacts
    if found is None or (len(lines) > 1 and lines[0].startswith(found.heading)):
        # No heading, or a desk that only the lines after it make one ("Media:<br>Jane Doe<br>jane@..."):
        # the lines as they are, the desk's line with them.
        return Opening("contact", lines=lines)
    return Opening("contact", heading=found.heading or None, printed=printed_heading(piece.text, found.rest),
                   lines=[found.rest] if found.rest.strip() else [])


# --------------------------------------------------------------------------
# The reader


def parse_html(
    data: str | bytes, *, name: str | None = None, url: str | None = None, language: str | None = None,
) -> Reading:
    """Read a press release from an HTML page.

    *name* names the input in diagnostics (a path, ``<stdin>``); *url* is
    the page's address, against which relative links are resolved (through
    the page's ``<base href>``, as a browser does, when it has one);
    *language* (a BCP 47 tag) overrides the page's ``lang`` and the
    detection from the text. Returns a :class:`~communique.Reading`: the
    communiqué and the diagnostics.

    Raises :class:`~communique.ParseError` for input that is not a page
    (binary data, no element at all) or is larger than ``MAX_BYTES`` (16 MiB).

    >>> parse_html("<h1>Acme buys Beta</h1><p>Acme has bought Beta for one euro, it said on Monday.</p>",
    ...            language="en").communique.headline
    'Acme buys Beta'

    .. versionadded:: 0.1.0
    """
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", errors="replace"))
    if size > MAX_BYTES:
        msg = f"page of {size} bytes is larger than the {MAX_BYTES} bytes a release page may have"
        raise ParseError(msg, source=name)
    if looks_binary(data):
        msg = "binary data, not an HTML page"
        raise ParseError(msg, source=name)
    decoded = decode_page(data, name)
    diagnostics = list(decoded.diagnostics)
    root, too_deep = parse_page(decoded.text, decoded.utf8)
    if root is None:
        msg = "no HTML element found: the page is empty"
        raise ParseError(msg, source=name)
    if too_deep is not None:
        diagnostics.append(Diagnostic(
            severity=Severity.WARNING, code="page-too-deep", source=name, line=too_deep,
            message=f"the page nests elements more than {MAX_DEPTH} levels deep; what lies deeper is left out",
        ))
    metadata = read_metadata(root)
    strip_chrome(root)
    content = main_content(root)
    _unwrap(content.element)
    collected = Collected()
    builder = _Builder(_base_url(url, metadata.base), collected)
    builder.walk(content.element)
    builder.flush()
    pieces = builder.pieces
    start, pieces = _start(root, content, pieces, builder)
    lang = _language(language, metadata, pieces, diagnostics, name)
    _join_references(pieces, lang)
    state = Parts(source=name, language=lang, diagnostics=diagnostics)
    if lang is None:
        state.note(Severity.WARNING, "language-unknown", "the language of the release could not be told")
    body_start = _head(state, pieces, start, content.marked, dates_before=content.marked)
    _place_opening(state, pieces, body_start)
    about = _aboutwords(lang)
    # The headline printed again after it is page residue wherever it stands, not a section's heading.
    again = rec.fold(state.headline) if state.headline else None
    kinds = [None] * body_start + [
        "furniture" if again is not None and repeats_headline(again, p.text) else _section_kind(p, lang, about)
        for p in pieces[body_start:]]
    for index in range(body_start, len(pieces) - 1):
        if kinds[index] in {None, "heading"} and information_contacts(pieces[index].text, pieces[index + 1]):
            kinds[index] = "contact"  # "Para más información", then a phone number
    body_end = min(_tail_start(kinds, body_start, pieces), headline_again(state.headline, pieces, body_start))
    for piece, kind in zip(pieces[body_start:body_end], kinds[body_start:body_end], strict=True):
        if kind == "furniture":
            state.keep(piece.text)  # residue inside the body's span: the headline again, a copyright line
        elif (block := piece.model()) is not None:
            state.body.append(block)
    read_tail(state, pieces[body_end:], _Tail(state, pieces[body_end:], kinds[body_end:]))
    if state.headline is None:
        state.headline = _meta_headline(metadata)
        if state.headline is None:
            state.note(Severity.WARNING, "headline-missing", "no headline found")
    _dates(state, metadata, [value for index, value in builder.times if index <= body_start])
    first_body = next((b.plain_text for b in state.body if isinstance(b, Paragraph)), "")
    return state.reading(
        # Only the first sentence names the announcer; later ones say "Sun also announced".
        issuer=choose_issuer(state, rec.split_sentences(first_body)[0] if first_body else "",
                             publisher=_publisher(metadata), from_headline=True),
        collected=collected, metadata=_metadata_fields(metadata, state.headline),
        provenance=Provenance(source=name, format="html", url=url),
    )


def _join_references(pieces: list[_Piece], language: str | None) -> None:
    """Join a reference marker alone in its block and the number in the next (``News release #:`` | ``18-001``)."""
    index = 0
    while index < len(pieces) - 1:
        label, value = pieces[index], pieces[index + 1]
        if label.kind == "paragraph" == value.kind and len(label.text) <= 40 and len(value.text) <= 30 and (
            not has_digit(label.text) and rec.match_reference(f"{label.text} {value.text}", language)
        ):
            runs = (*label.runs, Text(" "), *value.runs)
            pieces[index:index + 2] = [attrs.evolve(label, runs=runs, text=f"{label.text} {value.text}")]
        index += 1


def _base_url(url: str | None, declared: str | None) -> str | None:
    """The address relative links resolve against: the page's ``<base href>`` resolved against *url*, else *url*.

    >>> _base_url("https://acme.example/news/1", "/en/")
    'https://acme.example/en/'
    >>> _base_url(None, "https://acme.example/en/"), _base_url(None, "/en/")
    ('https://acme.example/en/', None)
    """
    if not declared or declared.lower().startswith(("javascript:", "data:")):
        return url
    try:
        base = urllib.parse.urljoin(url, declared) if url else declared
    except ValueError:
        return url
    # A relative base with no page address to resolve it against resolves nothing.
    return base if urllib.parse.urlsplit(base).scheme else url


def _unwrap(element: etree._Element) -> None:
    """Take the wrappers (:data:`_WRAPPERS`) out of *element*, keeping their text and children in place."""
    dated_elements: list[etree._Element] = _DATED(element)  # type: ignore[assignment]  # elements: the path ends on ".."
    for dated in dated_elements:
        if dated.tag in _WRAPPER_SET:
            dated.tag = "time"
    etree.strip_tags(element, *_WRAPPERS)


def _start(root: etree._Element, content: Content, pieces: list[_Piece], builder: _Builder) -> tuple[
    int, list[_Piece],
]:
    """Where the release starts among the pieces: at its first heading when the page did not mark its content.

    A page's ``<h1>`` outside the chosen content (a title above a layout
    table) is put back in front of it.
    """
    first = next((i for i, p in enumerate(pieces[:60]) if p.kind == "heading" and p.level == 1), None)
    if first is None and not any(p.kind == "heading" for p in pieces):
        h1 = next((e for e in root.iter("h1") if not _contains(content.element, e)), None)
        if h1 is not None:
            runs, visible = _finish(builder.inline_children(h1, 0))
            if runs:
                pieces = [_Piece("heading", runs, level=1, line=line_of(h1), text=visible), *pieces]
                builder.times = [(index + 1, value) for index, value in builder.times]
                return 0, pieces
    if content.marked or first is None:
        return 0, pieces
    return first, pieces


def _contains(container: etree._Element, element: etree._Element) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def _language(
    given: str | None, metadata: PageMetadata, pieces: Sequence[_Piece], diagnostics: list[Diagnostic],
    source: str | None,
) -> str | None:
    if given:
        return given
    sample = "\n".join(p.text for p in pieces[:20])[:800]
    detected = detect_language(sample) if sample.strip() else None
    declared = metadata.language
    if declared and not re.fullmatch(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*", declared):
        declared = None
    if declared and detected and declared.split("-")[0].lower() != detected.split("-")[0].lower():
        diagnostics.append(Diagnostic(
            severity=Severity.WARNING, code="language-mismatch",
            message=f"the page declares the language {declared!r} but its text reads as {detected!r}",
            source=source,
        ))
        return detected
    return declared or detected


def _dates(state: Parts, metadata: PageMetadata, times: Iterable[str]) -> None:
    """The release date: the printed dateline or date line first, the page's own metadata else."""
    declared = list(metadata.dates)
    declared.extend(("time element", value, date) for value in times if (date := iso_date(value)) is not None)
    printed = state.dateline.date if state.dateline is not None else None
    if printed is None and state.date_line is not None:
        printed = state.date_line.date
        if state.dateline is None:
            state.dateline = state.date_line
        else:
            state.dateline = attrs.evolve(state.dateline, date=printed)
            state.note(Severity.INFO, "date-from-date-line",
                       f"the dateline prints no date; the date comes from {state.date_line.text!r}")
    elif state.date_line is not None and state.dateline is not None and state.date_line is not state.dateline:
        state.keep(state.date_line.text)
    if printed is not None:
        for where, value, date in declared:
            if date != printed:
                state.note(Severity.WARNING, "date-metadata-disagrees",
                           f"the printed date {printed.isoformat()} differs from the page's {where} {value!r}; "
                           "the printed date is kept")
                break
        return
    if not declared:
        return
    where, value, date = declared[0]
    others = {d for _, _, d in declared}
    if len(others) > 1:
        state.note(Severity.WARNING, "date-metadata-conflict",
                   "the page's metadata give different dates ("
                   + ", ".join(sorted(d.isoformat() for d in others)) + "); the date is left out")
        return
    if state.dateline is None:
        state.dateline = Dateline(text=value, date=date)
    else:
        state.dateline = attrs.evolve(state.dateline, date=date)
    state.note(Severity.INFO, "date-from-metadata", f"the release prints no date; the date comes from the page's "
               f"{where} {value!r}")


def _meta_headline(metadata: PageMetadata) -> str | None:
    for article in metadata.articles:
        headline = article.get("headline")
        if isinstance(headline, str) and headline.strip():
            return _space(headline).strip()
    meta = {name.lower(): value for name, value in metadata.meta}
    title = meta.get("og:title") or meta.get("twitter:title") or metadata.title
    if not title:
        return None
    site = meta.get("og:site_name")
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, sep, tail = title.rpartition(separator)
        if sep and head.strip() and (site is None or tail.strip().lower() == site.lower() or words(tail) <= 4):
            return _space(head).strip()
    return _space(title).strip() or None


_WIRES = re.compile(r"wire|newswire|press ?release|presseportal|ots|news ?direct|globe ?newswire", re.IGNORECASE)


def _publisher(metadata: PageMetadata) -> str | None:
    """The publisher the page names, unless it is a wire service that only carries the release.

    JSON-LD's ``publisher`` first; else a ``<meta name="author">`` or ``dc.publisher`` that names an
    organisation (``Government of Yukon``; a person who wrote the page is no issuer).
    """
    for article in metadata.articles:
        publisher = article.get("publisher")
        name = publisher.get("name") if isinstance(publisher, dict) else None
        if isinstance(name, str) and name.strip() and not _WIRES.search(name):
            return name.strip()
    for key, value in metadata.meta:
        name = _space(value).strip()
        if key.lower() in {"author", "dc.publisher", "dcterms.publisher", "publisher"} and (
            looks_like_organization(name) and not _WIRES.search(name) and "://" not in name
        ):
            return name
    return None


def _metadata_fields(metadata: PageMetadata, headline: str | None) -> list[MetaField]:
    fields: list[MetaField] = []
    if metadata.title and metadata.title != headline:
        fields.append(MetaField(name="title", value=metadata.title))
    if metadata.language:
        fields.append(MetaField(name="lang", value=metadata.language))
    if metadata.canonical:
        fields.append(MetaField(name="canonical", value=metadata.canonical))
    fields.extend(MetaField(name=name, value=value) for name, value in metadata.meta if name.strip())
    for article in metadata.articles:
        for key in ("@type", "headline", "datePublished", "dateModified", "author", "publisher"):
            value: Any = article.get(key)
            if isinstance(value, dict):
                value = value.get("name")
            elif isinstance(value, list):
                value = ", ".join(str(v.get("name") if isinstance(v, dict) else v) for v in value)
            if isinstance(value, str) and value.strip():
                fields.append(MetaField(name=f"json-ld:{key}", value=value))
    for where, value, _ in metadata.dates:
        if where.split(" ")[0] in {"html", "body", "article"}:
            fields.append(MetaField(name=where.split(" ", 1)[1], value=value))
    return fields


def read(data: bytes, *, source: str | None = None) -> Reading:
    """Reader entry of the format registry: page bytes to a :class:`~communique.Reading`."""
    return parse_html(data, name=source)
