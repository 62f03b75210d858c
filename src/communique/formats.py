"""The registry of formats that communique reads and writes.

Each :class:`Format` names the module that implements it; the module is
imported only when the format is first used, so that listing formats, or
starting the command line, loads no parser. Adding a format is adding one
entry to :data:`FORMATS` and the module it names.

Some inputs hold several releases (a NewsML-G2 newsMessage, an RSS or Atom
feed): :meth:`Format.all_reader` reads every one of them, whatever the
format, and :meth:`Format.reader` reads one.

>>> [f.name for f in FORMATS]
['json', 'newsml', 'text', 'markdown', 'html', 'feed']
>>> find_format("json").title
'native JSON'
>>> guess_format("release.JSON").name
'json'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, Protocol

import attrs

from .exceptions import FormatError

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .model import Communique
    from .reading import Reading

__all__ = ["FORMATS", "Format", "ReadAllFunction", "ReadFunction", "WriteFunction", "find_format", "guess_format"]


class ReadFunction(Protocol):
    """How a format module reads: bytes in, a :class:`~communique.Reading` out."""

    def __call__(self, data: bytes, *, source: str | None = None) -> Reading:
        """Read *data*, naming it *source* in errors and diagnostics."""


class ReadAllFunction(Protocol):
    """How a format module reads every release of one input: bytes in, readings out.

    A function that can go on past a release it cannot read yields an error
    :class:`~communique.Diagnostic` in its place; one that cannot raises
    :class:`~communique.ParseError`.
    """

    def __call__(self, data: bytes, *, source: str | None = None) -> Iterable[Reading | Diagnostic]:
        """Read every release in *data*, naming it *source* in errors and diagnostics."""


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
    #: The write function as ``module:function``, when it is not the ``write`` of :attr:`module`.
    write_function: str | None = None
    #: The function of :attr:`module` that reads every release of one input, for
    #: formats whose inputs can hold several; it returns an iterable of readings.
    read_all_function: str | None = None
    #: Whether :attr:`read_all_function` also takes an open binary file and reads it
    #: bit by bit, so that a huge input is never held in memory.
    streams: bool = False

    @property
    def holds_several(self) -> bool:
        """Whether one input of this format can hold several releases."""
        return self.read_all_function is not None

    @property
    def extension(self) -> str:
        """The extension given to files written in this format."""
        return self.extensions[0]

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
        module, _, name = (self.write_function or f"{self.module}:write").partition(":")
        write: WriteFunction = getattr(importlib.import_module(module), name)
        return write

    def all_reader(self) -> ReadAllFunction:
        """A function that reads every release of one input, importing the module on first use.

        For a format whose inputs hold one release, it returns a list of one reading.
        When :attr:`streams` is true, it also accepts an open binary file.
        """
        if self.read_all_function is None:
            read = self.reader()

            def read_one(data: bytes, *, source: str | None = None) -> Iterable[Reading | Diagnostic]:
                return [read(data, source=source)]

            return read_one
        if not self.readable:
            msg = f"communique cannot read {self.title} ({self.name})"
            raise FormatError(msg)
        read_all: ReadAllFunction = getattr(importlib.import_module(self.module), self.read_all_function)
        return read_all

    def stream_reader(self) -> Callable[[IO[bytes], str | None], Iterator[Reading | Diagnostic]] | None:
        """A function reading every release from an open binary file bit by bit, or None when the format cannot."""
        if not self.streams:
            return None
        read_all = self.all_reader()

        def read_stream(stream: IO[bytes], source: str | None) -> Iterator[Reading | Diagnostic]:
            return iter(read_all(stream, source=source))  # type: ignore[arg-type]  # streaming readers take files

        return read_stream


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
        read_all_function="read_items",
    ),
    Format(
        name="text",
        title="plain text",
        extensions=(".txt", ".text"),
        media_type="text/plain",
        module="communique.text",
        write_function="communique._render:to_plain_text",
    ),
    Format(
        name="markdown",
        title="Markdown",
        extensions=(".md", ".markdown"),
        media_type="text/markdown",
        module="communique.text",
        write_function="communique._render:to_markdown",
    ),
    Format(
        name="html",
        title="HTML page",
        extensions=(".html", ".htm", ".xhtml", ".php"),
        media_type="text/html",
        module="communique.html",
        write_function="communique._render:to_html",
    ),
    Format(
        name="feed",
        title="RSS 2.0 or Atom feed",
        extensions=(".rss", ".atom"),
        media_type="application/rss+xml",
        module="communique.feeds",
        writable=False,
        read_all_function="scan_feed",
        streams=True,
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
