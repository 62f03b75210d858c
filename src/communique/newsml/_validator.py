"""Validating NewsML-G2: communique's own checks, plus the XSD when a schema is found.

The XSD leaves many rules of the specification to code: QCodes that resolve,
date-times with a zone, an embargo that ends after the item was created,
IDREFs that point somewhere, an XHTML body in the XHTML namespace. The own
checks report those, in one pass over the document. Rules that IPTC's own
valid example files break are warnings; the others are errors.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from typing import Any, Final

from lxml import etree

from .._xml import MAX_BYTES, NAR, XHTML, Refusal, element_tag, line_of, parse, q, text_of
from ..diagnostics import Diagnostic
from ..vocabulary import Severity
from ._schema import catalog_aliases, compiled_schema, find_schema

__all__ = ["validate_newsml"]

ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING
INFO: Final = Severity.INFO

_ITEMS: Final = frozenset(q(name) for name in (
    "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"))

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
_REQUIRED_ITEM_META: Final = (q("itemClass"), q("provider"), q("versionCreated"))

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
_SCHEME: Final = q("scheme")
_XHTML_HTML: Final = f"{{{XHTML}}}html"
_NAR_ANY: Final = f"{{{NAR}}}*"
_NEWS_ITEM: Final = q("newsItem")
_NAME: Final = q("name")
_IDREF_ATTRIBUTES: Final = frozenset(("contentrefs", "idref", "idrefs", "original", "root", "sourceidref"))
_SPECIAL: Final = _CONCEPT_PROPERTIES | _DATE_TIMES | {_INLINE_XML, q("inlineData"), q("remoteContent")}
_IDS: Final = etree.XPath(".//@id|.//@partid|.//@xml:id")


class _Checker:
    """The own checks of one document, collecting diagnostics."""

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
        if root.tag == q("newsMessage"):
            self.check_message(root)
        elif root.tag in _ITEMS:
            self.check_item(root, self.aliases_of(root, frozenset()))
        elif root.tag == q("catalog"):
            pass
        else:
            self.report(ERROR, "newsml-root", f"the root element {root.tag!r} is not a NewsML-G2 item, "
                                              "newsMessage or catalog", root)
        return self.found

    def aliases_of(self, element: etree._Element, inherited: frozenset[str]) -> frozenset[str] | None:
        """The aliases that resolve in *element*, or None when a catalog we cannot read is referenced."""
        aliases = set(inherited)
        unknown_catalog = False
        for child in element:
            if child.tag == _CATALOG_REF:
                href = child.get("href", "")
                if "iptc.org/std/catalog/catalog.IPTC-G2-Standards" in href and self.iptc_aliases is not None:
                    aliases |= self.iptc_aliases
                else:
                    unknown_catalog = True
            elif child.tag == q("catalog"):
                aliases.update(s.get("alias", "") for s in child.iter(_SCHEME))
        return None if unknown_catalog else frozenset(aliases)

    def check_message(self, message: etree._Element) -> None:
        header = message.find(q("header"))
        inherited: frozenset[str] | None = frozenset()
        if header is not None:
            inherited = self.aliases_of(header, frozenset())
            for element in header.iter(*_DATE_TIMES):
                self.check_date_time(element)
        item_set = message.find(q("itemSet"))
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
        name = etree.QName(item.tag).localname
        for attribute in ("guid", "standard", "standardversion"):
            if not (item.get(attribute) or "").strip():
                self.report(ERROR, "missing-attribute", f"the {name} has no {attribute}", item)
        if item.tag == _NEWS_ITEM:
            self.check_order(item, _NEWS_ITEM_ORDER, name)
        item_meta = item.find(q("itemMeta"))
        if item_meta is None:
            self.report(ERROR, "missing-element", f"the {name} has no itemMeta", item)
        else:
            self.check_order(item_meta, _ITEM_META_ORDER, "itemMeta")
            for required in _REQUIRED_ITEM_META:
                if item_meta.find(required) is None:
                    self.report(ERROR, "missing-element",
                                f"itemMeta has no {etree.QName(required).localname}", item_meta)
            self.check_times(item_meta)
            status = item_meta.find(q("pubStatus"))
            code = status.get("qcode", "") if status is not None else ""
            if code.startswith("stat:") and code[5:] not in _PUB_STATUS:
                self.report(WARNING, "unknown-code",
                            f"pubStatus {code!r} is none of stat:usable, stat:withheld, stat:canceled", status)
        content_meta = item.find(q("contentMeta"))
        if content_meta is not None and item.tag == q("newsItem"):
            self.check_order(content_meta, _CONTENT_META_ORDER, "contentMeta")
            for headline in content_meta.iterchildren(q("headline")):
                if not text_of(headline).strip():
                    self.report(WARNING, "empty-headline", "the headline is empty", headline)
        self.check_properties(item, aliases)

    def check_order(self, parent: etree._Element, order: dict[str, int], name: str) -> None:
        highest = -1
        previous = ""
        for child in parent.iterchildren(_NAR_ANY):
            tag = child.tag
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

    def check_times(self, item_meta: etree._Element) -> None:
        version = _moment(item_meta.find(q("versionCreated")))
        first = _moment(item_meta.find(q("firstCreated")))
        embargoed_element = item_meta.find(q("embargoed"))
        embargoed = _moment(embargoed_element)
        if version and first and version < first:
            self.report(ERROR, "version-before-first",
                        "versionCreated is earlier than firstCreated", item_meta.find(q("versionCreated")))
        if embargoed and first and embargoed < first:
            self.report(ERROR, "embargo-before-creation",
                        "the embargo ends before the item was first created: it embargoes nothing",
                        embargoed_element)

    def check_properties(self, item: etree._Element, aliases: frozenset[str] | None) -> None:
        """QCodes, IDREFs, empty concept properties, date-times and bodies, in one walk over the NAR elements."""
        seen: set[str] = set()
        references: list[tuple[etree._Element, str, str]] = []
        qcode_attributes, idref_attributes, special = _QCODE_ATTRIBUTES, _IDREF_ATTRIBUTES, _SPECIAL
        for element in item.iter(_NAR_ANY):
            pairs: Any = element.items()
            for name, value in pairs:
                if name in qcode_attributes:
                    if value not in seen:
                        seen.add(value)
                        self.check_qcode(element, name, value, aliases)
                elif name in idref_attributes:
                    references.append((element, name, value))
            tag = element.tag
            if tag in special:
                self.check_special(element, tag)
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
        media_type = (inline.get("contenttype") or "").split(";")[0].strip()
        roots = [child for child in inline if element_tag(child)]
        if not roots:
            return
        root = roots[0]
        local = etree.QName(root.tag).localname
        if local == "html" and root.tag != _XHTML_HTML:
            self.report(ERROR, "xhtml-namespace",
                        f"the html body is in the namespace {etree.QName(root.tag).namespace!r}, not XHTML's "
                        f"{XHTML!r}: declare xmlns=\"{XHTML}\" on it", root)
        elif media_type == "application/xhtml+xml":
            if root.tag != _XHTML_HTML:
                self.report(ERROR, "xhtml-structure",
                            f"contenttype is application/xhtml+xml but the content is a {local!r} element", root)
            elif root.find(f"{{{XHTML}}}body") is None:
                self.report(ERROR, "xhtml-structure", "the XHTML document has no body", root)

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
    text = element.text.strip()
    if len(text) == 10:
        text += "T00:00:00Z"
    if not _DATE_TIME.match(text) or _DATE_TIME.match(text).group(1) is None:  # type: ignore[union-attr]
        return None
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


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
    path = find_schema(schema)
    try:
        tree = parse(data, max_bytes=max_bytes)
    except Refusal as refusal:
        return [Diagnostic(severity=ERROR, code=refusal.code, message=refusal.message, source=source,
                           line=refusal.line, column=refusal.column)]
    found = _Checker(tree, source, catalog_aliases(path)).check()
    if path is not None:
        found.extend(_xsd_diagnostics(compiled_schema(path), tree, source))
    found.sort(key=lambda d: (d.line or 0, d.column or 0))
    if path is None:
        found.append(Diagnostic(severity=INFO, code="xsd-skipped",
                                message="no NewsML-G2 schema found: XSD validation was skipped (run "
                                        "'python -m communique schema download newsml-g2', or set "
                                        "COMMUNIQUE_NEWSML_SCHEMA)", source=source))
    return found
