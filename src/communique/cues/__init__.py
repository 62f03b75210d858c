"""Language cues: the conventions of press releases in each language, as data.

A :class:`LanguageCues` holds what the text and HTML readers need to know
about one language: month and weekday names, the labels that announce a
release (``Communiqué de presse``, ``FOR IMMEDIATE RELEASE``), the markers
of a reference number, of an embargo, of the contacts, of the boilerplate
and of the end of the text, and the order of day and month in numeric
dates.

Each language lives in its own module (``communique.cues.fr``, ...), which
defines one ``CUES`` object; adding a language is adding one module and
its tag to :data:`LANGUAGES`. Modules are imported on first use.

>>> cues = cues_for("fr-FR")
>>> cues.language, cues.months["juil."], cues.numeric_date_order
('fr', 7, 'DMY')
>>> find_cues("tlh") is None
True
>>> detect_language("Communiqué de presse. Paris, le 24 juillet 2012. Le ministre a reçu les présidents.")
'fr'

This package imports only attrs, the standard library and the package's
vocabularies and errors, so that loading it costs next to nothing.
"""

from __future__ import annotations

import collections
import functools
import importlib
import itertools
import re
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..exceptions import CommuniqueError
from ..vocabulary import Genre

__all__ = [
    "LANGUAGES",
    "LanguageCues",
    "UnknownLanguageError",
    "cues_for",
    "detect_language",
    "find_cues",
    "primary_language",
]

#: The languages that have cues, as BCP 47 primary tags, sorted.
LANGUAGES: tuple[str, ...] = ("de", "en", "es", "fr")


class UnknownLanguageError(CommuniqueError, LookupError):
    """No cues exist for a language tag.

    >>> cues_for("tlh")
    Traceback (most recent call last):
    ...
    communique.cues.UnknownLanguageError: no language cues for 'tlh'; known: de, en, es, fr

    .. versionadded:: 0.1.0
    """


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """Copy a mapping into a read-only view (attrs converter)."""
    return types.MappingProxyType(dict(value))


def _lower_tuple(items: Iterable[str]) -> tuple[str, ...]:
    """Freeze cue strings as a tuple, lower case (attrs converter)."""
    return tuple(item.lower() for item in items)


def _lower_frozenset(items: Iterable[str]) -> frozenset[str]:
    """Freeze cue words as a set, lower case (attrs converter)."""
    return frozenset(item.lower() for item in items)


def _lower_keys(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """Read-only mapping with lower-case keys (attrs converter)."""
    return types.MappingProxyType({key.lower(): item for key, item in value.items()})


def _numeric_order(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value not in ("DMY", "MDY", None):
        msg = f"{attribute.name} must be 'DMY', 'MDY' or None, got {value!r}"
        raise ValueError(msg)


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    """Freeze strings as a tuple (attrs converter)."""
    return tuple(items)


def _long_orders(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    if not value or any(order not in ("DMY", "MDY") for order in value):
        msg = f"{attribute.name} must hold 'DMY' and/or 'MDY', got {value!r}"
        raise ValueError(msg)


def _month_numbers(instance: object, attribute: attrs.Attribute[Mapping[str, int]], value: Mapping[str, int]) -> None:
    if set(value.values()) != set(range(1, 13)):
        msg = f"{attribute.name} must name all twelve months"
        raise ValueError(msg)


def _weekday_numbers(instance: object, attribute: attrs.Attribute[Mapping[str, int]], value: Mapping[str, int]) -> None:
    if set(value.values()) != set(range(7)):
        msg = f"{attribute.name} must name all seven days, Monday being 0"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class LanguageCues:
    """The press-release conventions of one language.

    Every string is lower case, so that callers compare them with
    ``text.lower()`` (or ``casefold``); markers are matched at the start
    of a line or heading by the readers, not by this class.

    >>> from communique.cues import cues_for
    >>> en = cues_for("en")
    >>> en.kind_labels["for immediate release"]
    <Genre.PRESS_RELEASE: 'press_release'>
    >>> "###" in en.end_markers and "sept." in en.months
    True

    .. versionadded:: 0.1.0
    """

    #: BCP 47 primary tag: ``fr``.
    language: str
    #: Month names and abbreviations, with and without the final dot and
    #: without accents, mapped to 1-12: ``{"juil.": 7, "fevrier": 2, ...}``.
    months: Mapping[str, int] = attrs.field(converter=_lower_keys, validator=_month_numbers)
    #: Weekday names and abbreviations mapped to :meth:`datetime.date.weekday`
    #: numbers (Monday is 0).
    weekday_numbers: Mapping[str, int] = attrs.field(converter=_lower_keys, validator=_weekday_numbers)
    #: Printed release labels mapped to the genre they announce.
    kind_labels: Mapping[str, Genre] = attrs.field(converter=_lower_keys)
    #: What precedes a release number: ``n°``, ``ref.``, ``nr.``.
    reference_markers: tuple[str, ...] = attrs.field(converter=_lower_tuple)
    #: Headings of the press contact block.
    contact_headings: tuple[str, ...] = attrs.field(converter=_lower_tuple)
    #: How the "about the issuer" paragraph starts (followed by a name).
    boilerplate_prefixes: tuple[str, ...] = attrs.field(converter=_lower_tuple)
    #: Headings of the legal notes a release ends with, boilerplate as "About X" is:
    #: ``forward-looking statements``, ``safe harbor statement``.
    disclaimer_headings: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Lines that close the release's text: ``###``, ``-30-``, ``fin``.
    end_markers: tuple[str, ...] = attrs.field(converter=_lower_tuple)
    #: What introduces the end of an embargo: ``embargoed until``.
    embargo_markers: tuple[str, ...] = attrs.field(converter=_lower_tuple)
    #: What names the issuer on a wire release's closing line: ``source`` (``SOURCE Acme Corp.``).
    source_labels: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Headings that may head a contact block or a section of the text: ``weitere informationen``. They
    #: head contacts only when phone numbers or e-mail addresses follow.
    information_headings: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: What invites the reader to get in touch after a contact heading, before the contacts:
    #: ``please contact`` (``For more information, please contact``), ``contactez``.
    contact_invitations: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: What a copyright line says after its owner: ``all rights reserved``. Such a line is page furniture.
    rights_notices: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: A web page's links past its navigation, left in text copied from it: ``skip to main content``.
    skip_links: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Headings of what a web page prints after the release: its list of other news (``related posts``,
    #: ``recent news``), its share buttons (``share this``).
    related_headings: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Editorial notices printed in capitals before a dash, where an undated dateline prints its place:
    #: ``UPDATE —``, ``CORRECTION --``. They are never the place of a dateline.
    notices: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Frequent function words, used by :func:`detect_language`.
    common_words: frozenset[str] = attrs.field(converter=_lower_frozenset)
    #: Order of day and month in numeric dates such as ``03/04/2012``.
    numeric_date_order: str | None = attrs.field(validator=_numeric_order)
    #: Orders of written-out dates: ``("DMY",)`` for ``24 juillet 2012``,
    #: ``("MDY", "DMY")`` where ``July 24, 2012`` and ``24 July 2012`` are both usual.
    long_date_orders: tuple[str, ...] = attrs.field(converter=_str_tuple, validator=_long_orders)
    #: What a web page prints before a date that is not a place: ``published``, ``mis à jour``.
    date_labels: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Words that may stand just before a date in a dateline: ``le``, ``den``, ``on``.
    date_connectors: tuple[str, ...] = attrs.field(converter=_lower_tuple)
    #: Words between the day and the month: Spanish ``de``, English ``of``.
    day_month_joiners: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Words between the month and the year: Spanish ``de``, ``del``.
    month_year_joiners: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: What may follow a day number: ``er`` (``1er``), ``st``/``th``, ``.``, ``º``.
    ordinal_suffixes: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Words that mark a time of day: ``h``, ``uhr``, ``a.m.``, ``horas``.
    time_words: tuple[str, ...] = attrs.field(converter=_lower_tuple, default=())
    #: Weekday names and abbreviations, lower case (the keys of *weekday_numbers*).
    weekdays: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(lambda self: frozenset(self.weekday_numbers), takes_self=True)
    )


def primary_language(tag: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case.

    >>> primary_language("fr-FR"), primary_language("EN_us"), primary_language(" de ")
    ('fr', 'en', 'de')
    """
    return tag.strip().replace("_", "-").partition("-")[0].lower()


@functools.cache
def _load(language: str) -> LanguageCues:
    module = importlib.import_module(f"{__name__}.{language}")
    cues: LanguageCues = module.CUES
    return cues


def find_cues(language: str) -> LanguageCues | None:
    """The cues for a language tag (``fr``, ``fr-FR``, ``EN``), or ``None`` when there are none.

    >>> find_cues("es-MX").language
    'es'
    >>> find_cues("pt") is None
    True
    """
    primary = primary_language(language)
    if primary not in LANGUAGES:
        return None
    return _load(primary)


def cues_for(language: str) -> LanguageCues:
    """The cues for a language tag; raise :class:`UnknownLanguageError` when there are none.

    Use :func:`find_cues` to get ``None`` instead of an error.

    >>> cues_for("de-AT").months["jänner"]
    1
    """
    cues = find_cues(language)
    if cues is None:
        msg = f"no language cues for {language!r}; known: {', '.join(LANGUAGES)}"
        raise UnknownLanguageError(msg)
    return cues


# Letters only: digits, punctuation and the underscore split words.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: How much of a text :func:`detect_language` reads.
DETECTION_WINDOW = 4000


@functools.cache
def _scoring(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What :func:`detect_language` scores for a language: the words worth one and two, and the labels worth three.

    A common word scores one; a month or weekday name longer than three
    letters that is not a common word, two. Names that are not words as
    :data:`_WORD` reads them (``sept.``) are never met, and left out.
    """
    cues = _load(language)
    names = {word for word in (*cues.months, *cues.weekday_numbers) if len(word) > 3 and _WORD.fullmatch(word)}
    ones = frozenset(word for word in cues.common_words if _WORD.fullmatch(word))
    labels = frozenset(label for label in cues.kind_labels if len(label) > 8)
    return ones, frozenset(names - ones), labels


@functools.cache
def _points() -> dict[str, tuple[tuple[str, int], ...]]:
    """Every word that scores, with the languages it scores in and its points in each."""
    points: dict[str, list[tuple[str, int]]] = {}
    for language in LANGUAGES:
        ones, twos, _ = _scoring(language)
        for word in ones:
            points.setdefault(word, []).append((language, 1))
        for word in twos:
            points.setdefault(word, []).append((language, 2))
    return {word: tuple(scores) for word, scores in points.items()}


@functools.cache
def _scored_words() -> frozenset[bytes]:
    """Every word that scores in some language and is made of ASCII letters only, as bytes."""
    return frozenset(word.encode() for word in _points() if word.isascii() and word.isalpha())


def _word_counts(head: str) -> collections.Counter[str]:
    """How many times each word that scores (as :data:`_WORD` reads words) occurs in *head*.

    Words no language scores may be counted too, or not.
    """
    # The regular expression costs far more than byte operations in C, so
    # the text is read as UTF-8 bytes in which the ASCII characters other
    # than letters and the apostrophe, parts of no word, are blanks. A
    # chunk of ASCII letters between blanks is then one word; only the
    # other chunks (with an apostrophe or a non-ASCII character) go through
    # the expression. An ASCII byte is never part of a multi-byte
    # character, so no chunk splits one.
    chunks = head.encode("utf-8", "surrogatepass").translate(_ASCII_BLANKS).split()
    found = collections.Counter(filter(_scored_words().__contains__, chunks))
    counts = collections.Counter({word.decode(): count for word, count in found.items()})
    others: Iterator[bytes] = itertools.filterfalse(bytes.isalpha, chunks)
    counts.update(_WORD.findall(b" ".join(others).decode("utf-8", "surrogatepass")))
    return counts


# Every ASCII character but the letters and the apostrophe becomes a blank.
_ASCII_BLANKS = bytes(c if chr(c).isalpha() or chr(c) == "'" or c >= 0x80 else ord(" ") for c in range(256))


@functools.cache
def _label_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every language's scoring labels, grouped under six characters that all labels of a group hold.

    Each ``label in text`` is a scan of the text; a group's six characters
    missing from the text rule out all its labels in one scan. Groups are
    chosen greedily, each taking as many of the labels left as it can.
    """
    left = {label for language in LANGUAGES for label in _scoring(language)[2]}
    groups: list[tuple[str, tuple[str, ...]]] = []
    while left:
        pieces = collections.Counter(
            piece for label in left for piece in {label[i : i + 6] for i in range(max(len(label) - 5, 1))}
        )
        key = max(sorted(pieces), key=pieces.__getitem__)
        members = tuple(sorted(label for label in left if key in label))
        groups.append((key, members))
        left.difference_update(members)
    return tuple(groups)


def detect_language(text: str, *, candidates: Iterable[str] = LANGUAGES) -> str | None:
    """Guess the language of *text* among *candidates*, or ``None`` when none clearly wins.

    Only the first :data:`DETECTION_WINDOW` characters are read. Each
    candidate scores one point per common word, two per month or weekday
    name and three per release label found there; the best score wins when
    it is at least 3 and at least twice the runner-up's.

    >>> detect_language("Pressemitteilung: Die Stadt und das Land haben sich geeinigt.")
    'de'
    >>> detect_language("OK") is None
    True
    """
    head = text[:DETECTION_WINDOW].lower()
    # Each word the text holds is looked up once, for all languages.
    totals = dict.fromkeys(LANGUAGES, 0)
    scoring = _points()
    for word, count in _word_counts(head).items():
        for language, points in scoring.get(word, ()):
            totals[language] += count * points
    # (word points, labels, language) for each candidate with cues
    found: list[tuple[int, frozenset[str], str]] = []
    for language in candidates:
        cues = find_cues(language)
        if cues is not None:
            found.append((totals[cues.language], _scoring(cues.language)[2], cues.language))
    if not found:
        return None
    # Each label costs a scan of the text. When the words alone give a
    # candidate at least twice what any other could reach with all its
    # labels, that candidate wins whatever labels the text holds: none is
    # looked for.
    leader = max(range(len(found)), key=lambda index: found[index][0])
    points = found[leader][0]
    if points >= 3 and all(points >= 2 * (other + 3 * len(labels))
                           for index, (other, labels, _) in enumerate(found) if index != leader):
        return found[leader][2]
    present = {label for key, members in _label_groups() if key in head for label in members if label in head}
    scores = sorted(((points + 3 * len(labels & present), language) for points, labels, language in found),
                    reverse=True)
    best, winner = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best >= 3 and best >= 2 * runner_up:
        return winner
    return None
