"""Diagnostics: what readers and validators have to say about an input.

A diagnostic is a value, not an exception: readers return them next to the
communiqué they read, and validators return a list of them instead of
raising.
"""

from __future__ import annotations

import attrs

from .vocabulary import Severity

__all__ = ["Diagnostic"]


def _positive(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value < 1:
        msg = f"{attribute.name} is 1-based, got {value}"
        raise ValueError(msg)


def _severity(value: Severity | str) -> Severity:
    """Accept a severity by its value (attrs converter)."""
    return Severity(value)


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One finding about an input, with where it was found.

    >>> d = Diagnostic(severity=Severity.WARNING, code="date-ambiguous",
    ...                message="03/04/2012 could be March or April",
    ...                source="a.txt", line=4, column=9)
    >>> str(d)
    'a.txt:4:9: warning: date-ambiguous: 03/04/2012 could be March or April'

    .. versionadded:: 0.1.0
    """

    #: How serious it is.
    severity: Severity = attrs.field(converter=_severity)
    #: A stable, kebab-case identifier that tools can filter on.
    code: str
    #: A sentence for people.
    message: str
    #: The input's name (a path, ``<stdin>``), when known.
    source: str | None = None
    #: 1-based line, when known.
    line: int | None = attrs.field(default=None, validator=_positive)
    #: 1-based column, when known.
    column: int | None = attrs.field(default=None, validator=_positive)
    #: A JSON path (``$.contacts[0].phones[1]``) or XPath, for structured inputs.
    path: str | None = None

    @property
    def location(self) -> str:
        """``source:line:column``, leaving out what is not known.

        >>> Diagnostic(severity="error", code="x", message="m", source="a.json").location
        'a.json'
        """
        parts = [self.source or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.location}: {self.severity}: {self.code}: {where}{self.message}"
