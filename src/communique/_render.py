"""Forms for people: a communiqué as plain text, Markdown or an HTML page.

These writers lay a release out for reading, in the order a press office
prints it: kind label, issuer, dateline and reference, embargo, headline,
subheadline, summary, body, end marker, contacts, boilerplate, links and
attachments. They are not inverses of the readers (native JSON and NewsML-G2
are the lossless forms), but reading their output back finds the same
headline, dateline, body and contacts.

>>> from communique import Communique, Paragraph, Text
>>> release = Communique(headline="Acme opens in Lyon", body=(Paragraph((Text("Doors open at nine."),)),))
>>> print(to_markdown(release).decode(), end="")
# Acme opens in Lyon
<BLANKLINE>
Doors open at nine.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

import attrs

from .model import (
    Block,
    BulletList,
    Communique,
    Contact,
    Emphasis,
    Heading,
    Hyperlink,
    Inline,
    LineBreak,
    OrderedList,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    plain_text,
)

__all__ = ["to_html", "to_markdown", "to_plain_text"]

_CONTACTS: Final = {"fr": "Contacts presse", "de": "Pressekontakt", "es": "Contacto de prensa"}
_LINKS: Final = {"fr": "Liens", "de": "Links", "es": "Enlaces"}
_ATTACHMENTS: Final = {"fr": "Pièces jointes", "de": "Anhänge", "es": "Adjuntos"}
_EMBARGO: Final = {"fr": "Sous embargo", "de": "Sperrfrist", "es": "Embargo"}


def _word(table: dict[str, str], language: str | None, english: str) -> str:
    return table.get((language or "").split("-")[0].lower(), english)


def _head_lines(release: Communique) -> Iterator[str]:
    """The lines printed above the headline, as plain text."""
    if release.kind is not None:
        yield release.kind.label
    if release.issuer is not None:
        yield release.issuer.text or release.issuer.name
    if release.dateline is not None:
        yield release.dateline.text
    if release.reference is not None:
        yield release.reference.text
    if release.embargo is not None:
        yield release.embargo.text or _word(_EMBARGO, release.language, "Embargoed")


def _contact_line(contact: Contact) -> str:
    if contact.text and not (contact.name or contact.phones or contact.emails):
        return contact.text
    parts = [p for p in (contact.name, contact.role, contact.organization) if p]
    parts.extend(contact.phones)
    parts.extend(contact.emails)
    parts.extend(contact.urls)
    return ", ".join(parts)


# Plain text ------------------------------------------------------------------


def _plain_blocks(blocks: Sequence[Block], indent: str = "") -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield indent + plain_text(block.content)
        elif isinstance(block, BulletList | OrderedList):
            start = block.start if isinstance(block, OrderedList) else 1
            lines = []
            for number, item in enumerate(block.items, start):
                mark = f"{number}. " if isinstance(block, OrderedList) else "- "
                lines.append(indent + mark + plain_text(item.content))
                lines.extend(_plain_blocks(item.blocks, indent + "  "))
            yield "\n".join(lines)
        elif isinstance(block, Quote):
            inner = list(_plain_blocks(block.blocks, indent + "> "))
            if block.attribution:
                inner.append(f"{indent}> — {block.attribution}")
            yield "\n".join(inner)
        elif isinstance(block, Table):
            rows = [indent + " | ".join(plain_text(cell.content) for cell in row.cells) for row in block.rows]
            yield "\n".join(([indent + block.caption] if block.caption else []) + rows)


def _plain_parts(release: Communique) -> Iterator[str]:
    head = list(_head_lines(release))
    if head:
        yield "\n".join(head)
    if release.headline:
        yield release.headline
    if release.subheadline:
        yield release.subheadline
    if release.summary:
        yield "\n".join(f"- {line}" for line in release.summary)
    yield from _plain_blocks(release.body)
    if release.unclassified:
        yield "\n".join(release.unclassified)
    if release.end_marker:
        yield release.end_marker
    if release.contacts:
        yield "\n".join([_word(_CONTACTS, release.language, "Press contacts") + ":",
                         *(_contact_line(c) for c in release.contacts)])
    for boilerplate in release.boilerplate:
        yield from ([boilerplate.heading] if boilerplate.heading else [])
        yield from _plain_blocks(boilerplate.blocks)
    if release.links:
        yield "\n".join(link.url if not link.text or link.text == link.url else f"{link.text}: {link.url}"
                        for link in release.links)
    if release.attachments:
        yield "\n".join(a.url if not a.title else f"{a.title}: {a.url}" for a in release.attachments)


def to_plain_text(communique: Communique) -> bytes:
    """*communique* as plain UTF-8 text, paragraphs separated by a blank line.

    >>> from communique import Communique, Dateline
    >>> print(to_plain_text(Communique(headline="Hello", dateline=Dateline(text="Paris, 2 May 2024"))).decode())
    Paris, 2 May 2024
    <BLANKLINE>
    Hello
    <BLANKLINE>

    .. versionadded:: 0.1.0
    """
    parts = [part for part in _plain_parts(communique) if part.strip()]
    return ("\n\n".join(parts) + "\n").encode() if parts else b""


# Markdown --------------------------------------------------------------------

_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>])")
_MD_MARKER: Final = re.compile(r"^(\s*)([#>+-])(?=\s)", re.MULTILINE)
_MD_NUMBER: Final = re.compile(r"^(\s*\d+)([.)])(?=\s)", re.MULTILINE)


def _md_escape(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_NUMBER.sub(r"\1\\\2", _MD_MARKER.sub(r"\1\\\2", escaped))


@attrs.frozen
class _Markup:
    """How a writer prints inline runs: its escape, its line break, and its wrappers around bold, italics, links."""

    escape: Callable[[str], str]
    line_break: str
    emphasis: str  # a format with {}
    strong: str
    link: Callable[[str, str], str]  # (url, content) to the printed link

    def inline(self, runs: Iterable[Inline]) -> str:
        """The runs, printed."""
        out = []
        for run in runs:
            if isinstance(run, Text):
                out.append(self.escape(run.text))
            elif isinstance(run, LineBreak):
                out.append(self.line_break)
            elif isinstance(run, Emphasis):
                out.append(self.emphasis.format(self.inline(run.content)))
            elif isinstance(run, Strong):
                out.append(self.strong.format(self.inline(run.content)))
            elif isinstance(run, Hyperlink):
                out.append(self.link(run.url, self.inline(run.content)))
        return "".join(out)


_MARKDOWN = _Markup(_md_escape, "  \n", "*{}*", "**{}**", lambda url, content: f"[{content}](<{url}>)")
_md_inline = _MARKDOWN.inline


def _md_blocks(blocks: Sequence[Block], indent: str = "") -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield indent + _md_inline(block.content)
        elif isinstance(block, Heading):
            yield indent + "#" * min(block.level, 6) + " " + _md_inline(block.content)
        elif isinstance(block, BulletList | OrderedList):
            lines = []
            start = block.start if isinstance(block, OrderedList) else 1
            for number, item in enumerate(block.items, start):
                mark = f"{number}. " if isinstance(block, OrderedList) else "- "
                lines.append(indent + mark + _md_inline(item.content))
                lines.extend(_md_blocks(item.blocks, indent + " " * len(mark)))
            yield "\n".join(lines)
        elif isinstance(block, Quote):
            inner = "\n\n".join(_md_blocks(block.blocks))
            if block.attribution:
                inner += f"\n\n— {_md_escape(block.attribution)}"
            yield "\n".join(f"{indent}> {line}".rstrip() for line in inner.splitlines())
        elif block.rows:
            width = max(len(row.cells) for row in block.rows)
            rows = [[_md_inline(cell.content).replace("|", r"\|") for cell in row.cells]
                    + [""] * (width - len(row.cells)) for row in block.rows]
            lines = [f"{indent}| " + " | ".join(rows[0]) + " |", f"{indent}|" + " --- |" * width]
            lines.extend(f"{indent}| " + " | ".join(row) + " |" for row in rows[1:])
            yield "\n".join(lines)


def _md_parts(release: Communique) -> Iterator[str]:
    head = list(_head_lines(release))
    if head:
        yield "  \n".join(_md_escape(line) for line in head)
    if release.headline:
        yield "# " + _md_escape(release.headline)
    if release.subheadline:
        yield "## " + _md_escape(release.subheadline)
    if release.summary:
        yield "\n".join(f"- {_md_escape(line)}" for line in release.summary)
    yield from _md_blocks(release.body)
    if release.unclassified:
        yield "\n\n".join(_md_escape(line) for line in release.unclassified)
    if release.end_marker:
        yield _md_escape(release.end_marker)
    if release.contacts:
        yield "**" + _md_escape(_word(_CONTACTS, release.language, "Press contacts")) + "**"
        yield "\n".join(f"- {_md_escape(_contact_line(c))}" for c in release.contacts)
    for boilerplate in release.boilerplate:
        if boilerplate.heading:
            yield "## " + _md_escape(boilerplate.heading)
        yield from _md_blocks(boilerplate.blocks)
    if release.links:
        yield "\n".join(f"- [{_md_escape(link.text or link.url)}](<{link.url}>)" for link in release.links)
    if release.attachments:
        yield "\n".join(f"- [{_md_escape(a.title or a.url)}](<{a.url}>)" for a in release.attachments)


def to_markdown(communique: Communique) -> bytes:
    """*communique* as Markdown (CommonMark), as UTF-8 bytes.

    .. versionadded:: 0.1.0
    """
    parts = [part for part in _md_parts(communique) if part.strip()]
    return ("\n\n".join(parts) + "\n").encode() if parts else b""


# HTML ------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


_HTML = _Markup(_esc, "<br>", "<em>{}</em>", "<strong>{}</strong>",
                lambda url, content: f'<a href="{_esc(url)}">{content}</a>')
_html_inline = _HTML.inline


def _html_blocks(blocks: Sequence[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield f"<p>{_html_inline(block.content)}</p>"
        elif isinstance(block, Heading):
            level = min(max(block.level, 2), 6)
            yield f"<h{level}>{_html_inline(block.content)}</h{level}>"
        elif isinstance(block, BulletList | OrderedList):
            tag = "ol" if isinstance(block, OrderedList) else "ul"
            start = f' start="{block.start}"' if isinstance(block, OrderedList) and block.start != 1 else ""
            items = "".join(f"<li>{_html_inline(item.content)}{''.join(_html_blocks(item.blocks))}</li>"
                            for item in block.items)
            yield f"<{tag}{start}>{items}</{tag}>"
        elif isinstance(block, Quote):
            cite = f"<footer>{_esc(block.attribution)}</footer>" if block.attribution else ""
            yield f"<blockquote>{''.join(_html_blocks(block.blocks))}{cite}</blockquote>"
        elif isinstance(block, Table):
            caption = f"<caption>{_esc(block.caption)}</caption>" if block.caption else ""
            rows = "".join(
                "<tr>" + "".join(
                    f"<{'th' if cell.header else 'td'}>{_html_inline(cell.content)}</{'th' if cell.header else 'td'}>"
                    for cell in row.cells) + "</tr>"
                for row in block.rows)
            yield f"<table>{caption}{rows}</table>"


def _html_parts(release: Communique) -> Iterator[str]:
    # Pages print the label and issuer above the title, the dateline below it.
    above = [line for line in (release.kind.label if release.kind else None,
                               (release.issuer.text or release.issuer.name) if release.issuer else None) if line]
    below = [line for line in _head_lines(release) if line not in above]
    yield from (f'<p class="head">{_esc(line)}</p>' for line in above)
    if release.headline:
        yield f"<h1>{_esc(release.headline)}</h1>"
    if release.subheadline:
        yield f'<p class="subheadline"><strong>{_esc(release.subheadline)}</strong></p>'
    yield from (f'<p class="head">{_esc(line)}</p>' for line in below)
    if release.summary:
        yield '<ul class="summary">' + "".join(f"<li>{_esc(line)}</li>" for line in release.summary) + "</ul>"
    yield from _html_blocks(release.body)
    yield from (f"<p>{_esc(line)}</p>" for line in release.unclassified)
    if release.end_marker:
        yield f'<p class="end">{_esc(release.end_marker)}</p>'
    if release.contacts:
        yield (f'<section class="contacts"><h2>{_esc(_word(_CONTACTS, release.language, "Press contacts"))}</h2>'
               + "".join(f"<address>{_esc(_contact_line(c))}</address>" for c in release.contacts) + "</section>")
    for boilerplate in release.boilerplate:
        heading = f"<h2>{_esc(boilerplate.heading)}</h2>" if boilerplate.heading else ""
        yield f'<section class="boilerplate">{heading}{"".join(_html_blocks(boilerplate.blocks))}</section>'
    if release.links:
        yield ('<ul class="links">' + "".join(f'<li><a href="{_esc(link.url)}">{_esc(link.text or link.url)}</a></li>'
                                              for link in release.links) + "</ul>")
    if release.attachments:
        yield ('<ul class="attachments">' + "".join(f'<li><a href="{_esc(a.url)}">{_esc(a.title or a.url)}</a></li>'
                                                    for a in release.attachments) + "</ul>")


def to_html(communique: Communique) -> bytes:
    """*communique* as a complete HTML5 page, as UTF-8 bytes.

    >>> from communique import Communique
    >>> "<h1>Café &amp; cie</h1>" in to_html(Communique(headline="Café & cie", language="fr")).decode()
    True

    .. versionadded:: 0.1.0
    """
    language = f' lang="{_esc(communique.language)}"' if communique.language else ""
    title = _esc(communique.headline or "")
    body = "\n".join(_html_parts(communique))
    page = (f"<!DOCTYPE html>\n<html{language}>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n"
            f"</head>\n<body>\n<article>\n{body}\n</article>\n</body>\n</html>\n")
    return page.encode()
