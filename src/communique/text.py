"""The plain-text and Markdown-ish reader: e-mails, wire copy, PDFs turned into text.

:func:`parse_text` reads a release into a :class:`~communique.Communique`
through a chain of small stages that carry line numbers along:

1. bytes to text (byte-order marks, UTF-8, UTF-16, cp1252 with a warning);
2. front matter (YAML between ``---`` lines, or ``key=value`` lines closed
   by ``~~~~``), mapped onto fields, the rest kept as metadata;
3. lines to blocks: headings, lists, quotes, tables, rules, and paragraphs
   whose hard-wrapped lines are joined back;
4. the head (issuer header, kind label, links, dateline, reference,
   embargo, headline, subheadline), the body, and the tail (contacts,
   "About X" sections, end marker, page furniture), recognised by the
   language cues shared with the HTML reader.

Text that no field claims goes to ``unclassified``: nothing is lost. A value
that cannot be read exactly is left out, with a diagnostic.

>>> reading = parse_text('''Communiqué de presse
...
... Lyon, le 3 mars 2025
...
... # Acme ouvre une usine
...
... Acme a ouvert aujourd'hui une usine de 200 salariés à Lyon, a annoncé la direction.
...
... Contact presse : Jeanne Exemple, 04 00 00 00 00
... ''')
>>> release = reading.communique
>>> release.language, release.kind.label, release.headline, release.dateline.date.isoformat()
('fr', 'Communiqué de presse', 'Acme ouvre une usine', '2025-03-03')
>>> release.contacts[0].name, release.contacts[0].phones_e164
('Jeanne Exemple', ('+33400000000',))
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Sequence
from typing import Any

import attrs

from . import _recognize as rec
from . import dates
from ._classify import (
    SENTENCE_END,
    Opening,
    Parts,
    add_contacts,
    body_like,
    choose_issuer,
    headline_again,
    information_contacts,
    printed_heading,
    read_tail,
    repeats_headline,
    words,
)
from ._contacts import e164, emails_in, looks_like_name, phones_in
from ._decode import decode
from ._inline import Collected, normalize_space, parse_inline
from ._runs import drop_prefix, merge, trim
from .cues import detect_language
from .dates import parse_date, parse_timestamp
from .diagnostics import Diagnostic
from .model import (
    Attachment,
    Block,
    Boilerplate,
    BulletList,
    Contact,
    Dateline,
    Heading,
    Inline,
    Issuer,
    Kind,
    LineBreak,
    ListItem,
    MetaField,
    OrderedList,
    Paragraph,
    Provenance,
    Quote,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
)
from .reading import Reading
from .vocabulary import Severity

__all__ = ["parse_text", "read"]

#: Inputs larger than this are refused: a release is a few pages, not a book.
MAX_BYTES = 64 * 1024 * 1024

_LANGUAGE_NAMES = {
    "french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en", "german": "de",
    "deutsch": "de", "allemand": "de", "spanish": "es", "español": "es", "espanol": "es", "espagnol": "es",
}
_TERMINAL = ".!?…:;\"”»)’'"

# --------------------------------------------------------------------------
# The recognition layer, remembered: the stages below ask the same questions
# about the same lines many times; each answer is a pure function of them.

_match_label = functools.lru_cache(maxsize=8192)(rec.match_label)
_match_reference = functools.lru_cache(maxsize=8192)(rec.match_reference)
_match_contact_heading = functools.lru_cache(maxsize=8192)(rec.match_contact_heading)
_match_boilerplate_heading = functools.lru_cache(maxsize=8192)(rec.match_boilerplate_heading)
_is_end_marker = functools.lru_cache(maxsize=8192)(rec.is_end_marker)
_match_embargo = functools.lru_cache(maxsize=8192)(rec.match_embargo)
_match_dateline = functools.lru_cache(maxsize=8192)(functools.partial(rec.match_dateline, allow_site=True))
_is_label_line = functools.lru_cache(maxsize=8192)(rec.is_label_line)


@functools.lru_cache(maxsize=8192)
def _parsed(text: str) -> tuple[tuple[Inline, ...], tuple[tuple[str, str | None], ...], tuple[Attachment, ...]]:
    """Inline *text* read once: its runs, and the links and attachments it names.

    The stages read the same lines for their visible text and for their runs
    (a line's links belong to the release whatever the line turns out to be).
    """
    collected = Collected()
    runs = parse_inline(text, collected)
    return runs, tuple(collected.texts.items()), tuple(collected.attachments)


def _inline(text: str, collected: Collected) -> tuple[Inline, ...]:
    """:func:`~communique._inline.parse_inline`, remembered: the links and attachments go to *collected* each time."""
    runs, links, attachments = _parsed(text)
    for url, shown in links:
        collected.link(url, shown)
    collected.attachments.extend(attachments)
    return runs


@functools.lru_cache(maxsize=8192)
def _visible(text: str) -> str:
    """The visible text of Markdown-ish *text*: markup removed, blanks collapsed, ends stripped."""
    return normalize_space(plain_text(_parsed(text)[0])).strip()


_REMEMBERED = (_match_label, _match_reference, _match_contact_heading, _match_boilerplate_heading, _is_end_marker,
               _match_embargo, _match_dateline, _is_label_line, _parsed, _visible)


def _forget() -> None:
    """Start each document with empty memories: they serve one reading, and never grow without bound."""
    for remembered in _REMEMBERED:
        remembered.cache_clear()

# --------------------------------------------------------------------------
# Stage 2: front matter


@attrs.frozen
class _FrontMatter:
    values: dict[str, Any]
    lines: int  # how many lines it spans, closing fence included
    text: str


def _front_matter(text: str, source: str | None, found: list[Diagnostic]) -> _FrontMatter | None:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and lines[start].strip() == "---":
        for end in range(start + 1, min(len(lines), start + 400)):
            if lines[end].strip() in {"---", "..."}:
                raw = "\n".join(lines[start + 1 : end])
                return _yaml(raw, end + 1, source, found)
        return None
    # key=value lines closed by a line of tildes (JBake and similar site generators)
    for end in range(start, min(len(lines), start + 60)):
        line = lines[end].strip()
        if re.fullmatch(r"~{3,}", line) and end > start:
            pairs = [lines[i].partition("=") for i in range(start, end) if lines[i].strip()]
            if all(sep and re.fullmatch(r"[\w.-]+", key.strip()) for key, sep, _ in pairs):
                return _FrontMatter({k.strip(): v.strip() for k, _, v in pairs}, end + 1,
                                    "\n".join(lines[start:end]))
            return None
        if not re.fullmatch(r"[\w.-]+=.*", line):
            return None
    return None


def _yaml(raw: str, lines: int, source: str | None, found: list[Diagnostic]) -> _FrontMatter | None:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        values = yaml.load(raw, Loader=loader)  # noqa: S506 - a safe loader, chosen above
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        found.append(Diagnostic(
            severity=Severity.WARNING, code="front-matter-invalid",
            message=f"the YAML front matter cannot be read ({getattr(exc, 'problem', None) or exc}); kept as text",
            source=source, line=(mark.line + 2) if mark else 1, column=(mark.column + 1) if mark else None,
        ))
        return _FrontMatter({}, lines, raw)
    if not isinstance(values, dict):
        return _FrontMatter({}, lines, raw)
    return _FrontMatter({str(k): v for k, v in values.items()}, lines, raw)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


# --------------------------------------------------------------------------
# Stage 3: lines to blocks


@attrs.define
class _Block:
    """A block of source lines: a paragraph, heading, list item, quote, table row, rule."""

    kind: str
    line: int
    lines: list[str]
    level: int = 0
    ordered: bool = False
    start: int = 1
    indent: int = 0
    breaks: list[bool] = attrs.Factory(list)
    # The visible text is asked for many times and costs a parse: kept once made.
    shown: str | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def text(self) -> str:
        return " ".join(part.strip() for part in self.lines)

    @property
    def visible(self) -> str:
        if self.shown is None:
            self.shown = _visible(self.text)
        return self.shown

    @property
    def addresses(self) -> tuple[str, ...]:
        """None: a text line prints the addresses it names."""
        return ()


_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|(?=[*_\[]))(.*?)[ \t#]*$")
_BULLET = re.compile(r"([ \t]*)([-*+•▪◦●–]|\d{1,3}[.)])[ \t]+(\S.*)")
_RULE = re.compile(r"[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,}|~{3,})")
_TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*")


def _wrap_width(lines: Sequence[str]) -> int:
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) > 40)
    if not lengths:
        return 80
    return lengths[int(len(lengths) * 0.9) - (1 if len(lengths) > 1 else 0)]


def _information_contacts(text: str, blocks: Sequence[_Block], index: int) -> bool:
    """Whether a "more information" heading at *index* heads contacts: a text file prints a line a block."""
    for following in blocks[index + 1 : index + 4]:
        if information_contacts(text, following):
            return True
        if not _is_short(following):
            return False
    return False


def _dateline_alone(line: str) -> bool:
    """Whether the line is a dateline that names a place and nothing else."""
    stripped = line.strip()
    found = _match_dateline(stripped, None) if stripped else None
    return found is not None and found.dateline.place is not None and not stripped[found.end:].strip()


def _opens_with_date(line: str) -> bool:
    """Whether the line opens with a date: ``6. Mai 2024`` is a German date, not the sixth item of a list."""
    return next(dates._iter_dates(line, before=1), None) is not None


def _opens_dateline(text: str) -> bool:
    found = _match_dateline(text, None)
    return found is not None and found.dateline.place is not None


def _continues(line: str, following: str, width: int) -> bool:
    """Whether *following* carries on the paragraph that *line* belongs to (a hard-wrapped line)."""
    current = line.strip()
    nxt = following.strip()
    if not current or not nxt:
        return False
    if nxt[0] in ".,;:)]»”" or (len(current) > 1 and current.endswith(("-", "/")) and not current.endswith(" -")):
        return True
    if _is_label_line(nxt, None) or ((nxt[0] == "(" or nxt[0].isupper()) and (
        _opens_dateline(nxt) or rec.match_place_opening(nxt, None)
    )):
        return False
    long_line = len(current) >= 0.7 * width
    open_end = current[-1] not in _TERMINAL
    phone_next = re.match(r"\(?\+?\d", nxt) is not None and bool(phones_in(nxt[:40]))
    lower_next = nxt[0].islower() or (phone_next and current[-1].isalpha() and (not long_line or open_end))
    if lower_next and (open_end or long_line):
        return True
    return open_end and long_line and len(nxt) > 3


_SENTENCE_GAP = re.compile(r"(?<=[.!?\"”])( +)(?=[A-ZÀ-Þ“\"])")
_SECTION_GAP = re.compile(r"(?<=[^.!?\"” ])( {2,})(?=(?:Contacts?|Media Contact|Press Contact|About|À propos|Über|"
                          r"Acerca|Kontakt|Contacto|Pressekontakt)\b)")


def _unflatten(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Split lines where a web page's paragraphs were flattened into one, two spaces apart.

    Typewriter-style text puts two spaces after every sentence; a flattened
    page puts them only between paragraphs. Only the second is split.
    """
    out: list[tuple[int, str]] = []
    for number, line in lines:
        if len(line) < 300:
            out.append((number, line))
            continue
        gaps = list(_SENTENCE_GAP.finditer(line))
        wide = [m for m in gaps if len(m.group(1)) >= 2] + list(_SECTION_GAP.finditer(line))
        wide.sort(key=lambda m: m.start())
        if not wide or len(wide) > 0.5 * len(gaps):
            out.append((number, line))
            continue
        start = 0
        for gap in wide:
            out.append((number, line[start : gap.start()]))
            out.append((number, ""))
            start = gap.end()
        out.append((number, line[start:]))
    return out


_PAGE_FURNITURE = re.compile(
    r"\s*(?:(?:page|seite|página|pagina|p\.)\s*\d{1,4}(?:\s*(?:of|de|sur|von|/)\s*\d{1,4})?"
    r"|-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4})\s*",
    re.IGNORECASE,
)


def _furniture(lines: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[str]]:
    """Take page furniture out of the lines: page numbers, short lines repeated on every page, skip links.

    Page breaks from PDF conversion fall in the middle of paragraphs; with the
    furniture out of the way the paragraph's lines join up again.
    """
    counts: dict[str, int] = {}
    for _, line in lines:
        key = line.strip()
        if 8 <= len(key) <= 120:
            counts[key] = counts.get(key, 0) + 1
    pages = sum(1 for _, line in lines if _PAGE_FURNITURE.fullmatch(line) and line.strip())
    kept: list[tuple[int, str]] = []
    removed: list[str] = []
    for number, line in lines:
        key = line.strip()
        if _is_end_marker(key, None):  # "-30-" ends a release; it numbers no page
            kept.append((number, line))
            continue
        if (key and _PAGE_FURNITURE.fullmatch(line)) or (pages and counts.get(key, 0) >= 2 and words(key) <= 12) or (
            len(key) <= 40 and rec.is_skip_link(key)
        ):
            removed.append(key)
            continue
        kept.append((number, line))
    return kept, removed


def _blocks(lines: Sequence[tuple[int, str]]) -> list[_Block]:
    lines = _unflatten(lines)
    width = _wrap_width([text for _, text in lines])
    blocks: list[_Block] = []
    paragraph: _Block | None = None
    for index, (number, raw) in enumerate(lines):
        hard = raw.endswith(("  ", "\\")) or raw.rstrip().lower().endswith(("<br>", "<br/>", "<br />"))
        line = raw.rstrip()
        line = line.removesuffix("\\")
        stripped = line.strip()
        if not stripped:
            paragraph = None
            continue
        heading = _HEADING.fullmatch(stripped)
        # "- Ende -" and "###" are end markers, not a list item or an empty heading.
        bullet = None if _is_end_marker(stripped, None) else _BULLET.fullmatch(line)
        if heading and heading.group(2).strip() and not _is_end_marker(stripped, None):
            paragraph = None
            blocks.append(_Block("heading", number, [heading.group(2)], level=len(heading.group(1))))
            continue
        if _RULE.fullmatch(line) and not bullet:
            paragraph = None
            blocks.append(_Block("rule", number, [stripped]))
            continue
        if _TABLE_ROW.fullmatch(line):
            paragraph = None
            kind = "table_rule" if _TABLE_RULE.fullmatch(line) else "table_row"
            blocks.append(_Block(kind, number, [stripped]))
            continue
        if stripped.startswith(">"):
            paragraph = None
            blocks.append(_Block("quote", number, [re.sub(r"^>\s?", "", stripped)]))
            continue
        if bullet and bullet.group(2) in {"-", "–"} and index and _dateline_alone(lines[index - 1][1]):
            # "(Miami – July 30, 2024)", then "– State Attorney …": the dash separates the dateline from the text.
            line = bullet.group(1) + bullet.group(3)
            bullet = None
        if bullet and not (bullet.group(2)[0].isdigit() and (
            re.fullmatch(r"\d{4}[.)]", bullet.group(2)) or _opens_with_date(stripped)
        )):
            paragraph = None
            marker = bullet.group(2)
            ordered = marker[0].isdigit()
            blocks.append(_Block("item", number, [bullet.group(3)], ordered=ordered,
                                 start=int(marker[:-1]) if ordered else 1,
                                 indent=len(bullet.group(1).expandtabs(4))))
            continue
        if paragraph is not None and blocks and blocks[-1] is paragraph and not paragraph.breaks[-1] and _continues(
            paragraph.lines[-1], line, width,
        ):
            paragraph.lines.append(line)
            paragraph.breaks.append(hard)
            paragraph.shown = None
            continue
        if paragraph is None and blocks and blocks[-1].kind == "item" and index and lines[index - 1][1].strip() and (
            raw.startswith((" ", "\t")) or _continues(blocks[-1].lines[-1], line, width)
        ):
            blocks[-1].lines.append(line)  # a list item's wrapped line
            blocks[-1].shown = None
            continue
        paragraph = _Block("paragraph", number, [line], breaks=[hard])
        blocks.append(paragraph)
    return blocks


# --------------------------------------------------------------------------
# Stage 4: the parts of a release


def _is_body_like(block: _Block) -> bool:
    return body_like(block.visible)


def _is_short(block: _Block) -> bool:
    text = block.visible
    return block.kind == "paragraph" and words(text) <= 5 and not SENTENCE_END.search(text) and len(text) <= 50


def _recognized(text: str, language: str | None) -> bool:
    return bool(
        _match_label(text, language) or _match_dateline(text, language) or _match_reference(text, language)
        or _match_embargo(text, language) or _match_contact_heading(text, language)
        or _is_end_marker(text, language) or _match_boilerplate_heading(text, language),
    )


def _nav_run(blocks: Sequence[_Block], index: int, language: str | None = None) -> int:
    """How many short lines in a row start at *index* (three or more make page navigation).

    Lines that the cues recognise (a label, a dateline, a contact heading) and
    lines that are only links are not navigation.
    """
    count = 0
    while index + count < len(blocks):
        block = blocks[index + count]
        if not _is_short(block) or _link_only(block) or _recognized(block.visible, language):
            break
        count += 1
    return count if count >= 3 else 0


def _link_only(block: _Block) -> bool:
    """A line of links (``[site](url)``, bare URLs) with at most two words around them: page furniture."""
    if block.kind != "paragraph":
        return False
    text = block.text
    without = _LINKS.sub(" ", text)
    return without != text and len(re.findall(r"[^\W\d_]{2,}", without)) <= 2


_LINKS = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<?(?:https?://|www\.)\S+>?")
# Links, images and bare addresses that open a line, before its text.
_LEADING_LINKS = re.compile(rf"(?:\s*(?:{_LINKS.pattern}))+\s+")


def _after_links(line: str) -> tuple[str, str]:
    """The links that open *line* (a page's images glued to the heading after them), and the rest of the line.

    >>> _after_links("[](https://acme.example/a.jpg) [](https://acme.example/) Contact Information:")
    ('[](https://acme.example/a.jpg) [](https://acme.example/) ', 'Contact Information:')
    >>> _after_links("Contact: [Jane](mailto:jane@acme.example)")
    ('', 'Contact: [Jane](mailto:jane@acme.example)')
    """
    lead = _LEADING_LINKS.match(line)
    if lead is None or lead.end() == len(line):
        return "", line
    return line[: lead.end()], line[lead.end():]


def _keep_links_line(state: _State, text: str) -> None:
    """Record a line of links: the links keep their text; the words around them are kept too."""
    state.runs(text)
    state.keep(normalize_space(_LINKS.sub(" ", text)).strip(" -–|:•"))


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


# --------------------------------------------------------------------------
# The reader


@attrs.define
class _State(Parts):
    """What the reader has found so far: the parts of the release, and what only a text file has."""

    collected: Collected = attrs.Factory(Collected)
    metadata: list[MetaField] = attrs.Factory(list)
    issuer_lines: list[str] = attrs.Factory(list)
    page_title_site: str | None = None
    #: The headline as the page's title prints it before the site's name: the line below that repeats it is
    #: the headline, and the short lines above that one are page residue ("Skip to main content").
    page_title_head: str | None = None

    def runs(self, text: str) -> tuple[Inline, ...]:
        return trim(_inline(normalize_space(text), self.collected))


def _paragraph_runs(state: _State, block: _Block) -> tuple[Inline, ...]:
    runs: list[Inline] = []
    for index, line in enumerate(block.lines):
        if index:
            runs.append(LineBreak() if block.breaks and block.breaks[index - 1] else Text(" "))
        runs.extend(_inline(normalize_space(line.strip()), state.collected))
    return trim(merge(runs))


def _items(state: _State, blocks: Sequence[_Block]) -> tuple[ListItem, ...]:
    """List items, nesting the more indented ones under the item before them."""
    items: list[ListItem] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        children_end = index + 1
        while children_end < len(blocks) and blocks[children_end].indent > block.indent:
            children_end += 1
        nested = blocks[index + 1 : children_end]
        inner: tuple[Block, ...] = (_list(state, nested),) if nested else ()
        items.append(ListItem(_paragraph_runs(state, block), blocks=inner))
        index = children_end
    return tuple(items)


def _list(state: _State, blocks: Sequence[_Block]) -> BulletList | OrderedList:
    items = _items(state, blocks)
    if blocks[0].ordered:
        return OrderedList(items, start=blocks[0].start)
    return BulletList(items)


def _table(state: _State, rows: Sequence[_Block]) -> Table:
    has_header = len(rows) > 1 and rows[1].kind == "table_rule"
    out = []
    for index, row in enumerate(r for r in rows if r.kind == "table_row"):
        cells = [c.strip() for c in row.lines[0].strip().strip("|").split("|")]
        out.append(TableRow([TableCell(state.runs(c), header=has_header and index == 0) for c in cells]))
    return Table(out)


def _to_blocks(state: _State, blocks: Sequence[_Block]) -> list[Block]:
    """Turn source blocks into model blocks (the body, boilerplate sections, quotes)."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = index + 1
        if block.kind == "heading":
            runs = state.runs(block.text)
            if runs:
                out.append(Heading(runs, level=block.level))
        elif block.kind == "item":
            while end < len(blocks) and blocks[end].kind == "item" and (
                blocks[end].ordered == block.ordered or blocks[end].indent > block.indent
            ):
                end += 1
            out.append(_list(state, blocks[index:end]))
        elif block.kind in {"table_row", "table_rule"}:
            while end < len(blocks) and blocks[end].kind in {"table_row", "table_rule"}:
                end += 1
            table = _table(state, blocks[index:end])
            if table.rows:
                out.append(table)
        elif block.kind == "quote":
            while end < len(blocks) and blocks[end].kind == "quote":
                end += 1
            inner = _blocks([(b.line, b.lines[0]) for b in blocks[index:end]])
            quoted = _to_blocks(state, inner)
            if quoted:
                out.append(Quote(quoted))
        elif block.kind == "rule":
            pass  # pure markup
        elif _colon_list(blocks, index):
            end = _colon_list(blocks, index)
            out.extend(_paragraphs(state, [block]))
            out.append(BulletList([ListItem(state.runs(b.text)) for b in blocks[index + 1 : end]]))
        else:
            out.extend(_paragraphs(state, [block]))
        index = end
    return out


def _colon_list(blocks: Sequence[_Block], index: int) -> int:
    """A plain-text list: a line ending in a colon, then two or more short lines, then more text.

    Text taken from web pages prints list items as bare lines. Returns the
    end of the items, or 0.
    """
    block = blocks[index]
    if block.kind != "paragraph" or not block.visible.endswith(":") or words(block.visible) < 4:
        return 0
    end = index + 1
    while end < len(blocks) and blocks[end].kind == "paragraph" and words(blocks[end].visible) <= 10 and not (
        SENTENCE_END.search(blocks[end].visible)
    ):
        end += 1
    if end - index - 1 >= 2 and end < len(blocks) and _is_body_like(blocks[end]):
        return end
    return 0


def _paragraphs(state: _State, blocks: Sequence[_Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        runs = _paragraph_runs(state, block)
        if runs:
            out.append(Paragraph(runs))
        elif block.text.strip():
            # Only an image or pure markup: its text is in the attachments.
            continue
    return out


def _tail_start(state: _State, blocks: Sequence[_Block], start: int) -> int:
    """Where the body ends: at an end marker, contacts, an "About X" section or page furniture."""
    language = state.language
    index = start - 1
    limit = headline_again(state.headline, blocks, start)
    # The block the body's first paragraph came from: the one before *start* when a dateline opened it.
    opened_at = start - 1 if state.body else start
    while index + 1 < limit:
        index += 1
        listed = _colon_list(blocks, index)
        if listed:
            index = listed - 1
            continue
        block = blocks[index]
        first = block.lines[0]
        visible = _visible(first)
        if _is_end_marker(first, language) or _is_end_marker(visible, language) or (
            index > opened_at and rec.is_related_heading(visible)
        ):
            return index
        if block.kind == "paragraph" and rec.match_source_line(visible) and not any(
            _is_body_like(b) and not _link_only(b) for b in blocks[index + 1 :]
        ):
            return index  # "SOURCE Acme Corp." closing a wire release (a figure's "Source:" line is followed by text)
        if index > opened_at and _reference_line(block, language) and not any(
            _is_body_like(b) and not _link_only(b) for b in blocks[index + 1 :]
        ):
            return index  # the release's number, printed after it ("News release #: 18-001")
        if block.kind in {"paragraph", "heading"} and (
            _match_contact_heading(visible, language) or _match_boilerplate_heading(visible, language)
            or _information_contacts(visible, blocks, index)
            or (first.lstrip()[:1] in "[!<hw" and _match_contact_heading(_visible(_after_links(first)[1]), language))
        ):
            return index
        if block.kind == "paragraph" and re.search(r"\bcontact\w*\b", block.visible, re.IGNORECASE) and (
            phones_in(block.visible) or emails_in(block.visible)
        ) and words(block.visible) <= 40 and index > opened_at:
            return index
        run = _nav_run(blocks, index, language) if index > opened_at else 0
        if run and not _body_before_tail(blocks, index + run, language):
            return index
        if run:  # short lines inside the body, such as a table flattened to one cell a line
            index += run - 1
            continue
        if block.kind == "rule" and all(
            not _is_body_like(b) or _link_only(b) for b in blocks[index + 1 :]
        ) and index + 1 < len(blocks):
            return index
    return limit


def _body_before_tail(blocks: Sequence[_Block], index: int, language: str | None) -> bool:
    """Whether body text comes again before an explicit tail ("About X", contacts, an end marker).

    A run of short lines ends the body when it is page navigation; a table
    flattened to one cell a line looks the same, but the release goes on
    after it and then ends the usual way. Without such an ending, the run is
    taken for navigation.
    """
    seen_body = False
    for block in blocks[index:]:
        visible = block.visible
        if block.kind in {"paragraph", "heading"} and (
            _is_end_marker(block.lines[0], language) or _match_contact_heading(visible, language)
            or _match_boilerplate_heading(visible, language)
        ):
            return seen_body
        if block.kind == "paragraph" and _is_body_like(block) and not _link_only(block):
            seen_body = True
    return False


def _head(state: _State, blocks: list[_Block], has_title: bool) -> int:
    """Read the head of the release; return the index of the first body block."""
    language = state.language
    markdown_headline = next(
        (i for i, b in enumerate(blocks[:40]) if b.kind == "heading" and b.level <= 2
         and not _match_label(b.visible, language)), None,
    )
    if markdown_headline is not None and any(
        _is_body_like(b) and b.kind == "paragraph" for b in blocks[:markdown_headline]
        if not _match_dateline(b.visible, language)
    ):
        markdown_headline = None
    index = _issuer_header(state, blocks)
    seen_content = index > 0
    while index < len(blocks):
        block = blocks[index]
        visible = block.visible
        if block.kind == "rule":
            index += 1
            continue
        if block.kind == "heading":
            state.runs(block.text)
            label = _match_label(visible, language)
            if label and state.kind is None:
                state.take_label(label, reference_in_rest=True)
            elif label:
                state.keep(visible)
            elif state.headline is None and (markdown_headline is None or index == markdown_headline) and (
                block.level <= 2 or not has_title
            ):
                state.headline = visible
            elif state.headline is not None and state.subheadline is None and block.level >= 2 and (
                index > 0 and blocks[index - 1].kind == "heading" and blocks[index - 1].visible == state.headline
            ):
                state.subheadline = visible
            else:
                return index
            seen_content = True
            index += 1
            continue
        if block.kind != "paragraph":
            return index
        if not visible:
            # Only an image or markup: record what it links to.
            state.runs(block.text)
            index += 1
            continue
        # Paragraphs made of hard-broken short lines are read line by line here.
        parts = [block]
        if any(block.breaks[:-1]) and len(block.lines) > 1:
            parts = [_Block("paragraph", block.line + i, [line], breaks=[True]) for i, line in enumerate(block.lines)]
        consumed = _head_block(state, blocks, index, parts, markdown_headline, seen_content)
        if consumed is None and state.headline is not None and state.dateline is None and (
            _dateline_ahead(blocks, index, state.language)
        ):
            # A long summary point: the dateline just below says the body has not begun.
            state.summary.append(visible)
            state.runs(block.text)
            consumed = 1
        if consumed is None:
            return index + _place_opening(state, block, parts)
        if consumed < 0:  # the dateline opened the body: the block's rest is its first paragraph already
            return index + 1
        seen_content = True
        index += consumed
    return index


def _place_opening(state: _State, block: _Block, parts: Sequence[_Block]) -> int:
    """Read the body's first paragraph's undated dateline (``SPRINGFIELD -- The ...``) when none was found above.

    Returns 1 when the paragraph, without its dateline, was put in the body; 0 when it opens with none.
    """
    if state.dateline is not None or len(parts) != 1:
        return 0
    found = rec.match_place_opening(block.visible, state.language)
    if found is None:
        return 0
    state.take_dateline(found, block.line)
    state.body.append(Paragraph(drop_prefix(_paragraph_runs(state, block), found.end)))
    return 1


def _reference_line(block: _Block, language: str | None) -> bool:
    """Whether the block is a reference number alone (``News release #: 18-001``), as a release prints it last."""
    visible = block.visible
    return block.kind == "paragraph" and len(visible) <= 40 and _match_reference(visible, language) is not None


def _dateline_ahead(blocks: Sequence[_Block], index: int, language: str | None) -> bool:
    """Whether one of the next few paragraphs opens with a dateline that names a place."""
    for block in blocks[index + 1 : index + 4]:
        if block.kind != "paragraph":
            return False
        found = _match_dateline(block.visible, language)
        if (found is not None and found.dateline.place is not None) or rec.match_place_opening(block.visible, language):
            return True
    return False


def _issuer_header(state: _State, blocks: Sequence[_Block]) -> int:
    """Upper-case lines opening the release name its issuer (``FLEUR PELLERIN / MINISTRE ...``)."""
    language = state.language
    index = 0
    while index < len(blocks) and index < 6:
        block = blocks[index]
        visible = block.visible
        if block.kind != "paragraph" or not _upper(visible) or _is_body_like(block) or (
            _nav_run(blocks, index, language)
            or _match_label(visible, language) or _match_embargo(visible, language)
            or _match_dateline(visible, language) or _match_contact_heading(visible, language)
            or _match_reference(visible, language)
        ):
            break
        state.issuer_lines.append(visible)
        index += 1
    return index


def _head_block(
    state: _State, blocks: list[_Block], index: int, parts: list[_Block], markdown_headline: int | None,
    seen_content: bool,
) -> int | None:
    """Classify one head paragraph; the number of blocks used, None for the body, -1 if a dateline opened it."""
    language = state.language
    block = blocks[index]
    for part_index, part in enumerate(parts):
        visible = part.visible
        state.runs(part.text)  # whatever the line turns out to be, its links are the release's links
        if part_index == 0 and index == 0 and not seen_content and _page_title(state, blocks, visible):
            state.keep(visible)
            continue
        if len(parts) == 1 and _nav_run(blocks, index, language) and state.headline is None:
            run = _nav_run(blocks, index, language)
            for b in blocks[index : index + run]:
                state.keep(b.visible)
            return run
        label = _match_label(visible, language)
        if label:
            state.take_label(label, reference_in_rest=True)
            continue
        if state.headline is not None and repeats_headline(rec.fold(state.headline), visible):
            state.keep(visible)  # the headline again, over the contacts or the text: the body has not begun
            continue
        if state.take_embargo(_match_embargo(visible, language), part.line):
            continue
        if state.take_reference(_match_reference(visible, language)):
            continue
        # A date line that also opens a contact block: "May 10, 2019 Contact: Jane Doe".
        inline_contact = re.search(r"\s(?:Contact|Contacto|Kontakt|Media Contact)\s*:\s*", visible)
        if inline_contact and _match_dateline(visible[: inline_contact.start()], language):
            _date_or_dateline(state, visible[: inline_contact.start()], part.line)
            rest = visible[inline_contact.end():]
            printed = visible[inline_contact.start(): inline_contact.end()]
            return _head_contacts(state, blocks, index, rest, printed=printed)
        contact = _match_contact_heading(visible, language)
        if contact:
            return _head_contacts(state, blocks, index, contact.rest, contact.heading,
                                  printed=printed_heading(visible, contact.rest))
        if _link_only(part):
            _keep_links_line(state, part.text)
            continue
        dateline = _match_dateline(visible, language)
        if dateline is not None and (state.dateline is None or state.dateline.place is None):
            rest = visible[dateline.end:].strip()
            state.take_dateline(dateline, part.line)
            if rest and len(parts) == 1 and words(rest) >= 6:
                runs = drop_prefix(_paragraph_runs(state, block), dateline.end)
                state.body.append(Paragraph(runs or state.runs(rest)))
                return -1
            if rest:
                state.headline_or_keep(rest)
            continue
        if _is_body_like(part) and len(parts) == 1 and (state.headline is not None or (markdown_headline is None
                                                        and words(visible) >= 25)):
            return None
        if state.headline is None and state.page_title_head and visible != state.page_title_head and (
            markdown_headline is None and len(parts) == 1 and not _is_body_like(part)
        ):
            state.keep(visible)  # residue between the page's title and the headline it repeats
            continue
        if state.headline is None and markdown_headline is None and words(visible) >= 2:
            state.headline = visible
            continue
        if state.headline is not None and not _is_body_like(part) and len(parts) == 1 and not (
            SENTENCE_END.search(visible) and words(visible) >= 4
        ):
            if visible.startswith(state.headline) and len(visible) > len(state.headline):
                # The page's short title, then the release's full headline.
                state.keep(state.headline)
                state.headline = visible
            elif state.subheadline is None:
                state.subheadline = visible
            else:
                state.summary.append(visible)
            continue
        if len(parts) == 1:
            return None
        state.keep(visible)
    return 1


def _date_or_dateline(state: _State, text: str, line: int) -> None:
    found = _match_dateline(text, state.language)
    if found is None:
        state.keep(text)
        return
    if found.dateline.place is None and found.dateline.date is not None and state.date_line is None:
        state.date_line, state.date_line_at = found.dateline, line
    elif state.dateline is None:
        state.dateline = found.dateline
    else:
        state.keep(text)


def _page_title(state: _State, blocks: Sequence[_Block], visible: str) -> bool:
    """A first line "Headline - Site" repeated below without the site is the page's title."""
    for separator in (" - ", " | ", " – ", " — "):
        head, sep, site = visible.rpartition(separator)
        if not sep:
            continue
        for later in blocks[1:30]:
            shown = later.visible
            label = _match_label(shown, state.language)
            if label and label.rest:
                shown = label.rest
            if (shown and shown == head.strip()) or (label and label.rest and head.strip().endswith(label.rest)):
                state.page_title_site = site.strip()
                state.page_title_head = shown
                return True
    return False


def _add_contacts(state: _State, lines: list[str], printed_heading: str, heading: str | None) -> None:
    """Read a contact block; its printed heading joins the first contact's text."""
    _contact_links(state, *add_contacts(state, lines, heading, printed_heading))


def _contact_links(state: _State, contacts: Sequence[Contact], left: Sequence[str]) -> None:
    """The links of a contact block: those in the lines no contact took, then the contacts' addresses."""
    for line in left:
        state.runs(line)
    for contact in contacts:
        for url in contact.urls:
            state.collected.link(url, None)


def _head_contacts(
    state: _State, blocks: list[_Block], index: int, rest: str, heading: str | None = None, printed: str = "",
) -> int:
    """A contact block in the head: the heading line's rest and the short lines after it."""
    lines = [rest] if rest.strip() else []
    used = 1
    while index + used < len(blocks):
        block = blocks[index + used]
        text = block.visible
        if block.kind != "paragraph" or _match_label(text, state.language) or (
            len(text) > 70 and not phones_in(text) and not emails_in(text)
        ):
            break
        lines.extend(block.lines)
        used += 1
    _add_contacts(state, lines, printed, heading)
    return used


@attrs.frozen
class _Tail:
    """The tail's blocks, as the shared tail walk reads them: each block's cues are matched as it comes."""

    state: _State
    blocks: Sequence[_Block]

    def opening(self, index: int, in_section: bool) -> Opening[_Block] | None:
        """What the block at *index* opens; within a section, a heading-like line is the section's text."""
        language = self.state.language
        block = self.blocks[index]
        first = block.lines[0]
        visible = _visible(first)
        if block.kind == "rule":
            return Opening("rule")
        if _is_end_marker(first, language) or _is_end_marker(visible, language):
            return Opening("end", printed=first.strip(), lines=block.lines[1:])
        source = rec.match_source_line(visible) if block.kind == "paragraph" else None
        if source is not None:
            return Opening("source", printed=source, lines=block.lines[1:])
        if _reference_line(block, language):
            return Opening("reference", printed=block.visible)  # the release's number, printed after it
        contact = _match_contact_heading(visible, language) if block.kind in {"paragraph", "heading"} else None
        if contact is None and block.kind in {"paragraph", "heading"} and _information_contacts(
            visible, self.blocks, index,
        ):
            contact = rec.HeadingMatch(visible.rstrip(": "), "")
        links, after = _after_links(first) if contact is None and block.kind == "paragraph" else ("", first)
        if links and (contact := _match_contact_heading(_visible(after), language)) is not None:
            # "[image](…) [site](…) Contact Information:": the links are kept as a line of their own.
            self.keep_line(links)
            visible = _visible(after)
        printed = printed_heading(visible, contact.rest) if contact is not None else ""
        asked = _CONTACT_SENTENCE.search(block.visible) if contact is None and block.kind == "paragraph" else None
        whole_block = False  # whether the contact's text is the whole block's, or its first line's
        if asked is not None and (phones_in(block.visible) or emails_in(block.visible)):
            # "For more information, please contact Jane Doe, press officer, at 555-0100."
            contact = rec.HeadingMatch("", block.visible[asked.end():].strip())
            printed = block.visible[: asked.end()]
            whole_block = True
        if contact is not None:
            lines = [contact.rest] if contact.rest.strip() else []
            if block.kind == "paragraph" and len(block.lines) > 1 and not whole_block:
                lines.extend(block.lines[1:])
            return Opening("contact", heading=contact.heading or None, printed=printed, lines=lines)
        about = _match_boilerplate_heading(visible, language) if block.kind in {"paragraph", "heading"} else None
        if about is not None:
            rest = ([about.rest] if about.rest else []) + block.lines[1:]
            content = (_Block("paragraph", block.line, rest, breaks=[True] * len(rest)),) if rest else ()
            return Opening("about", heading=about.heading, content=content)
        if _link_only(block) or rec.is_related_heading(visible) or rec.is_copyright_line(visible):
            return Opening("furniture")
        if not in_section and _tail_heading(block):
            return Opening("heading", heading=block.visible.rstrip(":"))
        return None

    def ends_contact(self, index: int) -> bool:
        """A heading of contacts or of an "About X" section, an end marker or a source line ends a contact block."""
        language = self.state.language
        block = self.blocks[index]
        return bool(_match_boilerplate_heading(block.visible, language) or _match_contact_heading(
            block.visible, language) or _is_end_marker(block.lines[0], language)
            or rec.match_source_line(_visible(block.lines[0])) or rec.is_copyright_line(block.visible)
            or _reference_line(block, language))

    def keep_line(self, line: str) -> None:
        """Keep a line as text, and its links."""
        self.state.runs(line)
        self.state.keep(line)

    def keep_block(self, index: int) -> None:
        """Keep a block's visible text (a list item with its bullet), and its links."""
        block = self.blocks[index]
        if _link_only(block):
            _keep_links_line(self.state, block.text)
            return
        self.state.runs(block.text)
        self.state.keep(block.visible if block.kind != "item" else "- " + block.visible)

    def section(self, heading: str | None, blocks: Sequence[_Block]) -> Boilerplate:
        """The section, even without text: its heading names the issuer."""
        return Boilerplate(heading=heading, blocks=_to_blocks(self.state, blocks))

    def found_contacts(self, contacts: Sequence[Contact], left: Sequence[str]) -> None:
        """Collect the contact block's links."""
        _contact_links(self.state, contacts, left)


_CONTACT_SENTENCE = re.compile(r"\bcontact\w*\b\s*:?", re.IGNORECASE)


def _tail_heading(block: _Block) -> bool:
    """A short heading-like line after the body (``Forward-Looking Statements``, ``NOTE TO INVESTORS:``)."""
    if block.kind == "heading":
        return True
    text = block.visible
    return block.kind == "paragraph" and 1 <= words(text) <= 6 and not SENTENCE_END.search(text.rstrip(":")) and (
        text.endswith(":") or _upper(text) or bool(re.fullmatch(r"\*\*[^*]+\*\*", block.text.strip()))
    ) and not looks_like_name(text)


def _front_matter_fields(state: _State, front: _FrontMatter, has_heading: bool) -> str | None:
    """Map front matter keys onto fields; keep the others as metadata. Returns the title."""
    title = None
    for key, value in front.values.items():
        lowered = key.lower().replace("_", "-")
        if lowered == "title" and isinstance(value, str) and value.strip():
            title = normalize_space(value.strip())
            if has_heading:
                state.metadata.append(MetaField(name=key, value=value))
            continue
        if lowered in {"date", "published", "pubdate", "publishdate"} and state.dateline is None:
            date = _front_date(value, state.language)
            if date is not None:
                state.dateline = Dateline(text=_scalar(value), date=date)
                continue
        if lowered in {"lang", "language"} and isinstance(value, str):
            state.metadata.append(MetaField(name=key, value=value))
            continue
        if "contact" in lowered and isinstance(value, (dict, list)):
            people = value if isinstance(value, list) else [value]
            for person in people:
                contact = _front_contact(person, state.language)
                if contact is not None:
                    state.contacts.append(contact)
            continue
        if lowered in {"categories", "category", "type"} and state.kind is None:
            for candidate in value if isinstance(value, list) else [value]:
                label = _match_label(str(candidate), state.language)
                if label and not label.rest:
                    state.kind = Kind(label=label.label, genre=label.genre)
        summary_key = lowered in {"summary", "description", "subtitle", "chapo", "chapeau", "lead", "excerpt"} or (
            lowered.startswith(("chapeau", "chapo"))
        )
        if summary_key and isinstance(value, str) and value.strip() and state.subheadline is None:
            state.subheadline = normalize_space(value.strip())
            continue
        state.metadata.append(MetaField(name=key, value=_scalar(value)))
    return title


def _front_date(value: Any, language: str | None) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        stamp = parse_timestamp(value)
        if stamp is not None:
            return stamp.date() if isinstance(stamp, datetime.datetime) else stamp
        found = parse_date(value.strip(), language=language)
        if found is not None and found.date is not None:
            return found.date
    return None


def _front_contact(person: Any, language: str | None) -> Contact | None:
    if not isinstance(person, dict):
        return None
    fields = {str(k).lower(): v for k, v in person.items()}

    def strings(*keys: str) -> list[str]:
        out: list[str] = []
        for key in keys:
            value = fields.get(key)
            out.extend(str(item).strip() for item in (value if isinstance(value, list) else [value])
                       if item is not None and str(item).strip())
        return out

    names = strings("name", "nom", "nombre")
    phones = strings("tel", "phone", "telephone", "téléphone", "telefon", "teléfono", "mobile", "portable")
    emails = strings("email", "mail", "e-mail", "courriel", "correo")
    roles = strings("role", "title", "fonction", "función", "position")
    if not (names or phones or emails):
        return None
    normalized = [e164(p, language) for p in phones]
    return Contact(
        name=names[0] if names else None, role=roles[0] if roles else None, phones=phones,
        phones_e164=normalized if any(normalized) else (), emails=emails,
        text=json.dumps(person, ensure_ascii=False, default=str),
    )


def _language(text: str, front: _FrontMatter | None, given: str | None) -> str | None:
    if given:
        return given
    if front is not None:
        for key in ("lang", "language", "locale"):
            value = front.values.get(key)
            if isinstance(value, str) and value.strip():
                tag = _LANGUAGE_NAMES.get(value.strip().lower(), value.strip().replace("_", "-"))
                if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", tag):
                    return tag.split("-")[0].lower() if len(tag) > 3 else tag.lower()
    return detect_language(text)


def _printed_issuer(state: _State) -> Issuer | None:
    """The issuer printed above the release: its name, then its title."""
    if not state.issuer_lines:
        return None
    name = state.issuer_lines[0].rstrip(" ,")
    title = " ".join(state.issuer_lines[1:]).strip(" ,") or None
    return Issuer(name=name, title=title, text="\n".join(state.issuer_lines))


def parse_text(data: str | bytes, *, name: str | None = None, language: str | None = None) -> Reading:
    """Read a plain-text or Markdown-ish press release.

    *name* names the input in diagnostics (a path, ``<stdin>``); *language*
    (a BCP 47 tag) overrides the detection from the text. Returns a
    :class:`~communique.Reading`: the communiqué and the diagnostics.

    .. versionadded:: 0.1.0
    """
    if isinstance(data, bytes) and len(data) > MAX_BYTES:
        from .exceptions import ParseError

        msg = f"input of {len(data)} bytes is larger than the {MAX_BYTES} bytes a release may have"
        raise ParseError(msg, source=name)
    _forget()
    decoded = decode(data, source=name)
    found = list(decoded.diagnostics)
    text = decoded.text
    front = _front_matter(text, name, found)
    lines = text.split("\n")
    first_line = front.lines if front else 0
    numbered = [(number + 1, lines[number]) for number in range(first_line, len(lines))]
    lang = _language("\n".join(line for _, line in numbered[:200]), front, language)
    state = _State(source=name, language=lang, diagnostics=found)
    if lang is None:
        state.note(Severity.WARNING, "language-unknown", "the language of the release could not be told")
    numbered, furniture = _furniture(numbered)
    for line in furniture:
        state.keep(line)
    blocks = _blocks(numbered)
    title = None
    if front is not None:
        has_heading = any(b.kind == "heading" and b.level <= 2 for b in blocks[:20])
        title = _front_matter_fields(state, front, has_heading)
        if not front.values and front.text.strip():
            state.keep(front.text)
    body_start = _head(state, blocks, has_title=title is not None)
    if state.headline is None and title is not None:
        state.headline = title
    elif title is not None and not any(m.name == "title" for m in state.metadata):
        state.metadata.append(MetaField(name="title", value=title))
    body_end = _tail_start(state, blocks, body_start)
    state.body.extend(_to_blocks(state, blocks[body_start:body_end]))
    read_tail(state, blocks[body_end:], _Tail(state, blocks[body_end:]))
    _finish_dates(state)
    first_body = next((plain_text(b.content) for b in state.body if isinstance(b, Paragraph)), "")
    if state.headline is None:
        state.note(Severity.WARNING, "headline-missing", "no headline found")
    return state.reading(
        # A desk label ("Media:", "Investors:") names no issuer; an organization has a name of some length.
        issuer=choose_issuer(state, first_body, header=_printed_issuer(state), site=state.page_title_site,
                             organization_words=2),
        collected=state.collected, metadata=state.metadata, provenance=Provenance(source=name, format="text"),
    )


def _finish_dates(state: _State) -> None:
    if state.date_line is None:
        return
    date_line, line = state.date_line, state.date_line_at
    if state.dateline is None:
        state.dateline = date_line
    elif state.dateline.date is None:
        state.dateline = attrs.evolve(state.dateline, date=date_line.date)
        state.keep(date_line.text)
        state.note(Severity.INFO, "date-from-date-line",
                   f"the dateline prints no date; the date comes from the date line {date_line.text!r}", line)
    else:
        state.keep(date_line.text)


def read(data: bytes, *, source: str | None = None) -> Reading:
    """Reader entry of the format registry: text bytes to a :class:`~communique.Reading`."""
    return parse_text(data, name=source)
