"""Text files' bytes to text, refusing rather than guessing silently.

- A byte-order mark (UTF-8, UTF-16, UTF-32) is obeyed, strictly.
- UTF-16 and UTF-32 without one are recognised by their zero bytes, strictly, with a note.
- Valid UTF-8 is UTF-8.
- A file that is UTF-8 apart from a few damaged bytes is refused, naming the first one,
  rather than re-read in whichever legacy encoding makes the damage disappear (which
  turns every accented letter of the file into gibberish).
- Anything else is a legacy encoding that has to be guessed; the guess is named in a note.

Control characters (other than tab and line breaks) are treated alike on every path: a
few are removed with a note; many mean a binary file, which is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BINARY_SHARE = 0.01  # more control characters than this (or > BINARY_COUNT): not text
BINARY_COUNT = 1000
# C0 controls except tab, LF, VT, FF, CR; DEL; C1 controls except NEL (a line break).
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The same controls as bytes: in every ASCII-based legacy encoding they mean only that.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, after surrogateescape
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


class DecodingProblem(ValueError):
    """Bytes that cannot be read as text without a guess that might be wrong."""


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, with what the reader should be told about how."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes (see the module's rules); ``DecodingProblem`` if not."""
    decoded = _with_bom(data) or _wide_without_bom(data) or _utf8(data) or _legacy(data)
    return _without_controls(decoded)


def _strict(data: bytes, encoding: str, what: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodingProblem(
            f"{what}, but byte {error.start} is not valid {encoding.upper()}"
        ) from None


def _with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if bom == codecs.BOM_UTF32_LE and not _plausible_utf32_le(data[len(bom) :]):
                continue  # the UTF-16 mark followed by a NUL character, not a UTF-32 mark
            text = _strict(data[len(bom) :], encoding, f"marked as {encoding.upper()}")
            return Decoded(text, encoding)
    return None


def _plausible_utf32_le(body: bytes) -> bool:
    """Whether what follows FF FE 00 00 reads as UTF-32: whole 4-byte units, each a code
    point in a plane in use (0-3, 14-16). UTF-16 text that begins with a NUL character
    starts with the same four bytes, and as UTF-32 its next units fall in unused planes."""
    if len(body) % 4:
        return False
    sample = body[: 1 << 16]
    return not any(sample[3::4]) and set(sample[2::4]) <= {0, 1, 2, 3, 14, 15, 16}


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 without a byte-order mark, from where its zero bytes fall."""
    encoding = _utf32_order(data) or _utf16_order(data[: 1 << 16])
    if encoding is None:
        return None
    text = _strict(data, encoding, f"looks like {encoding.upper()} without a byte-order mark")
    return Decoded(text, encoding, (f"no byte-order mark: read as {encoding.upper()}",))


def _utf32_order(data: bytes) -> str | None:
    """UTF-32: whole 4-byte units whose top byte is zero and whose plane byte is mostly
    zero (the Basic Multilingual Plane) and otherwise a plane in use (1-3, 14); UTF-16
    text with control characters between letters would otherwise pass for it."""
    sample = data[: 1 << 16]
    if not sample or len(data) % 4:
        return None
    for encoding, top, plane, low in (("utf-32-le", 3, 2, 0), ("utf-32-be", 0, 1, 3)):
        planes = sample[plane::4]
        if (
            not any(sample[top::4])
            and any(sample[low::4])
            and set(planes) <= {0, 1, 2, 3, 14}
            and planes.count(0) * 2 >= len(planes)
        ):
            return encoding
    return None


def _utf16_order(sample: bytes) -> str | None:
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) < 4 or max(even, odd) <= len(sample) // 4 or min(even, odd) >= 4:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    damaged = len(_ESCAPED.findall(escaped))
    if len(_UTF8_MULTIBYTE.findall(data)) < damaged:
        return None  # mostly not UTF-8: a legacy encoding
    first = _ESCAPED.search(escaped)
    assert first is not None
    line = escaped.count("\n", 0, first.start()) + 1
    raise DecodingProblem(
        f"UTF-8 text with {damaged} damaged byte(s), the first at line {line}; "
        "re-save the file as UTF-8 (it is not re-read in a guessed encoding)"
    )


def _legacy(data: bytes) -> Decoded:
    controls = _control_note(data.decode("latin-1"), _CONTROL_BYTES.pattern.decode("latin-1"))
    data = _CONTROL_BYTES.sub(b"", data)  # the guesser gives up on them
    best = from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        raise DecodingProblem("cannot tell which text encoding this file uses")
    if best.encoding != "cp1252":
        # Short Western texts are often mistaken for Central European or Asian code
        # pages; cp1252 wins when it reads the bytes at least as cleanly.
        western = from_bytes(data, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos + 0.02:
            best = western
    name = best.encoding.replace("_", "-")
    notes = (f"not UTF-8; the encoding was guessed: {name}", *controls)
    return Decoded(str(best), name, notes)


def _control_note(text: str, pattern: str = CONTROL.pattern) -> tuple[str, ...]:
    """A note on the control characters in ``text``; ``DecodingProblem`` if so many
    that it is binary data."""
    found = re.findall(pattern, text)
    if not found:
        return ()
    if len(found) > BINARY_COUNT or len(found) > BINARY_SHARE * len(text):
        raise DecodingProblem(f"binary file, not text ({len(found)} control characters)")
    first = re.search(pattern, text)
    assert first is not None
    line = text.count("\n", 0, first.start()) + 1
    return (
        f"removed {len(found)} control character(s) (the first, U+{ord(found[0]):04X}, "
        f"at line {line})",
    )


def _without_controls(decoded: Decoded) -> Decoded:
    note = _control_note(decoded.text)
    if not note:
        return decoded
    return Decoded(CONTROL.sub("", decoded.text), decoded.encoding, (*decoded.notes, *note))
