"""Writing communiqués as NewsML-G2 2.35 newsItems and newsMessages.

The mapping table is in ``docs/explanation/newsml-mapping.md``. In short:
the NewsML-G2 metadata (``itemMeta``, ``contentMeta``) carries every value
that has a standard place, in the form the schema allows (names without
tabs or newlines, for instance); the XHTML body in ``inlineXML`` is the
release as people read it, and carries every field *exactly*, marked with
``class`` and ``data-*`` attributes, so that :func:`from_newsml` gives back
the very same communiqué.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Final

from lxml import etree

from .. import model
from .._xml import NAR, XHTML, XML, nsmap, q
from ..exceptions import InvalidValueError
from ..vocabulary import Genre

__all__ = ["COMMUNIQUE_SCHEME", "IPTC_CATALOG", "PROFILE", "derive_guid", "to_newsml", "to_newsml_message"]

#: The IPTC catalog that resolves the IPTC aliases we use.
IPTC_CATALOG: Final = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
#: The scheme of communique's own codes, declared in each item's inline catalog as ``cmq``.
COMMUNIQUE_SCHEME: Final = "https://communique.readthedocs.io/newscodes/"
#: The ``profile`` of the items we write; the reader recognises them by it and by the body.
PROFILE: Final = "communique-press-release"
PROFILE_VERSION: Final = "1"

_GENRES: Final = {
    None: "genre:Press_Release",
    Genre.PRESS_RELEASE: "genre:Press_Release",
    Genre.MEDIA_ADVISORY: "cmq:media_advisory",
    Genre.STATEMENT: "cmq:statement",
}

# Tags, built once.
_NEWS_ITEM = q("newsItem")
_LANG = q("lang", XML)
_H = [q(f"h{level}", XHTML) for level in range(7)]
(_HTML, _HEAD, _TITLE, _META, _BODY, _HEADER, _P, _UL, _OL, _LI, _DIV, _SECTION, _ADDRESS, _SPAN, _A, _BR, _EM,
 _STRONG, _BLOCKQUOTE, _FOOTER, _TABLE, _CAPTION, _TR, _TH, _TD) = (
    q(name, XHTML) for name in (
        "html", "head", "title", "meta", "body", "header", "p", "ul", "ol", "li", "div", "section", "address",
        "span", "a", "br", "em", "strong", "blockquote", "footer", "table", "caption", "tr", "th", "td",
    )
)

# g2normalizedString (names, literals, ...) allows no tab, CR or LF.
_SPACES: Final = re.compile(r"\s+")
_URI_SAFE: Final = re.compile(r"[^\s<>\"{}|\\^`]+\Z")
_SLUG_OUT: Final = re.compile(r"[^a-z0-9.]+")


def _normal(text: str) -> str:
    """*text* with white-space runs as one space and no space at the ends."""
    return _SPACES.sub(" ", text).strip()


def _slug(text: str) -> str:
    return _SLUG_OUT.sub("-", text.lower()).strip("-.")[:60]


def _datetime(value: datetime.datetime) -> str:
    """An ``xs:dateTime`` with its offset; whole-minute offsets as printed, others in UTC."""
    offset = value.utcoffset()
    if offset is None:
        msg = f"NewsML-G2 date-times must be timezone-aware, got {value.isoformat()}"
        raise InvalidValueError(msg)
    if offset.total_seconds() % 60 or offset.microseconds:
        value = value.astimezone(datetime.UTC)
    return value.isoformat()


@functools.cache
def _generator_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("communique")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def derive_guid(communique: model.Communique, *, provider: str | None = None) -> str:
    """A guid for *communique* that stays the same across its versions.

    ``urn:newsml:{who}:{yyyymmdd}:{number}``: who issues it (the provider,
    else the issuer), the dateline's date, and the reference number; without
    a number, a short hash of the issuer, the date and the headline.

    >>> from communique import Communique, Issuer, Reference, Dateline
    >>> import datetime
    >>> derive_guid(Communique(issuer=Issuer(name="Acme SA"),
    ...     dateline=Dateline(text="Paris, 3 mars 2025", date=datetime.date(2025, 3, 3)),
    ...     reference=Reference(number="014", text="N° 014")))
    'urn:newsml:acme-sa:20250303:014'
    """
    who = _slug(provider or (communique.issuer.name if communique.issuer else "")) or "communique"
    date = communique.dateline.date if communique.dateline else None
    day = date.strftime("%Y%m%d") if date else "undated"
    number = _slug(communique.reference.number) if communique.reference else ""
    if not number:
        key = "\x1f".join([
            communique.issuer.name if communique.issuer else "",
            day,
            communique.reference.number if communique.reference else "",
            communique.headline or "",
        ])
        number = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"urn:newsml:{who}:{day}:{number}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, /, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


# ---------------------------------------------------------------------------
# The XHTML body: exact, with classes and data-* attributes.


def _append_text(parent: etree._Element, text: str) -> None:
    """Add *text* after the last child of *parent* (or as its first text)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _has_pending_text(parent: etree._Element) -> bool:
    return bool(parent[-1].tail) if len(parent) else bool(parent.text)


def _inline(parent: etree._Element, runs: Iterable[model.Inline]) -> None:
    for run in runs:
        kind = type(run)
        if kind is model.Text:
            assert isinstance(run, model.Text)  # noqa: S101 - narrows for mypy
            # Two text runs in a row would merge into one text node: the
            # second goes into a <span> so that it stays a run of its own.
            if _has_pending_text(parent):
                _sub(parent, _SPAN, run.text)
            else:
                _append_text(parent, run.text)
        elif kind is model.LineBreak:
            etree.SubElement(parent, _BR)
        elif kind is model.Emphasis:
            assert isinstance(run, model.Emphasis)  # noqa: S101
            _inline(etree.SubElement(parent, _EM), run.content)
        elif kind is model.Strong:
            assert isinstance(run, model.Strong)  # noqa: S101
            _inline(etree.SubElement(parent, _STRONG), run.content)
        else:
            assert isinstance(run, model.Hyperlink)  # noqa: S101
            _inline(_sub(parent, _A, href=run.url), run.content)


def _list_items(parent: etree._Element, items: Iterable[model.ListItem]) -> None:
    for item in items:
        li = etree.SubElement(parent, _LI)
        _inline(li, item.content)
        _blocks(li, item.blocks)


def _blocks(parent: etree._Element, blocks: Iterable[model.Block]) -> None:
    for block in blocks:
        if isinstance(block, model.Paragraph):
            _inline(etree.SubElement(parent, _P), block.content)
        elif isinstance(block, model.Heading):
            _inline(etree.SubElement(parent, _H[block.level]), block.content)
        elif isinstance(block, model.BulletList):
            _list_items(etree.SubElement(parent, _UL), block.items)
        elif isinstance(block, model.OrderedList):
            _list_items(_sub(parent, _OL, start=str(block.start)), block.items)
        elif isinstance(block, model.Quote):
            quote = etree.SubElement(parent, _BLOCKQUOTE)
            _blocks(quote, block.blocks)
            if block.attribution is not None:
                _sub(quote, _FOOTER, block.attribution, **{"class": "attribution"})
        else:
            table = etree.SubElement(parent, _TABLE)
            if block.caption is not None:
                _sub(table, _CAPTION, block.caption)
            for row in block.rows:
                tr = etree.SubElement(table, _TR)
                for cell in row.cells:
                    _inline(etree.SubElement(tr, _TH if cell.header else _TD), cell.content)


def _data(**values: str | None) -> dict[str, str]:
    return {f"data-{name}": value for name, value in values.items() if value is not None}


def _contact(parent: etree._Element, contact: model.Contact) -> None:
    address = _sub(parent, _ADDRESS, **{"class": "contact"})
    parts: list[tuple[str, str, dict[str, str]]] = []
    for name in ("name", "role", "organization"):
        value = getattr(contact, name)
        if value is not None:
            parts.append((_SPAN, value, {"class": name}))
    for index, phone in enumerate(contact.phones):
        attributes = {"class": "phone"}
        if contact.phones_e164:
            attributes["data-e164"] = contact.phones_e164[index] or ""
        parts.append((_SPAN, phone, attributes))
    parts.extend((_A, email, {"class": "email", "href": f"mailto:{email}"}) for email in contact.emails)
    parts.extend((_A, url, {"class": "url", "href": url}) for url in contact.urls)
    if contact.text is not None:
        parts.append((_SPAN, contact.text, {"class": "text"}))
    for index, (tag, text, attributes) in enumerate(parts):
        if index:
            etree.SubElement(address, _BR)
        _sub(address, tag, text, **attributes)


def _header(header: etree._Element, c: model.Communique) -> None:
    """The release's head: kind, issuer, dateline, reference, embargo, titles, summary."""
    if c.kind:
        _sub(header, _P, c.kind.label, **{"class": "kind"}, **_data(genre=c.kind.genre.value if c.kind.genre else None))
    if c.issuer:
        issuer = c.issuer
        if issuer.text is None:
            _sub(header, _P, issuer.name, **{"class": "issuer"}, **_data(title=issuer.title,
                                                                          organization=issuer.organization))
        else:
            _sub(header, _P, issuer.text, **{"class": "issuer"},
                 **_data(name=issuer.name, title=issuer.title, organization=issuer.organization))
    if c.dateline:
        d = c.dateline
        _sub(header, _P, d.text, **{"class": "dateline"},
             **_data(place=d.place, region=d.region, date=d.date.isoformat() if d.date else None, wire=d.wire))
    if c.reference:
        _sub(header, _P, c.reference.text, **{"class": "reference"}, **_data(number=c.reference.number))
    if c.embargo:
        until = c.embargo.until.isoformat() if c.embargo.until else None
        _sub(header, _P, c.embargo.text, **{"class": "embargo"}, **_data(until=until))
    if c.headline is not None:
        _sub(header, _H[1], c.headline, **{"class": "headline"})
    if c.subheadline is not None:
        _sub(header, _P, c.subheadline, **{"class": "subheadline"})
    if c.summary:
        summary = _sub(header, _UL, **{"class": "summary"})
        for point in c.summary:
            _sub(summary, _LI, point)


def _xhtml(communique: model.Communique) -> etree._Element:
    c = communique
    html = etree.Element(_HTML, nsmap=nsmap(XHTML))
    if c.language:
        html.set("lang", c.language)
        html.set(_LANG, c.language)
    head = etree.SubElement(html, _HEAD)
    title = c.headline or (c.kind.label if c.kind else None) or "Press release"
    _sub(head, _TITLE, _normal(title))
    for field in c.metadata:
        _sub(head, _META, name=field.name, content=field.value)
    body = _sub(html, _BODY, **{"class": "communique", "data-format-version": PROFILE_VERSION})

    _header(_sub(body, _HEADER), c)

    if c.body:
        _blocks(_sub(body, _DIV, **{"class": "body"}), c.body)
    if c.contacts:
        contacts = _sub(body, _SECTION, **{"class": "contacts"})
        for contact in c.contacts:
            _contact(contacts, contact)
    if c.links:
        links = _sub(body, _UL, **{"class": "links"})
        for link in c.links:
            _sub(etree.SubElement(links, _LI), _A, link.text, href=link.url)
    for boilerplate in c.boilerplate:
        section = _sub(body, _SECTION, **{"class": "boilerplate"})
        if boilerplate.heading is not None:
            _sub(section, _H[2], boilerplate.heading, **{"class": "boilerplate-heading"})
        _blocks(section, boilerplate.blocks)
    if c.attachments:
        attachments = _sub(body, _UL, **{"class": "attachments"})
        for attachment in c.attachments:
            extra = {"type": attachment.media_type} if attachment.media_type is not None else {}
            _sub(etree.SubElement(attachments, _LI), _A, attachment.title, href=attachment.url, **extra)
    if c.end_marker is not None:
        _sub(body, _P, c.end_marker, **{"class": "end-marker"})
    if c.unclassified:
        unclassified = _sub(body, _DIV, **{"class": "unclassified"})
        for text in c.unclassified:
            _sub(unclassified, _P, text)
    if c.provenance:
        p = c.provenance
        _sub(body, _DIV, **{"class": "provenance", "hidden": "hidden"},
             **_data(source=p.source, format=p.format, url=p.url))
    return html


# ---------------------------------------------------------------------------
# The plain-text rendition.


def _plain_blocks(blocks: Iterable[model.Block], out: list[str], indent: str = "") -> None:
    for block in blocks:
        if isinstance(block, model.Paragraph | model.Heading):
            out.append(indent + block.plain_text)
        elif isinstance(block, model.BulletList | model.OrderedList):
            number = block.start if isinstance(block, model.OrderedList) else None
            for item in block.items:
                marker = "- " if number is None else f"{number}. "
                out.append(indent + marker + model.plain_text(item.content))
                _plain_blocks(item.blocks, out, indent + "  ")
                if number is not None:
                    number += 1
        elif isinstance(block, model.Quote):
            inner: list[str] = []
            _plain_blocks(block.blocks, inner)
            out.extend(indent + "> " + line for line in inner)
            if block.attribution is not None:
                out.append(indent + "— " + block.attribution)
        else:
            if block.caption is not None:
                out.append(indent + block.caption)
            out.extend(indent + " | ".join(model.plain_text(cell.content) for cell in row.cells) for row in block.rows)


def plain_rendition(communique: model.Communique) -> str:
    """The release as plain text, for the ``text/plain`` rendition."""
    c = communique
    out = [text for text in (
        c.kind.label if c.kind else None,
        (c.issuer.text or c.issuer.name) if c.issuer else None,
        c.embargo.text if c.embargo else None,
        c.headline, c.subheadline,
        c.dateline.text if c.dateline else None,
        c.reference.text if c.reference else None,
    ) if text is not None]
    out.extend("- " + point for point in c.summary)
    _plain_blocks(c.body, out)
    out.extend(contact.text or ", ".join(
        [v for v in (contact.name, contact.role, contact.organization) if v]
        + list(contact.phones) + list(contact.emails) + list(contact.urls)) for contact in c.contacts)
    out.extend(link.url for link in c.links)
    for boilerplate in c.boilerplate:
        if boilerplate.heading is not None:
            out.append(boilerplate.heading)
        _plain_blocks(boilerplate.blocks, out)
    out.extend(attachment.url for attachment in c.attachments)
    if c.end_marker is not None:
        out.append(c.end_marker)
    out.extend(c.unclassified)
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# The NewsML-G2 envelope.


def _party_name(party: etree._Element, text: str | None, role: str | None = None) -> None:
    if text is not None and (value := _normal(text)):
        name = _sub(party, q("name"), value)
        if role:
            name.set("role", role)


def _contact_party(parent: etree._Element, contact: model.Contact) -> None:
    party = _sub(parent, q("contributor"), role="cpprole:mediaOffice")
    # A party needs a name; a desk without one is named by what it prints.
    _party_name(party, contact.name or contact.organization or contact.text
                or next(iter(contact.emails + contact.phones + contact.urls), None))
    _party_name(party, contact.role, "cmq:role")
    details = _sub(party, q("personDetails" if contact.name else "organisationDetails"))
    if contact.organization and contact.name:
        _party_name(_sub(details, q("affiliation")), contact.organization)
    if contact.phones or contact.emails or contact.urls:
        info = _sub(details, q("contactInfo"))
        for email in contact.emails:
            _sub(info, q("email"), _normal(email))
        for index, phone in enumerate(contact.phones):
            number = contact.phones_e164[index] if contact.phones_e164 else None
            _sub(info, q("phone"), number or _normal(phone))
        for url in contact.urls:
            if _URI_SAFE.match(url):
                _sub(info, q("web"), url)
    if not len(details):
        party.remove(details)
    if not len(party):
        # Nothing that NewsML-G2 can say about this contact; the body keeps it.
        parent.remove(party)


def _content_meta(item: etree._Element, c: model.Communique) -> None:
    meta = _sub(item, q("contentMeta"))
    # Administrative properties first, then descriptive ones (XSD order).
    if c.dateline and c.dateline.date:
        _sub(meta, q("contentCreated"), c.dateline.date.isoformat())
    if c.dateline and c.dateline.place:
        located = _sub(meta, q("located"))
        _party_name(located, c.dateline.place)
        if c.dateline.region:
            _party_name(_sub(located, q("broader"), literal=_normal(c.dateline.region)), c.dateline.region)
    if c.issuer:
        source = _sub(meta, q("infoSource"), role="cpprole:origcont")
        _party_name(source, c.issuer.name)
        _party_name(source, c.issuer.title, "cmq:title")
        _party_name(source, c.issuer.organization, "cmq:organization")
    for contact in c.contacts:
        _contact_party(meta, contact)
    if c.reference and (number := _normal(c.reference.number)):
        _sub(meta, q("altId"), number, type="cmq:reference")
    if c.language:
        _sub(meta, q("language"), tag=c.language)
    genre = _sub(meta, q("genre"), qcode=_GENRES[c.kind.genre if c.kind else None])
    if c.kind:
        _party_name(genre, c.kind.label)
    if c.headline is not None:
        _sub(meta, q("headline"), c.headline)
    if c.subheadline is not None:
        _sub(meta, q("headline"), c.subheadline, role="cmq:subheadline")
    if c.dateline:
        _sub(meta, q("dateline"), c.dateline.text)
    for point in c.summary:
        _sub(meta, q("description"), point, role="drol:summary")


def _news_item(
    communique: model.Communique,
    *,
    guid: str | None,
    version: int,
    provider: str | None,
    versioned: datetime.datetime,
    first_created: datetime.datetime | None,
) -> etree._Element:
    c = communique
    number: object = version
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        msg = f"version must be a positive integer, got {version!r}"
        raise InvalidValueError(msg)
    item = etree.Element(_NEWS_ITEM, nsmap=nsmap(NAR))
    item.set("guid", guid or derive_guid(c, provider=provider))
    item.set("version", str(version))
    item.set("standard", "NewsML-G2")
    item.set("standardversion", "2.35")
    item.set("conformance", "power")
    if c.language:
        item.set(_LANG, c.language)
    _sub(item, q("catalogRef"), href=IPTC_CATALOG)
    catalog = _sub(item, q("catalog"))
    _sub(catalog, q("scheme"), alias="cmq", uri=COMMUNIQUE_SCHEME)

    meta = _sub(item, q("itemMeta"))
    _sub(meta, q("itemClass"), qcode="ninat:text")
    who = _normal(provider or (c.issuer.name if c.issuer else "")) or "communique"
    _sub(meta, q("provider"), literal=who)
    _sub(meta, q("versionCreated"), _datetime(versioned))
    created = first_created or (versioned if version == 1 else None)
    if created is not None:
        _sub(meta, q("firstCreated"), _datetime(created))
    # An embargo that ended before the item existed embargoes nothing, and
    # NewsML-G2 validators flag it: it stays in the edNote and the body.
    if c.embargo and c.embargo.until and (created is None or c.embargo.until >= created):
        _sub(meta, q("embargoed"), _datetime(c.embargo.until))
    _sub(meta, q("pubStatus"), qcode="stat:usable")
    _sub(meta, q("generator"), "communique", versioninfo=_generator_version())
    _sub(meta, q("profile"), PROFILE, versioninfo=PROFILE_VERSION)
    if c.headline is not None:
        _sub(meta, q("title"), c.headline)
    if c.embargo:
        _sub(meta, q("edNote"), c.embargo.text, role="cmq:embargo")
    for link in c.links:
        if _URI_SAFE.match(link.url):
            attributes = {"rel": "irel:seeAlso", "href": link.url}
            if link.text is not None:
                attributes["title"] = link.text
            _sub(meta, q("link"), **attributes)

    _content_meta(item, c)

    content = _sub(item, q("contentSet"))
    inline = _sub(content, q("inlineXML"), contenttype="application/xhtml+xml")
    inline.append(_xhtml(c))
    _sub(content, q("inlineData"), plain_rendition(c), contenttype="text/plain")
    return item


def _indent(element: etree._Element, level: int = 1) -> None:
    """Indent the NewsML-G2 envelope for people; never inside text or the body."""
    if element.tag == _INLINE_XML or not len(element) or element.text:
        return
    pad = "\n" + "  " * level
    element.text = pad
    for child in element:
        _indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * (level - 1)


_INLINE_XML = q("inlineXML")


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


def to_newsml(
    communique: model.Communique,
    *,
    guid: str | None = None,
    version: int = 1,
    provider: str | None = None,
    versioned: datetime.datetime | None = None,
    first_created: datetime.datetime | None = None,
) -> bytes:
    """*communique* as a NewsML-G2 2.35 ``newsItem``: UTF-8 bytes with an XML declaration.

    *guid* defaults to :func:`derive_guid`, which stays the same across
    versions; *version* counts re-issues from 1. *provider* names the party
    that manages the item (a domain such as ``acme.example``; the issuer's
    name by default). *versioned* is the time of this version (now, by
    default) and *first_created* the time of the first one (*versioned*
    when *version* is 1). Date-times must be timezone-aware.

    >>> import datetime
    >>> from communique import Communique
    >>> from communique.newsml import from_newsml
    >>> at = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
    >>> data = to_newsml(Communique(headline="Acme opens in Lyon", language="en"), versioned=at)
    >>> data[:38]
    b"<?xml version='1.0' encoding='UTF-8'?>"
    >>> from_newsml(data).headline
    'Acme opens in Lyon'

    .. versionadded:: 0.1.0
    """
    item = _news_item(communique, guid=guid, version=version, provider=provider,
                      versioned=versioned or _now(), first_created=first_created)
    _indent(item)
    return etree.tostring(item, xml_declaration=True, encoding="UTF-8") + b"\n"


def to_newsml_message(
    communiques: Sequence[model.Communique] | Iterable[model.Communique],
    *,
    provider: str | None = None,
    versioned: datetime.datetime | None = None,
    sent: datetime.datetime | None = None,
) -> bytes:
    """Several communiqués as one NewsML-G2 ``newsMessage``, one ``newsItem`` each.

    Each item gets its derived guid and version 1; *sent* (now, by default)
    is the message's ``header/sent``.

    >>> from communique import Communique
    >>> from communique.newsml import from_newsml_message
    >>> data = to_newsml_message([Communique(headline="One"), Communique(headline="Two")])
    >>> [c.headline for c in from_newsml_message(data)]
    ['One', 'Two']

    .. versionadded:: 0.1.0
    """
    now = _now()
    message = etree.Element(q("newsMessage"), nsmap=nsmap(NAR))
    header = _sub(message, q("header"))
    _sub(header, q("sent"), _datetime(sent or now))
    items = _sub(message, q("itemSet"))
    seen: set[str] = set()
    for communique in communiques:
        guid = base = derive_guid(communique, provider=provider)
        count = 1
        while guid in seen:  # two releases with the same number on the same day
            count += 1
            guid = f"{base}-{count}"
        seen.add(guid)
        items.append(_news_item(communique, guid=guid, version=1, provider=provider,
                                versioned=versioned or now, first_created=None))
    _indent(message)
    return etree.tostring(message, xml_declaration=True, encoding="UTF-8") + b"\n"
