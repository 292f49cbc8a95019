"""A document's details: title, outlet, author, date, address and the analyst's variables.

Editing one document or many is one undoable edit; a CSV of details (one row per document,
found by ``id`` or by ``title``) fills many at once.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from annotator.core import Document
from annotator.core.edits import Batch, Edit, UpdateDocument

DETAILS = ("title", "outlet", "author", "published", "url", "language")
COLUMN_NAMES = {"date": "published"}  # what a spreadsheet may call a detail
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_detail(name: str, value: str | None) -> str | None:
    """The value cleaned up, or ValueError saying what is wrong with it."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        if name == "title":
            raise ValueError("a document needs a title")
        return None
    if name == "published" and not _DATE.fullmatch(value):
        raise ValueError(f"date {value!r}: use YYYY-MM-DD (or YYYY-MM, or YYYY)")
    if name == "url" and not re.match(r"https?://\S+$", value):
        raise ValueError(f"address {value!r}: use a web address (http:// or https://)")
    return value


def details_edit(
    document: Document,
    details: Mapping[str, str | None],
    variables: Mapping[str, str | None] = {},
    label: str = "Edit document details",
) -> UpdateDocument:
    """The edit giving ``document`` these details (None: leave) and variables (None or "":
    remove)."""
    after: dict[str, object] = {}
    for name, value in details.items():
        if value is not None:
            after[name] = check_detail(name, value)
    if variables:
        after["attributes"] = document.with_attributes(
            {k.strip(): (v.strip() if v else None) for k, v in variables.items()}
        ).attributes
    return UpdateDocument.between(document, label, **after)


def many_edit(
    documents: Iterable[Document],
    details: Mapping[str, str | None],
    variables: Mapping[str, str | None] = {},
) -> Batch:
    """The same details for several documents, as one edit."""
    edits: list[Edit] = []
    for document in documents:
        edit = details_edit(document, details, variables)
        if edit.changes:
            edits.append(edit)
    return Batch(tuple(edits), f"Edit details of {len(edits)} documents")


def parse_assignments(values: Iterable[str]) -> dict[str, str | None]:
    """``party=Labour`` pairs as a dict; ``party=`` removes the variable."""
    found: dict[str, str | None] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"{value!r}: write NAME=VALUE (NAME= removes it)")
        found[name.strip()] = text.strip() or None
    return found


def csv_edit(path: Path, documents: list[Document]) -> Batch:
    """The edit applying a CSV of details: a row per document, matched by its ``id``
    column (or else ``title``); title, outlet, author, date/published, url and language set
    the details, every other column a variable. ValueError names the file and row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ValueError(f"{path}: cannot read the CSV ({error})") from error
    by_id = {str(d.id): d for d in documents}
    by_title = {d.title.casefold(): d for d in documents}
    edits: list[Edit] = []
    for number, row in enumerate(rows, 2):
        where = f"{path}, row {number}"
        key = (row.get("id") or "").strip()
        document = by_id.get(key) if key else by_title.get((row.get("title") or "").casefold())
        if document is None:
            raise ValueError(f"{where}: no document with id {key!r} or that title")
        details: dict[str, str | None] = {}
        variables: dict[str, str | None] = {}
        for column, value in row.items():
            if column is None or column.strip() in ("", "id"):
                continue
            name = COLUMN_NAMES.get(column.strip().casefold(), column.strip().casefold())
            if name in DETAILS:
                details[name] = value
            else:
                variables[column.strip()] = value
        try:
            edit = details_edit(document, details, variables)
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None
        if edit.changes:
            edits.append(edit)
    return Batch(tuple(edits), f"Details from {path.name}")
