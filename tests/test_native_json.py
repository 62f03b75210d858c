"""Tests for communique.native_json: the lossless native JSON format."""

from __future__ import annotations

import datetime
import json

import cattrs
import jsonschema
import pytest
from hypothesis import given

import communique
from communique import model, native_json
from communique.exceptions import ParseError, StructureError
from tests.strategies import communiques

VALIDATOR = jsonschema.Draft202012Validator(
    native_json.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)

SEED_LIKE = model.Communique(
    language="fr",
    kind=model.Kind(label="Communiqué de presse", genre="press_release"),
    issuer=model.Issuer(name="JEANNE EXEMPLE", title="MINISTRE DE L'EXEMPLE"),
    dateline=model.Dateline(text="Lyon, le 3 mars 2025", place="Lyon", date=datetime.date(2025, 3, 3)),
    reference=model.Reference(number="012", text="N° 012"),
    headline="Jeanne EXEMPLE inaugure un atelier",
    body=[
        model.Paragraph([model.Text("Elle a dit :")]),
        model.BulletList([model.ListItem([model.Text("un")]), model.ListItem([model.Text("deux")])]),
    ],
    contacts=[model.Contact(name="Paul Modèle", role="conseiller presse", phones=["01 00 00 00 00"],
                            phones_e164=["+33100000000"])],
    links=[model.Link(url="http://www.exemple.gouv.example")],
)


def _dict() -> dict:
    return json.loads(native_json.to_json(SEED_LIKE))


class TestRoundTrip:
    @given(communiques)
    def test_round_trip(self, release):
        """from_json(to_json(x)) == x for every communiqué."""
        assert release == native_json.from_json(native_json.to_json(release))

    @given(communiques)
    def test_output_matches_the_schema(self, release):
        """Every output validates against the shipped JSON Schema."""
        VALIDATOR.validate(json.loads(native_json.to_json(release)))

    @given(communiques)
    def test_deterministic(self, release):
        """The same communiqué always gives the same text, also after a round trip."""
        text = native_json.to_json(release)
        assert text == native_json.to_json(release)
        assert text == native_json.to_json(native_json.from_json(text))

    def test_bytes_input(self):
        """UTF-8 bytes, with or without a BOM, read like text."""
        text = native_json.to_json(SEED_LIKE)
        assert SEED_LIKE == native_json.from_json(text.encode())
        assert SEED_LIKE == native_json.from_json(b"\xef\xbb\xbf" + text.encode())


class TestShape:
    def test_marker_first(self):
        """The format marker and version open the object."""
        assert ["format", "format_version", "language"] == list(_dict())[:3]
        assert ("communique", "1.0") == (_dict()["format"], _dict()["format_version"])

    def test_contract_paths(self):
        """The paths that other code relies on hold (DESIGN.md, Native JSON)."""
        data = _dict()
        assert "fr" == data["language"]
        assert "Communiqué de presse" == data["kind"]["label"]
        assert "JEANNE EXEMPLE" == data["issuer"]["name"]
        assert "Lyon" == data["dateline"]["place"]
        assert "2025-03-03" == data["dateline"]["date"]
        assert "Lyon, le 3 mars 2025" == data["dateline"]["text"]
        assert "012" == data["reference"]["number"]
        assert ["01 00 00 00 00"] == data["contacts"][0]["phones"]
        assert "http://www.exemple.gouv.example" == data["links"][0]["url"]
        assert ["paragraph", "bullet_list"] == [block["type"] for block in data["body"]]

    def test_absent_values_left_out(self):
        """None and empty sequences are left out of the output."""
        assert {"format", "format_version", "headline"} == set(native_json.to_dict(model.Communique(headline="x")))

    def test_non_ascii_kept(self):
        """Non-ASCII text is written as is, not escaped."""
        assert "Modèle" in native_json.to_json(SEED_LIKE)

    def test_datetime_with_offset(self):
        """Date-times are written in RFC 3339 with their offset."""
        until = datetime.datetime(2012, 7, 25, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
        data = native_json.to_dict(model.Communique(embargo=model.Embargo(text="x", until=until)))
        assert "2012-07-25T10:00:00+02:00" == data["embargo"]["until"]

    def test_tag(self):
        """Block and inline tags are the snake-case class names."""
        assert ["text", "line_break", "emphasis", "strong", "hyperlink"] == [
            native_json.tag(c) for c in (model.Text, model.LineBreak, model.Emphasis, model.Strong, model.Hyperlink)
        ]


def _problems(data: object) -> list[tuple[str, str]]:
    with pytest.raises(StructureError) as caught:
        native_json.from_dict(data)  # type: ignore[arg-type]
    return list(caught.value.problems)


class TestRejections:
    def test_malformed_json(self):
        """Malformed JSON is a ParseError with line and column."""
        with pytest.raises(ParseError) as caught:
            native_json.from_json('{"format": 1', source="<stdin>")
        assert ("<stdin>", 1, 13) == (caught.value.source, caught.value.line, caught.value.column)

    def test_not_utf8(self):
        """Bytes that are not UTF-8 are a ParseError."""
        with pytest.raises(ParseError, match="not UTF-8"):
            native_json.from_json(b'{"a": "\xff"}')

    def test_deep_nesting(self):
        """Absurdly deep nesting is a ParseError, not a RecursionError."""
        with pytest.raises(ParseError, match="nested too deeply"):
            native_json.from_json("[" * 100_000)

    def test_not_an_object(self):
        """The top level is an object."""
        assert [("$", "expected an object, got an array")] == _problems([])

    def test_wrong_marker(self):
        """A foreign format marker is refused."""
        data = _dict() | {"format": "ninjs"}
        assert [("$.format", "expected 'communique', got 'ninjs'")] == _problems(data)

    def test_future_major_version(self):
        """A format version 2.x is refused; 1.x is read."""
        assert "$.format_version" == _problems(_dict() | {"format_version": "2.0"})[0][0]
        assert SEED_LIKE == native_json.from_dict(_dict() | {"format_version": "1.7"})

    def test_unknown_key(self):
        """Unknown keys are refused with their path."""
        data = _dict()
        data["contacts"][0]["fax"] = "01"
        assert [("$.contacts[0]", "unknown key fax")] == _problems(data)

    def test_wrong_type_in_array(self):
        """A value of the wrong type is refused with its full path."""
        data = _dict()
        data["contacts"][0]["phones"][0] = 153184100
        assert [("$.contacts[0].phones[0]", "expected a string, got an integer")] == _problems(data)

    def test_string_is_not_an_array(self):
        """A string is not read as an array of characters."""
        data = _dict()
        data["contacts"][0]["emails"] = "a@b.example"
        assert [("$.contacts[0].emails", "expected an array, got a string")] == _problems(data)

    def test_unknown_block_type(self):
        """A block with an unknown type is refused with its path."""
        data = _dict()
        data["body"][1]["type"] = "carousel"
        path, message = _problems(data)[0]
        assert "$.body[1]" == path
        assert message.startswith("'type' must be one of")

    def test_naive_datetime(self):
        """A date-time without an offset is refused."""
        data = _dict() | {"embargo": {"text": "x", "until": "2012-07-25T10:00:00"}}
        assert [("$.embargo.until", "expected an RFC 3339 date-time with a UTC offset, got '2012-07-25T10:00:00'")] == (
            _problems(data)
        )

    def test_impossible_date(self):
        """A date that does not exist is refused."""
        data = _dict()
        data["dateline"]["date"] = "2025-02-30"
        assert [("$.dateline.date", "not a calendar date: '2025-02-30'")] == _problems(data)

    def test_bool_is_not_an_integer(self):
        """JSON true is not a heading level."""
        data = _dict() | {"body": [{"type": "heading", "content": [], "level": True}]}
        assert [("$.body[0].level", "expected an integer, got a boolean")] == _problems(data)

    def test_model_invariant(self):
        """A value that breaks a model invariant is refused with the path of its object."""
        data = _dict() | {"headline": "  "}
        assert [("$", "Communique.headline must not be empty")] == _problems(data)

    def test_missing_required_key(self):
        """A required key that is missing is named."""
        data = _dict()
        del data["reference"]["number"]
        assert [("$.reference.number", "required key missing")] == _problems(data)

    def test_several_problems_reported_together(self):
        """Every problem is reported, not just the first."""
        data = _dict() | {"headline": 3, "language": 4}
        assert {"$.headline", "$.language"} == {path for path, _ in _problems(data)}


class TestConverter:
    def test_private_converter(self):
        """The library never configures cattrs' global converter."""
        native_json.to_json(SEED_LIKE)
        assert cattrs.global_converter.unstructure(model.Text("x")) == {"text": "x"}

    def test_make_converter_is_fresh(self):
        """make_converter returns a new converter each time."""
        assert native_json.make_converter() is not native_json.make_converter()

    def test_configure_own_converter(self):
        """configure_converter teaches the rules to a converter the caller owns."""
        converter = cattrs.Converter()
        native_json.configure_converter(converter)
        assert {"type": "text", "text": "x"} == converter.unstructure(model.Text("x"), model.Inline)


class TestSchema:
    def test_valid_draft_2020_12(self):
        """The shipped schema is a valid draft 2020-12 schema."""
        jsonschema.Draft202012Validator.check_schema(native_json.schema())

    def test_shipped_schema_up_to_date(self):
        """The shipped schema is what the model generates (run scripts/generate_json_schema.py)."""
        assert native_json._build_schema() == native_json.schema()

    def test_schema_refuses_unknown_keys(self):
        """The schema, like the reader, refuses unknown keys."""
        assert not VALIDATOR.is_valid(_dict() | {"headlines": []})

    def test_facade(self):
        """The facade exposes the JSON functions."""
        assert communique.to_json is native_json.to_json
        assert communique.from_json is native_json.from_json


class TestRegressions:
    def test_error_on_line_after_trailing_newline(self):
        """A syntax error past the last line is reported, not an IndexError."""
        with pytest.raises(ParseError) as caught:
            native_json.from_json('{"format":\n')
        assert 2 == caught.value.line

    def test_later_hook_applies_to_nested_parts(self):
        """A hook registered after configure_converter also applies to nested parts."""
        converter = native_json.make_converter()
        converter.register_unstructure_hook(model.Link, lambda link: {"href": link.url})
        out = converter.unstructure(model.Communique(links=[model.Link(url="https://a.example")]), model.Communique)
        assert [{"href": "https://a.example"}] == out["links"]
