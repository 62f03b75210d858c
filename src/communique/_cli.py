"""The command line: ``python -m communique`` and the ``communique`` script.

:func:`main` only wires arguments, files and exit codes; the work is done by
the public API. Exit codes: 0 success, 1 invalid input, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, NoReturn

from .diagnostics import Diagnostic
from .exceptions import CommuniqueError, FormatError, ParseError, SourceError, StructureError
from .formats import FORMATS, Format, find_format, guess_format
from .vocabulary import Severity

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

STDIO = "-"
STDIN_NAME = "<stdin>"


class _UsageError(Exception):
    """Bad command-line usage, reported with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _version() -> str:
    from importlib.metadata import version

    return version("communique")


def _build_parser() -> argparse.ArgumentParser:
    names = [f.name for f in FORMATS]
    parser = _Parser(
        prog="communique",
        description="Read press releases into typed data and write them in the news industry's formats.",
        epilog="Exit codes: 0 success, 1 invalid input, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser(
        "convert",
        help="convert a release from one format to another",
        description="Convert a release from one format to another. "
        "The input format is guessed from the file extension unless --from names it.",
    )
    convert.add_argument("input", metavar="INPUT", help="a file, or - for standard input")
    convert.add_argument("--from", dest="source_format", choices=names, metavar="FORMAT",
                         help=f"input format ({', '.join(names)})")
    convert.add_argument("--to", dest="target_format", choices=names, metavar="FORMAT", required=True,
                         help=f"output format ({', '.join(names)})")
    convert.add_argument("-o", "--output", default=STDIO, metavar="OUTPUT",
                         help="output file (written atomically), or - for standard output (the default)")

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

    validate = commands.add_parser(
        "validate", help="check NewsML-G2 files",
        description="Check NewsML-G2 files with communique's own rules and, when the IPTC schema is found "
        "(--schema, $COMMUNIQUE_NEWSML_SCHEMA, or the cache filled by 'schema download newsml-g2'), "
        "against the XSD. Prints file:line:col: severity: code: message lines.")
    validate.add_argument("inputs", nargs="+", metavar="FILE", help="a file, or - for standard input")
    validate.add_argument("--schema", metavar="PATH",
                          help="the NewsML-G2 XSD file, or the folder that holds it next to xml.xsd")

    commands.add_parser("formats", help="list the formats communique reads and writes",
                        description="List the formats communique reads and writes.")
    return parser


def _read_input(name: str, stdin: IO[bytes]) -> tuple[bytes, str]:
    if name == STDIO:
        return stdin.read(), STDIN_NAME
    try:
        return Path(name).read_bytes(), name
    except OSError as exc:
        msg = f"{name}: cannot read: {exc.strerror or exc}"
        raise SourceError(msg) from exc


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def diagnostics_of(exc: ParseError | StructureError) -> list[Diagnostic]:
    """Diagnostics for a reading error, one per problem."""
    if isinstance(exc, ParseError):
        message = f"{exc.message}: {exc.text!r}" if exc.text else exc.message
        return [Diagnostic(severity=Severity.ERROR, code="syntax", message=message,
                           source=exc.source, line=exc.line, column=exc.column)]
    return [Diagnostic(severity=Severity.ERROR, code="structure", message=message, source=exc.source, path=path)
            for path, message in exc.problems]


def _convert(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    from .api import write_atomically

    if args.input == STDIO and not args.source_format:
        msg = "name the format of standard input with --from"
        raise _UsageError(msg)
    source_format: Format = find_format(args.source_format) if args.source_format else guess_format(args.input)
    target_format = find_format(args.target_format)
    if STDIO not in (args.output, args.input) and _same_file(args.input, args.output):
        msg = f"{args.output}: refusing to overwrite the input"
        raise _UsageError(msg)
    data, source = _read_input(args.input, stdin)
    try:
        reading = source_format.reader()(data, source=source)
    except (ParseError, StructureError) as exc:
        for diagnostic in diagnostics_of(exc):
            print(diagnostic, file=stderr)
        return EXIT_INVALID
    for diagnostic in reading.diagnostics:
        print(diagnostic, file=stderr)
    output = target_format.writer()(reading.communique)
    if args.output == STDIO:
        stdout.write(output)
        stdout.flush()
    else:
        write_atomically(Path(args.output), output)
    return EXIT_OK


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


def _validate(args: argparse.Namespace, stdin: IO[bytes], stderr: IO[str]) -> int:
    from .newsml import find_schema, validate_newsml

    schema = find_schema(args.schema)  # a missing --schema is a usage error, before any file is read
    invalid = False
    for name in args.inputs:
        data, source = _read_input(name, stdin)
        for diagnostic in validate_newsml(data, schema=schema, source=source):
            print(diagnostic, file=stderr)
            invalid = invalid or diagnostic.severity is Severity.ERROR
    return EXIT_INVALID if invalid else EXIT_OK


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
        if args.command == "schema":
            return _schema(args, stdout, stderr)
        if args.command == "validate":
            return _validate(args, stdin, stderr)
        if args.command == "formats":
            return _formats(stdout)
        parser.print_help(stderr)
        return EXIT_USAGE
    except (_UsageError, FormatError) as exc:
        print(f"communique: error: {exc}", file=stderr)
        return EXIT_USAGE
    except SourceError as exc:
        print(f"communique: error: {exc}", file=stderr)
        return EXIT_USAGE
    except CommuniqueError as exc:
        print(f"communique: error: {exc}", file=stderr)
        return EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m communique`` and the ``communique`` script."""
    try:
        return run(sys.argv[1:] if argv is None else argv, sys.stdin.buffer, sys.stdout.buffer, sys.stderr)
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
