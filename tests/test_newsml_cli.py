"""Tests for the NewsML-G2 side of the command line: validate, schema download, convert."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique import Communique, SourceError
from communique.newsml import ENVIRONMENT_VARIABLE, cache_dir, download, find_schema, from_newsml, to_newsml
from communique.newsml._schema import FILES, SCHEMA_FILE
from tests.shared import shared_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "newsml"
EXAMPLE = ROOT / "examples" / "northwind.json"


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """An environment with an empty per-user cache and no schema variable."""
    environment = {k: v for k, v in os.environ.items() if k != ENVIRONMENT_VARIABLE}
    environment["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return environment


def cli(*args: str, env: dict[str, str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m communique`` with *args*."""
    return subprocess.run([sys.executable, "-m", "communique", *args], input=stdin, capture_output=True,
                          env=env, check=False, timeout=120)


@contextlib.contextmanager
def _serve(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1 serving *folder*, recording the paths asked for."""
    requests: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            requests.append(self.path)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def kit_server() -> Iterator[tuple[str, list[str]]]:
    """A local server of the shared NewsML-G2 kit."""
    with _serve(shared_path("newsml-g2")) as served:
        yield served


class TestValidateCommand:
    def test_valid_file(self, env):
        """A valid file exits 0 and, without a schema, says that the XSD was skipped."""
        result = cli("validate", str(FIXTURES / "valid" / "press-release.xml"), env=env)
        assert 0 == result.returncode
        assert b"info: xsd-skipped" in result.stderr

    def test_invalid_files(self, env):
        """Files with errors exit 1, one file:line: severity: code: message line per finding."""
        path = FIXTURES / "semantic" / "version-before-first.xml"
        result = cli("validate", str(path), str(FIXTURES / "valid" / "press-release.xml"), env=env)
        assert 1 == result.returncode
        assert f"{path}:13: error: version-before-first: ".encode() in result.stderr

    def test_warnings_only_exit_zero(self, env):
        """Warnings alone do not fail the run."""
        assert 0 == cli("validate", str(FIXTURES / "semantic" / "naive-datetime.xml"), env=env).returncode

    def test_with_schema(self, env):
        """--schema turns XSD validation on: an XSD error exits 1 with its line and column."""
        schema = shared_path("newsml-g2", SCHEMA_FILE)
        bad = (FIXTURES / "valid" / "press-release.xml").read_bytes().replace(b"<itemClass", b"<itemClassX")
        result = cli("validate", "--schema", str(schema), "-", stdin=bad, env=env)
        assert 1 == result.returncode
        assert b"<stdin>:11:" in result.stderr
        assert b": error: xsd: " in result.stderr
        assert b"xsd-skipped" not in result.stderr

    def test_missing_schema(self, env, tmp_path):
        """A --schema that does not exist is a usage error (exit 2), not a silent skip."""
        result = cli("validate", "--schema", str(tmp_path / "no.xsd"), str(FIXTURES / "valid" / "press-release.xml"),
                     env=env)
        assert 2 == result.returncode
        assert b"Traceback" not in result.stderr

    def test_missing_file(self, env, tmp_path):
        """A missing input is an I/O error (exit 2)."""
        assert 2 == cli("validate", str(tmp_path / "none.xml"), env=env).returncode

    def test_hostile_file(self, env):
        """A hostile file is invalid (exit 1), with the refusal as its diagnostic."""
        result = cli("validate", str(FIXTURES / "hostile" / "xxe.xml"), env=env)
        assert 1 == result.returncode
        assert b":3:1: error: xml-entities: " in result.stderr


class TestConvert:
    def test_json_to_newsml_and_back(self, env, tmp_path):
        """--to newsml and --from newsml are inverse through the command line."""
        xml = cli("convert", str(EXAMPLE), "--to", "newsml", env=env)
        assert 0 == xml.returncode
        back = cli("convert", "-", "--from", "newsml", "--to", "json", stdin=xml.stdout, env=env)
        assert 0 == back.returncode
        assert EXAMPLE.read_bytes() == back.stdout

    def test_output_valid(self, env, tmp_path):
        """The converted example validates against the XSD."""
        target = tmp_path / "out.xml"
        assert 0 == cli("convert", str(EXAMPLE), "--to", "newsml", "-o", str(target), env=env).returncode
        schema = shared_path("newsml-g2", SCHEMA_FILE)
        assert 0 == cli("validate", "--schema", str(schema), str(target), env=env).returncode

    def test_hostile_input(self, env):
        """Converting a hostile file exits 1 with a diagnostic and no traceback."""
        result = cli("convert", str(FIXTURES / "hostile" / "billion-laughs.xml"), "--to", "json", env=env)
        assert 1 == result.returncode
        assert b"Traceback" not in result.stderr
        assert b"DOCTYPE" in result.stderr


class TestDownload:
    def test_checksums_match_kit(self):
        """The pinned SHA-256 checksums are those of the shared kit's files."""
        for name, (_, digest) in FILES.items():
            assert digest == hashlib.sha256(shared_path("newsml-g2", name).read_bytes()).hexdigest()

    def test_official_urls(self):
        """Without --base-url the files come from IPTC's official addresses."""
        assert FILES[SCHEMA_FILE][0] == "https://iptc.org/std/NewsML-G2/2.35/specification/" + SCHEMA_FILE

    def test_download_fills_cache(self, kit_server, monkeypatch, tmp_path):
        """download() fetches every file from the server into the cache, where find_schema finds it."""
        url, requests = kit_server
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
        written = download(base_url=url)
        assert sorted(FILES) == sorted(path.name for path in written)
        assert cache_dir() / SCHEMA_FILE == find_schema()
        assert sorted(f"/{name}" for name in FILES) == sorted(requests)

    def test_checksum_mismatch_writes_nothing(self, tmp_path):
        """A file whose checksum differs is refused, and nothing is written."""
        mirror = tmp_path / "mirror"
        mirror.mkdir()
        for name in FILES:
            (mirror / name).write_bytes(shared_path("newsml-g2", name).read_bytes())
        (mirror / "xml.xsd").write_bytes((mirror / "xml.xsd").read_bytes() + b"<!-- tampered -->")
        with _serve(mirror) as (url, _), pytest.raises(SourceError, match="checksum mismatch"):
            download(base_url=url, target=tmp_path / "out")
        assert not (tmp_path / "out").exists()

    def test_command(self, kit_server, env):
        """schema download newsml-g2 --base-url fills the cache; validate then runs the XSD."""
        url, _ = kit_server
        result = cli("schema", "download", "newsml-g2", "--base-url", url, env=env)
        assert 0 == result.returncode, result.stderr
        data = to_newsml(Communique(headline="Hi"))
        checked = cli("validate", "-", stdin=data, env=env)
        assert (0, b"") == (checked.returncode, checked.stderr)

    def test_command_unreachable(self, env):
        """An unreachable server is an I/O error (exit 2) without a traceback."""
        result = cli("schema", "download", "newsml-g2", "--base-url", "http://127.0.0.1:9/", env=env)
        assert 2 == result.returncode
        assert b"cannot download" in result.stderr

    @pytest.mark.parametrize("args", [["schema", "download"], ["schema", "json", "newsml-g2"]])
    def test_command_usage(self, args, env):
        """download needs a schema name; json takes none."""
        assert 2 == cli(*args, env=env).returncode

    def test_round_trip_in_process(self):
        """A sanity check that the in-process API agrees with the command (no schema needed)."""
        assert Communique(headline="Hi") == from_newsml(to_newsml(Communique(headline="Hi")))
