"""The parts of a release told apart, for every reader.

A reader turns its input into blocks (paragraphs, headings, lists, rules) and
finds where the head ends and the tail begins by its own rules: a web page
marks headings and bold text, a text file only hints at them. What it finds
there is recorded the same way whatever the format, here:

- :class:`Parts`, the parts of the release found so far and the diagnostics
  about them, with one setter per head field (kind label, embargo,
  reference, dateline) that knows which of two candidates wins and what
  becomes of the loser;
- :func:`add_contacts`, a contact block read into contacts;
- :func:`read_tail`, the walk through the tail (contacts, "About X"
  sections, end marker, furniture) over the blocks a reader opens with an
  :class:`Opening`;
- :func:`choose_issuer`, the issuer from the strongest evidence a reader has;
- :meth:`Parts.reading`, the release the parts make up.

The readers stay in charge of their blocks: they say what a block opens
and how it is kept, through the small :class:`TailReader` interface.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Generic, Literal, Protocol, TypeVar

import attrs

from . import _recognize as rec
from ._contacts import emails_in, has_digit, parse_contacts, phones_in
from ._inline import Collected
from ._issuer import announcer, boilerplate_subject, headline_subject, without_article
from .diagnostics import Diagnostic
from .model import (
    Block,
    Boilerplate,
    Communique,
    Contact,
    Dateline,
    Embargo,
    Issuer,
    Kind,
    MetaField,
    Provenance,
    Reference,
)
from .reading import Reading
from .vocabulary import Severity

SENTENCE_END = re.compile(r"[.!?…][\"”»)’']*$")


def words(text: str) -> int:
    """How many words *text* has, as blanks separate them."""
    return len(text.split())


def body_like(text: str) -> bool:
    """Whether *text* reads as running text: a long line, or a sentence of some length."""
    # Counting up to 20 words is enough: no need to split a long paragraph into all of its words.
    count = len(text.split(maxsplit=20))
    return count >= 20 or (count >= 8 and bool(SENTENCE_END.search(text)))


# --------------------------------------------------------------------------
# The parts found so far


@attrs.define
class Parts:
    """The parts of a release a reader has found so far, and the diagnostics about them."""

    source: str | None
    language: str | None
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    kind: Kind | None = None
    dateline: Dateline | None = None
    #: A line that prints only a date, kept apart: the dateline may print none.
    date_line: Dateline | None = None
    date_line_at: int | None = None
    reference: Reference | None = None
    embargo: Embargo | None = None
    headline: str | None = None
    subheadline: str | None = None
    summary: list[str] = attrs.Factory(list)
    body: list[Block] = attrs.Factory(list)
    contacts: list[Contact] = attrs.Factory(list)
    boilerplate: list[Boilerplate] = attrs.Factory(list)
    end_marker: str | None = None
    #: The issuers that closing source lines name (``SOURCE Acme Corp.``), kept as ``source`` metadata.
    sources: list[str] = attrs.Factory(list)
    unclassified: list[str] = attrs.Factory(list)

    def note(self, severity: Severity, code: str, message: str, line: int | None = None) -> None:
        """Report a diagnostic about the input."""
        self.diagnostics.append(Diagnostic(severity=severity, code=code, message=message, source=self.source,
                                           line=line))

    def keep(self, text: str) -> None:
        """Keep text that no field claims."""
        text = text.strip()
        if text:
            self.unclassified.append(text)

    def reading(
        self, *, issuer: Issuer | None, collected: Collected, metadata: Sequence[MetaField], provenance: Provenance,
    ) -> Reading:
        """The release these parts make up, with the links and attachments met once each, and the diagnostics."""
        communique = Communique(
            language=self.language,
            kind=self.kind,
            issuer=issuer,
            dateline=self.dateline,
            reference=self.reference,
            embargo=self.embargo,
            headline=self.headline,
            subheadline=self.subheadline,
            summary=self.summary,
            body=self.body,
            contacts=self.contacts,
            links=collected.links,
            boilerplate=self.boilerplate,
            attachments=collected.unique_attachments(),
            end_marker=self.end_marker,
            metadata=[*metadata, *(MetaField(name="source", value=source) for source in self.sources)],
            unclassified=self.unclassified,
            provenance=provenance,
        )
        return Reading(communique=communique, diagnostics=self.diagnostics)

    def headline_or_keep(self, text: str) -> None:
        """The headline, unless one was found already."""
        if self.headline is None:
            self.headline = text
        else:
            self.keep(text)

    def take_label(self, found: rec.LabelMatch, *, reference_in_rest: bool = False) -> None:
        """A kind label; a second one is kept as text.

        What follows the label on its line is the headline, or, with
        *reference_in_rest*, a reference number when it reads as one
        (``Pressemitteilung Nr. 12``).
        """
        if self.kind is None:
            self.kind = Kind(label=found.label, genre=found.genre)
        else:
            self.keep(found.label)
        if not found.rest:
            return
        reference = rec.match_reference(found.rest, self.language) if reference_in_rest else None
        if reference is not None and self.reference is None:
            self.reference = Reference(number=reference.number, text=reference.text)
        else:
            self.headline_or_keep(found.rest)

    def take_embargo(self, found: rec.EmbargoMatch | None, line: int | None) -> bool:
        """The first embargo notice; whether *found* was taken."""
        if found is None or self.embargo is not None:
            return False
        self.embargo = found.embargo
        if found.problem:
            self.note(Severity.WARNING, f"embargo-{found.problem}",
                      f"embargo end left out: {found.detail or found.problem}", line)
        return True

    def take_reference(self, found: rec.ReferenceMatch | None) -> bool:
        """The first reference number; whether *found* was taken."""
        if found is None or self.reference is not None:
            return False
        self.reference = Reference(number=found.number, text=found.text)
        return True

    def take_dateline(self, found: rec.DatelineMatch, line: int | None) -> None:
        """A dateline, or a line that prints only a date.

        A later dateline wins over an earlier one (the page's short form
        above the release's own); a second date line is kept as text.
        """
        dateline = found.dateline
        if found.problem:
            self.note(Severity.WARNING, f"date-{found.problem}",
                      f"dateline date left out: {found.detail or found.problem}", line)
        if dateline.place is None and dateline.wire is None:
            if dateline.date is not None and self.date_line is None:
                self.date_line, self.date_line_at = dateline, line
            else:
                self.keep(dateline.text)
            return
        if self.dateline is not None:
            self.keep(self.dateline.text)
        self.dateline = dateline


def add_contacts(
    parts: Parts, lines: list[str], heading: str | None, printed: str = "",
) -> tuple[list[Contact], list[str]]:
    """Read a contact block into *parts*; return the contacts and the lines no contact took.

    The heading as *printed* joins the first contact's text, so that the
    contact keeps what the release says about it; with no contact, it is
    kept as text, as are the lines left over.
    """
    # A heading that asks the reader to get in touch ("For more information, contact") names no desk.
    desk = heading if heading and not rec.asks_for_information(heading) else None
    contacts, left = parse_contacts(lines, language=parts.language, heading=desk)
    printed = printed.strip()
    if contacts and printed:
        first = contacts[0]
        contacts[0] = attrs.evolve(first, text="\n".join(t for t in (printed, first.text) if t))
    elif printed:
        parts.keep(printed)
    parts.contacts.extend(contacts)
    for line in left:
        parts.keep(line)
    return contacts, left


def printed_heading(visible: str, rest: str) -> str:
    """The heading part of a line "Heading: rest", as printed.

    >>> printed_heading("Contact presse : Jeanne Exemple", "Jeanne Exemple")
    'Contact presse :'
    """
    rest = rest.strip()
    if rest and rest in visible:
        return visible[: visible.rindex(rest)].strip()
    return visible.strip()


# --------------------------------------------------------------------------
# The tail


class TailBlock(Protocol):
    """What the tail walk asks of a reader's block."""

    @property
    def kind(self) -> str:
        """``paragraph``, ``heading``, ``rule``, ... as the reader names its blocks."""

    @property
    def lines(self) -> Sequence[str]:
        """The block's lines, as a contact block reads them."""

    @property
    def visible(self) -> str:
        """The block's visible text, on one line."""

    @property
    def addresses(self) -> Sequence[str]:
        """E-mail addresses the block links to without printing them."""


B = TypeVar("B", bound=TailBlock)

#: What a block of the tail opens: a rule closes a section; an end marker
#: ends the release; a contact block, an "About X" section, or a section
#: under another heading begins; furniture is kept aside.
Opens = Literal["rule", "end", "source", "reference", "contact", "about", "heading", "furniture"]


@attrs.frozen
class Opening(Generic[B]):
    """What a block of the tail opens, as its reader tells it."""

    opens: Opens
    #: The heading of a section or contact block, as the cues name it.
    heading: str | None = None
    #: A contact heading as printed (``Contact presse :``); an end marker's text; the name a source line prints.
    printed: str = ""
    #: The contact block's own lines, or an end marker's line's other lines, kept as text.
    lines: Sequence[str] = ()
    #: The first blocks of a section the opening line itself holds ("About Acme: Acme makes ...").
    content: Sequence[B] = ()


class TailReader(Protocol[B]):
    """The reader's side of the tail walk: what its blocks open, and how it keeps them."""

    def opening(self, index: int, in_section: bool) -> Opening[B] | None:
        """What the tail block at *index* opens, if anything, with a section open or not."""

    def ends_contact(self, index: int) -> bool:
        """Whether the paragraph at *index* ends the contact block before it, by this reader's rules."""

    def keep_line(self, line: str) -> None:
        """Keep a line of the tail that no field claims."""

    def keep_block(self, index: int) -> None:
        """Keep a block of the tail that no field claims, outside any section."""

    def section(self, heading: str | None, blocks: Sequence[B]) -> Boilerplate | None:
        """The boilerplate section under *heading*, if it holds anything."""

    def found_contacts(self, contacts: Sequence[Contact], left: Sequence[str]) -> None:
        """Record what the reader needs of a contact block's contacts and of the lines they left (kept already)."""


def read_tail(parts: Parts, blocks: Sequence[B], reader: TailReader[B]) -> None:
    """Contacts, "About X" sections, the end marker and the rest after the body, into *parts*.

    A section runs from the line that opens it to the next opening; the
    blocks in between are its text. A contact block takes the short
    paragraphs after its heading, up to running text that prints neither a
    phone number nor an e-mail address.
    """
    heading: str | None = None
    content: list[B] | None = None
    carried = ""  # a contact heading with nothing under it, printed above the contact block that follows

    def close() -> None:
        nonlocal heading, content
        if content is not None:
            section = reader.section(heading, content)
            if section is not None:
                parts.boilerplate.append(section)
        heading, content = None, None

    index = 0
    while index < len(blocks):
        block = blocks[index]
        opening = reader.opening(index, content is not None)
        index += 1
        if opening is None:
            if content is not None:
                content.append(block)
            else:
                reader.keep_block(index - 1)
            continue
        close()
        if opening.opens in {"end", "source"}:
            _take_closing(parts, opening, reader)
        elif opening.opens == "contact":
            lines = list(opening.lines)
            addresses = list(block.addresses)
            while index < len(blocks) and _continues_contact(blocks[index]) and not reader.ends_contact(index):
                lines.extend(blocks[index].lines)
                addresses.extend(blocks[index].addresses)
                index += 1
            lines.extend(address for address in addresses if not any(address in line for line in lines))
            printed = "\n".join(part for part in (carried, opening.printed) if part)
            carried = ""
            following = reader.opening(index, False) if not lines and index < len(blocks) else None
            if following is not None and following.opens == "contact":
                carried = printed  # "Contacts", then "Media: Jane Doe, jane@acme.example"
                continue
            reader.found_contacts(*add_contacts(parts, lines, opening.heading, printed))
        elif opening.opens in {"about", "heading"}:
            heading, content = opening.heading, list(opening.content)
        elif opening.opens == "reference":
            # The release's number printed after it ("News release #: 18-001"); a second one is kept as text.
            if not parts.take_reference(rec.match_reference(opening.printed, parts.language)):
                parts.keep(opening.printed)
        elif opening.opens == "furniture":
            reader.keep_block(index - 1)
    close()


def repeats_headline(folded: str, text: str) -> bool:
    """Whether *text* is the headline again, *folded* being the headline as :func:`_recognize.fold` gives it."""
    # Folding changes a length little (blanks are collapsed already, "ß" becomes "ss"): a cheap first test.
    return abs(len(text) - len(folded)) <= len(folded) // 4 + 2 and rec.fold(text) == folded


def headline_again(headline: str | None, blocks: Sequence[TailBlock], start: int) -> int:
    """Where page residue ends the body: the headline printed again after it, alone, and the short lines above.

    A page saved whole prints the headline again below the release (in the
    page's metadata, above "Recent news"); the short lines just above that
    line (an image's address, an author, a time) are the same residue.
    Without such a line, the number of blocks: the residue ends nothing. Nor
    does a headline printed again above most of the release's running text
    (a page that prints it over its contacts, then over its text), the page's
    other news after it (``Recent news``) not counted.
    """
    if not headline:
        return len(blocks)
    target = rec.fold(headline)
    for again in range(start + 1, len(blocks)):
        block = blocks[again]
        if block.kind in {"paragraph", "heading"} and repeats_headline(target, block.visible):
            break
    else:
        return len(blocks)
    after = blocks[again + 1:]
    other_news = next((i for i, block in enumerate(after) if rec.is_related_heading(block.visible)), len(after))
    if _running_words(after[:other_news]) > _running_words(blocks[start:again]):
        return len(blocks)
    while again - 1 > start and blocks[again - 1].kind == "paragraph" and not body_like(
        blocks[again - 1].visible,
    ) and not SENTENCE_END.search(blocks[again - 1].visible):
        again -= 1
    return again


def _running_words(blocks: Sequence[TailBlock]) -> int:
    """How many words the paragraphs of running text among *blocks* hold."""
    return sum(words(block.visible) for block in blocks if block.kind == "paragraph" and body_like(block.visible))


def information_contacts(text: str, following: TailBlock | None) -> bool:
    """Whether a "more information" heading (``Para más información``) heads contacts: numbers follow it.

    Some releases head their contacts so, others a last section of text
    (``Weitere Informationen`` and links, among them a mailing list's
    address): the block after it tells, when it reads as a contact block and
    prints a phone number, or an e-mail address outside running text.
    """
    if following is None or not rec.is_information_heading(text):
        return False
    shown = following.visible
    # A phone number; or an address outside running text ("write to list-subscribe@… to hear more" is none).
    numbers = bool(phones_in(shown)) or (not body_like(shown) and bool(following.addresses or emails_in(shown)))
    # A paragraph that prints them reads as contacts already: only a list's items are still to be weighed.
    return numbers and (following.kind == "paragraph" or _continues_contact(following))


def _take_closing(parts: Parts, opening: Opening[B], reader: TailReader[B]) -> None:
    """An end marker or a source line: the value it prints, and the other lines of its block kept as text."""
    if opening.opens == "source":
        parts.sources.append(opening.printed)
    elif parts.end_marker is None:
        parts.end_marker = opening.printed
    else:
        parts.keep(opening.printed)
    for line in opening.lines:
        reader.keep_line(line)


def _continues_contact(block: TailBlock) -> bool:
    """A paragraph or a list after a contact heading belongs to it unless it reads as running text without a number.

    Contacts are often listed: a list (one block, ``list``, or a block per
    item, ``item``, as the reader names them) or a table (``table``, a line
    a row) belongs to the contact block
    when one of its items prints a phone number or an e-mail address (a
    list of topics does not) and none reads as running text without one.
    """
    if block.kind in {"list", "table"}:
        lines = block.lines
        return any(phones_in(line) or emails_in(line) for line in lines) and all(map(_contact_like, lines))
    text = block.visible  # asked only of paragraphs and items: a reader may work it out when asked
    if rec.is_related_heading(text):
        return False  # "Related Posts": the page's other news, after the contact block
    if block.kind == "item":
        return bool(phones_in(text) or emails_in(text))
    return block.kind == "paragraph" and _contact_like(text)


def _contact_like(text: str) -> bool:
    return not (body_like(text) and not phones_in(text) and not emails_in(text))


# --------------------------------------------------------------------------
# The issuer


def choose_issuer(
    parts: Parts, announcement: str, *, header: Issuer | None = None, site: str | None = None,
    publisher: str | None = None, from_headline: bool = False, organization_words: int = 1,
) -> Issuer | None:
    """The issuer, from the strongest evidence the reader found.

    In order: the issuer *header* printed above the release; the issuer a
    wire's closing source line names; the subject that makes the
    *announcement* (the body's first paragraph or sentence); a name that is
    no wire's in the dateline's wire slot (``/ Acme Corp. /``); the *site* the
    page's title names; the subject of an "About X" section; the page's
    *publisher*; with *from_headline*, the headline's subject; the
    organization of a contact whose name has at least *organization_words*
    words (a desk label such as "Media:" names no issuer).
    """
    if header is not None:
        return header
    if parts.sources:
        return Issuer(name=parts.sources[0])
    found = announcer(announcement) if announcement else None
    if found:
        return Issuer(name=without_article(found))
    carrier = parts.dateline.wire if parts.dateline is not None else None
    if carrier and not rec.names_a_wire(carrier) and not has_digit(carrier):
        # "Irvine, United States - October 16, 2024 / Brainy Actz Escape Rooms /": the slot where a wire
        # names itself holds the company that sends the release.
        return Issuer(name=carrier)
    if site:
        return Issuer(name=site)
    for section in parts.boilerplate:
        subject = boilerplate_subject(section.heading or "", parts.language)
        if subject and not rec.names_a_wire(subject):  # "About NetworkNewsWire": the wire that carries it
            return Issuer(name=subject)
    if publisher:
        return Issuer(name=publisher)
    subject = headline_subject(parts.headline) if from_headline and parts.headline else None
    if subject:
        return Issuer(name=subject)
    for contact in parts.contacts:
        if contact.organization and len(contact.organization.split()) >= organization_words:
            return Issuer(name=contact.organization)
    return None
