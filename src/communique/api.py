"""Reading and writing communiqués in any registered format.

``read``/``write`` work on bytes, ``load``/``dump`` on files; the format is
named, or guessed from the file's extension. ``read_all`` and ``iter_load``
read every release of an input that holds several (an RSS or Atom feed, a
NewsML-G2 newsMessage), and one release of any other.

>>> from communique import Communique
>>> data = write(Communique(headline="Acme opens in Lyon"), format="json")
>>> read(data, format="json").communique.headline
'Acme opens in Lyon'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .diagnostics import Diagnostic
from .exceptions import ParseError, SourceError
from .formats import find_format, guess_format
from .model import Communique
from .reading import Reading

__all__ = ["dump", "iter_load", "load", "read", "read_all", "write"]


def read(data: bytes | str, *, format: str, source: str | None = None) -> Reading:
    """Read *data* in the named *format*; *source* names it in errors and diagnostics.

    A :class:`str` is encoded as UTF-8 first.

    .. versionadded:: 0.1.0
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return find_format(format).reader()(raw, source=source)


def read_all(data: bytes | str, *, format: str, source: str | None = None) -> list[Reading]:
    """Every release in *data*: one per feed entry or newsMessage item, or the one release of other formats.

    Raises :class:`~communique.ParseError` for the first release that cannot be read.

    >>> feed = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
    ...         b'<entry><title>One</title></entry><entry><title>Two</title></entry></feed>')
    >>> [r.communique.headline for r in read_all(feed, format="feed")]
    ['One', 'Two']

    .. versionadded:: 0.1.0
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return list(_raising(find_format(format).all_reader()(raw, source=source), source))


def iter_load(path: str | os.PathLike[str], *, format: str | None = None) -> Iterator[Reading]:
    """Every release in the file at *path*, one at a time.

    A format that streams (feeds) is read bit by bit, so that a feed of a
    gigabyte is read in flat memory. Raises :class:`~communique.SourceError`
    when the file cannot be read, :class:`~communique.ParseError` for the
    first release that cannot be read.

    .. versionadded:: 0.1.0
    """
    name = os.fspath(path)
    chosen = find_format(format) if format else guess_format(name)
    stream_reader = chosen.stream_reader()
    try:
        if stream_reader is None:
            data = Path(path).read_bytes()
            yield from _raising(chosen.all_reader()(data, source=name), name)
            return
        with Path(path).open("rb") as stream:
            yield from _raising(stream_reader(stream, name), name)
    except OSError as exc:
        msg = f"{name}: cannot read: {exc.strerror or exc}"
        raise SourceError(msg) from exc


def _raising(found: Iterable[Reading | Diagnostic], source: str | None) -> Iterator[Reading]:
    for item in found:
        if isinstance(item, Diagnostic):
            raise ParseError(item.message, source=item.source or source, line=item.line, column=item.column)
        yield item


def write(communique: Communique, *, format: str) -> bytes:
    """*communique* in the named *format*, as bytes.

    .. versionadded:: 0.1.0
    """
    return find_format(format).writer()(communique)


def load(path: str | os.PathLike[str], *, format: str | None = None) -> Reading:
    """Read the file at *path*, in *format* or the format its extension names.

    Raises :class:`~communique.SourceError` when the file cannot be read.

    .. versionadded:: 0.1.0
    """
    chosen = find_format(format) if format else guess_format(os.fspath(path))
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        msg = f"{os.fspath(path)}: cannot read: {exc.strerror or exc}"
        raise SourceError(msg) from exc
    return chosen.reader()(data, source=os.fspath(path))


def dump(communique: Communique, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write *communique* to the file at *path*, atomically.

    The output goes to a temporary file in the same folder, which is renamed
    over *path* only once complete: an interrupted write never leaves a
    half-written file.

    .. versionadded:: 0.1.0
    """
    chosen = find_format(format) if format else guess_format(os.fspath(path))
    write_atomically(Path(path), chosen.writer()(communique))


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename."""
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        msg = f"{path}: cannot write: {exc.strerror or exc}"
        raise SourceError(msg) from exc
