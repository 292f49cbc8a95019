"""``json.dumps(value, ensure_ascii=False, indent=n)``, many times faster.

With ``indent`` the standard library encodes in pure Python, one generator step per value;
the W3C and Label Studio exports write millions of values that way. ``encode_indented``
has msgspec encode the value in C and lay it out with the indent (its layout and its
escaping of text are json.dumps's own; its layout copies each number and text as
encoded). Only its floats differ (``1e-05`` comes out as ``0.00001``, NaN as ``null``):
a writer gives a float as ``exact_float(value)``, which is written as json.dumps writes
it. Anything msgspec refuses (a text with a lone surrogate, a key that is not text) is
written by ``dumps_indented``, which walks plain JSON data with the standard library's
own C string escaper and number formatting. Both are checked against ``json.dumps`` in
the tests.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

import msgspec

_INFINITY = float("inf")
_encode = msgspec.json.Encoder().encode
_format = msgspec.json.format


def _number(value: float) -> str:
    # As json.dumps writes floats (allow_nan, its default): repr, or NaN and Infinity.
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def exact_float(value: float) -> msgspec.Raw:
    """A float for ``encode_indented``: written as json.dumps writes it (``1e-05``,
    ``NaN``), where msgspec would write its own digits."""
    return msgspec.Raw(_number(value).encode("ascii"))


def encode_indented(value: Any, indent: int) -> bytes:
    """``json.dumps(value, ensure_ascii=False, indent=indent)`` in UTF-8, for JSON data
    whose floats are given as ``exact_float`` (a plain float is written with msgspec's
    digits, which may differ). A lone surrogate raises ``UnicodeEncodeError``, as writing
    json.dumps's text to a UTF-8 file does."""
    try:
        return _format(_encode(value), indent=indent)
    except (TypeError, ValueError, OverflowError, msgspec.MsgspecError):
        # A lone surrogate, a key that is not text, a number beyond 64 bits, NaN (no JSON
        # to lay out): the slow path writes them as json.dumps does (and a surrogate then
        # fails to encode).
        return dumps_indented(value, indent).encode("utf-8")


def dumps_indented(value: Any, indent: int) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=indent)`` writes it
    (an ``exact_float`` as the float it holds)."""
    return _dumps(value, " " * indent, "\n")


def _dumps(value: Any, step: str, newline: str) -> str:
    kind = type(value)
    # Texts and whole numbers, most of the values, are written where they are met.
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + step
        try:
            items = [
                encode_basestring(k)
                + ": "
                + (encode_basestring(v) if type(v) is str else _dumps(v, step, inner))
                for k, v in value.items()
            ]
        except TypeError:  # a key that is not a string: json's own rules turn it into one
            items = [
                encode_basestring(_key(k)) + ": " + _dumps(v, step, inner) for k, v in value.items()
            ]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if kind is str:
        return encode_basestring(value)
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + step
        items = [encode_basestring(v) if type(v) is str else _dumps(v, step, inner) for v in value]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    if kind is int:
        return int.__repr__(value)
    return _other(value, step, newline)


def _key(key: Any) -> str:
    # A dict key as json.dumps turns it into text.
    if isinstance(key, str):
        return key
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _number(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _other(value: Any, step: str, newline: str) -> str:
    # Anything but a plain dict, list, tuple, str or int, as json.dumps writes it.
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, msgspec.Raw):
        return bytes(value).decode("ascii")
    if isinstance(value, dict):
        return _dumps(dict(value), step, newline)
    if isinstance(value, list | tuple):
        return _dumps(list(value), step, newline)
    return json.dumps(value, ensure_ascii=False, indent=len(step)).replace("\n", newline)
