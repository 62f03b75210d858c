"""What a reader returns: the communiqué it read and what it has to say about it."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .diagnostics import Diagnostic
from .model import Communique
from .vocabulary import Severity

__all__ = ["Reading"]


def _diagnostics(items: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Reading:
    """A communiqué as read from some input, with the reader's diagnostics.

    A reader that could not read a value exactly leaves it out of the
    communiqué and says why in :attr:`diagnostics`.

    >>> Reading(communique=Communique(headline="Hi")).ok
    True

    .. versionadded:: 0.1.0
    """

    #: The communiqué that was read.
    communique: Communique
    #: What the reader found doubtful or wrong, in input order.
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error."""
        return all(d.severity is not Severity.ERROR for d in self.diagnostics)
