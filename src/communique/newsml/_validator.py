"""Validating NewsML-G2: communique's own checks, plus the XSD when a schema is found.

The XSD leaves many rules of the specification to code: QCodes that resolve,
date-times with a zone, an embargo that ends after the item was created,
IDREFs that point somewhere, an XHTML body in the XHTML namespace. The own
checks report those, in one pass over the document. Rules that IPTC's own
valid example files break are warnings; the others are errors.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
from collections.abc import Iterator
from typing import Any, Final

from lxml import etree

from .._xml import MAX_BYTES, NAR, XHTML, Refusal, element_tag, line_of, parse, q, text_of
from ..diagnostics import Diagnostic
from ..vocabulary import Severity
from ._schema import resolve_schema

__all__ = ["validate_newsml"]

ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING
INFO: Final = Severity.INFO

_ITEM_NAMES: Final = {q(name): name for name in (
    "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem")}
_ITEMS: Final = frozenset(_ITEM_NAMES)

# Child order (rank) of a newsItem, its itemMeta and its contentMeta (XSD 2.35).
_NEWS_ITEM_ORDER: Final = {q(name): rank for rank, names in enumerate((
    ("catalogRef", "catalog"), ("hopHistory",), ("pubHistory",), ("rightsInfo",), ("itemMeta",), ("contentMeta",),
    ("partMeta",), ("assert",), ("inlineRef",), ("derivedFrom", "derivedFromValue"), ("contentSet",),
)) for name in names}
_ITEM_META_ORDER: Final = {q(name): rank for rank, name in enumerate((
    "itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus", "role", "fileName",
    "generator", "profile", "service", "title", "edNote", "memberOf", "instanceOf", "signal", "altRep",
    "deliverableOf", "hash", "expires", "origRep", "incomingFeedId", "metadataCreator", "link",
    "itemMetaExtProperty",
))}
_ADMINISTRATIVE: Final = ("located", "infoSource", "creator", "contributor", "audience", "exclAudience", "altId",
                          "rating", "userInteraction")
_DESCRIPTIVE: Final = ("language", "genre", "keyword", "subject", "slugline", "headline", "dateline", "by",
                       "creditline", "description")
_CONTENT_META_ORDER: Final = {
    **{q(name): rank for rank, name in enumerate(("icon", "urgency", "contentCreated", "contentModified",
                                                  "digitalSourceType"))},
    **dict.fromkeys((q(n) for n in _ADMINISTRATIVE), 5),
    **dict.fromkeys((q(n) for n in _DESCRIPTIVE), 6),
    q("contentMetaExtProperty"): 7,
}
_REQUIRED_ITEM_META: Final = tuple((q(name), name) for name in ("itemClass", "provider", "versionCreated"))

# Attributes whose type is QCodeType or QCodeListType somewhere in the 2.35 schema.
_QCODE_ATTRIBUTES: Final = frozenset((
    "qcode", "role", "type", "rel", "creator", "why", "how", "widthunit", "videocodec", "rendition",
    "layoutorientation", "heightunit", "format", "colourspace", "colourindicator", "videoscaling",
    "videodefinition", "valueunit", "valcalctype", "timeunit", "tech", "target", "symbolsrc", "severity",
    "scope", "scaleunit", "residrefformat", "representation", "reposrole", "renditionref", "ratingtype",
    "ratertype", "radunit", "pubconstraint", "part", "mode", "marketlabelsrc", "market", "jobtitle",
    "interactiontype", "idformat", "hashtype", "environment", "encoding", "durationunit", "derivedfrom",
    "confirmationstatus", "concepttype", "authoritystatus", "audiocodec", "audiochannels", "aspect",
    "accesstype",
))
# Properties that name a concept: they need a qcode, a uri or (flex properties) a literal or name.
_CONCEPT_PROPERTIES: Final = frozenset(q(name) for name in (
    "itemClass", "provider", "pubStatus", "genre", "subject", "signal", "service", "audience", "exclAudience",
    "located", "infoSource", "creator", "contributor", "role", "digitalSourceType",
))
_DATE_TIMES: Final = frozenset(q(name) for name in (
    "versionCreated", "firstCreated", "embargoed", "contentCreated", "contentModified", "sent", "timestamp",
    "expires", "created", "modified",
))
_PUB_STATUS: Final = frozenset(("usable", "withheld", "canceled"))
_QCODE: Final = re.compile(r"[^\s:]+:\S+\Z")
_MEDIA_TYPE: Final = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*(?:\s*;.*)?\Z")
_DATE_TIME: Final = re.compile(
    r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?\Z")
_INLINE_XML: Final = q("inlineXML")
_CATALOG_REF: Final = q("catalogRef")
_CATALOG: Final = q("catalog")
_SCHEME: Final = q("scheme")
_NEWS_MESSAGE: Final = q("newsMessage")
_HEADER: Final = q("header")
_ITEM_SET: Final = q("itemSet")
_ITEM_META: Final = q("itemMeta")
_CONTENT_META: Final = q("contentMeta")
_PUB_STATUS_TAG: Final = q("pubStatus")
_HEADLINE: Final = q("headline")
_VERSION_CREATED: Final = q("versionCreated")
_FIRST_CREATED: Final = q("firstCreated")
_EMBARGOED: Final = q("embargoed")
_XHTML_HTML: Final = f"{{{XHTML}}}html"
_XHTML_BODY: Final = f"{{{XHTML}}}body"
_NAR_ANY: Final = f"{{{NAR}}}*"
_NEWS_ITEM: Final = q("newsItem")
_NAME: Final = q("name")
_IPTC_CATALOG: Final = "iptc.org/std/catalog/catalog.IPTC-G2-Standards"
_IDREF_ATTRIBUTES: Final = frozenset(("contentrefs", "idref", "idrefs", "original", "root", "sourceidref"))
_SPECIAL: Final = _CONCEPT_PROPERTIES | _DATE_TIMES | {_INLINE_XML, q("inlineData"), q("remoteContent")}
# What check_properties does with an element, by tag.
_CONCEPT: Final = 1
_WHEN: Final = 2
_INLINE: Final = 3
_MEDIA: Final = 4
_KINDS: Final = {
    **dict.fromkeys(_SPECIAL, _MEDIA), **dict.fromkeys(_DATE_TIMES, _WHEN),
    **dict.fromkeys(_CONCEPT_PROPERTIES, _CONCEPT), _INLINE_XML: _INLINE,
}
_IDS: Final = etree.XPath(".//@id|.//@partid|.//@xml:id")

# Memos shared by all documents, bounded; each entry depends on its key alone.
_MEMO_SIZE: Final = 4096
#: attribute value -> the aliases of its QCodes, or None when one of its codes is not a QCode.
_QCODE_ALIASES: dict[str, frozenset[str] | None] = {}
#: (aliases inherited, aliases of an IPTC catalogRef or None, aliases of inline catalogs) -> their union.
#: the text of a date-time property -> what _moment makes of it.
_MOMENTS: dict[str, datetime.datetime | None] = {}
_UNIONS: dict[tuple[frozenset[str], frozenset[str] | None, frozenset[str]], frozenset[str]] = {}


def _remember(memo: dict[Any, Any], key: Any, value: Any) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value


def _qcode_aliases(value: str) -> frozenset[str] | None:
    """The scheme aliases of the QCodes in *value*, or None when one of them is not a QCode."""
    try:
        return _QCODE_ALIASES[value]
    except KeyError:
        pass
    codes = value.split()
    aliases = (frozenset(code.partition(":")[0] for code in codes) if all(_QCODE.match(code) for code in codes)
               else None)
    _remember(_QCODE_ALIASES, value, aliases)
    return aliases


def _children(parent: etree._Element) -> tuple[list[etree._Element], list[Any]]:
    """The child nodes of *parent* (comments and processing instructions too) and their tags."""
    children = list(parent)
    return children, [child.tag for child in children]


class _Checker:
    """The own checks of one document, collecting diagnostics.

    The checks look at the elements that matter with lxml's C-level
    iteration and tag filters, test a fast condition first, and build a
    diagnostic only once something is wrong: on a valid document no
    message, path or line is computed.
    """

    def __init__(self, tree: etree._ElementTree, source: str | None, iptc_aliases: frozenset[str] | None) -> None:
        self.tree = tree
        self.source = source
        self.iptc_aliases = iptc_aliases
        self.found: list[Diagnostic] = []

    def report(self, severity: Severity, code: str, message: str, element: etree._Element | None = None) -> None:
        self.found.append(Diagnostic(severity=severity, code=code, message=message, source=self.source,
                                     line=line_of(element), path=_path(element) if element is not None else None))

    # -- the document ------------------------------------------------------

    def check(self) -> list[Diagnostic]:
        root = self.tree.getroot()
        docinfo: Any = self.tree.docinfo
        if docinfo.doctype:
            self.report(WARNING, "xml-doctype", "the document has a DOCTYPE declaration, which NewsML-G2 does not use")
        tag = root.tag
        if tag == _NEWS_MESSAGE:
            self.check_message(root)
        elif tag in _ITEMS:
            self.check_item(root, self.aliases_of(root, frozenset()))
        elif tag == _CATALOG:
            pass
        else:
            self.report(ERROR, "newsml-root", f"the root element {root.tag!r} is not a NewsML-G2 item, "
                                              "newsMessage or catalog", root)
        return self.found

    def aliases_of(self, element: etree._Element, inherited: frozenset[str]) -> frozenset[str] | None:
        """The aliases that resolve in *element*, or None when a catalog we cannot read is referenced."""
        iptc: frozenset[str] | None = None
        inline: set[str] = set()
        for child in element.iterchildren(_CATALOG_REF, _CATALOG):
            if child.tag == _CATALOG_REF:
                if _IPTC_CATALOG in child.get("href", "") and self.iptc_aliases is not None:
                    iptc = self.iptc_aliases
                else:
                    return None
            else:
                inline.update(s.get("alias", "") for s in child.iter(_SCHEME))
        if iptc is None and not inline:
            return inherited
        key = (inherited, iptc, frozenset(inline))
        union = _UNIONS.get(key)
        if union is None:
            union = inherited.union(iptc or (), inline)
            _remember(_UNIONS, key, union)
        return union

    def check_message(self, message: etree._Element) -> None:
        header = message.find(_HEADER)
        inherited: frozenset[str] | None = frozenset()
        if header is not None:
            inherited = self.aliases_of(header, frozenset())
            for element in header.iter(*_DATE_TIMES):
                self.check_date_time(element)
        item_set = message.find(_ITEM_SET)
        guids: dict[str, int] = {}
        for item in item_set if item_set is not None else ():
            if item.tag not in _ITEMS:
                continue
            guid = item.get("guid", "")
            if guid in guids:
                self.report(ERROR, "duplicate-guid", f"the guid {guid!r} is already used by the item on line "
                                                     f"{guids[guid]}", item)
            guids.setdefault(guid, line_of(item) or 0)
            self.check_item(item, None if inherited is None else self.aliases_of(item, inherited))

    # -- one item ----------------------------------------------------------

    def check_item(self, item: etree._Element, aliases: frozenset[str] | None) -> None:
        tag: str = item.tag
        name = _ITEM_NAMES[tag]
        # Every NAR element of the item, held so that lxml makes one Python proxy per element for all checks.
        elements = list(item.iter(_NAR_ANY))
        for attribute in ("guid", "standard", "standardversion"):
            if not (item.get(attribute) or "").strip():
                self.report(ERROR, "missing-attribute", f"the {name} has no {attribute}", item)
        content_meta: etree._Element | None = None
        if tag == _NEWS_ITEM:
            children, tags = _children(item)
            self.check_order(item, tags, _NEWS_ITEM_ORDER, name)
            item_meta = children[tags.index(_ITEM_META)] if _ITEM_META in tags else None
            if _CONTENT_META in tags:
                content_meta = children[tags.index(_CONTENT_META)]
        else:
            item_meta = item.find(_ITEM_META)
        if item_meta is None:
            self.report(ERROR, "missing-element", f"the {name} has no itemMeta", item)
        else:
            children, tags = _children(item_meta)
            self.check_order(item_meta, tags, _ITEM_META_ORDER, "itemMeta")
            first = dict(zip(reversed(tags), reversed(children), strict=True))
            for required, required_name in _REQUIRED_ITEM_META:
                if required not in first:
                    self.report(ERROR, "missing-element", f"itemMeta has no {required_name}", item_meta)
            self.check_times(first)
            status = first.get(_PUB_STATUS_TAG)
            code = status.get("qcode", "") if status is not None else ""
            if code.startswith("stat:") and code[5:] not in _PUB_STATUS:
                self.report(WARNING, "unknown-code",
                            f"pubStatus {code!r} is none of stat:usable, stat:withheld, stat:canceled", status)
        if content_meta is not None:
            children, tags = _children(content_meta)
            self.check_order(content_meta, tags, _CONTENT_META_ORDER, "contentMeta")
            for child, child_tag in zip(children, tags, strict=True):
                if child_tag == _HEADLINE and not (child.text or "").strip() and not text_of(child).strip():
                    self.report(WARNING, "empty-headline", "the headline is empty", child)
        self.check_properties(item, elements, aliases)

    def check_order(self, parent: etree._Element, tags: list[Any], order: dict[str, int], name: str) -> None:
        """The NAR children of *parent* in the schema's order; *tags* are the tags of all its child nodes."""
        ranks = list(map(order.get, tags))
        if None not in ranks and ranks == sorted(ranks):  # type: ignore[type-var]  # no None: all ints
            return
        highest = -1
        previous = ""
        for child in parent.iterchildren(_NAR_ANY):
            tag: str = child.tag
            rank = order.get(tag)
            if rank is None:
                local = etree.QName(tag).localname
                self.report(ERROR, "unexpected-element", f"{local} is not allowed in {name}", child)
            elif rank < highest:
                local = etree.QName(tag).localname
                self.report(ERROR, "element-order",
                            f"{local} must come before {etree.QName(previous).localname} in {name}", child)
            elif rank > highest:
                highest, previous = rank, tag

    def check_times(self, first: dict[str, etree._Element]) -> None:
        """Compare the item's date-times; *first* maps each itemMeta child's tag to the first such child."""
        version_element = first.get(_VERSION_CREATED)
        version = _moment(version_element)
        created = _moment(first.get(_FIRST_CREATED))
        embargoed_element = first.get(_EMBARGOED)
        embargoed = _moment(embargoed_element)
        if version and created and version < created:
            self.report(ERROR, "version-before-first",
                        "versionCreated is earlier than firstCreated", version_element)
        if embargoed and created and embargoed < created:
            self.report(ERROR, "embargo-before-creation",
                        "the embargo ends before the item was first created: it embargoes nothing",
                        embargoed_element)

    def check_properties(self, item: etree._Element, elements: list[etree._Element],
                         aliases: frozenset[str] | None) -> None:
        """QCodes, IDREFs, empty concept properties, date-times and bodies, in one walk over the NAR elements.

        *elements* are the NAR elements of *item*. Each test is a cheap
        condition inline; the method that words a diagnostic runs only when
        its condition fails.
        """
        seen: set[str] = set()
        references: list[tuple[etree._Element, str, str]] = []
        qcode_attributes, idref_attributes, kinds = _QCODE_ATTRIBUTES, _IDREF_ATTRIBUTES, _KINDS
        qcode_aliases, memo, date_time = _qcode_aliases, _QCODE_ALIASES, _DATE_TIME.match
        for element in elements:
            pairs: Any = element.items()
            for name, value in pairs:
                if name in qcode_attributes:
                    if value not in seen:
                        seen.add(value)
                        used = memo[value] if value in memo else qcode_aliases(value)
                        if used is None or not (aliases is None or used <= aliases):
                            self.check_qcode(element, name, value, aliases)
                elif name in idref_attributes:
                    references.append((element, name, value))
            kind = kinds.get(element.tag)
            if kind is None:
                continue
            if kind == _CONCEPT:
                if not (element.get("qcode") or element.get("uri") or element.get("literal")
                        or next(element.iterchildren(_NAME), None) is not None):
                    self.check_special(element, element.tag)
            elif kind == _WHEN:
                match = date_time((element.text or "").strip())
                if match and match.group(1) is None:
                    self.check_date_time(element)
            elif kind == _INLINE:
                self.check_inline_xml(element)
            else:
                self.check_media_type(element)
        if references:
            self.check_idrefs(item, references)

    def check_date_time(self, element: etree._Element) -> None:
        text = (element.text or "").strip()
        match = _DATE_TIME.match(text)
        if match and match.group(1) is None:
            local = etree.QName(element.tag).localname
            self.report(WARNING, "naive-datetime",
                        f"{local} {text!r} has no time zone: add Z or an offset such as +01:00", element)

    def check_special(self, element: etree._Element, tag: str) -> None:
        if tag in _CONCEPT_PROPERTIES:
            if not (element.get("qcode") or element.get("uri") or element.get("literal")
                    or element.find(_NAME) is not None):
                local = etree.QName(element).localname
                self.report(WARNING, "empty-qcode", f"{local} has neither a qcode, a uri nor a literal", element)
        elif tag in _DATE_TIMES:
            self.check_date_time(element)
        elif tag == _INLINE_XML:
            self.check_inline_xml(element)
        else:
            self.check_media_type(element)

    def check_qcode(self, element: etree._Element, attribute: str, value: str,
                    aliases: frozenset[str] | None) -> None:
        for code in value.split():
            if not _QCODE.match(code):
                self.report(ERROR, "qcode-syntax", f"{attribute}={code!r} is not a QCode (alias:code)", element)
                continue
            alias = code.partition(":")[0]
            if aliases is not None and alias not in aliases:
                self.report(WARNING, "undefined-alias",
                            f"{attribute}={code!r}: the scheme alias {alias!r} is defined by no catalog "
                            "of the item", element)

    def check_media_type(self, element: etree._Element) -> None:
        media_type = element.get("contenttype")
        if media_type is not None and not _MEDIA_TYPE.match(media_type.strip()):
            self.report(WARNING, "media-type", f"contenttype {media_type!r} is not a media type", element)

    def check_inline_xml(self, inline: etree._Element) -> None:
        self.check_media_type(inline)
        root = next(inline.iterchildren(tag=etree.Element), None)
        if root is None:
            return
        media_type = (inline.get("contenttype") or "").split(";")[0].strip()
        tag: str = root.tag
        if tag == _XHTML_HTML:
            if media_type == "application/xhtml+xml" and root.find(_XHTML_BODY) is None:
                self.report(ERROR, "xhtml-structure", "the XHTML document has no body", root)
            return
        local = etree.QName(tag).localname
        if local == "html":
            self.report(ERROR, "xhtml-namespace",
                        f"the html body is in the namespace {etree.QName(tag).namespace!r}, not XHTML's "
                        f"{XHTML!r}: declare xmlns=\"{XHTML}\" on it", root)
        elif media_type == "application/xhtml+xml":
            self.report(ERROR, "xhtml-structure",
                        f"contenttype is application/xhtml+xml but the content is a {local!r} element", root)

    def check_idrefs(self, item: etree._Element, references: list[tuple[etree._Element, str, str]]) -> None:
        ids = {str(value) for value in _IDS(item)}  # type: ignore[union-attr]
        for element, attribute, value in references:
            for target in value.split():
                if target not in ids:
                    self.report(WARNING, "dangling-idref", f"{attribute}={target!r} refers to no id in the item",
                                element)


def _moment(element: etree._Element | None) -> datetime.datetime | None:
    """An aware date-time from a property, or None when absent or naive."""
    if element is None or not element.text:
        return None
    raw = element.text
    try:
        return _MOMENTS[raw]
    except KeyError:
        pass
    text = raw.strip()
    if len(text) == 10:
        text += "T00:00:00Z"
    match = _DATE_TIME.match(text)
    moment: datetime.datetime | None = None
    if match is not None and match.group(1) is not None:
        with contextlib.suppress(ValueError):
            moment = datetime.datetime.fromisoformat(text)
    _remember(_MOMENTS, raw, moment)
    return moment


def _path(element: etree._Element) -> str:
    parts = []
    node: etree._Element | None = element
    while node is not None:
        tag = element_tag(node)
        parts.append(etree.QName(tag).localname if tag else "node()")
        node = node.getparent()
    return "/" + "/".join(reversed(parts))


def _xsd_diagnostics(schema: etree.XMLSchema, tree: etree._ElementTree, source: str | None) -> Iterator[Diagnostic]:
    if schema.validate(tree):
        return
    log: Any = schema.error_log
    for error in log:
        yield Diagnostic(severity=ERROR, code="xsd", message=error.message, source=source,
                         line=error.line or None, column=(error.column or 0) + 1 if error.line else None)


def validate_newsml(
    data: bytes,
    *,
    schema: str | os.PathLike[str] | None = None,
    source: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Diagnostic]:
    """Check a NewsML-G2 document; return what is wrong with it, never raise for bad content.

    communique's own checks always run (structure and element order,
    date-times with a zone, QCodes whose alias a catalog defines, an embargo
    that ends after the item was created, IDREFs that resolve, an XHTML body
    in the XHTML namespace, ...). XSD validation runs when a schema is found
    (*schema*, the ``COMMUNIQUE_NEWSML_SCHEMA`` environment variable, or the
    cache that ``python -m communique schema download newsml-g2`` fills);
    otherwise an ``info`` diagnostic ``xsd-skipped`` says so. Hostile XML
    (entities, external DTDs, documents over *max_bytes*) is refused with
    an error diagnostic. An empty list means the document is valid.

    >>> from communique import Communique
    >>> from communique.newsml import to_newsml
    >>> [d for d in validate_newsml(to_newsml(Communique(headline="Hi"))) if d.severity != "info"]
    []
    >>> print(validate_newsml(b"<newsItem/>", source="a.xml")[0])
    a.xml:1: error: newsml-root: /newsItem: the root element 'newsItem' is not a NewsML-G2 item, newsMessage or catalog

    .. versionadded:: 0.1.0
    """
    resolved = resolve_schema(schema)
    try:
        tree = parse(data, max_bytes=max_bytes)
    except Refusal as refusal:
        return [Diagnostic(severity=ERROR, code=refusal.code, message=refusal.message, source=source,
                           line=refusal.line, column=refusal.column)]
    found = _Checker(tree, source, None if resolved is None else resolved.aliases()).check()
    if resolved is not None:
        found.extend(_xsd_diagnostics(resolved.compiled(), tree, source))
    if len(found) > 1:
        found.sort(key=lambda d: (d.line or 0, d.column or 0))
    if resolved is None:
        found.append(Diagnostic(severity=INFO, code="xsd-skipped",
                                message="no NewsML-G2 schema found: XSD validation was skipped (run "
                                        "'python -m communique schema download newsml-g2', or set "
                                        "COMMUNIQUE_NEWSML_SCHEMA)", source=source))
    return found
