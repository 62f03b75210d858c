"""An HTML page as the HTML reader sees it: decoded, parsed safely, its metadata read, its chrome removed.

The stages, each small:

1. :func:`sniff_charset` finds the encoding the page declares (``<meta
   charset>``, ``http-equiv``, the XML declaration); :func:`decode_page`
   decodes with the shared decoder and reports a declaration that the bytes
   contradict.
2. :func:`parse_page` parses with lxml's HTML parser, hardened: no network,
   no DTD, no entity expansion (an internal DTD subset is cut out first), a
   tree depth bounded by libxml2.
3. :func:`read_metadata` reads ``<title>``, ``<html lang>``, ``<meta>`` tags,
   JSON-LD and the site-specific date attributes, then the elements that
   carry them are removed from the tree.
4. :func:`strip_chrome` removes what is not the release: scripts, styles,
   navigation, page headers and footers, sidebars, cookie banners, share
   widgets and lists of other releases.
5. :func:`main_content` picks the element that holds the release.
"""

from __future__ import annotations

import codecs
import datetime
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
from lxml import etree

from ._decode import Decoded, decode
from .dates import parse_timestamp
from .diagnostics import Diagnostic
from .vocabulary import Severity

_HEAD_BYTES = 8192
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,500}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)
# An internal DTD subset: the HTML parser would print it as text, and no page needs it.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]{0,500}\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_SUBSET_WINDOW = 65536
_XML_DECLARATION_TEXT = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")


def sniff_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first bytes, as written.

    >>> sniff_charset(b'<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">')
    'ISO-8859-1'
    >>> sniff_charset(b"<?xml version='1.0' encoding='windows-1252'?><html/>")
    'windows-1252'
    >>> sniff_charset(b"<p>no declaration</p>") is None
    True
    """
    head = data[:_HEAD_BYTES]
    found = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# The bytes no page in plain UTF-8 holds: the C0 controls other than tab and newline (carriage return
# included), and DEL. See _plain_utf8.
_NOT_PLAIN = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])


def _plain_utf8(data: bytes) -> Decoded | None:
    """The page as :func:`~communique._decode.decode` reads it, when it is plain UTF-8; else None.

    Most pages are UTF-8 with no byte-order mark, carriage return, control
    character or non-character: for them :func:`decode` would make five
    passes over the text to change nothing and report nothing, and a few
    memchr calls on the bytes tell as much. Without a NUL byte the text
    cannot be taken for BOM-less UTF-16, and strict UTF-8 decoding yields
    no lone surrogate.
    """
    # One memchr per byte of _NOT_PLAIN is twice as fast as one translate of the whole page.
    if any(byte in data for byte in _NOT_PLAIN) or data.startswith(codecs.BOM_UTF8):
        return None
    # U+FFFE and U+FFFF are EF BF BE and EF BF BF; memchr for EF rules them out on nearly every page.
    if b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Decoded(text=text, encoding="utf-8", utf8=data)


def decode_page(data: bytes | str, source: str | None) -> Decoded:
    """Decode a page: byte-order mark, then valid UTF-8, then the declared charset, then cp1252.

    A page that declares a single-byte charset but is valid UTF-8 (a common
    mistake of copied pages) is read as UTF-8, with a warning.
    """
    if isinstance(data, str):
        return decode(data, source=source)
    declared = sniff_charset(data)
    codec = _codec(declared) if declared else None
    found: list[Diagnostic] = []
    if declared and codec is None:
        found.append(Diagnostic(severity=Severity.WARNING, code="charset-unknown",
                                message=f"the page declares the unknown charset {declared!r}", source=source))
    decoded = _plain_utf8(data) or decode(data, source=source, declared=codec)
    for diagnostic in decoded.diagnostics:
        if diagnostic.code == "encoding-fallback" and codec and _codec(decoded.encoding) == codec:
            continue  # the page said so: not a fallback
        found.append(diagnostic)
    if codec and codec not in {"utf-8", "ascii"} and decoded.encoding == "utf-8" and not data.isascii():
        found.append(Diagnostic(
            severity=Severity.WARNING, code="charset-mismatch",
            message=f"the page declares {declared} but its bytes are UTF-8; read as UTF-8", source=source,
        ))
    if not found and not decoded.diagnostics:
        return decoded
    return attrs.evolve(decoded, diagnostics=tuple(found))


_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))


def looks_binary(data: bytes | str) -> bool:
    """Whether the input is binary data rather than a page: NUL bytes or many control characters."""
    head = data[:_HEAD_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", errors="replace")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not head:
        return False
    if not any(byte in head for byte in _CONTROL_BYTES):
        return False  # nearly every page: one memchr per control byte says so faster than counting them
    if b"\x00" in head and not (head[1::2].count(0) > 0.4 * len(head) / 2 or head[0::2].count(0) > 0.4 * len(head) / 2):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > 0.02 * len(head)


#: The libxml2 limit on how deep elements nest without its "huge" option, which stays off.
MAX_DEPTH = 256


def parse_page(text: str, utf8: bytes | None = None) -> tuple[etree._Element | None, int | None]:
    """Parse page text with a hardened HTML parser.

    *utf8*, when given, is *text* in UTF-8 as it came: the parser reads it
    rather than a new encoding of the text, unless the text must be changed
    first. Returns the root (None when there is no element at all) and, when
    the page nests elements deeper than :data:`MAX_DEPTH`, the line where the
    parser stopped reading what lies deeper (None otherwise).
    """
    declaration = _XML_DECLARATION_TEXT.match(text)
    if declaration:
        text, utf8 = text[declaration.end():], None
    # Only the first 64 KiB are searched for the subset, and only when they hold the "[" it opens with:
    # most pages have none, and finding a character is far quicker than a case-insensitive search.
    if text.find("[", 0, _SUBSET_WINDOW) != -1:
        subset = _DOCTYPE_SUBSET.search(text, 0, _SUBSET_WINDOW)
        if subset:
            text, utf8 = text[:subset.start()] + text[subset.end():], None
    options: dict[str, Any] = {"default_doctype": False}  # not in lxml-stubs
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, recover=True,
        collect_ids=False, huge_tree=False, **options,
    )
    try:
        root = etree.fromstring(utf8 if utf8 is not None else text.encode("utf-8"), parser)
    except etree.ParserError:
        return None, None
    # libxml2 names the error by its message only: its type changed between versions (2.12: internal
    # error, 2.13: resource limit).
    too_deep = next((error.line for error in parser.error_log if "excessive depth" in error.message.lower()), None)
    return root, too_deep


def tag_of(element: etree._Element) -> str | None:
    """The element's tag, or None for comments, entities and processing instructions."""
    tag: object = element.tag
    return tag if isinstance(tag, str) else None


def text_of(element: etree._Element) -> str:
    """The element's text content, markup removed."""
    return "".join(str(part) for part in element.itertext())


def line_of(element: etree._Element) -> int | None:
    """The source line the element starts on, when the parser knows it."""
    line: object = element.sourceline
    return line if isinstance(line, int) else None


# --------------------------------------------------------------------------
# Metadata


@attrs.define
class PageMetadata:
    """What a page says about itself outside its visible text."""

    title: str | None = None
    language: str | None = None
    #: ``(name, value)`` of every ``<meta>`` tag with a name and content, in page order.
    meta: list[tuple[str, str]] = attrs.Factory(list)
    #: The JSON-LD objects that describe an article, flattened out of ``@graph`` lists.
    articles: list[dict[str, Any]] = attrs.Factory(list)
    #: Publication dates the page declares, best source first: ``(source, value as written, date)``.
    dates: list[tuple[str, str, datetime.date]] = attrs.Factory(list)
    canonical: str | None = None
    #: The ``href`` of the page's first ``<base>``, as written: relative links resolve against it.
    base: str | None = None


_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report",
    "pressrelease", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "socialmediaposting",
})
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.issued", "dcterms.created", "pubdate", "publishdate", "publish-date",
    "publication_date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
)
# Attributes that some sites put on the root or the article to date it (fsfe.org: ``<html newsdate>``).
_DATE_ATTRIBUTES = ("newsdate", "data-date", "data-published", "data-pubdate", "data-publication-date")
_WS = re.compile(r"\s+")


def iso_date(value: str) -> datetime.date | None:
    """The calendar date of an ISO 8601 date or date-time as written (its own offset, not UTC).

    >>> iso_date("2012-05-08T23:30:00-07:00")
    datetime.date(2012, 5, 8)
    >>> iso_date("20120228"), iso_date("soon")
    (datetime.date(2012, 2, 28), None)
    """
    stamp = parse_timestamp(value)
    return stamp.date() if isinstance(stamp, datetime.datetime) else stamp


def _json_objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value[:200]:
            yield from _json_objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _json_objects(graph, depth + 1)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def read_metadata(root: etree._Element) -> PageMetadata:
    """Read the page's metadata, then remove ``<head>``, ``<title>``, ``<meta>`` and JSON-LD from the tree."""
    found = PageMetadata()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and lang.strip():
        found.language = lang.strip()
    doomed: list[etree._Element] = []
    for element in root.iter("title", "meta", "script", "link", "base"):
        tag = element.tag
        if tag == "title":
            if found.title is None:
                found.title = _WS.sub(" ", text_of(element)).strip() or None
            doomed.append(element)
        elif tag == "meta":
            name = element.get("name") or element.get("property") or element.get("itemprop") or element.get(
                "http-equiv")
            content = element.get("content")
            if name and content is not None:
                found.meta.append((name.strip(), content.strip()))
            doomed.append(element)
        elif tag == "script":
            if (element.get("type") or "").strip().lower() == "application/ld+json":
                _json_ld(element.text or "", found)
        elif tag == "link" and (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            found.canonical = element.get("href", "").strip()
        elif tag == "base" and found.base is None and (element.get("href") or "").strip():
            found.base = element.get("href", "").strip()
    meta = {name.lower(): value for name, value in found.meta}
    if found.language is None:
        language = meta.get("content-language") or meta.get("og:locale") or meta.get("dc.language")
        if language:
            found.language = language.replace("_", "-").split(",")[0].strip() or None
    for article in found.articles:
        for key in ("datePublished", "dateCreated"):
            value = article.get(key)
            if isinstance(value, str) and (date := iso_date(value)):
                found.dates.append((f"json-ld {key}", value, date))
                break
        if found.language is None and isinstance(article.get("inLanguage"), str):
            found.language = article["inLanguage"]
    for key in _DATE_META:
        value = meta.get(key)
        if value and (date := iso_date(value)):
            found.dates.append((f"meta {key}", value, date))
    for element in (root, *root.iter("body", "article")):
        for attribute in _DATE_ATTRIBUTES:
            value = element.get(attribute)
            if value and (date := iso_date(value)):
                found.dates.append((f"{element.tag} {attribute}", value, date))
    for element in doomed:
        _remove(element)
    return found


def _json_ld(raw: str, found: PageMetadata) -> None:
    if len(raw) > 1_000_000:
        return
    try:
        value = json.loads(raw)
    except ValueError:
        return
    found.articles.extend(item for item in _json_objects(value) if _types(item) & _ARTICLE_TYPES)


def _remove(element: etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# --------------------------------------------------------------------------
# Chrome


_ALWAYS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "button", "select",
    "input", "textarea", "nav", "dialog", "head", "link", "video", "audio", "map", "math", "frameset", "frame",
})
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|cookies?|cookiebar|consent|gdpr|share|"
    r"sharing|sharebar|social|socials|sidebar|newsletter|"
    r"subscribe|signup|footer|masthead|topnav|skip|skiplinks?|popup|modal|advert|advertisement|promo|pagination|"
    r"pager|toolbar|comments?|tagcloud|byline-share|print-button|"
    # The same in the corpus's other languages: share, breadcrumbs, comments.
    r"compartir|partager|partage|teilen|migas|fil-ariane|kommentare|commentaires|comentarios)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Words that name chrome only when the element is mostly links: page builders wrap each paragraph of an
# article in a "text widget", and many sites call the standfirst a "teaser".
_LINK_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:widget|widgets|related|latest|recent|more-news|teasers?|tags)(?:$|[\s_-])", re.IGNORECASE,
)
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                           "dialog", "alertdialog", "toolbar"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


def _text_length(element: etree._Element) -> int:
    """How many words the element holds (a cheap measure of its text)."""
    if not len(element):
        # A leaf's text is its whole content: no need to serialise it.
        return len((element.text or "").split())
    return len(etree.tostring(element, method="text", encoding="unicode", with_tail=False).split())


def _link_length(element: etree._Element) -> int:
    return sum(_text_length(a) for a in element.iter("a"))


_CHROME_TAGS = _ALWAYS | {"header", "footer", "aside"}
_CHROME_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style", "role", "class", "id"})


def strip_chrome(root: etree._Element) -> int:
    """Remove page chrome from the tree; return how many elements were removed.

    An element named like chrome (``class="cookie-banner"``) is spared when
    it holds the page's ``<h1>`` or much of its text: a theme that calls
    the article's wrapper ``page-sidebar-layout`` must not lose the release.
    """
    total = 0  # the page's words, counted when first needed
    doomed: list[etree._Element] = []
    for element in root.iter():
        tag: object = element.tag  # a function for comments and processing instructions
        if tag in _CHROME_TAGS:
            if tag in _ALWAYS or tag == "aside" or not _inside_article(element):
                doomed.append(element)
                continue
            # A header or footer inside the article: the rules on attributes below apply to it.
        elif not isinstance(tag, str):
            doomed.append(element)  # entities or comments the parser kept
            continue
        if _CHROME_ATTRIBUTES.isdisjoint(element.keys()):
            continue  # most elements: no rule below can apply
        if element.get("hidden") is not None or element.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(
            element.get("style") or "",
        ):
            doomed.append(element)
            continue
        if tag in {"html", "body", "main", "article"}:
            continue
        role = (element.get("role") or "").strip().lower()
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not names.strip() and role not in _CHROME_ROLES:
            continue
        chrome = role in _CHROME_ROLES or _CHROME_WORDS.search(names) is not None
        if (chrome or _LINK_CHROME_WORDS.search(names)) and next(element.iter("h1"), None) is None:
            size = _text_length(element)
            if not size or _link_length(element) > 0.5 * size:
                doomed.append(element)  # links, or nothing to read
            elif chrome:
                if not total:
                    body = root.find("body")
                    total = max(_text_length(body if body is not None else root), 1)
                if size < 0.3 * total:
                    doomed.append(element)
    # Removing an element inside one already removed only touches the detached subtree.
    for element in doomed:
        _remove(element)
    return len(doomed)


def _inside_article(element: etree._Element) -> bool:
    return any(ancestor.tag in {"article", "main"} or (ancestor.get("role") or "") == "main"
               for ancestor in element.iterancestors())


def is_link_list(element: etree._Element) -> bool:
    """A list whose items are each one link, most of them dated: a list of other releases."""
    items = [li for li in element if li.tag == "li"]
    if len(items) < 3:
        return False
    dated = 0
    for item in items:
        size = _text_length(item)
        links = _link_length(item)
        text = text_of(item)
        year = _YEAR.search(text) is not None or next(item.iter("time"), None) is not None
        # Mostly a link, or a link and its date ("<a>Plant opens</a> – January 5, 2025").
        if size == 0 or not links or (links < 0.6 * size and not (year and size - links <= 5)):
            return False
        dated += year
    return dated >= len(items) / 2


# --------------------------------------------------------------------------
# Main content


_PROSE = frozenset({"p", "ul", "ol", "blockquote", "pre", "table", "h2", "h3", "address"})
# Elements with role="main", in document order. A predicate on the attribute nodes rather than on the
# elements (``*[@role='main']``) has libxml2 test a few attributes instead of every element: 5x faster.
_ROLE_MAIN = etree.XPath("descendant-or-self::*/@role[.='main']/..")


# A run of text seen as words: how many, and whether it starts and ends inside a word. Two runs side by
# side hold one word less than their sum when the first ends and the second starts inside a word.
_Run = tuple[int, bool, bool]
_BLANK: _Run = (0, False, False)


def _run(text: str) -> _Run:
    if text.isspace():
        return _BLANK  # most tails: a line break and some indentation
    return len(text.split()), not text[0].isspace(), not text[-1].isspace()


# str.split() makes an object of each word, and that is most of what main_content costs. _runs counts the
# words of many texts without: in their UTF-8 bytes, the spaces beyond ASCII are first overwritten with as
# many ASCII spaces as they have bytes, then one translate marks each byte " " (a space) or "x" (in a
# word), and a word starts at the first byte and wherever " x" is found.
_SPACE_MARKS = bytes(ord(" ") if chr(byte).isspace() else ord("x") for byte in range(128)) + b"x" * 128
_IN_WORD = ord("x")
#: The characters beyond ASCII that str.split() splits on (those for which str.isspace() is true).
_WIDE_SPACES = "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def _wide_space_patterns() -> list[tuple[bytes, bytes, re.Pattern[bytes]]]:
    """For each lead byte of the UTF-8 forms of :data:`_WIDE_SPACES`: the spaces to write over them, and them.

    A lead byte tells how long its forms are, so one string of spaces does
    for all; and it never occurs inside another character, so what the
    pattern finds is always a whole character.
    """
    forms: dict[bytes, list[bytes]] = {}
    for char in _WIDE_SPACES:
        form = char.encode()
        forms.setdefault(form[:1], []).append(form)
    return [(lead, b" " * len(same[0]), re.compile(b"|".join(map(re.escape, same)))) for lead, same in forms.items()]


_WIDE_SPACE_PATTERNS = _wide_space_patterns()


def _runs(texts: list[bytes]) -> list[_Run]:
    r"""The runs of non-empty UTF-8 *texts*, each as :func:`_run` gives it for the decoded text.

    >>> texts = ["Two words", "\xa0caf\xe9\u3000cr\xe8me ", "\n"]
    >>> _runs([text.encode() for text in texts]) == [_run(text) for text in texts]
    True
    >>> _WIDE_SPACES == "".join(char for char in map(chr, range(0x80, 0x110000)) if char.isspace())
    True
    """
    data = b"".join(texts)
    if not data.isascii():
        for lead, spaces, forms in _WIDE_SPACE_PATTERNS:
            if lead in data:  # memchr: most texts hold no space beyond ASCII at all
                data = forms.sub(spaces, data)
    marks = data.translate(_SPACE_MARKS)
    runs: list[_Run] = []
    start = 0
    for text in texts:
        end = start + len(text)
        first = marks[start] == _IN_WORD
        runs.append((marks.count(b" x", start, end) + first, first, marks[end - 1] == _IN_WORD))
        start = end
    return runs


class _Density:
    """The word counts :func:`main_content` weighs, each piece of text read once.

    The constructor scores *elements* (see :attr:`scores`) and keeps the runs
    it measured: :meth:`words` puts the body's count together from them
    instead of reading the whole body again.
    """

    def __init__(self, elements: list[etree._Element]) -> None:
        #: The words of each link measured so far.
        self.links: dict[etree._Element, int] = {}
        #: For each element scored: the run of its text, and its children each with the run of its tail.
        self.scored: dict[etree._Element, tuple[_Run | None, list[tuple[etree._Element, _Run | None]]]] = {}
        #: The run of each prose child of the elements scored.
        self.prose: dict[etree._Element, _Run] = {}
        # The prose children: their texts, measured all at once, and the element (its index) they belong to.
        texts: list[bytes] = []
        owners: list[tuple[int, etree._Element]] = []
        #: The words of each element's own prose: its text, its children's tails and its prose children less
        #: their links.
        self.scores: list[int] = []
        for index, element in enumerate(elements):
            text = element.text
            text_run = _run(text) if text else None
            words = text_run[0] if text_run else 0
            children: list[tuple[etree._Element, _Run | None]] = []
            for child in element:
                if child.tag in _PROSE:
                    if len(child):
                        content = etree.tostring(child, method="text", encoding="utf-8", with_tail=False)
                        words -= self.link_words(child)
                    else:  # a leaf, and not a link: all its text is prose
                        content = child.text.encode() if child.text else b""
                    if content:
                        texts.append(content)
                        owners.append((index, child))
                tail = child.tail
                tail_run = _run(tail) if tail else None
                if tail_run:
                    words += tail_run[0]
                children.append((child, tail_run))
            self.scored[element] = (text_run, children)
            self.scores.append(words)
        for (index, child), run in zip(owners, _runs(texts), strict=True):
            self.prose[child] = run
            self.scores[index] += run[0]

    def link_words(self, element: etree._Element) -> int:
        """How many words the links in the element hold (as :func:`_link_length`), each link measured once."""
        total = 0
        for link in element.iter("a"):
            size = self.links.get(link)
            if size is None:
                size = self.links[link] = _text_length(link)
            total += size
        return total

    def words(self, element: etree._Element) -> int:
        """How many words the element holds (as :func:`_text_length`), from the runs already measured."""
        # The element's text content as runs, in document order: the elements scored are opened, the prose
        # children measured are taken as they are, and anything else is read whole. Each iterator on the
        # stack yields (child, run of its tail), then (None, run of the tail of the element it opened).
        runs: list[_Run] = []
        stack: list[Iterator[tuple[etree._Element | None, _Run | None]]] = [iter(((element, None),))]
        while stack:
            for child, tail in stack[-1]:
                if child is not None:
                    opened = self.scored.get(child)
                    if opened is not None:
                        if opened[0]:
                            runs.append(opened[0])
                        stack.append(itertools.chain(opened[1], ((None, tail),)))
                        break
                    run = self.prose.get(child)
                    if run is None:
                        tag = child.tag
                        if tag is etree.Entity:
                            return _text_length(element)  # its text is not in the tree: let libxml2 read it
                        if isinstance(tag, str):  # comments and processing instructions hold no text
                            content = etree.tostring(child, method="text", encoding="unicode", with_tail=False)
                            run = _run(content) if content else None
                    if run:
                        runs.append(run)
                if tail:
                    runs.append(tail)
            else:
                stack.pop()
        count, in_word = 0, False
        for words, starts, ends in runs:
            count += words - (in_word and starts)
            in_word = ends
        return count


@attrs.frozen
class Content:
    """The element that holds the release, and whether the page marked it as such (``<main>``, ``<article>``)."""

    element: etree._Element
    marked: bool


def main_content(root: etree._Element) -> Content:
    """The element that holds the release: ``<main>``, the largest ``<article>``, or the densest block."""
    body = root.find("body")
    if body is None:
        body = root
    mains = list(root.iter("main"))
    mains += _ROLE_MAIN(root)  # type: ignore[arg-type]  # an element both <main> and role="main" counts twice
    if len(mains) == 1 and _text_length(mains[0]) >= 10:
        return Content(mains[0], marked=True)
    # The first of the largest articles, as a stable sort by size would give.
    article, article_size = None, 0
    for candidate in root.iter("article"):
        size = _text_length(candidate)
        if article is None or size > article_size:
            article, article_size = candidate, size
    if article is not None and article_size >= 30:
        return Content(article, marked=True)
    candidates = [body, *body.iter("div", "td", "section", "center")]
    if len(candidates) == 1:
        return Content(body, marked=False)  # no block to weigh against the body: no need to count its words
    density = _Density(candidates)
    best, best_score = body, density.scores[0]
    for element, score in zip(candidates, density.scores, strict=True):
        if score > best_score:
            best, best_score = element, score
    # A density winner that holds less than half the page's prose is a fragment: keep the whole body.
    if best is not body and best_score < 0.5 * (density.words(body) - density.link_words(body)):
        best = body
    return Content(best, marked=False)
