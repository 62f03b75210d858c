"""Turning input bytes into text: byte-order marks, UTF-8, UTF-16, a cp1252 fallback.

Shared by the text and HTML readers. Decoding never guesses silently: a
fallback or a removed character is reported as a diagnostic.
"""

from __future__ import annotations

import codecs
import re

import attrs

from .diagnostics import Diagnostic
from .vocabulary import Severity

# C0 controls other than tab, newline and carriage return, and the
# non-characters that no XML document may carry; form feed is page furniture.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# The same C0 controls as bytes. In UTF-8 they stand for themselves and nothing
# else, so deleting them from the encoded text tells in C, several times faster
# than a scan with _CONTROLS, whether the text holds any: nearly none does.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@attrs.frozen
class Decoded:
    """Text read from bytes, the encoding used, and what was noticed on the way."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()
    #: The input bytes when they are exactly *text* in UTF-8 (nothing was changed): a parser may read them.
    utf8: bytes | None = attrs.field(default=None, repr=False)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark shows NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _may_hold_controls(text: str) -> bool:
    """Whether :data:`_CONTROLS` can match in *text*."""
    encoded = text.encode("utf-8", errors="surrogatepass")
    return len(encoded.translate(None, _CONTROL_BYTES)) != len(encoded) or "\ufffe" in text or "\uffff" in text


def _has_surrogates(text: str) -> bool:
    """Whether *text* holds lone surrogates: strict UTF-8 cannot encode them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def decode(data: bytes | str, *, source: str | None = None, declared: str | None = None) -> Decoded:
    """Decode *data*, then normalise line ends and remove control characters.

    *declared* is an encoding the container named (an HTML ``<meta charset>``);
    a byte-order mark wins over it, and valid UTF-8 wins over a declared
    single-byte encoding. Text that is neither UTF-8 nor UTF-16 is read as
    cp1252, with a warning, because that is what such files nearly always are.
    """
    found: list[Diagnostic] = []
    if isinstance(data, str):
        text, encoding = data, "str"
    else:
        encoding = ""
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding, data = name, data[len(bom):]
                break
        if not encoding:
            encoding = _utf16_without_bom(data) or ""
        if encoding:
            text = data.decode(encoding, errors="replace")
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError as exc:
                named = (declared or "").lower().replace("_", "-")
                fallback = declared if declared and named not in {"utf-8", "utf8"} else "cp1252"
                try:
                    text = data.decode(fallback, errors="replace")
                except LookupError:
                    fallback = "cp1252"
                    text = data.decode(fallback, errors="replace")
                encoding = fallback
                found.append(Diagnostic(
                    severity=Severity.WARNING, code="encoding-fallback",
                    message=f"not UTF-8 (byte {exc.start}); read as {fallback}", source=source,
                ))
        if "\ufffd" in text and encoding != "utf-8":
            found.append(Diagnostic(severity=Severity.WARNING, code="encoding-replaced",
                                    message=f"some bytes are not {encoding} and were replaced", source=source))
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROLS.search(text) if _may_hold_controls(text) else None
    if bad:
        line, column = _position(text, bad.start())
        count = len(_CONTROLS.findall(text))
        found.append(Diagnostic(
            severity=Severity.WARNING, code="control-characters",
            message=f"{count} control character(s) removed, the first U+{ord(bad.group()):04X}",
            source=source, line=line, column=column,
        ))
        # A form feed separates pages: keep the break, drop the character.
        text = _CONTROLS.sub(lambda m: "\n" if m.group() == "\x0c" else "", text)
    # Lone surrogates cannot come out of a codec with errors="replace",
    # but a str given by the caller may hold them.
    if _has_surrogates(text):
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    return Decoded(text=text, encoding=encoding, diagnostics=tuple(found))
