"""Datelines of wire releases keep their date whatever the length of the sentence after them.

A date is looked for only around digits that sit next to a month name; a
month glued to the word before it by punctuation ("WIRE)--June 10") must
still count, or a long text loses the date that a short one keeps.
"""

from __future__ import annotations

import datetime

import pytest

from communique._recognize import match_dateline
from communique.dates import find_dates

D = datetime.date

# Invented sentences, long enough that the date is searched for around its digits only.
LONG_EN = (
    "Northwind Trading Company, a supplier of garden furniture and outdoor lighting to shops "
    "across three countries, today announced the opening of its fourth warehouse."
)
LONG_FR = (
    "La société Verger & Fils, qui fabrique des meubles de jardin et des lampes d’extérieur pour "
    "des magasins de trois pays, annonce aujourd’hui l’ouverture de son quatrième entrepôt."
)
LONG_DE = (
    "Die Gartenwerk GmbH, die Gartenmöbel und Außenleuchten an Geschäfte in drei Ländern "
    "liefert, eröffnet heute ihr viertes Lager im Norden der Stadt."
)
LONG_ES = (
    "La empresa Huerta Norte, que fabrica muebles de jardín y lámparas de exterior para tiendas "
    "de tres países, anunció hoy la apertura de su cuarto almacén."
)
SHORT_EN = "Northwind today opened a warehouse."

# (text, language, (shown dateline, place, region, wire, date), where the rest starts)
DATED = [
    (
        "DENVER--(BUSINESS WIRE)--March 4, 2024--" + LONG_EN,
        "en",
        ("DENVER--(BUSINESS WIRE)--March 4, 2024", "DENVER", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "Northwind",
    ),
    (
        "DENVER--(BUSINESS WIRE)--March 4, 2024--" + SHORT_EN,
        "en",
        ("DENVER--(BUSINESS WIRE)--March 4, 2024", "DENVER", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "Northwind",
    ),
    (
        "SALT LAKE CITY--(BUSINESS WIRE)--March 4, 2024-- " + LONG_EN,
        "en",
        ("SALT LAKE CITY--(BUSINESS WIRE)--March 4, 2024", "SALT LAKE CITY", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "Northwind",
    ),
    (
        "TACOMA, Wash.--(BUSINESS WIRE)--Nov. 18, 2023--" + LONG_EN,
        "en",
        ("TACOMA, Wash.--(BUSINESS WIRE)--Nov. 18, 2023", "TACOMA", "Wash.", "BUSINESS WIRE", D(2023, 11, 18)),
        "Northwind",
    ),
    (
        "DENVER—(BUSINESS WIRE)—March 4, 2024—" + LONG_EN,
        "en",
        ("DENVER—(BUSINESS WIRE)—March 4, 2024", "DENVER", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "Northwind",
    ),
    (
        "DENVER--(BUSINESS WIRE)--March 4, 2024--" + LONG_EN,
        None,
        ("DENVER--(BUSINESS WIRE)--March 4, 2024", "DENVER", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "Northwind",
    ),
    (
        "LYON--(BUSINESS WIRE)--4 mars 2024--" + LONG_FR,
        "fr",
        ("LYON--(BUSINESS WIRE)--4 mars 2024", "LYON", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "La société",
    ),
    (
        "HAMBURG--(BUSINESS WIRE)--4. März 2024--" + LONG_DE,
        "de",
        ("HAMBURG--(BUSINESS WIRE)--4. März 2024", "HAMBURG", None, "BUSINESS WIRE", D(2024, 3, 4)),
        "Die Gartenwerk",
    ),
    (
        "CHICAGO, March 4, 2024 /PRNewswire/ -- " + LONG_EN,
        "en",
        ("CHICAGO, March 4, 2024 /PRNewswire/", "CHICAGO", None, "PRNewswire", D(2024, 3, 4)),
        "Northwind",
    ),
    (
        "Lyon, le 4 mars 2024 – " + LONG_FR,
        "fr",
        ("Lyon, le 4 mars 2024", "Lyon", None, None, D(2024, 3, 4)),
        "La société",
    ),
    (
        "HAMBURG, 4. März 2024 – " + LONG_DE,
        "de",
        ("HAMBURG, 4. März 2024", "HAMBURG", None, None, D(2024, 3, 4)),
        "Die Gartenwerk",
    ),
    (
        "Sevilla, 4 de marzo de 2024.- " + LONG_ES,
        "es",
        ("Sevilla, 4 de marzo de 2024", "Sevilla", None, None, D(2024, 3, 4)),
        "La empresa",
    ),
    # The wire first, then the date, then the place.
    (
        "(NewMediaWire) - March 4, 2024 - Glendale, CA – " + LONG_EN,
        "en",
        ("(NewMediaWire) - March 4, 2024 - Glendale, CA", "Glendale", "CA", "NewMediaWire", D(2024, 3, 4)),
        "Northwind",
    ),
    # An hour and its zone after the date.
    (
        "Denver, CO (Example Newswire) Monday Mar 4, 2024 @ 1:00 AM America/Denver — " + LONG_EN,
        "en",
        ("Denver, CO (Example Newswire) Monday Mar 4, 2024 @ 1:00 AM America/Denver", "Denver", "CO",
         "Example Newswire", D(2024, 3, 4)),
        "Northwind",
    ),
]


@pytest.mark.parametrize(("text", "language", "expected", "rest"), DATED)
def test_dated_dateline_keeps_its_date(
    text: str, language: str | None, expected: tuple[object, ...], rest: str
) -> None:
    """A wire or local dateline with a date is read whole, and the rest starts after it."""
    found = match_dateline(text, language, allow_site=True)
    assert found is not None
    dateline = found.dateline
    assert (dateline.text, dateline.place, dateline.region, dateline.wire, dateline.date) == expected
    assert text[found.end :].startswith(rest)


@pytest.mark.parametrize(
    ("text", "shown", "place", "region"),
    [
        ("TACOMA, Wash.--(BUSINESS WIRE)--" + LONG_EN, "TACOMA, Wash.--(BUSINESS WIRE)", "TACOMA", "Wash."),
        ("DENVER--(BUSINESS WIRE)--" + SHORT_EN, "DENVER--(BUSINESS WIRE)", "DENVER", None),
        # A date in the sentence after the dateline is not the dateline's.
        (
            "DENVER--(BUSINESS WIRE)--Northwind said on March 4, 2024 that it " + LONG_EN,
            "DENVER--(BUSINESS WIRE)",
            "DENVER",
            None,
        ),
    ],
)
def test_wire_dateline_without_date_stays_undated(text: str, shown: str, place: str, region: str | None) -> None:
    """A wire dateline that prints no date is a dateline without a date, the rest starting at the sentence."""
    found = match_dateline(text, "en", allow_site=True)
    assert found is not None
    dateline = found.dateline
    assert (dateline.text, dateline.place, dateline.region, dateline.wire, dateline.date) == (
        shown,
        place,
        region,
        "BUSINESS WIRE",
        None,
    )
    assert text[found.end :].startswith("Northwind")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The mayor said on 4 March 2024 that " + LONG_EN, "en"),
        ("Northwind Trading Company said on March 4, 2024--in a letter--that " + LONG_EN, "en"),
        ("Le maire a déclaré le 4 mars 2024 que " + LONG_FR, "fr"),
    ],
)
def test_date_in_running_text_is_no_dateline(text: str, language: str) -> None:
    """A date inside a sentence does not make the sentence a dateline."""
    assert match_dateline(text, language, allow_site=True) is None


@pytest.mark.parametrize(
    ("glued", "language", "date"),
    [
        ("(BUSINESS WIRE)--March 4, 2024", "en", D(2024, 3, 4)),
        ("Northwind—March 4, 2024", "en", D(2024, 3, 4)),
        ("Press/March 4, 2024", "en", D(2024, 3, 4)),
        ("Tuesday—March 4, 2024", "en", D(2024, 3, 4)),
    ],
)
def test_month_glued_by_punctuation_is_found_in_long_text(glued: str, language: str, date: datetime.date) -> None:
    """A month name joined to the word before it by punctuation still makes its digits a date, in long text."""
    long_text = glued + " " + LONG_EN
    assert [m.date for m in find_dates(long_text, language=language)][:1] == [date]
