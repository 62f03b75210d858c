"""Tests for communique.exceptions."""

from __future__ import annotations

import pytest

from communique import exceptions
from communique.exceptions import CommuniqueError, ParseError, StructureError


class TestHierarchy:
    @pytest.mark.parametrize("name", exceptions.__all__)
    def test_single_root(self, name):
        """Every error derives from CommuniqueError."""
        assert issubclass(getattr(exceptions, name), CommuniqueError)

    @pytest.mark.parametrize("cls", [ParseError, StructureError, exceptions.InvalidValueError, exceptions.FormatError])
    def test_bad_input_is_value_error(self, cls):
        """Errors about bad input are also ValueErrors."""
        assert issubclass(cls, ValueError)


class TestParseError:
    def test_attributes(self):
        """A parse error keeps its message and location parts."""
        err = ParseError("unexpected end", source="a.txt", line=4, column=2, text="Paris, le")
        assert ("unexpected end", "a.txt", 4, 2, "Paris, le") == (err.message, err.source, err.line, err.column,
                                                                   err.text)

    def test_str_with_everything(self):
        """The text form is source:line:column: message: text."""
        assert "a.txt:4:2: bad: 'x'" == str(ParseError("bad", source="a.txt", line=4, column=2, text="x"))

    def test_str_with_unknowns(self):
        """Unknown parts are left out of the location."""
        assert "<input>: bad" == str(ParseError("bad"))
        assert "a.txt:4: bad" == str(ParseError("bad", source="a.txt", line=4))


class TestStructureError:
    def test_str_lists_every_problem(self):
        """The text form lists every path and message."""
        err = StructureError([("$.a", "x"), ("$.b[0]", "y")], source="f.json")
        assert "f.json: $.a: x; $.b[0]: y" == str(err)
        assert (("$.a", "x"), ("$.b[0]", "y")) == err.problems
