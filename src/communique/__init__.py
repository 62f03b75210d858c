"""communique: press releases as typed, validated data.

The public names live here; the modules behind them are imported only when
a name that needs them is first used, so ``import communique`` stays cheap.

>>> import communique
>>> release = communique.Communique(headline="Acme opens in Lyon", language="en")
>>> communique.from_json(communique.to_json(release)) == release
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic
from .exceptions import (
    CommuniqueError,
    FormatError,
    InvalidValueError,
    ParseError,
    SourceError,
    StructureError,
)
from .model import (
    Attachment,
    Block,
    Boilerplate,
    BulletList,
    Communique,
    Contact,
    Dateline,
    Embargo,
    Emphasis,
    Heading,
    Hyperlink,
    Inline,
    Issuer,
    Kind,
    LineBreak,
    Link,
    ListItem,
    MetaField,
    OrderedList,
    Paragraph,
    Provenance,
    Quote,
    Reference,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
)
from .reading import Reading
from .vocabulary import Genre, Severity

if TYPE_CHECKING:
    from .api import dump, iter_load, load, read, read_all, write
    from .feeds import iter_feed, read_feed, validate_feed
    from .html import parse_html
    from .native_json import from_dict, from_json, to_dict, to_json
    from .newsml import from_newsml, to_newsml, validate_newsml
    from .text import parse_text

__all__ = [
    "Attachment",
    "Block",
    "Boilerplate",
    "BulletList",
    "Communique",
    "CommuniqueError",
    "Contact",
    "Dateline",
    "Diagnostic",
    "Embargo",
    "Emphasis",
    "FormatError",
    "Genre",
    "Heading",
    "Hyperlink",
    "Inline",
    "InvalidValueError",
    "Issuer",
    "Kind",
    "LineBreak",
    "Link",
    "ListItem",
    "MetaField",
    "OrderedList",
    "Paragraph",
    "ParseError",
    "Provenance",
    "Quote",
    "Reading",
    "Reference",
    "Severity",
    "SourceError",
    "Strong",
    "StructureError",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "dump",
    "from_dict",
    "from_json",
    "from_newsml",
    "iter_feed",
    "iter_load",
    "load",
    "parse_html",
    "parse_text",
    "plain_text",
    "read",
    "read_all",
    "read_feed",
    "to_dict",
    "to_json",
    "to_newsml",
    "validate_feed",
    "validate_newsml",
    "write",
]

# name -> module that defines it; imported on first access (PEP 562).
_LAZY = {
    "dump": "api",
    "load": "api",
    "read": "api",
    "write": "api",
    "from_dict": "native_json",
    "from_json": "native_json",
    "to_dict": "native_json",
    "to_json": "native_json",
    "from_newsml": "newsml",
    "to_newsml": "newsml",
    "validate_newsml": "newsml",
    "parse_text": "text",
    "parse_html": "html",
    "iter_load": "api",
    "read_all": "api",
    "iter_feed": "feeds",
    "read_feed": "feeds",
    "validate_feed": "feeds",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("communique")
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
