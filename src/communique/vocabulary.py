"""Controlled vocabularies shared by the model, the readers and the writers.

Each member's value is the string that the native JSON format uses.
"""

from __future__ import annotations

import enum

__all__ = ["Genre", "Severity"]


class Severity(enum.StrEnum):
    """How serious a :class:`~communique.Diagnostic` is.

    .. versionadded:: 0.1.0
    """

    #: The input is broken: a value could not be read, or a rule is violated.
    ERROR = "error"
    #: Something is doubtful: the value was left out rather than guessed.
    WARNING = "warning"
    #: Worth knowing, nothing to fix.
    INFO = "info"


class Genre(enum.StrEnum):
    """What kind of communication a release is, whatever its printed label.

    The printed label (``Communiqué de presse``, ``FOR IMMEDIATE RELEASE``)
    stays in :attr:`communique.Kind.label`; the genre is the language-free
    category behind it.

    .. versionadded:: 0.1.0
    """

    PRESS_RELEASE = "press_release"
    MEDIA_ADVISORY = "media_advisory"
    STATEMENT = "statement"
