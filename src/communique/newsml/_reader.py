"""Reading NewsML-G2 newsItems and newsMessages into communiqués.

Items that communique wrote (``profile`` ``communique-press-release`` and an
XHTML body marked ``class="communique"``) are read exactly from the body.
Other text items are read on a best-effort basis from their metadata and
their XHTML, NITF or plain-text body.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from typing import Final

from lxml import etree

from .. import model
from .._xml import NAR, NITF, XHTML, XML, Refusal, element_tag, line_of, parse, q, text_of
from ..diagnostics import Diagnostic
from ..exceptions import InvalidValueError, ParseError
from ..reading import Reading
from ..vocabulary import Genre, Severity

__all__ = ["from_newsml", "from_newsml_message", "read", "read_items"]

_ITEM_TAGS: Final = frozenset(q(name) for name in (
    "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"))
_NEWS_ITEM: Final = q("newsItem")
_NEWS_MESSAGE: Final = q("newsMessage")
_LANG: Final = q("lang", XML)
_SPACES: Final = re.compile(r"\s+")
_DATE_TIME: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\Z")


def _x(local: str) -> str:
    return f"{{{XHTML}}}{local}"


def _n(local: str) -> str:
    return f"{{{NITF}}}{local}"


_HEADINGS: Final = {_x(f"h{level}"): level for level in range(1, 7)}
_X_P, _X_UL, _X_OL, _X_LI, _X_BLOCKQUOTE, _X_TABLE, _X_TR, _X_TH, _X_TD, _X_CAPTION = (
    _x(n) for n in ("p", "ul", "ol", "li", "blockquote", "table", "tr", "th", "td", "caption"))
_X_SPAN, _X_BR, _X_EM, _X_STRONG, _X_A, _X_I, _X_B, _X_FOOTER = (
    _x(n) for n in ("span", "br", "em", "strong", "a", "i", "b", "footer"))
_X_BLOCK_TAGS: Final = frozenset({_X_P, _X_UL, _X_OL, _X_BLOCKQUOTE, _X_TABLE, *_HEADINGS} | {
    _x(n) for n in ("div", "section", "article", "main", "header", "footer", "figure", "address", "pre", "aside",
                    "nav", "dl", "hr", "form", "fieldset", "center")})
_X_CONTAINERS: Final = frozenset(_x(n) for n in (
    "div", "section", "article", "main", "header", "footer", "figure", "aside", "nav", "center", "body", "form",
    "fieldset", "thead", "tbody", "tfoot"))


class _Runs:
    """Collects inline runs; in loose mode white space is collapsed as HTML does."""

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.runs: list[model.Inline] = []

    def text(self, value: str | None) -> None:
        if not value:
            return
        if self.exact:
            self.runs.append(model.Text(value))
            return
        value = _SPACES.sub(" ", value)
        if self.runs and isinstance(self.runs[-1], model.Text):
            merged = self.runs[-1].text + value
            self.runs[-1] = model.Text(merged.replace("  ", " "))
        else:
            self.runs.append(model.Text(value))

    def add(self, run: model.Inline) -> None:
        self.runs.append(run)

    def result(self) -> tuple[model.Inline, ...]:
        runs = self.runs
        if not self.exact:
            # Leading and trailing white space of a block is layout, not text.
            if runs and isinstance(runs[0], model.Text):
                first = runs[0].text.lstrip()
                runs[0:1] = [model.Text(first)] if first else []
            if runs and isinstance(runs[-1], model.Text):
                last = runs[-1].text.rstrip()
                runs[-1:] = [model.Text(last)] if last else []
        return tuple(runs)


def _inline_child(runs: _Runs, child: etree._Element, nitf: bool) -> None:
    tag = child.tag
    if isinstance(tag, str):  # not a comment or processing instruction
        local = etree.QName(tag).localname
        if local == "br":
            runs.add(model.LineBreak())
        elif local in ("em", "i"):
            runs.add(model.Emphasis(_inline(child, runs.exact, nitf)))
        elif local in ("strong", "b"):
            runs.add(model.Strong(_inline(child, runs.exact, nitf)))
        elif local == "a" and child.get("href"):
            runs.add(model.Hyperlink(_inline(child, runs.exact, nitf), url=child.get("href", "")))
        else:
            _inline_into(runs, child, nitf)
    runs.text(child.tail)


def _inline_into(runs: _Runs, element: etree._Element, nitf: bool) -> None:
    runs.text(element.text)
    for child in element:
        _inline_child(runs, child, nitf)


def _inline(element: etree._Element, exact: bool, nitf: bool = False) -> tuple[model.Inline, ...]:
    runs = _Runs(exact)
    _inline_into(runs, element, nitf)
    return runs.result()


def _is_block(child: etree._Element) -> bool:
    return child.tag in _X_BLOCK_TAGS or child.tag in _N_BLOCK_TAGS


def _list_item(li: etree._Element, exact: bool) -> model.ListItem:
    runs = _Runs(exact)
    runs.text(li.text)
    blocks: list[model.Block] = []
    for child in li:
        if blocks or _is_block(child):
            blocks.extend(_blocks_of([child], exact))
            if not exact and (child.tail or "").strip():
                blocks.append(model.Paragraph((model.Text(_SPACES.sub(" ", child.tail or "").strip()),)))
        else:
            _inline_child(runs, child, False)
    return model.ListItem(runs.result(), blocks=tuple(blocks))


def _table(table: etree._Element, exact: bool) -> model.Table:
    caption: str | None = None
    rows: list[model.TableRow] = []
    for row in table.iter(_X_TR, _n("tr")):
        cells = [model.TableCell(_inline(cell, exact), header=etree.QName(cell.tag).localname == "th")
                 for cell in row if element_tag(cell) and etree.QName(cell).localname in ("th", "td")]
        rows.append(model.TableRow(cells))
    for child in table:
        if element_tag(child) and etree.QName(child).localname == "caption":
            text = child.text if exact else _SPACES.sub(" ", text_of(child)).strip()
            caption = text or None
    return model.Table(rows, caption=caption)


def _blocks_of(elements: Iterable[etree._Element], exact: bool) -> Iterator[model.Block]:
    """Blocks of XHTML or NITF elements; in loose mode, containers are flattened."""
    for element in elements:
        tag = element_tag(element)
        if tag is None:
            continue
        namespace = etree.QName(tag).namespace
        local = etree.QName(tag).localname
        if namespace == NITF:
            yield from _nitf_block(element)
            continue
        if tag == _X_P:
            yield model.Paragraph(_inline(element, exact))
        elif tag in _HEADINGS:
            yield model.Heading(_inline(element, exact), level=_HEADINGS[tag])
        elif tag in (_X_UL, _X_OL):
            items = [_list_item(li, exact) for li in element if li.tag == _X_LI]
            if tag == _X_UL:
                yield model.BulletList(items)
            else:
                start = element.get("start", "1")
                yield model.OrderedList(items, start=int(start) if start.isdigit() else 1)
        elif tag == _X_BLOCKQUOTE:
            attribution = None
            inner = []
            for child in element:
                if child.tag == _X_FOOTER and child.get("class") == "attribution":
                    attribution = child.text if exact else _SPACES.sub(" ", text_of(child)).strip()
                else:
                    inner.append(child)
            blocks = tuple(_blocks_of(inner, exact))
            if not exact and not blocks and (element.text or "").strip():
                blocks = (model.Paragraph(_inline(element, exact)),)
            yield model.Quote(blocks, attribution=attribution or None)
        elif tag == _X_TABLE:
            yield _table(element, exact)
        elif exact:
            continue
        elif tag in _X_CONTAINERS:
            if (element.text or "").strip():
                yield model.Paragraph((model.Text(_SPACES.sub(" ", element.text or "").strip()),))
            yield from _blocks_of(element, exact)
            if (element.tail or "").strip():
                yield model.Paragraph((model.Text(_SPACES.sub(" ", element.tail or "").strip()),))
        elif local in ("hr", "script", "style", "head", "title", "meta"):
            continue
        else:
            runs = _inline(element, exact)
            if runs:
                yield model.Paragraph(runs)


# ---------------------------------------------------------------------------
# NITF bodies.

_N_BLOCK_TAGS: Final = frozenset(_n(n) for n in ("p", "hl2", "ul", "ol", "block", "table", "bq", "note", "pre"))


def _nitf_block(element: etree._Element) -> Iterator[model.Block]:
    local = etree.QName(element.tag).localname
    if local == "p":
        runs = _inline(element, False, nitf=True)
        if runs:
            yield model.Paragraph(runs)
    elif local in ("hl1", "hl2"):
        yield model.Heading(_inline(element, False, nitf=True), level=1 if local == "hl1" else 2)
    elif local in ("ul", "ol"):
        items = [model.ListItem(_inline(li, False, nitf=True)) for li in element if
                 element_tag(li) and etree.QName(li).localname == "li"]
        yield model.BulletList(items) if local == "ul" else model.OrderedList(items)
    elif local == "bq":
        yield model.Quote([b for child in element if element_tag(child) for b in _nitf_block(child)])
    elif local == "table":
        yield _table(element, False)
    elif local in ("block", "body.content", "note", "body"):
        for child in element:
            if isinstance(child.tag, str):
                yield from _nitf_block(child)
    elif local == "pre":
        text = text_of(element)
        if text.strip():
            yield model.Paragraph((model.Text(text.strip()),))


# ---------------------------------------------------------------------------
# Our own items: the XHTML body carries every field exactly.


def _data(element: etree._Element, name: str) -> str | None:
    return element.get(f"data-{name}")


def _own(html: etree._Element, body: etree._Element) -> model.Communique:
    fields: dict[str, object] = {
        "language": html.get("lang"),
        "metadata": tuple(model.MetaField(name=m.get("name", ""), value=m.get("content", ""))
                          for head in html.iterchildren(_x("head")) for m in head.iterchildren(_x("meta"))),
    }
    for part in body:
        if element_tag(part) is None:
            continue
        kind = part.get("class")
        if part.tag == _x("header"):
            _own_header(part, fields)
        elif kind == "body":
            fields["body"] = tuple(_blocks_of(part, True))
        elif kind == "contacts":
            fields["contacts"] = tuple(_own_contact(address) for address in part.iterchildren(_x("address")))
        elif kind == "links":
            fields["links"] = tuple(model.Link(url=a.get("href", ""), text=a.text)
                                    for li in part for a in li.iterchildren(_X_A))
        elif kind == "boilerplate":
            heading = None
            blocks = []
            for child in part:
                if child.get("class") == "boilerplate-heading":
                    heading = child.text
                else:
                    blocks.append(child)
            boilerplate = model.Boilerplate(heading=heading, blocks=tuple(_blocks_of(blocks, True)))
            fields["boilerplate"] = (*fields.get("boilerplate", ()), boilerplate)  # type: ignore[misc]
        elif kind == "attachments":
            fields["attachments"] = tuple(
                model.Attachment(url=a.get("href", ""), title=a.text, media_type=a.get("type"))
                for li in part for a in li.iterchildren(_X_A))
        elif kind == "end-marker":
            fields["end_marker"] = part.text
        elif kind == "unclassified":
            fields["unclassified"] = tuple(p.text or "" for p in part.iterchildren(_X_P))
        elif kind == "provenance":
            fields["provenance"] = model.Provenance(source=_data(part, "source"), format=_data(part, "format"),
                                                    url=_data(part, "url"))
    return model.Communique(**fields)  # type: ignore[arg-type]


def _own_header(header: etree._Element, fields: dict[str, object]) -> None:
    for part in header:
        kind = part.get("class")
        text = part.text or ""
        if kind == "kind":
            fields["kind"] = model.Kind(label=text, genre=_data(part, "genre"))
        elif kind == "issuer":
            name = _data(part, "name")
            fields["issuer"] = model.Issuer(name=name if name is not None else text,
                                            text=text if name is not None else None,
                                            title=_data(part, "title"), organization=_data(part, "organization"))
        elif kind == "dateline":
            date = _data(part, "date")
            fields["dateline"] = model.Dateline(text=text, place=_data(part, "place"), region=_data(part, "region"),
                                                date=datetime.date.fromisoformat(date) if date else None,
                                                wire=_data(part, "wire"))
        elif kind == "reference":
            fields["reference"] = model.Reference(number=_data(part, "number") or "", text=text)
        elif kind == "embargo":
            until = _data(part, "until")
            fields["embargo"] = model.Embargo(text=text,
                                              until=datetime.datetime.fromisoformat(until) if until else None)
        elif kind == "headline":
            fields["headline"] = text
        elif kind == "subheadline":
            fields["subheadline"] = text
        elif kind == "summary":
            fields["summary"] = tuple(li.text or "" for li in part.iterchildren(_X_LI))


def _own_contact(address: etree._Element) -> model.Contact:
    values: dict[str, str] = {}
    phones: list[str] = []
    e164: list[str | None] = []
    emails: list[str] = []
    urls: list[str] = []
    for part in address:
        kind = part.get("class")
        text = part.text or ""
        if kind in ("name", "role", "organization", "text"):
            values[kind] = text
        elif kind == "phone":
            phones.append(text)
            number = part.get("data-e164")
            if number is not None:
                e164.append(number or None)
        elif kind == "email":
            emails.append(text)
        elif kind == "url":
            urls.append(text)
    return model.Contact(phones=phones, phones_e164=e164, emails=emails, urls=urls, **values)


# ---------------------------------------------------------------------------
# Foreign items: best effort from the metadata and the body.


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    value = _SPACES.sub(" ", text_of(element)).strip()
    return value or None


def _aware(value: str | None) -> datetime.datetime | None:
    if value is None or not _DATE_TIME.match(value.strip()):
        return None
    try:
        return datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _party_contact(party: etree._Element) -> model.Contact | None:
    infos = list(party.iter(q("contactInfo")))
    if not infos:
        return None
    names = [_text(n) for n in party.iterchildren(q("name"))]
    name = next((n for n in names if n), None) or party.get("literal")
    emails = [t for info in infos for e in info.iterchildren(q("email")) if (t := _text(e))]
    phones = [t for info in infos for e in info.iterchildren(q("phone")) if (t := _text(e))]
    urls = [t for info in infos for e in info.iterchildren(q("web")) if (t := _text(e))]
    if not (name or emails or phones or urls):
        return None
    return model.Contact(name=name, phones=phones, emails=emails, urls=urls)


def _foreign(item: etree._Element, source: str | None, diagnostics: list[Diagnostic]) -> model.Communique:
    meta = item.find(q("itemMeta"))
    content = item.find(q("contentMeta"))
    fields: dict[str, object] = {}
    language = None
    if content is not None:
        tag = content.find(q("language"))
        language = tag.get("tag") if tag is not None else None
    language = language or item.get(_LANG)
    if language:
        try:
            model.Communique(language=language)
            fields["language"] = language
        except InvalidValueError:
            diagnostics.append(Diagnostic(severity=Severity.WARNING, code="newsml-language",
                                          message=f"language tag {language!r} is not BCP 47; left out",
                                          source=source))
    metadata: list[model.MetaField] = [model.MetaField(name="newsml:guid", value=item.get("guid", ""))]
    if item.get("version"):
        metadata.append(model.MetaField(name="newsml:version", value=item.get("version", "")))
    links: list[model.Link] = []
    if meta is not None:
        embargoed = meta.find(q("embargoed"))
        if embargoed is not None and (embargoed.text or "").strip():
            note = next((t for n in meta.iterchildren(q("edNote")) if (t := _text(n))), None)
            until = _aware(embargoed.text)
            if until is None:
                diagnostics.append(Diagnostic(severity=Severity.WARNING, code="newsml-naive-datetime",
                                              message=f"embargoed {embargoed.text!r} has no time zone; "
                                                      "its end is left out", source=source))
            fields["embargo"] = model.Embargo(text=note or embargoed.text.strip(), until=until)  # type: ignore[union-attr]
        for name in ("versionCreated", "firstCreated"):
            element = meta.find(q(name))
            if element is not None and element.text:
                metadata.append(model.MetaField(name=f"newsml:{name}", value=element.text.strip()))
        links.extend(model.Link(url=link.get("href", "").strip(), text=(link.get("title") or "").strip() or None)
                     for link in meta.iterchildren(q("link")) if (link.get("href") or "").strip())
    if content is not None:
        _foreign_content(content, fields, metadata)
    fields["body"] = tuple(_foreign_body(item, fields))
    fields["links"] = tuple(links)
    fields["metadata"] = tuple(metadata)
    fields["provenance"] = model.Provenance(source=source, format="newsml")
    return model.Communique(**fields)  # type: ignore[arg-type]


def _foreign_content(content: etree._Element, fields: dict[str, object], metadata: list[model.MetaField]) -> None:
    """What contentMeta says: headlines, dateline, summary, genre, parties."""
    headlines = [h for h in content.iterchildren(q("headline")) if _text(h)]
    if headlines:
        fields["headline"] = _text(headlines[0])
        if len(headlines) > 1:
            fields["subheadline"] = _text(headlines[1])
    dateline = _text(content.find(q("dateline")))
    located = content.find(q("located"))
    place = _text(located.find(q("name"))) if located is not None else None
    if dateline:
        fields["dateline"] = model.Dateline(text=dateline, place=place)
    elif place:
        metadata.append(model.MetaField(name="newsml:located", value=place))
    summary = [t for d in content.iterchildren(q("description")) if (t := _text(d))]
    fields["summary"] = tuple(summary)
    for genre in content.iterchildren(q("genre")):
        code = genre.get("qcode", "")
        label = _text(genre.find(q("name")))
        if code.endswith(":Press_Release") and label:
            fields["kind"] = model.Kind(label=label, genre=Genre.PRESS_RELEASE)
            break
    source_party = content.find(q("infoSource"))
    if source_party is None:
        source_party = content.find(q("creator"))
    if source_party is not None:
        name = _text(source_party.find(q("name"))) or (source_party.get("literal") or "").strip()
        if name:
            fields["issuer"] = model.Issuer(name=name)
    contacts = [c for tag in ("creator", "contributor", "infoSource")
                for party in content.iterchildren(q(tag)) if (c := _party_contact(party))]
    fields["contacts"] = tuple(contacts)
    metadata.extend(model.MetaField(name=f"newsml:altId:{alt.get('type', '')}".rstrip(":"), value=value)
                    for alt in content.iterchildren(q("altId")) if (value := _text(alt)))
    metadata.extend(model.MetaField(name=f"newsml:{local}", value=value)
                    for local in ("slugline", "by", "creditline", "keyword")
                    for element in content.iterchildren(q(local)) if (value := _text(element)))


def _foreign_body(item: etree._Element, fields: dict[str, object]) -> Iterator[model.Block]:
    content_set = item.find(q("contentSet"))
    if content_set is None:
        return
    plain: str | None = None
    for rendition in content_set:
        if rendition.tag == q("inlineXML"):
            for root in rendition:
                if element_tag(root) is None:
                    continue
                if root.tag == _x("html"):
                    body = root.find(_x("body"))
                    if body is not None:
                        yield from _blocks_of([body], False)
                        return
                if root.tag == _n("nitf"):
                    yield from _nitf(root, fields)
                    return
                if etree.QName(root.tag).namespace == XHTML:
                    yield from _blocks_of([root], False)
                    return
        elif rendition.tag == q("inlineData") and plain is None:
            plain = rendition.text or ""
    if plain:
        for paragraph in re.split(r"\n\s*\n", plain):
            if paragraph.strip():
                yield model.Paragraph((model.Text(_SPACES.sub(" ", paragraph).strip()),))


def _nitf(root: etree._Element, fields: dict[str, object]) -> Iterator[model.Block]:
    body = root.find(_n("body"))
    if body is None:
        return
    head = body.find(_n("body.head"))
    if head is not None:
        hedline = head.find(_n("hedline"))
        if hedline is not None and "headline" not in fields:
            fields["headline"] = _text(hedline.find(_n("hl1")))
        dateline = _text(head.find(_n("dateline")))
        if dateline and "dateline" not in fields:
            fields["dateline"] = model.Dateline(text=dateline)
    for content in body.iterchildren(_n("body.content")):
        yield from _nitf_block(content)
    end = body.find(_n("body.end"))
    if end is not None and (tagline := _text(end)):
        fields["unclassified"] = (tagline,)


# ---------------------------------------------------------------------------
# Entry points.


def _is_own(item: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    inline = item.find(f"{{{NAR}}}contentSet/{{{NAR}}}inlineXML")
    if inline is None:
        return None
    html = inline.find(_x("html"))
    if html is None:
        return None
    body = html.find(_x("body"))
    if body is None or body.get("class") != "communique":
        return None
    return html, body


def _item(item: etree._Element, source: str | None, diagnostics: list[Diagnostic]) -> model.Communique:
    own = _is_own(item)
    if own is not None:
        return _own(*own)
    if item.tag != _NEWS_ITEM:
        diagnostics.append(Diagnostic(severity=Severity.INFO, code="newsml-not-news-item",
                                      message=f"a {etree.QName(item.tag).localname} is not a text item; "
                                              "read what it has", source=source, line=line_of(item)))
    return _foreign(item, source, diagnostics)


def _items(data: bytes, source: str | None) -> tuple[list[etree._Element], etree._Element]:
    try:
        root = parse(data).getroot()
    except Refusal as exc:
        raise ParseError(exc.message, source=source, line=exc.line, column=exc.column) from None
    if root.tag == _NEWS_MESSAGE:
        item_set = root.find(q("itemSet"))
        return ([child for child in item_set if child.tag in _ITEM_TAGS] if item_set is not None else []), root
    if root.tag in _ITEM_TAGS:
        return [root], root
    msg = f"the root element is {root.tag!r}, not a NewsML-G2 item or newsMessage"
    raise ParseError(msg, source=source, line=line_of(root), column=1)


def read_items(data: bytes, *, source: str | None = None) -> list[Reading]:
    """Every item of a newsItem or newsMessage, each with the reader's diagnostics."""
    items, _ = _items(data, source)
    readings = []
    for item in items:
        diagnostics: list[Diagnostic] = []
        try:
            communique = _item(item, source, diagnostics)
        except (InvalidValueError, ValueError) as exc:
            raise ParseError(f"cannot read this item: {exc}", source=source, line=line_of(item)) from None
        readings.append(Reading(communique=communique, diagnostics=diagnostics))
    return readings


def from_newsml(data: bytes, *, source: str | None = None) -> model.Communique:
    """Read a NewsML-G2 newsItem (or the first item of a newsMessage) into a communiqué.

    On items that :func:`to_newsml` wrote, this is its exact inverse. Other
    text items are read as far as they go: headline, dateline, summary,
    embargo, parties with contact details, and the XHTML, NITF or plain-text
    body. Raises :class:`~communique.ParseError` for input that is not
    well-formed, is refused by the hardened parser (entities, external DTD,
    too large), or is not NewsML-G2.

    .. versionadded:: 0.1.0
    """
    readings = read_items(data, source=source)
    if not readings:
        raise ParseError("the newsMessage carries no item", source=source, line=1, column=1)
    return readings[0].communique


def from_newsml_message(data: bytes, *, source: str | None = None) -> tuple[model.Communique, ...]:
    """Every item of a NewsML-G2 newsMessage (or the one item of a newsItem), in order.

    The inverse of :func:`to_newsml_message`.

    .. versionadded:: 0.1.0
    """
    return tuple(reading.communique for reading in read_items(data, source=source))


def read(data: bytes, *, source: str | None = None) -> Reading:
    """Reader entry of the format registry: NewsML-G2 bytes to a :class:`~communique.Reading`."""
    readings = read_items(data, source=source)
    if not readings:
        raise ParseError("the newsMessage carries no item", source=source, line=1, column=1)
    first = readings[0]
    if len(readings) > 1:
        note = Diagnostic(severity=Severity.INFO, code="newsml-more-items",
                          message=f"the newsMessage carries {len(readings)} items; only the first was read",
                          source=source)
        return Reading(communique=first.communique, diagnostics=(*first.diagnostics, note))
    return first
