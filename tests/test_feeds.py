"""Tests for communique.feeds: RSS 2.0 and Atom feeds, one communiqué per entry."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import communique
from communique import ParseError, Severity
from communique.api import iter_load, read_all
from communique.feeds import iter_feed, read, read_feed, scan_feed, validate_feed
from communique.formats import find_format, guess_format

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
HOSTILE = Path(__file__).parent / "fixtures" / "newsml" / "hostile"


def _codes(data: bytes) -> list[tuple[int | None, str]]:
    return [(d.line, d.code) for d in validate_feed(data, source="f") if d.code.startswith(("feed-", "xml-"))]


class _CountingStream(io.BytesIO):
    """A binary stream that records the largest single read."""

    largest = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.largest = max(self.largest, len(data))
        return data


class TestRss:
    def test_headlines(self):
        """Each RSS item becomes a communiqué headed by the item's title."""
        readings = read_feed((FEEDS / "releases.rss").read_bytes(), source="releases.rss")
        assert ["Harbourview Ferries adds a night crossing to Kestrel Island",
                "Harbourview Ferries orders two electric vessels"] == [r.communique.headline for r in readings]

    def test_content_read_by_html_reader(self):
        """content:encoded is read by the HTML reader: dateline, body and contact come out."""
        first = read_feed((FEEDS / "releases.rss").read_bytes())[0].communique
        assert ("PORT ELLIS, March 4, 2025", "Maren Tollefsen", "en") == (
            first.dateline.text, first.contacts[0].name, first.language)

    def test_link_id_and_date_kept(self):
        """The entry's link goes first in links; its id and date go to metadata."""
        first = read_feed((FEEDS / "releases.rss").read_bytes(), source="r.rss")[0].communique
        metadata = {m.name: m.value for m in first.metadata}
        assert ("https://harbourview.example/press/night-crossing", "https://harbourview.example/press/night-crossing",
                "Tue, 04 Mar 2025 09:30:00 +0000") == (first.links[0].url, metadata["feed:id"],
                                                       metadata["feed:published"])

    def test_provenance(self):
        """The provenance names the feed and the entry's link."""
        first = read_feed((FEEDS / "releases.rss").read_bytes(), source="r.rss")[0].communique
        assert ("r.rss", "feed", "https://harbourview.example/press/night-crossing") == (
            first.provenance.source, first.provenance.format, first.provenance.url)

    def test_valid_feed_has_no_feed_findings(self):
        """The valid fixture passes every feed-level check."""
        assert [] == _codes((FEEDS / "releases.rss").read_bytes())


class TestAtom:
    def test_html_xhtml_and_text_content(self):
        """Atom content of type html, xhtml, and a text summary are all read."""
        readings = read_feed((FEEDS / "releases.atom").read_bytes())
        assert [("2025-03-05", "fr"), ("2025-02-20", "fr"), ("2025-02-27", "fr")] == [
            (r.communique.dateline.date.isoformat(), r.communique.language) for r in readings]

    def test_valid(self):
        """The Atom fixture passes every feed-level check."""
        assert [] == _codes((FEEDS / "releases.atom").read_bytes())

    def test_naive_date_is_an_error(self):
        """An Atom date without an offset is an error."""
        data = (FEEDS / "releases.atom").read_bytes().replace(b"2025-02-20T09:00:00+01:00", b"2025-02-20T09:00:00")
        assert [(15, "feed-date-invalid")] == _codes(data)


class TestChecks:
    def test_broken_entry_fixture(self):
        """Missing title and link, an unreadable entry, a reused id, a bad date and a relative link are found."""
        assert [(13, "feed-title-missing"), (13, "feed-link-missing"), (13, "feed-entry-unreadable"),
                (17, "feed-id-duplicate"), (17, "feed-date-invalid"), (17, "feed-link-invalid")] == _codes(
                    (FEEDS / "broken-entry.rss").read_bytes())

    def test_scan_goes_past_broken_entry(self):
        """scan_feed gives a reading for each good entry and an error in place of the broken one."""
        found = list(scan_feed((FEEDS / "broken-entry.rss").read_bytes(), source="b.rss"))
        assert ["reading", "feed-entry-unreadable", "reading"] == [
            getattr(f, "code", "reading") for f in found]

    def test_iter_feed_raises_at_broken_entry(self):
        """iter_feed raises a ParseError naming the line of the broken entry."""
        with pytest.raises(ParseError, match="neither a title nor any content") as caught:
            list(iter_feed((FEEDS / "broken-entry.rss").read_bytes(), source="b.rss"))
        assert ("b.rss", 13) == (caught.value.source, caught.value.line)

    def test_truncated(self):
        """A feed cut short is one xml-syntax error with a position, after the entries before the cut."""
        found = list(validate_feed((FEEDS / "truncated.rss").read_bytes(), source="t.rss"))
        assert [("xml-syntax", Severity.ERROR)] == [(d.code, d.severity) for d in found if d.code.startswith("xml")]

    def test_not_a_feed(self):
        """A document whose root is neither rss nor feed is refused."""
        assert [(1, "feed-unknown")] == _codes(b"<html><body/></html>")

    def test_rss_version(self):
        """An RSS version other than 2.0 is a warning."""
        data = (FEEDS / "releases.rss").read_bytes().replace(b'version="2.0"', b'version="0.91"')
        assert [(2, "feed-version")] == _codes(data)

    def test_empty_feed(self):
        """A feed without entries is a warning."""
        assert [(1, "feed-empty")] == _codes(b'<rss version="2.0"><channel><title>T</title></channel></rss>')

    @pytest.mark.parametrize(("name", "code"), [("xxe.xml", "xml-entities"), ("billion-laughs.xml", "xml-entities")])
    def test_hostile_refused(self, name, code):
        """Entity declarations are refused as in NewsML-G2, before any expansion."""
        found = [d.code for d in validate_feed((HOSTILE / name).read_bytes(), source=name)]
        assert [code] == found

    def test_external_dtd_refused(self):
        """A DOCTYPE naming an external DTD is refused."""
        data = b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">\n<rss version="2.0"/>'
        assert ["xml-external-dtd"] == [d.code for d in validate_feed(data)]


class TestStreaming:
    def test_reads_a_file_in_chunks(self):
        """iter_feed on an open file reads it in chunks, never whole."""
        body = (FEEDS / "releases.rss").read_bytes()
        items = body[body.index(b"<item>"):body.rindex(b"</channel>")]
        data = body.replace(items, items * 200)
        stream = _CountingStream(data)
        count = sum(1 for _ in iter_feed(stream))
        assert (400, True) == (count, stream.largest <= 64 * 1024 < len(data))

    def test_entries_are_cleared(self):
        """Entries already yielded are taken out of the tree, so memory stays flat."""
        from communique._xml import iterparse

        body = (FEEDS / "releases.rss").read_bytes()
        items = body[body.index(b"<item>"):body.rindex(b"</channel>")]
        root = None
        for event, element in iterparse(io.BytesIO(body.replace(items, items * 50)), tags=["item"]):
            root = element if event == "start" else root
        assert ["title", "link", "description", "language"] == [child.tag for child in root[0]]


class TestRegistry:
    def test_registered(self):
        """The feed format is known by name and by the .rss and .atom extensions; it is read-only."""
        entry = find_format("feed")
        assert ("feed", "feed", True, False, True) == (
            guess_format("a.rss").name, guess_format("a.ATOM").name, entry.readable, entry.writable,
            entry.holds_several)

    def test_read_first_with_note(self):
        """The registry's read gives the first entry and says how many there were."""
        reading = read((FEEDS / "releases.atom").read_bytes(), source="a.atom")
        assert ("La médiathèque ouvre le dimanche", "feed-more-entries") == (
            reading.communique.headline, reading.diagnostics[-1].code)

    def test_read_empty_feed(self):
        """Reading a feed without entries through the registry is a ParseError."""
        with pytest.raises(ParseError, match="no entry"):
            read(b'<rss version="2.0"><channel/></rss>')

    def test_api_read_all(self):
        """communique.read_all gives every entry of a feed, and one release of other formats."""
        data = (FEEDS / "releases.atom").read_bytes()
        single = communique.write(communique.Communique(headline="Hi"), format="json")
        assert (3, 1) == (len(read_all(data, format="feed")), len(read_all(single, format="json")))

    def test_api_iter_load(self):
        """communique.iter_load streams a feed file, telling the format from the extension."""
        assert 2 == sum(1 for _ in iter_load(FEEDS / "releases.rss"))

    def test_api_iter_load_broken(self):
        """iter_load raises ParseError at the broken entry, after the good one."""
        found = []
        with pytest.raises(ParseError):
            found.extend(r.communique.headline for r in iter_load(FEEDS / "broken-entry.rss"))
        assert ["Brackwater Yard launches its first electric hull"] == found

    def test_api_newsml_message(self, tmp_path):
        """read_all reads every item of a NewsML-G2 newsMessage."""
        from communique.newsml import to_newsml_message

        releases = [communique.Communique(headline="One"), communique.Communique(headline="Two")]
        data = to_newsml_message(releases)
        assert ["One", "Two"] == [r.communique.headline for r in read_all(data, format="newsml")]
