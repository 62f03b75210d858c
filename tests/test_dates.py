"""Tests for communique.dates: exact dates, or None and the reason, never a guess."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.cues import LANGUAGES, UnknownLanguageError, cues_for
from communique.dates import PROBLEMS, ZONES, DateMatch, find_dates, find_datetime, parse_date

D = datetime.date
NBSP = "\u00a0"
NNBSP = "\u202f"

# (text, language, date or None, problem): each text holds exactly one date expression.
ONE_DATE = [
    # French
    ("24 juillet 2012", "fr", D(2012, 7, 24), None),
    ("Paris, le 24 juillet 2012", "fr", D(2012, 7, 24), None),
    ("le 1er août 2012", "fr", D(2012, 8, 1), None),
    ("le 1ᵉʳ août 2012", "fr", D(2012, 8, 1), None),
    ("3 août 2012", "fr", D(2012, 8, 3), None),
    ("3 aout 2012", "fr", D(2012, 8, 3), None),
    ("lundi 23 juillet 2012", "fr", D(2012, 7, 23), None),
    ("Lundi, le 23 juillet 2012", "fr", D(2012, 7, 23), None),
    ("lundi 24 juillet 2012", "fr", None, "weekday-mismatch"),
    ("le 1er septembre 2012", "fr", D(2012, 9, 1), None),
    ("24 juil. 2012", "fr", D(2012, 7, 24), None),
    ("4 sept. 2012", "fr", D(2012, 9, 4), None),
    ("12 févr. 2013", "fr", D(2013, 2, 12), None),
    ("12 fevrier 2013", "fr", D(2013, 2, 12), None),
    ("PARIS, LE 24 JUILLET 2012", "fr", D(2012, 7, 24), None),
    (f"24{NBSP}juillet{NBSP}2012", "fr", D(2012, 7, 24), None),
    (f"le{NBSP}1er{NNBSP}août{NNBSP}2012", "fr", D(2012, 8, 1), None),
    ("24\njuillet 2012", "fr", D(2012, 7, 24), None),
    ("31 février 2012", "fr", None, "impossible-date"),
    ("sept. 2012", "fr", None, "no-day"),
    ("Novembre 2025", "fr", None, "no-day"),
    ("le 24 juillet, à Paris", "fr", None, "no-year"),
    ("24/07/2012", "fr", D(2012, 7, 24), None),
    ("03/04/2012", "fr", D(2012, 4, 3), None),
    ("24.07.2012", "fr", D(2012, 7, 24), None),
    ("24-07-2012", "fr", D(2012, 7, 24), None),
    ("07/24/2012", "fr", None, "unexpected-numeric-order"),
    ("24/07/12", "fr", None, "two-digit-year"),
    ("31/02/2012", "fr", None, "impossible-date"),
    # English
    ("July 24, 2012", "en", D(2012, 7, 24), None),
    ("July 24th, 2012", "en", D(2012, 7, 24), None),
    ("July 1st 2012", "en", D(2012, 7, 1), None),
    ("Jul. 24, 2012", "en", D(2012, 7, 24), None),
    ("Sept. 4, 2012", "en", D(2012, 9, 4), None),
    ("Sep 4, 2012", "en", D(2012, 9, 4), None),
    ("24 July 2012", "en", D(2012, 7, 24), None),
    ("24th of July, 2012", "en", D(2012, 7, 24), None),
    ("MAY 10, 2019", "en", D(2019, 5, 10), None),
    ("FRIDAY, MAY 10, 2019", "en", D(2019, 5, 10), None),
    ("Thursday, May 10, 2019", "en", None, "weekday-mismatch"),
    ("Wednesday, March 11, 2015", "en", D(2015, 3, 11), None),
    ("NEW YORK, July 21, 2026 /PRNewswire/ --", "en", D(2026, 7, 21), None),
    ("FOR IMMEDIATE RELEASE - August 30, 2005", "en", D(2005, 8, 30), None),
    ("29 February 2023", "en", None, "impossible-date"),
    ("29 February 2024", "en", D(2024, 2, 29), None),
    ("February 30, 2024", "en", None, "impossible-date"),
    ("07/24/2012", "en", D(2012, 7, 24), None),
    ("03/04/2012", "en", None, "ambiguous-numeric-date"),
    ("24/07/2012", "en", D(2012, 7, 24), None),
    ("24/07/2012", "en-US", None, "unexpected-numeric-order"),
    ("in May 2019", "en", None, "no-day"),
    ("on July 4 the office", "en", None, "no-year"),
    ("2012-07-24", "en", D(2012, 7, 24), None),
    ("2012-02-30", "en", None, "impossible-date"),
    (f"July{NBSP}24,{NBSP}2012", "en", D(2012, 7, 24), None),
    # German
    ("24. Juli 2012", "de", D(2012, 7, 24), None),
    ("Berlin, 24. Juli 2012", "de", D(2012, 7, 24), None),
    ("Berlin, den 3. März 2015", "de", D(2015, 3, 3), None),
    ("3. März 2015", "de", D(2015, 3, 3), None),
    ("3. Maerz 2015", "de", D(2015, 3, 3), None),
    ("3. MÄRZ 2015", "de", D(2015, 3, 3), None),
    ("Dienstag, 3. März 2015", "de", D(2015, 3, 3), None),
    ("Dienstag, den 3. März 2015", "de", D(2015, 3, 3), None),
    ("Montag, den 3. März 2015", "de", None, "weekday-mismatch"),
    ("Wien, 5. Jänner 2016", "de", D(2016, 1, 5), None),
    ("24.07.2012", "de", D(2012, 7, 24), None),
    ("30. Februar 2015", "de", None, "impossible-date"),
    ("im Oktober 2019", "de", None, "no-day"),
    # Spanish
    ("24 de julio de 2012", "es", D(2012, 7, 24), None),
    ("Madrid, 24 de julio de 2012", "es", D(2012, 7, 24), None),
    ("24 de julio del 2012", "es", D(2012, 7, 24), None),
    ("1º de mayo de 2020", "es", D(2020, 5, 1), None),
    ("1.º de mayo de 2020", "es", D(2020, 5, 1), None),
    ("viernes, 1 de mayo de 2020", "es", D(2020, 5, 1), None),
    ("miércoles 24 de julio de 2012", "es", None, "weekday-mismatch"),
    ("18 de octubre de 2012", "es", D(2012, 10, 18), None),
    ("MINNEAPOLIS, MN — 13 de agosto de 2026 — (NEWSWIRE)", "es", D(2026, 8, 13), None),
    ("agosto de 2026", "es", None, "no-day"),
    ("24/07/2012", "es", D(2012, 7, 24), None),
    ("31 de junio de 2012", "es", None, "impossible-date"),
    # No language: every grammar, no numeric order
    ("24 juillet 2012", None, D(2012, 7, 24), None),
    ("3. März 2015", None, D(2015, 3, 3), None),
    ("24 de julio de 2012", None, D(2012, 7, 24), None),
    ("July 24, 2012", None, D(2012, 7, 24), None),
    ("03/04/2012", None, None, "ambiguous-numeric-date"),
    ("04/04/2012", None, D(2012, 4, 4), None),
    ("24/07/2012", None, D(2012, 7, 24), None),
    ("13/13/2012", None, None, "impossible-date"),
    # Regions
]

# (text, language, region, date or None, problem)
WITH_REGION = [
    ("03/04/2012", "en", "GB", D(2012, 4, 3), None),
    ("24/07/2012", "en", "GB", D(2012, 7, 24), None),
    ("03/04/2012", "en-GB", None, D(2012, 4, 3), None),
    ("03/04/2012", "en-US", None, D(2012, 3, 4), None),
    ("03/04/2012", "fr", "CA", None, "ambiguous-numeric-date"),
    ("03/04/2012", "es", "US", None, "ambiguous-numeric-date"),
    ("03/04/2012", None, "US", D(2012, 3, 4), None),
    ("03/04/2012", None, "fr", D(2012, 4, 3), None),
]

# Numbers that are not dates and must never become one.
NOT_DATES = [
    "Revenue rose to $100M in 2012.",
    "The ship was at 32° 34'S when it sank.",
    "Order 6005 was shipped.",
    "Appelez le 01 53 18 41 00.",
    "Appelez le 01.53.18.41.00.",
    "Call 555-123-4567 now.",
    "Le budget atteint 24 millions d'euros en 2012.",
    "Prix : 12,50 € ou 1.500.000 €.",
    "Version 10.4.3.2 ships today.",
    "Server 192.168.1.1 is down.",
    "Sept personnes sont venues.",
    "In 2012, 24 people came.",
    "",
    "no digits at all",
]


def pairs(matches: list[DateMatch]) -> list[tuple[datetime.date | None, str | None]]:
    return [(m.date, m.problem) for m in matches]


class TestFindDates:
    @pytest.mark.parametrize(("text", "language", "date", "problem"), ONE_DATE)
    def test_one_date(self, text, language, date, problem):
        """Each text yields its one date expression, read exactly or refused with a reason."""
        assert [(date, problem)] == pairs(find_dates(text, language=language))

    @pytest.mark.parametrize(("text", "language", "region", "date", "problem"), WITH_REGION)
    def test_region(self, text, language, region, date, problem):
        """The region orders numeric dates, and a conflict with the language refuses to guess."""
        assert [(date, problem)] == pairs(find_dates(text, language=language, region=region))

    @pytest.mark.parametrize("text", NOT_DATES)
    @pytest.mark.parametrize("language", [None, *LANGUAGES])
    def test_not_dates(self, text, language):
        """Amounts, coordinates, phone numbers and bare years are never dates."""
        assert [] == [m for m in find_dates(text, language=language) if m.date is not None]

    def test_two_dates_in_order_with_spans(self):
        """A sentence with two dates gives both, in order, with their spans."""
        text = "Paris, le 24 juillet 2012 – La réunion du 3 septembre 2012 est confirmée."
        found = find_dates(text, language="fr")
        assert [("24 juillet 2012", 10, 25, D(2012, 7, 24)), ("3 septembre 2012", 42, 58, D(2012, 9, 3))] == [
            (m.text, m.start, m.end, m.date) for m in found
        ]

    def test_dates_far_apart_in_long_text(self):
        """Dates deep inside a long text are found as in a short one."""
        filler = "Le ministre a reçu 12 présidents de pôles pour un échange sur la politique industrielle. " * 20
        parts = ["lundi 23 juillet 2012", "24/07/2012", "sept. 2012", "2012-07-24", "1er août 2012"]
        text = filler.join(parts)
        assert [D(2012, 7, 23), D(2012, 7, 24), None, D(2012, 7, 24), D(2012, 8, 1)] == [
            m.date for m in find_dates(text, language="fr")
        ]

    def test_weekday_kept_in_long_text(self):
        """A weekday far from the start of a long text is still checked against the date."""
        text = "x" * 500 + " Thursday, May 10, 2019 " + "y" * 500
        assert [(None, "weekday-mismatch")] == pairs(find_dates(text, language="en"))

    def test_detail_is_a_sentence(self):
        """A refused date says why, in words."""
        match = find_dates("03/04/2012")[0]
        assert "2012-04-03 or 2012-03-04" in (match.detail or "")

    def test_unknown_language(self):
        """A language without cues is an error, not a silent fallback."""
        with pytest.raises(UnknownLanguageError):
            find_dates("24 juillet 2012", language="tlh")

    def test_problem_codes_documented(self):
        """Every problem code used in the table is documented in PROBLEMS."""
        used = {problem for *_, problem in ONE_DATE + WITH_REGION if problem}
        assert set() == used - set(PROBLEMS)


class TestParseDate:
    @pytest.mark.parametrize(
        ("text", "language", "date"),
        [
            ("24 juillet 2012", "fr", D(2012, 7, 24)),
            ("  le 24 juillet 2012. ", "fr", D(2012, 7, 24)),
            ("den 3. März 2015", "de", D(2015, 3, 3)),
            ("Friday, May 10, 2019", "en", D(2019, 5, 10)),
            ("on July 24, 2012", "en", D(2012, 7, 24)),
            ("el 24 de julio de 2012", "es", D(2012, 7, 24)),
            ("2012-07-24", None, D(2012, 7, 24)),
            ("le 3 mars 2015", None, D(2015, 3, 3)),
        ],
    )
    def test_whole_string(self, text, language, date):
        """A string that is one date expression, with its connector, gives that date."""
        match = parse_date(text, language=language)
        assert match is not None
        assert date == match.date

    @pytest.mark.parametrize(
        "text", ["Paris, le 24 juillet 2012", "24 juillet 2012 à Paris", "", "juillet", "2012", "le"]
    )
    def test_not_one_date(self, text):
        """A string with more than a date, or less, is not a date."""
        assert parse_date(text, language="fr") is None

    def test_refused_date_is_a_match(self):
        """A whole-string date that cannot be read comes back with its problem."""
        match = parse_date("31 février 2012", language="fr")
        assert match is not None
        assert (None, "impossible-date") == (match.date, match.problem)

    def test_span_inside_text(self):
        """The span of the result is that of the date expression inside the given string."""
        text = " le 24 juillet 2012."
        match = parse_date(text, language="fr")
        assert match is not None
        assert "24 juillet 2012" == text[match.start : match.end]


def _utc(hours: int) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=hours))


EMBARGOES = [
    # (text, language, date, time, zone_text, value, problem)
    (
        "EMBARGOED UNTIL 9:00 A.M., FRIDAY, MAY 10, 2019",
        "en",
        D(2019, 5, 10),
        datetime.time(9),
        None,
        None,
        "no-zone",
    ),
    (
        "Sous embargo jusqu'au 25 juillet 2012 à 10h00",
        "fr",
        D(2012, 7, 25),
        datetime.time(10),
        None,
        None,
        "no-zone",
    ),
    (
        "Sperrfrist: 25.07.2012, 10:00 Uhr MESZ",
        "de",
        D(2012, 7, 25),
        datetime.time(10),
        "MESZ",
        datetime.datetime(2012, 7, 25, 10, tzinfo=_utc(2)),
        None,
    ),
    (
        "EMBARGOED UNTIL 10:00 CET 25 January 2012",
        "en",
        D(2012, 1, 25),
        datetime.time(10),
        "CET",
        datetime.datetime(2012, 1, 25, 10, tzinfo=_utc(1)),
        None,
    ),
    (
        "EMBARGOED UNTIL 10:00 CET 25 July 2012",
        "en",
        D(2012, 7, 25),
        datetime.time(10),
        "CET",
        None,
        "zone-season-mismatch",
    ),
    (
        "EMBARGOED UNTIL 00:01 GMT, 25 July 2012",
        "en",
        D(2012, 7, 25),
        datetime.time(0, 1),
        "GMT",
        datetime.datetime(2012, 7, 25, 0, 1, tzinfo=_utc(0)),
        None,
    ),
    (
        "Embargoed until 10 a.m. ET, July 24, 2012",
        "en",
        D(2012, 7, 24),
        datetime.time(10),
        "ET",
        datetime.datetime(2012, 7, 24, 10, tzinfo=_utc(-4)),
        None,
    ),
    (
        "Embargoed until 10 a.m. ET, January 24, 2012",
        "en",
        D(2012, 1, 24),
        datetime.time(10),
        "ET",
        datetime.datetime(2012, 1, 24, 10, tzinfo=_utc(-5)),
        None,
    ),
    (
        "EMBARGOED UNTIL 12:01 a.m. EDT, July 24, 2012",
        "en",
        D(2012, 7, 24),
        datetime.time(0, 1),
        "EDT",
        datetime.datetime(2012, 7, 24, 0, 1, tzinfo=_utc(-4)),
        None,
    ),
    (
        "Embargoed until 12:30 p.m. (PST) on January 5, 2020",
        "en",
        D(2020, 1, 5),
        datetime.time(12, 30),
        "PST",
        datetime.datetime(2020, 1, 5, 12, 30, tzinfo=_utc(-8)),
        None,
    ),
    (
        "Embargo hasta el 24 de julio de 2012 a las 10:00 horas (UTC+2)",
        "es",
        D(2012, 7, 24),
        datetime.time(10),
        "UTC+2",
        datetime.datetime(2012, 7, 24, 10, tzinfo=_utc(2)),
        None,
    ),
    (
        "Embargoed until 00:01 GMT",
        "en",
        None,
        datetime.time(0, 1),
        "GMT",
        None,
        "no-date",
    ),
    (
        "Embargoed until July 24, 2012",
        "en",
        D(2012, 7, 24),
        None,
        None,
        None,
        "no-time",
    ),
    (
        "Embargoed until 10:00 IST, July 24, 2012",
        "en",
        D(2012, 7, 24),
        datetime.time(10),
        None,
        None,
        "no-zone",
    ),
    (
        "Embargoed until 1:30 a.m. ET, November 4, 2012",
        "en",
        D(2012, 11, 4),
        datetime.time(1, 30),
        "ET",
        None,
        "ambiguous-local-time",
    ),
    (
        "Embargoed until 2:30 a.m. ET, March 11, 2012",
        "en",
        D(2012, 3, 11),
        datetime.time(2, 30),
        "ET",
        None,
        "nonexistent-local-time",
    ),
    (
        "Embargoed until 10:00 CET, 31 février 2012",
        None,
        None,
        datetime.time(10),
        "CET",
        None,
        "impossible-date",
    ),
]


class TestFindDatetime:
    @pytest.mark.parametrize(("text", "language", "expected"), [(t, lang, rest) for t, lang, *rest in EMBARGOES])
    def test_embargo(self, text, language, expected):
        """Embargo lines give their date, wall time, printed zone, and an aware value only when exact."""
        match = find_datetime(text, language=language)
        assert match is not None
        assert expected == [match.date, match.time, match.zone_text, match.value, match.problem]

    def test_value_is_aware(self):
        """A value always carries its offset."""
        match = find_datetime("Sperrfrist: 25.07.2012, 10:00 Uhr MESZ", language="de")
        assert match is not None
        assert match.value is not None
        assert datetime.timedelta(hours=2) == match.value.utcoffset()

    def test_span_covers_date_and_time(self):
        """The match spans from the first to the last of date, time and zone."""
        text = "EMBARGOED UNTIL 10:00 CET 25 January 2012."
        match = find_datetime(text)
        assert match is not None
        assert "10:00 CET 25 January 2012" == text[match.start : match.end] == match.text

    def test_time_range_end_is_not_an_offset(self):
        """The end of a time range is not read as a UTC offset."""
        match = find_datetime("July 24, 2012, 10:00-12:00", language="en")
        assert match is not None
        assert (None, "no-zone") == (match.zone_text, match.problem)

    def test_french_et_is_not_a_zone(self):
        """The French word "et" after a time is not Eastern Time."""
        match = find_datetime("le 24 juillet 2012 à 10h et à 14h", language="fr")
        assert match is not None
        assert (None, "no-zone") == (match.zone_text, match.problem)

    @pytest.mark.parametrize("text", ["", "no date here", "Revenue of 100M in 2012", "48h chrono"])
    def test_nothing(self, text):
        """A text without date or time gives None."""
        assert find_datetime(text) is None

    def test_zone_table(self):
        """Every zone either has a fixed offset or names tz rules, and none is lower case."""
        assert [] == [name for name, (offset, rules) in ZONES.items() if (offset is None and rules is None)]
        assert [] == [name for name in ZONES if name != name.upper()]


# ---------------------------------------------------------------------------
# Properties.

LONG_FORMS = {
    "fr": lambda d, months: f"{d.day} {months[d.month - 1]} {d.year}",
    "en": lambda d, months: f"{months[d.month - 1]} {d.day}, {d.year}",
    "de": lambda d, months: f"{d.day}. {months[d.month - 1]} {d.year}",
    "es": lambda d, months: f"{d.day} de {months[d.month - 1]} de {d.year}",
}
MONTH_NAMES = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}


class TestProperties:
    @given(st.text())
    def test_never_raises(self, text):
        """find_dates reads any text without raising, and its spans are what they say."""
        for language in (None, *LANGUAGES):
            for match in find_dates(text, language=language):
                assert match.text == text[match.start : match.end]
                assert (match.date is None) == (match.problem is not None)

    @given(st.text(alphabet="0123456789/.-: ,aeijlmnorstuyMJ\u00a0\n", max_size=60))
    def test_never_raises_on_digit_soup(self, text):
        """Dense digits and separators never break the scanner or its spans."""
        for match in find_dates(text):
            assert match.text == text[match.start : match.end]
        find_datetime(text)

    @given(st.dates(min_value=D(1000, 1, 1)), st.sampled_from(LANGUAGES))
    def test_long_form_round_trip(self, date, language):
        """Any date written in a language's long form reads back as exactly that date."""
        text = LONG_FORMS[language](date, MONTH_NAMES[language])
        match = parse_date(text, language=language)
        assert match is not None
        assert date == match.date

    @given(st.dates(min_value=D(1000, 1, 1)), st.sampled_from(LANGUAGES))
    def test_long_form_in_text_without_language(self, date, language):
        """Any long-form date inside a sentence is found with every grammar at once."""
        text = f"Issued 42 copies: {LONG_FORMS[language](date, MONTH_NAMES[language])}."
        assert [date] == [m.date for m in find_dates(text)]

    @given(st.dates(min_value=D(1000, 1, 1)), st.sampled_from(["de", "en-US", "en-GB", "es", "fr"]))
    def test_numeric_in_language_order(self, date, language):
        """A numeric date written in the order of the language (and region) reads back exactly."""
        month_first = language == "en-US"
        first, second = (date.month, date.day) if month_first else (date.day, date.month)
        text = f"{first:02}/{second:02}/{date.year}"
        assert [date] == [m.date for m in find_dates(text, language=language)]

    @given(st.dates(min_value=D(1000, 1, 1)))
    def test_numeric_without_language_never_wrong(self, date):
        """Without a language, a numeric date is the date written or refused, never the other reading."""
        text = f"{date.day:02}/{date.month:02}/{date.year}"
        assert find_dates(text)[0].date in (date, None)


class TestLayering:
    def test_no_heavy_imports(self):
        """Importing the dates module loads neither lxml nor cattrs."""
        code = "import sys, communique.dates\nprint(' '.join(m for m in ('lxml', 'cattrs') if m in sys.modules))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "" == out.stdout.strip()

    def test_grammar_built_lazily(self):
        """No grammar is compiled when the module is imported."""
        code = "import communique.dates as d\nprint(len(d._GRAMMARS))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "0" == out.stdout.strip()

    def test_cues_months_drive_grammar(self):
        """Every month name of the cues is understood by the grammar."""
        for language in LANGUAGES:
            for name, number in cues_for(language).months.items():
                match = parse_date(f"3 {name} 2015", language=language) or parse_date(
                    f"{name} 3, 2015", language=language
                )
                assert match is not None, (language, name)
                assert D(2015, number, 3) == match.date
