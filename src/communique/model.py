"""The typed model of a press release: :class:`Communique` and its parts.

Every class is a frozen, slotted attrs class; sequences are tuples (lists
given to a constructor are turned into tuples), so a communiqué can be
hashed, shared between threads and compared with ``==``.

The model knows no format. Reading and writing JSON, NewsML-G2 or HTML is
the business of the format modules; this module imports only attrs, the
standard library and the package's own vocabularies and errors.

>>> release = Communique(
...     headline="Acme opens a plant in Lyon",
...     dateline=Dateline(text="Lyon, le 3 mars 2025", place="Lyon",
...                       date=datetime.date(2025, 3, 3)),
...     body=[Paragraph([Text("Acme opened its plant today.")])],
... )
>>> release.dateline.date.isoformat()
'2025-03-03'
>>> release.body[0].plain_text
'Acme opened its plant today.'
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any, TypeAlias

import attrs

from .exceptions import InvalidValueError
from .vocabulary import Genre

__all__ = [
    "Attachment",
    "Block",
    "Boilerplate",
    "BulletList",
    "Communique",
    "Contact",
    "Dateline",
    "Embargo",
    "Emphasis",
    "Heading",
    "Hyperlink",
    "Inline",
    "Issuer",
    "Kind",
    "LineBreak",
    "Link",
    "ListItem",
    "MetaField",
    "OrderedList",
    "Paragraph",
    "Provenance",
    "Quote",
    "Reference",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "plain_text",
]

def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Freeze any iterable into a tuple (attrs converter).

    Typed loosely on purpose: the attrs mypy plugin cannot carry a generic
    converter's type variable into ``__init__``; each field's own annotation
    states the element type.
    """
    return tuple(items)


# Characters that no XML 1.0 document can carry: C0 controls other than tab,
# newline and carriage return, lone surrogates, and the two non-characters.
# Readers turn them into diagnostics; the model refuses them, so that every
# communiqué can be written to every format.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _string(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string carries only characters that text formats can carry."""
    if not isinstance(value, str):
        msg = f"{type(instance).__name__}.{attribute.name} must be a string, got {type(value).__name__}"
        raise InvalidValueError(msg)
    # Printable text (no controls, surrogates or non-characters) is the rule: a test in C skips the scan.
    bad = None if value.isprintable() else _NOT_TEXT.search(value)
    if bad:
        msg = f"{type(instance).__name__}.{attribute.name} holds the control character U+{ord(bad.group()):04X}"
        raise InvalidValueError(msg)


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A required string must hold something other than white space."""
    _string(instance, attribute, value)
    if not str(value).strip():
        msg = f"{type(instance).__name__}.{attribute.name} must not be empty"
        raise InvalidValueError(msg)


def _optional_text(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """An optional string is either absent or holds something."""
    if value is not None:
        _text(instance, attribute, value)


def _texts(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    """Every string of a tuple of strings holds something."""
    for item in value:
        _text(instance, attribute, item)


def _aware(
    instance: object, attribute: attrs.Attribute[datetime.datetime | None], value: datetime.datetime | None,
) -> None:
    """Date-times carry a UTC offset: a naive time is a guess about the zone."""
    if value is not None and value.utcoffset() is None:
        msg = f"{type(instance).__name__}.{attribute.name} must be timezone-aware, got {value.isoformat()}"
        raise InvalidValueError(msg)


def _plain_date(
    instance: object, attribute: attrs.Attribute[datetime.date | None], value: datetime.date | None,
) -> None:
    """A calendar date is a date, not a date-time in disguise."""
    if isinstance(value, datetime.datetime):
        msg = f"{type(instance).__name__}.{attribute.name} must be a date, not a datetime"
        raise InvalidValueError(msg)


# BCP 47, simplified: a primary language subtag and optional subtags.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")


def _language(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not _LANGUAGE_TAG.match(value):
        msg = f"{type(instance).__name__}.{attribute.name} must be a BCP 47 tag such as 'fr' or 'en-US', got {value!r}"
        raise InvalidValueError(msg)


# ---------------------------------------------------------------------------
# Inline runs: the content of paragraphs, headings, list items and cells.


def _nonempty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An inline text run may be white space (between two bold words), never empty."""
    _string(instance, attribute, value)
    if value == "":
        msg = f"{type(instance).__name__}.{attribute.name} must not be empty"
        raise InvalidValueError(msg)


@attrs.frozen
class Text:
    """A run of plain text; white space alone is a valid run, an empty string is not.

    >>> Text("Paris").text
    'Paris'
    """

    text: str = attrs.field(validator=_nonempty)

    @property
    def plain_text(self) -> str:
        """The text itself."""
        return self.text


@attrs.frozen
class LineBreak:
    """A forced line break inside a block (``<br>``, a Markdown hard break)."""

    @property
    def plain_text(self) -> str:
        """A newline."""
        return "\n"


@attrs.frozen
class Emphasis:
    """Emphasised text, usually set in italics."""

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return plain_text(self.content)


@attrs.frozen
class Strong:
    """Strongly emphasised text, usually set in bold."""

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return plain_text(self.content)


@attrs.frozen
class Hyperlink:
    """Text that links to a URL, inside running text.

    >>> Hyperlink([Text("our site")], url="https://example.org").plain_text
    'our site'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)
    url: str = attrs.field(validator=_text)

    @property
    def plain_text(self) -> str:
        """The visible text without markup."""
        return plain_text(self.content)


Inline: TypeAlias = Text | LineBreak | Emphasis | Strong | Hyperlink
"""Any inline run."""


def plain_text(runs: Iterable[Inline]) -> str:
    """The text of inline runs without markup.

    >>> plain_text([Text("a "), Strong([Text("bold")]), Text(" move")])
    'a bold move'
    """
    return "".join(run.plain_text for run in runs)


# ---------------------------------------------------------------------------
# Blocks: the body of a release and of boilerplate sections.


@attrs.frozen
class Paragraph:
    """A paragraph of running text."""

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return plain_text(self.content)


def _heading_level(instance: Heading, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        msg = f"Heading.level must be an integer from 1 to 6, got {value!r}"
        raise InvalidValueError(msg)


@attrs.frozen
class Heading:
    """A heading inside the body (a cross-head), of level 1 to 6."""

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)
    level: int = attrs.field(default=2, validator=_heading_level)

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return plain_text(self.content)


@attrs.frozen
class ListItem:
    """One item of a list: a line of inline text, then any nested blocks."""

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class BulletList:
    """An unordered list (``-``, ``*``, ``•`` items, ``<ul>``)."""

    items: tuple[ListItem, ...] = attrs.field(converter=_tuple)


def _start(instance: OrderedList, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        msg = f"OrderedList.start must be a non-negative integer, got {value!r}"
        raise InvalidValueError(msg)


@attrs.frozen
class OrderedList:
    """A numbered list (``1.`` items, ``<ol>``), numbered from *start*."""

    items: tuple[ListItem, ...] = attrs.field(converter=_tuple)
    start: int = attrs.field(default=1, validator=_start)


@attrs.frozen
class Quote:
    """A block quotation, with the person quoted when the release names them."""

    blocks: tuple[Block, ...] = attrs.field(converter=_tuple)
    attribution: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen
class TableCell:
    """One cell of a table."""

    content: tuple[Inline, ...] = attrs.field(converter=_tuple)
    header: bool = False


@attrs.frozen
class TableRow:
    """One row of a table."""

    cells: tuple[TableCell, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class Table:
    """A table, row by row, with an optional caption."""

    rows: tuple[TableRow, ...] = attrs.field(converter=_tuple)
    caption: str | None = attrs.field(default=None, validator=_optional_text)


Block: TypeAlias = Paragraph | Heading | BulletList | OrderedList | Quote | Table
"""Any block of the body."""


# ---------------------------------------------------------------------------
# The parts of a release.


@attrs.frozen(kw_only=True)
class Issuer:
    """Who issues the release: a person, an office, an organisation.

    *name* is the issuer as printed in short form (``FLEUR PELLERIN``,
    ``Acme Corp.``); *title* the office a person holds; *organization* the
    body behind a person; *text* the whole issuer header as printed.
    """

    name: str = attrs.field(validator=_text)
    title: str | None = attrs.field(default=None, validator=_optional_text)
    organization: str | None = attrs.field(default=None, validator=_optional_text)
    text: str | None = attrs.field(default=None, validator=_optional_text)


def _genre(value: Genre | str | None) -> Genre | None:
    """Accept a genre by its value (attrs converter)."""
    return None if value is None else Genre(value)


@attrs.frozen(kw_only=True)
class Kind:
    """The kind label as printed (``Communiqué de presse``) and its genre."""

    label: str = attrs.field(validator=_text)
    genre: Genre | None = attrs.field(default=None, converter=_genre)


@attrs.frozen(kw_only=True)
class Dateline:
    """Where and when the release was issued, as printed and as values.

    *text* keeps the dateline as printed (``Paris, le 24 juillet 2012``);
    *place*, *region* and *date* are what could be read exactly from it,
    and are ``None`` otherwise. *wire* names the distribution service of a
    wire dateline (``PRNewswire``, ``BUSINESS WIRE``).
    """

    text: str = attrs.field(validator=_text)
    place: str | None = attrs.field(default=None, validator=_optional_text)
    region: str | None = attrs.field(default=None, validator=_optional_text)
    date: datetime.date | None = attrs.field(default=None, validator=_plain_date)
    wire: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Reference:
    """The release's number: ``N° 046`` has *number* ``046``."""

    number: str = attrs.field(validator=_text)
    text: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class Embargo:
    """A publication embargo: the line as printed and, when known exactly, its end.

    *until* is always timezone-aware; an embargo whose time zone is not
    printed keeps its *text* and leaves *until* out.
    """

    text: str = attrs.field(validator=_text)
    until: datetime.datetime | None = attrs.field(default=None, validator=_aware)


def _e164(instance: Contact, attribute: attrs.Attribute[tuple[str | None, ...]], value: tuple[str | None, ...]) -> None:
    if value and len(value) != len(instance.phones):
        msg = "Contact.phones_e164 must be empty or have one entry per phone"
        raise InvalidValueError(msg)
    for number in value:
        if number is not None and not re.fullmatch(r"\+[1-9][0-9]{6,14}", number):
            msg = f"Contact.phones_e164 entries must be E.164 numbers such as '+33153184100', got {number!r}"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class Contact:
    """A press contact: one person or desk.

    *phones*, *emails* and *urls* are as printed. *phones_e164* is either
    empty or holds, for each phone, its E.164 form where the country is
    knowable and ``None`` where it is not. *text* is the contact as printed.
    """

    name: str | None = attrs.field(default=None, validator=_optional_text)
    role: str | None = attrs.field(default=None, validator=_optional_text)
    organization: str | None = attrs.field(default=None, validator=_optional_text)
    phones: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_texts)
    phones_e164: tuple[str | None, ...] = attrs.field(default=(), converter=_tuple, validator=_e164)
    emails: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_texts)
    urls: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_texts)
    text: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Link:
    """A URL that the release carries, with the text it was shown as."""

    url: str = attrs.field(validator=_text)
    text: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Boilerplate:
    """A standing section about an organisation (``About Acme``, ``À propos de ...``)."""

    heading: str | None = attrs.field(default=None, validator=_optional_text)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class Attachment:
    """A file that goes with the release: a photo, a PDF, a video."""

    url: str = attrs.field(validator=_text)
    title: str | None = attrs.field(default=None, validator=_optional_text)
    media_type: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class MetaField:
    """A named value that came with the release but has no field of its own.

    YAML front matter keys, HTML ``<meta>`` tags and the like end up here, so
    that nothing the input carried is lost.
    """

    name: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_string)


@attrs.frozen(kw_only=True)
class Provenance:
    """Where the communiqué was read from."""

    source: str | None = attrs.field(default=None, validator=_optional_text)
    format: str | None = attrs.field(default=None, validator=_optional_text)
    url: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Communique:
    """A press release: who issued it, where and when, and what it says.

    Every field is optional, because real releases leave parts out; a
    reader that cannot read a value exactly leaves it ``None`` and says so
    in a :class:`~communique.Diagnostic`. Text that no field claims goes to
    *unclassified*, so that nothing of the input is lost.
    """

    #: BCP 47 tag of the release's language (``fr``, ``en-US``).
    language: str | None = attrs.field(default=None, validator=_language)
    #: The kind label (``Communiqué de presse``).
    kind: Kind | None = None
    #: Who issues the release.
    issuer: Issuer | None = None
    #: Where and when.
    dateline: Dateline | None = None
    #: The release's number.
    reference: Reference | None = None
    #: An embargo on publication.
    embargo: Embargo | None = None
    #: The main title, without markup.
    headline: str | None = attrs.field(default=None, validator=_optional_text)
    #: A second title or chapô under the headline.
    subheadline: str | None = attrs.field(default=None, validator=_optional_text)
    #: Summary points printed between the headline and the body.
    summary: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_texts)
    #: The body: paragraphs, lists, headings, quotes, tables.
    body: tuple[Block, ...] = attrs.field(default=(), converter=_tuple)
    #: Press contacts, one per person or desk.
    contacts: tuple[Contact, ...] = attrs.field(default=(), converter=_tuple)
    #: Every URL of the release.
    links: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    #: "About X" sections.
    boilerplate: tuple[Boilerplate, ...] = attrs.field(default=(), converter=_tuple)
    #: Files that go with the release.
    attachments: tuple[Attachment, ...] = attrs.field(default=(), converter=_tuple)
    #: The end marker as printed (``###``, ``-30-``, ``FIN``).
    end_marker: str | None = attrs.field(default=None, validator=_optional_text)
    #: Named values without a field of their own (front matter, meta tags).
    metadata: tuple[MetaField, ...] = attrs.field(default=(), converter=_tuple)
    #: Text that no other field claims, in input order.
    unclassified: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_texts)
    #: Where the release was read from.
    provenance: Provenance | None = None
