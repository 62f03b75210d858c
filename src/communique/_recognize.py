"""The recognition layer: what a line of a release is, by the language cues.

One copy of the logic, shared by the text and HTML readers: kind labels,
datelines, reference numbers, embargo lines, contact and boilerplate
headings, end markers. Each function takes a line's visible text (markup
already removed) and the cues to try, the release's own language first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import attrs

from . import dates
from ._contacts import has_digit
from .cues import LANGUAGES, LanguageCues, cues_for
from .model import Dateline, Embargo
from .vocabulary import Genre


# Tables by language are few (one per language tag met), but a page may
# declare any tag: a bounded cache keeps them from growing without end.
@functools.lru_cache(maxsize=32)
def cue_order(language: str | None) -> tuple[LanguageCues, ...]:
    """Every language's cues, the given language's first."""
    order = sorted(LANGUAGES, key=lambda lang: lang != (language or "").split("-")[0].lower())
    return tuple(cues_for(lang) for lang in order)


def fold(text: str) -> str:
    """Lower case, typographic apostrophes made plain, blanks collapsed."""
    # Two replaces beat a translate table (and ASCII text, whose flag costs
    # nothing to read, needs neither); split() takes no-break spaces for blanks.
    if not text.isascii():
        text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


# The combining marks that decomposing Latin letters leaves (U+034F, the grapheme joiner, is not one).
_LATIN_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    # Remove the usual marks in one scan; only text left with other non-ASCII
    # characters is checked character by character for other marks.
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_cue(kind: str) -> Callable[[str], str]:
    """How text is folded to be compared with the cues of a kind: kind labels lose their accents too."""
    return _fold_label if kind == "kind_labels" else fold


def _fold_label(text: str) -> str:
    return _strip_accents(fold(text))


def _opening_words(kind: str) -> set[str]:
    folded = _fold_cue(kind)
    return {folded(w) for lang in LANGUAGES for w in getattr(cues_for(lang), kind)}


@functools.cache
def _opening(kind: str) -> re.Pattern[str]:
    """One pattern for every language's cues of a kind: a cheap first test before the careful one."""
    return re.compile("|".join(re.escape(w) for w in sorted(_opening_words(kind), key=len, reverse=True)))


# Non-ASCII punctuation that opens many lines (quotations, list items).
_QUOTES_AND_DASHES = "“”„‟«»‹›‘’‚‛—–―•·…¡¿"


@functools.cache
def _may_open(kind: str) -> re.Pattern[str]:
    r"""A test of a line as printed that every line whose folded text :func:`_opening` matches passes.

    Folding a line costs more than the rest of most recognisers; this one
    regular expression spares it for the many lines that cannot open with
    a cue. Folding turns ASCII capitals to small letters and runs of blanks
    to one space, changes no other ASCII character, and folds every other
    character on its own. So a line whose folded text opens with a cue
    opens, past its blanks, with the cue's first three characters (case
    aside, a space as a run of blanks), or has among its first three
    characters other than blanks a non-ASCII one whose folding may be part
    of a cue's first three characters (typographic quotes and dashes are
    not, and a character folded to nothing may be).

    >>> opens = _may_open("contact_headings")
    >>> [bool(opens.match(line)) for line in (" CONTACT presse", "Le 3 mars", "Für Rückfragen", "« Nous")]
    [True, False, True, False]
    """
    folded = _fold_cue(kind)
    heads = {w[:3] for w in _opening_words(kind)}
    in_heads = set("".join(heads))
    quiet = "".join(re.escape(c) for c in _QUOTES_AND_DASHES if folded(c) and in_heads.isdisjoint(folded(c)))

    def printed(char: str) -> str:
        if char == " ":
            return r"\s+"
        return f"[{char}{char.upper()}]" if char.isalpha() else re.escape(char)

    cues = "|".join("".join(map(printed, head)) for head in sorted(heads) if head.isascii())
    return re.compile(rf"\s*(?:(?:\S\s*){{0,2}}[^\x00-\x7f\s{quiet}]|{cues})")


_EDGE = " \t*_#:|–—-•·>"


# --------------------------------------------------------------------------
# Kind labels


@attrs.frozen
class LabelMatch:
    """A kind label found at the start of a line, and what follows it."""

    label: str
    genre: Genre
    rest: str


@functools.lru_cache(maxsize=32)
def _label_table(language: str | None) -> tuple[tuple[str, Genre], ...]:
    table: dict[str, Genre] = {}
    for cues in cue_order(language):
        for label, genre in cues.kind_labels.items():
            table.setdefault(_strip_accents(fold(label)), genre)
    # Longest first, so "press release" wins over "press".
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


_LABEL_SEPARATOR = re.compile(r"\s*(?::|–|—|-|\|)\s*")


def match_label(line: str, language: str | None) -> LabelMatch | None:
    """A kind label that is the whole line, or opens it before a colon or a dash.

    >>> match_label("*Communiqué de presse*", "fr").label
    'Communiqué de presse'
    >>> m = match_label("For Immediate Release: Acme buys Beta", "en")
    >>> m.label, m.rest
    ('For Immediate Release', 'Acme buys Beta')
    >>> match_label("Press releases are great", "en") is None
    True
    """
    visible = line.strip(_EDGE)
    if not _may_open("kind_labels").match(visible):
        return None
    folded = _fold_label(visible[:200])
    if not folded or not _opening("kind_labels").match(folded):
        return None
    for label, genre in _label_table(language):
        if folded == label and len(visible) <= 200:
            return LabelMatch(visible, genre, "")
        if folded.startswith(label) and len(label) > 6:
            after = visible[len(label):]
            separator = _LABEL_SEPARATOR.match(after)
            if separator and separator.group().strip():
                return LabelMatch(visible[: len(label)], genre, after[separator.end():].strip())
            if after[:1].isspace() and match_reference(after.strip(), language):  # "Pressemitteilung Nr. 12/2015"
                return LabelMatch(visible[: len(label)], genre, after.strip())
    return None


def is_label_line(line: str, language: str | None) -> bool:
    """Whether the line is a kind label and nothing else.

    >>> is_label_line("Press release", "en"), is_label_line("Press release: Acme buys Beta", "en")
    (True, False)
    """
    found = match_label(line, language)
    return found is not None and not found.rest


# --------------------------------------------------------------------------
# Reference numbers


@attrs.frozen
class ReferenceMatch:
    """A reference number: the marker and number as printed, and the number."""

    text: str
    number: str


def match_reference(line: str, language: str | None) -> ReferenceMatch | None:
    """A short line that is a reference marker and a number (``N° 046``, ``Nr. 12/2024``).

    >>> match_reference("N° 046", "fr")
    ReferenceMatch(text='N° 046', number='046')
    >>> match_reference("No. 3 in the ranking of all firms", "en") is None
    True
    """
    visible = line.strip(_EDGE)
    # The number has a digit: most short lines have none, and need no folding.
    if len(visible) > 40 or not _DIGIT.search(visible):
        return None
    folded = fold(visible)
    markers = _reference_markers(language)
    if not folded.startswith(markers):
        return None
    for marker in markers:
        if not folded.startswith(marker):
            continue
        rest = visible[len(marker):].strip(" :.")
        if _REFERENCE_NUMBER.fullmatch(rest):
            return ReferenceMatch(visible, rest)
    return None


_DIGIT = re.compile(r"\d")
_REFERENCE_NUMBER = re.compile(r"[A-Z]{0,4}[-/]?\d[\w./-]{0,24}")


@functools.lru_cache(maxsize=32)
def _reference_markers(language: str | None) -> tuple[str, ...]:
    """Every language's reference markers, in the order they are tried."""
    return tuple(marker for cues in cue_order(language) for marker in cues.reference_markers)


# --------------------------------------------------------------------------
# Contact, boilerplate and end markers


@attrs.frozen
class HeadingMatch:
    """A section heading found at the start of a line, and what follows it on the line."""

    heading: str
    rest: str
    subject: str | None = None


_CONTACT_WORD = re.compile(r"\b(?:contacts?|kontakte?|contactos?|ansprechpartner(?:in)?|pressekontakt|"
                           r"medienkontakt|relations presse|press office|media relations|media inquiries)\b",
                           re.IGNORECASE)


_DESK_WORD = re.compile(r"media|press|presse|prensa|medien|medios|investors?|investor relations|"
                        r"relations investisseurs|inversores|inversionistas", re.IGNORECASE)
_COLON_AFTER = re.compile(r"\s*[*_]*\s*:")
_GLUED_AFTER = re.compile(r"[A-ZÀ-Þ+(]")
_THREE_DIGITS = re.compile(r"\d{3}")


@functools.lru_cache(maxsize=32)
def _contact_headings(language: str | None) -> tuple[str, ...]:
    """Every language's contact headings in the order they are tried: by language, the longest first."""
    return tuple(heading for cues in cue_order(language) for heading in sorted(cues.contact_headings, key=len,
                                                                                reverse=True))


def _cue_alternation(phrases: Iterable[str]) -> str:
    """One pattern for cue phrases, the longest first; blanks and apostrophes match as printed."""
    def phrase(text: str) -> str:
        return r"\s+".join(re.escape(word).replace("'", "['’]") for word in text.split())
    return "|".join(phrase(text) for text in sorted(set(phrases), key=len, reverse=True))


@functools.cache
def _invitation() -> re.Pattern[str]:
    every = [cues_for(lang) for lang in LANGUAGES]
    headings = [h for cues in every for h in (*cues.contact_headings, *cues.information_headings)]
    invitations = [phrase for cues in every for phrase in cues.contact_invitations]
    return re.compile(
        rf"(?P<heading>(?:{_cue_alternation(headings)})\s*,?\s*(?:{_cue_alternation(invitations)}))"
        r"(?=$|[\s:])[\s:]*(?P<rest>.*)",
        re.IGNORECASE | re.DOTALL,
    )


@functools.cache
def _information_phrases() -> re.Pattern[str]:
    return re.compile(_cue_alternation(h for lang in LANGUAGES for h in cues_for(lang).information_headings),
                      re.IGNORECASE)


def asks_for_information(heading: str) -> bool:
    """Whether a contact heading offers more information or invites contact, rather than naming a desk.

    >>> asks_for_information("For more information, contact"), asks_for_information("Media Relations")
    (True, False)
    """
    return bool(_information_phrases().search(heading) or _invitation().match(heading))


def match_contact_heading(line: str, language: str | None) -> HeadingMatch | None:
    """A contact heading opening the line (``Contact presse :``, ``Media Contact``, ``Contact DetailsLeo``).

    >>> match_contact_heading("**Contact presse :**", "fr")
    HeadingMatch(heading='Contact presse', rest='', subject=None)
    >>> match_contact_heading("CONTACTO: Havas Formula lotto@havasformula.com", "es").rest
    'Havas Formula lotto@havasformula.com'
    >>> match_contact_heading("Contact us to learn more about the plan.", "en") is None
    True
    >>> match_contact_heading("Media: Jane Doe, jane@acme.example", "en").heading
    'Media'
    """
    visible = line.strip(" \t*_#>")
    folded = ""
    opening = None
    if _may_open("contact_headings").match(visible):
        folded = fold(visible[:200])
        opening = _opening("contact_headings").match(folded)
        for heading in _contact_headings(language) if opening else ():
            if not folded.startswith(heading):
                continue
            after = visible[len(heading):]
            stripped = after.strip(" *_")
            if not stripped.strip(":"):
                return HeadingMatch(visible[: len(heading)], "")
            if _COLON_AFTER.match(after):
                return HeadingMatch(visible[: len(heading)], after.split(":", 1)[1].strip(" *_"))
            if _GLUED_AFTER.match(after) and not after.startswith(" "):
                return HeadingMatch(visible[: len(heading)], after.strip())
    # A heading that invites the reader to get in touch, then the contacts or nothing: "For further
    # information, please contact", "Pour plus d'informations, contactez : Jane …", any language's.
    # (It opens with a contact or an information heading: a line that opens with neither needs no try.)
    if not opening and len(visible) <= 300 and _may_open("information_headings").match(visible):
        folded = folded or fold(visible[:200])
        opening = _opening("information_headings").match(folded)
    invited = _invitation().match(visible) if opening and len(visible) <= 300 else None
    if invited:
        return HeadingMatch(invited["heading"], invited["rest"].strip(" *_"))
    # A short line ending in a colon that names contacts: "Investor Relations Contacts:".
    shown = visible.rstrip(" *_")
    if shown.endswith(":") and len(shown) <= 60 and _CONTACT_WORD.search(shown):
        return HeadingMatch(shown.rstrip(": "), "")
    # A short heading, then a colon and an address or a number: "Media: jane@acme.example".
    colon = visible.find(":", 0, 41)
    if colon < 0:
        return None
    head, rest = visible[:colon], visible[colon + 1:]
    if len(head.split()) <= 5 and ("@" in rest or _THREE_DIGITS.search(rest)) and _CONTACT_WORD.search(head):
        return HeadingMatch(head.strip(" *_"), rest.strip(" *_"))
    # A desk named alone, then an e-mail address on the line: "Media: Jane Doe, jane@acme.example".
    if "@" in rest and _DESK_WORD.fullmatch(head.strip(" *_")):
        return HeadingMatch(head.strip(" *_"), rest.strip(" *_"))
    return None


def names_contacts(title: str) -> bool:
    """Whether a short title names contacts, with words around the cue: ``Kontakt für Medien``.

    For a line the markup makes a heading: in running text such words say
    something else.

    >>> names_contacts("Kontakt für Medien"), names_contacts("Media contact for Acme")
    (True, True)
    >>> names_contacts("Contacts between the two firms grew in 2023 and 2024.")
    False
    """
    return len(title.split()) <= 6 and not title.rstrip().endswith((".", "!", "?")) and (
        _CONTACT_WORD.search(title) is not None)


def match_boilerplate_heading(line: str, language: str | None, *, heading: bool = False) -> HeadingMatch | None:
    """An "About X" heading (``About Acme``, ``À propos de l'IGN``, ``Über uns``), maybe followed by text.

    With *heading* (the markup says the line is a heading), a heading that
    ends in a full stop (``About Acme, Inc.``) is accepted too.

    >>> match_boilerplate_heading("**À propos de l’IGN**", "fr")
    HeadingMatch(heading='À propos de l’IGN', rest='', subject='l’IGN')
    >>> match_boilerplate_heading("About Hiber: Remote monitoring is hard.", "en").rest
    'Remote monitoring is hard.'
    >>> match_boilerplate_heading("About 200 people came.", "en") is None
    True
    >>> match_boilerplate_heading("About Acme, Inc.", "en", heading=True).subject
    'Acme, Inc.'
    >>> match_boilerplate_heading("Über uns", "de")
    HeadingMatch(heading='Über uns', rest='', subject=None)
    >>> match_boilerplate_heading("FORWARD-LOOKING STATEMENTS", "en")
    HeadingMatch(heading='FORWARD-LOOKING STATEMENTS', rest='', subject=None)
    """
    visible = line.strip(" \t*_#>")
    if len(visible) <= 90 and _may_open("disclaimer_headings").match(visible) and fold(
        visible.rstrip(" *_:"),
    ) in _cue_set("disclaimer_headings"):
        return HeadingMatch(visible.rstrip(" *_:"), "")  # "Forward-Looking Statements": a legal note, no subject
    if not _may_open("boilerplate_prefixes").match(visible):
        return None
    folded = fold(visible[:200])
    opening = _opening("boilerplate_prefixes").match(folded)
    for prefix, opened in _boilerplate_prefixes(language) if opening else ():
        if not folded.startswith(opened):
            continue
        after = visible[len(prefix):].strip()
        subject, colon, rest = after.partition(":")
        subject = subject.strip(" *_")
        if fold(subject) in _OURSELVES:
            # "About us", "Über uns": the issuer speaking of itself names no subject.
            return HeadingMatch(f"{visible[: len(prefix)]} {subject}", rest.strip(" *_"))
        named = ARTICLE.sub("", subject)
        if not named or not named[0].isupper():
            continue
        if colon:
            if len(subject.split()) <= 8:
                return HeadingMatch(f"{visible[: len(prefix)]} {subject}", rest.strip(" *_"), subject)
            continue
        shown = after.strip(" *_")
        # "About Acme Corp." ends in an abbreviation's full stop, not a sentence's.
        if len(after.split()) <= 8 and (heading or not _STOP_END.search(shown) or _COMPANY_END.search(shown)):
            return HeadingMatch(visible.rstrip(" *_"), "", subject)
        glued = _glued_heading(shown)
        if glued is not None:
            return HeadingMatch(f"{visible[: len(prefix)]} {glued[0]}", glued[1], glued[0])
    return None


# A name of up to six words that ends in a full stop, then the next sentence (line breaks lost in a paste).
_GLUED_NAME = re.compile(r"(?P<name>[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,5}?\.)\s+(?P<rest>[A-ZÀ-Þ].*)", re.DOTALL)


def _glued_heading(after: str) -> tuple[str, str] | None:
    """The subject and the text of an "About X" heading run into its text: ``About Acme Inc. Acme makes …``.

    Told from an "About" sentence only when the name is capitalised word
    by word and ends in a company's abbreviation (``Inc.``, ``S.A.``), or
    when the text goes on with the name (``About Acme. Acme makes …``).

    >>> _glued_heading("Lotto.com Inc. Con sede en Jersey City, Lotto.com es la primera plataforma.")
    ('Lotto.com Inc.', 'Con sede en Jersey City, Lotto.com es la primera plataforma.')
    >>> _glued_heading("the Acme Group. The Acme Group makes bolts.")
    ('the Acme Group', 'The Acme Group makes bolts.')
    >>> _glued_heading("Paris. The city has four hundred parks and gardens.") is None
    True
    """
    found = _GLUED_NAME.match(after)
    if found is None:
        return None
    name, rest = found["name"], found["rest"].strip()
    words = ARTICLE.sub("", name).split()
    if not words or not all(word[0].isupper() or not word[0].isalpha() for word in words):
        return None
    if _COMPANY_END.search(name):
        return name, rest
    if ARTICLE.sub("", rest).startswith(words[0].rstrip(".")):
        return name[:-1], rest  # the full stop ends the heading's sentence, not an abbreviation
    return None


# The pronouns an issuer uses for itself after "About": a heading with no subject to name the issuer by.
_OURSELVES = frozenset({"us", "uns", "nous", "nosotros", "nosotras"})


@functools.lru_cache(maxsize=32)
def _boilerplate_prefixes(language: str | None) -> tuple[tuple[str, str], ...]:
    """Every language's "About" prefixes in the order they are tried, alone and with the blank that follows them."""
    return tuple((prefix, prefix + " ") for cues in cue_order(language) for prefix in cues.boilerplate_prefixes)


#: An article (or elided article) opening a name: ``l'``, ``the``, ``der``.
ARTICLE = re.compile(r"^(?:l['’]|d['’]|(?:la|le|les|el|los|las|the|der|die|das|den|dem)\s+)", re.IGNORECASE)
_STOP_END = re.compile(r"[.!?]$")


_COMPANY_END = re.compile(r"\b(?:Inc|Corp|Ltd|Co|LLC|LLP|S\.A|SA|AG|GmbH|plc|N\.V|B\.V|S\.L|SpA)\.$")
_HASHES = re.compile(r"#(?:\s*#)*")


def is_end_marker(line: str, language: str | None) -> bool:
    """Whether the line is an end marker (``###``, ``# # #``, ``-30-``, ``FIN``, ``- Ende -``).

    >>> is_end_marker("- 30 -", "en"), is_end_marker("# # #", "en"), is_end_marker("Fin de l'histoire", "fr")
    (True, True, False)
    >>> is_end_marker("– ENDS –", "en"), is_end_marker("— FIN —", "fr")
    (True, True)
    """
    stripped = line.strip()
    if len(stripped) > 20:
        return False
    if _HASHES.fullmatch(stripped) or (_THIRTY.fullmatch(stripped) and "30" in stripped):
        return bool(_DASH_OR_HASH.search(stripped))
    # "- ENDS -", "– ENDS –", "— FIN —": the dashes around the word may be of any length.
    return fold(stripped.strip("*_ -–—")) in _end_markers(language)


@functools.cache
def _source_line() -> re.Pattern[str]:
    labels = sorted({label for lang in LANGUAGES for label in cues_for(lang).source_labels}, key=len, reverse=True)
    return re.compile(rf"(?P<label>{'|'.join(map(re.escape, labels))})(?P<colon>\s*:)?\s+(?P<name>\S.*)",
                      re.IGNORECASE | re.DOTALL)


@functools.cache
def _cue_set(kind: str) -> frozenset[str]:
    return frozenset(_opening_words(kind))


def _heading_alone(line: str, kind: str) -> bool:
    """Whether the line is, alone, one of the headings of *kind* that the cues of any language list."""
    if len(line) > 80:
        return False  # running text, not worth a copy
    stripped = line.strip(" \t*_#>:")
    return len(stripped) <= 40 and fold(stripped) in _cue_set(kind)


def is_information_heading(line: str) -> bool:
    """Whether the line is a "more information" heading (``Para más información``, ``Weitere Informationen:``).

    It heads contacts when phone numbers or e-mail addresses follow, and a section of the text otherwise:
    the caller tells which.

    >>> is_information_heading("Para más información:"), is_information_heading("More information about the plan")
    (True, False)
    """
    return _heading_alone(line, "information_headings")


def is_skip_link(line: str) -> bool:
    """Whether the line is a web page's link past its navigation (``Skip to main content``): furniture.

    >>> is_skip_link("Skip to main content"), is_skip_link("Zum Inhalt springen"), is_skip_link("Skip the queue")
    (True, True, False)
    """
    return _may_open("skip_links").match(line) is not None and _heading_alone(line, "skip_links")


def is_related_heading(line: str) -> bool:
    """Whether the line heads a page's list of other news (``Related Posts``, ``Noticias relacionadas``).

    Such a list follows the release on a web page; it is no part of a contact block or a section.

    >>> is_related_heading("Related Posts"), is_related_heading("Weitere Meldungen:"), is_related_heading("Related")
    (True, True, False)
    """
    return _heading_alone(line, "related_headings")


@functools.cache
def _source_initials() -> frozenset[str]:
    return frozenset(label[0] for lang in LANGUAGES for label in cues_for(lang).source_labels)


# Two sentences: a full stop after a word of four letters or more ("Inc." and "S.A." end names), then more.
_TWO_SENTENCES = re.compile(r"[^\W\d_]{4,}[.!?]\s+\S")


@functools.cache
def _copyright() -> re.Pattern[str]:
    notices = _cue_alternation(notice for lang in LANGUAGES for notice in cues_for(lang).rights_notices)
    return re.compile(rf"©|\(c\)\s*(?:19|20)\d\d|^\W*copyright\b|\bcopyright\s*(?:\(c\)|(?:19|20)\d\d)|{notices}",
                      re.IGNORECASE)


def is_copyright_line(line: str) -> bool:
    """Whether a short line is a copyright notice (``© 2024 Acme``, ``Acme – Tous droits réservés``): furniture.

    >>> is_copyright_line("Copyright © 2005 - Example.org"), is_copyright_line("Mairie – Tous droits réservés")
    (True, True)
    >>> is_copyright_line("Copyright 2024 Acme Inc. All rights reserved.")
    True
    >>> is_copyright_line("Acme holds the copyright on the design and will defend it in court, it said.")
    False
    """
    if len(line) > 120:
        return False
    if "©" in line:
        return True
    # Every notice, in any language, holds one of these (a scan in C spares the pattern most lines).
    lowered = line.lower()
    if "copyright" not in lowered and "(c)" not in lowered and "serv" not in lowered and "vorbehalten" not in lowered:
        return False
    return _copyright().search(line) is not None


def match_source_line(line: str) -> str | None:
    """The issuer that a wire release's closing line names: ``SOURCE Acme Corp.``, ``Fuente: Acme S.A.``.

    The label is printed in capitals, or followed by a colon; the name is a
    few words, capitalised, not a sentence (a figure's caption, ``Source:
    company reports``, is not such a line). Every language's labels count:
    a wire prints its own.

    >>> match_source_line("SOURCE Acme Corporation"), match_source_line("Fuente: Acme S.A.")
    ('Acme Corporation', 'Acme S.A.')
    >>> match_source_line("Source of the figures: the ministry") is None
    True
    >>> match_source_line("Source: company reports") is None
    True
    """
    stripped = line.strip(" \t*_#>")
    if len(stripped) > 100 or stripped[:1].lower() not in _source_initials():
        return None
    found = _source_line().match(stripped)
    if found is None or not (found["colon"] or found["label"].isupper()):
        return None
    name = found["name"].strip(" *_")
    if not name or not (name[0].isupper() or name[0].isdigit()) or len(name.split()) > 8 or name[-1] in ":;,!?" or (
        _TWO_SENTENCES.search(name)
    ):
        return None
    return name


_THIRTY = re.compile(r"[-–—]*\s*30\s*[-–—]*")
_DASH_OR_HASH = re.compile(r"[-–—#]")


@functools.lru_cache(maxsize=32)
def _end_markers(language: str | None) -> frozenset[str]:
    markers = {m for cues in cue_order(language) for m in cues.end_markers}
    return frozenset(m.strip("-–— ") for m in markers)  # the line is looked up without its dashes too


# --------------------------------------------------------------------------
# Embargo lines


@attrs.frozen
class EmbargoMatch:
    """An embargo line, and the reason when its end could not be read exactly."""

    embargo: Embargo
    problem: str | None = None
    detail: str | None = None


def match_embargo(line: str, language: str | None) -> EmbargoMatch | None:
    """An embargo line (``EMBARGOED UNTIL ...``, ``Sous embargo jusqu'au ...``, ``Sperrfrist ...``).

    >>> m = match_embargo("EMBARGOED UNTIL 10:00 CET 25 January 2012", "en")
    >>> m.embargo.until.isoformat()
    '2012-01-25T10:00:00+01:00'
    >>> match_embargo("EMBARGOED UNTIL 9:00 A.M., FRIDAY, MAY 10, 2019", "en").problem
    'no-zone'
    """
    visible = line.strip(_EDGE)
    if not _may_open("embargo_markers").match(visible):
        return None
    folded = fold(visible[:200])
    # Which marker opens the line does not matter, only that one of the cues' does.
    if _opening("embargo_markers").match(folded) and folded.startswith(_embargo_markers()):
        found = dates.find_datetime(visible, language=language)
        if found is None:
            return EmbargoMatch(Embargo(text=visible), "no-date", "the embargo line names no date and time")
        return EmbargoMatch(Embargo(text=visible, until=found.value), found.problem, found.detail)
    return None


@functools.cache
def _embargo_markers() -> tuple[str, ...]:
    """Every language's embargo markers: an embargo line opens with one, whatever the release's language."""
    return tuple(marker for lang in LANGUAGES for marker in cues_for(lang).embargo_markers)


# --------------------------------------------------------------------------
# Datelines

_WIRE_WORDS = re.compile(r"wire|news|press|presse|prensa|release|newswire|mediawire|direct|agency|agence|agencia",
                         re.IGNORECASE)
def names_a_wire(text: str) -> bool:
    """Whether *text*, found where a dateline names its wire, names a wire or an agency (``PRNewswire``, ``dpa``).

    >>> names_a_wire("PRNewswire"), names_a_wire("dpa"), names_a_wire("Brainy Example Rooms")
    (True, True, False)
    """
    return _WIRE_WORDS.search(text) is not None or _NEWS_AGENCY.fullmatch(text.strip()) is not None


_PLACE_CONNECTORS = frozenset(
    "and et und y e de del la le les sur am an der upon on of the da do du van von bei".split(),
)
_DATE_CONNECTORS = re.compile(r"(?:[,(]\s*|\s)(?:le|den|am|el|the|on|ce)?\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:--|-|–|—|:|/|\|)\s*")


_SLUG = re.compile(r"\s*[-–—]*\s*(?:/\s*([^/\n]{2,80}?)\s*/|\(([^()\n]{2,60})\))")


def _wire_after_date(head: str, end: int, wire: str | None) -> tuple[int, str | None]:
    """A wire slug after a dateline's date (``/PRNewswire/``, ``(BUSINESS WIRE)``, ``– Acme Newswire –``)."""
    after = head[end:]
    slug = _SLUG.match(after)
    if slug and (slug.group(1) or _WIRE_WORDS.search(slug.group(2) or "")):
        return end + slug.end(), wire or (slug.group(1) or slug.group(2)).strip()
    # An unbracketed wire between dashes: "May 18, 2026 – PRISM MediaWire (...) – Acme ...".
    # (The wire ends before a second dash between blanks: text without one needs no try.)
    named = _DASHED_WIRE.match(after) if wire is None and _SPACED_DASH.search(after, 4) else None
    if named and _WIRE_WORDS.search(named.group("wire")):
        return end + named.end("wire"), named.group("wire").strip()
    return end, wire


def _after_date(
    head: str, end: int, wire: str | None, *, closing: bool, placed: bool,
) -> tuple[int, str | None, tuple[str, str] | None]:
    """What a dateline prints after its date: a closing bracket, a wire, an hour, a place (when the wire came first).

    Returns where the dateline ends, its wire, and the place and region found after the date, if any.
    """
    bracket = _CLOSING.match(head, end) if closing else None
    if bracket:
        end = bracket.end()
    end, wire = _wire_after_date(head, end, wire)
    clock = _CLOCK_AFTER_DATE.match(head, end)
    if clock:
        end = clock.end()  # "Thursday Nov 23, 2023 @ 1:00 AM Australia/Perth —": the hour is the dateline's
    later = _PLACE_AFTER_DATE.match(head, end) if not placed and wire is not None else None
    if later and _place_words_ok(later["place"]):
        return later.end(), wire, (later["place"].strip(), later["region"])
    return end, wire, None


@attrs.frozen
class DatelineMatch:
    """A dateline at the start of a text, the text that follows it, and any date problem."""

    dateline: Dateline
    #: Where the dateline ends in the searched text (the rest starts there).
    end: int
    problem: str | None = None
    detail: str | None = None
    #: Whether a web address stands where the place would (``www.example.org — 8 Mai 2012``).
    site: bool = False


# Words that open sentences, never place names: "Le samedi 30 avril ...", "On July 4, ...".
_PLACE_WORD = re.compile(r"[\w.'’-]+")
_NOT_PLACES = frozenset(
    "le la les l' un une ce cette dès depuis the a an on in at by since from for until der die das am im seit bis "
    "el los las en desde hasta this that these".split(),
)


def _place_words_ok(text: str) -> bool:
    if len(text) > 60 or has_digit(text):
        return False
    words = _PLACE_WORD.findall(text)
    if not 1 <= len(words) <= 6:
        return False
    if words[0].lower() in _NOT_PLACES:
        return False
    return all(w[0].isupper() or w.lower() in _PLACE_CONNECTORS for w in words) and words[0][0].isupper()


_BRACKETED_WIRE = re.compile(r"[(/\[]\s*([^()/\[\]]{2,60}?)\s*[)/\]]\s*[-–—:]*\s*$")
_DASHES = re.compile(r"\s+[-–—]+\s+|\s*--\s*")


def _split_place(part: str) -> tuple[str, str | None, str | None] | None:
    """Split the text before a dateline's date into place, region and wire, or refuse it."""
    part = part.strip()
    wire = None
    bracketed = _BRACKETED_WIRE.search(part)
    if bracketed and _WIRE_WORDS.search(bracketed.group(1)):
        wire = bracketed.group(1).strip()
        part = part[: bracketed.start()]
    part = part.strip(" -–—:,(")
    segments = [s for s in _DASHES.split(part) if s.strip()]
    if not segments:
        return None
    if len(segments) > 1:
        tail = " – ".join(segments[1:])
        if wire is None and _WIRE_WORDS.search(tail) and len(tail) <= 60:
            wire = tail.strip()
        else:
            return None
    place, _, region = segments[0].partition(",")
    place, region = place.strip(" ("), region.strip(" ,(") or None
    if "|" in segments[0] or not _place_words_ok(place) or (region and not _place_words_ok(region)):
        return None
    if region and len(region.split()) > 3:
        return None
    return place, region, wire


_SPACED_DASH = re.compile(r"\s[-–—]\s")
_DASHED_WIRE = re.compile(r"\s+[-–—]\s+(?P<wire>[^\s(–—-][^–—(\n]{1,60}?(?:\s*\([^()\n]{0,80}\))?)(?=\s+[-–—]\s+)")
_WIRE_ONLY = re.compile(r"\s*-{2,}\s*([^-\n]{2,40}?)\s*-{2,}\s*")
_NO_DATE = re.compile(
    r"(?P<paren>\()?(?P<place>[A-ZÀ-Þ][\w.'’ -]{1,40}?)(?:,\s*(?P<region>[A-ZÀ-Þ][\w.'’ ]{1,30}?))?(?(paren)\))"
    r"\s*(?:[-–—]{1,2}\s*\((?P<wire>[^()]{2,40})\)\s*[-–—]{1,2}|(?(paren)[-–—:]|(?!))\s*"
    # A news agency's dateline: "Berlin (dpa) –", "WASHINGTON (AP) —", "Innsbruck (OTS) -".
    r"|\s\((?P<agency>[A-Za-z][\w ]{1,20})\)\s*[-–—]{1,2}\s+)",
)
# The news agencies that name themselves where a wire would (a short name in capitals may be any company's).
_NEWS_AGENCY = re.compile(
    r"dpa|epd|sid|kna|Reuters|Bloomberg|Xinhua|Notimex|Europa Press|Belga|ANSA|EFE|Efe|AP|AFP|APA|SDA|ATS|OTS|KNA|UPI",
)
# An agency in a dateline's brackets: a short name in capitals, or one of the agencies that print theirs otherwise.
_AGENCY = re.compile(rf"[A-Z]{{2,6}}|{_NEWS_AGENCY.pattern}")


_CLOSING = re.compile(r"\s*\)")
# An hour after a dateline's date, with its zone: "@ 1:00 AM Australia/Perth", "at 10:00 ET", "à 9h30".
_CLOCK_AFTER_DATE = re.compile(
    r"\s*(?:@|at|à|um|a las)?\s*\d{1,2}(?::\d{2}|h\d{0,2})\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"(?:\s+(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|[A-Z][a-z]+/[A-Z][\w-]+))?(?=\s*(?:--|[-–—:|,]|$))",
)
# The place after the date, when the wire came first: "(NewMediaWire) - September 01, 2024 - Glendale, CA –".
_PLACE_AFTER_DATE = re.compile(
    r"\s*[-–—]\s*(?P<place>[A-ZÀ-Þ][\w.'’ -]{1,40}?),\s*(?P<region>[A-Z]{2}|[A-Z][a-z]{1,12}\.)(?=\s*[-–—])",
)
_AFTER_PLACE_DATE = re.compile(r"\s*(?:--|–|—|-|:|\||\.|,|\n|$)")
_AFTER_DATE = re.compile(r"\s*(?:--|–|—|-|:|\||\n|$)")
_NO_LETTERS = re.compile(r"[\W\d_]*")
_REST_SEPARATOR = re.compile(r"\s*(?:\.?\s*(?:--|-|–|—)|:|\||\.(?=\s))?\s*")
_SITE = re.compile(r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,4}/?")


def match_dateline(text: str, language: str | None, *, allow_site: bool = False) -> DatelineMatch | None:
    """A dateline opening *text*: place, region, wire and date, and where the rest begins.

    With *allow_site*, a web address may stand where the place would
    (``www.example.org — 8 Mai 2012 —``, as web pages print it); the
    dateline then has a date and no place.

    >>> m = match_dateline("Paris, le 24 juillet 2012", "fr")
    >>> m.dateline.place, m.dateline.date.isoformat()
    ('Paris', '2012-07-24')
    >>> m = match_dateline("SAN FRANCISCO, July 24, 2012 /PRNewswire/ -- Acme today said", "en")
    >>> m.dateline.text, m.dateline.wire
    ('SAN FRANCISCO, July 24, 2012 /PRNewswire/', 'PRNewswire')
    >>> m = match_dateline("PORTLAND, Ore.--(BUSINESS WIRE)--Standard Insurance said", "en")
    >>> m.dateline.place, m.dateline.region, m.dateline.wire
    ('PORTLAND', 'Ore.', 'BUSINESS WIRE')
    >>> match_dateline("The minister said on 24 July 2012 that", "en") is None
    True
    >>> m = match_dateline("Berlin (dpa) - Die Bahn fährt wieder.", "de")
    >>> m.dateline.place, m.dateline.wire, m.dateline.date
    ('Berlin', 'dpa', None)
    >>> match_dateline("Acme (Germany) - Die Firma wächst.", "de") is None
    True
    >>> m = match_dateline("www.example.org — 8 Mai 2012 — Das Projekt", "de", allow_site=True)
    >>> m.dateline.text, m.dateline.place, m.dateline.date.isoformat()
    ('www.example.org — 8 Mai 2012', None, '2012-05-08')
    """
    head = text[:300]
    # Only a date near the start opens a dateline; the dates are read one by one, up to the one that does.
    for found in dates._iter_dates(head, language=language, before=141):
        before = head[: found.start]
        connector = _DATE_CONNECTORS.search(before)
        place_part = before[: connector.start()] if connector and connector.group().strip(" ,(") else before
        place: str | None = None
        region: str | None = None
        wire: str | None = None
        site = allow_site and _SITE.fullmatch(place_part.strip(" ,(–—-")) is not None
        # "Published January 2, 2018", "Publié le 19 mars 2018": a label, not a place, before the date.
        labelled = fold(place_part.strip(" ,(:–—-")) in _cue_set("date_labels")
        # "(NewMediaWire) - September 01, 2024 - Glendale, CA –": the wire names itself before the date.
        carried = _BRACKETED_WIRE.fullmatch(place_part.strip()) if "(" in place_part or "/" in place_part else None
        wire = carried.group(1).strip() if carried and _WIRE_WORDS.search(carried.group(1)) else None
        if place_part.strip(" ,(–—-") and not site and not labelled and wire is None:
            split = _split_place(place_part)
            if split is None:
                continue
            place, region, wire = split
        end, wire, later = _after_date(head, found.end, wire, closing="(" in before, placed=place is not None)
        if later is not None:
            place, region = later
        after = head[end:]
        # "Paris, 24 juillet 2012 a vu ..." is a sentence, not a dateline: a dateline's
        # date ends the text or comes before a separator.
        allowed = _AFTER_PLACE_DATE if place is not None else _AFTER_DATE
        if after.strip() and not allowed.match(after):
            continue
        dateline_text = head[:end].strip(" \t-–—:*")
        if place is None and not site and not labelled and wire is None and not _NO_LETTERS.fullmatch(
            head[: found.start].replace(" ", ""),
        ):
            continue
        separator = _REST_SEPARATOR.match(head[end:])
        rest_start = end + (separator.end() if separator else 0)
        dateline = Dateline(text=dateline_text, place=place, region=region, date=found.date, wire=wire)
        return DatelineMatch(dateline, rest_start, found.problem, found.detail, site=site)
    wire_only = _WIRE_ONLY.match(head)
    if wire_only and _WIRE_WORDS.search(wire_only.group(1)):
        text_shown = head[: wire_only.end()].strip()
        return DatelineMatch(Dateline(text=text_shown, wire=wire_only.group(1).strip()), wire_only.end())
    # A dateline without a date is a place in brackets, or names its wire in brackets.
    no_date = _NO_DATE.match(head) if "(" in head else None
    if no_date and (no_date.group("wire") or no_date.group("paren") or no_date.group("agency")):
        place = no_date.group("place").strip()
        region = (no_date.group("region") or "").strip() or None
        if no_date.group("paren") and _WIRE_WORDS.search(place):
            return None  # "(NewMediaWire)" in brackets names a wire, not a place
        if _place_words_ok(place) and (region is None or _place_words_ok(region)):
            wire = no_date.group("wire")
            if wire and not _WIRE_WORDS.search(wire):
                return None
            agency = no_date.group("agency")
            if agency and not _AGENCY.fullmatch(agency.strip()):
                return None
            wire = wire or agency
            shown = head[: no_date.end()].strip(" -–—:")
            return DatelineMatch(Dateline(text=shown, place=place, region=region, wire=wire and wire.strip()),
                                 no_date.end())
    return None


# The place of a dateline that prints no date: a few words in capitals (``SAN DIEGO``, ``ST. LOUIS``,
# ``SAINT-DENIS``), maybe a region (``, Calif.``, ``, N.Y.``, ``, Texas``), then a dash and the text.
_CAPS_PLACE = re.compile(
    r"(?P<place>[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:\.(?=\s))?(?:\s+[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:\.(?=\s))?){0,3})"
    r"(?:,\s*(?P<region>[^\W\d_][\w'’]*\.?(?:\s?[^\W\d_][\w'’]*\.?){0,2}))?"
    r"(?:\s*(?:--|\.-|\.?[–—])\s*|\s+-\s+)"
    r"(?=[\"“«‘'¿¡]?[^\W_])",
)


def match_place_opening(text: str, language: str | None) -> DatelineMatch | None:
    """A dateline that names only its place, in capitals, before a dash, opening the body's first paragraph.

    ``SPRINGFIELD -- The State Parks Department ...``, ``SAN DIEGO, Calif. — Acme ...``, ``MADRID.- La
    empresa ...``: the form news agencies use when the date stands elsewhere. Without a date, only the
    capitals tell a place from a name that opens a sentence, so mixed case is not read; nor are editorial
    notices (``UPDATE —``, the cues' ``notices``), a place that the sentence names again at once (``ACME —
    Acme Corp. ...``: a name, not a place), or a text after the dash that is not running text. The caller
    asks only of the body's first paragraph, when no dateline was found above it.

    >>> m = match_place_opening("SAN DIEGO, Calif. — Acme today opened a plant that will employ 300 people.", "en")
    >>> m.dateline.place, m.dateline.region, m.dateline.date
    ('SAN DIEGO', 'Calif.', None)
    >>> match_place_opening("UPDATE — Acme today opened a plant that will employ 300 people.", "en") is None
    True
    >>> match_place_opening("Acme — the maker of anvils — today opened a plant in Springfield.", "en") is None
    True
    """
    found = _CAPS_PLACE.match(text)
    if found is None:
        return None
    place, region = found["place"], found["region"]
    rest = text[found.end():]
    if not place.isupper() or sum(char.isalpha() for char in place) < 3 or (region and not region[0].isupper()):
        return None
    if not _place_words_ok(place) or fold(place) in _cue_set("notices") or match_label(place, language):
        return None
    # Running text follows: a sentence (it opens with a capital) of some length, with words in small letters.
    opening = rest.lstrip("\"“«‘'¿¡")[:1]
    first_words = rest.split(maxsplit=12)[:12]
    if not (opening.isupper() or opening.isdigit()) or len(first_words) < 6 or not any(
        word.islower() for word in first_words
    ):
        return None
    if fold(place) in fold(rest[:80]):
        return None
    shown = text[: found.end("region") if region else found.end("place")]
    return DatelineMatch(Dateline(text=shown, place=place.strip(), region=region), found.end())


def split_sentences(text: str) -> Sequence[str]:
    """A rough sentence split, for finding who announced what: at blanks after a stop, before a capital.

    >>> split_sentences("Acme grew. It hired 20 people! Sales rose 3.5 percent.")
    ['Acme grew.', 'It hired 20 people!', 'Sales rose 3.5 percent.']
    >>> split_sentences("Commissioner Mark G. Peters spoke.")
    ['Commissioner Mark G. Peters spoke.']
    """
    # The blanks are found from the stop before them: a pattern that opens
    # with a character class lets the engine skip ahead to the next stop,
    # where one that opens with a look-behind is tried at every position.
    sentences = []
    start = 0
    for found in _SENTENCE_BREAK.finditer(text):
        sentences.append(text[start : found.start(1)])
        start = found.end(1)
    sentences.append(text[start:])
    return sentences


# (Not after an initial: "Mark G. Peters" is one name.)
_SENTENCE_BREAK = re.compile(r"[.!?](?<!\b[A-Z][.!?])(\s+)(?=[A-ZÀ-Þ“\"«])")
