"""Quotes as plain records: the checked values of their carried fields, in one order.

A corpus import reads a hundred thousand quotes; building an ``Annotation`` (a frozen
dataclass setting 18 fields) and a dict per quote took most of its time. A *record* is a
tuple of the values of ``RECORD_FIELDS`` (every carried field but the document, which is
the one the quote belongs to), checked exactly as ``fields.from_json`` checks them:

    id          text (a new id when the JSON has none)
    start, end  whole numbers, a span of the document's text
    quote       the text of that span
    devices     a tuple of names
    status      a ``Status``
    confidence  a float or None
    created, modified   aware UTC datetimes, or None when unknown (the reader stamps them)

``QuoteReader`` makes records from JSON objects; anything it has not met before (a new
combination of value types, a new stamp or status) is checked by ``quote_record``, the
complete check, so its error messages are the ones users see, whichever path a quote takes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from annotator.core.fields import CARRIED, FIELDS_BY_NAME, fields_from_json, from_json
from annotator.core.model import Annotation, Status, context_around, new_annotation_id

RECORD_FIELDS: tuple[str, ...] = ("id", *(n for n in CARRIED if n not in ("id", "document_id")))
RECORD_INDEX = {name: n for n, name in enumerate(RECORD_FIELDS)}
QuoteRecord = tuple[Any, ...]  # the values of RECORD_FIELDS, in that order

_KINDS = tuple(FIELDS_BY_NAME[name].kind for name in RECORD_FIELDS)
# Kinds whose JSON value is valid when its type is (None included): text, names, ids and
# offsets. The others have their values checked one by one below.
_TYPE_ONLY = frozenset({"text", "name", "id", "offset"})
_VALUE_CHECKED = frozenset({"names", "status", "number", "time"})
_unknown = set(_KINDS) - _TYPE_ONLY - _VALUE_CHECKED
assert not _unknown, f"record fields of a kind the reader does not check: {_unknown}"


def _at(kind: str) -> tuple[int, ...]:
    return tuple(n for n, k in enumerate(_KINDS) if k == kind)


_ID, _START, _END, _QUOTE = (RECORD_INDEX[n] for n in ("id", "start", "end", "quote"))
_NAMES, _STATUSES, _NUMBERS, _TIMES = (_at(k) for k in ("names", "status", "number", "time"))
_STATUS_OF: dict[Any, Status] = {None: Status.ACCEPTED, **{s.value: s for s in Status}}
_READ = RECORD_FIELDS[1:]  # what ``fields_from_json`` checks (the id is checked apart)


def quote_record(raw: Any, text: str) -> QuoteRecord:
    """The record of the JSON object ``raw``, a quote of ``text``; raises ``ValueError``
    saying what is wrong (not where: the caller knows the file and line).

    The complete check, value by value: ``QuoteReader`` gives the same records faster."""
    if not isinstance(raw, dict):
        raise ValueError("an annotation must be a JSON object")
    values = fields_from_json(raw, _READ)
    start, end = values["start"], values["end"]
    if not 0 <= start < end <= len(text):
        raise ValueError(f"annotation span {start}-{end} is outside the text")
    if values["quote"] is not None and values["quote"] != text[start:end]:
        raise ValueError(f"annotation quote does not match text[{start}:{end}]")
    values["quote"] = text[start:end]
    given = raw.get("id")
    values["id"] = new_annotation_id() if given is None else from_json("id", given)
    return tuple(values[name] for name in RECORD_FIELDS)


class QuoteReader:
    """Records from JSON objects, checked as ``quote_record`` checks them, remembering what
    it has checked once: the combinations of value types seen valid, stamps, statuses."""

    def __init__(self) -> None:
        self._shapes: set[tuple[type, ...]] = set()  # value types of quotes found valid
        self._times: dict[Any, datetime | None] = {None: None}

    def record(self, raw: Any, text: str) -> QuoteRecord:
        """The record of ``raw``, a quote of ``text`` (see ``quote_record``)."""
        if type(raw) is not dict:
            return quote_record(raw, text)  # raises
        values: list[Any] = list(map(raw.get, RECORD_FIELDS))
        if tuple(map(type, values)) not in self._shapes:
            return self._learn(raw, text)
        found = self.typed_record(values, text)
        return quote_record(raw, text) if found is None else found  # the latter raises

    def typed_record(self, values: list[Any], text: str) -> QuoteRecord | None:
        """The record of a quote of ``text`` from the JSON values of ``RECORD_FIELDS`` (in
        ``values``, which this changes), each already of a type its field takes (text or
        None for text, a whole number for an offset, a list of text or None for names, a
        number or None for a number...: what a typed JSON decoder gives); None when a value
        is not valid (``quote_record`` then says why), or a ``ValueError`` for a stamp."""
        start, end = values[_START], values[_END]
        quote = text[start:end]
        given = values[_QUOTE]
        if not 0 <= start < end <= len(text) or given is not None and given != quote:
            return None
        values[_QUOTE] = quote
        if values[_ID] is None:
            values[_ID] = new_annotation_id()
        for n in _STATUSES:
            status = _STATUS_OF.get(values[n])
            if status is None:
                return None
            values[n] = status
        times = self._times
        for n in _TIMES:
            stamp = values[n]
            known = times.get(stamp)
            if known is None and stamp is not None:
                known = times[stamp] = from_json(RECORD_FIELDS[n], stamp)  # or raises
            values[n] = known
        for n in _NUMBERS:
            number = values[n]
            if number is not None:
                if not math.isfinite(number):
                    return None
                values[n] = float(number)
        for n in _NAMES:
            names = values[n]
            if names is None:
                values[n] = ()
            else:
                for name in names:
                    if type(name) is not str:
                        return None
                values[n] = tuple(names)
        return tuple(values)

    def _learn(self, raw: dict[str, Any], text: str) -> QuoteRecord:
        # Value types met for the first time: the complete check. When it passes, every
        # later quote with these types needs only the value checks of ``record``.
        found = quote_record(raw, text)
        given = list(map(raw.get, RECORD_FIELDS))
        self._shapes.add(tuple(map(type, given)))
        for n in _TIMES:
            if given[n] is not None:
                self._times[given[n]] = found[n]
        return found


def annotation_of_record(document_id: int, text: str, record: Sequence[Any]) -> Annotation:
    """The ``Annotation`` a record of a quote of ``text`` stands for (unknown stamps: now)."""
    values = dict(zip(RECORD_FIELDS, record, strict=True))
    for name in ("created", "modified"):
        if values[name] is None:
            del values[name]  # the dataclass's default: now, as for a quote marked today
    prefix, suffix = context_around(text, values["start"], values["end"])
    return Annotation(document_id=document_id, prefix=prefix, suffix=suffix, **values)
