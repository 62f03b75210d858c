"""The command line, run for real in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import communique
from communique import native_json
from tests.strategies import communiques

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "northwind.json"


def cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m communique`` with *args*."""
    return subprocess.run([sys.executable, "-m", "communique", *args], input=stdin, capture_output=True,
                          cwd=cwd, check=False, timeout=60)


def assert_no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr


class TestBasics:
    def test_version(self):
        """--version prints the package version."""
        result = cli("--version")
        assert (0, f"communique {communique.__version__}\n".encode()) == (result.returncode, result.stdout)

    def test_no_command(self):
        """No command is a usage error."""
        assert 2 == cli().returncode

    def test_unknown_option(self):
        """An unknown option is a usage error, without a traceback."""
        result = cli("convert", "--nope")
        assert 2 == result.returncode
        assert_no_traceback(result)

    def test_script_entry_point(self):
        """The console script runs the same main."""
        script = Path(sys.executable).with_name("communique")
        result = subprocess.run([str(script), "--version"], capture_output=True, check=False)
        assert 0 == result.returncode

    def test_formats(self):
        """formats lists the registry."""
        result = cli("formats")
        assert 0 == result.returncode
        assert result.stdout.startswith(b"json")


class TestSchemaCommand:
    def test_prints_valid_schema(self):
        """schema json prints a valid draft 2020-12 JSON Schema."""
        result = cli("schema", "json")
        assert 0 == result.returncode
        schema = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert native_json.schema() == schema


class TestConvert:
    def test_example_reproduced(self):
        """Converting a file written by to_json reproduces it byte for byte."""
        result = cli("convert", str(EXAMPLE), "--to", "json")
        assert (0, EXAMPLE.read_bytes()) == (result.returncode, result.stdout)

    @settings(max_examples=20)
    @given(communiques)
    def test_any_to_json_file_reproduced(self, release):
        """Any to_json output goes through the CLI unchanged (stdin to stdout)."""
        data = native_json.to_json(release).encode()
        result = cli("convert", "-", "--from", "json", "--to", "json", stdin=data)
        assert (0, data) == (result.returncode, result.stdout)

    def test_malformed_stdin(self):
        """Malformed JSON on stdin: exit 1, one line naming <stdin> and the position."""
        result = cli("convert", "-", "--from", "json", "--to", "json", stdin=b'{"format": 1')
        lines = result.stderr.decode().splitlines()
        assert 1 == result.returncode
        assert 1 == len(lines)
        assert lines[0].startswith("<stdin>:1:13: error: syntax: ")
        assert b"" == result.stdout

    def test_wrong_key_names_path(self, tmp_path):
        """A wrong key exits 1 naming the JSON path."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["contacts"][0]["fax"] = "x"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(data), encoding="utf-8")
        result = cli("convert", str(bad), "--to", "json")
        assert 1 == result.returncode
        assert f"{bad}: error: structure: $.contacts[0]: unknown key fax\n".encode() == result.stderr

    def test_wrong_type_names_path(self):
        """A wrong type exits 1 naming the JSON path."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["contacts"][0]["phones"][0] = 5
        result = cli("convert", "-", "--from", "json", "--to", "json", stdin=json.dumps(data).encode())
        assert 1 == result.returncode
        assert b"$.contacts[0].phones[0]: expected a string, got an integer" in result.stderr

    @pytest.mark.parametrize("junk", [b"", b"\x00\xff\xfe binary", b"\xff\xfe{\x00}\x00", b"[" * 200_000])
    def test_junk_input(self, junk):
        """Empty, binary and absurd inputs exit 1 with one line and no traceback."""
        result = cli("convert", "-", "--from", "json", "--to", "json", stdin=junk)
        assert 1 == result.returncode
        assert 1 == len(result.stderr.splitlines())
        assert_no_traceback(result)

    def test_missing_file(self, tmp_path):
        """A missing input is an I/O error: exit 2, one line naming it."""
        missing = tmp_path / "missing.json"
        result = cli("convert", str(missing), "--to", "json")
        assert 2 == result.returncode
        assert f"communique: error: {missing}: cannot read: No such file or directory\n".encode() == result.stderr

    def test_unknown_extension(self, tmp_path):
        """An input whose format cannot be told is a usage error."""
        other = tmp_path / "release.docx"
        other.write_bytes(b"x")
        result = cli("convert", str(other), "--to", "json")
        assert 2 == result.returncode
        assert b"--from" in result.stderr

    def test_stdin_needs_from(self):
        """Standard input needs --from."""
        result = cli("convert", "-", "--to", "json", stdin=b"{}")
        assert 2 == result.returncode

    def test_output_file(self, tmp_path):
        """-o writes the output file and nothing to stdout."""
        out = tmp_path / "out.json"
        result = cli("convert", str(EXAMPLE), "--to", "json", "-o", str(out))
        assert (0, b"") == (result.returncode, result.stdout)
        assert EXAMPLE.read_bytes() == out.read_bytes()
        assert ["out.json"] == [p.name for p in tmp_path.iterdir()]

    def test_never_overwrites_input(self, tmp_path):
        """The output may not be the input file."""
        copy = tmp_path / "in.json"
        copy.write_bytes(EXAMPLE.read_bytes())
        result = cli("convert", str(copy), "--to", "json", "-o", str(copy))
        assert 2 == result.returncode
        assert EXAMPLE.read_bytes() == copy.read_bytes()

    def test_invalid_input_leaves_output_alone(self, tmp_path):
        """Bad input writes no output file and keeps an existing one."""
        out = tmp_path / "out.json"
        out.write_bytes(b"previous")
        result = cli("convert", "-", "--from", "json", "--to", "json", "-o", str(out), stdin=b"{")
        assert 1 == result.returncode
        assert b"previous" == out.read_bytes()
        assert ["out.json"] == [p.name for p in tmp_path.iterdir()]

    def test_unwritable_output(self, tmp_path):
        """An output in a missing folder is an I/O error, exit 2."""
        result = cli("convert", str(EXAMPLE), "--to", "json", "-o", str(tmp_path / "no" / "out.json"))
        assert 2 == result.returncode
        assert_no_traceback(result)
