"""The registry of formats that communique reads and writes.

Each :class:`Format` names the module that implements it; the module is
imported only when the format is first used, so that listing formats, or
starting the command line, loads no parser. Adding a format is adding one
entry to :data:`FORMATS` and the module it names.

>>> [f.name for f in FORMATS]
['json', 'newsml', 'text', 'html']
>>> find_format("json").title
'native JSON'
>>> guess_format("release.JSON").name
'json'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol

import attrs

from .exceptions import FormatError

if TYPE_CHECKING:
    from .model import Communique
    from .reading import Reading

__all__ = ["FORMATS", "Format", "ReadFunction", "WriteFunction", "find_format", "guess_format"]


class ReadFunction(Protocol):
    """How a format module reads: bytes in, a :class:`~communique.Reading` out."""

    def __call__(self, data: bytes, *, source: str | None = None) -> Reading:
        """Read *data*, naming it *source* in errors and diagnostics."""


#: How a format module writes: a communiqué in, bytes out.
WriteFunction = Callable[["Communique"], bytes]


@attrs.frozen(kw_only=True)
class Format:
    """One format: its name on the command line, its file extensions, its module.

    .. versionadded:: 0.1.0
    """

    #: The name given to ``--from`` and ``--to``.
    name: str
    #: A short title for people.
    title: str
    #: File extensions, lower case with the dot, that select this format.
    extensions: tuple[str, ...]
    #: The IANA media type of the format's files.
    media_type: str
    #: The module that implements the format; it defines ``read`` and/or ``write``.
    module: str
    #: Whether the module can read the format.
    readable: bool = True
    #: Whether the module can write the format.
    writable: bool = True

    def reader(self) -> ReadFunction:
        """The format's read function, importing its module on first use."""
        if not self.readable:
            msg = f"communique cannot read {self.title} ({self.name})"
            raise FormatError(msg)
        read: ReadFunction = importlib.import_module(self.module).read
        return read

    def writer(self) -> WriteFunction:
        """The format's write function, importing its module on first use."""
        if not self.writable:
            msg = f"communique cannot write {self.title} ({self.name})"
            raise FormatError(msg)
        write: WriteFunction = importlib.import_module(self.module).write
        return write


#: Every format communique knows, in the order the command line lists them.
FORMATS: tuple[Format, ...] = (
    Format(
        name="json",
        title="native JSON",
        extensions=(".json",),
        media_type="application/json",
        module="communique.native_json",
    ),
    Format(
        name="newsml",
        title="NewsML-G2 newsItem",
        extensions=(".xml",),
        media_type="application/vnd.iptc.g2.newsitem+xml",
        module="communique.newsml",
    ),
    Format(
        name="text",
        title="plain text or Markdown",
        extensions=(".txt", ".text", ".md", ".markdown"),
        media_type="text/plain",
        module="communique.text",
        writable=False,
    ),
    Format(
        name="html",
        title="HTML page",
        extensions=(".html", ".htm", ".xhtml", ".php"),
        media_type="text/html",
        module="communique.html",
        writable=False,
    ),
)


def find_format(name: str) -> Format:
    """The format called *name*; :class:`~communique.FormatError` lists the known ones."""
    for candidate in FORMATS:
        if candidate.name == name:
            return candidate
    known = ", ".join(f.name for f in FORMATS)
    msg = f"unknown format {name!r} (known: {known})"
    raise FormatError(msg)


def guess_format(path: str | PurePath) -> Format:
    """The format that a file name's extension selects.

    Raises :class:`~communique.FormatError` when the extension is unknown.
    """
    suffix = PurePath(path).suffix.lower()
    for candidate in FORMATS:
        if suffix in candidate.extensions:
            return candidate
    msg = f"cannot tell the format of {str(path)!r} from its extension; name it with --from/--to"
    raise FormatError(msg)
