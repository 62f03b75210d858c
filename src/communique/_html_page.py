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
    decoded = decode(data, source=source, declared=codec)
    for diagnostic in decoded.diagnostics:
        if diagnostic.code == "encoding-fallback" and codec and _codec(decoded.encoding) == codec:
            continue  # the page said so: not a fallback
        found.append(diagnostic)
    if codec and codec not in {"utf-8", "ascii"} and decoded.encoding == "utf-8" and not data.isascii():
        found.append(Diagnostic(
            severity=Severity.WARNING, code="charset-mismatch",
            message=f"the page declares {declared} but its bytes are UTF-8; read as UTF-8", source=source,
        ))
    return attrs.evolve(decoded, diagnostics=tuple(found))


_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))


def looks_binary(data: bytes | str) -> bool:
    """Whether the input is binary data rather than a page: NUL bytes or many control characters."""
    head = data[:_HEAD_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", errors="replace")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not head:
        return False
    if b"\x00" in head and not (head[1::2].count(0) > 0.4 * len(head) / 2 or head[0::2].count(0) > 0.4 * len(head) / 2):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > 0.02 * len(head)


def parse_page(text: str) -> etree._Element | None:
    """Parse page text with a hardened HTML parser; None when there is no element at all."""
    text = _XML_DECLARATION_TEXT.sub("", text, count=1)
    text = _DOCTYPE_SUBSET.sub("", text[:65536], count=1) + text[65536:]
    options: dict[str, Any] = {"default_doctype": False}  # not in lxml-stubs
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, recover=True,
        collect_ids=False, huge_tree=False, **options,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.ParserError:
        return None
    return root


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
    for element in root.iter("title", "meta", "script", "link"):
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
    meta = {name.lower(): value for name, value in found.meta}
    if found.language is None:
        language = meta.get("content-language") or meta.get("og:locale") or meta.get("dc.language")
        if language:
            found.language = language.replace("_", "-").split(",")[0].strip() or None
    for article in found.articles:
        for key in ("datePublished", "dateCreated"):
            value = article.get(key)
            if isinstance(value, str) and iso_date(value):
                found.dates.append((f"json-ld {key}", value, iso_date(value)))  # type: ignore[arg-type]
                break
        if found.language is None and isinstance(article.get("inLanguage"), str):
            found.language = article["inLanguage"]
    for key in _DATE_META:
        value = meta.get(key)
        if value and iso_date(value):
            found.dates.append((f"meta {key}", value, iso_date(value)))  # type: ignore[arg-type]
    for element in (root, *root.iter("body", "article")):
        for attribute in _DATE_ATTRIBUTES:
            value = element.get(attribute)
            if value and iso_date(value):
                found.dates.append((f"{element.tag} {attribute}", value, iso_date(value)))  # type: ignore[arg-type]
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
    r"sharing|sharebar|social|socials|sidebar|widget|widgets|related|latest|recent|more-news|newsletter|"
    r"subscribe|signup|footer|masthead|topnav|skip|skiplinks?|popup|modal|advert|advertisement|promo|pagination|"
    r"pager|toolbar|comments?|teasers?|tags|tagcloud|byline-share|print-button)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                           "dialog", "alertdialog", "toolbar"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


def _text_length(element: etree._Element) -> int:
    """How many words the element holds (a cheap measure of its text)."""
    return len(etree.tostring(element, method="text", encoding="unicode", with_tail=False).split())


def _link_length(element: etree._Element) -> int:
    return sum(_text_length(a) for a in element.iter("a"))


def strip_chrome(root: etree._Element) -> int:
    """Remove page chrome from the tree; return how many elements were removed.

    An element named like chrome (``class="cookie-banner"``) is spared when
    it holds the page's ``<h1>`` or much of its text: a theme that calls
    the article's wrapper ``page-sidebar-layout`` must not lose the release.
    """
    body = root.find("body")
    total = max(_text_length(body if body is not None else root), 1)
    doomed: list[etree._Element] = []
    for element in root.iter():
        tag = tag_of(element)
        if tag is None:
            doomed.append(element)  # entities or comments the parser kept
            continue
        if tag in _ALWAYS:
            doomed.append(element)
            continue
        if tag in {"header", "footer", "aside"} and not _inside_article(element):
            doomed.append(element)
            continue
        if tag == "aside":
            doomed.append(element)
            continue
        if element.get("hidden") is not None or element.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(
            element.get("style") or "",
        ):
            doomed.append(element)
            continue
        role = (element.get("role") or "").strip().lower()
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if (role in _CHROME_ROLES or (names.strip() and _CHROME_WORDS.search(names))) and tag not in {
            "html", "body", "main", "article",
        }:
            if next(element.iter("h1"), None) is not None:
                continue
            size = _text_length(element)
            if size < 0.3 * total or _link_length(element) > 0.5 * size:
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
        if size == 0 or _link_length(item) < 0.6 * size:
            return False
        if _YEAR.search(text_of(item)) or next(item.iter("time"), None) is not None:
            dated += 1
    return dated >= len(items) / 2


# --------------------------------------------------------------------------
# Main content


def _paragraph_score(element: etree._Element) -> int:
    score = 0
    for child in element:
        if child.tag in {"p", "ul", "ol", "blockquote", "pre", "table", "h2", "h3", "address"}:
            score += _text_length(child) - _link_length(child)
    score += len((element.text or "").split())
    score += sum(len((child.tail or "").split()) for child in element)
    return score


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
    mains = list(root.iter("main")) + [e for e in root.iter() if (e.get("role") or "") == "main"]
    if len(mains) == 1 and _text_length(mains[0]) >= 10:
        return Content(mains[0], marked=True)
    articles = sorted(root.iter("article"), key=_text_length, reverse=True)
    if articles and _text_length(articles[0]) >= 30:
        return Content(articles[0], marked=True)
    best, best_score = body, _paragraph_score(body)
    for element in body.iter("div", "td", "section", "center"):
        score = _paragraph_score(element)
        if score > best_score:
            best, best_score = element, score
    # A density winner that holds less than half the page's prose is a fragment: keep the whole body.
    if best is not body and best_score < 0.5 * (_text_length(body) - _link_length(body)):
        best = body
    return Content(best, marked=False)
