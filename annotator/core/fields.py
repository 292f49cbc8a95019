"""The fields of a quote, read off the ``Annotation`` declaration, and their JSON form.

``Annotation`` (in ``model``) is the one place a quote's fields are declared; each field
says what it holds (its *kind*) and whether it is *derived* (recomputed from the document
text when a quote is read in: ``prefix``, ``suffix``, ``placed``). The store's mapping, the
lossless JSONL format and the list of what each lossy format drops all start from
``QUOTE_FIELDS`` here, so a field added to ``Annotation`` is carried everywhere or reported
missing by the tests.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from annotator.core.model import Annotation, Status


@dataclass(frozen=True)
class QuoteField:
    """One field of ``Annotation``: its name, what it holds, and whether it is derived."""

    name: str
    kind: str  # document, offset, text, name, names, status, number, time, id, flag
    derived: bool


QUOTE_FIELDS: tuple[QuoteField, ...] = tuple(
    QuoteField(f.name, str(f.metadata["kind"]), bool(f.metadata["derived"]))
    for f in fields(Annotation)
)
FIELDS_BY_NAME = {f.name: f for f in QUOTE_FIELDS}
# What a lossless format must write: every field that is not recomputed from the text.
CARRIED: tuple[str, ...] = tuple(f.name for f in QUOTE_FIELDS if not f.derived)


def time_text(value: datetime) -> str:
    """A stamp as exchange formats write it: UTC, to the second, ``Z`` suffix."""
    if value.tzinfo is not UTC:  # naive (local time) or another zone
        value = value.astimezone(UTC)
    # isoformat is several times faster than strftime (and pads the year to four digits
    # as it does); "+00:00" is always its last six characters here.
    return value.isoformat(timespec="seconds")[:-6] + "Z"


@lru_cache(maxsize=4096)  # quotes marked together share their stamps
def parse_time(value: str) -> datetime:
    """An ISO 8601 stamp (``Z`` or an offset; naive is taken as UTC) as aware UTC."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def json_encoders(names: Iterable[str]) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field of ``names`` with what turns a value of it (not None) into its JSON value
    (times as ISO text, devices as a list, a status as its text), or None where the value
    is its own JSON. A writer looks them up once, not once per value."""
    return tuple((name, _JSON_OF_KIND.get(FIELDS_BY_NAME[name].kind)) for name in names)


def _status_text(value: Any) -> str:
    try:
        return _STATUS_TEXT[value]
    except KeyError:
        return Status(value).value  # the error for a value that is no status


_STATUS_TEXT = {status: status.value for status in Status}  # finds plain text too
_JSON_OF_KIND: dict[str, Callable[[Any], Any]] = {
    "time": time_text,
    "names": list,
    "status": _status_text,
}


def from_json(name: str, raw: Any) -> Any:
    """The value of field ``name`` from JSON; ValueError says what is wrong with ``raw``.

    Optional fields take ``null``; nothing is coerced (a speaker given as a number is an
    error, not the text of that number).
    """
    if raw is None:
        return _missing(name, _KIND_OF[name])
    return _READERS[_KIND_OF[name]](name, raw)


def fields_from_json(raw: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """``from_json`` of each field in ``names``, read from the JSON object ``raw``."""
    values: dict[str, Any] = {}
    for name in names:
        value = raw.get(name)
        kind = _KIND_OF[name]
        # Text and whole numbers already of the right type are taken as they are: an
        # import reads millions of them.
        if type(value) is str and kind in _TEXT_KINDS or type(value) is int and kind in _WHOLE:
            values[name] = value
        elif value is None:
            values[name] = _missing(name, kind)
        else:
            values[name] = _READERS[kind](name, value)
    return values


def _text(name: str, raw: Any) -> Any:
    if not isinstance(raw, str):
        raise ValueError(f"'{name}' must be text, not {_json_type(raw)}")
    return raw


def _whole(name: str, raw: Any) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"'{name}' must be a whole number, not {_json_type(raw)}")
    return raw


def _names(name: str, raw: Any) -> Any:
    if not isinstance(raw, list) or not all(isinstance(d, str) for d in raw):
        raise ValueError(f"'{name}' must be a list of names")
    return tuple(raw)


def _status(name: str, raw: Any) -> Any:
    try:
        return Status(raw)
    except ValueError:
        valid = ", ".join(s.value for s in Status)
        raise ValueError(f"'{name}' must be one of {valid}, not {raw!r}") from None


def _number(name: str, raw: Any) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        raise ValueError(f"'{name}' must be a finite number, not {raw!r}")
    return float(raw)


def _time(name: str, raw: Any) -> Any:
    if not isinstance(raw, str):
        raise ValueError(f"'{name}' must be an ISO date and time, not {_json_type(raw)}")
    try:
        return parse_time(raw)
    except ValueError:
        raise ValueError(f"'{name}' is not an ISO date and time: {raw!r}") from None


def _flag(name: str, raw: Any) -> Any:
    if not isinstance(raw, bool):
        raise ValueError(f"'{name}' must be true or false")
    return raw


# One reader per kind, looked up once per value (a corpus import reads millions).
_READERS = {
    "text": _text, "name": _text, "id": _text, "offset": _whole, "document": _whole,
    "names": _names, "status": _status, "number": _number, "time": _time, "flag": _flag,
}  # fmt: skip
_KIND_OF = {f.name: f.kind for f in QUOTE_FIELDS}
_TEXT_KINDS = frozenset({"text", "name", "id"})
_WHOLE = frozenset({"offset", "document"})


def _missing(name: str, kind: str) -> Any:
    if kind in ("offset", "document"):
        raise ValueError(f"'{name}' is missing")
    if kind == "names":
        return ()
    if kind == "status":
        return Status.ACCEPTED
    return None


def _json_type(raw: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    return next((v for t, v in names.items() if isinstance(raw, t)), "a number")
