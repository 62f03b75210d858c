"""Tests for the forms for people: plain text, Markdown and HTML writers (communique._render)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from lxml import etree

from communique import BulletList, Communique, Contact, Dateline, Heading, ListItem, Paragraph, Strong, Text
from communique._render import to_html, to_markdown, to_plain_text
from communique.formats import find_format
from tests.strategies import communiques

RELEASE = Communique(
    language="en",
    dateline=Dateline(text="PORT ELLIS, March 4, 2025"),
    headline="Harbourview Ferries adds a night crossing",
    body=(Paragraph((Text("The crossing "), Strong((Text("leaves at 23:15"),)), Text("."))),
          Heading((Text("Timetable"),)),
          BulletList((ListItem((Text("Port Ellis 23:15"),)), ListItem((Text("Kestrel 00:40"),))))),
    contacts=(Contact(name="Maren Tollefsen", phones=("+44 20 7946 0321",)),),
)


class TestForms:
    def test_plain_text(self):
        """Plain text lays the release out in paragraphs separated by blank lines."""
        assert ("PORT ELLIS, March 4, 2025\n\nHarbourview Ferries adds a night crossing\n\n"
                "The crossing leaves at 23:15.\n\nTimetable\n\n- Port Ellis 23:15\n- Kestrel 00:40\n\n"
                "Press contacts:\nMaren Tollefsen, +44 20 7946 0321\n") == to_plain_text(RELEASE).decode()

    def test_markdown(self):
        """Markdown marks the headline, strong runs, headings and lists."""
        text = to_markdown(RELEASE).decode()
        assert ["# Harbourview Ferries adds a night crossing", "The crossing **leaves at 23:15**.", "## Timetable",
                "- Port Ellis 23:15"] == [line for line in text.splitlines() if line.startswith(("#", "The", "- P"))]

    def test_markdown_escapes(self):
        """Characters that Markdown would read as markup are escaped."""
        assert b"# 1\\. \\*not\\* \\[a link\\]\n" == to_markdown(Communique(headline="1. *not* [a link]"))

    def test_html_page(self):
        """HTML is a complete page with the language, the title and an h1."""
        root = etree.fromstring(to_html(RELEASE), etree.HTMLParser())
        assert ("en", "Harbourview Ferries adds a night crossing", "leaves at 23:15") == (
            root.get("lang"), root.findtext("head/title"), root.findtext(".//p/strong"))

    def test_empty(self):
        """An empty communiqué gives empty text."""
        assert (b"", b"") == (to_plain_text(Communique()), to_markdown(Communique()))

    @pytest.mark.parametrize("name", ["text", "markdown", "html"])
    def test_read_back(self, name):
        """Each form read back by its reader finds the same headline and dateline."""
        entry = find_format(name)
        reading = entry.reader()(entry.writer()(RELEASE), source=f"x{entry.extension}")
        assert (RELEASE.headline, RELEASE.dateline.text) == (reading.communique.headline,
                                                             reading.communique.dateline.text)

    @settings(max_examples=50)
    @given(communiques)
    def test_any_release(self, release):
        """Every form writes any communiqué as UTF-8 without raising."""
        for write in (to_plain_text, to_markdown, to_html):
            write(release).decode("utf-8")
