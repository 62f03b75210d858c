"""Tests for communique.newsml.validate_newsml: own checks, XSD, IPTC conformance files, hostile XML."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique import Communique, Severity, SourceError
from communique.newsml import ENVIRONMENT_VARIABLE, from_newsml_message, to_newsml, validate_newsml
from communique.newsml._schema import compiled_schema
from tests.shared import SHARED, shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "newsml"
SEMANTIC = sorted((FIXTURES / "semantic").glob("*.xml"))
KIT = SHARED / "newsml-g2"
CONFORMANCE = sorted(KIT.glob("conformance/*/*/*.xml"))
EXAMPLES = sorted(KIT.glob("examples/**/*.xml"))
# Items whose root or items are newsItems (the others are packages, concepts, catalogs, ...).
NEWS_ITEMS = [p for p in CONFORMANCE + EXAMPLES
              if p.parent.name != "should_fail" and b"newsItem" in p.read_bytes()[:4000]]


@pytest.fixture(scope="session")
def g2_schema() -> Path:
    """The IPTC NewsML-G2 2.35 schema from the shared kit."""
    return shared_path("newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")


@pytest.fixture(autouse=True)
def _no_schema_from_environment(monkeypatch, tmp_path):
    """No test sees a schema it did not name: no environment variable, an empty cache."""
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _codes(diagnostics):
    return [(d.severity.value, d.code) for d in diagnostics]


def _relative(path: Path) -> str:
    return str(path.relative_to(KIT))


class TestOwnChecks:
    def test_valid_fixture(self, g2_schema):
        """The valid fixture has no finding at all."""
        assert [] == validate_newsml((FIXTURES / "valid" / "press-release.xml").read_bytes(), schema=g2_schema)

    @pytest.mark.parametrize("path", SEMANTIC, ids=[p.stem for p in SEMANTIC])
    def test_semantic_fault_reported(self, path, g2_schema):
        """Each fixture breaks one rule the XSD lets pass; the validator reports exactly that rule."""
        found = validate_newsml(path.read_bytes(), schema=g2_schema, source=path.name)
        assert [path.stem] == [d.code for d in found]

    def test_at_least_ten_semantic_faults(self):
        """The fixtures show at least ten distinct faults."""
        assert len({p.stem for p in SEMANTIC}) >= 10

    def test_diagnostic_location(self, g2_schema):
        """A finding names the source, the line and the element's path."""
        path = FIXTURES / "semantic" / "naive-datetime.xml"
        (found,) = validate_newsml(path.read_bytes(), schema=g2_schema, source="n.xml")
        expected = ("n.xml", 13, "/newsItem/itemMeta/versionCreated", Severity.WARNING)
        assert expected == (found.source, found.line, found.path, found.severity)

    def test_without_schema(self):
        """Without a schema the own checks run and an info says the XSD was skipped."""
        found = validate_newsml((FIXTURES / "semantic" / "version-before-first.xml").read_bytes())
        assert [("error", "version-before-first"), ("info", "xsd-skipped")] == _codes(found)

    def test_order_checked_without_schema(self):
        """An administrative property after a descriptive one is an order error, also without a schema."""
        data = (FIXTURES / "valid" / "press-release.xml").read_bytes()
        moved = data.replace(b"</headline>", b"</headline><located><name>Paris</name></located>")
        assert [("error", "element-order"), ("info", "xsd-skipped")] == _codes(validate_newsml(moved))

    def test_missing_item_meta(self):
        """An item without itemMeta is an error of the own checks."""
        data = (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" '
                b'standardversion="2.35"/>')
        assert ("error", "missing-element") == _codes(validate_newsml(data))[0]

    def test_bare_doctype_warned(self):
        """A DOCTYPE without entities or external DTD is read, with a warning."""
        data = b"<!DOCTYPE newsItem>\n" + (FIXTURES / "valid" / "press-release.xml").read_bytes().split(b"?>", 1)[1]
        assert [("warning", "xml-doctype"), ("info", "xsd-skipped")] == _codes(validate_newsml(data))

    def test_syntax_error_located(self):
        """A document that is not well-formed gives one error with its line and column."""
        (found,) = validate_newsml(b"<a>\n<b></a>", source="x.xml")
        assert ("xml-syntax", "x.xml", 2) == (found.code, found.source, found.line)


class TestHostile:
    @pytest.mark.parametrize(("name", "code"), [("xxe.xml", "xml-entities"), ("billion-laughs.xml", "xml-entities"),
                                                ("external-dtd.xml", "xml-external-dtd")])
    def test_refused_with_diagnostic(self, name, code):
        """Hostile documents give one clear error, on the DOCTYPE's line."""
        (found,) = validate_newsml((FIXTURES / "hostile" / name).read_bytes(), source=name)
        assert (Severity.ERROR, code, 3) == (found.severity, found.code, found.line)
        assert "refused" in found.message

    @pytest.fixture
    def server(self) -> Iterator[tuple[str, list[str]]]:
        """A local HTTP server that records every request made to it."""
        requests: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"<!ENTITY x 'y'>")

            def log_message(self, *args: object) -> None:
                pass

        httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
        finally:
            httpd.shutdown()
            httpd.server_close()

    @pytest.mark.parametrize("name", ["xxe.xml", "external-dtd.xml"])
    def test_no_network_access(self, name, server, g2_schema):
        """Neither reading nor validating fetches an external DTD or entity from the network."""
        url, requests = server
        data = (FIXTURES / "hostile" / name).read_bytes().replace(b"http://127.0.0.1:9", url.encode())
        validate_newsml(data, schema=g2_schema)
        with pytest.raises(ValueError, match="DOCTYPE"):
            from_newsml_message(data)
        assert [] == requests


class TestSchemaLocation:
    def test_argument_folder(self, g2_schema):
        """A folder holding the schema is accepted as well as the file."""
        data = to_newsml(Communique(headline="Hi"))
        assert [] == validate_newsml(data, schema=g2_schema.parent)

    def test_environment_variable(self, monkeypatch, g2_schema):
        """The environment variable names the schema when no argument does."""
        monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(g2_schema))
        bad = (FIXTURES / "valid" / "press-release.xml").read_bytes().replace(b"<itemClass", b"<itemClassX")
        assert "xsd" in {d.code for d in validate_newsml(bad)}

    def test_missing_schema_argument(self, tmp_path):
        """A schema path that does not exist is an error, not a silent skip of the XSD."""
        with pytest.raises(SourceError, match="no NewsML-G2 schema"):
            validate_newsml(b"<a/>", schema=tmp_path / "nothing.xsd")

    def test_missing_schema_environment(self, monkeypatch, tmp_path):
        """A schema named by the environment that does not exist is an error too."""
        monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "nothing.xsd"))
        with pytest.raises(SourceError, match=ENVIRONMENT_VARIABLE):
            validate_newsml(b"<a/>")

    def test_compiled_once(self, g2_schema):
        """The schema is compiled once per process and reused."""
        assert compiled_schema(g2_schema) is compiled_schema(g2_schema)


class TestConformance:
    @pytest.mark.parametrize("path", CONFORMANCE + EXAMPLES, ids=[_relative(p) for p in CONFORMANCE + EXAMPLES])
    def test_labelled_outcome(self, path, g2_schema):
        """should_pass files give no error; should_fail files at least one."""
        errors = [d for d in validate_newsml(path.read_bytes(), schema=g2_schema) if d.severity is Severity.ERROR]
        if path.parent.name == "should_fail":
            assert errors
        else:
            assert [] == errors

    @pytest.mark.parametrize("path", NEWS_ITEMS, ids=[_relative(p) for p in NEWS_ITEMS])
    def test_news_items_read(self, path):
        """Every newsItem and newsMessage among them is read without an exception."""
        assert from_newsml_message(path.read_bytes(), source=path.name)

    def test_kit_present(self):
        """The conformance folder is there (a skip or, in CI, a failure otherwise)."""
        shared_path("newsml-g2", "conformance")
        assert len(CONFORMANCE) > 100
