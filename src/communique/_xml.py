"""Hardened XML parsing, and the namespaces that NewsML-G2 uses.

Every XML document that communique reads (NewsML-G2, RSS and Atom feeds)
goes through :func:`parse`, or :func:`iterparse` for a stream:
no entity expansion, no DTD loading, no network, no "huge tree" mode, and a
size limit. A document that asks for any of these is refused with a
:class:`Refusal` that the reader turns into a :class:`~communique.ParseError`
and the validator into a diagnostic.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterable, Iterator
from typing import IO, Any, Final, cast

from lxml import etree

__all__ = ["MAX_BYTES", "NAR", "NITF", "XHTML", "XML", "Refusal", "attributes", "element_tag", "iterparse",
           "line_of", "nsmap", "parse", "q", "text_of"]

#: The NewsML-G2 (NAR) namespace.
NAR: Final = "http://iptc.org/std/nar/2006-10-01/"
#: XHTML, the namespace of an ``inlineXML`` body.
XHTML: Final = "http://www.w3.org/1999/xhtml"
#: NITF 3.x, the other body format of IPTC text items.
NITF: Final = "http://iptc.org/std/NITF/2006-10-18/"
#: The ``xml:`` namespace (``xml:lang``).
XML: Final = "http://www.w3.org/XML/1998/namespace"

#: The largest document read, in bytes: a press release is a few kilobytes,
#: a newsMessage of many releases a few megabytes.
MAX_BYTES: Final = 32 * 1024 * 1024


def q(local: str, namespace: str = NAR) -> str:
    """The Clark name ``{namespace}local`` that lxml uses for tags.

    >>> q("newsItem")
    '{http://iptc.org/std/nar/2006-10-01/}newsItem'
    """
    return f"{{{namespace}}}{local}"


# lxml-stubs describe some attributes loosely (``sourceline``, ``tag`` of
# comments, ``itertext``); these helpers give them their run-time types.


def element_tag(node: etree._Element) -> str | None:
    """The tag of an element, or None for a comment or processing instruction."""
    tag: Any = node.tag
    return tag if isinstance(tag, str) else None


def line_of(node: etree._Element | None) -> int | None:
    """The 1-based source line of *node*, when known."""
    line: Any = node.sourceline if node is not None else None
    return line if isinstance(line, int) and line > 0 else None


def text_of(node: etree._Element) -> str:
    """All the text inside *node*."""
    return "".join(cast(Iterable[str], node.itertext()))


def attributes(node: etree._Element) -> dict[str, str]:
    """The attributes of *node* as a plain dict."""
    return cast(dict[str, str], dict(node.attrib))


def nsmap(namespace: str) -> Any:
    """A namespace map with *namespace* as the default namespace."""
    return {None: namespace}


class Refusal(Exception):  # noqa: N818 - a refusal, not an error of ours
    """A document that is not read, with a stable code and where it went wrong."""

    def __init__(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


# lxml parsers are not thread-safe; one per thread, built on first use.
_local = threading.local()


#: The settings of every parser: no entities, no DTD, no network, no huge trees.
_HARDENED: Final[dict[str, Any]] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
}


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(remove_comments=False, remove_pis=False, **_HARDENED)
        _local.parser = parser
    return parser


def _refuse_entity_declarations(data: bytes, offset_line: int = 1) -> int:
    """Refuse a DOCTYPE that declares entities; return where the DOCTYPE starts (-1: none)."""
    # A cheap test first: DOCTYPE declarations are rare in news XML. Entity
    # declarations are refused before libxml2 sees them at all.
    doctype = data.find(b"<!DOCTYPE")
    if doctype < 0:
        return doctype
    subset_end = data.find(b"]>", doctype)
    if subset_end > 0 and data.find(b"<!ENTITY", doctype, subset_end) > 0:
        line = data.count(b"\n", 0, doctype) + offset_line
        msg = ("the DOCTYPE declares entities; entity expansion is refused "
               "(XML external entities and 'billion laughs' attacks)")
        raise Refusal("xml-entities", msg, line, 1)
    return doctype


def _syntax_refusal(exc: etree.XMLSyntaxError) -> Refusal:
    position: Any = getattr(exc, "position", None)
    line, column = position or (0, 0)
    message = _POSITION.sub("", exc.msg or "not well-formed XML")
    return Refusal("xml-syntax", message, line or None, column or None if line else None)


#: How much of a stream :func:`iterparse` reads at a time.
CHUNK_BYTES: Final = 64 * 1024


def iterparse(
    stream: IO[bytes], *, tags: Collection[str], chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[tuple[str, etree._Element]]:
    """Parse the XML in *stream* bit by bit, with the same hardened settings as :func:`parse`.

    Yields ``("start", root)`` once the root element opens, then
    ``("end", element)`` for every complete element whose tag is in *tags*.
    Once the consumer asks for the next event, that element is cleared and
    taken out of the tree, so memory stays flat however long the stream.
    There is no overall size limit; libxml2's own limits on a single text
    node and on depth (no "huge tree" mode) still hold.

    Raises :class:`Refusal` for an empty stream, XML that is not well
    formed (possibly after many elements were yielded), or a DOCTYPE that
    declares entities or names an external DTD.
    """
    parser = etree.XMLPullParser(events=("start", "end"), remove_comments=True, remove_pis=True, **_HARDENED)
    wanted = frozenset(tags)
    depth = 0
    seen = 0
    head = b""
    while True:
        chunk = stream.read(chunk_bytes)
        if seen < chunk_bytes:
            head += chunk[: chunk_bytes - seen]
            _refuse_entity_declarations(head)
        seen += len(chunk)
        if not chunk:
            break
        try:
            parser.feed(chunk)
            for event, found in parser.read_events():
                element = cast(etree._Element, found)  # only start and end events were asked for
                depth += 1 if event == "start" else -1
                if event == "start" and depth == 1:
                    _check_stream_doctype(element, head)
                    yield "start", element
                elif event == "end" and element.tag in wanted:
                    yield "end", element
                    _forget(element)
        except etree.XMLSyntaxError as exc:
            raise _syntax_refusal(exc) from None
    if not head.strip():
        raise Refusal("xml-syntax", "the document is empty", 1, 1)
    try:
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise _syntax_refusal(exc) from None


def _forget(element: etree._Element) -> None:
    element.clear()
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _check_stream_doctype(root: etree._Element, head: bytes) -> None:
    tree = root.getroottree()
    docinfo: Any = tree.docinfo
    if docinfo.doctype:
        doctype = head.find(b"<!DOCTYPE")
        _check_doctype(tree, head.count(b"\n", 0, doctype) + 1 if doctype >= 0 else 1)


def parse(data: bytes, *, max_bytes: int = MAX_BYTES) -> etree._ElementTree:
    """Parse *data* as XML with every dangerous feature off.

    Raises :class:`Refusal` for a document that is too big, is not
    well-formed, or carries a DOCTYPE that declares entities or names an
    external DTD.
    """
    if len(data) > max_bytes:
        msg = f"the document has {len(data):,} bytes, more than the limit of {max_bytes:,}"
        raise Refusal("xml-too-large", msg, 1, 1)
    if not data or data.isspace():  # isspace: the ASCII whitespace that strip() removes, without a copy
        raise Refusal("xml-syntax", "the document is empty", 1, 1)
    doctype = _refuse_entity_declarations(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_refusal(exc) from None
    tree = root.getroottree()
    docinfo: Any = tree.docinfo
    if docinfo.doctype:
        _check_doctype(tree, data.count(b"\n", 0, doctype) + 1 if doctype >= 0 else 1)
    return tree


_POSITION: Final = re.compile(r", line \d+, column \d+\Z")


def _check_doctype(tree: etree._ElementTree, line: int) -> None:
    info: Any = tree.docinfo
    dtd = info.internalDTD
    entities = [entity.name for entity in dtd.iterentities()] if dtd is not None else []
    if entities:
        shown = ", ".join(sorted(set(filter(None, entities)))[:5])
        msg = (f"the DOCTYPE declares entities ({shown}); entity expansion is refused "
               "(XML external entities and 'billion laughs' attacks)")
        raise Refusal("xml-entities", msg, line, 1)
    if info.system_url or info.public_id:
        msg = (f"the DOCTYPE names an external DTD ({info.system_url or info.public_id}); "
               "external DTDs are never loaded and such documents are refused")
        raise Refusal("xml-external-dtd", msg, line, 1)
