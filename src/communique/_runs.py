"""Small operations on inline runs, shared by the readers: merge, trim, cut a prefix off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Emphasis, Hyperlink, Inline, LineBreak, Strong, Text


def merge(runs: Iterable[Inline | str]) -> list[Inline]:
    """Join neighbouring text runs (or plain strings), collapse the blank between them, drop empty markup.

    >>> merge([Text("a "), " b", Strong([])])
    [Text(text='a b')]
    """
    out: list[Inline] = []
    pending: list[str] = []
    for run in runs:
        if isinstance(run, str):
            pending.append(run)
            continue
        if isinstance(run, Text):
            pending.append(run.text)
            continue
        if isinstance(run, (Strong, Emphasis, Hyperlink)) and not run.content:
            continue
        if pending:
            out.append(_text(pending))
            pending = []
        out.append(run)
    if pending:
        out.append(_text(pending))
    return out


def _text(parts: list[str]) -> Text:
    joined = "".join(parts)
    while "  " in joined:
        joined = joined.replace("  ", " ")
    return Text(joined)


def trim(runs: Sequence[Inline]) -> tuple[Inline, ...]:
    """Strip line breaks and blanks at both ends of a run sequence.

    >>> trim([LineBreak(), Text("  Paris ")])
    (Text(text='Paris'),)
    """
    items = list(runs)
    while items and (isinstance(items[0], LineBreak) or (isinstance(items[0], Text) and not items[0].text.strip())):
        items.pop(0)
    while items and (isinstance(items[-1], LineBreak) or (isinstance(items[-1], Text) and not items[-1].text.strip())):
        items.pop()
    if items:
        items[0] = _strip_edge(items[0], start=True)
        items[-1] = _strip_edge(items[-1], start=False)
    return tuple(items)


def _strip_edge(run: Inline, *, start: bool) -> Inline:
    if isinstance(run, Text):
        text = run.text
        if not (text[0] if start else text[-1]).isspace():
            return run
        return Text(text.lstrip() if start else text.rstrip())
    if isinstance(run, (Strong, Emphasis)):
        inner = list(run.content)
        if inner:
            index = 0 if start else -1
            inner[index] = _strip_edge(inner[index], start=start)
        return type(run)(inner)
    return run


def drop_prefix(runs: Sequence[Inline], offset: int) -> tuple[Inline, ...]:
    """The runs after the first *offset* characters of their plain text.

    >>> drop_prefix([Strong([Text("Paris, 3 May —")]), Text(" Acme opened")], 14)
    (Text(text='Acme opened'),)
    """
    out: list[Inline] = []
    for run in runs:
        size = len(run.plain_text)
        if offset >= size:
            offset -= size
            continue
        if offset == 0:
            out.append(run)
            continue
        if isinstance(run, Text):
            out.append(Text(run.text[offset:]))
        elif isinstance(run, Hyperlink):
            rest = drop_prefix(run.content, offset)
            if rest:
                out.append(Hyperlink(rest, url=run.url))
        elif isinstance(run, (Strong, Emphasis)):
            rest = drop_prefix(run.content, offset)
            if rest:
                out.append(type(run)(rest))
        offset = 0
    return trim(out)
