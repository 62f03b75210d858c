"""Press contacts: phones, e-mail addresses, names and roles out of a contact block.

Used by every reader that meets a contact block as text. The functions take
the block's lines as printed; each :class:`~communique.Contact` keeps its
lines in ``text``, so that nothing is lost when a part cannot be told.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .model import Contact

# A phone: an optional +country, an optional (area), then digits with the
# usual separators. Bounded, so no backtracking storm on long digit runs.
_PHONE = re.compile(
    r"(?<![\w+/])(?:\+\s?\d{1,3}[\s.\-]?(?:\(0\)\s?)?)?(?:\(\d{1,5}\)[\s.\-]?)?\d{1,5}(?:[\s.\-/]\d{1,8}){1,6}(?![\w/])"
    r"|(?<![\w+])\+\d{7,15}(?!\w)|(?<!\w)0\d{9,10}(?!\w)",
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![\w-])")
# A company's abbreviation glued before an address by a page that lost its line breaks ("Acme, Inc.jdoe@…"):
# capitalised, as an address's local part seldom is.
_GLUED_COMPANY = re.compile(r"^(?:Inc|Ltd|LLC|Corp|Co|GmbH|AG|plc|S\.A|SA|Srl|BV|NV)\.(?=[a-z])")
# The bracketed "at" that every obfuscated address holds.
_BRACKETED_AT = re.compile(r"[\[({]\s*(?:at|@|arobase|arroba|ät)\s*[\])}]", re.IGNORECASE)
_OBFUSCATED = re.compile(
    r"(?<![\w.])([\w.+-]{1,64})\s*[\[({]\s*(?:at|@|arobase|arroba|ät)\s*[\])}]\s*"
    r"([\w-]{1,63}(?:\s*(?:[\[({]\s*(?:dot|point|punkt)\s*[\])}]|\.)\s*[\w-]{1,63}){1,6})",
    re.IGNORECASE,
)
_DOT_WORD = re.compile(r"\s*(?:[\[({]\s*(?:dot|point|punkt)\s*[\])}]|\.)\s*", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}$")
_PHONE_LABEL = re.compile(
    r"(?<=[\d)])\s*(Office|Mobile|Cell|Direct|Fax|Tel|Phone|Main|Mob|Portable|Handy)(?=[A-Z][\w.+-]*@)",
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\||•|·|–|—|\s-\s|:\s|\n|\t|\s{2,})\s*")
_GLUED_TITLES = ("CEO", "CFO", "COO", "CTO", "CMO", "CIO", "EVP", "SVP", "VP", "PR")
_UNGLUE = (
    re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z]{2,}[a-z]?)"),  # "PresidentPCG"
    # "CEONephros": a title's capitals glued to a name (not "APPlife", a name in capitals and small letters)
    re.compile("(?:" + "|".join(f"(?<=\\b{title})" for title in _GLUED_TITLES) + ")(?=[A-Z][a-z]{2,})"),
    re.compile(r"(?<=[a-z.])(?=\(\d)"),  # "Inc.(646)"
    re.compile(r"(?<=\))(?=[A-Za-z])"),  # ")Los Angeles"
    re.compile(r"(?<=[a-z])(?=www\.)"),  # "Californiawww."
    re.compile(r"(?<=\.(?:com|org|net|gov|edu))(?=\d)"),  # ".com310"
    re.compile(r"(?<=\d)(?=[A-Za-z][\w.+-]*@)"),  # "8656ksmith@"
    re.compile(r"(?<=[a-z\d])(?=(?:Tel|Phone|Fax|Email|E-mail|Mobile|Cell)\s*:)"),  # "RelationsTel:", "3205Email:"
    re.compile(r"(?<=[a-z])(?=(?:Investor|Media|Press|Public) Relations\b)"),  # "SolutionsInvestor Relations"
    re.compile(r"(?:(?<=\bInc\.)|(?<=\bLtd\.)|(?<=\bCorp\.)|(?<=\bLLC\.))(?=[A-Z][a-z])"),  # "Inc.Jeff"
    re.compile(r"(?<=[A-Z]{2})(?=[a-z][\w.+-]*@)"),  # "CEOjramson@"
)
_ORGANIZATION_WORDS = frozenset(
    """inc inc. llc ltd ltd. gmbh ag sa sas sarl plc corp corp. co. company group office agency department
    ministère ministry ministerium ministerio cabinet service services bureau foundation fondation stiftung
    fundación university université universität universidad association verein asociación council county
    communications relations partners advisory pr media press presse prensa newswire network institute
    institut instituto oficina büro agence contact contacts kontakt contacto website center centre centro zentrum
    clinic clinique klinik clínica hospital hôpital solutions systems technologies laboratories departamento
    département abteilung dirección direction gabinete comunicación communication kommunikation agencia
    agentur mairie ville préfecture commune région rathaus stadt stadtverwaltung gemeinde landratsamt
    ayuntamiento alcaldía gobierno municipio diputación city town township borough government gouvernement
    regierung""".split(),
)
_ROLE_WORDS = frozenset(
    """director directrice directeur directora manager officer president président presidente ceo cfo coo cto
    spokesperson spokesman spokeswoman porte-parole sprecher sprecherin pressesprecher pressesprecherin
    attaché attachée chargé chargée conseiller conseillère responsable head chef chief leiter leiterin
    referent referentin portavoz jefe jefa coordinator coordinatrice coordinador specialist associate
    executive vice editor rédacteur rédactrice secretary secrétaire advisor adviser consultant counsel lead
    co-lead liaison representative""".split(),
)
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][\w’'.-]*|[A-ZÀ-Þ]{2,}|(?:de|da|di|van|von|der|den|del|la|le|du|y)\Z")


_COMPANY_SUFFIX = re.compile(r",\s*(?=(?:Inc|LLC|Ltd|GmbH|S\.?A|SAS|AG|plc|Corp)\b\.?)")


def _unglue(text: str) -> str:
    """Put field breaks where a page flattening glued fields together."""
    for pattern in _UNGLUE:
        text = pattern.sub("\n", text)
    return _COMPANY_SUFFIX.sub(" ", text)


def phones_in(text: str) -> list[str]:
    """Phone numbers in *text*, as printed, in order.

    >>> phones_in("Tél. : 01 53 18 41 00 / +33 6 12 34 56 78, fax (305) 547-0535")
    ['01 53 18 41 00', '+33 6 12 34 56 78', '(305) 547-0535']
    """
    found: list[str] = []
    # A phone has digits: the scan for one is far cheaper than the phone pattern's at every position.
    if not _DIGIT.search(text):
        return found
    for match in _phone_matches(text):
        printed = match.group().strip(" .-/")
        digits = _NOT_DIGIT.sub("", printed)
        if not 7 <= len(digits) <= 15 or _DATE_LIKE.match(printed):
            continue
        if _ZIP_PLUS_FOUR.fullmatch(printed):  # a US ZIP+4 code
            continue
        if _YEAR_AND_NUMBER.fullmatch(printed):  # a year and a number
            continue
        found.append(printed)
    return found


def _phone_matches(text: str) -> Iterator[re.Match[str]]:
    """What :data:`_PHONE` finds in *text*, looked for only in the runs of characters a phone number is made of.

    Every character the pattern matches is a digit, a blank or one of ``.-/()+``, so a match lies in
    such a run that holds a digit; the pattern, tried at every position, costs hundreds of
    instructions a character, the runs' scan a few. The pattern still sees the character after a
    run (its look-ahead) and those before it (its look-behinds).
    """
    for run in _PHONE_RUN.finditer(text):
        start = run.start()  # the run, from its first digit: back to its first character
        while start and (text[start - 1] in _PHONE_MARKS or text[start - 1].isspace()):
            start -= 1
        yield from _PHONE.finditer(text, start, min(len(text), run.end() + 1))


# From a digit (which the engine finds quickly), the characters a phone number is printed with.
_PHONE_RUN = re.compile(r"\d[\d\s.\-/()+]*")
_PHONE_MARKS = frozenset(".-/()+")
_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D")
_ZIP_PLUS_FOUR = re.compile(r"\d{5}-\d{4}")
_YEAR_AND_NUMBER = re.compile(r"(?:19|20)\d{2}(?:[\s./-]\d+)?")


def emails_in(text: str) -> list[str]:
    """E-mail addresses in *text*, obfuscated ones decoded, in order.

    >>> emails_in("presse@acme.example, jean [at] acme [dot] example")
    ['presse@acme.example', 'jean@acme.example']
    >>> emails_in("Jane Doe, PresidentAcme Advisory, Inc.jdoe@acme.example")  # a line that lost its breaks
    ['jdoe@acme.example']
    """
    # An address prints "@"; an obfuscated one, a bracket: most text has neither, and needs no scan.
    found = [_GLUED_COMPANY.sub("", address) for address in _EMAIL.findall(text)] if "@" in text else []
    if _has_bracket(text):
        for match in _OBFUSCATED.finditer(text):
            domain = _DOT_WORD.sub(".", match.group(2))
            found.append(f"{match.group(1)}@{domain}")
    return found


def _has_bracket(text: str) -> bool:
    """Whether *text* may hold an obfuscated address (``jean [at] acme [dot] example``): its bracketed "at".

    :data:`_OBFUSCATED` tries a local part at every word of the text; this
    test, one scan for a bracket and a regular expression from there, spares
    that for the many texts that print brackets but no such address.
    """
    return ("(" in text or "[" in text or "{" in text) and _BRACKETED_AT.search(text) is not None


# National numbering plans that tell the country from a number's shape,
# by the release's language. Only shapes that belong to one country are here.
_NATIONAL = (
    ("fr", re.compile(r"0[1-9]\d{8}"), "33", 1),
    ("es", re.compile(r"[6-9]\d{8}"), "34", 0),
    ("en", re.compile(r"1?[2-9]\d{2}[2-9]\d{6}"), "1", 0),
)


_TRUNK_ZERO = re.compile(r"^(\d{1,3})0(?=\d{8,})")
_US_STYLE = re.compile(r"(?:1[\s.-])?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}")


def e164(printed: str, language: str | None) -> str | None:
    """The E.164 form of a printed phone number, when its country is knowable.

    A number with a ``+`` prefix carries its country; a national number is
    read only where its shape belongs to one numbering plan for the
    release's language (French ``0X XX XX XX XX``, Spanish nine digits,
    North American ten digits written in the US style in English releases).

    >>> e164("01 53 18 41 00", "fr"), e164("+49 2735 7227", "de"), e164("(646) 823-8656", "en")
    ('+33153184100', '+4927357227', '+16468238656')
    >>> e164("0211 123456", "de") is None
    True
    """
    digits = _NOT_DIGIT.sub("", printed)
    if printed.lstrip().startswith("+"):
        digits = _TRUNK_ZERO.sub(r"\1", digits) if "(0)" in printed else digits
        return "+" + digits if 7 <= len(digits) <= 15 else None
    base = (language or "").split("-")[0].lower()
    for lang, shape, country, trunk in _NATIONAL:
        if lang != base or not shape.fullmatch(digits):
            continue
        if lang == "en":
            if not _US_STYLE.fullmatch(printed.strip()):
                return None
            return "+1" + digits[-10:]
        return "+" + country + digits[trunk:]
    return None


_WORD = re.compile(r"[\w’'.-]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def looks_like_name(text: str) -> bool:
    """Whether *text* reads like a person's name: two to five capitalised words."""
    if len(text) > 60 or has_digit(text):
        return False
    words = _words(text)
    if not 2 <= len(words) <= 5:
        return False
    lowered = set(map(str.strip, map(str.lower, words), itertools.repeat(".")))
    if not lowered.isdisjoint(_ORGANIZATION_WORDS) or not lowered.isdisjoint(_ROLE_WORDS):
        return False
    return all(map(_NAME_WORD.match, words)) and words[0][0].isupper()


def has_digit(text: str) -> bool:
    """Whether *text* has a character that :meth:`str.isdigit` takes for a digit (``²`` is one)."""
    # In ASCII text, whose flag costs nothing to read, the digits are 0-9: one scan in C finds them.
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


_ASCII_DIGIT = re.compile(r"[0-9]")


def looks_like_role(text: str) -> bool:
    """Whether *text* names a function (Director of Communications, attachée de presse)."""
    words = {w.lower().strip(".,") for w in _words(text)}
    return bool(words & _ROLE_WORDS) and len(text) <= 80


# A label, a colon and a web address alone: "Website: https://acme.example".
_LABELLED_LINK = re.compile(r"([^:/]{1,40}):\s+\S+")
_WEB_LABELS = frozenset({
    "website", "web site", "web", "site", "site web", "site internet", "internet", "url", "homepage", "home page",
    "página web", "sitio web", "webseite", "internetseite",
    # A contact's own accounts on the social networks.
    "twitter", "x", "linkedin", "facebook", "instagram", "youtube", "mastodon", "bluesky", "threads", "tiktok", "xing",
})


def _read_pieces(
    raw: str, pieces: list[str], names: list[str], details: tuple[list[str], list[str], list[str]], *,
    current: _Draft, drafts: list[_Draft],
) -> _Draft:
    """Read a line's pieces and details into *current*; return the draft that the line leaves open.

    A second name on the line starts another person when a phone number or
    an e-mail address comes before it (``Jane Doe 555-0100, John Roe
    555-0101``: what comes before the new name is the first person's);
    before any, it is where the first person works (``Jane Doe – Agence
    Exemple – 01 …``).
    """
    phones, emails, urls = details
    for piece in pieces:
        if piece in names and current.name is None:
            current.name = piece
        elif piece in names and not (current.phones or current.emails or _details_before(raw, piece, phones, emails)):
            current.organization = current.organization or piece
        elif piece in names:
            at = raw.find(piece)
            current.phones.extend(p for p in phones if 0 <= raw.find(p) < at and p not in current.phones)
            current.emails.extend(e for e in emails if 0 <= raw.find(e) < at and e not in current.emails)
            phones = [p for p in phones if not 0 <= raw.find(p) < at]
            emails = [e for e in emails if not 0 <= raw.find(e) < at]
            drafts.append(current)
            current = _Draft()
            current.name = piece
        elif current.role is None and looks_like_role(piece):
            current.role = piece
        elif current.organization is None and looks_like_organization(piece):
            current.organization = piece
    current.phones.extend(p for p in phones if p not in current.phones)
    current.emails.extend(e for e in emails if e not in current.emails)
    current.urls.extend(u for u in urls if u not in current.urls)
    return current


def _details_before(line: str, piece: str, phones: list[str], emails: list[str]) -> bool:
    """Whether the line prints a phone number or an e-mail address before *piece*."""
    at = line.find(piece)
    return any(0 <= line.find(detail) < at for detail in (*phones, *emails))


def _labelled_link(raw: str, urls: list[str], current: _Draft, left: list[str]) -> bool:
    """Take a line of a label and a web address: ``Website: https://…`` is the contact's, other labels' are left.

    ``Original Source: https://…`` names no person. Returns whether the line was such a line.
    """
    labelled = _LABELLED_LINK.fullmatch(raw.strip())
    if labelled is None:
        return False
    if labelled.group(1).strip().lower() in _WEB_LABELS:
        current.lines.append(raw)
        current.urls.extend(url for url in urls if url not in current.urls)
    else:
        left.append(raw)
    return True


def looks_like_organization(text: str) -> bool:
    """Whether *text* names a company, an office or an agency."""
    words = {w.lower() for w in _words(text)}
    return bool(words & _ORGANIZATION_WORDS) and len(text) <= 100 and not has_digit(text[:3])


_FIRST_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]{1,20}")


def _single_name(text: str) -> bool:
    """A lone capitalised word opening a block is a first name ("Leo"), unless it is an acronym."""
    return bool(_FIRST_NAME.fullmatch(text)) and text.lower() not in _ORGANIZATION_WORDS | _ROLE_WORDS


class _Draft:
    """A contact being put together, piece by piece."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.role: str | None = None
        self.organization: str | None = None
        self.phones: list[str] = []
        self.emails: list[str] = []
        self.urls: list[str] = []
        self.lines: list[str] = []

    @property
    def empty(self) -> bool:
        return not (self.name or self.phones or self.emails)

    def build(self, language: str | None) -> Contact:
        normalized = [e164(p, language) for p in self.phones]
        text = "\n".join(line.strip() for line in self.lines if line.strip()) or None
        return Contact(
            name=self.name, role=self.role, organization=self.organization,
            phones=self.phones, phones_e164=normalized if any(normalized) else (),
            emails=self.emails, urls=self.urls, text=text,
        )


_LETTER = re.compile(r"[^\W\d_]")


# The words that label a phone number or an address ("Tel.", "E-mail:"): what is left of them is no name.
_FIELD_LABELS = frozenset({
    "t", "m", "f", "e", "p", "tel", "tél", "tele", "telephone", "téléphone", "telefon", "teléfono", "telefono",
    "phone", "fon", "fax", "mobile", "mobil", "móvil", "movil", "portable", "handy", "cell", "cellphone", "mob",
    "email", "e-mail", "mail", "courriel", "correo", "correo electrónico", "web", "internet", "site", "website",
    "office", "direct", "main",
})


def _line_parts(raw: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """A contact line's e-mail addresses, URLs and phone numbers, and the pieces of text left between them."""
    line = _PHONE_LABEL.sub(r" \1 ", _unglue(raw))
    emails = emails_in(line)
    rest = _EMAIL.sub(" ", line) if "@" in line else line
    rest = _OBFUSCATED.sub(" ", rest) if _has_bracket(rest) else rest
    urls: list[str] = []
    if "://" in rest or "www." in rest.lower():
        urls = [u.rstrip(".,;") for u in _URL.findall(rest)]
        rest = _URL.sub(" ", rest)
    if "(" in rest:
        rest = _ZONE_NOTE.sub(" ", rest)
    phones = phones_in(rest)
    for phone in phones:
        rest = rest.replace(phone, " ", 1)
    pieces = [_EDGE_CONNECTORS.sub("", p.strip(" .()[]*")) for p in _SEPARATORS.split(rest)]
    return emails, urls, phones, [p for p in pieces if p and _LETTER.search(p) and p.lower() not in _FIELD_LABELS]


# The time zone a contact works in, noted beside their name: "Jane Doe (UTC +08h00)", "(CET)".
_ZONE_NOTE = re.compile(r"\(\s*(?:UTC|GMT|CES?T|[ECMP][SD]T|BST)\b[^()]{0,12}\)")


# The small words that joined a piece of text to the number or address taken out beside it: "Jane Doe at
# 555-0100 or jane@…", "Jeanne Exemple au 01 00 00 00 00", "Max Muster unter 0170 …" (small letters only).
_EDGE_CONNECTORS = re.compile(
    r"^(?:(?:at|or|and|on|via|au|ou|et|unter|oder|und|al|o|y)(?:\s+|$))+|(?:\s+(?:at|or|and|on|via|au|ou|et|unter|oder|und|al|o|y))+$",
)


# A desk label on a line of its own: one to three words and a colon.
_DESK = re.compile(r"([^\W\d_][\w'’&.-]*(?:\s+[\w'’&.-]+){0,2})\s*:")


def parse_contacts(
    lines: list[str], *, language: str | None = None, heading: str | None = None,
) -> tuple[list[Contact], list[str]]:
    """The contacts in a contact block, one per person or desk.

    *lines* are the block's lines as printed (a blank line separates people
    where the block says nothing else). A new person starts where a second
    name appears after the first one's phone or e-mail address (before it, a
    name-like line alone is the person's organisation), or at a desk label
    on a line of its own (``Media:``), which becomes the role. A block with
    phones or e-mail addresses but no name still gives a contact, with the
    desk's *heading* as its role when there is one.

    Lines that give no contact (no name, phone or e-mail address) come back
    as the second item, so that the caller can keep them.

    >>> found, left = parse_contacts(["Jeanne Exemple, attachée de presse : 01 00 00 00 00",
    ...                               "Paul Modèle - paul@acme.example"], language="fr")
    >>> [c.name for c in found], left
    (['Jeanne Exemple', 'Paul Modèle'], [])
    """
    drafts: list[_Draft] = []
    current = _Draft()
    left: list[str] = []
    for raw in lines:
        if not raw.strip():
            continue
        emails, urls, phones, pieces = _line_parts(raw)
        names = [p for p in pieces if looks_like_name(p)]
        if not names and not current.lines and len(pieces) == 1 and _single_name(pieces[0]):
            names = pieces
        if urls and not (phones or emails) and _labelled_link(raw, urls, current, left):
            continue
        desk = _DESK.fullmatch(raw.strip()) if not (phones or emails) else None
        if desk is not None:
            # "Media:" or "Investors:" on a line of its own: the desk of the contact that follows.
            if not current.empty:
                drafts.append(current)
                current = _Draft()
            current.lines.append(raw)
            current.role = current.role or desk.group(1)
            continue
        if names == pieces and len(names) == 1 and current.name and not (
            current.phones or current.emails or current.organization or phones or emails
        ):
            # A name-like line between a person's name and their numbers is where they work
            # ("Jane Doe / Acme Outdoor / 555-0100"): a second person comes after the first one's details.
            names = []
            current.organization = pieces[0]
        if len(names) == 1 and (phones or emails) and current.name and len(current.lines) >= 2 and not (
            current.phones or current.emails or current.organization or _details_before(raw, names[0], phones, emails)
        ):
            # "Acme Escape Rooms", its address, then "Jane Doe +1 949 …": the name that comes with the numbers
            # is the person's; the one above it, with an address and no number, is where they work.
            current.organization, current.name = current.name, None
        if names and not current.empty:
            drafts.append(current)
            current = _Draft()
        current.lines.append(raw)
        current = _read_pieces(raw, pieces, names, (phones, emails, urls), current=current, drafts=drafts)
    if not current.empty or current.lines:
        drafts.append(current)
    contacts = []
    for draft in drafts:
        if draft.empty:
            left.extend(line for line in draft.lines if line.strip())
            continue
        if draft.name is None and draft.role is None and heading and not looks_like_name(heading):
            draft.role = heading
        contacts.append(draft.build(language))
    return contacts, left
