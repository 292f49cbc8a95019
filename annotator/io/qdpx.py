"""REFI-QDA project exchange (``.qdpx``): the format NVivo, MAXQDA, ATLAS.ti and QualCoder read.

A zip holding ``project.qde`` (Project.xsd v1.0, namespace ``urn:QDA-XML:project:1.0``)
and each document as ``sources/<guid>.txt`` (UTF-8 without BOM, LF line ends). Codes sit
under three non-codable parents, ``Speaker``, ``Tone`` and ``Rhetorical device`` (devices
further grouped under their codebook category); each quote is a ``PlainTextSelection``
with one ``Coding`` per speaker, tone and device, and the note as its ``Description``.
A suggested or rejected quote is also coded ``Review status > suggested`` or ``rejected``
(the fourth parent, written only when such quotes are exported); a quote without a status
code is accepted, so ``import-qdpx`` gives each quote back its status.
Document metadata (outlet, author, published, language, web address as ``url``, source)
and the analyst's own document variables (party, region...) are Text variables, with a
value on each source that has one.
GUIDs derive from stable ids (uuid5; an annotation keeps its own uuid), so exporting the
same corpus twice gives the same ids.

Lost on export: confidence, and speaker aliases,
organisations and countries (the role is the speaker code's description).

This module writes; :mod:`annotator.io.qdpx_read` reads (``read_qdpx`` and ``QdpxError``
are re-exported here).
"""

from __future__ import annotations

import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from lxml import etree

from annotator.core.model import Annotation, Code, CodeKind, Document, Status, now
from annotator.core.reading import CorpusReader, CorpusSource
from annotator.io.common import (
    annotation_guid,
    colour_or_default,
    iso_utc,
    names_used,
    normalise_newlines,
    stable_uuid,
    xml_safe,
)
from annotator.io.qdpx_read import QdpxError, read_qdpx
from annotator.io.safe_write import replacing_file

NS = "urn:QDA-XML:project:1.0"
ROOT_CODES = ("Speaker", "Tone", "Rhetorical device", "Review status")
STATUS_ROOT = ROOT_CODES[3]
STATUS_COLOURS = {Status.SUGGESTED: "#999999", Status.REJECTED: "#555555"}
VARIABLES = ("outlet", "author", "published", "language", "url", "source")
SELECTION_NAME_CHARS = 80
NS_DECLARATION = f' xmlns="{NS}"'.encode()
EMPTY_SOURCES = b"  <Sources/>\n"

__all__ = ["NS", "QdpxError", "read_qdpx", "write_qdpx"]


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def guid(*parts: object) -> str:
    """A stable GUID (``8-4-4-4-12`` hex) for the thing named by ``parts``."""
    return str(stable_uuid(*parts))


def _add(parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
    values = {key: xml_safe(value) for key, value in attributes.items() if value is not None}
    return etree.SubElement(parent, _q(tag), values)


def _description(parent: etree._Element, text: str | None) -> None:
    if text and xml_safe(text).strip():
        _add(parent, "Description").text = xml_safe(text)


class _ProjectWriter:
    """Builds ``project.qde`` for one corpus; keeps the GUIDs it hands out."""

    def __init__(self, corpus: CorpusReader, analyst: str) -> None:
        self.corpus = corpus
        self.used = corpus.usage()
        self.stamp = iso_utc(now())
        names = names_used([analyst, *self.used.annotators])
        self.users = {name: guid("user", name) for name in names}
        self.analyst = self.users[analyst]
        self.speakers: dict[str, str] = {}
        self.tones: dict[str, str] = {}
        self.devices: dict[str, str] = {}
        self.statuses: dict[Status, str] = {}
        self.variables = {name: guid("variable", name) for name in VARIABLES}
        # The analyst's variables, named as they are unless a metadata variable has the name.
        self.custom = {
            name: (f"variable: {name}" if name.casefold() in VARIABLES else name,
                   guid("variable", "attribute", name))
            for name in self.used.variables
        }  # fmt: skip

    def project(self) -> tuple[bytes, bytes]:
        """``project.qde`` up to its sources, and after them (``<Sources/>`` if none)."""
        root = etree.Element(_q("Project"), nsmap={None: NS})
        root.attrib.update(
            {
                "name": "Speechmark export",
                "origin": "Speechmark",
                "creatingUserGUID": self.analyst,
                "creationDateTime": self.stamp,
                "modifyingUserGUID": self.analyst,
                "modifiedDateTime": self.stamp,
            }
        )
        users = _add(root, "Users")
        for name, user_guid in self.users.items():
            _add(users, "User", guid=user_guid, name=name)
        self._codebook(_add(_add(root, "CodeBook"), "Codes"))
        variables = _add(root, "Variables")
        declared = [*self.variables.items(), *self.custom.values()]
        for name, variable_guid in declared:
            _add(variables, "Variable", guid=variable_guid, name=name, typeOfVariable="Text")
        _add(root, "Sources")
        xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        head, tail = xml.split(EMPTY_SOURCES)
        return head, tail

    def source(self, document: Document, annotations: list[Annotation]) -> tuple[str, bytes, str]:
        """One document's ``TextSource`` element, as it sits in the pretty-printed project
        (indented, without its own namespace declaration), with its GUID and its text."""
        element = etree.Element(_q("TextSource"), nsmap={None: NS})
        source_guid = self._source(element, document, annotations)
        etree.indent(element, space="  ", level=2)
        xml = etree.tostring(element, encoding="UTF-8").replace(NS_DECLARATION, b"", 1)
        return source_guid, b"    " + xml + b"\n", normalise_newlines(document.text)[0]

    def _code(
        self, parent: etree._Element, code_guid: str, name: str, codable: bool, **extra: str | None
    ) -> etree._Element:
        colour, description = extra.get("colour"), extra.get("description")
        element = _add(
            parent, "Code", guid=code_guid, name=name, isCodable=str(codable).lower(), color=colour
        )
        _description(element, description)
        return element

    def _codebook(self, codes: etree._Element) -> None:
        corpus, used = self.corpus, self.used
        speaker_root = self._code(codes, guid("root", "Speaker"), "Speaker", False)
        speakers = names_used([*(s.name for s in corpus.speakers), *used.speakers])
        for number, name in enumerate(speakers):
            speaker = corpus.speaker(name)
            self.speakers[name] = guid("speaker", name)
            colour = colour_or_default(speaker.colour if speaker else None, number)
            role = speaker.role if speaker else None
            self._code(
                speaker_root, self.speakers[name], name, True, colour=colour, description=role
            )
        tone_root = self._code(codes, guid("root", "Tone"), "Tone", False)
        for number, code in enumerate(_all_codes(CodeKind.TONE, corpus.codebook.tones, used.tones)):
            self.tones[code.name] = guid("tone", code.name)
            self._leaf(tone_root, self.tones[code.name], code, number)
        device_root = self._code(
            codes, guid("root", "Rhetorical device"), "Rhetorical device", False
        )
        devices = _all_codes(CodeKind.DEVICE, corpus.codebook.devices, used.devices)
        categories: dict[str, etree._Element] = {}
        for number, code in enumerate(devices):
            parent = device_root
            if code.parent:
                if code.parent not in categories:
                    category_guid = guid("category", code.parent)
                    categories[code.parent] = self._code(
                        device_root, category_guid, code.parent, False
                    )
                parent = categories[code.parent]
            self.devices[code.name] = guid("device", code.name)
            self._leaf(parent, self.devices[code.name], code, number)
        self._status_codes(codes)

    def _status_codes(self, codes: etree._Element) -> None:
        used = self.used.statuses - {Status.ACCEPTED}
        if not used:
            return
        root = self._code(codes, guid("root", STATUS_ROOT), STATUS_ROOT, False)
        for status, colour in STATUS_COLOURS.items():
            if status in used:
                self.statuses[status] = guid("status", status.value)
                self._code(root, self.statuses[status], status.value, True, colour=colour)

    def _leaf(self, parent: etree._Element, code_guid: str, code: Code, number: int) -> None:
        colour = colour_or_default(code.colour, number)
        self._code(parent, code_guid, code.name, True, colour=colour, description=code.description)

    def _source(
        self, element: etree._Element, document: Document, annotations: list[Annotation]
    ) -> str:
        source_guid = guid("document", document.sha256, document.id)
        values = {
            "guid": source_guid,
            "name": document.title,
            "plainTextPath": f"internal://{source_guid}.txt",
            "creatingUser": self.analyst,
            "creationDateTime": iso_utc(document.imported_at),
        }
        element.attrib.update({key: xml_safe(value) for key, value in values.items()})
        _text, shift = normalise_newlines(document.text)
        for annotation in annotations:
            self._selection(element, annotation, shift(annotation.start), shift(annotation.end))
        attributes = dict(document.attributes)
        texts = [(getattr(document, n), variable) for n, variable in self.variables.items()]
        texts += [(attributes.get(n), variable) for n, (_name, variable) in self.custom.items()]
        for text, variable_guid in texts:
            if text:
                variable_value = _add(element, "VariableValue")
                _add(variable_value, "VariableRef", targetGUID=variable_guid)
                _add(variable_value, "TextValue").text = xml_safe(text)
        return source_guid

    def _selection(
        self, parent: etree._Element, annotation: Annotation, start: int, end: int
    ) -> None:
        user = self.users.get(annotation.annotator or "", self.analyst)
        selection_guid = annotation_guid(annotation)
        quote = " ".join(annotation.quote.split())
        if len(quote) > SELECTION_NAME_CHARS:
            quote = quote[: SELECTION_NAME_CHARS - 1] + "\u2026"
        modified = iso_utc(annotation.modified)
        # GUIDs, numbers and stamps need no cleaning: only the quote's name goes through _add.
        selection = etree.SubElement(parent, _q("PlainTextSelection"), {
            "guid": selection_guid, "name": xml_safe(quote), "startPosition": str(start),
            "endPosition": str(end), "creatingUser": user,
            "creationDateTime": iso_utc(annotation.created), "modifyingUser": user,
            "modifiedDateTime": modified,
        })  # fmt: skip
        _description(selection, annotation.note)
        targets = [
            self.speakers.get(annotation.speaker or ""),
            self.tones.get(annotation.tone or ""),
        ]
        targets += [self.devices[d] for d in annotation.devices]
        targets.append(self.statuses.get(annotation.status))
        for target in targets:
            if target:
                coding = etree.SubElement(selection, _q("Coding"), {
                    "guid": guid("coding", selection_guid, target), "creatingUser": user,
                    "creationDateTime": modified,
                })  # fmt: skip
                etree.SubElement(coding, _q("CodeRef"), {"targetGUID": target})


def _all_codes(kind: CodeKind, codes: tuple[Code, ...], used: Iterable[str | None]) -> list[Code]:
    """The codebook's codes, then any name used by a quote but missing from the codebook."""
    known = {c.name for c in codes}
    return [*codes, *(Code(kind, name) for name in names_used(used) if name not in known)]


def write_qdpx(corpus: CorpusSource, path: Path | str, *, analyst: str = "analyst") -> int:
    """Write ``corpus`` as a REFI-QDA project to ``path``; return the quotes written.

    ``analyst`` becomes the project's creating user; each annotation's own annotator (if
    any) becomes a user too and is credited with its selection and codings. The texts go
    into the package as the documents come; ``project.qde`` is gathered in a spool file
    beside ``path`` and added last. On an error, ``path`` is left as it was.
    """
    written, sources = 0, 0
    spool_folder = Path(path).resolve().parent
    with (
        corpus.reading() as reader,
        replacing_file(path) as temporary,
        zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        tempfile.TemporaryFile(dir=spool_folder) as project,
    ):
        writer = _ProjectWriter(reader, analyst)
        head, tail = writer.project()
        project.write(head)
        for document, annotations in reader.by_document():
            source_guid, xml, text = writer.source(document, annotations)
            project.write((b"  <Sources>\n" if not sources else b"") + xml)
            archive.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
            written, sources = written + len(annotations), sources + 1
        project.write((b"  </Sources>\n" if sources else EMPTY_SOURCES) + tail)
        _add_member(archive, "project.qde", project)
    return written


def _add_member(archive: zipfile.ZipFile, name: str, content: IO[bytes]) -> None:
    """Copy ``content`` (from its start) into ``archive`` as ``writestr`` would add it."""
    member = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
    member.compress_type, member.external_attr = archive.compression, 0o600 << 16
    member.file_size = content.seek(0, 2)  # a size known up front: Zip64 only when needed
    content.seek(0)
    with archive.open(member, "w") as stream:
        shutil.copyfileobj(content, stream)
