"""RSS 2.0 and Atom feeds of press releases: one communiqué per entry.

A feed is read entry by entry, with the same hardened XML settings as
NewsML-G2 (no entities, no DTD, no network) and without ever holding the
whole feed in memory: :func:`iter_feed` takes bytes or an open binary file
and yields each entry's :class:`~communique.Reading` as soon as the entry
is complete, so a feed of a gigabyte is read in flat memory.

Each entry's content (RSS ``content:encoded`` or ``description``, Atom
``content`` or ``summary``) is read by the registered HTML or text reader,
with the entry's title as the release's headline. The entry's link, id
and dates are kept (``links`` and ``metadata`` ``feed:id``,
``feed:published``, ``feed:updated``), and its provenance says which feed
it came from.

>>> rss = b'''<rss version="2.0"><channel><title>Acme news</title><link>https://acme.example/</link>
... <item><title>Acme opens in Lyon</title><link>https://acme.example/lyon</link>
... <guid>https://acme.example/lyon</guid><pubDate>Mon, 03 Mar 2025 09:00:00 +0100</pubDate>
... <description>&lt;p&gt;Acme opens its new office in Lyon on Monday, the company said.&lt;/p&gt;</description>
... </item></channel></rss>'''
>>> [r.communique.headline for r in read_feed(rss, source="acme.rss")]
['Acme opens in Lyon']
>>> [str(d) for d in validate_feed(rss, source="acme.rss") if d.code.startswith("feed-")]
[]

The module imports lxml; ``import communique`` does not import it.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from typing import IO, Final

import attrs
from lxml import etree

from ._xml import XHTML, XML, Refusal, element_tag, line_of, q, text_of
from ._xml import iterparse as _iterparse
from .dates import parse_mail_date, parse_timestamp
from .diagnostics import Diagnostic
from .exceptions import InvalidValueError, ParseError
from .formats import find_format
from .model import Link, MetaField, Provenance
from .reading import Reading
from .vocabulary import Severity

__all__ = ["ATOM", "iter_feed", "read", "read_feed", "scan_feed", "validate_feed"]

#: The Atom namespace.
ATOM: Final = "http://www.w3.org/2005/Atom"
_CONTENT: Final = "http://purl.org/rss/1.0/modules/content/"
_DC: Final = "http://purl.org/dc/elements/1.1/"
_ENTRY_TAGS: Final = ("item", q("entry", ATOM))
_URL: Final = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]*>")


@attrs.frozen(kw_only=True)
class _Entry:
    """What a feed says about one release, before its content is read."""

    line: int | None
    title: str | None
    link: str | None
    id: str | None
    published: str | None
    updated: str | None
    content: bytes
    content_format: str  # "html" or "text"
    content_line: int | None
    language: str | None
    atom: bool


def _clean(text: str | None) -> str | None:
    return text.strip() or None if text is not None else None


def _child_text(element: etree._Element, tag: str) -> str | None:
    found = element.find(tag)
    return _clean(text_of(found)) if found is not None else None


def _rss_entry(item: etree._Element, language: str | None) -> _Entry:
    encoded = item.find(q("encoded", _CONTENT))
    chosen = encoded if encoded is not None and text_of(encoded).strip() else item.find("description")
    content = text_of(chosen).strip() if chosen is not None else ""
    return _Entry(
        line=line_of(item),
        title=_child_text(item, "title"),
        link=_child_text(item, "link"),
        id=_child_text(item, "guid"),
        published=_child_text(item, "pubDate") or _child_text(item, q("date", _DC)),
        updated=None,
        content=content.encode("utf-8"),
        content_format="html",
        content_line=line_of(chosen),
        language=_child_text(item, q("language", _DC)) or language,
        atom=False,
    )


def _atom_text(element: etree._Element | None) -> tuple[str, str]:
    """The text of an Atom text construct and the reader for it: ``html`` or ``text``."""
    if element is None:
        return "", "text"
    kind = (element.get("type") or "text").lower()
    if kind == "xhtml":
        div = element.find(q("div", XHTML))
        parts = [etree.tostring(child, encoding="unicode", method="html", with_tail=True)
                 for child in (div if div is not None else element)]
        inner = ((div.text if div is not None else element.text) or "") + "".join(parts)
        return inner.strip(), "html"
    if kind in {"html", "text/html"}:
        return text_of(element).strip(), "html"
    if kind in {"text", "text/plain"}:
        return text_of(element).strip(), "text"
    return "", kind


def _atom_entry(entry: etree._Element, language: str | None) -> _Entry:
    link = None
    for candidate in entry.iterfind(q("link", ATOM)):
        if candidate.get("rel", "alternate") == "alternate":
            link = _clean(candidate.get("href"))
            break
    content_element = entry.find(q("content", ATOM))
    if content_element is not None and content_element.get("src"):
        content_element = None  # out-of-line content: the summary stands in
    content, kind = _atom_text(content_element)
    chosen = content_element
    if not content:
        chosen = entry.find(q("summary", ATOM))
        content, kind = _atom_text(chosen)
    title_element = entry.find(q("title", ATOM))
    title, title_kind = _atom_text(title_element)
    if title_kind == "html":
        title = _TAG.sub("", title)
    return _Entry(
        line=line_of(entry),
        title=_clean(title),
        link=link,
        id=_child_text(entry, q("id", ATOM)),
        published=_child_text(entry, q("published", ATOM)),
        updated=_child_text(entry, q("updated", ATOM)),
        content=content.encode("utf-8"),
        content_format=kind,
        content_line=line_of(chosen),
        language=entry.get(q("lang", XML)) or language,
        atom=True,
    )


def _document(entry: _Entry) -> bytes:
    """The entry as one input for the content's reader: the title as headline, then the content."""
    if entry.content_format == "html":
        lang = f' lang="{_escape(entry.language)}"' if entry.language else ""
        title = f"<h1>{_escape(entry.title)}</h1>\n" if entry.title else "\n"
        return f"<html{lang}><body>{title}".encode() + entry.content + b"\n</body></html>"
    title = f"# {entry.title}\n\n" if entry.title else "\n\n"
    return title.encode() + entry.content + b"\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _shift(diagnostic: Diagnostic, entry: _Entry, source: str | None) -> Diagnostic:
    """A reader's diagnostic about the entry's content, placed in the feed."""
    offset = 1 if entry.content_format == "html" else 2  # the lines the title took
    line = None
    if diagnostic.line is not None and entry.content_line is not None and diagnostic.line > offset:
        line = entry.content_line + diagnostic.line - offset - 1
    return attrs.evolve(diagnostic, source=source, line=line or entry.line, column=None)


def _broken(entry: _Entry, source: str | None, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(severity=Severity.ERROR, code="feed-entry-unreadable", message=message,
                      source=source, line=line or entry.line)


def _read_entry(entry: _Entry, source: str | None, index: int) -> Reading | Diagnostic:
    if entry.content_format not in {"html", "text"}:
        return _broken(entry, source, f"entry {index}: content of type {entry.content_format!r} cannot be read")
    if not entry.content.strip() and not entry.title:
        return _broken(entry, source, f"entry {index}: the entry has neither a title nor any content")
    try:
        reading = find_format(entry.content_format).reader()(_document(entry), source=source)
    except ParseError as exc:
        return _broken(entry, source, f"entry {index}: {exc.message}")
    release = reading.communique
    links = list(release.links)
    if entry.link and all(link.url != entry.link for link in links):
        links.insert(0, Link(url=entry.link))
    metadata = [MetaField(name=f"feed:{name}", value=value)
                for name, value in (("id", entry.id), ("published", entry.published), ("updated", entry.updated))
                if value]
    dropped = set()
    if entry.language and release.language is None:
        dropped.add("language-unknown")
    try:
        release = attrs.evolve(
            release,
            language=release.language or entry.language,
            links=links,
            metadata=(*release.metadata, *metadata),
            provenance=Provenance(source=source, format="feed", url=entry.link),
        )
    except (InvalidValueError, ValueError) as exc:
        return _broken(entry, source, f"entry {index}: {exc}")
    diagnostics = [_shift(d, entry, source) for d in reading.diagnostics if d.code not in dropped]
    return Reading(communique=release, diagnostics=diagnostics)


def _date_problem(entry: _Entry) -> tuple[str, str] | None:
    """A ``(code, message)`` when the entry's date is missing or cannot be read."""
    value = entry.published or entry.updated
    if value is None:
        element = "published or updated" if entry.atom else "pubDate"
        return "feed-date-missing", f"the entry has no {element} date"
    if entry.atom:
        parsed = parse_timestamp(value)
        if parsed is None or not hasattr(parsed, "tzinfo") or parsed.tzinfo is None:
            return "feed-date-invalid", f"not an RFC 3339 date-time with an offset: {value!r}"
        return None
    if parse_mail_date(value) is None:
        return "feed-date-invalid", f"not an RFC 822 date: {value!r}"
    return None


class _Checks:
    """The feed-level checks: dates, ids seen twice, links."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        # ids as short digests, so that a feed of a million entries stays small
        self.ids: dict[bytes, int | None] = {}

    def note(self, severity: Severity, code: str, message: str, line: int | None) -> Diagnostic:
        return Diagnostic(severity=severity, code=code, message=message, source=self.source, line=line)

    def entry(self, entry: _Entry) -> Iterator[Diagnostic]:
        if entry.title is None:
            yield self.note(Severity.WARNING, "feed-title-missing", "the entry has no title", entry.line)
        if entry.id is None:
            element = "id" if entry.atom else "guid"
            yield self.note(Severity.WARNING, "feed-id-missing", f"the entry has no {element}", entry.line)
        else:
            digest = hashlib.blake2b(entry.id.encode(), digest_size=12).digest()
            if digest in self.ids:
                first = self.ids[digest]
                where = f" on line {first}" if first else ""
                yield self.note(Severity.ERROR, "feed-id-duplicate",
                                f"the id {entry.id!r} was already used by the entry{where}", entry.line)
            else:
                self.ids[digest] = entry.line
        problem = _date_problem(entry)
        if problem is not None:
            code, message = problem
            severity = Severity.WARNING if code == "feed-date-missing" else Severity.ERROR
            yield self.note(severity, code, message, entry.line)
        if entry.link is None:
            yield self.note(Severity.WARNING, "feed-link-missing", "the entry has no link", entry.line)
        elif not _URL.match(entry.link):
            yield self.note(Severity.ERROR, "feed-link-invalid",
                            f"the entry's link is not an absolute http(s) URL: {entry.link!r}", entry.line)

    def channel(self, root: etree._Element, atom: bool) -> Iterator[Diagnostic]:
        container = root if atom else root.find("channel")
        if container is None:
            yield self.note(Severity.ERROR, "feed-structure", "the rss element has no channel", line_of(root))
            return
        title = _child_text(container, q("title", ATOM) if atom else "title")
        if title is None:
            yield self.note(Severity.WARNING, "feed-title-missing", "the feed has no title", line_of(container))
        if atom:
            links = [link.get("href") for link in container.iterfind(q("link", ATOM))]
        else:
            links = [_child_text(container, "link")]
        for link in filter(None, links):
            if not _URL.match(link.strip()):
                yield self.note(Severity.ERROR, "feed-link-invalid",
                                f"the feed's link is not an absolute http(s) URL: {link!r}", line_of(container))


def _stream(data: bytes | IO[bytes]) -> IO[bytes]:
    return io.BytesIO(data) if isinstance(data, bytes | bytearray) else data


def _scan(data: bytes | IO[bytes], source: str | None, *, check: bool) -> Iterator[Reading | Diagnostic]:
    checks = _Checks(source)
    atom = False
    root: etree._Element | None = None
    count = 0
    try:
        for event, element in _iterparse(_stream(data), tags=_ENTRY_TAGS):
            if event == "start":
                root = element
                tag = element_tag(element)
                atom = tag == q("feed", ATOM)
                if not atom and tag != "rss":
                    shown = etree.QName(tag).localname if tag else "?"
                    yield checks.note(Severity.ERROR, "feed-unknown",
                                      f"not an RSS 2.0 or Atom feed: the root element is {shown!r}", line_of(element))
                    return
                if check and not atom and element.get("version") != "2.0":
                    yield checks.note(Severity.WARNING, "feed-version",
                                      f"RSS version {element.get('version')!r}, not '2.0'", line_of(element))
                continue
            if atom != (element_tag(element) != "item"):
                continue  # an Atom entry inside RSS, or the reverse: not this feed's entries
            count += 1
            parent = element.getparent()
            language = None
            if parent is not None:
                language = (parent.get(q("lang", XML)) if atom else _child_text(parent, "language")) or None
            entry = _atom_entry(element, language) if atom else _rss_entry(element, language)
            if check:
                yield from checks.entry(entry)
            yield _read_entry(entry, source, count)
    except Refusal as refusal:
        message = refusal.message.strip().splitlines()[0] if refusal.message.strip() else "not well-formed XML"
        yield Diagnostic(severity=Severity.ERROR, code=refusal.code, message=message, source=source,
                         line=refusal.line, column=refusal.column)
        return
    if check and root is not None:
        yield from checks.channel(root, atom)
        if count == 0:
            yield checks.note(Severity.WARNING, "feed-empty", "the feed has no entry", line_of(root))


def scan_feed(data: bytes | IO[bytes], *, source: str | None = None) -> Iterator[Reading | Diagnostic]:
    """Read every entry of a feed, going on past the entries that cannot be read.

    Yields a :class:`~communique.Reading` per entry, and an error
    :class:`~communique.Diagnostic` in place of an entry that cannot be read
    or where the feed itself stops being readable (XML cut short, say).
    Never raises for bad content. This is the format registry's
    ``read_all_function`` of the ``feed`` format.

    .. versionadded:: 0.1.0
    """
    return _scan(data, source, check=False)


def iter_feed(data: bytes | IO[bytes], *, source: str | None = None) -> Iterator[Reading]:
    """The reading of each entry of the feed in *data* (bytes or an open binary file), in order.

    Raises :class:`~communique.ParseError` at the first entry that cannot be
    read, or when the feed is not well-formed XML; :func:`scan_feed` goes
    on instead.

    .. versionadded:: 0.1.0
    """
    for found in _scan(data, source, check=False):
        if isinstance(found, Diagnostic):
            raise ParseError(found.message, source=source, line=found.line, column=found.column)
        yield found


def read_feed(data: bytes | IO[bytes], *, source: str | None = None) -> list[Reading]:
    """The readings of every entry of the feed in *data*, as a list; see :func:`iter_feed`.

    .. versionadded:: 0.1.0
    """
    return list(iter_feed(data, source=source))


def validate_feed(data: bytes | IO[bytes], *, source: str | None = None) -> Iterator[Diagnostic]:
    """Check a feed and every entry in it; yield what is wrong, never raise for bad content.

    Feed-level checks: the root is an RSS 2.0 ``rss`` or an Atom ``feed``;
    every entry has a title, an id that no other entry uses, a date that can
    be read (RFC 822 in RSS, RFC 3339 with an offset in Atom), and an
    absolute ``http(s)`` link. Each entry's content is read by the HTML or
    text reader, whose diagnostics are passed on with the feed's line
    numbers. Works entry by entry, in flat memory.

    .. versionadded:: 0.1.0
    """
    for found in _scan(data, source, check=True):
        if isinstance(found, Diagnostic):
            yield found
        else:
            yield from found.diagnostics


def read(data: bytes, *, source: str | None = None) -> Reading:
    """Reader entry of the format registry: the first entry of a feed.

    A note says how many entries were left; read them all with
    :func:`iter_feed` or :func:`communique.read_all`.
    """
    readings = read_feed(data, source=source)
    if not readings:
        raise ParseError("the feed has no entry", source=source, line=1, column=1)
    first = readings[0]
    if len(readings) == 1:
        return first
    note = Diagnostic(severity=Severity.INFO, code="feed-more-entries",
                      message=f"the feed has {len(readings)} entries; only the first was read", source=source)
    return Reading(communique=first.communique, diagnostics=(*first.diagnostics, note))
