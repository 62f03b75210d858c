"""Tests for communique.newsml: the NewsML-G2 writer and reader."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

import communique
from communique import (
    BulletList,
    Communique,
    Contact,
    Dateline,
    Embargo,
    Emphasis,
    Issuer,
    LineBreak,
    ListItem,
    Paragraph,
    ParseError,
    Reference,
    Strong,
    Text,
)
from communique.formats import find_format, guess_format
from communique.newsml import (
    derive_guid,
    from_newsml,
    from_newsml_message,
    read,
    read_items,
    to_newsml,
    to_newsml_message,
    validate_newsml,
    write,
)
from tests.shared import shared_path
from tests.strategies import communiques

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
AT = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
FIXTURES = Path(__file__).parent / "fixtures" / "newsml"

RELEASE = Communique(
    language="fr",
    issuer=Issuer(name="Acme SA", organization="Groupe Acme"),
    dateline=Dateline(text="PARIS, 3 mars 2025", place="Paris", date=datetime.date(2025, 3, 3)),
    reference=Reference(number="014", text="N° 014"),
    embargo=Embargo(text="Sous embargo jusqu'au 3 mars 2025, 8 h",
                    until=datetime.datetime(2025, 3, 3, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))),
    headline="Acme lance X",
    summary=("Un produit pour les PME",),
    body=(Paragraph([Text("Acme "), Strong([Text("lance")]), Text(" X.")]),),
    contacts=(Contact(name="Jeanne Dupont", role="Porte-parole", phones=("01 53 18 41 00",),
                      phones_e164=("+33153184100",), emails=("presse@acme.example",)),),
)


@pytest.fixture(scope="session")
def g2_schema() -> Path:
    """The IPTC NewsML-G2 2.35 schema from the shared kit."""
    return shared_path("newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")


def _tree(data: bytes) -> etree._Element:
    return etree.fromstring(data)


class TestWriter:
    def test_declaration_and_root(self):
        """The output is UTF-8 with an XML declaration, a 2.35 power newsItem."""
        data = to_newsml(RELEASE, versioned=AT)
        root = _tree(data)
        assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        expected = {"standard": "NewsML-G2", "standardversion": "2.35", "conformance": "power", "version": "1"}
        assert expected == {k: root.get(k) for k in expected}
        assert f"{NAR}newsItem" == root.tag

    def test_item_meta(self):
        """itemMeta carries class, provider, times, embargo, status, generator and title in schema order."""
        item_meta = _tree(to_newsml(RELEASE, versioned=AT, provider="acme.example")).find(f"{NAR}itemMeta")
        expected = ["itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus", "generator",
                    "profile", "title", "edNote"]
        assert expected == [etree.QName(child).localname for child in item_meta]
        assert "2025-03-03T08:00:00+01:00" == item_meta.findtext(f"{NAR}embargoed")
        assert "acme.example" == item_meta.find(f"{NAR}provider").get("literal")

    def test_content_meta(self):
        """contentMeta has the genre, the reference as altId, the summary as description, contacts as parties."""
        content = _tree(to_newsml(RELEASE, versioned=AT)).find(f"{NAR}contentMeta")
        assert "genre:Press_Release" == content.find(f"{NAR}genre").get("qcode")
        assert "014" == content.findtext(f"{NAR}altId")
        assert "Un produit pour les PME" == content.findtext(f"{NAR}description[@role='drol:summary']")
        assert "PARIS, 3 mars 2025" == content.findtext(f"{NAR}dateline")
        assert "Paris" == content.findtext(f"{NAR}located/{NAR}name")
        assert "fr" == content.find(f"{NAR}language").get("tag")
        phone = content.findtext(f"{NAR}contributor/{NAR}personDetails/{NAR}contactInfo/{NAR}phone")
        assert "+33153184100" == phone

    def test_body_is_xhtml_with_address(self):
        """The body is XHTML in inlineXML; contacts are <address> elements; a text/plain rendition follows."""
        content_set = _tree(to_newsml(RELEASE, versioned=AT)).find(f"{NAR}contentSet")
        html = content_set.find(f"{NAR}inlineXML/{{http://www.w3.org/1999/xhtml}}html")
        assert html is not None
        assert 1 == len(html.findall(".//{http://www.w3.org/1999/xhtml}address"))
        assert "text/plain" == content_set.find(f"{NAR}inlineData").get("contenttype")

    def test_valid(self, g2_schema):
        """The example release is valid against the schema and the own checks."""
        assert [] == validate_newsml(to_newsml(RELEASE, versioned=AT), schema=g2_schema)

    def test_naive_time_refused(self):
        """A naive versioned time is refused: its zone would be a guess."""
        with pytest.raises(communique.InvalidValueError, match="timezone-aware"):
            to_newsml(RELEASE, versioned=datetime.datetime(2025, 3, 1, 9, 30))

    @pytest.mark.parametrize("version", [0, -1, True])
    def test_bad_version_refused(self, version):
        """version is a positive integer."""
        with pytest.raises(communique.InvalidValueError, match="positive integer"):
            to_newsml(RELEASE, version=version, versioned=AT)

    def test_past_embargo_left_out_of_item_meta(self):
        """An embargo that ended before the first version is not an embargoed property, but is kept."""
        past = Communique(embargo=Embargo(text="Embargo", until=AT - datetime.timedelta(days=1)))
        data = to_newsml(past, versioned=AT)
        assert _tree(data).find(f"{NAR}itemMeta/{NAR}embargoed") is None
        assert past == from_newsml(data)

    def test_later_version_keeps_guid(self):
        """Version 2 of a release has the guid of version 1, and no firstCreated unless given."""
        one = _tree(to_newsml(RELEASE, versioned=AT))
        two = _tree(to_newsml(RELEASE, version=2, versioned=AT + datetime.timedelta(hours=1)))
        assert one.get("guid") == two.get("guid")
        assert "2" == two.get("version")
        assert two.find(f"{NAR}itemMeta/{NAR}firstCreated") is None

    def test_given_guid(self):
        """A guid given is used as is."""
        assert "urn:x:1" == _tree(to_newsml(RELEASE, guid="urn:x:1", versioned=AT)).get("guid")

    def test_derived_guid(self):
        """The derived guid names the issuer, the date and the number."""
        assert "urn:newsml:acme.example:20250303:014" == derive_guid(RELEASE, provider="acme.example")

    def test_derived_guid_without_number_is_stable(self):
        """Without a reference, the guid is a hash of stable fields, the same on every call."""
        bare = Communique(headline="Hello")
        assert derive_guid(bare) == derive_guid(Communique(headline="Hello"))
        assert derive_guid(bare) != derive_guid(Communique(headline="Bye"))

    def test_deterministic(self):
        """The same release and times give the same bytes."""
        assert to_newsml(RELEASE, versioned=AT) == to_newsml(RELEASE, versioned=AT)


class TestRoundTrip:
    @given(communiques)
    def test_any_communique(self, release):
        """Every communiqué is written XSD-valid, without own-check findings, and read back equal."""
        data = to_newsml(release, versioned=AT)
        schema = shared_path("newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")
        assert [] == validate_newsml(data, schema=schema)
        assert release == from_newsml(data)

    @given(communiques)
    def test_any_communique_through_message(self, release):
        """A communiqué in a newsMessage comes back equal too."""
        assert (release, release) == from_newsml_message(to_newsml_message([release, release], versioned=AT))

    @pytest.mark.parametrize("text", [" lead", "trail ", "\ttab\t", "two\nlines", "cr\r\nlf", "  ", "\u00a0nbsp"])
    def test_white_space_kept(self, text):
        """Leading, trailing and inner white space of text runs survives exactly."""
        release = Communique(headline=f"x{text}x", body=[Paragraph([Text(text), Text(text)])],
                             summary=[f"x{text}x"])
        assert release == from_newsml(to_newsml(release, versioned=AT))

    def test_nested_structure(self):
        """Nested lists with emphasis, line breaks and links come back equal."""
        release = Communique(body=[BulletList([ListItem(
            [Emphasis([Strong([Text("a")]), LineBreak()]), Text("b")],
            blocks=[BulletList([ListItem([Text("c")])])])])])
        assert release == from_newsml(to_newsml(release, versioned=AT))

    def test_message_guids_unique(self, g2_schema):
        """Two releases with the same derived guid get distinct guids in one message."""
        data = to_newsml_message([RELEASE, RELEASE], versioned=AT)
        guids = [item.get("guid") for item in _tree(data).iter(f"{NAR}newsItem")]
        assert 2 == len(set(guids))
        assert [] == validate_newsml(data, schema=g2_schema)


class TestForeignItems:
    @pytest.mark.parametrize("name", [
        "LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_2_NewsML-G2_Text_Document.xml",
        "LISTING_22_Sports_story_in_NewsML-G2NITF.xml", "Receiver_View.xml", "LISTING_29_Hop_History.xml",
        "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml", "ap_metadata_example.xml",
        "CR00211_01_newsitem_with_no_catalog.xml", "CR00206_metadataCreator.xml",
    ])
    def test_iptc_examples_read(self, name):
        """Every IPTC example item is read without an exception and says where it came from."""
        path = shared_path("newsml-g2", "examples", name)
        release = from_newsml(path.read_bytes(), source=name)
        assert "newsml" == release.provenance.format

    def test_nitf_body(self):
        """An NITF body gives paragraphs, and its headline when the metadata has none."""
        path = shared_path("newsml-g2", "examples", "LISTING_2_NewsML-G2_Text_Document.xml")
        release = from_newsml(path.read_bytes())
        assert release.headline
        assert any(isinstance(block, Paragraph) for block in release.body)

    def test_embargo_read(self):
        """embargoed becomes the embargo's end, and the edNote its text."""
        path = shared_path("newsml-g2", "examples", "LISTING_1_A_NewsML-G2_News_Item.xml")
        release = from_newsml(path.read_bytes())
        assert release.embargo is not None
        assert release.embargo.until is not None

    def test_loose_xhtml_white_space(self):
        """In a foreign XHTML body, layout white space is collapsed as a browser would."""
        data = (FIXTURES / "valid" / "press-release.xml").read_bytes().replace(
            b"<p id=\"p1\">The Fixture Company opens a plant.</p>",
            b"<p>\n   The   <b>Fixture</b> <i>Company</i>\n   opens a plant.\n</p>")
        (paragraph,) = from_newsml(data).body
        expected = Paragraph([Text("The "), Strong([Text("Fixture")]), Text(" "), Emphasis([Text("Company")]),
                              Text(" opens a plant.")])
        assert expected == paragraph

    def test_plain_text_body(self):
        """An item with only inlineData gives one paragraph per block of text."""
        data = (FIXTURES / "valid" / "press-release.xml").read_bytes()
        start, end = data.index(b"<inlineXML"), data.index(b"</inlineXML>") + len(b"</inlineXML>")
        release = from_newsml(data[:start] + data[end:])
        assert (Paragraph([Text("The Fixture Company opens a plant.")]),) == release.body


class TestRefusals:
    @pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml", "external-dtd.xml"])
    def test_hostile_refused(self, name):
        """Entities and external DTDs are refused with a ParseError, not expanded or fetched."""
        with pytest.raises(ParseError, match="DOCTYPE"):
            from_newsml((FIXTURES / "hostile" / name).read_bytes(), source=name)

    @pytest.mark.parametrize("data", [b"", b"<a", b"\xff\xfe<", b"<root/>", b"<?xml version='1.0'?>"])
    def test_not_newsml(self, data):
        """Junk and foreign XML raise ParseError."""
        with pytest.raises(ParseError):
            from_newsml(data)

    def test_empty_message(self):
        """A newsMessage without items raises ParseError."""
        data = (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2025-01-01T00:00:00Z'
                b"</sent></header><itemSet/></newsMessage>")
        with pytest.raises(ParseError, match="no item"):
            from_newsml(data)

    def test_size_limit(self):
        """A document over the size limit is refused before parsing."""
        diagnostics = validate_newsml(b"<a/>" + b" " * 100, max_bytes=50)
        assert ["xml-too-large"] == [d.code for d in diagnostics]


class TestRegistry:
    def test_format_entry(self):
        """The registry knows newsml by name and by the .xml extension."""
        entry = find_format("newsml")
        assert ("communique.newsml", "application/vnd.iptc.g2.newsitem+xml") == (entry.module, entry.media_type)
        assert entry == guess_format("release.xml")

    def test_read_write(self):
        """The registry's read and write are inverse on our output."""
        assert RELEASE == read(write(RELEASE)).communique

    def test_read_message_notes_extra_items(self):
        """Reading a message with several items through the registry says only the first was read."""
        reading = read(to_newsml_message([RELEASE, Communique(headline="Two")]))
        assert ["newsml-more-items"] == [d.code for d in reading.diagnostics]
        assert 2 == len(read_items(to_newsml_message([RELEASE, Communique(headline="Two")])))

    def test_facade(self):
        """The package facade exposes the three NewsML-G2 functions."""
        assert (communique.to_newsml, communique.from_newsml, communique.validate_newsml) == (
            to_newsml, from_newsml, validate_newsml)
