"""The command line: ``python -m communique`` and the ``communique`` script.

:func:`main` only wires arguments, files and exit codes; the work is done by
the public API and by the pure functions of :mod:`communique._batch` (finding
inputs, converting and validating them, in order, over processes) and
:mod:`communique._report` (diagnostics as text, JSON, GitHub annotations or
JUnit XML). Exit codes: 0 success, 1 problems found, 2 usage or I/O error.

Heavy modules (lxml, cattrs, PyYAML, multiprocessing) load only when a
command needs them: ``communique --version`` loads none of them.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, NoReturn

from .diagnostics import Diagnostic
from .exceptions import CommuniqueError, FormatError, SourceError
from .formats import FORMATS, find_format

if TYPE_CHECKING:
    from ._batch import Outcome, Target
    from ._report import Report

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

STDIO = "-"
#: From how many inputs on a terminal a progress line is shown.
PROGRESS_FROM = 20


class _UsageError(Exception):
    """Bad command-line usage, reported with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _version() -> str:
    """The installed version of communique.

    Read from the package's ``METADATA`` file directly: importing
    :mod:`importlib.metadata` loads the :mod:`email` package, which would
    take a quarter of the start-up time of ``communique --version``.
    """
    for folder in sys.path:
        try:
            entries = os.scandir(folder or os.curdir)
        except OSError:
            continue
        with entries:
            names = [e.name for e in entries if e.name.startswith("communique-") and e.name.endswith(".dist-info")]
        for name in names:
            try:
                with open(os.path.join(folder, name, "METADATA"), encoding="utf-8") as metadata:
                    for line in metadata:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():
                            break
            except OSError:
                continue
    from importlib.metadata import version

    return version("communique")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        msg = f"expected a number of processes (0 for one per CPU), got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value or os.cpu_count() or 1


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--include", action="append", default=[], metavar="GLOB",
                         help="in folders, take only files whose relative path or name matches (repeatable)")
    command.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                         help="in folders, leave out files and folders whose relative path matches (repeatable)")
    command.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                         help="process files over N processes (0: one per CPU); the output is the same as with 1")
    command.add_argument("-q", "--quiet", action="store_true", help="print no progress line and no summary")


def _build_parser() -> argparse.ArgumentParser:
    readable = [f.name for f in FORMATS if f.readable]
    writable = [f.name for f in FORMATS if f.writable]
    parser = _Parser(
        prog="communique",
        description="Read press releases into typed data and write them in the news industry's formats.",
        epilog="Exit codes: 0 success, 1 problems found, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser(
        "convert",
        help="convert releases from one format to another",
        description="Convert releases from one format to another: files, folders (recursively), globs, or - for "
        "standard input. The input format is told by the file extension unless --from names it; a feed gives "
        "one release per entry.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a folder, a glob, or - for standard input")
    convert.add_argument("--from", dest="source_format", choices=readable, metavar="FORMAT",
                         help=f"input format ({', '.join(readable)})")
    convert.add_argument("--to", dest="target_format", choices=writable, metavar="FORMAT", required=True,
                         help=f"output format ({', '.join(writable)})")
    convert.add_argument("-o", "--output", default=STDIO, metavar="OUTPUT",
                         help="- for standard output (the default), a file, or a folder (an existing one, a name "
                         "ending in /, or any name when there are several inputs) that mirrors the input names; "
                         "files are written atomically and inputs are never overwritten")
    _add_batch_options(convert)

    validate = commands.add_parser(
        "validate", help="check releases, feeds and NewsML-G2 files",
        description="Check text and HTML releases (reader diagnostics), native JSON (against the shipped "
        "schema), NewsML-G2 (communique's rules, and IPTC's XSD when found: --schema, "
        "$COMMUNIQUE_NEWSML_SCHEMA, or the cache that 'schema download newsml-g2' fills), and RSS 2.0 or Atom "
        "feeds (every entry, dates, ids, links).")
    validate.add_argument("inputs", nargs="+", metavar="INPUT",
                          help="a file, a folder, a glob, or - for standard input")
    validate.add_argument("--from", dest="source_format", choices=readable, metavar="FORMAT",
                          help="the format of every input, instead of telling it from the extension")
    validate.add_argument("--schema", metavar="PATH",
                          help="the NewsML-G2 XSD file, or the folder that holds it next to xml.xsd")
    validate.add_argument("--format", dest="form", choices=["text", "json", "github", "junit"], default="text",
                          help="text lines on standard error (the default), or a JSON document, GitHub Actions "
                          "annotations or JUnit XML on standard output")
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.add_argument("-o", "--output", default=None, metavar="FILE",
                          help="write the report to FILE (atomically) instead of standard output or error")
    _add_batch_options(validate)

    inspect = commands.add_parser("inspect", help="show the fields and diagnostics of a release",
                                  description="Show the fields of a release (each entry of a feed) and what the "
                                  "reader had to say about it, with colour on a terminal.")
    inspect.add_argument("input", metavar="INPUT", help="a file, or - for standard input")
    inspect.add_argument("--from", dest="source_format", choices=readable, metavar="FORMAT",
                         help="input format, instead of telling it from the extension")
    inspect.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                         help="colour: on a terminal without NO_COLOR (auto, the default), always, or never")

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of a format, or download a schema communique does not ship",
        description="'schema json' prints the JSON Schema (draft 2020-12) of the native JSON format. "
        "'schema download newsml-g2' fetches IPTC's NewsML-G2 2.35 schema into the per-user cache, "
        "checking SHA-256 checksums, so that 'validate' can use it.")
    schema.add_argument("schema_format", choices=["json", "download"], metavar="ACTION",
                        help="json: print the native JSON Schema; download: fetch a schema")
    schema.add_argument("schema_name", nargs="?", choices=["newsml-g2"], metavar="SCHEMA",
                        help="with download: newsml-g2")
    schema.add_argument("--base-url", metavar="URL",
                        help="with download: fetch the files from this folder URL instead of IPTC's")

    commands.add_parser("formats", help="list the formats communique reads and writes",
                        description="List the formats communique reads and writes.")
    return parser


def _output_target(args: argparse.Namespace) -> Target:
    from ._batch import Selection, Target

    selection = Selection(tuple(args.include), tuple(args.exclude), any_file=bool(args.source_format))
    inputs = tuple(i for i in args.inputs if i != STDIO)
    if args.output == STDIO:
        return Target(inputs=inputs, selection=selection)
    several = _batch(args)
    folder = args.output.endswith(("/", os.sep)) or os.path.isdir(args.output) or several
    if folder and any(os.path.isdir(i) and os.path.samefile(i, args.output) for i in inputs
                      if os.path.lexists(args.output)):
        msg = f"{args.output}: the output folder may not be an input folder"
        raise _UsageError(msg)
    return Target(path=args.output, folder=folder, inputs=inputs, selection=selection)


def _batch(args: argparse.Namespace) -> bool:
    """Whether the run is over several inputs, so that it deserves a summary."""
    return len(args.inputs) > 1 or any(os.path.isdir(i) or _is_glob(i) for i in args.inputs)


def _is_glob(argument: str) -> bool:
    return not os.path.lexists(argument) and any(c in argument for c in "*?[")


def _drive(outcomes: Iterable[Outcome], report: Report, stdout: IO[bytes], stderr: IO[str],
           *, verb: str, progress: bool) -> None:
    from ._batch import Failure, Written
    from ._report import Progress

    shown = Progress(stderr, verb) if progress else None
    for outcome in outcomes:
        for event in outcome.events:
            if shown is not None and report.form == "text":
                shown.clear()
            if isinstance(event, Written):
                report.counts.written += 1
                if event.data is not None:
                    stdout.write(event.data)
            elif isinstance(event, Failure):
                report.failure(event)
            else:
                report.diagnostic(event)
        report.end_file(outcome.source)
        if shown is not None:
            shown.update(report.counts.files, outcome.source)
    if shown is not None:
        shown.clear()
    stdout.flush()


def _progress_wanted(args: argparse.Namespace, stderr: IO[str]) -> bool:
    return not args.quiet and _batch(args) and stderr.isatty()


def _convert(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    from ._batch import Selection, find_inputs, plan, run
    from ._report import Report, summary

    if STDIO in args.inputs and not args.source_format:
        msg = "name the format of standard input with --from"
        raise _UsageError(msg)
    if args.inputs.count(STDIO) > 1:
        msg = "standard input can be read only once"
        raise _UsageError(msg)
    find_format(args.target_format).writer()  # a format that cannot be written is a usage error, before any work
    target = _output_target(args)
    selection = Selection(tuple(args.include), tuple(args.exclude), any_file=bool(args.source_format))
    found = find_inputs(args.inputs, selection, skip=target.path if target.folder else None)
    tasks = plan(found, command="convert", source_format=args.source_format, target_format=args.target_format,
                 target=target, read_stdin=stdin.read)
    report = Report("text", stderr, command="convert")
    _drive(run(tasks, jobs=args.jobs), report, stdout, stderr, verb="converted",
           progress=_progress_wanted(args, stderr))
    report.close()
    if _batch(args) and not args.quiet:
        print(summary("convert", report.counts), file=stderr)
    return report.counts.status


def _validate(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    from ._batch import Selection, find_inputs, plan, run
    from ._report import make_report, summary

    if args.inputs.count(STDIO) > 1:
        msg = "standard input can be read only once"
        raise _UsageError(msg)
    schema = None
    if args.schema is not None:
        from .newsml import find_schema

        # a missing --schema is a usage error, before any file is read
        schema = str(find_schema(args.schema))
    selection = Selection(tuple(args.include), tuple(args.exclude), any_file=bool(args.source_format))
    tasks = plan(find_inputs(args.inputs, selection), command="validate", source_format=args.source_format,
                 schema=schema, read_stdin=stdin.read)
    buffer = io.StringIO() if args.output is not None else None
    wrapper = None
    out: IO[str]
    if buffer is not None:
        out = buffer
    elif args.form == "text":
        out = stderr
    else:
        out = wrapper = io.TextIOWrapper(stdout, encoding="utf-8", newline="\n", write_through=True)
    report = make_report(args.form, out, strict=args.strict, command="validate")
    try:
        _drive(run(tasks, jobs=args.jobs), report, stdout, stderr, verb="checked",
               progress=_progress_wanted(args, stderr))
        report.close()
    finally:
        if wrapper is not None:
            wrapper.detach()  # leave standard output open
    if buffer is not None:
        from pathlib import Path

        from .api import write_atomically

        write_atomically(Path(args.output), buffer.getvalue().encode("utf-8"))
    if _batch(args) and not args.quiet:
        print(summary("validate", report.counts), file=stderr)
    return report.counts.status


def _inspect(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    from ._batch import Failure, Input, Task, choose_format, readings
    from ._report import inspection

    data = stdin.read() if args.input == STDIO else None
    item = Input(args.input, args.input)
    chosen = choose_format(item, args.source_format, data)
    task = Task(command="validate", input=item, format=chosen.name, data=data)
    color = args.color == "always" or (args.color == "auto" and stdout.isatty() and not os.environ.get("NO_COLOR"))
    status = EXIT_OK
    for index, found in enumerate(readings(task), 1):
        if isinstance(found, Failure):
            if found.message is not None:
                print(f"communique: error: {found}", file=stderr)
            status = max(status, found.status)
        elif isinstance(found, Diagnostic):
            print(found, file=stderr)
            status = max(status, EXIT_INVALID)
        else:
            title = f"{task.source} #{index}" if chosen.holds_several else task.source
            stdout.write(inspection(found.communique, found.diagnostics, title=title, color=color).encode())
    stdout.flush()
    return status


def _schema(args: argparse.Namespace, stdout: IO[bytes], stderr: IO[str]) -> int:
    if args.schema_format == "download":
        if args.schema_name is None:
            msg = "name the schema to download: schema download newsml-g2"
            raise _UsageError(msg)
        from .newsml import download

        for path in download(base_url=args.base_url):
            print(f"communique: wrote {path}", file=stderr)
        return EXIT_OK
    if args.schema_name is not None or args.base_url is not None:
        msg = "'schema json' takes no schema name and no --base-url"
        raise _UsageError(msg)
    from importlib import resources

    text = resources.files("communique").joinpath("schemas").joinpath("communique-1.schema.json").read_bytes()
    stdout.write(text)
    stdout.flush()
    return EXIT_OK


def _formats(stdout: IO[bytes]) -> int:
    for entry in FORMATS:
        ways = "/".join(w for w, can in (("read", entry.readable), ("write", entry.writable)) if can)
        stdout.write(f"{entry.name:<10} {ways:<11} {' '.join(entry.extensions):<26} {entry.title}\n".encode())
    stdout.flush()
    return EXIT_OK


def run(argv: Sequence[str], stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    """Run the command line with the given arguments and streams; return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            return _convert(args, stdin, stdout, stderr)
        if args.command == "validate":
            return _validate(args, stdin, stdout, stderr)
        if args.command == "inspect":
            return _inspect(args, stdin, stdout, stderr)
        if args.command == "schema":
            return _schema(args, stdout, stderr)
        if args.command == "formats":
            return _formats(stdout)
        parser.print_help(stderr)
        return EXIT_USAGE
    except (_UsageError, FormatError, SourceError) as exc:
        print(f"communique: error: {exc}", file=stderr)
        return EXIT_USAGE
    except CommuniqueError as exc:
        print(f"communique: error: {exc}", file=stderr)
        return EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m communique`` and the ``communique`` script."""
    arguments = sys.argv[1:] if argv is None else argv
    if list(arguments) == ["--version"]:  # the quickest path: no parser to build
        print(f"communique {_version()}")
        return EXIT_OK
    try:
        return run(arguments, sys.stdin.buffer, sys.stdout.buffer, sys.stderr)
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
