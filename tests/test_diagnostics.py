"""Tests for communique.diagnostics and communique.reading."""

from __future__ import annotations

import pytest

from communique import Communique, Diagnostic, Reading, Severity


class TestDiagnostic:
    def test_line_format(self):
        """A diagnostic prints as file:line:col: severity: code: message."""
        d = Diagnostic(severity="warning", code="date-ambiguous", message="03/04", source="a.txt", line=2, column=5)
        assert "a.txt:2:5: warning: date-ambiguous: 03/04" == str(d)

    def test_path_shown(self):
        """A JSON path goes before the message."""
        d = Diagnostic(severity=Severity.ERROR, code="structure", message="bad", source="a.json", path="$.x")
        assert "a.json: error: structure: $.x: bad" == str(d)

    def test_severity_from_string(self):
        """A severity can be given by its value."""
        assert Severity.INFO is Diagnostic(severity="info", code="c", message="m").severity

    def test_unknown_severity(self):
        """An unknown severity is refused."""
        with pytest.raises(ValueError, match="fatal"):
            Diagnostic(severity="fatal", code="c", message="m")

    def test_positions_are_one_based(self):
        """Lines and columns start at 1."""
        with pytest.raises(ValueError, match="1-based"):
            Diagnostic(severity="info", code="c", message="m", line=0)


class TestReading:
    def test_ok_without_errors(self):
        """A reading with only warnings is ok."""
        warning = Diagnostic(severity="warning", code="c", message="m")
        assert Reading(communique=Communique(), diagnostics=[warning]).ok

    def test_not_ok_with_an_error(self):
        """A reading with an error is not ok."""
        error = Diagnostic(severity="error", code="c", message="m")
        assert not Reading(communique=Communique(), diagnostics=[error]).ok
