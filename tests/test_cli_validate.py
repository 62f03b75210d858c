"""The validate and inspect commands, their report forms and exit codes, and start-up; run in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tests.test_cli import EXAMPLE, assert_no_traceback, cli

FIXTURES = Path(__file__).parent / "fixtures"
RELEASES = FIXTURES / "cli" / "releases"
FEEDS = FIXTURES / "feeds"
NEWSML = FIXTURES / "newsml"
BROKEN = FEEDS / "broken-entry.rss"


@pytest.fixture(scope="module")
def junit_schema() -> etree.XMLSchema:
    """The JUnit XML schema (Jenkins/Ant shape) written for these tests."""
    return etree.XMLSchema(etree.parse(str(FIXTURES / "cli" / "junit.xsd")))


class TestValidateFormats:
    def test_text_and_markdown(self):
        """Text and Markdown releases without problems exit 0 with a summary only."""
        result = cli("validate", str(RELEASES))
        assert (0, [b"communique: checked 3 files: no problems"]) == (result.returncode, result.stderr.splitlines())

    def test_native_json_valid(self):
        """The example native JSON passes."""
        result = cli("validate", str(EXAMPLE))
        assert (0, b"") == (result.returncode, result.stderr)

    def test_native_json_paths(self, tmp_path):
        """Native JSON that breaks the schema is an error naming the JSON path of each problem."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["headline"] = 5
        data["contacts"][0]["fax"] = "x"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(data), encoding="utf-8")
        result = cli("validate", str(bad))
        assert (1, [f"{bad}: error: structure: $.headline: expected a string, got an integer",
                    f"{bad}: error: structure: $.contacts[0]: unknown key fax"]) == (
                        result.returncode, sorted(result.stderr.decode().splitlines(), reverse=True))

    def test_native_json_format_marker(self, tmp_path):
        """A JSON document without the format marker is an error at $.format."""
        bad = tmp_path / "other.json"
        bad.write_text('{"headline": "Hi"}', encoding="utf-8")
        result = cli("validate", str(bad))
        assert 1 == result.returncode
        assert f"{bad}: error: structure: $.format: expected 'communique', got None".encode() in result.stderr

    def test_html(self):
        """An HTML page is checked by the HTML reader."""
        assert 0 == cli("validate", str(FIXTURES / "html" / "modern.html")).returncode

    def test_newsml_message_and_item(self):
        """NewsML-G2 files are still checked by the NewsML-G2 rules."""
        result = cli("validate", str(NEWSML / "semantic" / "duplicate-guid.xml"))
        assert 1 == result.returncode
        assert b": error: " in result.stderr

    def test_feeds(self):
        """A valid RSS and Atom feed pass; the broken one fails with its findings."""
        assert (0, 1) == (cli("validate", str(FEEDS / "releases.rss"), str(FEEDS / "releases.atom")).returncode,
                          cli("validate", str(BROKEN)).returncode)

    def test_stdin_sniffed(self):
        """Standard input's format is sniffed from its first bytes: a feed here."""
        result = cli("validate", "-", stdin=BROKEN.read_bytes())
        assert 1 == result.returncode
        assert b"<stdin>:17: error: feed-id-duplicate: " in result.stderr

    def test_from_overrides(self, tmp_path):
        """--from names the format of files whose extension says nothing."""
        odd = tmp_path / "release.data"
        odd.write_bytes((RELEASES / "en" / "harbourview.txt").read_bytes())
        assert 0 == cli("validate", "--from", "text", str(odd)).returncode


class TestExitCodes:
    def test_warnings_pass(self, tmp_path):
        """Warnings alone exit 0."""
        page = tmp_path / "page.html"
        page.write_text("<p>no headline here, and no language either</p>", encoding="utf-8")
        result = cli("validate", str(page))
        assert (0, True) == (result.returncode, b": warning: " in result.stderr)

    def test_strict(self, tmp_path):
        """--strict turns warnings into failures: exit 1."""
        page = tmp_path / "page.html"
        page.write_text("<p>no headline here, and no language either</p>", encoding="utf-8")
        assert 1 == cli("validate", "--strict", str(page)).returncode

    def test_missing_file(self, tmp_path):
        """A missing file exits 2 with one line naming it; the other files are still checked."""
        missing = tmp_path / "gone.txt"
        result = cli("validate", str(missing), str(BROKEN), "-q")
        assert 2 == result.returncode
        assert f"communique: error: {missing}: cannot read: No such file or directory".encode() in result.stderr
        assert b"feed-id-duplicate" in result.stderr

    def test_usage(self):
        """An unknown report form is a usage error."""
        assert 2 == cli("validate", "--format", "xml", str(BROKEN)).returncode

    @pytest.mark.parametrize(("name", "data", "code"), [
        ("empty.txt", b"", "empty"),
        ("binary.html", bytes(range(256)) * 4, "binary"),
        ("latin1.json", '{"headline": "Café"}'.encode("latin-1"), "syntax"),
        ("truncated.xml", b'<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">',
         "xml-syntax"),
        ("truncated.rss", (FEEDS / "truncated.rss").read_bytes(), "xml-syntax"),
    ])
    def test_bad_inputs(self, tmp_path, name, data, code):
        """Each bad input is one error line naming the file, exit 1, no traceback."""
        path = tmp_path / name
        path.write_bytes(data)
        result = cli("validate", str(path))
        lines = result.stderr.decode().splitlines()
        assert (1, 1, code) == (result.returncode, len(lines), lines[0].split(": ")[2])
        assert lines[0].startswith(str(path))
        assert_no_traceback(result)


class TestReportForms:
    def test_github(self):
        """--format github prints ::error and ::warning workflow commands with file, line and title."""
        result = cli("validate", "--format", "github", str(BROKEN), "-q")
        lines = result.stdout.decode().splitlines()
        expected = (f"::error file={BROKEN},line=17,title=feed-id-duplicate::"
                    "the id 'bw-101' was already used by the entry on line 6")
        assert (1, expected) == (result.returncode, lines[3])
        assert lines[0].startswith("::warning file=")

    def test_github_column(self, tmp_path):
        """A diagnostic with a column gives col= in the annotation."""
        result = cli("validate", "--format", "github", str(FEEDS / "truncated.rss"))
        assert result.stdout.decode().startswith(f"::error file={FEEDS / 'truncated.rss'},line=16,col=29,title=")

    def test_json(self):
        """--format json prints one document: every diagnostic and a summary."""
        result = cli("validate", "--format", "json", str(BROKEN), str(FEEDS / "releases.rss"), "-q")
        document = json.loads(result.stdout)
        assert ({"files": 2, "failed_files": 1, "errors": 4, "warnings": 2},
                {"file": str(BROKEN), "line": 17, "severity": "error", "code": "feed-id-duplicate",
                 "message": "the id 'bw-101' was already used by the entry on line 6"}) == (
                     document["summary"], document["diagnostics"][3])

    def test_json_empty(self):
        """With no findings, the JSON document has an empty list."""
        result = cli("validate", "--format", "json", str(RELEASES / "en" / "harbourview.txt"))
        assert [] == json.loads(result.stdout)["diagnostics"]

    def test_json_failure(self, tmp_path):
        """An input that cannot be read is a file-error diagnostic in the JSON document; exit 2."""
        result = cli("validate", "--format", "json", str(tmp_path / "gone.txt"))
        found = json.loads(result.stdout)["diagnostics"]
        assert (2, ["file-error"]) == (result.returncode, [d["code"] for d in found])

    def test_junit_valid(self, junit_schema, tmp_path):
        """--format junit writes XML that the JUnit schema accepts, one test case per file."""
        result = cli("validate", "--format", "junit", str(RELEASES), str(FEEDS), str(tmp_path / "gone.txt"), "-q")
        document = etree.fromstring(result.stdout)
        junit_schema.assertValid(document)
        assert (2, "8", "3") == (result.returncode, document.get("tests"), document.get("failures"))

    def test_junit_failure_message(self):
        """A failing test case carries the first error as its message and every finding as its text."""
        result = cli("validate", "--format", "junit", str(BROKEN))
        failure = etree.fromstring(result.stdout).find("testsuite/testcase/failure")
        assert (f"{BROKEN}:13: error: feed-entry-unreadable: entry 2: the entry has neither a title nor any content",
                6) == (failure.get("message"), len(failure.text.splitlines()))

    def test_junit_to_file(self, junit_schema, tmp_path):
        """-o writes the report to a file, atomically, and nothing to standard output."""
        report = tmp_path / "report.xml"
        result = cli("validate", "--format", "junit", "-o", str(report), str(BROKEN))
        junit_schema.assertValid(etree.parse(str(report)))
        assert (1, b"", ["report.xml"]) == (result.returncode, result.stdout, [p.name for p in tmp_path.iterdir()])

    def test_jobs_same_report(self):
        """--jobs 2 gives the same JSON report as --jobs 1."""
        runs = [cli("validate", "--format", "json", str(RELEASES), str(FEEDS), str(NEWSML), "-j", jobs).stdout
                for jobs in ("1", "2")]
        assert runs[0] == runs[1]


class TestInspect:
    def test_fields(self):
        """inspect shows the release's fields, without colour off a terminal."""
        result = cli("inspect", str(RELEASES / "fr" / "saint-aubrac.md"))
        lines = result.stdout.decode().splitlines()
        assert (0, str(RELEASES / "fr" / "saint-aubrac.md"), "  language     fr") == (
            result.returncode, lines[0], lines[1])
        assert b"\x1b[" not in result.stdout

    def test_color_always(self):
        """--color always paints the labels."""
        result = cli("inspect", "--color", "always", str(RELEASES / "en" / "harbourview.txt"))
        assert b"\x1b[1mlanguage" in result.stdout

    def test_no_color_env(self):
        """--color never prints no escape sequence."""
        assert b"\x1b[" not in cli("inspect", "--color", "never", str(BROKEN)).stdout

    def test_feed_entries(self):
        """A feed shows one block per entry, and the broken entry's error on standard error; exit 1."""
        result = cli("inspect", str(BROKEN))
        titles = [line for line in result.stdout.decode().splitlines() if not line.startswith(" ")]
        assert (1, [f"{BROKEN} #1", f"{BROKEN} #3"]) == (result.returncode, titles)
        assert 1 == len(result.stderr.splitlines())

    def test_stdin(self):
        """inspect reads standard input, sniffing its format."""
        result = cli("inspect", "-", stdin=(RELEASES / "en" / "harbourview.txt").read_bytes())
        assert (0, b"<stdin>\n") == (result.returncode, result.stdout[:8])

    def test_missing(self, tmp_path):
        """A missing file exits 2 with one line."""
        result = cli("inspect", str(tmp_path / "gone.md"))
        assert (2, 1) == (result.returncode, len(result.stderr.splitlines()))


class TestStartup:
    def test_version_loads_no_heavy_module(self):
        """`communique --version` in a fresh interpreter loads neither lxml, cattrs, yaml nor multiprocessing."""
        code = ("import sys\nfrom communique._cli import main\n"
                "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
                "print(' '.join(sorted(m for m in ('lxml', 'cattrs', 'yaml', 'dateutil', 'multiprocessing') "
                "if m in sys.modules)), file=sys.stderr)")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "" == result.stderr.strip()

    def test_pre_commit_hooks(self):
        """The pre-commit hooks file declares the validate hook running the communique script."""
        import yaml

        hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
        assert ("communique-validate", "communique validate") == (hooks[0]["id"], hooks[0]["entry"])
