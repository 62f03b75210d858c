"""NewsML-G2: communiqués as IPTC newsItems and newsMessages, and their validation.

:func:`to_newsml` writes a NewsML-G2 2.35 ``newsItem`` (conformance
``power``, ``genre:Press_Release``, an XHTML body and a plain-text
rendition); :func:`from_newsml` is its exact inverse and a best-effort
reader of other NewsML-G2 text items; :func:`validate_newsml` checks a
document with communique's own rules and, when IPTC's schema is found,
against the XSD. The mapping is described in the documentation
(*NewsML-G2 mapping*).

>>> import datetime
>>> from communique import Communique, Dateline
>>> release = Communique(headline="Acme opens in Lyon", language="en",
...     dateline=Dateline(text="LYON, March 3, 2025", place="Lyon", date=datetime.date(2025, 3, 3)))
>>> data = to_newsml(release, versioned=datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC))
>>> from_newsml(data) == release
True

The module imports lxml; ``import communique`` does not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._xml import MAX_BYTES
from ._reader import from_newsml, from_newsml_message, read, read_items
from ._schema import ENVIRONMENT_VARIABLE, cache_dir, download, find_schema
from ._validator import validate_newsml
from ._writer import derive_guid, plain_rendition, to_newsml, to_newsml_message

if TYPE_CHECKING:
    from ..model import Communique

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "MAX_BYTES",
    "cache_dir",
    "derive_guid",
    "download",
    "find_schema",
    "from_newsml",
    "from_newsml_message",
    "plain_rendition",
    "read",
    "read_items",
    "to_newsml",
    "to_newsml_message",
    "validate_newsml",
    "write",
]


def write(communique: Communique) -> bytes:
    """Writer entry of the format registry: a communiqué to a NewsML-G2 newsItem."""
    return to_newsml(communique)

