"""Tests for communique.api and communique.formats."""

from __future__ import annotations

import pytest

import communique
from communique import Communique, FormatError, SourceError
from communique.formats import FORMATS, find_format, guess_format

RELEASE = Communique(headline="Acme opens in Lyon", language="en")


class TestFormats:
    def test_names_unique(self):
        """Format names and extensions are unique."""
        names = [f.name for f in FORMATS]
        extensions = [e for f in FORMATS for e in f.extensions]
        assert len(set(names)) == len(names)
        assert len(set(extensions)) == len(extensions)

    def test_unknown_name_lists_known(self):
        """An unknown format name lists the known ones."""
        with pytest.raises(FormatError, match="known: json"):
            find_format("docx")

    def test_guess_is_case_insensitive(self):
        """Extensions match whatever their case."""
        assert "json" == guess_format("A.JSON").name

    def test_modules_import(self):
        """Every registered module can be imported and has what it claims."""
        for entry in FORMATS:
            if entry.readable:
                assert callable(entry.reader())
            if entry.writable:
                assert callable(entry.writer())


class TestApi:
    def test_read_write(self):
        """write then read gives the communiqué back."""
        assert RELEASE == communique.read(communique.write(RELEASE, format="json"), format="json").communique

    def test_read_str(self):
        """read accepts text as well as bytes."""
        text = communique.write(RELEASE, format="json").decode()
        assert RELEASE == communique.read(text, format="json").communique

    def test_dump_load(self, tmp_path):
        """dump then load gives the communiqué back, the format told by the extension."""
        path = tmp_path / "release.json"
        communique.dump(RELEASE, path)
        reading = communique.load(path)
        assert (RELEASE, ()) == (reading.communique, reading.diagnostics)

    def test_dump_leaves_no_temporary_file(self, tmp_path):
        """An atomic write leaves only the target behind."""
        communique.dump(RELEASE, tmp_path / "release.json")
        assert ["release.json"] == [p.name for p in tmp_path.iterdir()]

    def test_load_missing(self, tmp_path):
        """A missing file is a SourceError naming it."""
        with pytest.raises(SourceError, match=r"missing\.json"):
            communique.load(tmp_path / "missing.json")

    def test_load_errors_name_the_file(self, tmp_path):
        """Parse errors carry the file's path."""
        path = tmp_path / "bad.json"
        path.write_text("{", encoding="utf-8")
        with pytest.raises(communique.ParseError) as caught:
            communique.load(path)
        assert str(path) == caught.value.source
