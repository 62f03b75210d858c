"""Errors raised by communique.

Every error derives from :class:`CommuniqueError`, so an application that
embeds the library can catch everything it raises with one ``except``.
Errors about bad input also derive from :class:`ValueError`.

This module is a leaf: it imports nothing from the package, so that every
other module can import it without creating a cycle.
"""

from __future__ import annotations

__all__ = [
    "CommuniqueError",
    "FormatError",
    "InvalidValueError",
    "ParseError",
    "SourceError",
    "StructureError",
]


class CommuniqueError(Exception):
    """The root of every error that communique raises.

    .. versionadded:: 0.1.0
    """


class InvalidValueError(CommuniqueError, ValueError):
    """A model class was given a value that breaks one of its invariants.

    Raised by the validators of :mod:`communique.model`, for example for a
    naive :class:`~datetime.datetime` or an empty headline.

    .. versionadded:: 0.1.0
    """


class ParseError(CommuniqueError, ValueError):
    """The input could not be read at all.

    The error knows where it happened: the name of the source (a file name,
    or ``<stdin>``), the 1-based line and column, and the offending text.

    >>> err = ParseError("expected a value", source="a.json", line=3, column=7, text="}")
    >>> str(err)
    "a.json:3:7: expected a value: '}'"

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(message)
        #: What went wrong, without the location.
        self.message = message
        #: The name of the input: a path, ``<stdin>``, or ``None``.
        self.source = source
        #: 1-based line of the problem, when known.
        self.line = line
        #: 1-based column of the problem, when known.
        self.column = column
        #: The offending text, when there is some to show.
        self.text = text

    @property
    def location(self) -> str:
        """``source:line:column``, leaving out the parts that are not known."""
        parts = [self.source or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        shown = f"{self.location}: {self.message}"
        if self.text:
            shown += f": {self.text!r}"
        return shown


class StructureError(CommuniqueError, ValueError):
    """Well-formed input does not have the shape of a communiqué.

    Each problem is a ``(path, message)`` pair, where the path is a JSON path
    such as ``$.contacts[1].phones[0]``.

    >>> err = StructureError([("$.headline", "expected a string")], source="x.json")
    >>> str(err)
    'x.json: $.headline: expected a string'

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: list[tuple[str, str]], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or "<input>"
        listed = "; ".join(f"{path}: {message}" for path, message in self.problems)
        return f"{where}: {listed}"


class FormatError(CommuniqueError, ValueError):
    """A format name or file extension is unknown, or cannot go that way.

    .. versionadded:: 0.1.0
    """


class SourceError(CommuniqueError, OSError):
    """An input could not be read or an output could not be written.

    .. versionadded:: 0.1.0
    """
