"""The native JSON format: a lossless, versioned picture of a :class:`~communique.Communique`.

A document is a JSON object whose keys are the model's field names, with a
format marker and version first::

    {"format": "communique", "format_version": "1.0", "language": "fr", ...}

Absent values (``None`` and empty sequences) are left out. Blocks and inline
runs carry a ``type`` key, the snake-case name of their class
(``paragraph``, ``bullet_list``, ``hyperlink``). Dates are ISO 8601
(``2012-07-24``), date-times RFC 3339 with an offset.

:func:`to_json` and :func:`from_json` are exact inverses. Reading rejects
unknown keys and values of the wrong type, naming the JSON path of each
problem.

The rules live in a cattrs converter. :func:`make_converter` builds a fresh
one and :func:`configure_converter` adds the rules to a converter you own,
so an application can layer its own hooks on top; the library itself uses a
private instance and never touches cattrs' global converter.

>>> from communique import Communique, Dateline
>>> import datetime
>>> text = to_json(Communique(headline="Hello", dateline=Dateline(
...     text="Paris, le 2 mai 2024", date=datetime.date(2024, 5, 2))))
>>> print(text, end="")
{
  "format": "communique",
  "format_version": "1.0",
  "dateline": {
    "text": "Paris, le 2 mai 2024",
    "date": "2024-05-02"
  },
  "headline": "Hello"
}
>>> from_json(text).dateline.date
datetime.date(2024, 5, 2)
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import typing
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, Final

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import BaseValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import transform_error

from . import model
from .exceptions import InvalidValueError, ParseError, StructureError
from .reading import Reading
from .vocabulary import Genre

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "configure_converter",
    "from_dict",
    "from_json",
    "make_converter",
    "schema",
    "to_dict",
    "to_json",
]

#: The value of the ``format`` key.
FORMAT: Final = "communique"
#: The version written in ``format_version``; readers accept any ``1.x``.
FORMAT_VERSION: Final = "1.0"

_BLOCKS: Final = typing.get_args(model.Block)
_INLINES: Final = typing.get_args(model.Inline)
# RFC 3339: a full date, "T", a time with seconds, an offset.
_RFC3339: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})\Z",
)
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class _WrongValueError(ValueError):
    """A JSON value of the wrong type or form; its message is shown as is."""


def tag(cls: type) -> str:
    """The ``type`` key of a block or inline class: its name in snake case.

    >>> tag(model.BulletList)
    'bullet_list'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _describe(value: object) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean",
             list: "an array", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _expect(kind: type, label: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        # bool is an int in Python, never in JSON
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            msg = f"expected {label}, got {_describe(value)}"
            raise _WrongValueError(msg)
        return value

    return structure


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        msg = f"expected an ISO 8601 date (YYYY-MM-DD), got {value!r}"
        raise _WrongValueError(msg)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        msg = f"not a calendar date: {value!r}"
        raise _WrongValueError(msg) from None


def _structure_datetime(value: object, _: type) -> datetime.datetime:
    if not isinstance(value, str) or not _RFC3339.match(value):
        msg = f"expected an RFC 3339 date-time with a UTC offset, got {value!r}"
        raise _WrongValueError(msg)
    try:
        return datetime.datetime.fromisoformat(value.upper())
    except ValueError:
        msg = f"not a valid date-time: {value!r}"
        raise _WrongValueError(msg) from None


def _structure_genre(value: object, _: type) -> Genre:
    try:
        return Genre(str(value) if isinstance(value, str) else "")
    except ValueError:
        choices = ", ".join(repr(g.value) for g in Genre)
        msg = f"expected one of {choices}, got {value!r}"
        raise _WrongValueError(msg) from None


def _strict_tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    items = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: object, cls: type) -> Any:
        if not isinstance(value, list):
            msg = f"expected an array, got {_describe(value)}"
            raise _WrongValueError(msg)
        return items(value, cls)

    return structure


def _is_tuple(kind: Any) -> bool:
    return is_sequence(kind) and typing.get_origin(kind) is tuple


def _configure_tagged(converter: cattrs.Converter, union: Any, members: tuple[type, ...]) -> None:
    """Blocks and inline runs are objects with a ``type`` key naming their class."""
    by_tag = {tag(cls): cls for cls in members}

    def unstructure(value: Any) -> dict[str, Any]:
        return {"type": tag(type(value)), **converter.unstructure(value, type(value))}

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            msg = f"expected an object, got {_describe(value)}"
            raise _WrongValueError(msg)
        kind = value.get("type")
        if kind not in by_tag:
            choices = ", ".join(repr(t) for t in by_tag)
            msg = f"'type' must be one of {choices}, got {kind!r}"
            raise _WrongValueError(msg)
        fields = {k: v for k, v in value.items() if k != "type"}
        return converter.structure(fields, by_tag[kind])

    converter.register_unstructure_hook(union, unstructure)
    converter.register_structure_hook(union, structure)


def _model_classes() -> list[type]:
    return [cls for cls in vars(model).values() if isinstance(cls, type) and attrs.has(cls)]


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach *converter* the native JSON rules for every model class.

    Strings, numbers and booleans are checked strictly (``"3"`` is not an
    integer); dates and date-times use ISO 8601 and RFC 3339; ``None`` and
    empty sequences are left out on output; unknown keys are rejected on
    input; blocks and inline runs are tagged with ``type``.

    The strict hooks for ``str``, ``int`` and ``bool`` apply to everything
    the converter handles, your own classes included. Hooks for the model
    classes are generated when first needed, so hooks you register after
    this call (for :class:`~communique.Contact`, say) apply to nested parts too.

    .. versionadded:: 0.1.0
    """
    converter.register_structure_hook(str, _expect(str, "a string"))
    converter.register_structure_hook(int, _expect(int, "an integer"))
    converter.register_structure_hook(bool, _expect(bool, "a boolean"))
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(datetime.datetime, _structure_datetime)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(datetime.datetime, datetime.datetime.isoformat)
    converter.register_structure_hook(Genre, _structure_genre)
    converter.register_unstructure_hook(Genre, lambda genre: genre.value)
    converter.register_structure_hook_factory(_is_tuple, lambda kind: _strict_tuple_factory(kind, converter))
    # The unions first: the class hooks below look them up when generated.
    _configure_tagged(converter, model.Block, _BLOCKS)
    _configure_tagged(converter, model.Inline, _INLINES)
    # Hooks for the model classes are generated on first use, so that hooks
    # the caller registers afterwards (for Contact, for dates) also apply
    # to the parts nested inside a Communique.
    classes = frozenset(_model_classes())
    for cls in classes:
        attrs.resolve_types(cls, globalns=vars(model))
    converter.register_unstructure_hook_factory(
        lambda kind: kind in classes, lambda kind: _unstructure_fn(kind, converter),
    )
    converter.register_structure_hook_factory(
        lambda kind: kind in classes,
        lambda kind: make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=True),
    )


def _unstructure_fn(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    omit = {
        field.name: override(omit_if_default=True)
        for field in attrs.fields(cls)
        if field.default is None or field.default == ()
    }
    return make_dict_unstructure_fn(cls, converter, **omit)  # type: ignore[arg-type]  # cattrs types **overrides loosely


def make_converter(**kwargs: Any) -> cattrs.Converter:
    """A new converter with the native JSON rules; *kwargs* go to :class:`cattrs.Converter`.

    >>> conv = make_converter()
    >>> conv.unstructure(model.Text("Paris"), model.Inline)
    {'type': 'text', 'text': 'Paris'}

    .. versionadded:: 0.1.0
    """
    kwargs.setdefault("detailed_validation", True)
    converter = cattrs.Converter(**kwargs)
    configure_converter(converter)
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    # Built on first use, never at import.
    return make_converter()


def to_dict(communique: model.Communique) -> dict[str, Any]:
    """The native JSON object of *communique*, as Python dicts and lists.

    .. versionadded:: 0.1.0
    """
    body = _converter().unstructure(communique, model.Communique)
    return {"format": FORMAT, "format_version": FORMAT_VERSION, **body}


def to_json(communique: model.Communique) -> str:
    """The native JSON text of *communique*: UTF-8 safe, indented, one trailing newline.

    The output is deterministic: the same communiqué always gives the same text.

    .. versionadded:: 0.1.0
    """
    return json.dumps(to_dict(communique), ensure_ascii=False, indent=2) + "\n"


def _format_problem(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, (_WrongValueError, InvalidValueError)):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return "unknown key" + ("s " if len(exc.extra_fields) > 1 else " ") + ", ".join(sorted(exc.extra_fields))
    if isinstance(exc, (AttributeError, TypeError)) and kind is not None and attrs.has(kind):
        return "expected an object"
    return cattrs.v.format_exception(exc, kind)


def _split(problem: str) -> tuple[str, str]:
    message, _, path = problem.rpartition(" @ ")
    return path, message


def from_dict(data: Mapping[str, Any], *, source: str | None = None) -> model.Communique:
    """Read a native JSON object that is already decoded into dicts and lists.

    Raises :class:`~communique.StructureError` naming the JSON path of every
    problem: a missing or foreign ``format`` marker, an unsupported major
    version, an unknown key, a value of the wrong type.

    .. versionadded:: 0.1.0
    """
    if not isinstance(data, Mapping):
        raise StructureError([("$", f"expected an object, got {_describe(data)}")], source=source)
    problems = []
    if data.get("format") != FORMAT:
        problems.append(("$.format", f"expected {FORMAT!r}, got {data.get('format')!r}"))
    version = data.get("format_version")
    if not isinstance(version, str) or not re.fullmatch(r"1\.\d+", version):
        problems.append(("$.format_version", f"expected a version 1.x, got {version!r}"))
    if problems:
        raise StructureError(problems, source=source)
    fields = {k: v for k, v in data.items() if k not in {"format", "format_version"}}
    try:
        return _converter().structure(fields, model.Communique)
    except BaseValidationError as exc:
        found = [_split(p) for p in transform_error(exc, format_exception=_format_problem)]
        raise StructureError(found, source=source) from exc
    except InvalidValueError as exc:
        raise StructureError([("$", str(exc))], source=source) from exc


def from_json(text: str | bytes, *, source: str | None = None) -> model.Communique:
    """Read native JSON text (or UTF-8 bytes) back into a :class:`~communique.Communique`.

    Malformed JSON raises :class:`~communique.ParseError` with the line and
    column; a well-formed document of the wrong shape raises
    :class:`~communique.StructureError`.

    .. versionadded:: 0.1.0
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(f"not UTF-8 (byte {exc.start})", source=source, line=1, column=1) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        line_text = lines[exc.lineno - 1] if exc.lineno <= len(lines) else ""
        snippet = line_text[max(0, exc.colno - 21) : exc.colno + 20]
        raise ParseError(exc.msg, source=source, line=exc.lineno, column=exc.colno, text=snippet or None) from None
    except RecursionError:
        raise ParseError("nested too deeply", source=source, line=1, column=1) from None
    return from_dict(data, source=source)


@functools.cache
def _schema_text() -> str:
    return resources.files("communique").joinpath("schemas").joinpath("communique-1.schema.json").read_text("utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the native JSON format, as shipped with the package.

    >>> schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'

    .. versionadded:: 0.1.0
    """
    loaded: dict[str, Any] = json.loads(_schema_text())
    return loaded


def _build_schema() -> dict[str, Any]:
    """Derive the JSON Schema from the model and the rules above.

    The shipped schema file is this function's output; a test keeps the two
    equal, so the schema can never drift from the converter.
    """
    defs: dict[str, Any] = {}

    def ref(name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of_type(kind: Any) -> dict[str, Any]:
        args = typing.get_args(kind)
        if kind is str:
            return {"type": "string"}
        if kind is int:
            return {"type": "integer"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is datetime.date:
            return {"type": "string", "format": "date", "pattern": _ISO_DATE.pattern.removesuffix(r"\Z") + "$"}
        if kind is datetime.datetime:
            return {"type": "string", "format": "date-time"}
        if kind is Genre:
            return {"enum": [g.value for g in Genre]}
        if kind is model.Block:
            return ref("Block")
        if kind is model.Inline:
            return ref("Inline")
        if typing.get_origin(kind) is tuple:
            return {"type": "array", "items": of_type(args[0])}
        if type(None) in args:
            (inner,) = (a for a in args if a is not type(None))
            return {"anyOf": [of_type(inner), {"type": "null"}]}
        if attrs.has(kind):
            return ref(kind.__name__)
        msg = f"no JSON Schema for {kind!r}"  # pragma: no cover - a new field type needs a rule here
        raise TypeError(msg)

    def describe(cls: type, tagged: bool) -> dict[str, Any]:
        hints = typing.get_type_hints(cls, globalns=vars(model))
        properties: dict[str, Any] = {"type": {"const": tag(cls)}} if tagged else {}
        required = ["type"] if tagged else []
        for field in attrs.fields(cls):
            properties[field.name] = of_type(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        shape: dict[str, Any] = {"type": "object", "description": doc, "properties": properties}
        if required:
            shape["required"] = required
        shape["additionalProperties"] = False
        return shape

    tagged = {*_BLOCKS, *_INLINES}
    for cls in sorted(_model_classes(), key=lambda c: c.__name__):
        defs[cls.__name__] = describe(cls, cls in tagged)
    defs["Block"] = {
        "description": "A block of the body, told apart by its 'type'.",
        "oneOf": [ref(c.__name__) for c in _BLOCKS],
    }
    defs["Inline"] = {
        "description": "An inline run, told apart by its 'type'.",
        "oneOf": [ref(c.__name__) for c in _INLINES],
    }
    top = describe(model.Communique, tagged=False)
    top["properties"] = {
        "format": {"const": FORMAT},
        "format_version": {"type": "string", "pattern": r"^1\.[0-9]+$"},
        **top["properties"],
    }
    top["required"] = ["format", "format_version"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://communique.readthedocs.io/schema/communique-{FORMAT_VERSION}.schema.json",
        "title": "communique native JSON",
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def read(data: bytes, *, source: str | None = None) -> Reading:
    """Reader entry of the format registry: native JSON bytes to a :class:`~communique.Reading`."""
    return Reading(communique=from_json(data, source=source))


def write(communique: model.Communique) -> bytes:
    """Writer entry of the format registry: a communiqué to native JSON bytes."""
    return to_json(communique).encode("utf-8")
