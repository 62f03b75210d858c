"""Tests for communique.model: invariants, immutability, and the module's imports."""

from __future__ import annotations

import ast
import datetime
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from communique import model
from communique.exceptions import CommuniqueError, InvalidValueError
from tests.strategies import BY_CLASS

MODEL_FILE = Path(model.__file__)


class TestInvariants:
    def test_naive_embargo_refused(self):
        """A naive embargo end is refused: its zone would be a guess."""
        with pytest.raises(InvalidValueError, match="timezone-aware"):
            model.Embargo(text="EMBARGO", until=datetime.datetime(2012, 7, 25, 10))

    def test_aware_embargo_kept(self):
        """An aware embargo end is kept as given."""
        until = datetime.datetime(2012, 7, 25, 10, tzinfo=datetime.UTC)
        assert until == model.Embargo(text="EMBARGO", until=until).until

    @pytest.mark.parametrize("headline", ["", "   ", "\n\t"])
    def test_empty_headline_refused(self, headline):
        """A headline holds something other than white space."""
        with pytest.raises(InvalidValueError, match="must not be empty"):
            model.Communique(headline=headline)

    def test_control_character_refused(self):
        """Characters no text format can carry are refused."""
        with pytest.raises(InvalidValueError, match=r"U\+0007"):
            model.Text("bell\x07")

    def test_non_string_refused(self):
        """A string field refuses other types."""
        with pytest.raises(InvalidValueError, match="must be a string"):
            model.Text(12)  # type: ignore[arg-type]

    @pytest.mark.parametrize("level", [0, 7, True, "2"])
    def test_heading_level_range(self, level):
        """Heading levels run from 1 to 6."""
        with pytest.raises(InvalidValueError):
            model.Heading([model.Text("x")], level=level)

    def test_datetime_is_not_a_date(self):
        """A dateline date is a calendar date, not a date-time."""
        with pytest.raises(InvalidValueError, match="must be a date"):
            model.Dateline(text="x", date=datetime.datetime(2012, 7, 24, tzinfo=datetime.UTC))

    def test_e164_pairs_with_phones(self):
        """E.164 forms, when given, pair one to one with the phones."""
        with pytest.raises(InvalidValueError, match=r"one entry per phone"):
            model.Contact(phones=["01 53 18 41 00", "01 53 18 41 01"], phones_e164=["+33153184100"])

    def test_e164_form_checked(self):
        """An E.164 form is a plus sign and up to 15 digits."""
        with pytest.raises(InvalidValueError, match=r"E\.164"):
            model.Contact(phones=["01 53 18 41 00"], phones_e164=["0153184100"])

    def test_bad_language_tag(self):
        """The language is a BCP 47 tag."""
        with pytest.raises(InvalidValueError, match="BCP 47"):
            model.Communique(language="French language")

    def test_errors_share_the_root(self):
        """Invariant errors are CommuniqueErrors and ValueErrors."""
        assert issubclass(InvalidValueError, CommuniqueError)
        assert issubclass(InvalidValueError, ValueError)


class TestShape:
    def test_lists_become_tuples(self):
        """Sequences given as lists are stored as tuples."""
        contact = model.Contact(phones=["1"], emails=["a@b.example"])
        assert ("1",) == contact.phones
        assert ("a@b.example",) == contact.emails

    def test_frozen(self):
        """Model instances cannot be changed in place."""
        release = model.Communique(headline="x")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            release.headline = "y"  # type: ignore[misc]

    def test_slotted(self):
        """Model classes are slotted."""
        for cls in BY_CLASS:
            assert "__slots__" in vars(cls), cls

    def test_every_class_has_a_strategy(self):
        """tests/strategies.py covers every attrs class of the model."""
        classes = {c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)}
        assert classes == set(BY_CLASS)

    @pytest.mark.parametrize("cls", list(BY_CLASS), ids=lambda c: c.__name__)
    def test_hashable_and_equal(self, cls):
        """Every model value is hashable and equal to a copy of itself."""

        @given(BY_CLASS[cls])
        def check(value):
            assert value == attrs.evolve(value)
            assert hash(value) == hash(attrs.evolve(value))

        check()

    def test_plain_text(self):
        """plain_text drops markup and keeps line breaks as newlines."""
        runs = [model.Text("a "), model.Strong([model.Emphasis([model.Text("b")])]), model.LineBreak(),
                model.Hyperlink([model.Text("c")], url="https://x.example")]
        assert "a b\nc" == model.plain_text(runs)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


class TestImports:
    def test_model_imports_only_attrs_stdlib_and_leaf_modules(self):
        """model.py imports attrs, the standard library and the error/vocabulary modules only."""
        allowed_local = {".exceptions", ".vocabulary"}
        for name in _imports(MODEL_FILE):
            if name.startswith("."):
                assert name in allowed_local, name
            else:
                top = name.split(".")[0]
                assert top == "attrs" or top in sys.stdlib_module_names, name

    def test_model_loads_no_format_library(self):
        """Importing the model in a fresh interpreter loads no cattrs, lxml or dateutil."""
        code = (
            "import sys, communique.model\n"
            "print(sorted(m for m in ('cattrs', 'lxml', 'dateutil') if m in sys.modules))"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "[]" == out.stdout.strip()
