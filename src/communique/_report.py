"""How the command line shows what it found: diagnostics in four forms, progress, summaries, inspections.

A :class:`Report` takes the findings of one input after another and writes
them as they come: ``text`` lines (``file:line:col: severity: code:
message``), one ``json`` document, GitHub Actions workflow commands
(``::error file=...,line=...,col=...::``), or JUnit XML in the Jenkins/Ant
shape, with one test case per input. Only JUnit keeps something until the
end (the counts go in the opening tag), and it keeps it in a spooled
temporary file, not in memory.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable, Sequence
from typing import IO, Final, Literal
from xml.sax.saxutils import escape, quoteattr

import attrs

from ._batch import Failure
from .diagnostics import Diagnostic
from .model import Communique, plain_text
from .vocabulary import Severity

__all__ = ["FORMS", "Counts", "Progress", "Report", "github_line", "inspection", "make_report"]

#: The forms that ``validate --format`` offers.
FORMS: Final = ("text", "json", "github", "junit")
Form = Literal["text", "json", "github", "junit"]


@attrs.define
class Counts:
    """What a run found, for the summary and the exit code."""

    files: int = 0
    failed_files: int = 0
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    written: int = 0
    status: int = 0

    def add(self, diagnostic: Diagnostic) -> None:
        """Count *diagnostic*."""
        if diagnostic.severity is Severity.ERROR:
            self.errors += 1
        elif diagnostic.severity is Severity.WARNING:
            self.warnings += 1
        else:
            self.notes += 1


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def summary(command: str, counts: Counts) -> str:
    """The one-line summary of a run.

    >>> summary("validate", Counts(files=3, failed_files=1, errors=2, warnings=1))
    'communique: checked 3 files: 2 errors, 1 warning; 1 file failed'
    """
    if command == "convert":
        head = f"communique: converted {_plural(counts.files - counts.failed_files, 'file')}"
        head += f" into {_plural(counts.written, 'output')}" if counts.written else ""
    else:
        head = f"communique: checked {_plural(counts.files, 'file')}"
    found = ", ".join(_plural(n, w) for n, w in ((counts.errors, "error"), (counts.warnings, "warning")) if n)
    tail = f"; {_plural(counts.failed_files, 'file')} failed" if counts.failed_files else ""
    return f"{head}: {found or 'no problems'}{tail}"


# Forms -------------------------------------------------------------------------


def _failure_diagnostic(failure: Failure) -> Diagnostic:
    return Diagnostic(severity=Severity.ERROR, code="file-error", message=failure.message or "", source=failure.source)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_line(diagnostic: Diagnostic) -> str:
    """*diagnostic* as a GitHub Actions workflow command, which annotates the file in a pull request.

    >>> d = Diagnostic(severity="error", code="feed-id-duplicate", message="seen twice", source="a.rss", line=4)
    >>> github_line(d)
    '::error file=a.rss,line=4,title=feed-id-duplicate::seen twice'
    """
    properties = [f"file={_escape_property(diagnostic.source or '<input>')}"]
    if diagnostic.line is not None:
        properties.append(f"line={diagnostic.line}")
        if diagnostic.column is not None:
            properties.append(f"col={diagnostic.column}")
    properties.append(f"title={_escape_property(diagnostic.code)}")
    where = f"{diagnostic.path}: " if diagnostic.path else ""
    return f"::{_GITHUB_LEVEL[diagnostic.severity]} {','.join(properties)}::{_escape_data(where + diagnostic.message)}"


def _as_json(diagnostic: Diagnostic) -> dict[str, object]:
    fields = {"file": diagnostic.source, "line": diagnostic.line, "column": diagnostic.column,
              "severity": str(diagnostic.severity), "code": diagnostic.code, "message": diagnostic.message,
              "path": diagnostic.path}
    return {key: value for key, value in fields.items() if value is not None}


class Report:
    """Writes the findings of a run in one of the :data:`FORMS`.

    *out* receives the report; in the ``text`` form it is standard error,
    where the lines of a failure read ``communique: error: file: message``.
    """

    def __init__(self, form: Form, out: IO[str], *, strict: bool = False, command: str = "validate") -> None:
        self.form = form
        self.out = out
        self.strict = strict
        self.command = command
        self.counts = Counts()
        self._first = True
        self._case: list[str] = []
        self._failing = False
        self._first_failing: str | None = None
        self._spool: IO[str] | None = None
        if form == "json":
            out.write('{"diagnostics": [')
        elif form == "junit":
            self._spool = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")  # noqa: SIM115

    def fails(self, diagnostic: Diagnostic) -> bool:
        """Whether *diagnostic* fails the run: an error, or a warning under ``--strict``."""
        return diagnostic.severity is Severity.ERROR or (self.strict and diagnostic.severity is Severity.WARNING)

    def diagnostic(self, diagnostic: Diagnostic) -> None:
        """Report one diagnostic."""
        self.counts.add(diagnostic)
        if self.fails(diagnostic):
            self._failing = True
            self._first_failing = self._first_failing or str(diagnostic)
        if self.form == "text":
            self.out.write(f"{diagnostic}\n")
        elif self.form == "github":
            self.out.write(github_line(diagnostic) + "\n")
        elif self.form == "json":
            self.out.write(("\n  " if self._first else ",\n  ") + json.dumps(_as_json(diagnostic), ensure_ascii=False))
            self._first = False
        else:
            self._case.append(str(diagnostic))

    def failure(self, failure: Failure) -> None:
        """Report an input that could not be processed."""
        self._failing = True
        self.counts.status = max(self.counts.status, failure.status)
        if failure.message is None:
            return
        if self.form == "text":
            self.out.write(f"communique: error: {failure}\n")
        else:
            self.diagnostic(_failure_diagnostic(failure))

    def end_file(self, source: str) -> None:
        """Close the findings of the input *source*."""
        self.counts.files += 1
        if self._failing:
            self.counts.failed_files += 1
            self.counts.status = max(self.counts.status, 1)
        if self._spool is not None:
            self._spool.write(_testcase(source, self._case, failing=self._failing, first=self._first_failing))
        self._case = []
        self._failing = False
        self._first_failing = None

    def close(self) -> None:
        """Finish the report."""
        counts = self.counts
        if self.form == "json":
            totals = {"files": counts.files, "failed_files": counts.failed_files, "errors": counts.errors,
                      "warnings": counts.warnings}
            self.out.write(("\n" if not self._first else "") + '], "summary": ' + json.dumps(totals) + "}\n")
        elif self._spool is not None:
            name = quoteattr(f"communique {self.command}")
            numbers = f'tests="{counts.files}" failures="{counts.failed_files}" errors="0"'
            self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            self.out.write(f"<testsuites name={name} {numbers}>\n")
            self.out.write(f'  <testsuite name={name} {numbers} skipped="0" time="0">\n')
            self._spool.seek(0)
            while block := self._spool.read(1 << 16):
                self.out.write(block)
            self._spool.close()
            self.out.write("  </testsuite>\n</testsuites>\n")
        self.out.flush()


def _testcase(source: str, lines: Sequence[str], *, failing: bool, first: str | None) -> str:
    head = f'    <testcase classname="communique" name={quoteattr(source)} file={quoteattr(source)} time="0"'
    text = escape("\n".join(lines))
    if failing:
        message = quoteattr(first or (lines[0] if lines else f"{source}: failed"))
        return f'{head}>\n      <failure message={message} type="communique">{text}</failure>\n    </testcase>\n'
    if lines:
        return f"{head}>\n      <system-out>{text}</system-out>\n    </testcase>\n"
    return f"{head}/>\n"


def make_report(form: str, out: IO[str], *, strict: bool = False, command: str = "validate") -> Report:
    """A :class:`Report` in *form*, one of :data:`FORMS`."""
    if form not in FORMS:
        msg = f"unknown report form {form!r}"
        raise ValueError(msg)
    return Report(form, out, strict=strict, command=command)  # type: ignore[arg-type]  # checked just above


# Progress -----------------------------------------------------------------------


class Progress:
    """A one-line progress display on a terminal, redrawn at most ten times a second."""

    def __init__(self, out: IO[str], verb: str) -> None:
        self.out = out
        self.verb = verb
        self.shown = False
        self._last = 0.0

    def update(self, done: int, source: str) -> None:
        """Show that *done* inputs are processed, the last being *source*."""
        now = time.monotonic()
        if now - self._last < 0.1:
            return
        self._last = now
        line = f"communique: {self.verb} {done:,} files  {source}"
        self.out.write("\r" + line[:79].ljust(79))
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        """Take the progress line away, before other output or at the end."""
        if self.shown:
            self.out.write("\r" + " " * 79 + "\r")
            self.out.flush()
            self.shown = False


# Inspect -----------------------------------------------------------------------

_COLORS: Final = {"label": "1", "error": "31", "warning": "33", "info": "36", "dim": "2"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


def _fields(release: Communique) -> Iterable[tuple[str, str]]:
    yield "language", release.language or ""
    yield "kind", release.kind.label if release.kind else ""
    if release.issuer:
        yield "issuer", ", ".join(p for p in (release.issuer.name, release.issuer.title, release.issuer.organization)
                                  if p)
    if release.dateline:
        read = ", ".join(str(p) for p in (release.dateline.place, release.dateline.date) if p)
        yield "dateline", release.dateline.text + (f"  ({read})" if read else "")
    if release.reference:
        yield "reference", release.reference.number
    if release.embargo:
        yield "embargo", release.embargo.until.isoformat() if release.embargo.until else release.embargo.text
    yield "headline", release.headline or ""
    if release.subheadline:
        yield "subheadline", release.subheadline
    words = sum(len(plain_text(getattr(b, "content", ())).split()) for b in release.body)
    yield "body", f"{_plural(len(release.body), 'block')}, {_plural(words, 'word')} in paragraphs and headings"
    for index, contact in enumerate(release.contacts):
        parts = [p for p in (contact.name, contact.role, contact.organization) if p]
        parts.extend((*contact.phones, *contact.emails))
        yield ("contacts" if index == 0 else ""), ", ".join(parts) or (contact.text or "")
    if release.links:
        yield "links", _plural(len(release.links), "link")
    if release.boilerplate:
        yield "boilerplate", ", ".join(b.heading or "(untitled)" for b in release.boilerplate)
    if release.unclassified:
        yield "unclassified", _plural(len(release.unclassified), "line")


def inspection(release: Communique, diagnostics: Sequence[Diagnostic], *, title: str, color: bool) -> str:
    """A summary of *release* for people: its fields, then what the reader had to say.

    >>> print(inspection(Communique(headline="Hi", language="en"), [], title="hi.txt", color=False), end="")
    hi.txt
      language     en
      kind         —
      headline     Hi
      body         0 blocks, 0 words in paragraphs and headings
      diagnostics  none
    """
    lines = [_paint(title, "label", color)]
    for name, value in _fields(release):
        shown = value or _paint("—", "dim", color)
        lines.append(f"  {_paint(name.ljust(12), 'label', color)} {shown}")
    if not diagnostics:
        lines.append(f"  {_paint('diagnostics'.ljust(12), 'label', color)} none")
    else:
        lines.append(f"  {_paint('diagnostics', 'label', color)}")
        for diagnostic in diagnostics:
            severity = str(diagnostic.severity)
            painted = _paint(severity, severity, color)
            lines.append("    " + str(diagnostic).replace(f": {severity}: ", f": {painted}: ", 1))
    return "\n".join(lines) + "\n"
