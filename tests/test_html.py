"""Tests of the HTML reader (communique.html) on invented pages."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.exceptions import ParseError
from communique.formats import find_format, guess_format
from communique.html import MAX_BYTES, parse_html
from communique.model import BulletList, Hyperlink, Paragraph, Quote, Strong, Table, Text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
ROOT = Path(__file__).resolve().parent.parent


def read_fixture(name: str, **kwargs: str):
    return parse_html((FIXTURES / name).read_bytes(), name=name, **kwargs)


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


# -- a modern page


def test_modern_head():
    """The label, headline, subheadline and dateline of a modern page are read from the article."""
    release = read_fixture("modern.html").communique
    assert ("Press release", "Exampleco opens a solar farm", "Forty hectares of panels near Sampletown") == (
        release.kind.label, release.headline, release.subheadline)
    assert ("SAMPLETOWN", datetime.date(2024, 3, 5)) == (release.dateline.place, release.dateline.date)


def test_modern_body_structure():
    """Paragraphs, a nested list, a quote and a table keep their structure; the dateline leaves the body."""
    body = read_fixture("modern.html").communique.body
    assert [Paragraph, Paragraph, BulletList, Quote, Table, Paragraph] == [type(b) for b in body]
    assert body[0].plain_text.startswith("Exampleco today opened its first solar farm")
    nested = body[2].items[1].blocks[0]
    assert ["steel", "aluminium"] == [item.content[0].plain_text for item in nested.items]


def test_modern_chrome_dropped():
    """Cookie banner, navigation, latest-news list, share buttons and footer are not in the release."""
    release = read_fixture("modern.html").communique
    text = json.dumps([b.plain_text for b in release.body if isinstance(b, Paragraph)] + list(release.unclassified))
    for chrome in ("cookies", "Home", "buys a boat", "Share", "Privacy"):
        assert chrome not in text


def test_modern_tail():
    """The contact block (with an entity-obfuscated mailto link), the boilerplate and the end marker are read."""
    release = read_fixture("modern.html").communique
    contact = release.contacts[0]
    assert ("Jane Sample", "press officer", ("+44 20 7946 0000",), ("jane@exampleco.example",)) == (
        contact.name, contact.role, contact.phones, contact.emails)
    assert ["About Exampleco"] == [section.heading for section in release.boilerplate]
    assert "###" == release.end_marker


def test_links_resolved_against_url():
    """Relative links are resolved against the page's URL."""
    release = read_fixture("modern.html", url="https://www.exampleco.example/news/solar").communique
    urls = [link.url for link in release.links]
    assert "https://www.exampleco.example/about" in urls
    paragraph = release.body[0]
    assert isinstance(paragraph, Paragraph)
    links = [run.url for run in paragraph.content if isinstance(run, Hyperlink)]
    assert ["https://www.exampleco.example/about"] == links


@pytest.mark.parametrize(("url", "expected"), [
    (None, "https://www.exampleco.example/en/about"),
    ("https://mirror.example/saved/page.html", "https://www.exampleco.example/en/about"),
])
def test_links_resolved_against_base(url, expected):
    """A page's <base href> is where its relative links point, with or without the page's URL."""
    body = ("<h1>Exampleco opens a depot</h1><p>Exampleco opened a depot today, the company said on Monday. "
            "<a href='about'>About us</a></p>")
    release = parse_html(page(body, head="<base href='https://www.exampleco.example/en/'>"), url=url).communique
    assert [expected] == [link.url for link in release.links]


def test_relative_base_without_url_resolves_nothing():
    """A relative <base href> and no page URL: links stay as written."""
    body = "<h1>Exampleco opens a depot</h1><p>Exampleco opened a depot today. <a href='about'>About us</a></p>"
    release = parse_html(page(body, head="<base href='/en/'>")).communique
    assert ["about"] == [link.url for link in release.links]


def test_bare_addresses_listed_in_order_once():
    """Bare addresses in plain and marked-up paragraphs are links, in the order printed, each once."""
    body = (
        "<h1>Exampleco opens a depot</h1>"
        "<p>Exampleco.org opened a depot today, the company said in Sampletown on Monday.</p>"
        "<p>Read more at <a href='https://files.example/depot'>the files</a> or at www.exampleco.example.</p>"
        "<p>Exampleco.org and press@exampleco.example answer questions about the depot all week.</p>"
    )
    release = parse_html(page(body), language="en").communique
    assert ["Exampleco.org", "https://files.example/depot", "www.exampleco.example",
            "mailto:press@exampleco.example"] == [link.url for link in release.links]


def test_listed_contacts():
    """Contacts listed under a contact heading are read; an address only a link names goes to its own item."""
    body = (
        "<h1>Acme buys Beta</h1><p>Acme has bought Beta for one euro, the company said on Monday.</p>"
        "<h2>Press contacts</h2><ul>"
        "<li>Jane Sample, press officer, +44 20 7946 0000, <a href='mailto:jane@acme.example'>e-mail</a></li>"
        "<li>John Example, +44 20 7946 0001, <a href='mailto:john@acme.example'>john@acme.example</a></li></ul>"
    )
    release = parse_html(page(body), language="en").communique
    assert [("Jane Sample", ("+44 20 7946 0000",), ("jane@acme.example",)),
            ("John Example", ("+44 20 7946 0001",), ("john@acme.example",))] == [
        (c.name, c.phones, c.emails) for c in release.contacts]
    assert release.contacts[0].text.startswith("Press contacts\nJane Sample")
    assert () == release.unclassified


_LEAD = ("<h1>Exampleco opens a plant</h1><p>SAMPLETOWN, May 5, 2024 - Exampleco opened a plant this morning, "
         "the company said in a statement.</p><p>The plant employs fifty people and makes bolts for the whole "
         "region, the company said.</p>")


@pytest.mark.parametrize(("block", "expected"), [
    ("<p>Media Contact:<br>Jordan Sample<br>Exampleco Corp.<br>555-0142<br>press@exampleco.example</p>",
     [("Jordan Sample", None, "Exampleco Corp", ("555-0142",), ("press@exampleco.example",))]),
    ("<p>Media Contact: Jordan Sample<br>Exampleco Corp.<br>555-0142<br>press@exampleco.example</p>",
     [("Jordan Sample", None, "Exampleco Corp", ("555-0142",), ("press@exampleco.example",))]),
    ("<p><strong>Media Contact</strong><br>Kim Example<br>Finch Outdoor<br>555-0133<br>kim@finch.example</p>",
     [("Kim Example", None, "Finch Outdoor", ("555-0133",), ("kim@finch.example",))]),
    (("<h3>Contacts</h3><p>Investors:<br>Morgan Sample<br>555-0150<br>ir@exampleco.example</p>"
      "<p>Media:<br>Priya Example<br>555-0151<br>media@exampleco.example</p>"),
     [("Morgan Sample", "Investors", None, ("555-0150",), ("ir@exampleco.example",)),
      ("Priya Example", "Media", None, ("555-0151",), ("media@exampleco.example",))]),
])
def test_contact_lines(block, expected):
    """A contact paragraph's <br> lines are its fields: heading, name, organisation, desk labels, numbers."""
    release = parse_html(page(f"<main>{_LEAD}{block}</main>"), language="en").communique
    assert expected == [(c.name, c.role, c.organization, c.phones, c.emails) for c in release.contacts]
    text = "\n".join(c.text or "" for c in release.contacts)
    assert 1 == text.count("555-0142") + text.count("555-0133") + text.count("555-0150")  # each line once
    assert () == release.unclassified


@pytest.mark.parametrize(("block", "expected"), [
    (("<p>Pressekontakt<br>Institut für Beispielforschung gGmbH<br>Dr. Lena Muster<br>T +49 89 000 000 20"
      "<br>l.muster@beispiel.example</p>"),
     ("Dr. Lena Muster", "Institut für Beispielforschung gGmbH", ("+49 89 000 000 20",),
      ("l.muster@beispiel.example",))),
    ("<p>Gabinete de Prensa<br>Tel. 900 000 002<br>prensa@beispiel.example</p>",
     (None, None, ("900 000 002",), ("prensa@beispiel.example",))),
    ("<p>Media: Chris Sample, Communications, 555-0188, chris@beispiel.example</p>",
     ("Chris Sample", "Communications", ("555-0188",), ("chris@beispiel.example",))),
])
def test_contact_block_without_a_heading_element(block, expected):
    """A contact heading or desk on a paragraph's first line opens a contact; "Tel." and "T" are no names."""
    lead = "<h1>Beispiel opens a depot</h1><p>The depot opened in Sampletown on Monday, the company said.</p>"
    release = parse_html(page(f"<main>{lead}{block}</main>")).communique
    assert [expected] == [(c.name, c.organization, c.phones, c.emails) for c in release.contacts]
    assert 1 == len(release.body)


def test_list_after_contact_heading_that_lists_no_contact():
    """A list of topics under a contact heading gives no contact and loses none of its text."""
    body = (
        "<h1>Acme buys Beta</h1><p>Acme has bought Beta for one euro, the company said on Monday.</p>"
        "<h2>Contact</h2><ul><li>Prices</li><li>Delivery dates</li></ul>"
    )
    release = parse_html(page(body), language="en").communique
    assert () == release.contacts
    assert ("Contact", "Prices Delivery dates") == release.unclassified


def test_prose_in_widgets_and_teasers_kept():
    """Page builders' text widgets and a "teaser" standfirst are the release, not chrome; link widgets are chrome."""
    widget = "<div class='builder-widget builder-widget-text'><p>{}</p></div>"
    body = (
        "<main><h1>Exampleco opens a depot</h1><p class='teaser'>A depot for the north, with forty jobs</p>"
        + widget.format("SAMPLETOWN, May 5, 2024 - Exampleco opened a depot this morning, the company said.")
        + widget.format("The depot employs forty people and serves the whole northern region from now on.")
        + widget.format("Deliveries start in the spring, after a last round of safety checks on site.")
        + "<div class='related-widget'><a href='/a'>Exampleco buys a boat</a> <a href='/b'>Exampleco sells a car</a>"
        "</div></main>"
    )
    release = parse_html(page(body), language="en").communique
    assert "A depot for the north, with forty jobs" == release.subheadline
    assert ["Exampleco opened", "The depot employs", "Deliveries start"] == [
        block.plain_text[:len(start)] for block, start in zip(
            release.body, ["Exampleco opened", "The depot employs", "Deliveries start"], strict=True)]
    assert "boat" not in " ".join(release.unclassified)


@pytest.mark.parametrize(("lang", "line", "label", "number"), [
    ("de", "Pressemitteilung Nr. 12/2024", "Pressemitteilung", "12/2024"),
    ("fr", "Communiqué de presse n° 46", "Communiqué de presse", "46"),
    ("en", "Press release No. 2024-17", "Press release", "2024-17"),
    ("es", "Nota de prensa nº 15/2024", "Nota de prensa", "15/2024"),
])
def test_label_and_reference_on_one_line(lang, line, label, number):
    """A kind label followed by a reference number on its line gives both, as in the text reader."""
    body = (f"<main><p>{line}</p><h1>Exampleco opens a depot</h1>"
            "<p>Exampleco opened a depot in Sampletown today, the company said in a statement.</p></main>")
    release = parse_html(f"<html lang='{lang}'><body>{body}</body></html>").communique
    assert (label, number) == (release.kind.label, release.reference.number)
    assert () == release.unclassified


def test_label_line_rest_kept_when_a_heading_is_the_headline():
    """What follows a label on its line is kept when the page's heading turns out to be the headline."""
    body = ("<main><p>Press release: Exampleco news</p><h1>Exampleco opens a depot</h1>"
            "<p>Exampleco opened a depot in Sampletown today, the company said in a statement.</p></main>")
    release = parse_html(page(body), language="en").communique
    assert ("Exampleco opens a depot", ("Exampleco news",)) == (release.headline, release.unclassified)


@pytest.mark.parametrize(("lang", "body", "subheadline", "first"), [
    ("en", "<p>SAMPLETOWN, May 5, 2024 - Exampleco opened a depot.</p><p>It employs fifty people.</p>",
     None, "Exampleco opened a depot."),
    ("en", "<p>SAMPLETOWN, May 5, 2024</p><p>Exampleco opened a depot.</p><p>It employs fifty people.</p>",
     None, "Exampleco opened a depot."),
    ("fr", ("<p>Le dépôt accueille déjà quarante salariés venus de la région.</p>"
            "<p>Lyon, le 6 février 2024 – Exampleco a ouvert aujourd’hui un dépôt de quarante salariés.</p>"),
     "Le dépôt accueille déjà quarante salariés venus de la région.", "Exampleco a ouvert"),
])
def test_body_starts_at_the_dateline(lang, body, subheadline, first):
    """A short first sentence, a dateline on its own line, or a standfirst above the dateline: the body follows it."""
    release = parse_html(f"<html lang='{lang}'><body><main><h1>Exampleco opens a depot</h1>{body}</main></body></html>"
                         ).communique
    assert release.dateline.date is not None
    assert subheadline == release.subheadline
    assert release.body[0].plain_text.startswith(first)
    assert () == (release.unclassified + release.summary)


@pytest.mark.parametrize(("tail", "heading", "issuer"), [
    (("<p><strong>About Exampleco</strong><br>Exampleco makes bolts. It employs 300 people.</p>"
      "<h3>Media Contact</h3><p>Jane Sample, 555-0100</p>"), "About Exampleco", "Exampleco"),
    (("<h3>Media Contact</h3><p>Jane Sample, 555-0100</p>"
      "<p><strong>About Us</strong><br>Exampleco makes <a href='/bolts'>bolts</a>.</p>"), "About Us", None),
])
def test_about_heading_on_a_paragraphs_first_line(tail, heading, issuer):
    """A bold "About X" line above the paragraph's text opens the boilerplate; "About Us" names no issuer."""
    lead = "<h1>Exampleco opens a depot</h1><p>The depot opened in Sampletown on Monday, the company said.</p>"
    release = parse_html(page(f"<main>{lead}{tail}</main>"), language="en").communique
    assert [heading] == [section.heading for section in release.boilerplate]
    assert release.boilerplate[0].blocks[0].plain_text.startswith("Exampleco makes")
    assert 1 == len(release.body)
    assert issuer == (release.issuer.name if release.issuer else None)


def test_layout_table_of_text_cells():
    """A legacy table whose cells hold running text split by <br> is layout: the release inside is read."""
    cell = ("<b>PRESSEINFORMATION</b><br><br><b>Beispiel braut ein Weißbier</b><br><br>"
            "Freising, 14. April 2009 – Die Beispiel GmbH hat heute ein neues Weißbier vorgestellt.<br><br>"
            "Das Bier wird in Freising gebraut und in ganz Bayern verkauft, teilte das Unternehmen mit.")
    body = f"<table><tr><td><a href='/'>Start</a><br><a href='/presse'>Presse</a></td><td>{cell}</td></tr></table>"
    release = parse_html(f"<html lang='de'><body>{body}</body></html>").communique
    assert ("PRESSEINFORMATION", "Beispiel braut ein Weißbier", datetime.date(2009, 4, 14)) == (
        release.kind.label, release.headline, release.dateline.date)
    assert [Paragraph, Paragraph] == [type(block) for block in release.body]


def test_data_table_stays_a_table():
    """A table of short cells in the body is a table."""
    body = ("<h1>Exampleco grows</h1><p>Exampleco grew last year in every region, the company said on Monday.</p>"
            "<table><tr><th>Region</th><th>Sales</th></tr><tr><td>North</td><td>12</td></tr>"
            "<tr><td>South</td><td>9</td></tr></table>")
    release = parse_html(page(body), language="en").communique
    assert [Paragraph, Table] == [type(block) for block in release.body]


def test_highlights_above_the_dateline_are_the_summary():
    """A list of highlights between the headline and the dateline is the summary; the dateline opens the body."""
    body = ("<main><h1>Exampleco reports results</h1><ul><li>Sales up ten percent</li><li>A new depot in 2026</li>"
            "</ul><p>SAMPLETOWN--(BUSINESS WIRE)--June 10, 2025--Exampleco, a maker of bolts and other fasteners, "
            "today reported its results for the year.</p><p>Sales rose in every region.</p></main>")
    release = parse_html(page(body), language="en").communique
    assert ("Sales up ten percent", "A new depot in 2026") == release.summary
    assert ("SAMPLETOWN", datetime.date(2025, 6, 10)) == (release.dateline.place, release.dateline.date)
    assert release.body[0].plain_text.startswith("Exampleco, a maker")


@pytest.mark.parametrize(("lang", "about", "contact", "issuer"), [
    ("fr", "À propos du Domaine Exemple", "Contact presse", "Domaine Exemple"),
    ("de", "Über uns", "Kontakt für Medien", None),
    ("es", "Acerca del Grupo Ejemplo", "Contacto de prensa", "Grupo Ejemplo"),
])
def test_tail_headings(lang, about, contact, issuer):
    """"About" headings with a contracted article or a pronoun, and contact titles with a qualifier, open the tail."""
    body = ("<main><h1>Titre</h1><p>Exampleco a ouvert un dépôt à Sampletown lundi, a indiqué la société, qui "
            f"emploie quarante salariés.</p><h2>{about}</h2><p>Fondé en 1921, il emploie 300 personnes.</p>"
            f"<h2>{contact}</h2><p>Jeanne Exemple<br>+33 1 00 00 00 00<br>jeanne@exemple.example</p></main>")
    release = parse_html(f"<html lang='{lang}'><body>{body}</body></html>").communique
    assert [about] == [section.heading for section in release.boilerplate]
    assert [("Jeanne Exemple", ("jeanne@exemple.example",))] == [(c.name, c.emails) for c in release.contacts]
    assert 1 == len(release.body)
    assert issuer == (release.issuer.name if release.issuer else None)


def test_list_of_other_releases_with_dates_beside_the_links_dropped():
    """A "More news" list whose items are a link and its date, the date as long as the title, is chrome."""
    items = "".join(f"<li><a href='/n/{n}'>{title}</a> – January {n}, 2025</li>"
                    for n, title in enumerate(["Snow plan set", "Budget passed", "Park opens"], start=1))
    body = ("<main><h1>Exampleco opens a depot</h1><p>Exampleco opened a depot in Sampletown on Monday, the company "
            f"said.</p><h2>More news</h2><ul>{items}</ul></main>")
    release = parse_html(page(body), language="en").communique
    shown = json.dumps([b.plain_text for b in release.body] + list(release.unclassified))
    assert "Budget passed" not in shown
    assert "More news" not in shown
    assert release.dateline is None or release.dateline.date is None


@pytest.mark.parametrize("name", ["compartir", "partage-social", "teilen", "fil-ariane"])
def test_chrome_named_in_other_languages_dropped(name):
    """Share bars and breadcrumbs named in Spanish, French or German are chrome."""
    body = ("<main><h1>Exampleco opens a depot</h1><p>Exampleco opened a depot in Sampletown on Monday, the company "
            f"said.</p><div class='{name}'><span>Bouton:</span> <a href='#'>Twitter</a> <a href='#'>Facebook</a>"
            "</div></main>")
    release = parse_html(page(body), language="en").communique
    assert "Twitter" not in json.dumps([b.plain_text for b in release.body] + list(release.unclassified))


def test_preformatted_release():
    """A release in <pre>: blank lines separate paragraphs and wide gaps columns, so its parts are read."""
    pre = ("NEWS RELEASE                       FOR IMMEDIATE RELEASE\n"
           "No. 98-114                         October 6, 1998\n\n"
           "SAMPLETOWN -- The parks service will keep its campgrounds open two weeks longer this year.\n\n"
           "Bookings can be made by calling 555-0150.\n\n"
           "                   -30-\n\n"
           "Contact: Ann Sample, Public Information Office, 555-0151\n")
    release = parse_html(f"<html><body><pre>{pre}</pre></body></html>", language="en").communique
    assert ("NEWS RELEASE", "98-114", datetime.date(1998, 10, 6), "-30-") == (
        release.kind.label, release.reference.number, release.dateline.date, release.end_marker)
    assert [("Ann Sample", ("555-0151",))] == [(c.name, c.phones) for c in release.contacts]
    assert 2 == len(release.body)


def test_metadata_kept():
    """Meta tags and JSON-LD values are kept as metadata; the issuer comes from the first sentence."""
    release = read_fixture("modern.html").communique
    names = {field.name for field in release.metadata}
    assert {"description", "og:title", "json-ld:datePublished", "title"} <= names
    assert "Exampleco" == release.issuer.name
    assert ("html", "modern.html") == (release.provenance.format, release.provenance.source)


# -- a legacy page


def test_legacy_page():
    """Upper-case tags, FONT, unclosed P and LI, a layout table and SSI comments are read."""
    reading = read_fixture("legacy.html")
    release = reading.communique
    assert ("de", "Pressemitteilung", "Beispiel GmbH eröffnet ein Werk") == (
        release.language, release.kind.label, release.headline)
    assert datetime.date(2023, 5, 4) == release.dateline.date
    assert ["erstes Werk im Norden", "120 neue Stellen"] == [i.content[0].plain_text for i in release.body[1].items]
    assert ["Über die Beispiel GmbH"] == [b.heading for b in release.boilerplate]


def test_style_wrappers_leave_no_trace():
    """FONT, SPAN and U around words are seen through: their text joins the runs around them."""
    body = ("<h1>Acme sells bolts</h1><P><FONT FACE=Arial><font size=2>Acme <b>sells</b></font> bolts</FONT> in "
            "<span class=city>Paris</span>, <u>it said</u> on Monday in a long statement to the press.</P>")
    release = parse_html(page(body), language="en").communique
    assert [Paragraph((Text("Acme "), Strong((Text("sells"),)),
                       Text(" bolts in Paris, it said on Monday in a long statement to the press.")))] == list(
        release.body)


def test_date_on_a_wrapper():
    """A SPAN that carries the page's date (itemprop="datePublished") still gives the date."""
    body = ('<article><h1>Acme buys Beta</h1><p>Published <span itemprop="datePublished" content="2024-03-05">'
            "on a Tuesday</span></p><p>Acme has bought Beta for one euro, the company said in a statement on "
            "its web site.</p></article>")
    reading = parse_html(page(body), language="en")
    assert datetime.date(2024, 3, 5) == reading.communique.dateline.date
    assert ["date-from-metadata"] == [d.code for d in reading.diagnostics]


def test_source_line_after_the_contacts():
    """A wire's closing "SOURCE X" line ends the contact block and the body: it names the issuer, as metadata."""
    body = ("<article><h1>Sampletown to Open a Library</h1><p>SAMPLETOWN, March 4, 2025 /PRNewswire/ -- The town "
            "will open a new library in the old station next spring, the mayor said on Monday.</p>"
            "<p>Media Contact: John Smith, 216-555-0100, john.smith@sampletown.example</p>"
            "<p>SOURCE City of Sampletown</p><p>Related Links</p></article>")
    release = parse_html(page(body), language="en").communique
    assert [("John Smith", ("216-555-0100",))] == [(c.name, c.phones) for c in release.contacts]
    assert ("City of Sampletown", ("source", "City of Sampletown")) == (
        release.issuer.name, (release.metadata[-1].name, release.metadata[-1].value))
    assert ("Related Links",) == release.unclassified


def test_source_line_closes_the_body_a_caption_does_not():
    """"SOURCE X" after the last paragraph ends the body; a figure's "Source:" line followed by text does not."""
    body = ("<article><h1>Acme sells more bolts</h1><p>CLEVELAND, March 4, 2025 -- Acme sold more bolts than ever "
            "last year, the company said on Monday in its annual report.</p><p>Source: Bolt Makers Association</p>"
            "<p>Sales rose in every region but one, and the company expects the same this year, it added.</p>"
            "<p>SOURCE Acme Corporation</p></article>")
    release = parse_html(page(body), language="en").communique
    assert ["Source: Bolt Makers Association", "Sales rose"] == [
        release.body[1].plain_text, release.body[-1].plain_text[:10]]
    assert [("source", "Acme Corporation")] == [(m.name, m.value) for m in release.metadata if m.name == "source"]


def test_headline_printed_again_ends_the_body():
    """The headline printed again below the release, and the short lines above it, end the body."""
    body = ("<div><h1>Acme Opens a Plant in Lyon</h1><p>LYON, March 4, 2025 - Acme will open a plant in Lyon next "
            "year, the company said on Monday.</p><p>For more information, visit acme.example.</p>"
            "<p>Jane Author</p><p>2025-03-04 12:48</p><h3>Acme Opens a Plant in Lyon</h3><h3>Recent News</h3>"
            "<p>Acme names a new chief executive, the board said on Friday after a long search.</p></div>")
    release = parse_html(page(body), language="en").communique
    assert "For more information, visit acme.example." == release.body[-1].plain_text
    assert ("Jane Author", "2025-03-04 12:48", "Acme Opens a Plant in Lyon") == release.unclassified[:3]


def test_headline_printed_again_above_the_text():
    """The headline printed again above most of the release's text does not end the body: the text follows."""
    body = ("<div><h1>Acme Opens a Plant in Lyon</h1><p>Press</p><h3>Acme Opens a Plant in Lyon</h3><p>LYON, March 4, "
            "2025 - Acme will open a plant in Lyon next year that will employ 300 people, the company said on "
            "Monday.</p><p>The plant will make anvils for customers in France, Spain and Italy, and will be the "
            "company's largest in Europe, it added.</p><h3>Recent News</h3><p>Acme names a new chief executive, the "
            "board said on Friday after a long search.</p></div>")
    release = parse_html(page(body), language="en").communique
    assert ["Acme will open a plant", "The plant will make an"] == [b.plain_text[:22] for b in release.body]


def test_headline_printed_again_after_the_first_paragraph():
    """After a short first paragraph, the headline again above most of the text: the body goes on past it."""
    body = ("<div><h1>Acme Opens a Plant in Lyon</h1><p>LYON, March 4, 2025 - Acme said on Monday that it would open "
            "a plant.</p><h3>Acme Opens a Plant in Lyon</h3><p>The plant will employ 300 people by the end of next "
            "year and make anvils for customers in France, Spain and Italy, the company said.</p><p>It will be the "
            "company's largest plant in Europe, and the first it builds outside Germany, it added on Monday.</p></div>")
    release = parse_html(page(body), language="en").communique
    assert ["Acme said on Monday", "The plant will emplo", "It will be the compan"] == [
        b.plain_text[:len(start)] for b, start in zip(
            release.body, ["Acme said on Monday", "The plant will emplo", "It will be the compan"], strict=True)]
    assert "Acme Opens a Plant in Lyon" in release.unclassified


def test_about_heading_run_into_its_text():
    """"Acerca de Acme S.A. Con sede en …" in one paragraph opens the boilerplate and names the issuer."""
    body = ("<article><h1>Nueva planta en Toledo</h1><p>MADRID, 4 de marzo de 2025 – La empresa abrirá una planta "
            "en Toledo el año próximo, según anunció este lunes.</p><p>Acerca de Acme S.A. Con sede en Madrid, Acme "
            "fabrica tornillos para la industria de cuarenta países.</p></article>")
    release = parse_html(page(body), language="es").communique
    assert (1, "Acme S.A.") == (len(release.body), release.issuer.name)
    assert ["Acerca de Acme S.A."] == [b.heading for b in release.boilerplate]


def test_related_news_ends_the_body():
    """A page's "Related news" heading and teasers after the release are kept as text, not body or a section."""
    body = ("<article><h1>Man Charged in Theft</h1><p>MIAMI, May 2, 2026 – A man was charged with the theft of a boat "
            "from a marina, the State Attorney said on Monday.</p><h3>Related news</h3><p>A woman was charged with "
            "fraud after a long inquiry into the accounts of a charity, the office said.</p></article>")
    release = parse_html(page(body), language="en").communique
    assert (1, ()) == (len(release.body), release.boilerplate)
    assert "Related news" in release.unclassified


def test_more_information_heads_contacts_only_above_numbers():
    """"Para más información" above a phone heads contacts; "Weitere Informationen" above running text does not."""
    body = ("<article><h1>Nueva planta en Toledo</h1><p>MADRID, 4 de marzo de 2025 – Acme S.A. abrirá una planta "
            "en Toledo el año próximo, según anunció este lunes.</p><h3>Acerca de Acme</h3><p>Acme fabrica "
            "tornillos.</p><h3>Para más información</h3><p>Departamento de Comunicación<br>Lucía Ejemplo<br>"
            "Tel.: +34 91 000 00 00<br>prensa [arroba] acme.example</p></article>")
    release = parse_html(page(body), language="es").communique
    assert [("Lucía Ejemplo", "Departamento de Comunicación", ("+34 91 000 00 00",), ("prensa@acme.example",))] == [
        (c.name, c.organization, c.phones, c.emails) for c in release.contacts]
    assert (1, ["Acerca de Acme"]) == (len(release.body), [b.heading for b in release.boilerplate])
    body = ("<article><h1>Acme 2.0 erschienen</h1><p>BERLIN, 4. März 2025 – Die Acme GmbH hat heute die Version 2.0 "
            "ihrer Software veröffentlicht, wie sie in Berlin mitteilte.</p><h2>Weitere Informationen</h2><p>Mehr "
            "über Acme steht auf der Webseite. Wer Neuigkeiten erhalten möchte, schreibt eine E-Mail an "
            "news-subscribe@acme.example und erhält dann jede neue Version.</p></article>")
    release = parse_html(page(body), language="de").communique
    assert ((), 3) == (release.contacts, len(release.body))


def test_date_alone_above_a_standfirst_and_the_dateline():
    """A date alone (a <time>) and a standfirst above the dateline: the body starts after the dateline."""
    body = ("<article><h1>Hausse du trafic au port</h1><div><time datetime='2024-02-06'>06/02/2024</time></div>"
            "<p>Le port a accueilli 1,4 million de passagers l'an dernier.</p><p>Saint-Malo, le 6 février 2024 – "
            "Le trafic passagers du port a progressé de 8 % en 2023, porté par les liaisons transmanche.</p></article>")
    release = parse_html(page(body), language="fr").communique
    assert ("Saint-Malo", datetime.date(2024, 2, 6)) == (release.dateline.place, release.dateline.date)
    assert "Le port a accueilli 1,4 million de passagers l'an dernier." == release.subheadline
    assert [True] == [b.plain_text.startswith("Le trafic passagers") for b in release.body]


@pytest.mark.parametrize(("opening", "language", "place"), [
    ("SPRINGFIELD -- The State Parks Department will keep 14 campgrounds open through November.", "en",
     "SPRINGFIELD"),
    ("MADRID.- La empresa ha anunciado hoy la compra de su rival por un euro simbólico.", "es", "MADRID"),
])
def test_undated_dateline_in_capitals(opening, language, place):
    """A place in capitals before a dash opens the first paragraph: a dateline; the <time> gives the date."""
    body = (f"<article><h1>Headline of the story</h1><p><time datetime='2024-05-06'>6/5/2024</time></p>"
            f"<p>{opening}</p><p>A second paragraph of the release, which says a little more.</p></article>")
    release = parse_html(page(body), language=language).communique
    assert (place, datetime.date(2024, 5, 6)) == (release.dateline.place, release.dateline.date)
    assert opening.partition(" ")[2].removeprefix("-- ") == release.body[0].plain_text


def test_no_undated_dateline_for_a_notice():
    """An editorial notice in capitals before a dash is no place: the paragraph stays whole."""
    opening = "UPDATE — The State Parks Department will keep 14 campgrounds open through November."
    release = parse_html(page(f"<article><h1>Headline</h1><p>{opening}</p></article>"), language="en").communique
    assert (None, opening) == (release.dateline, release.body[0].plain_text)


@pytest.mark.parametrize("tail", [
    "<p>For more information, please contact</p><p>Jane Example at 555-0135 or jane@acme.example</p>",
    "<p>For more information, contact Jane Example at 555-0135 or jane@acme.example.</p>",
    "<p>Pour plus d’informations, contactez :<br>Jane Example au 555-0135 ou jane@acme.example</p>",
])
def test_invitation_to_get_in_touch_heads_contacts(tail):
    """An invitation to get in touch heads the contacts; "at", "au", "or" between name and numbers are no name."""
    body = (f"<article><h1>Headline</h1><p>A first paragraph of the release, which says what happened.</p>{tail}"
            "</article>")
    release = parse_html(page(body)).communique
    assert [("Jane Example", None, ("555-0135",), ("jane@acme.example",))] == [
        (c.name, c.role, c.phones, c.emails) for c in release.contacts]
    assert 1 == len(release.body)


def test_contact_with_time_zone_and_project_lead():
    """"Jane Example (UTC +08h00)" is her name; "Example Project Lead" below it is her role."""
    body = ("<div><h2>Example 2.0 released</h2><p>The Example community today announced the release of Example 2.0, "
            "a free office suite for everyone.</p><p>Press Contacts</p><p>Jane Example (UTC +08h00)<br/>Example "
            "Marketing Project Lead<br/>jane@example.org<br/>+61 (8) 0000-0000</p></div>")
    release = parse_html(page(body), language="en").communique
    assert [("Jane Example", "Example Marketing Project Lead", ("+61 (8) 0000-0000",))] == [
        (c.name, c.role, c.phones) for c in release.contacts]
    assert "Jane Example (UTC +08h00)" in release.contacts[0].text


def test_list_of_links_above_the_release_is_no_body():
    """A list of links to the page's parts above the release is kept aside; the date below it is read."""
    body = ("<div><h2>Example 2.0 Announcement</h2><ul><li><a href='#text'>Announcement</a></li><li><a href='kit.html'>"
            "Press Kit</a></li><li><a href='/download/'>Download</a></li></ul><p>20 October, 2005</p><p>Example 2.0 is "
            "the office suite that people around the world have been waiting for, and it is free.</p></div>")
    release = parse_html(page(body), language="en").communique
    assert (datetime.date(2005, 10, 20), 1) == (release.dateline.date, len(release.body))
    assert "Announcement | Press Kit | Download" in release.unclassified


def test_standfirst_above_a_site_dateline():
    """A long bold standfirst, then "www.example.org —8 de mayo 2012— …": the body starts after the dateline."""
    body = ("<div><h1>Anuncio de Example 3.4</h1><h2>El proyecto Example anuncia Example 3.4</h2><p><strong>Numerosas "
            "mejoras a la suite de oficina de código abierto, con más de cien millones de usuarios en todo el mundo y "
            "descargas gratuitas.</strong></p><p><strong>www.example.org —8 de mayo 2012—</strong> El proyecto Example "
            "anuncia hoy la disponibilidad de Example 3.4, la primera versión de la fundación.</p></div>")
    release = parse_html(page(body), language="es").communique
    assert datetime.date(2012, 5, 8) == release.dateline.date
    assert release.body[0].plain_text.startswith("El proyecto Example anuncia hoy")
    assert "El proyecto Example" == release.issuer.name


@pytest.mark.parametrize(("headline", "first", "issuer"), [
    ("Example 2.2 released", "The Example Community today announced the release of Example 2.2, a free office suite.",
     "Example Community"),
    ("Example calls for nominations for the Open Award", "This year the award goes to those who use open formats.",
     "Example"),
    ("Example buys Sample", "Today marks a pivotal moment as Example acquires Sample, a maker of anvils, for $1.",
     None),
])
def test_issuer_from_the_announcement_or_the_headline(headline, first, issuer):
    """The announcer after its article, a headline's subject before a release's verb; a sentence is no name."""
    release = parse_html(page(f"<article><h1>{headline}</h1><p>{first}</p></article>"), language="en").communique
    assert issuer == (release.issuer.name if release.issuer else None)


@pytest.mark.parametrize(("first", "issuer"), [
    ("Das Beispiel Projekt kündigt heute die Verfügbarkeit von Beispiel 3.4 an.", "Beispiel Projekt"),
    ("Die Beispiel Stiftung (BS) ruft jährlich alle Unterstützer zum Mitmachen auf.", "Beispiel Stiftung (BS)"),
])
def test_issuer_without_its_article(first, issuer):
    """The announcer is named without the article before it; an acronym in brackets after it stays."""
    release = parse_html(page(f"<article><h1>Beispiel 3.4</h1><p>{first}</p></article>"), language="de").communique
    assert issuer == release.issuer.name


def test_bold_title_that_names_contacts_heads_them():
    """A bold paragraph "Global Marketing Contacts" heads the contacts below it, after the "About" section."""
    body = ("<div><h2>Example turns five</h2><p>The Example community celebrates five years of its free office suite "
            "this week, with a party in every city.</p><p><strong>About Example</strong></p><p>Example is a "
            "community of volunteers.</p><p><strong>Global Marketing Contacts</strong></p><p>Jane Example<br>"
            "Example Community Manager<br>jane@example.org<br>+1 (416) 000-0000</p></div>")
    release = parse_html(page(body), language="en").communique
    assert ([("Jane Example", ("+1 (416) 000-0000",))], ["About Example"], 1) == (
        [(c.name, c.phones) for c in release.contacts], [b.heading for b in release.boilerplate], len(release.body))


def test_copyright_line_ends_the_contacts():
    """A copyright line after the contacts is page furniture: kept aside, neither a contact nor part of it."""
    body = ("<div><h1>Réouverture de la piscine</h1><p>Saint-Aubin, le 24 juillet 2012 – La piscine municipale "
            "rouvrira ses portes au public le lundi 3 septembre.</p><p><b>Contact presse :</b><br>Service "
            "communication – Mairie de Saint-Aubin<br>Tél. 01 00 00 00 02</p><p>Mairie de Saint-Aubin - Place de la "
            "République - Tous droits réservés</p></div>")
    release = parse_html(page(body), language="fr").communique
    assert [(None, ("01 00 00 00 02",))] == [(c.name, c.phones) for c in release.contacts]
    assert "Tous droits réservés" not in release.contacts[0].text
    assert "Mairie de Saint-Aubin - Place de la République - Tous droits réservés" in release.unclassified


def test_government_page_fields():
    """A government page: "Published <date>" is a date, not a place; a label between it and the text is kept
    aside; "Renseignements" heads the contacts; the number after them, label and value in blocks of their
    own, is the reference; the page's author, an organisation, is the issuer."""
    body = ("<article><h1>Le Yukon ouvre un nouveau parc</h1><div>Publié le 19 mars 2018</div>"
            "<div>Image principale</div><div><p>Le parc de la rivière ouvrira ses portes au public le 1er juin, "
            "avec quarante emplacements de camping et des sentiers balisés pour les familles et les randonneurs "
            "venus de tout le territoire.</p></div><div><div>Renseignements</div><div><p>Jeanne Exemple<br>"
            "Communications<br>867-000-0000<br><a href='mailto:jeanne@gov.example'>jeanne@gov.example</a></p>"
            "</div></div>"
            "<div><div>Numéro du communiqué :</div><div>18-060</div></div></article>")
    head = '<meta name="author" content="Gouvernement du Yukon">'
    release = parse_html(page(body, head), language="fr").communique
    assert (None, datetime.date(2018, 3, 19)) == (release.dateline.place, release.dateline.date)
    assert "Image principale" in release.unclassified
    assert 1 == len(release.body)
    assert [("Jeanne Exemple", ("867-000-0000",))] == [(c.name, c.phones) for c in release.contacts]
    assert ("18-060", "Gouvernement du Yukon") == (release.reference.number, release.issuer.name)


def test_reference_after_the_body_ends_it():
    """"News release #: 18-001" after the last paragraph, no contacts: the reference, not the body's end."""
    body = ("<article><h1>Yukon opens a park</h1><p>The river park opens to the public on June 1, with forty "
            "campsites.</p><div>News release #:</div><div>18-001</div></article>")
    release = parse_html(page(body), language="en").communique
    assert ("18-001", 1) == (release.reference.number, len(release.body))


def test_skip_link_and_share_label_are_furniture():
    """A skip link and a "Share" label after the release are page furniture, not the body's end."""
    body = ("<div><p>Skip to main content</p><h1>Acme opens a plant</h1><p>Acme opened a plant in Lyon on Thursday "
            "that will employ 300 people by the end of next year.</p><p>Share</p><p>Facebook</p></div>")
    release = parse_html(page(body), language="en").communique
    assert ("Acme opens a plant", 1) == (release.headline, len(release.body))
    assert "Share" in release.unclassified


def test_contacts_in_a_table_under_enquiries():
    """A table under "Enquiries" whose rows print phone numbers gives a contact a row."""
    body = ("<article><h1>Results for the quarter</h1><p>LONDON, 25 July 2024 – Meridian Shipping plc today "
            "reported revenue of $412 million for the second quarter of the year.</p><h3>Enquiries</h3><table>"
            "<tr><td>Meridian Shipping plc</td><td>Oliver Grant, CFO</td><td>+44 20 0000 0001</td></tr>"
            "<tr><td>Harbour PR</td><td>Ella Stone</td><td>+44 20 0000 0002</td></tr></table></article>")
    release = parse_html(page(body), language="en").communique
    assert [("Oliver Grant", "Meridian Shipping plc", ("+44 20 0000 0001",)),
            ("Ella Stone", "Harbour PR", ("+44 20 0000 0002",))] == [
        (c.name, c.organization, c.phones) for c in release.contacts]
    assert 1 == len(release.body)


def test_wrong_charset_detected():
    """A page that declares windows-1250 but is UTF-8 is read as UTF-8, with a warning."""
    reading = read_fixture("legacy.html")
    assert ["charset-mismatch"] == [d.code for d in reading.diagnostics]
    assert "eröffnet" in reading.communique.headline


def test_declared_charset_used():
    """A page in ISO-8859-1 that says so is read in ISO-8859-1 without a warning."""
    data = ('<meta charset="iso-8859-1"><h1>Café ouvert</h1><p>Paris, le 3 mars 2025 - Le café a ouvert '
            "ses portes ce matin devant cent personnes.</p>").encode("latin-1")
    reading = parse_html(data)
    assert ("Café ouvert", []) == (reading.communique.headline, [d.code for d in reading.diagnostics])


# -- dates


def test_latest_news_dates_never_used():
    """Dates of a list of other releases, outside or inside the content, never become the release date."""
    listing = "".join(f'<li><a href="/n/{i}">Other news {i}</a> 1{i} May 2020</li>' for i in range(4))
    html = page(f"<div><ul>{listing}</ul></div><h1>A headline</h1><p>The release text has no date at all, "
                "and it says so in twenty words or more so that it reads as a body.</p>")
    release = parse_html(html, language="en").communique
    assert release.dateline is None


def test_metadata_date_when_nothing_printed():
    """With no printed date, the page's own metadata date is used, and said so."""
    html = page("<h1>A headline</h1><p>The release text has no date at all, and it says so in twenty words or "
                "more so that it reads as a body.</p>",
                '<meta property="article:published_time" content="2021-06-07T10:00:00Z">')
    reading = parse_html(html, language="en")
    assert (datetime.date(2021, 6, 7), "date-from-metadata") == (
        reading.communique.dateline.date, reading.diagnostics[-1].code)


def test_printed_date_wins_over_metadata():
    """When metadata and the printed dateline disagree, the dateline is kept, with a warning."""
    html = page("<h1>A headline</h1><p>LONDON, May 2, 2022 - The release text is here and it is long enough "
                "to read as the body of the release.</p>",
                '<meta property="article:published_time" content="2022-05-09">')
    reading = parse_html(html, language="en")
    assert datetime.date(2022, 5, 2) == reading.communique.dateline.date
    assert ["date-metadata-disagrees"] == [d.code for d in reading.diagnostics]


def test_conflicting_metadata_dates_left_out():
    """Metadata sources that disagree among themselves give no date."""
    html = page("<h1>A headline</h1><p>No date is printed in this release, which is long enough to be a body "
                "of text.</p>",
                '<meta name="date" content="2022-05-09"><meta name="dc.date" content="2022-05-10">')
    reading = parse_html(html, language="en")
    assert (None, ["date-metadata-conflict"]) == (
        reading.communique.dateline, [d.code for d in reading.diagnostics])


def test_newsdate_attribute():
    """A date attribute on the root element (as some sites write it) dates the release."""
    html = ('<html newsdate="2012-02-28"><body><h1>A headline</h1><p>No date is printed in this release, which '
            "is long enough to be a body of text.</p></body></html>")
    assert datetime.date(2012, 2, 28) == parse_html(html, language="en").communique.dateline.date


# -- hostile input


def test_billion_laughs():
    """Entity declarations are not expanded."""
    entities = "".join(f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" * 10}">' for i in range(1, 10))
    html = f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{entities}]><html><body><h1>T</h1><p>&l9;</p>'
    release = parse_html(html.encode()).communique
    assert "lollol" not in json.dumps([b.plain_text for b in release.body])


def test_external_entity():
    """External entities are neither fetched nor read."""
    html = b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><h1>T</h1><p>&x;</p></body></html>'
    release = parse_html(html).communique
    assert "root:" not in json.dumps([b.plain_text for b in release.body] + list(release.unclassified))


def test_page_too_large():
    """A 50 MB page is refused with a clear error."""
    data = b"<p>" + b"x" * (50 * 1024 * 1024)
    with pytest.raises(ParseError, match=f"larger than the {MAX_BYTES} bytes"):
        parse_html(data)


def test_deep_nesting():
    """100,000 nested tags give a result and a warning that the deepest text is left out, not a crash."""
    data = b"<html><body><h1>Deep</h1>\n" + b"<div>" * 100_000 + b"bottom text" + b"</div>" * 100_000
    reading = parse_html(data, name="deep.html")
    assert "Deep" == reading.communique.headline
    assert [("page-too-deep", 2)] == [(d.code, d.line) for d in reading.diagnostics if d.code == "page-too-deep"]


def test_ordinary_nesting_gives_no_depth_warning():
    """A page of ordinary depth gets no depth warning."""
    data = b"<html><body><h1>Deep</h1>" + b"<div>" * 100 + b"bottom text" + b"</div>" * 100
    reading = parse_html(data)
    assert "page-too-deep" not in [d.code for d in reading.diagnostics]
    assert "bottom text" == reading.communique.subheadline


def test_binary_junk():
    """Binary data is refused as not a page."""
    with pytest.raises(ParseError, match="binary data"):
        parse_html(bytes(range(256)) * 40)


def test_truncated_page():
    """A page cut off in the middle gives what it has."""
    data = (b"<html><head><title>Cut</title></head><body><h1>Acme buys Beta</h1><p>Acme has bought Beta for one "
            b"euro, the two companies said on Monday in a joint statement. <b>The deal clo")
    release = parse_html(data, language="en").communique
    assert ("Acme buys Beta", ("Acme has bought Beta for one euro, the two companies said on Monday in a joint "
            "statement. The deal clo")) == (release.headline, release.body[0].plain_text)


def test_empty_page():
    """An empty input is refused."""
    with pytest.raises(ParseError, match="empty"):
        parse_html(b"  ")


# -- registry and command line


def test_registered():
    """The format is registered for its extensions and by name."""
    assert ["html"] * 4 == [guess_format(f"a{ext}").name for ext in (".html", ".htm", ".xhtml", ".php")]
    assert "communique.html" == find_format("html").module


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False, timeout=120)


def test_cli_converts_page():
    """`convert --from html` prints native JSON."""
    result = run_cli("convert", str(FIXTURES / "legacy.html"), "--from", "html", "--to", "json")
    assert (0, "Beispiel GmbH eröffnet ein Werk") == (result.returncode, json.loads(result.stdout)["headline"])


def test_cli_binary_one_line(tmp_path: Path):
    """Binary junk named .html gives one line on stderr and no traceback."""
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 40)
    result = run_cli("convert", str(junk), "--to", "json")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert 1 == len(result.stderr.strip().splitlines())
