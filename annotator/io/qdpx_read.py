"""Reading REFI-QDA projects (``.qdpx``) written by NVivo, MAXQDA, ATLAS.ti, QualCoder or us.

The layout is described in :mod:`annotator.io.qdpx`. The reader matches elements by local
name, so it accepts any namespace spelling, and it maps foreign code trees onto speakers,
tones and devices (see :func:`read_qdpx`).
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from annotator.core.corpus import Corpus
from annotator.core.model import (
    Annotation,
    Code,
    Codebook,
    CodeKind,
    Document,
    Speaker,
    Status,
    now,
)
from annotator.io.common import (
    colour_or_default,
    names_used,
    normalise_newlines,
    parse_iso,
    stable_uuid,
)
from annotator.io.files import MB, ZIP_ERRORS, ImportProblem, display_path, open_regular

__all__ = ["QdpxError", "read_qdpx"]

# What a project may expand to. Sources are read one at a time and only the project file
# and the text sources are read at all (not PDFs, pictures or audio), so the whole archive
# may be far larger than what is read.
QDE_LIMIT = 256 * MB
SOURCE_LIMIT = 20 * MB  # as for a text file imported on its own
READ_LIMIT = 1024 * MB

_ROOT_KINDS = {
    "speaker": "speaker",
    "speakers": "speaker",
    "tone": CodeKind.TONE,
    "tones": CodeKind.TONE,
    "rhetorical device": CodeKind.DEVICE,
    "rhetorical devices": CodeKind.DEVICE,
    "devices": CodeKind.DEVICE,
    "review status": "status",
}
_STATUSES = {status.value: status for status in Status}
_METADATA_NAMES = {
    "outlet": "outlet",
    "publisher": "outlet",
    "author": "author",
    "published": "published",
    "date": "published",
    "language": "language",
    "source": "source",
    "url": "url",
}


class QdpxError(ValueError):
    """A file that cannot be read as a REFI-QDA project; the message names file and problem."""


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _child_text(element: etree._Element, name: str) -> str | None:
    found = _children(element, name)
    return found[0].text if found else None


def _norm_guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _open_project(path: Path, handle: BinaryIO) -> tuple[zipfile.ZipFile, str]:
    try:
        archive = zipfile.ZipFile(handle)
    except ZIP_ERRORS:
        raise QdpxError(f"{display_path(path)}: not a QDPX project (not a zip archive)") from None
    entries = [n for n in archive.namelist() if "/" not in n and n.lower().endswith(".qde")]
    if not entries:
        archive.close()
        raise QdpxError(
            f"{display_path(path)}: no project.qde (or other .qde file) at the archive root"
        )
    return archive, "project.qde" if "project.qde" in entries else sorted(entries)[0]


def _read_member(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    size = archive.getinfo(name).file_size
    if size > limit:
        raise QdpxError(
            f"{display_path(path)}: not imported: {name} expands to {size // MB} MB; "
            f"the limit is {limit // MB} MB"
        )
    try:
        return archive.read(name)
    except ZIP_ERRORS as error:
        raise QdpxError(f"{display_path(path)}: {name} is damaged ({error})") from None


def _parse(path: Path, name: str, data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise QdpxError(f"{display_path(path)}: {name} is not well-formed XML ({error})") from error
    if _local(root) != "Project":
        raise QdpxError(
            f"{display_path(path)}: {name} holds <{_local(root)}>, not a REFI-QDA <Project>"
        )
    return root


class _ProjectReader:
    """Turns a parsed ``project.qde`` plus its sources into a Corpus."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, root: etree._Element) -> None:
        self.path, self.archive, self.root = path, archive, root
        self.where = display_path(path)
        self.read_so_far = 0
        self.files = {name.casefold(): name for name in archive.namelist()}
        self.users = {_norm_guid(u.get("guid")): u.get("name", "") for u in self._all("User")}
        self.cases = {_norm_guid(c.get("guid")): c.get("name", "") for c in self._all("Case")}
        self.case_of_selection = {
            _norm_guid(ref.get("targetGUID")): self.cases[_norm_guid(case.get("guid"))]
            for case in self._all("Case")
            for ref in _children(case, "SelectionRef")
        }
        self.variables = {
            _norm_guid(v.get("guid")): v.get("name", "") for v in self._all("Variable")
        }
        self.notes = {
            _norm_guid(n.get("guid")): _child_text(n, "PlainTextContent") or ""
            for n in self._all("Note")
        }
        self.codes: dict[str, tuple[str, str]] = {}  # guid -> (kind, name)
        self.tones: list[Code] = []
        self.devices: list[Code] = []
        self.speakers: list[Speaker] = []

    def _all(self, name: str) -> list[etree._Element]:
        return [e for e in self.root.iter() if _local(e) == name]

    def corpus(self) -> Corpus:
        for codebook in _children(self.root, "CodeBook"):
            for codes in _children(codebook, "Codes"):
                for code in _children(codes, "Code"):
                    self._code(code, None, None)
        documents: list[Document] = []
        annotations: list[Annotation] = []
        for sources in _children(self.root, "Sources"):
            for source in _children(sources, "TextSource"):
                text, shift = normalise_newlines(self._source_text(source))
                document = self._document(source, text, len(documents) + 1)
                documents.append(document)
                annotations.extend(self._annotations(source, document, shift))
        known = {s.name for s in self.speakers}
        for name in names_used(a.speaker for a in annotations):
            if name not in known:
                self.speakers.append(Speaker(name, colour=colour_or_default(None, len(known))))
                known.add(name)
        return Corpus(
            documents=tuple(documents),
            annotations=tuple(annotations),
            speakers=tuple(self.speakers),
            codebook=Codebook(tones=tuple(self.tones), devices=tuple(self.devices)),
        )

    def _code(self, element: etree._Element, kind: str | None, category: str | None) -> None:
        name = (element.get("name") or "").strip()
        codable = element.get("isCodable", "true").strip().lower() in ("true", "1")
        if kind is None and not codable and name.casefold() in _ROOT_KINDS:
            for child in _children(element, "Code"):
                self._code(child, _ROOT_KINDS[name.casefold()], None)
            return
        kind = kind or CodeKind.DEVICE  # codes of other projects read as devices
        if codable and name:
            self._register(element, kind, name, category)
        for child in _children(element, "Code"):
            self._code(child, kind, name or category)

    def _register(self, element: etree._Element, kind: str, name: str, parent: str | None) -> None:
        if kind == "status" and name.casefold() not in _STATUSES:
            kind = CodeKind.DEVICE  # a code someone added under the status parent: keep it
        self.codes[_norm_guid(element.get("guid"))] = (kind, name)
        if kind == "status":
            return
        description = (_child_text(element, "Description") or "").strip()
        if kind == "speaker":
            if all(s.name != name for s in self.speakers):
                colour = colour_or_default(element.get("color"), len(self.speakers))
                self.speakers.append(Speaker(name, role=description or None, colour=colour))
            return
        codes = self.tones if kind == CodeKind.TONE else self.devices
        if all(c.name.casefold() != name.casefold() for c in codes):
            colour = colour_or_default(element.get("color"), len(codes))
            parent = parent if kind == CodeKind.DEVICE else None
            codes.append(Code(CodeKind(kind), name, description, colour, parent=parent))

    def _source_text(self, source: etree._Element) -> str:
        name = source.get("name") or source.get("guid") or "?"
        location = source.get("plainTextPath")
        if not location:
            inline = _child_text(source, "PlainTextContent")
            if inline is None:
                raise QdpxError(f"{self.where}: source {name!r} has no plainTextPath")
            return self._checked(name, inline)
        file_name = location.split("://", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
        entry = self.files.get(f"sources/{file_name}".casefold())
        if entry is None:
            raise QdpxError(f"{self.where}: source {name!r}: {location} is not in the archive")
        data = _read_member(self.path, self.archive, entry, SOURCE_LIMIT)
        self.read_so_far += len(data)
        if self.read_so_far > READ_LIMIT:
            raise QdpxError(
                f"{self.where}: not imported: its sources add up to more than "
                f"{READ_LIMIT // MB} MB of text"
            )
        try:
            return self._checked(name, data.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise QdpxError(f"{self.where}: {entry} is not UTF-8 text ({error})") from error

    def _checked(self, name: str, text: str) -> str:
        if not text:  # an empty document could never hold a quote
            raise QdpxError(f"{self.where}: source {name!r} has no text")
        return text

    def _document(self, source: etree._Element, text: str, number: int) -> Document:
        metadata: dict[str, str] = {}
        variables: dict[str, str] = {}  # any other variable is one of the analyst's own
        for value in _children(source, "VariableValue"):
            refs = _children(value, "VariableRef")
            variable = self.variables.get(_norm_guid(refs[0].get("targetGUID"))) if refs else None
            name = (variable or "").strip()
            key = _METADATA_NAMES.get(name.casefold())
            typed = [c.text for c in value if _local(c) != "VariableRef" and c.text]
            if typed and key:
                metadata[key] = typed[0].strip()
            elif typed and name:
                variables[name] = typed[0].strip()
        if "published" in metadata:
            metadata["published"] = metadata["published"][:10]
        if "url" in metadata and not metadata["url"].startswith(("http://", "https://")):
            metadata.setdefault("source", metadata.pop("url"))  # older exports kept paths
        return Document(
            title=source.get("name") or f"Document {number}",
            text=text,
            imported_at=parse_iso(source.get("creationDateTime")) or now(),
            id=number,
            attributes=tuple(sorted(variables.items())),
            **metadata,  # type: ignore[arg-type]
        )

    def _annotations(
        self, source: etree._Element, document: Document, shift: Callable[[int], int]
    ) -> list[Annotation]:
        assert document.id is not None
        found = []
        for selection in _children(source, "PlainTextSelection"):
            label = selection.get("guid") or selection.get("name") or "?"
            try:
                start = shift(int(selection.get("startPosition", "")))
                end = shift(int(selection.get("endPosition", "")))
            except ValueError as error:
                raise QdpxError(f"{self.where}: selection {label}: bad position") from error
            if not 0 <= start < end <= len(document.text):
                raise QdpxError(
                    f"{self.where}: selection {label} ({start}-{end}) is outside the text of "
                    f"{document.title!r} (length {len(document.text)})"
                )
            values = self._values(selection)
            found.append(Annotation.on(document.id, document.text, start, end, **values))
        return found

    def _values(self, selection: etree._Element) -> dict[str, object]:
        selection_guid = _norm_guid(selection.get("guid"))
        speaker, tone, devices = self.case_of_selection.get(selection_guid), None, []
        status = Status.ACCEPTED
        for coding in _children(selection, "Coding"):
            for ref in _children(coding, "CodeRef"):
                target = _norm_guid(ref.get("targetGUID"))
                kind, name = self.codes.get(target, ("case", self.cases.get(target, "")))
                if kind in ("speaker", "case") and name:
                    speaker = speaker or name
                elif kind == CodeKind.TONE:
                    tone = tone or name
                elif kind == CodeKind.DEVICE and name not in devices:
                    devices.append(name)
                elif kind == "status":
                    status = _STATUSES[name.casefold()]
        note = (_child_text(selection, "Description") or "").strip() or "\n\n".join(
            self.notes.get(_norm_guid(r.get("targetGUID")), "")
            for r in _children(selection, "NoteRef")
        ).strip()
        created = parse_iso(selection.get("creationDateTime")) or now()
        try:
            annotation_id = uuid.UUID(selection_guid).hex
        except ValueError:
            annotation_id = stable_uuid("selection", selection_guid).hex
        return {
            "speaker": speaker,
            "tone": tone,
            "devices": tuple(devices),
            "note": note or None,
            "status": status,
            "annotator": self.users.get(_norm_guid(selection.get("creatingUser"))) or None,
            "created": created,
            "modified": parse_iso(selection.get("modifiedDateTime")) or created,
            "id": annotation_id,
        }


def read_qdpx(path: Path | str) -> Corpus:
    """Read a REFI-QDA project (``.qdpx``) into a Corpus.

    Accepts the common dialects: any ``*.qde`` at the zip root, ``sources/`` in any case,
    missing users and dates, CRLF in sources (normalised to LF, offsets shifted),
    selections without codings, codes without colours (a colour-blind-safe palette is
    used) and codings that point at cases (read as the speaker). Codes outside the
    ``Speaker``/``Tone``/``Rhetorical device`` trees are read as devices, categorised by
    their parent code. Raises ``QdpxError`` (a ``ValueError``) naming the file and problem,
    also for an empty source, and for a project file or source that would expand beyond
    ``QDE_LIMIT`` / ``SOURCE_LIMIT``.
    """
    path = Path(path)
    try:
        handle = open_regular(path)  # not a device or a pipe, which would never end
    except ImportProblem as problem:
        raise QdpxError(str(problem)) from None
    with handle:
        archive, name = _open_project(path, handle)
        with archive:
            root = _parse(path, name, _read_member(path, archive, name, QDE_LIMIT))
            return _ProjectReader(path, archive, root).corpus()
