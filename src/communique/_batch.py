"""The work behind ``convert`` and ``validate``: find the inputs, process each, in order.

Everything here is plain functions over plain values, so that the command
line only wires arguments to them. Inputs are found lazily (a folder is
walked one directory at a time, in sorted order), each input becomes a
:class:`Task`, and :func:`run` processes the tasks serially or over worker
processes, yielding one :class:`Outcome` per input *in input order*: the
output of ``--jobs 4`` is byte for byte that of ``--jobs 1``. Results are
never collected: each is handed on as soon as the ones before it are, so
memory stays flat over any number of files. A feed is read entry by entry
in the main process, so a feed of a gigabyte is never held in memory.
"""

from __future__ import annotations

import collections
import fnmatch
import glob
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, Final, Literal

import attrs

from .diagnostics import Diagnostic
from .exceptions import CommuniqueError, FormatError, ParseError, SourceError, StructureError
from .formats import FORMATS, Format, find_format, guess_format
from .reading import Reading
from .vocabulary import Severity

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "STDIN",
    "Failure",
    "Input",
    "Outcome",
    "Selection",
    "Target",
    "Task",
    "Written",
    "diagnostics_of",
    "find_inputs",
    "plan",
    "process",
    "readings",
    "run",
    "sniff",
]

#: How standard input is named on the command line.
STDIN: Final = "-"
#: How standard input is named in diagnostics.
STDIN_NAME: Final = "<stdin>"
_HEAD_BYTES: Final = 4096
#: Tasks sent to a worker process at once: fewer round trips for small files.
_CHUNK: Final = 8
#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
_AHEAD: Final = 4
_GLOB_MAGIC: Final = re.compile(r"[*?\[]")


# Values -----------------------------------------------------------------------


@attrs.frozen
class Failure:
    """An input that could not be processed, and why.

    *status* is the exit code it calls for: 2 for an I/O or usage problem
    (a missing file, a folder that cannot be read, an output that cannot be
    written), 1 for content that cannot be read. A *message* of None means
    that diagnostics already said why.
    """

    source: str
    message: str | None
    status: int = 2

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@attrs.frozen
class Written:
    """One release converted: the file written, or the bytes for standard output."""

    target: str | None
    data: bytes | None = None


Event = Diagnostic | Failure | Written


@attrs.frozen
class Outcome:
    """Everything that happened to one input, in order."""

    source: str
    events: Iterable[Event]


@attrs.frozen
class Input:
    """One input file: its path (or ``-``), and its path relative to the folder it was found in."""

    path: str
    relative: str


@attrs.frozen
class Selection:
    """Which files of a folder are inputs: include and exclude globs on the path relative to the folder.

    Without include globs, a file is selected when its extension names a
    readable format (any file at all when the format is given). Hidden files
    and folders (``.git``) are skipped.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    any_file: bool = False

    def selects(self, relative: str) -> bool:
        """Whether the file at *relative* (a POSIX path inside the folder) is an input."""
        parts = PurePath(relative).parts
        if any(part.startswith(".") for part in parts):
            return False
        if any(fnmatch.fnmatch("/".join(parts[: i + 1]), pattern) for pattern in self.exclude
               for i in range(len(parts))):
            return False
        if self.include:
            return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(parts[-1], p) for p in self.include)
        return self.any_file or _known_extension(relative)

    def prunes(self, relative: str) -> bool:
        """Whether the folder at *relative* is skipped as a whole."""
        return PurePath(relative).name.startswith(".") or any(fnmatch.fnmatch(relative, p) for p in self.exclude)


@attrs.frozen
class Target:
    """Where converted releases go: standard output (*path* None), one file, or a folder mirroring the inputs.

    *inputs* (the files and folders named on the command line) and
    *selection* say which files are inputs of the run, which are never
    overwritten.
    """

    path: str | None = None
    folder: bool = False
    inputs: tuple[str, ...] = ()
    selection: Selection = Selection()

    def protects(self, path: str) -> bool:
        """Whether *path* is an input of the run, which an output may not replace."""
        if not os.path.lexists(path):
            return False
        real = os.path.realpath(path)
        if any(_same(given, path) for given in self.inputs):
            return True
        if self.folder and self.path is not None and _inside(real, os.path.realpath(self.path)):
            return False  # the output folder is never walked for inputs
        for given in self.inputs:
            if os.path.isdir(given):
                relative = os.path.relpath(real, os.path.realpath(given))
                if not relative.startswith(os.pardir) and self.selection.selects(_posix(relative)):
                    return True
        return False


@attrs.frozen
class Task:
    """One input to process: what to do with it and how."""

    command: Literal["convert", "validate"]
    input: Input
    format: str
    target_format: str | None = None
    target: Target = Target()
    schema: str | None = None
    data: bytes | None = None  # standard input, already read

    @property
    def source(self) -> str:
        """The input's name in diagnostics."""
        return STDIN_NAME if self.input.path == STDIN else self.input.path

    @property
    def inline(self) -> bool:
        """Whether the task runs in the main process: standard input, and formats read as a stream."""
        return self.data is not None or find_format(self.format).streams


# Finding inputs -----------------------------------------------------------------


def _known_extension(path: str) -> bool:
    suffix = PurePath(path).suffix.lower()
    return any(suffix in entry.extensions for entry in FORMATS if entry.readable)


def _walk(root: str, selection: Selection, skip: str | None) -> Iterator[Input | Failure]:
    refused: list[OSError] = []  # folders that cannot be read: reported, and the walk goes on
    for folder, folders, files in os.walk(root, onerror=refused.append):
        yield from _refusals(refused, root)
        relative_folder = os.path.relpath(folder, root)
        kept = []
        for name in sorted(folders):
            relative = _posix(os.path.join(relative_folder, name))
            full = os.path.join(folder, name)
            if selection.prunes(relative) or (skip is not None and _same(full, skip)):
                continue
            kept.append(name)
        folders[:] = kept
        for name in sorted(files):
            relative = _posix(os.path.join(relative_folder, name))
            if selection.selects(relative):
                yield Input(os.path.join(folder, name), relative)
    yield from _refusals(refused, root)


def _refusals(refused: list[OSError], root: str) -> Iterator[Failure]:
    while refused:
        exc = refused.pop(0)
        yield Failure(str(exc.filename or root), f"cannot read folder: {exc.strerror or exc}")


def _inside(path: str, folder: str) -> bool:
    return not os.path.relpath(path, folder).startswith(os.pardir)


def _posix(path: str) -> str:
    return PurePath(os.path.normpath(path)).as_posix()


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _glob_base(pattern: str) -> str:
    parts = PurePath(pattern).parts
    base = list(parts[: next((i for i, p in enumerate(parts) if _GLOB_MAGIC.search(p)), len(parts))])
    return str(PurePath(*base)) if base else "."


def find_inputs(
    arguments: Sequence[str], selection: Selection, *, skip: str | None = None,
) -> Iterator[Input | Failure]:
    """The input files that *arguments* name, lazily, in order.

    Each argument is ``-`` (standard input), a file, a folder (walked
    recursively in sorted order, keeping what *selection* selects, and
    leaving out the folder *skip*, where outputs go), or a glob
    (``releases/**/*.md``). An argument that names nothing is a
    :class:`Failure`; so is a folder that cannot be read.
    """
    for argument in arguments:
        if argument == STDIN:
            yield Input(STDIN, STDIN_NAME)
        elif os.path.isdir(argument):
            yield from _walk(argument, selection, skip)
        elif os.path.lexists(argument) or not _GLOB_MAGIC.search(argument):
            yield Input(argument, PurePath(argument).name)
        else:
            matches = sorted(p for p in glob.iglob(argument, recursive=True) if os.path.isfile(p))
            if not matches:
                yield Failure(argument, "no file matches this pattern")
            base = _glob_base(argument)
            for match in matches:
                yield Input(match, _posix(os.path.relpath(match, base)))


# Formats ---------------------------------------------------------------------------

_FEED_ROOT: Final = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed)[\s>/]")
_HTML_START: Final = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                                re.IGNORECASE | re.DOTALL)


def sniff(head: bytes) -> str:
    r"""The format that the first bytes of an input look like: ``json``, ``feed``, ``html``, ``newsml`` or ``text``.

    >>> sniff(b'<?xml version="1.0"?>\n<rss version="2.0">')
    'feed'
    >>> sniff(b'{"format": "communique"}')
    'json'
    """
    data = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if data.startswith(b"{"):
        return "json"
    if _HTML_START.match(data):
        return "html"
    if data.startswith(b"<"):
        prolog_end = _first_element(data)
        return "feed" if _FEED_ROOT.match(data, prolog_end) else "newsml"
    return "text"


_PROLOG_PART: Final = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL)


def _first_element(data: bytes) -> int:
    """Where the root element starts, after the XML declaration, comments and a DOCTYPE."""
    position = 0
    while True:
        match = _PROLOG_PART.match(data, position)
        if not match or match.end() == position:
            return len(data) - len(data[position:].lstrip())
        position = match.end()


def _head(path: str) -> bytes:
    try:
        with Path(path).open("rb") as stream:
            return stream.read(_HEAD_BYTES)
    except OSError:
        return b""  # the error is reported when the file is read


def choose_format(item: Input, given: str | None, data: bytes | None = None) -> Format:
    """The format of *item*: *given*, or told by the extension (``.xml`` may be a feed), or sniffed from stdin.

    Raises :class:`~communique.FormatError` when it cannot be told.
    """
    if given:
        return find_format(given)
    if item.path == STDIN:
        return find_format(sniff(data or b""))
    chosen = guess_format(item.path)
    if chosen.name == "newsml" and sniff(_head(item.path)) == "feed":
        return find_format("feed")
    return chosen


# Planning -----------------------------------------------------------------------------


def _mirror(target: Target, item: Input, extension: str) -> str:
    assert target.path is not None  # noqa: S101 - callers pass folder targets only
    return os.path.join(target.path, str(PurePath(item.relative).with_suffix(extension)))


def plan(
    found: Iterable[Input | Failure],
    *,
    command: Literal["convert", "validate"],
    source_format: str | None = None,
    target_format: str | None = None,
    target: Target = Target(),
    schema: str | None = None,
    read_stdin: Callable[[], bytes] = lambda: b"",
) -> Iterator[Task | Failure]:
    """A :class:`Task` for each input found, or a :class:`Failure` when its format cannot be told.

    For a folder target, an output that two inputs would both write
    (``a.txt`` and ``a.md`` to ``a.json``) is refused for the second.
    """
    planned: set[str] = set()
    extension = find_format(target_format).extension if target_format else ""
    for item in found:
        if isinstance(item, Failure):
            yield item
            continue
        data = read_stdin() if item.path == STDIN else None
        try:
            chosen = choose_format(item, source_format, data)
        except FormatError as exc:
            yield Failure(item.path, str(exc))
            continue
        if command == "convert" and target.folder:
            mirrored = os.path.normpath(_mirror(target, item, extension))
            if mirrored in planned:
                yield Failure(item.path, f"refusing to overwrite {mirrored}, written for another input")
                continue
            planned.add(mirrored)
        yield Task(command=command, input=item, format=chosen.name, target_format=target_format, target=target,
                   schema=schema, data=data)


# Processing --------------------------------------------------------------------------


def diagnostics_of(exc: ParseError | StructureError) -> list[Diagnostic]:
    """Diagnostics for a reading error, one per problem."""
    if isinstance(exc, ParseError):
        message = f"{exc.message}: {exc.text!r}" if exc.text else exc.message
        return [Diagnostic(severity=Severity.ERROR, code="syntax", message=message,
                           source=exc.source, line=exc.line, column=exc.column)]
    return [Diagnostic(severity=Severity.ERROR, code="structure", message=message, source=exc.source, path=path)
            for path, message in exc.problems]


def _read_bytes(task: Task) -> bytes:
    if task.data is not None:
        return task.data
    try:
        return Path(task.input.path).read_bytes()
    except OSError as exc:
        msg = f"cannot read: {exc.strerror or exc}"
        raise _UnreadableError(msg) from exc


class _UnreadableError(Exception):
    """The input file cannot be read."""


# Bytes that never appear in text: C0 controls other than tab, newlines and form feed.
_CONTROLS: Final = bytes(b for b in range(32) if b not in b"\t\n\r\f")


def _unfit(data: bytes, source: str) -> Diagnostic | None:
    """An error when *data* is no release at all: empty, or binary (NUL bytes, many control bytes)."""
    if not data.strip():
        return Diagnostic(severity=Severity.ERROR, code="empty", message="the file is empty", source=source)
    head = data[:_HEAD_BYTES]
    half = len(head) / 2
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or max(head[0::2].count(0), head[1::2].count(0)) > 0.4 * half
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if not utf16 and (b"\x00" in head or controls > 0.02 * len(head)):
        return Diagnostic(severity=Severity.ERROR, code="binary", message="binary data, not a release",
                          source=source)
    return None


def _open_input(task: Task) -> IO[bytes]:
    """The task's input file, opened for streaming; an unreadable file is an :class:`_UnreadableError`."""
    try:
        return Path(task.input.path).open("rb")  # the caller closes it, after streaming
    except OSError as exc:
        msg = f"cannot read: {exc.strerror or exc}"
        raise _UnreadableError(msg) from exc


def _releases(task: Task) -> Iterator[Reading | Diagnostic]:
    """Every release of the task's input, or an error diagnostic in place of one that cannot be read."""
    chosen = find_format(task.format)
    stream_reader = chosen.stream_reader()
    if stream_reader is not None and task.data is None:
        with _open_input(task) as stream:
            yield from stream_reader(stream, task.source)
        return
    data = _read_bytes(task)
    unfit = _unfit(data, task.source)
    if unfit is not None:
        yield unfit
        return
    try:
        yield from chosen.all_reader()(data, source=task.source)
    except (ParseError, StructureError) as exc:
        yield from diagnostics_of(exc)


def _write(path: str, data: bytes, task: Task) -> Written | Failure:
    from .api import write_atomically

    if (task.input.path != STDIN and _same(path, task.input.path)) or task.target.protects(path):
        return Failure(task.source, f"refusing to overwrite the input {path}")
    try:
        write_atomically(Path(path), data)
    except SourceError as exc:
        return Failure(task.source, str(exc).removeprefix(f"{task.source}: "))
    return Written(path)


def _convert(task: Task) -> Iterator[Event]:
    assert task.target_format is not None  # noqa: S101 - convert tasks always name it
    target_format = find_format(task.target_format)
    writer = target_format.writer()
    target = task.target
    # The first release is held until we know whether another follows: one
    # release goes to the mirrored name, several to numbered files.
    held: tuple[int, bytes] | None = None
    slots = readings = 0
    failed = False
    for found in _releases(task):
        slots += 1  # a release, or an error in place of one: numbers stay put when an entry is fixed
        if isinstance(found, Diagnostic):
            yield found
            failed = failed or found.severity is Severity.ERROR
            continue
        readings += 1
        yield from found.diagnostics
        try:
            data = writer(found.communique)
        except CommuniqueError as exc:
            yield Diagnostic(severity=Severity.ERROR, code="write", message=str(exc), source=task.source)
            failed = True
            continue
        if target.path is None:
            yield Written(None, data)
        elif not target.folder and readings > 1:
            yield Failure(task.source, f"holds several releases; give a folder, not the file {target.path}, as -o")
            return
        elif not target.folder or (slots == 1 and held is None):
            held = (slots, data)
        else:
            if held is not None:
                yield _numbered(task, *held, target_format)
                held = None
            yield _numbered(task, slots, data, target_format)
    if held is not None:
        if target.folder and slots > 1:
            yield _numbered(task, *held, target_format)
        else:
            yield _single(task, held[1], target_format)
    if failed:
        yield Failure(task.source, None, 1)


def _single(task: Task, data: bytes, target_format: Format) -> Written | Failure:
    """The one release of an input, written to the -o file or to its mirrored name in the -o folder."""
    target = task.target
    assert target.path is not None  # noqa: S101 - file and folder targets only
    if not target.folder:
        return _write(target.path, data, task)
    path = _mirror(target, task.input, target_format.extension)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return Failure(task.source, f"cannot write {path}: {exc.strerror or exc}")
    return _write(path, data, task)


def _numbered(task: Task, number: int, data: bytes, target_format: Format) -> Written | Failure:
    """The *number*-th release of an input holding several, written to ``folder/<input stem>/<number>.ext``."""
    assert task.target.path is not None  # noqa: S101 - folder targets only
    folder = Path(task.target.path) / PurePath(task.input.relative).with_suffix("")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return Failure(task.source, f"cannot write {folder}: {exc.strerror or exc}")
    return _write(str(folder / f"{number}{target_format.extension}"), data, task)


def _validate(task: Task) -> Iterator[Event]:
    chosen = find_format(task.format)
    if chosen.name == "newsml":
        from .newsml import validate_newsml

        data = _read_bytes(task)
        unfit = _unfit(data, task.source)
        yield from [unfit] if unfit is not None else validate_newsml(data, schema=task.schema, source=task.source)
    elif chosen.name == "feed":
        from .feeds import validate_feed

        if task.data is not None:
            yield from validate_feed(task.data, source=task.source)
            return
        with _open_input(task) as stream:
            yield from validate_feed(stream, source=task.source)
    else:
        for found in _releases(task):
            yield from (found,) if isinstance(found, Diagnostic) else found.diagnostics


def process(task: Task) -> Iterator[Event]:
    """What processing *task* gives, event by event; never raises for bad input or I/O errors."""
    work = _convert(task) if task.command == "convert" else _validate(task)
    try:
        yield from work
    except _UnreadableError as exc:
        yield Failure(task.source, str(exc))
    except (ParseError, StructureError) as exc:
        yield from diagnostics_of(exc)
        yield Failure(task.source, None, 1)
    except RecursionError:
        yield Failure(task.source, "nested too deeply to be read", 1)


def readings(task: Task) -> Iterator[Reading | Diagnostic | Failure]:
    """Every release of the task's input, never raising for bad input.

    An error diagnostic stands in place of a release that cannot be read,
    a :class:`Failure` for an input that cannot be read at all.
    """
    try:
        yield from _releases(task)
    except _UnreadableError as exc:
        yield Failure(task.source, str(exc))


def _process_chunk(tasks: Sequence[Task]) -> list[tuple[Event, ...]]:
    return [tuple(process(task)) for task in tasks]


# Running ---------------------------------------------------------------------------


def _outcome(item: Task | Failure) -> Outcome:
    if isinstance(item, Failure):
        return Outcome(item.source, (item,))
    return Outcome(item.source, process(item))


def run(items: Iterable[Task | Failure], *, jobs: int = 1) -> Iterator[Outcome]:
    """An :class:`Outcome` per task, in the order of *items*, over *jobs* worker processes.

    With one job, everything runs here, lazily. With more, tasks go to
    worker processes in small chunks, a bounded number ahead of the one
    whose outcome is handed on; standard input and streamed formats (feeds)
    run here, in their turn. Either way the outcomes come in input order,
    so the output does not depend on *jobs*.
    """
    if jobs <= 1:
        yield from map(_outcome, items)
        return
    from concurrent.futures import Future, ProcessPoolExecutor  # only a parallel run needs processes

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: collections.deque[Future[list[tuple[Event, ...]]] | Task | Failure] = collections.deque()
        sources: collections.deque[list[str]] = collections.deque()
        chunk: list[Task] = []

        def flush() -> None:
            if chunk:
                pending.append(pool.submit(_process_chunk, list(chunk)))
                sources.append([task.source for task in chunk])
                chunk.clear()

        def drain(keep: int) -> Iterator[Outcome]:
            while len(pending) > keep:
                head = pending.popleft()
                if isinstance(head, Future):
                    for source, events in zip(sources.popleft(), head.result(), strict=True):
                        yield Outcome(source, events)
                else:
                    yield _outcome(head)

        for item in items:
            if isinstance(item, Task) and not item.inline:
                chunk.append(item)
                if len(chunk) >= _CHUNK:
                    flush()
            else:
                flush()
                pending.append(item)
            yield from drain(jobs * _AHEAD)
        flush()
        yield from drain(0)
