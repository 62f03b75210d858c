"""Reading dates and embargo times from press releases: the only module that does.

The policy is **never a wrong date**. A date that cannot be read exactly
comes back with ``date=None`` and a :attr:`~DateMatch.problem` code saying
why; nothing is ever filled in from today or from a default.

>>> [m.date for m in find_dates("Paris, le 24 juillet 2012", language="fr")]
[datetime.date(2012, 7, 24)]
>>> m = parse_date("03/04/2012")
>>> m.date, m.problem
(None, 'ambiguous-numeric-date')
>>> find_datetime("Sperrfrist: 25.07.2012, 10:00 Uhr MESZ", language="de").value
datetime.datetime(2012, 7, 25, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200), 'MESZ'))

The grammars come from the month and weekday names of
:mod:`communique.cues`; each language's regular expression is compiled
on first use and cached. See ``docs/explanation/dates.md`` for the rules.
"""

from __future__ import annotations

import datetime
import functools
import re
import types
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeAlias

import attrs

from .cues import LANGUAGES, LanguageCues, cues_for, primary_language

__all__ = [
    "PROBLEMS",
    "ZONES",
    "DateMatch",
    "DateTimeMatch",
    "find_dates",
    "find_datetime",
    "parse_date",
    "parse_mail_date",
    "parse_timestamp",
]

#: Every problem code this module reports, with what it means.
PROBLEMS: Mapping[str, str] = types.MappingProxyType(
    {
        "ambiguous-numeric-date": "a numeric date reads as two valid dates and nothing says which order is meant",
        "unexpected-numeric-order": "a numeric date is valid only in the order the language or region does not use",
        "impossible-date": "the day does not exist in that month and year",
        "two-digit-year": "the year has two digits, so its century is unknown",
        "no-day": "a month and a year without a day",
        "no-year": "a day and a month without a year",
        "weekday-mismatch": "the printed weekday is not the weekday of the printed date",
        "no-date": "a time of day without a date",
        "no-time": "a date without a time of day",
        "no-zone": "a time of day without a time zone",
        "unknown-zone": "a time zone abbreviation that is not in the table, or that means several zones",
        "zone-season-mismatch": "a standard-time abbreviation on a summer date, or the reverse",
        "ambiguous-local-time": "the wall time happens twice when the clocks go back",
        "nonexistent-local-time": "the wall time is skipped when the clocks go forward",
        "zone-rules-unavailable": "the time zone database is not installed, so the offset cannot be checked",
    }
)


@attrs.frozen(kw_only=True)
class DateMatch:
    """A date expression found in a text: as printed, where, and its value when exact.

    *start* and *end* are the span of *text* in the searched string.
    *date* is ``None`` whenever the expression cannot be read exactly;
    *problem* is then one of the codes of :data:`PROBLEMS` and *detail* a
    sentence for people.

    >>> m = find_dates("Berlin, den 3. März 2015")[0]
    >>> m.text, m.start, m.end, m.date
    ('3. März 2015', 12, 24, datetime.date(2015, 3, 3))
    >>> bad = find_dates("le 31 février 2012", language="fr")[0]
    >>> bad.date, bad.problem
    (None, 'impossible-date')

    .. versionadded:: 0.1.0
    """

    #: The date expression as printed.
    text: str
    #: Where it starts in the searched string.
    start: int
    #: Where it ends (exclusive).
    end: int
    #: The calendar date, or ``None`` when it cannot be read exactly.
    date: datetime.date | None = None
    #: A short code from :data:`PROBLEMS` when *date* is ``None``.
    problem: str | None = None
    #: A sentence explaining the problem.
    detail: str | None = None


@attrs.frozen(kw_only=True)
class DateTimeMatch:
    """A date and time of day found together, as in an embargo line.

    *time* is the wall time as printed (naive); *zone_text* the zone as
    printed (``CET``, ``EDT``, ``UTC+2``). *value* is an aware date-time,
    set only when date, time and a known zone are all printed and agree
    (see :data:`ZONES`); otherwise *problem* and *detail* say what is
    missing.

    >>> m = find_datetime("EMBARGOED UNTIL 12:01 a.m. EDT, July 24, 2012")
    >>> m.date, m.time, m.zone_text
    (datetime.date(2012, 7, 24), datetime.time(0, 1), 'EDT')
    >>> m.value.isoformat()
    '2012-07-24T00:01:00-04:00'
    >>> find_datetime("Sous embargo jusqu'au 25 juillet 2012 à 10h00", language="fr").problem
    'no-zone'

    .. versionadded:: 0.1.0
    """

    #: From the first to the last character of the date, time and zone, as printed.
    text: str
    #: Where it starts in the searched string.
    start: int
    #: Where it ends (exclusive).
    end: int
    #: The calendar date, when printed and exact.
    date: datetime.date | None = None
    #: The wall time as printed, naive.
    time: datetime.time | None = None
    #: The time zone as printed, without brackets.
    zone_text: str | None = None
    #: The aware date-time, when it is known exactly.
    value: datetime.datetime | None = None
    #: A short code from :data:`PROBLEMS` when *value* is ``None``.
    problem: str | None = None
    #: A sentence explaining the problem.
    detail: str | None = None


# ---------------------------------------------------------------------------
# Time zones.

#: Zone abbreviations read in embargo lines: ``(UTC offset in minutes, rules)``.
#: An abbreviation with an offset is a fixed offset; when rules are named the
#: offset must also be the one those rules give on that date (``EST`` printed
#: in July is reported, not trusted). An abbreviation without an offset
#: (``ET``) takes it from the rules. ``CST`` and ``BST`` are read as US
#: Central and British Summer Time, their usual meaning in releases;
#: ``IST``, ``AST`` and other abbreviations shared by several zones are
#: deliberately absent.
ZONES: Mapping[str, tuple[int | None, str | None]] = types.MappingProxyType(
    {
        "UTC": (0, None),
        "UT": (0, None),
        "GMT": (0, None),
        "Z": (0, None),
        "WET": (0, "Europe/Lisbon"),
        "WEST": (60, "Europe/Lisbon"),
        "BST": (60, "Europe/London"),
        "CET": (60, "Europe/Berlin"),
        "CEST": (120, "Europe/Berlin"),
        "MEZ": (60, "Europe/Berlin"),
        "MESZ": (120, "Europe/Berlin"),
        "EET": (120, "Europe/Athens"),
        "EEST": (180, "Europe/Athens"),
        "EST": (-300, "America/New_York"),
        "EDT": (-240, "America/New_York"),
        "CST": (-360, "America/Chicago"),
        "CDT": (-300, "America/Chicago"),
        "MST": (-420, "America/Denver"),
        "MDT": (-360, "America/Denver"),
        "PST": (-480, "America/Los_Angeles"),
        "PDT": (-420, "America/Los_Angeles"),
        "AKST": (-540, "America/Anchorage"),
        "AKDT": (-480, "America/Anchorage"),
        "HST": (-600, None),
        "ET": (None, "America/New_York"),
        "CT": (None, "America/Chicago"),
        "MT": (None, "America/Denver"),
        "PT": (None, "America/Los_Angeles"),
    }
)

# Regions whose numeric dates put the month first; "CA" uses both orders.
_MDY_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW"})
_MIXED_REGIONS = frozenset({"CA"})

# ---------------------------------------------------------------------------
# Grammars.

# One line break at most, so that a date never runs across paragraphs; runs
# of blanks are bounded so that the scan window below covers a whole date.
_S = r"(?:[^\S\r\n]{1,4}(?:\r?\n[^\S\r\n]{0,4})?|\r?\n[^\S\r\n]{0,4})"
_NOT_LETTER = r"(?![^\W\d_])"
# A date has at most ~42 characters before its first digit (weekday,
# connector, month and bounded blanks) and at most ~34 after a run of digits
# before the next one or its end, so windows this wide around every run of
# digits hold every date whole.
_BEFORE = 48
_AFTER = 40


@attrs.frozen
class _Grammar:
    """The compiled date grammar of one language, or of all of them."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    connectors: re.Pattern[str]
    scanner: re.Pattern[str]
    times: re.Pattern[str]
    #: Whether a word names a month once cleaned, remembered (see :func:`_could_be_date`).
    month_word: Callable[[str], bool]


_Trie: TypeAlias = dict[str, "_Trie"]


def _alternation(words: Iterable[str]) -> str:
    r"""A pattern matching any of *words*, longest first, written as a trie.

    Sharing prefixes lets the engine give up on a word after one or two
    characters instead of trying every name in turn at every word.

    >>> _alternation(["juil", "juil.", "juillet", "juin"])
    'jui(?:l(?:\\.|let)?|n)'
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    # Siblings start with different characters, so their order does not
    # matter; the greedy "?" below makes "juillet" win over "juil".
    arms = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not arms:
        return ""
    if "" not in node:
        return arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
    if len(arms) == 1 and len(arms[0]) == 1:
        return arms[0] + "?"
    return "(?:" + "|".join(arms) + ")?"


def _merge(tables: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """Union of name tables; a name that means two things in two languages is dropped."""
    merged: dict[str, int] = {}
    clashes: set[str] = set()
    for table in tables:
        for name, number in table.items():
            if merged.setdefault(name, number) != number:
                clashes.add(name)
    for name in clashes:
        del merged[name]
    return merged


def _optional_words(words: Iterable[str]) -> str:
    listed = _alternation(words)
    return f"(?:(?:{listed}){_NOT_LETTER}{_S})?" if listed else ""


def _build(all_cues: tuple[LanguageCues, ...]) -> _Grammar:
    months = _merge(c.months for c in all_cues)
    weekdays = _merge(c.weekday_numbers for c in all_cues)
    orders = {order for c in all_cues for order in c.long_date_orders}
    month = rf"(?:{_alternation(months)}){_NOT_LETTER}"
    weekday = rf"(?:{_alternation(weekdays)}){_NOT_LETTER}"
    connectors = [word for c in all_cues for word in c.date_connectors]
    suffixes = _alternation(s for c in all_cues for s in c.ordinal_suffixes)
    suffix = f"(?:{suffixes})?" if suffixes else ""
    day_month = _optional_words(w for c in all_cues for w in c.day_month_joiners)
    month_year = _optional_words(w for c in all_cues for w in c.month_year_joiners)

    def year(name: str) -> str:
        return rf",?{_S}{month_year}(?P<{name}>[0-9]{{4}})(?![0-9])"

    # Every branch starts at a word start: one shared look-behind lets the
    # scan skip the middle of words without trying each branch there.
    branches = [
        # ISO and other year-first forms are unambiguous.
        (
            r"(?P<iso>(?<![,/-])(?P<iy>[0-9]{4})(?P<isep>[-/.])(?P<im>[0-9]{1,2})(?P=isep)(?P<id>[0-9]{1,2})"
            r"(?![0-9]|[-/.][0-9]))"
        ),
        # Digits chained by more separators are phone numbers or versions, not dates.
        (
            r"(?P<num>(?<![/-])(?P<n1>[0-9]{1,2})(?P<nsep>[-/.])(?P<n2>[0-9]{1,2})(?P=nsep)(?P<ny>[0-9]{4}|[0-9]{2})"
            r"(?![0-9]|[-/.,][0-9]))"
        ),
    ]
    if "DMY" in orders:
        branches.append(
            rf"(?P<dmy>(?<!,)(?:(?P<w1>{weekday})\.?,?{_S}{_optional_words(connectors)})?"
            rf"(?P<d1>[0-9]{{1,2}})(?![0-9]){suffix}(?:{_S}|(?<=\.)){day_month}(?P<m1>{month})"
            rf"(?:{year('y1')})?)"
        )
    # Month first: "July 24, 2012" where the language writes it, and
    # "juillet 2012" (no day) everywhere; one branch, so the month trie is
    # compiled once for both.
    if "MDY" in orders:
        branches.append(
            rf"(?P<mdy>(?<!,)(?:(?P<w2>{weekday})\.?,?{_S})?(?P<m2>{month})"
            rf"(?:{_S}(?P<d2>[0-9]{{1,2}})(?![0-9]){suffix}{_NOT_LETTER}(?:{year('y2')})?|{year('y3')}))"
        )
    else:
        branches.append(rf"(?P<my>(?<!,)(?:{month}){year('y3')})")
    scanner = re.compile(r"(?<![\w.])(?:" + "|".join(branches) + ")", re.IGNORECASE)
    connector_pattern = re.compile(rf"\s*(?:(?:{_alternation(connectors)}){_NOT_LETTER}{_S})?", re.IGNORECASE)
    # The words around numbers repeat: their answers are remembered, within bounds.
    month_word = functools.lru_cache(maxsize=4096)(functools.partial(_month_word, months))
    return _Grammar(months, weekdays, connector_pattern, scanner, _build_times(all_cues), month_word)


def _month_word(months: Mapping[str, int], word: str) -> bool:
    """Whether *word*, or a piece of it between punctuation, names a month, with its full stops or not.

    A month may be glued to the word before it ("WIRE)--June", "Acme—June"),
    so each piece is looked up, cleaned of the full stops before it.
    """
    for piece in word.translate(_PUNCTUATION_TO_BLANK).split():
        name = piece.lstrip(".").lower()
        if name in months or name.rstrip(".") in months:
            return True
    return False


_AMPM = r"(?P<ampm>[ap])\.?[^\S\r\n]?m\b\.?"
# A bare "-12:00" after a time is more often the end of a range than an offset.
_OFFSET = r"(?:UTC|GMT)[+\u2212-]\d{1,2}(?::?\d{2})?|\+\d{2}:?\d{2}"


def _build_times(all_cues: tuple[LanguageCues, ...]) -> re.Pattern[str]:
    ampm = re.compile(_AMPM)
    words = "|".join(
        [_alternation(w for c in all_cues for w in c.time_words if not ampm.fullmatch(w) and w != "h"), "h"]
    ).lstrip("|")
    zones = _alternation(ZONES)
    # Zone abbreviations are matched case-sensitively: "et" is French for "and".
    return re.compile(
        r"(?<![\w.:])(?P<h>\d{1,2})"
        r"(?:(?P<sep>:|\.|[^\S\r\n]?[hH][^\S\r\n]?)(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?(?!\d)"
        rf"(?:[^\S\r\n]?(?i:{_AMPM}))?"
        rf"(?:[^\S\r\n]?(?P<word>(?i:{words})){_NOT_LETTER})?"
        rf"(?:,?[^\S\r\n]{{0,2}}\(?(?P<zone>(?:{_OFFSET}|{zones})(?![\w+]))\)?)?"
    )


_GRAMMARS: dict[str, _Grammar] = {}


def _grammar(language: str | None) -> _Grammar:
    """The grammar of one language (or of all, for ``None``), built on first use."""
    key = "*" if language is None else language
    grammar = _GRAMMARS.get(key)
    if grammar is None:
        chosen = LANGUAGES if language is None else (language,)
        grammar = _GRAMMARS[key] = _build(tuple(cues_for(tag) for tag in chosen))
    return grammar


def _numeric_order(language: str | None, region: str | None) -> str | None:
    """The order of day and month in numeric dates, or ``None`` when it is not known for sure."""
    by_language = None if language is None else cues_for(language).numeric_date_order
    if region is None:
        return by_language
    region = region.upper()
    if region in _MIXED_REGIONS:
        return None
    by_region = "MDY" if region in _MDY_REGIONS else "DMY"
    if by_language is not None and by_language != by_region:
        # The language and the place disagree (a Spanish text from the US):
        # neither can be trusted alone.
        return None
    return by_region


_SETUPS: dict[tuple[str | None, str | None], tuple[_Grammar, str | None]] = {}


def _setup(language: str | None, region: str | None) -> tuple[_Grammar, str | None]:
    """The grammar and numeric order for a language tag and region, cached."""
    key = (language, region)
    setup = _SETUPS.get(key)
    if setup is None:
        primary: str | None = None
        if language is not None:
            primary = primary_language(language)
            if region is None:
                subtags = re.split(r"[-_]", language.strip())[1:]
                region = next((tag for tag in subtags if len(tag) == 2 and tag.isalpha()), None)
        if len(_SETUPS) >= 64:  # any tag may be asked for: the memory stays bounded
            _SETUPS.clear()
        setup = _SETUPS[key] = (_grammar(primary), _numeric_order(primary, region))
    return setup


# ---------------------------------------------------------------------------
# Reading one match.


def _calendar(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _numeric(match: re.Match[str], order: str | None) -> tuple[datetime.date | None, str | None, str | None]:
    first, second, year_text = match["n1"], match["n2"], match["ny"]
    shown = match.group(0)
    if len(year_text) == 2:
        return None, "two-digit-year", f"{shown!r} has a two-digit year, so its century is unknown"
    year, a, b = int(year_text), int(first), int(second)
    readings = {"DMY": _calendar(year, b, a), "MDY": _calendar(year, a, b)}
    if order is not None:
        other = "MDY" if order == "DMY" else "DMY"
        if readings[order] is not None:
            return readings[order], None, None
        if readings[other] is not None:
            return (
                None,
                "unexpected-numeric-order",
                (
                    f"{shown!r} is a valid date only when read as {_ORDER_NAMES[other]}, "
                    f"but the text writes {_ORDER_NAMES[order]}"
                ),
            )
        return None, "impossible-date", f"{shown!r} is not a date in either order"
    dmy, mdy = readings["DMY"], readings["MDY"]
    if dmy is not None and mdy is not None and dmy != mdy:
        return None, "ambiguous-numeric-date", f"{shown!r} could be {dmy.isoformat()} or {mdy.isoformat()}"
    found = dmy or mdy
    if found is None:
        return None, "impossible-date", f"{shown!r} is not a date in either order"
    return found, None, None


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDER_NAMES = {"DMY": "day/month/year", "MDY": "month/day/year"}


def _read(match: re.Match[str], grammar: _Grammar, order: str | None) -> DateMatch:
    shown = match.group(0)
    kind = match.lastgroup
    weekday: str | None = None
    if kind == "iso":
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    elif kind == "num":
        found, problem, detail = _numeric(match, order)
        return DateMatch(text=shown, start=match.start(), end=match.end(), date=found, problem=problem, detail=detail)
    elif kind == "my":
        return _problem(match, "no-day", f"{shown!r} names a month, not a day")
    else:
        weekday, day_text, month_name, year_text = (
            match.group("w1", "d1", "m1", "y1") if kind == "dmy" else match.group("w2", "d2", "m2", "y2")
        )
        if day_text is None:
            return _problem(match, "no-day", f"{shown!r} names a month, not a day")
        if year_text is None:
            return _problem(match, "no-year", f"{shown!r} has no year")
        year, month, day = int(year_text), grammar.months[month_name.lower()], int(day_text)
    found = _calendar(year, month, day)
    if found is None:
        return _problem(match, "impossible-date", f"{shown!r} does not exist")
    if weekday is not None and grammar.weekdays[weekday.lower()] != found.weekday():
        actual = _DAY_NAMES[found.weekday()]
        return _problem(match, "weekday-mismatch", f"{found.isoformat()} is a {actual}, not a {weekday.strip()}")
    return DateMatch(text=shown, start=match.start(), end=match.end(), date=found)


def _problem(match: re.Match[str], problem: str, detail: str) -> DateMatch:
    return DateMatch(text=match.group(0), start=match.start(), end=match.end(), problem=problem, detail=detail)


_PUNCTUATION = ",;:()[]{}\"'«»“”‘’–—-/"
# The same characters turned to blanks, to cut words apart where punctuation glues them.
_PUNCTUATION_TO_BLANK = str.maketrans(dict.fromkeys(_PUNCTUATION, " "))


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """Where the runs of ASCII digits are, found with ``str.find`` (much quicker than a regex scan)."""
    positions: list[int] = []
    for digit in "0123456789":
        at = text.find(digit)
        while at >= 0:
            positions.append(at)
            at = text.find(digit, at + 1)
    positions.sort()
    runs: list[tuple[int, int]] = []
    for at in positions:
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _could_be_date(text: str, start: int, end: int, grammar: _Grammar) -> bool:
    """Whether a run of digits sits where a date's digits do: next to a month name or a date separator.

    Most numbers in a release (amounts, counts, phone numbers) fail this
    test, so the full grammar only runs around the few that pass it.
    """
    if text[end : end + 1] in ("/", "-", ".") and text[end + 1 : end + 2].isdigit():
        return True
    # "1er août", "3. März", "1º de mayo": the month is among the next three words;
    # "July 24", "julio de 2012": among the two before. Month names hold no blank;
    # a word may hold one glued on by punctuation ("WIRE)--June 10"): see _month_word.
    near = text[end : end + 32].split()[:3] + text[max(start - 24, 0) : start].split()[-2:]
    return any(map(grammar.month_word, near))


def _windows(text: str, grammar: _Grammar) -> Iterator[tuple[int, int]]:
    """Stretches of *text* that may hold a date, in order: around digits placed as dates place them.

    The stretches come one by one, so that a caller that stops at the first
    date it can use spares the look at the digits further on.
    """
    if len(text) <= _BEFORE + _AFTER:
        # str.__contains__ is a memchr-speed scan, far quicker than a regex.
        if any(digit in text for digit in "0123456789"):
            yield 0, len(text)
        return
    window: tuple[int, int] | None = None
    for run_start, run_end in _digit_runs(text):
        if not _could_be_date(text, run_start, run_end, grammar):
            continue
        start, end = max(run_start - _BEFORE, 0), run_end + _AFTER
        if window is not None and start <= window[1]:
            window = (window[0], end)
            continue
        if window is not None:
            yield window
        window = (start, end)
    if window is not None:
        yield window


# ---------------------------------------------------------------------------
# Public functions.


def find_dates(text: str, *, language: str | None = None, region: str | None = None) -> list[DateMatch]:
    """Every date expression in *text*, in order, with its value when it is exact.

    *language* is a BCP 47 tag (``fr``, ``en-GB``) choosing the grammar
    and the order of numeric dates; ``None`` tries the grammars of every
    language in :data:`communique.cues.LANGUAGES`. *region* (``US``,
    ``GB``), or the region of the tag, refines the numeric order; when
    it contradicts the language, numeric dates are read as if no order
    were known.

    Besides full dates, a month with a year (``sept. 2012``, problem
    ``no-day``) and a day with a month (``24 juillet``, problem
    ``no-year``) are reported, with ``date=None``. A bare year, a
    number, a phone number or an amount is never a date.

    >>> [(m.text, m.date) for m in find_dates("On July 24th, 2012 and on 2012-08-01.", language="en")]
    [('July 24th, 2012', datetime.date(2012, 7, 24)), ('2012-08-01', datetime.date(2012, 8, 1))]
    >>> [(m.text, m.problem) for m in find_dates("lundi 24 juillet 2012, sept. 2012", language="fr")]
    [('lundi 24 juillet 2012', 'weekday-mismatch'), ('sept. 2012', 'no-day')]

    Raises :class:`communique.cues.UnknownLanguageError` for a language
    without cues.
    """
    return list(_iter_dates(text, language=language, region=region))


def _iter_dates(
    text: str, *, language: str | None = None, region: str | None = None, before: int | None = None,
) -> Iterator[DateMatch]:
    """:func:`find_dates`, one date at a time, and only those that start *before* an offset, if given.

    A caller that stops early spares reading the rest of the text.
    """
    grammar, order = _setup(language, region)
    scanner = grammar.scanner
    for start, end in _windows(text, grammar):
        if before is not None and start >= before:
            return
        for match in scanner.finditer(text, start, end):
            if before is not None and match.start() >= before:
                return
            yield _read(match, grammar, order)


def parse_date(text: str, *, language: str | None = None, region: str | None = None) -> DateMatch | None:
    """Read *text* as one date expression, or return ``None`` when it is not one.

    Surrounding blanks, a final full stop or comma, a leading connector
    (``le``, ``den``, ``on``) and a leading weekday are allowed; the span
    of the result is that of the date expression inside *text*.

    >>> parse_date("le 1er août 2012", language="fr").date
    datetime.date(2012, 8, 1)
    >>> parse_date("Friday, May 10, 2019").date
    datetime.date(2019, 5, 10)
    >>> parse_date("Paris, le 24 juillet 2012") is None
    True
    """
    grammar, order = _setup(language, region)
    end = len(text.rstrip().rstrip(".,").rstrip())
    lead = grammar.connectors.match(text)
    start = lead.end() if lead else 0
    match = grammar.scanner.fullmatch(text, start, end)
    if match is None and start:
        # The "connector" may have been the start of the date itself.
        start = len(text) - len(text.lstrip())
        match = grammar.scanner.fullmatch(text, start, end)
    if match is None:
        return None
    return _read(match, grammar, order)


def _clock(match: re.Match[str]) -> datetime.time | None:
    """The wall time of a time match, or ``None`` when it is not a time of day."""
    hour, minute, second = int(match["h"]), int(match["mi"] or 0), int(match["s"] or 0)
    separator, ampm, word = match["sep"], match["ampm"], match["word"]
    if ampm is None and word is None and (separator is None or separator == "."):
        return None
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.time(hour, minute, second)


def _offset(zone: str) -> datetime.timezone | None:
    """A printed numeric offset (``UTC+2``, ``+02:00``) as a fixed zone."""
    sign_at = next(i for i, char in enumerate(zone) if char in "+-\u2212")
    digits = zone[sign_at + 1 :].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 14 or minutes > 59:
        return None
    delta = datetime.timedelta(hours=hours, minutes=minutes)
    return datetime.timezone(-delta if zone[sign_at] != "+" else delta, zone)


def _aware(
    day: datetime.date, clock: datetime.time, zone: str
) -> tuple[datetime.datetime | None, str | None, str | None]:
    wall = datetime.datetime.combine(day, clock)
    if zone not in ZONES:
        fixed = _offset(zone)
        if fixed is None:
            return None, "unknown-zone", f"{zone!r} is not a UTC offset"
        return wall.replace(tzinfo=fixed), None, None
    minutes, rules = ZONES[zone]
    fixed_zone = None if minutes is None else datetime.timezone(datetime.timedelta(minutes=minutes), zone)
    if rules is None:
        return wall.replace(tzinfo=fixed_zone), None, None
    try:
        ruled = zoneinfo.ZoneInfo(rules)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None, "zone-rules-unavailable", f"the rules of {rules} are not installed"
    offsets = {wall.replace(tzinfo=ruled, fold=fold).utcoffset() for fold in (0, 1)}
    if fixed_zone is not None:
        if fixed_zone.utcoffset(None) not in offsets:
            return (
                None,
                "zone-season-mismatch",
                (f"{zone} is not the time in force in {rules} on {day.isoformat()}, so the intended offset is unknown"),
            )
        return wall.replace(tzinfo=fixed_zone), None, None
    local = wall.replace(tzinfo=ruled)
    if local.astimezone(datetime.UTC).astimezone(ruled).replace(tzinfo=None) != wall:
        return None, "nonexistent-local-time", f"{wall.isoformat()} does not exist in {rules}"
    if len(offsets) > 1:
        return None, "ambiguous-local-time", f"{wall.isoformat()} happens twice in {rules}"
    return local, None, None


def find_datetime(text: str, *, language: str | None = None, region: str | None = None) -> DateTimeMatch | None:
    """The date and time of day of an embargo line, or ``None`` when it has neither.

    The first time of day in *text* is paired with the date nearest to
    it (or the first date when no time is printed). The zone is read only
    when printed right after the time (``10:00 CET``, ``10:00 Uhr MESZ``,
    ``12:01 a.m. (EDT)``, ``UTC+2``); *value* is set only when date, time
    and a zone of :data:`ZONES` (or a numeric offset) are all there.

    >>> m = find_datetime("EMBARGOED UNTIL 9:00 A.M., FRIDAY, MAY 10, 2019")
    >>> m.date, m.time, m.value, m.problem
    (datetime.date(2019, 5, 10), datetime.time(9, 0), None, 'no-zone')
    >>> find_datetime("EMBARGOED UNTIL 00:01 GMT, 25 July 2012").value.isoformat()
    '2012-07-25T00:01:00+00:00'
    """
    grammar, _ = _setup(language, region)
    dates = find_dates(text, language=language, region=region)
    taken = [(d.start, d.end) for d in dates]
    clock: datetime.time | None = None
    time_match: re.Match[str] | None = None
    for candidate in grammar.times.finditer(text):
        if any(s < candidate.end() and candidate.start() < e for s, e in taken):
            continue
        clock = _clock(candidate)
        if clock is not None:
            time_match = candidate
            break
    if time_match is None and not dates:
        return None
    chosen: DateMatch | None = None
    if dates:
        if time_match is None:
            chosen = dates[0]
        else:
            at, until = time_match.start(), time_match.end()
            chosen = min(dates, key=lambda d: (min(abs(d.start - until), abs(at - d.end)), d.start))
    spans = [(chosen.start, chosen.end)] if chosen else []
    zone: str | None = None
    if time_match is not None:
        spans.append((time_match.start(), time_match.end()))
        zone = time_match["zone"]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    day = chosen.date if chosen else None
    value: datetime.datetime | None = None
    problem: str | None
    detail: str | None
    if chosen is None:
        problem, detail = "no-date", "a time of day is printed without a date"
    elif day is None:
        problem, detail = chosen.problem, chosen.detail
    elif clock is None:
        problem, detail = "no-time", f"{chosen.text!r} has no time of day"
    elif zone is None:
        problem, detail = "no-zone", "the time zone is not printed"
    else:
        value, problem, detail = _aware(day, clock, zone)
    return DateTimeMatch(
        text=text[start:end],
        start=start,
        end=end,
        date=day,
        time=clock,
        zone_text=zone,
        value=value,
        problem=problem,
        detail=detail,
    )


# Machine-written timestamps: ISO 8601 in full or basic form, with or without
# a time. Human prose never reaches dateutil: it is the grammars' job.
_TIMESTAMP = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?)?"
                        r"(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?")


def parse_timestamp(text: str) -> datetime.date | datetime.datetime | None:
    """Read a machine-written ISO 8601 timestamp (front matter, ``<time datetime>``, JSON-LD).

    A date alone gives a :class:`~datetime.date`; a date and time give a
    :class:`~datetime.datetime`, aware when the timestamp carries an offset
    and naive when it does not (the caller decides what a naive time means).
    Anything else, or an impossible value, gives ``None``: prose dates are
    read by :func:`parse_date`, never here.

    >>> parse_timestamp("2022-03-07 14:48:00 +01:00").isoformat()
    '2022-03-07T14:48:00+01:00'
    >>> parse_timestamp("2019-06-18")
    datetime.date(2019, 6, 18)
    >>> parse_timestamp("18 June 2019") is None
    True

    .. versionadded:: 0.1.0
    """
    candidate = text.strip()
    if not _TIMESTAMP.fullmatch(candidate):
        return None
    from dateutil import parser as dateutil_parser  # loaded on first use only

    try:
        value = dateutil_parser.isoparse(candidate.replace(" ", "T", 1).replace(" ", ""))
    except (ValueError, OverflowError):
        return None
    if len(re.sub(r"\D", "", candidate)) == 8 and "T" not in candidate.upper() and ":" not in candidate:
        return value.date()
    return value


def parse_mail_date(text: str) -> datetime.datetime | None:
    """Read an RFC 5322 date, as in e-mail headers and an RSS ``pubDate``.

    The result is aware when the date carries a zone (``+0200``, ``GMT``,
    ``EST``); ``-0000`` means "zone unknown" and gives a naive value. Text
    that is not such a date gives ``None``.

    >>> parse_mail_date("Tue, 24 Jul 2012 10:00:00 +0200").isoformat()
    '2012-07-24T10:00:00+02:00'
    >>> parse_mail_date("24 juillet 2012") is None
    True

    .. versionadded:: 0.1.0
    """
    import email.utils  # loaded on first use only

    try:
        return email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
