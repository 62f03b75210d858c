"""Markdown-ish inline text to inline runs, collecting the links and images on the way.

Handles ``**strong**``, ``__strong__``, ``*emphasis*``, ``_emphasis_``,
``[text](url)``, ``![alt](src)``, ``<https://autolinks>``, ``<br>``, other
HTML tags (dropped: pure markup), backslash escapes, bare URLs, ``www.``
addresses, bare domain names and e-mail addresses. Every pattern is bounded,
so the work stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .model import Attachment, Emphasis, Hyperlink, Inline, LineBreak, Link, Strong, Text

# Top-level domains that make a bare "name.tld" an address worth linking.
# Deliberately short: a file name such as "report.pdf" must not become a link.
_TLDS = (
    "com|org|net|gov|edu|int|mil|info|biz|io|ai|co|fm|tv|me|app|dev|news|eu|fr|de|es|it|nl|be|ch|at|uk|us|ca|"
    "au|in|cn|jp|mx|ar|br|pt|pl|se|no|dk|fi|ie|lu|global|online|org\\.uk|co\\.uk|gouv\\.fr"
)
_URL_TAIL = r"[^\s<>()\[\]\"'“”«»]*"
_PATTERNS = (
    ("escape", r"\\(?P<escaped>[\\`*_{}\[\]()#+\-.!<>|~])"),
    ("image", r"!\[(?P<alt>[^\]\n]{0,500})\]\(\s*<?(?P<src>[^)\s>]{1,2000})>?(?:\s+\"[^\"\n]{0,300}\")?\s*\)"),
    ("link", r"\[(?P<label>[^\]\n]{0,500})\]\(\s*<?(?P<href>[^)\s>]{0,2000})>?(?:\s+\"[^\"\n]{0,300}\")?\s*\)"),
    ("autolink", r"<(?P<auto>(?:https?|ftp|mailto):[^>\s]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>"),
    ("br", r"<br\s*/?>"),
    ("img_tag", r"<img\b[^>\n]{0,2000}>"),
    ("tag", r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,2000})?/?>"),
    ("strong", r"\*\*(?=\S)(?P<strong1>.{1,2000}?)(?<=\S)\*\*|(?<!\w)__(?=\S)(?P<strong2>.{1,2000}?)(?<=\S)__(?!\w)"),
    ("emphasis", (r"(?<![\w*])\*(?=[^\s*])(?P<em1>[^*\n]{1,1000}?)(?<=[^\s*])\*(?![\w*])"
                  r"|(?<![\w_])_(?=[^\s_])(?P<em2>[^_\n]{1,1000}?)(?<=[^\s_])_(?![\w_])")),
    ("url", r"(?:https?|ftp)://" + _URL_TAIL + r"|(?<![\w@./])www\." + _URL_TAIL),
    ("email", r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![\w-])"),
    ("domain", (r"(?<![\w@./-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,4}(?:" + _TLDS
                + r")(?![\w-])(?:/" + _URL_TAIL + ")?")),
)
_TOKEN = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS))
_TRAILING = ".,;:!?'\"’”»"
_ATTRIBUTE = re.compile(r"""\b(src|alt|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Only runs that change: two blanks or more, or one blank that is not a plain space.
_SPACES = re.compile(r"[\t\u00a0\u2009\u202f][ \t\u00a0\u2009\u202f]*| [ \t\u00a0\u2009\u202f]+")
_MEDIA_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
    ".svg": "image/svg+xml", ".pdf": "application/pdf", ".mp4": "video/mp4",
}


@attrs.define
class Collected:
    """The links and attachments met while reading inline text."""

    #: Each address met, in order, with the text it was printed as (None when it printed itself).
    texts: dict[str, str | None] = attrs.Factory(dict)
    attachments: list[Attachment] = attrs.Factory(list)
    #: The addresses :func:`collect_addresses` found in each word it read: a page repeats its site's name.
    words: dict[str, tuple[str, ...]] = attrs.Factory(dict)

    def link(self, url: str, text: str | None) -> None:
        """Record a link; an address met again keeps its place, and gains a text if it had none."""
        # A page names the same address many times: the model's links are made once, at the end.
        if self.texts.get(url) is None:
            self.texts[url] = text if text and text.strip() and text != url else None

    @property
    def links(self) -> list[Link]:
        """The links in the order met, one per address: one that prints its text wins over one that does not."""
        return [Link(url=url, text=text) for url, text in self.texts.items()]

    def attachment(self, url: str, title: str | None) -> None:
        """Record an image or file."""
        dot = url.rsplit("?", 1)[0].rsplit(".", 1)
        media_type = _MEDIA_TYPES.get("." + dot[-1].lower()) if len(dot) == 2 else None
        self.attachments.append(Attachment(url=url, title=title if title and title.strip() else None,
                                           media_type=media_type))

    def unique_attachments(self) -> list[Attachment]:
        """The attachments in the order met, each once."""
        return list(dict.fromkeys(self.attachments))


def media_type_of(url: str) -> str | None:
    """The media type that a URL's file extension suggests."""
    dot = url.rsplit("?", 1)[0].rsplit(".", 1)
    return _MEDIA_TYPES.get("." + dot[-1].lower()) if len(dot) == 2 else None


def normalize_space(text: str) -> str:
    """Collapse runs of blanks into one space."""
    # Most text has neither two spaces in a row nor an odd blank: substring
    # tests tell at C speed, where _SPACES, an alternation, tries every position.
    if "  " not in text and "\t" not in text and "\u00a0" not in text and "\u2009" not in text and (
        "\u202f" not in text
    ):
        return text
    return _SPACES.sub(" ", text)


def _trim_url(url: str) -> tuple[str, str]:
    """Split trailing punctuation (and an unbalanced parenthesis) off a bare URL."""
    cut = len(url)
    while cut and url[cut - 1] in _TRAILING:
        cut -= 1
    return url[:cut], url[cut:]


def _href(url: str) -> str:
    if url.startswith(("http://", "https://", "ftp://", "mailto:")):
        return url
    if "@" in url and "/" not in url:
        return "mailto:" + url
    return url


# Every token starts at one of these spots, or is found from one: markup at
# its own character, a URL at its "://" or "www.", a bare domain at the dot
# before its top-level domain (two letters at least, as every listed one has),
# an e-mail address at its at sign. Python's ``re`` would try the whole
# alternation of _TOKEN at every position, which cost most of the parse; this
# pattern opens with a character class, which ``re`` scans for in C.
_SPECIAL = re.compile(r"[\\!\[<*_@:.](?:(?<=[\\!\[<*_@])|(?<=:)(?=//)|(?<=www\.)|(?<=[A-Za-z0-9-]\.)(?=[A-Za-z]{2}))")
# The characters of a domain name, and those of an e-mail address's local part besides re's \w.
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_LOCAL_EXTRA = frozenset("_.+-")


def _token_starts(text: str) -> list[int]:
    """Every position where a match of _TOKEN may start, ascending: a superset of the real ones.

    A bare domain or e-mail address can only start where the run of its
    characters starts (its pattern's look-behind forbids any other spot):
    found from its dot or at sign by walking back.
    """
    starts: set[int] = set()
    run = (0, 0)  # the last dot walked back from, and where its run starts: no character is walked twice
    for hit in _SPECIAL.finditer(text):
        at = hit.start()
        char = text[at]
        if char == ".":
            if text.endswith("www", 0, at):
                starts.add(at - 3)
            start = at
            while start > run[0] and text[start - 1] in _DOMAIN_CHARS:
                start -= 1
            if start == run[0] and start:  # reached the last dot: the same run
                start = run[1]
            run = (at, start)
            starts.add(start)
        elif char == "@":
            start = at
            while start and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_EXTRA):  # str.isalnum is \w
                start -= 1
            starts.add(start)
        elif char == ":":
            starts.update(range(max(0, at - 5), at - 2))  # "https", "http" or "ftp" before "://"
        else:
            starts.add(at)
    return sorted(starts)


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """The matches of _TOKEN in *text*, as ``_TOKEN.finditer`` finds them, trying only where one may start."""
    position = 0
    for start in _token_starts(text):
        if start < position:
            continue
        match = _TOKEN.match(text, start)  # look-behinds still see the text before *start*
        if match:
            yield match
            position = match.end()


def parse_inline(text: str, collected: Collected) -> tuple[Inline, ...]:
    """Read Markdown-ish inline *text* into runs; links and images go to *collected* too."""
    if not _SPECIAL.search(text):
        return (Text(text),) if text else ()
    return tuple(_merge(_runs(text, collected)))


def _runs(text: str, collected: Collected, *, in_link: bool = False) -> Iterator[Inline]:
    position = 0
    for match in _tokens(text):
        if match.start() > position:
            yield Text(text[position:match.start()])
        position = match.end()
        kind = match.lastgroup
        if kind == "escape":
            yield Text(match["escaped"])
        elif kind == "image":
            alt, src = match["alt"], match["src"]
            collected.attachment(src, alt)
        elif kind == "link":
            label, url = match["label"], match["href"]
            content = tuple(_merge(_runs(label, collected, in_link=True))) if label else ()
            if url:
                collected.link(_href(url), label)
                yield Hyperlink(content or (Text(url),), url=_href(url))
            else:
                yield from content
        elif kind == "autolink":
            url = match["auto"]
            collected.link(_href(url), None)
            yield Hyperlink((Text(url),), url=_href(url))
        elif kind == "br":
            yield LineBreak()
        elif kind == "img_tag":
            found = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) for m in
                     _ATTRIBUTE.finditer(match.group())}
            if found.get("src"):
                collected.attachment(found["src"], found.get("alt"))
        elif kind == "tag":
            href = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) for m in
                    _ATTRIBUTE.finditer(match.group())}.get("href")
            if href:
                collected.link(_href(href), None)
        elif kind == "strong":
            inner = match["strong1"] or match["strong2"]
            yield Strong(tuple(_merge(_runs(inner, collected, in_link=in_link))))
        elif kind == "emphasis":
            inner = match["em1"] or match["em2"]
            yield Emphasis(tuple(_merge(_runs(inner, collected, in_link=in_link))))
        elif in_link:  # the visible text of a link is not another link
            yield Text(match.group())
        else:  # url, email, domain: printed as text, so kept as text, and listed as links
            url = _trim_url(match.group())[0]
            if url:
                collected.link(_href(url), None)
            yield Text(match.group())
    if position < len(text):
        yield Text(text[position:])


def _merge(runs: Iterator[Inline]) -> Iterator[Inline]:
    """Join neighbouring text runs and drop empty ones."""
    pending = ""
    for run in runs:
        if isinstance(run, Text):
            pending += run.text
            continue
        if pending:
            yield Text(pending)
            pending = ""
        if isinstance(run, (Strong, Emphasis)) and not run.content:
            continue
        yield run
    if pending:
        yield Text(pending)


def strip_markup(text: str) -> str:
    """The visible text of Markdown-ish *text*: emphasis markers, link targets and tags removed."""
    collected = Collected()
    return "".join(run.plain_text for run in parse_inline(text, collected))


# Every address holds "://", an at sign between word characters, or a dot
# between a word character and a letter (a top-level domain, "www."): the
# full pattern runs only on the words around such a spot, which keeps it
# cheap. Version numbers and amounts ("3.4", "1.5") are not such spots.
_MAYBE_ADDRESS = re.compile(r"\.(?=[^\W\d_])(?<=\w\.)|@(?=\w)(?<=\w@)|://")
# The first branch of _MAYBE_ADDRESS alone. A pattern that opens with one literal character is searched
# for that character first, which the regex engine does several times faster than for the set of three
# characters the whole pattern opens with; and most text holds neither "@" nor "://".
_DOT_SPOT = re.compile(r"\.(?=[^\W\d_])(?<=\w\.)")
_BLANK = re.compile(r"\s")
_ADDRESS = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS
                               if name in {"url", "email", "domain"}))


def _may_hold_address(text: str) -> bool:
    """Whether :data:`_MAYBE_ADDRESS` may find a spot in *text*: a quick test that spares most texts the search."""
    return "@" in text or "://" in text or _DOT_SPOT.search(text) is not None


def collect_addresses(text: str, collected: Collected) -> None:
    """Record the bare URLs, e-mail addresses and domain names of plain *text* as links.

    Unlike :func:`parse_inline`, *text* is not Markdown: ``*`` and ``_``
    are characters, not emphasis. Readers of marked-up formats (HTML) use it
    on their text nodes.

    >>> found = Collected()
    >>> collect_addresses("See www.example.org/news_room or write to press@example.org.", found)
    >>> [link.url for link in found.links]
    ['www.example.org/news_room', 'mailto:press@example.org']
    """
    if not _may_hold_address(text):
        return
    position = 0
    while hit := _MAYBE_ADDRESS.search(text, position):
        start = max(text.rfind(" ", 0, hit.start()), text.rfind("\n", 0, hit.start()),
                    text.rfind("\t", 0, hit.start())) + 1
        blank = _BLANK.search(text, hit.end())
        position = blank.start() if blank else len(text)
        word = text[start:position]
        found = collected.words.get(word)
        if found is None:
            found = collected.words[word] = tuple(
                _href(url) for match in _ADDRESS.finditer(word) if (url := _trim_url(match.group())[0]))
        for url in found:
            collected.link(url, None)
