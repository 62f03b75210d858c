"""Tests for communique.text: the plain-text and Markdown-ish reader."""

from __future__ import annotations

import codecs
import contextlib
import datetime
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique import Communique, ParseError, native_json
from communique.exceptions import CommuniqueError
from communique.text import MAX_BYTES, parse_text
from tests.shared import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def read_fixture(name: str) -> Communique:
    """Parse a fixture release."""
    path = FIXTURES / name
    return parse_text(path.read_bytes(), name=str(path)).communique


def get(data: Any, path: str) -> Any:
    """Follow a dotted path (numbers index lists) through native JSON."""
    for key in path.split("."):
        data = data[int(key)] if key.isdigit() else data.get(key)
    return data


EXPECTED = [
    ("fr-ministere.md", "language", "fr"),
    ("fr-ministere.md", "issuer.name", "JEANNE EXEMPLE"),
    ("fr-ministere.md", "issuer.title", "MINISTRE DE LA MOBILITÉ DOUCE"),
    ("fr-ministere.md", "kind.label", "Communiqué de presse"),
    ("fr-ministere.md", "kind.genre", "press_release"),
    ("fr-ministere.md", "dateline.text", "Lyon, le 1er août 2024"),
    ("fr-ministere.md", "dateline.place", "Lyon"),
    ("fr-ministere.md", "dateline.date", "2024-08-01"),
    ("fr-ministere.md", "reference.number", "112"),
    ("fr-ministere.md", "reference.text", "N° 112"),
    ("fr-ministere.md", "headline", "Jeanne EXEMPLE lance le plan vélo des villes moyennes"),
    ("fr-ministere.md", "links.0.url", "https://www.mobilite-douce.gouv.example"),
    ("fr-ministere.md", "contacts.0.name", "Paul MODÈLE"),
    ("fr-ministere.md", "contacts.0.role", "conseiller presse"),
    ("fr-ministere.md", "contacts.0.organization", "Cabinet de Jeanne EXEMPLE"),
    ("fr-ministere.md", "contacts.0.phones", ["01 40 00 00 00"]),
    ("fr-ministere.md", "contacts.0.phones_e164", ["+33140000000"]),
    ("en-wire.txt", "kind.label", "FOR IMMEDIATE RELEASE"),
    ("en-wire.txt", "headline", "Northwind Rail Opens Night Service Between Lyon and Turin"),
    ("en-wire.txt", "subheadline", "New sleeper trains cut the journey to one evening"),
    ("en-wire.txt", "dateline.place", "LYON"),
    ("en-wire.txt", "dateline.region", "France"),
    ("en-wire.txt", "dateline.wire", "Example Newswire"),
    ("en-wire.txt", "dateline.date", "2025-03-03"),
    ("en-wire.txt", "issuer.name", "Northwind Rail"),
    ("en-wire.txt", "boilerplate.0.heading", "About Northwind Rail"),
    ("en-wire.txt", "contacts.0.name", "Jane Example"),
    ("en-wire.txt", "contacts.0.role", "Head of Press"),
    ("en-wire.txt", "contacts.0.emails", ["press@northwind-rail.example"]),
    ("en-wire.txt", "contacts.0.phones_e164", ["+33472000000"]),
    ("en-wire.txt", "end_marker", "###"),
    ("en-wire.txt", "links.0.url", "www.northwind-rail.example"),
    ("de-pressemitteilung.md", "language", "de"),
    ("de-pressemitteilung.md", "kind.label", "Pressemitteilung"),
    ("de-pressemitteilung.md", "dateline.date", "2012-07-24"),
    ("de-pressemitteilung.md", "dateline.place", "Musterstadt"),
    ("de-pressemitteilung.md", "boilerplate.0.heading", "Über die Stadtwerke Musterstadt"),
    ("de-pressemitteilung.md", "contacts.0.phones", ["+49 30 1234567"]),
    ("de-pressemitteilung.md", "contacts.0.role", "Pressesprecher"),
    ("es-nota.md", "language", "es"),
    ("es-nota.md", "kind.label", "Nota de prensa"),
    ("es-nota.md", "headline", "La Fundación Ejemplo abre su biblioteca digital"),
    ("es-nota.md", "dateline.date", "2012-07-24"),
    ("es-nota.md", "contacts.0.name", "Lucía Muestra"),
    ("es-nota.md", "contacts.0.phones_e164", ["+34612345678"]),
    ("es-nota.md", "links.0.text", "la web de la fundación"),
    ("front-matter.md", "headline", "Le festival du court métrage annonce sa sélection"),
    ("front-matter.md", "dateline.date", "2023-05-04"),
    ("front-matter.md", "subheadline", "Quarante films venus de douze pays seront projetés en juin."),
    ("front-matter.md", "contacts.0.name", "Claire Témoin"),
    ("front-matter.md", "contacts.0.emails", ["claire@festival.example"]),
    ("front-matter.md", "metadata.1.name", "tags"),
    ("pdf-wrapped.txt", "embargo.until", "2025-01-15T10:00:00+01:00"),
    ("pdf-wrapped.txt", "dateline.date", "2025-01-15"),
    ("pdf-wrapped.txt", "end_marker", "-30-"),
    ("pdf-wrapped.txt", "unclassified", ["Page 1 of 2", "Page 2 of 2"]),
]


class TestFixtures:
    @pytest.mark.parametrize(("name", "path", "expected"), EXPECTED, ids=lambda v: str(v)[:40])
    def test_field(self, name, path, expected):
        """Each invented release gives the values a careful reader finds."""
        assert expected == get(native_json.to_dict(read_fixture(name)), path)

    def test_seed_style_list(self):
        """A "- " list after a colon is one bullet list of three items."""
        body = read_fixture("fr-ministere.md").body
        lists = [b for b in body if type(b).__name__ == "BulletList"]
        assert [3] == [len(b.items) for b in lists]

    def test_wrapped_lines_joined(self):
        """Hard-wrapped lines join back into one paragraph, across a page break."""
        body = read_fixture("pdf-wrapped.txt").body
        texts = [b.plain_text for b in body if hasattr(b, "plain_text")]
        assert any(t.startswith("The full report is available") and t.endswith("open data.") for t in texts)
        assert any("improved for the fourth year in a row" in t for t in texts)

    def test_dateline_leaves_the_body(self):
        """A dateline opening the first paragraph is cut off it, and the paragraph is read once."""
        body = read_fixture("en-wire.txt").body
        assert body[0].plain_text.startswith("Northwind Rail today announced")
        assert [] == [b for b in body if "Northwind Rail today announced" in getattr(b, "plain_text", "")][1:]

    @pytest.mark.parametrize("dateline", ["CLEVELAND, March 4, 2025 -", "LONDON, 4 March 2025 --",
                                          "(Dallas, Texas) –"])
    def test_dateline_paragraph_read_once(self, dateline):
        """The first paragraph, whose dateline opened the body, is not read again as the body's second."""
        text = (f"Acme opens a plant\n\n{dateline} Acme will open a plant in Toledo next year, the company "
                "said on Monday.\n\nThe plant will employ three hundred people, it added in its statement.\n")
        body = parse_text(text).communique.body
        assert ["Acme will open a", "The plant will employ"] == [" ".join(b.plain_text.split()[:4]) for b in body]

    def test_diagnostic_for_ambiguous_numeric_date(self):
        """03/04/2012 in an English release (US or UK order?) gives no date and a warning."""
        reading = parse_text(
            "Press release\n\nParis, 03/04/2012 -- Acme opened a plant today in the north of town.\n",
        )
        assert reading.communique.dateline is not None
        assert reading.communique.dateline.date is None
        assert ["date-ambiguous-numeric-date"] == [d.code for d in reading.diagnostics if d.code.startswith("date")]

    def test_month_only_is_no_date(self):
        """A month and year is not a date."""
        reading = parse_text(
            "Communiqué de presse\n\nParis, novembre 2025\n\nLa société a ouvert une usine à Lyon cette semaine.\n",
        )
        dateline = reading.communique.dateline
        assert dateline is None or dateline.date is None

    def test_body_date_is_not_the_release_date(self):
        """A date inside the body does not become the dateline."""
        text = "# Acme opens a plant\n\nAcme said on 3 March 2020 that it had opened a plant with 200 workers.\n"
        assert parse_text(text).communique.dateline is None

    def test_weekday_mismatch_gives_no_date(self):
        """A weekday that contradicts the date leaves the date out, with a diagnostic."""
        reading = parse_text(
            "Communiqué de presse\n\nParis, lundi 24 juillet 2012\n\n# Titre\n\nLa société a ouvert une usine.\n",
        )
        assert reading.communique.dateline is not None
        assert reading.communique.dateline.date is None
        assert any(d.code.startswith("date-") for d in reading.diagnostics)

    def test_embargo_without_zone(self):
        """An embargo without a time zone keeps its text, no end, and a diagnostic."""
        reading = parse_text(
            "EMBARGOED UNTIL 9:00 A.M., FRIDAY, MAY 10, 2019\n\n# Title here\n\nBody text of the release.\n",
        )
        assert reading.communique.embargo is not None
        assert reading.communique.embargo.until is None
        assert ["embargo-no-zone"] == [d.code for d in reading.diagnostics if d.code.startswith("embargo")]

    def test_language_override(self):
        """The language argument wins over detection."""
        assert "de" == parse_text("Press release\n\nSome text.\n", language="de").communique.language

    def test_provenance(self):
        """The source name is recorded."""
        assert "x.txt" == parse_text("Hello there.\n", name="x.txt").communique.provenance.source


class TestBytes:
    BODY = "Communiqué de presse\n\nParis, le 24 juillet 2012\n\n# Le titre\n\nLa société a ouvert une usine.\n"

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
    def test_unicode_encodings(self, encoding):
        """UTF-8 and UTF-16, with or without a byte-order mark, read the same."""
        data = self.BODY.encode(encoding)
        release = parse_text(data).communique
        assert ("Le titre", datetime.date(2012, 7, 24)) == (release.headline, release.dateline.date)

    def test_utf32_bom(self):
        """UTF-32 with a byte-order mark is read."""
        data = codecs.BOM_UTF32_LE + self.BODY.encode("utf-32-le")
        assert "Le titre" == parse_text(data).communique.headline

    def test_cp1252_fallback(self):
        """Bytes that are not UTF-8 are read as cp1252, with a warning."""
        reading = parse_text(self.BODY.replace("é", "é").encode("cp1252"))
        assert "La société a ouvert une usine." == reading.communique.body[0].plain_text
        assert ["encoding-fallback"] == [d.code for d in reading.diagnostics if d.code.startswith("encoding")]

    def test_control_characters(self):
        """Control characters are removed, with a diagnostic that says where."""
        reading = parse_text("# Title\n\nBody\x07 text of the release.\n")
        found = [d for d in reading.diagnostics if d.code == "control-characters"]
        assert [(3, 5)] == [(d.line, d.column) for d in found]
        assert "Body text of the release." == reading.communique.body[0].plain_text

    def test_empty(self):
        """Empty input gives an empty communiqué and a diagnostic, not an error."""
        reading = parse_text(b"")
        assert Communique(provenance=reading.communique.provenance, language=None) == reading.communique
        assert "headline-missing" in {d.code for d in reading.diagnostics}

    def test_too_large(self):
        """An input over the size limit is refused with a ParseError naming it."""
        with pytest.raises(ParseError, match=r"big\.txt"):
            parse_text(b" " * (MAX_BYTES + 1), name="big.txt")

    def test_binary_junk(self):
        """Binary junk gives a communiqué, not an exception."""
        junk = bytes(range(256)) * 40
        assert isinstance(parse_text(junk).communique, Communique)


# --------------------------------------------------------------------------
# Nothing lost

_TAG = re.compile(r"<[^>]*>")
_ATTR = re.compile(r"""\b(?:src|alt|href)\s*=\s*["']([^"']*)["']""")


def input_words(text: str) -> set[str]:
    """The words of an input, without pure markup (tags, front matter keys, list numbers)."""
    kept = " ".join(_ATTR.findall(text))
    text = _TAG.sub(" ", text)
    text = re.sub(r"(?m)^\s*\d{1,3}[.)]\s", " ", text)  # list numbers are markup
    text = re.sub(r"(?=https?://)", " ", text)  # a URL glued to a word is two words
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), 0)
        lines[1:end] = [re.sub(r"^\s*-?\s*[\w-]+:", " ", line) for line in lines[1:end]]
    return {w.casefold() for w in re.findall(r"[^\W_]+", "\n".join(lines) + " " + kept)}


def output_words(release: Communique) -> set[str]:
    """The words of every string value of a communiqué."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            node = re.sub(r"(?=https?://)", " ", node)
            found.update(w.casefold() for w in re.findall(r"[^\W_]+", node))
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in {"format", "format_version"}:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(native_json.to_dict(release))
    return found


def lost_words(text: str) -> set[str]:
    """Words of *text* that its reading does not keep anywhere.

    A page flattened to text glues fields together ("Contact DetailsLeo"); the
    reader splits them, so a glued input word is kept when its two parts are.
    """
    kept = output_words(parse_text(text).communique)
    return {word for word in input_words(text) - kept
            if not any(word[:i] in kept and word[i:] in kept for i in range(1, len(word)))}


class TestNothingLost:
    @pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
    def test_fixtures(self, name):
        """Every word of an invented release is somewhere in its communiqué."""
        assert set() == lost_words((FIXTURES / name).read_text(encoding="utf-8"))

    def test_shared_corpus(self):
        """Every word of every text and Markdown release of the shared corpus is kept."""
        corpus = shared_path("corpus")
        lost = {}
        for path in sorted([*corpus.glob("*.md"), *corpus.glob("*.txt")]):
            missing = lost_words(path.read_text(encoding="utf-8"))
            if missing:
                lost[path.name] = sorted(missing)[:10]
        assert {} == lost

    @given(st.lists(st.sampled_from([
        "Communiqué de presse", "FOR IMMEDIATE RELEASE", "Paris, le 3 mars 2025", "N° 12", "## Un titre",
        "# Headline of it", "- item one", "* item two", "1. first", "> quoted words", "| a | b |", "---",
        "Contact presse : Jeanne Exemple, 01 23 45 67 89", "About Acme", "###", "-30-", "Page 2 of 3",
        "**Bold words** and *italic words* with [a link](https://a.example) and www.b.example.",
        "A plain sentence of the body that goes on for a while and ends here.",
        "EMBARGOED UNTIL 10:00 CET 25 January 2012", "Media Contact:", "Jane Doe", "jane@doe.example",
        "+1 (212) 555-0100", "", "", "SHOUTED HEADER LINE",
    ]), max_size=25))
    def test_generated_releases(self, lines):
        """Releases assembled from typical parts lose no word."""
        assert set() == lost_words("\n".join(lines))


# --------------------------------------------------------------------------
# Robustness


class TestFuzz:
    @given(st.text(max_size=2000))
    def test_any_text(self, text):
        """Any text gives a communiqué or a CommuniqueError, never another exception."""
        with contextlib.suppress(CommuniqueError):
            parse_text(text)

    @given(st.binary(max_size=2000))
    def test_any_bytes(self, data):
        """Any bytes give a communiqué or a CommuniqueError, never another exception."""
        with contextlib.suppress(CommuniqueError):
            parse_text(data)

    @settings(max_examples=100)
    @given(st.data())
    def test_mutated_fixtures(self, data):
        """Fixtures cut, doubled and spliced still read without an unexpected exception."""
        names = sorted(p.name for p in FIXTURES.iterdir())
        text = (FIXTURES / data.draw(st.sampled_from(names))).read_text(encoding="utf-8")
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        junk = data.draw(st.text(max_size=50))
        mutated = text[:start] + junk + text[end:] + text[start:end] * data.draw(st.integers(0, 3))
        with contextlib.suppress(CommuniqueError):
            parse_text(mutated)


# --------------------------------------------------------------------------
# The shared corpus, scored as the project's evaluation scores it


def _scorer() -> Any:
    path = shared_path("tools", "score_corpus.py")
    spec = importlib.util.spec_from_file_location("score_corpus", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_corpus"] = module
    spec.loader.exec_module(module)
    return module


def _corpus_verdicts() -> dict[str, dict[str, str]]:
    scorer = _scorer()
    corpus = shared_path("corpus")
    verdicts = {}
    for truth in sorted(corpus.glob("*.expected.json")):
        stem = truth.name.removesuffix(".expected.json")
        docs = [p for p in corpus.glob(stem + ".*") if p.suffix in {".md", ".txt"}]
        if not docs:
            continue
        release = parse_text(docs[0].read_bytes(), name=docs[0].name).communique
        out = json.loads(native_json.to_json(release))
        verdicts[docs[0].name] = scorer.check(json.loads(truth.read_text(encoding="utf-8")), out)
    return verdicts


class TestCorpus:
    def test_no_wrong_dates(self):
        """No release of the shared corpus gets a date other than its true one."""
        wrong = {name: v["date"] for name, v in _corpus_verdicts().items() if v["date"] == "wrong"}
        assert {} == wrong

    def test_seed_all_fields(self):
        """The project's seed release has every scored field right."""
        verdicts = _corpus_verdicts()["fr-seed-2012-046.md"]
        scored = {field: verdict for field, verdict in verdicts.items() if verdict != "skip"}
        assert dict.fromkeys(scored, "ok") == scored

    def test_accuracy_floor(self):
        """At least 90 % of the scored fields are right over the text and Markdown releases."""
        counts = {"ok": 0, "missing": 0, "wrong": 0}
        for verdicts in _corpus_verdicts().values():
            for verdict in verdicts.values():
                if verdict != "skip":
                    counts[verdict] += 1
        assert counts["ok"] / sum(counts.values()) >= 0.90, counts


class TestConventions:
    def test_label_with_reference(self):
        """A label followed by a reference number gives both ("Pressemitteilung Nr. 12/2015")."""
        release = parse_text("# Pressemitteilung Nr. 12/2015\n\n## Der Titel\n\nDer Text der Mitteilung.\n").communique
        assert ("Pressemitteilung", "12/2015", "Der Titel") == (
            release.kind.label, release.reference.number, release.headline,
        )

    def test_dash_end_marker_is_no_list(self):
        """"- Ende -" ends the release; it is not a list item."""
        release = parse_text("# Titel\n\nDer Text der Mitteilung ist kurz.\n\n- Ende -\n", language="de").communique
        lists = tuple(b for b in release.body if type(b).__name__ == "BulletList")
        assert ("- Ende -", ()) == (release.end_marker, lists)

    def test_spanish_dateline_separator(self):
        """The ".-" after a Spanish dateline is not part of the body."""
        text = "Madrid, 24 de julio de 2012.- El Ministerio ha presentado hoy un plan de vivienda nuevo.\n"
        release = parse_text(text).communique
        assert release.body[0].plain_text.startswith("El Ministerio")

    def test_about_company_with_abbreviation(self):
        """"About Acme Corp." is a boilerplate heading despite its full stop."""
        text = ("# Acme grows\n\nAcme Corp. today reported that it grew by ten percent last year.\n\n"
                "About Acme Corp.\n\nAcme makes anvils.\n")
        release = parse_text(text).communique
        assert ["About Acme Corp."] == [b.heading for b in release.boilerplate]

    def test_desk_label_is_no_issuer(self):
        """A contact desk label ("Media:") does not become the issuer."""
        text = ("# Title of it\n\nThe company made a statement about the plant on Monday.\n\n"
                "Contacts:\nMedia: Joe Minor, +1 212-555-0199\n")
        assert parse_text(text).communique.issuer is None

    def test_listed_contacts(self):
        """Contacts listed as bullets under a contact heading are contacts, each with its own phone and address."""
        text = ("# Acme buys Beta\n\nAcme has bought Beta for one euro, the company said on Monday.\n\n"
                "Press contacts:\n\n- Jane Sample, press officer, +44 20 7946 0000, jane@acme.example\n"
                "- John Example, +44 20 7946 0001, john@acme.example\n")
        release = parse_text(text, language="en").communique
        assert [("Jane Sample", ("+44 20 7946 0000",), ("jane@acme.example",)),
                ("John Example", ("+44 20 7946 0001",), ("john@acme.example",))] == [
            (c.name, c.phones, c.emails) for c in release.contacts]
        assert () == release.unclassified

    def test_contact_desks_and_organisation_lines(self):
        """Desk labels ("Media:") open a contact; a name-like line before the numbers is the organisation."""
        text = ("# Acme buys Beta\n\nAcme has bought Beta for one euro, the company said on Monday.\n\n"
                "Contacts:\nInvestors:\nMorgan Sample\nBeta Holdings\n555-0150\n\n"
                "Media:\nPriya Example\n555-0151\n")
        release = parse_text(text, language="en").communique
        assert [("Morgan Sample", "Investors", "Beta Holdings", ("555-0150",)),
                ("Priya Example", "Media", None, ("555-0151",))] == [
            (c.name, c.role, c.organization, c.phones) for c in release.contacts]

    def test_unbracketed_wire_and_summary_points(self):
        """Long summary points before a dateline stay in the head; a dashed wire leaves the body."""
        text = ("# Acme Widens Its Lead\n\nShort first point\n\n"
                "A much longer second summary point that runs on well past twenty words of text to look like a "
                "paragraph of the body\n\n"
                "BOULDER, CO, May 18, 2026 – Example MediaWire (Release Service – Distribution) – Acme Inc. "
                "(NASDAQ: ACME) today highlighted its figures for the year.\n")
        release = parse_text(text).communique
        assert ("BOULDER", "Example MediaWire (Release Service – Distribution)", "Acme Inc.") == (
            release.dateline.place, release.dateline.wire, release.issuer.name,
        )
        assert release.body[0].plain_text.startswith("Acme Inc.")
        assert 1 == len(release.summary)

    def test_flattened_table_inside_the_body(self):
        """Short lines in the body (a table, one cell a line) do not end it when the release goes on."""
        text = ("# Acme at the fair\n\nAcme will show three products at the fair in Lyon next week, it said.\n\n"
                "Product\n\nHall\n\nStand\n\nAnvil\n\nB\n\n12\n\n"
                "All products are shown by appointment only, from nine to five.\n\n"
                "About Acme\n\nAcme makes anvils.\n")
        release = parse_text(text).communique
        assert "All products are shown by appointment only, from nine to five." == release.body[-1].plain_text

    def test_navigation_after_the_body(self):
        """Short lines after the body with no release text after them are page navigation."""
        text = ("# Acme at the fair\n\nAcme will show three products at the fair in Lyon next week, it said.\n\n"
                "Home\n\nCareers\n\nSitemap\n\nPrivacy\n")
        release = parse_text(text).communique
        assert (1, ("Home", "Careers", "Sitemap", "Privacy")) == (len(release.body), release.unclassified)

    def test_second_label_opens_the_headline(self):
        """A label line after the kind is known still gives its headline ("FOR IMMEDIATE RELEASE: ...")."""
        text = ("News\n\nFOR IMMEDIATE RELEASE: Acme Opens a Plant in Lyon\n\n"
                "Acme opened a plant in Lyon today, the company said in a statement.\n")
        release = parse_text(text, language="en").communique
        assert ("News", "Acme Opens a Plant in Lyon", ("FOR IMMEDIATE RELEASE",)) == (
            release.kind.label, release.headline, release.unclassified,
        )

    def test_source_line_after_the_contacts(self):
        """A wire's closing "SOURCE X" line is no contact: it names the issuer, kept as source metadata."""
        text = ("# Sampletown to Open a Library\n\nSAMPLETOWN, March 4, 2025 /PRNewswire/ -- The town will open a "
                "new library in the old station next spring, the mayor said on Monday.\n\n"
                "Media Contact: John Smith, 216-555-0100, john.smith@sampletown.example\n\n"
                "SOURCE City of Sampletown\n")
        release = parse_text(text, language="en").communique
        assert [("John Smith", ("216-555-0100",))] == [(c.name, c.phones) for c in release.contacts]
        assert ("City of Sampletown", [("source", "City of Sampletown")]) == (
            release.issuer.name, [(m.name, m.value) for m in release.metadata])

    def test_source_line_closes_the_body(self):
        """"Fuente: X" after the body's last paragraph ends the body; a figure's "Source:" inside it does not."""
        text = ("# Acme abre una planta\n\nMADRID, 4 de marzo de 2025 -- Acme abrirá una planta en Toledo el año "
                "próximo, según anunció la empresa este lunes.\n\n"
                "Fuente: Instituto Nacional de Estadística\n\n"
                "La planta dará trabajo a trescientas personas de la comarca, añadió la empresa en su nota.\n\n"
                "Fuente: Acme S.A.\n")
        release = parse_text(text, language="es").communique
        assert "Fuente: Instituto Nacional de Estadística" == release.body[1].plain_text
        assert release.body[-1].plain_text.startswith("La planta dará trabajo")
        assert [("source", "Acme S.A.")] == [(m.name, m.value) for m in release.metadata]

    def test_headline_printed_again_ends_the_body(self):
        """The headline printed again below the release, and the short lines above it, end the body."""
        text = ("Acme Opens a Plant in Lyon\n\nLYON, March 4, 2025 - Acme will open a plant in Lyon next year, the "
                "company said on Monday.\n\nFor more information, visit acme.example.\n\n"
                "https://acme.example/uploads/plant.jpg 900\n\nJane Author\n\n2025-03-04 12:48:19\n\n"
                "Acme Opens a Plant in Lyon\n\nRecent News\n\nAcme names a new chief executive, the board said on "
                "Friday after a long search for a successor.\n")
        release = parse_text(text, language="en").communique
        assert "For more information, visit acme.example." == release.body[-1].plain_text
        assert ("900", "Jane Author", "2025-03-04 12:48:19", "Acme Opens a Plant in Lyon", "Recent News") == (
            release.unclassified[:5])

    def test_headline_inside_a_paragraph_ends_nothing(self):
        """The headline's words inside a paragraph of the body are no page residue."""
        text = ("Acme Opens a Plant in Lyon\n\nLYON, March 4, 2025 - Acme will open a plant in Lyon next year, the "
                "company said on Monday.\n\nIn a note titled Acme Opens a Plant in Lyon, the board thanked the "
                "town.\n\nThe plant will employ three hundred people, it added.\n")
        release = parse_text(text, language="en").communique
        assert 3 == len(release.body)

    def test_about_heading_run_into_its_text(self):
        """"About Acme Inc. Acme makes …" (a lost line break) opens the boilerplate; "About Paris." does not."""
        text = ("# Acme Opens a Plant\n\nLYON, March 4, 2025 - Acme will open a plant in Lyon next year, the "
                "company said on Monday.\n\nAbout Paris. The city has four hundred parks, and the plant will be "
                "near one of them, the company added.\n\nAbout Acme Inc. Acme makes bolts and nuts for industry in "
                "forty countries.\n")
        release = parse_text(text, language="en").communique
        assert release.body[-1].plain_text.startswith("About Paris.")
        assert [("About Acme Inc.", "Acme makes bolts")] == [
            (b.heading, b.blocks[0].plain_text[:16]) for b in release.boilerplate]

    def test_contact_heading_after_glued_links(self):
        """Links glued before "Contact Information:" do not hide it; a labelled link is no person."""
        text = ("# Acme Opens a Plant\n\nLYON, March 4, 2025 - Acme will open a plant in Lyon next year, the "
                "company said on Monday.\n\n"
                " [](https://cdn.acme.example/plant.jpg) [](https://acme.example/lyon/) Contact Information:\n\n"
                " Acme Counseling Center Lyon\n\n 12 Example Street, Lyon\n\n"
                " Jane Sample (856) 555-0106 https://acme.example/lyon/\n\n"
                " Website: https://acme.example/\n\n LinkedIn: https://linkedin.example/acme\n\n"
                " Original Source: https://acme.example/news/plant\n")
        release = parse_text(text, language="en").communique
        assert [("Jane Sample", "Acme Counseling Center Lyon", (
            "https://acme.example/lyon/", "https://acme.example/", "https://linkedin.example/acme"))] == [
            (c.name, c.organization, c.urls) for c in release.contacts]
        assert 1 == len(release.body)
        assert "Original Source: https://acme.example/news/plant" in release.unclassified
        assert release.unclassified[0].startswith("[](https://cdn.acme.example/plant.jpg)")

    def test_related_posts_end_the_contact_block_and_the_body(self):
        """"Related Posts" after the release heads the page's other news: no contact, no body, kept as text."""
        text = ("# Man Charged in Theft\n\nMIAMI, May 2, 2026 - A man was charged with the theft of a boat from a "
                "marina, the State Attorney said on Monday.\n\n"
                "For further information, please contact Jane Sample, Public Information Officer, at "
                "(305) 555-0135.\nRelated Posts\n\nNews\n\nPress Release\n")
        release = parse_text(text, language="en").communique
        assert ["Jane Sample"] == [c.name for c in release.contacts]
        assert ("Related Posts", "News", "Press Release") == release.unclassified[-3:]
        teasers = ("# Man Charged in Theft\n\nMIAMI, May 2, 2026 - A man was charged with the theft of a boat from "
                   "a marina, the State Attorney said on Monday.\n\nRecent News\n\nA woman was charged with fraud "
                   "after a long inquiry into the accounts of a charity, the office said.\n")
        release = parse_text(teasers, language="en").communique
        assert 1 == len(release.body)

    def test_dash_after_a_dateline_line_is_no_bullet(self):
        """"(Miami – July 30, 2024)" alone, then "– The State Attorney …": the dash ends the dateline, no list."""
        text = ("Man Charged in Bribery Scheme\n\n(Miami – July 30, 2024)\n– The State Attorney announced the arrest "
                "of a former official for taking bribes from vendors.\n\nHe is charged with:\n\n- 1 count Bribery\n")
        release = parse_text(text, language="en").communique
        assert ("Miami", ["Paragraph", "Paragraph", "BulletList"]) == (
            release.dateline.place, [type(b).__name__ for b in release.body])
        assert release.body[0].plain_text.startswith("The State Attorney announced")

    def test_more_information_heads_contacts_above_numbers(self):
        """"Para más información" alone, then a name and a phone number: a contact block."""
        text = ("# Nueva planta en Toledo\n\nMADRID, 4 de marzo de 2025 - Acme abrirá una planta en Toledo el año "
                "próximo, según anunció este lunes.\n\nPara más información\n\nLucía Ejemplo\nTel.: +34 91 000 00 00\n")
        release = parse_text(text, language="es").communique
        assert [("Lucía Ejemplo", ("+34 91 000 00 00",))] == [(c.name, c.phones) for c in release.contacts]
        assert 1 == len(release.body)

    @pytest.mark.parametrize(("line", "place", "wire"), [
        ("Berlin (dpa) - Die Bahn fährt ab Montag wieder nach Fahrplan, wie sie mitteilte.", "Berlin", "dpa"),
        ("WASHINGTON (AP) — The Senate voted on Monday to extend the program by two years, aides said.", "WASHINGTON",
         "AP"),
    ])
    def test_agency_dateline_without_date(self, line, place, wire):
        """An agency's dateline, a place and the agency in brackets before a dash, leaves the body."""
        release = parse_text(f"Headline of the story\n\n{line}\n").communique
        assert (place, wire, None) == (release.dateline.place, release.dateline.wire, release.dateline.date)
        assert not release.body[0].plain_text.startswith(place)

    @pytest.mark.parametrize(("line", "language", "place", "region"), [
        ("SPRINGFIELD -- The State Parks Department will keep 14 campgrounds open two weeks longer.", "en",
         "SPRINGFIELD", None),
        ("SAN DIEGO, Calif. — Acme today opened a plant that will employ 300 people by next year.", "en",
         "SAN DIEGO", "Calif."),
        ("MADRID.- La empresa ha anunciado hoy la compra de su rival por un euro simbólico.", "es", "MADRID", None),
        ("SAINT-DENIS – La ville a annoncé mardi un nouveau plan pour le quartier de la gare.", "fr",
         "SAINT-DENIS", None),
        ("MÜNCHEN – Die Firma hat heute den Kauf ihres Wettbewerbers für einen Euro bekannt gegeben.", "de",
         "MÜNCHEN", None),
    ])
    def test_undated_dateline_in_capitals(self, line, language, place, region):
        """A place in capitals before a dash opens the first paragraph: a dateline; the date line gives the date."""
        date_line = {"en": "May 6, 2024", "es": "6 de mayo de 2024", "fr": "6 mai 2024", "de": "6. Mai 2024"}[language]
        release = parse_text(f"Headline of the story\n\n{date_line}\n\n{line}\n", language=language).communique
        assert (place, region, datetime.date(2024, 5, 6)) == (
            release.dateline.place, release.dateline.region, release.dateline.date)
        assert line.split()[-3:] == release.body[0].plain_text.split()[-3:]
        assert not release.body[0].plain_text.startswith(place)

    @pytest.mark.parametrize(("tail", "language", "role"), [
        ("For further information, please contact\n\nJane Example, Press Officer, at 555-0135 or jane@acme.example",
         "en", "Press Officer"),
        ("For further information, please contact Jane Example, Press Officer, at\n555-0135\nor\njane@acme.example",
         "en", "Press Officer"),
        (("Pour plus d'informations, veuillez contacter :\n\nJane Example, attachée de presse, 555-0135, "
          "jane@acme.example"), "fr", "attachée de presse"),
        (("Für weitere Informationen wenden Sie sich bitte an:\nJane Example, Pressesprecherin, 555-0135, "
          "jane@acme.example"), "de", "Pressesprecherin"),
        ("Para más información, póngase en contacto con Jane Example al 555-0135 o jane@acme.example.", "es", None),
    ])
    def test_invitation_to_get_in_touch_heads_contacts(self, tail, language, role):
        """"For more information, please contact" (any language's) heads the contacts; it names no desk."""
        text = f"# Headline of the story\n\nA first paragraph of the release, which says what happened.\n\n{tail}\n"
        release = parse_text(text, language=language).communique
        assert [("Jane Example", ("555-0135",), ("jane@acme.example",))] == [
            (c.name, c.phones, c.emails) for c in release.contacts]
        assert role == release.contacts[0].role
        assert 1 == len(release.body)
        # Nothing of the tail is lost: every word is in the contact's text.
        assert set(tail.replace(",", " ").replace(":", " ").split()) <= set(
            release.contacts[0].text.replace(",", " ").replace(":", " ").split())

    def test_long_heading_on_the_first_line_keeps_the_lines_below(self):
        """"Investor Relations Contacts: Jane …" then her numbers on lines of their own: none is lost."""
        text = ("# Headline of the story\n\nA first paragraph of the release, which says what happened.\n\n"
                "Investor Relations Contacts: Jane Example\n555-0135\njane@acme.example\n")
        release = parse_text(text, language="en").communique
        assert [("Jane Example", ("555-0135",), ("jane@acme.example",))] == [
            (c.name, c.phones, c.emails) for c in release.contacts]

    def test_copyright_line_ends_the_contacts(self):
        """"© 2024 Acme Inc" after the contacts is furniture, not their text."""
        text = ("# Headline of the story\n\nA first paragraph of the release, which says what happened.\n\n"
                "Media Contact:\nJane Example\n555-0135\n\n© 2024 Acme Inc\n")
        release = parse_text(text, language="en").communique
        assert [("Jane Example", ("555-0135",))] == [(c.name, c.phones) for c in release.contacts]
        assert "©" not in release.contacts[0].text
        assert "© 2024 Acme Inc" in release.unclassified

    @pytest.mark.parametrize("tail", ["Media contact\nJane Example\n555-0135\n\n", ""])
    def test_reference_after_the_release(self, tail):
        """"News release #: 18-001" after the contacts or the body is the reference; it ends either."""
        text = ("# Headline of the story\n\nA first paragraph of the release, which says what happened.\n\n"
                f"{tail}News release #: 18-001\n")
        release = parse_text(text, language="en").communique
        assert ("18-001", 1) == (release.reference.number, len(release.body))
        assert all("18-001" not in c.text for c in release.contacts)

    @pytest.mark.parametrize(("line", "language"), [
        ("Published January 2, 2018", "en"), ("Publié le 2 janvier 2018", "fr"),
        ("Veröffentlicht am 2. Januar 2018", "de"), ("Publicado el 2 de enero de 2018", "es"),
    ])
    def test_published_date_is_no_place(self, line, language):
        """A label before a date ("Published", "Publié le") is not the dateline's place."""
        text = f"# Headline of the story\n\n{line}\n\nA first paragraph of the release, which says what happened.\n"
        release = parse_text(text, language=language).communique
        assert (None, datetime.date(2018, 1, 2)) == (release.dateline.place, release.dateline.date)

    def test_page_residue_before_the_headline(self):
        """A page copied as text: its title, a skip link and a section's name above the headline it repeats."""
        text = ("Acme Opens a Plant in Lyon | Acme Newsroom\nSkip to main content\nIn The News\n"
                "Acme Opens a Plant in Lyon\nJune 5, 2025\nAcme opened a plant in Lyon on Thursday that will employ "
                "300 people by the end of next year, the company said.\n")
        release = parse_text(text, language="en").communique
        assert ("Acme Opens a Plant in Lyon", datetime.date(2025, 6, 5)) == (release.headline, release.dateline.date)
        assert "Skip to main content" in release.unclassified
        assert "In The News" in " ".join(release.unclassified)

    def test_headline_printed_over_the_contacts_and_over_the_text(self):
        """The headline printed again over the contacts, then over the text: the body is the text after it."""
        headline = "400 PARTICIPAN EN LA MARCHA POR LOS DERECHOS DE LAS VICTIMAS"
        text = (f"{headline} - Fiscalía Ejemplo\nSkip to content\nPress\n{headline}\nHome\nPress\n{headline}\n"
                "Para Publicación Inmediata\n20 de abril de 2010\nContacto:\nSusana Ejemplo\nOficina: 714-000-0008\n"
                f"{headline}\n*Los participantes marcharon hasta el Palacio de Justicia del condado con flores y "
                "velas para recordar a las víctimas\nSANTA ANA – Hoy, alrededor de 400 participantes marcharon en la "
                "ciudad en conmemoración de las víctimas, según informó la fiscalía.\n"
                "La marcha fue establecida en 2009.\nShare\nLatest Posts\nOtra noticia de la fiscalía\n")
        release = parse_text(text, language="es").communique
        assert (headline, "SANTA ANA", datetime.date(2010, 4, 20)) == (
            release.headline, release.dateline.place, release.dateline.date)
        assert [("Susana Ejemplo", ("714-000-0008",))] == [(c.name, c.phones) for c in release.contacts]
        assert [b.plain_text[:22] for b in release.body] == ["Hoy, alrededor de 400 ", "La marcha fue establec"]

    def test_line_opening_with_a_number_joins_only_as_a_phone(self):
        """"…, call" then "555-0135 …" is one wrapped line; "Press" then "6 min read" are two lines."""
        text = ("# Headline of the story\n\nPress\n6 min read\n\nA first paragraph of the release, which says what "
                "happened. For tickets, call\n555-0135 before Friday.\n")
        release = parse_text(text, language="en").communique
        assert release.body[-1].plain_text.endswith("For tickets, call 555-0135 before Friday.")
        assert ("Press", ("6 min read",)) == (release.subheadline, release.summary)

    def test_company_in_the_wire_slot_is_the_issuer(self):
        """"Irvine, United States - October 16, 2024 / Example Escape Rooms /": the company that sends it."""
        text = ("# Escape rooms for everyone\n\nIrvine, United States - October 16, 2024 / Example Escape Rooms /\n\n"
                "Escape rooms have become a favourite outing for families and teams across the county.\n")
        release = parse_text(text, language="en").communique
        assert ("Irvine", "Example Escape Rooms") == (release.dateline.place, release.issuer.name)

    def test_name_in_capitals_and_small_letters_is_not_cut(self):
        """"APPlife Digital SolutionsInvestor RelationsTel: …": the organisation keeps its name whole."""
        text = ("# APPlife reports results\n\nThe company reported revenue of $2.1 million for the quarter, up "
                "from $1.4 million a year ago.\n\nContact Information:\n\nAPPlife Digital SolutionsInvestor "
                "RelationsTel: (805) 000-3205Email: ir@applife.example\n")
        release = parse_text(text, language="en").communique
        assert [("APPlife Digital Solutions", ("(805) 000-3205",), ("ir@applife.example",))] == [
            (c.organization, c.phones, c.emails) for c in release.contacts]

    def test_company_and_address_above_the_person_with_the_numbers(self):
        """A company's name and address, then "Name phone site": the person is the contact, the company theirs."""
        text = ("# Escape rooms for everyone\n\nEscape rooms have become a favourite outing for families and teams "
                "across the county, the company said.\n\nContact Information:\n\nExample Escape Rooms\n\n"
                "1340 Sample Ave Irvine, California 92614United States\n\n"
                "Anthony Example +1(949) 000-0184 https://rooms.example\n")
        release = parse_text(text, language="en").communique
        assert [("Anthony Example", "Example Escape Rooms", ("+1(949) 000-0184",))] == [
            (c.name, c.organization, c.phones) for c in release.contacts]

    def test_forward_looking_statements_are_boilerplate(self):
        """A "Forward-Looking Statements" heading ends the contacts and opens a boilerplate section."""
        text = ("# Acme reports results\n\nAcme Inc. today reported revenue of $2.1 million for the quarter, up "
                "from $1.4 million a year ago.\n\nContact Information:\n\nAcme Inc.Jane Example, CEOjane@acme.example"
                "\n\nFORWARD-LOOKING STATEMENTS\n\nThis release includes forward-looking statements that involve "
                "risks and uncertainties.\n")
        release = parse_text(text, language="en").communique
        assert [("Jane Example", "CEO", ("jane@acme.example",))] == [
            (c.name, c.role, c.emails) for c in release.contacts]
        assert ["FORWARD-LOOKING STATEMENTS"] == [b.heading for b in release.boilerplate]

    def test_issuer_named_with_an_initial(self):
        """"… Commissioner Mark G. Sample, today announced": the initial's full stop ends no sentence."""
        text = ("# Contractor indicted\n\nBrooklyn District Attorney Jane Example, together with Commissioner Mark "
                "G. Sample, today announced that a contractor has been indicted for offering bribes.\n")
        release = parse_text(text, language="en").communique
        assert "Brooklyn District Attorney Jane Example" == release.issuer.name

    def test_wire_in_the_about_section_is_no_issuer(self):
        """"About Example NewsWire" is the wire that carries the release, not its issuer."""
        text = ("# Acme signs a deal\n\n- A first highlight of the deal for everyone\n\nThe deal covers three "
                "states and runs for five years, the parties said.\n\nAbout Example NewsWire\n\nExample NewsWire "
                "carries news for companies.\n")
        release = parse_text(text, language="en").communique
        assert release.issuer is None or "NewsWire" not in release.issuer.name

    def test_german_date_line_is_no_list_item(self):
        """"6. Mai 2024" alone is a date line, not the sixth item of a list; "1. Die …" still is an item."""
        text = ("Neue Fähre für den See\n\n6. Mai 2024\n\nDie Reederei hat heute eine neue Fähre in Dienst "
                "gestellt, die 300 Gäste fasst.\n\n1. Die Fähre fährt stündlich.\n2. Sie fährt elektrisch.\n")
        release = parse_text(text, language="de").communique
        assert datetime.date(2024, 5, 6) == release.dateline.date
        assert ["Paragraph", "OrderedList"] == [type(b).__name__ for b in release.body]

    @pytest.mark.parametrize("line", [
        "UPDATE — Acme today opened a plant that will employ 300 people by next year.",
        "ACME — Acme Corp. today opened a plant that will employ 300 people by next year.",
        "Paris – Le groupe a annoncé mardi la cession de sa filiale pour un euro symbolique.",
        "NASA – the agency said on Monday that the launch would slip to the autumn.",
    ])
    def test_no_undated_dateline(self, line):
        """A notice, a name the sentence repeats, a place in small letters: no dateline, the body keeps the line."""
        release = parse_text(f"Headline of the story\n\n{line}\n").communique
        assert (None, line) == (release.dateline, release.body[0].plain_text)

    def test_second_name_before_the_numbers_is_the_organisation(self):
        """"Name – Organisation – phone – e-mail" is one contact; a name after a number starts another."""
        text = ("# Acme buys Beta\n\nAcme has bought Beta for one euro, the company said on Monday.\n\n"
                "Press contacts:\nJane Sample – Harbour Partners – 555-0100 – jane@harbour.example\n"
                "John Example 555-0101, Mary Example 555-0102\n")
        release = parse_text(text, language="en").communique
        assert [("Jane Sample", "Harbour Partners", ("555-0100",)), ("John Example", None, ("555-0101",)),
                ("Mary Example", None, ("555-0102",))] == [(c.name, c.organization, c.phones) for c in release.contacts]
