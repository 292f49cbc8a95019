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

import re
import struct
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO

from lxml import etree

from annotator.core.model import Annotation, Code, CodeKind, Document, Status, now
from annotator.core.reading import CorpusReader, CorpusSource
from annotator.io.common import (
    GuidPrefix,
    annotation_guid,
    colour_or_default,
    iso_utc,
    names_used,
    normalise_newlines,
    stable_guid,
    xml_safe,
)
from annotator.io.qdpx_read import QdpxError, read_qdpx
from annotator.io.safe_write import replacing_file
from annotator.io.zip_stream import MemberTooLarge, member_on_thread, new_member, write_member

NS = "urn:QDA-XML:project:1.0"
ROOT_CODES = ("Speaker", "Tone", "Rhetorical device", "Review status")
STATUS_ROOT = ROOT_CODES[3]
STATUS_COLOURS = {Status.SUGGESTED: "#999999", Status.REJECTED: "#555555"}
VARIABLES = ("outlet", "author", "published", "language", "url", "source")
SELECTION_NAME_CHARS = 80
NS_DECLARATION = f' xmlns="{NS}"'.encode()
EMPTY_SOURCES = b"  <Sources/>\n"
# Deflate's fastest level, for the project and the texts alike. ISA-L packs at it (see
# annotator.io.zip_stream): on 100,000 quotes the package is 19.0 MB (18.3 MB at zlib's
# default level 6, which took 0.9 s for the project where ISA-L takes 0.1 s).
COMPRESS_LEVEL = 1
MANY_STAMPS = 4096  # stamps' texts kept for the next quotes

__all__ = ["NS", "QdpxError", "read_qdpx", "write_qdpx"]


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def guid(*parts: object) -> str:
    """A stable GUID (``8-4-4-4-12`` hex) for the thing named by ``parts``."""
    return stable_guid(*parts)


# lxml's escaping: in an attribute, quotes and whitespace other than spaces as well.
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;",
     "\r": "&#13;"}
)  # fmt: skip
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_NEEDS_ATTRIBUTE_ESCAPE = re.compile('[&<>"\t\n\r]')
_NEEDS_TEXT_ESCAPE = re.compile("[&<>\r]")


def _attribute(value: str) -> str:
    """``value`` (XML-safe) as lxml writes it between an attribute's quotes."""
    return value.translate(_ATTRIBUTE_ESCAPES) if _NEEDS_ATTRIBUTE_ESCAPE.search(value) else value


def _text(value: str) -> str:
    """``value`` (XML-safe) as lxml writes it as an element's text."""
    return value.translate(_TEXT_ESCAPES) if _NEEDS_TEXT_ESCAPE.search(value) else value


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
        self.stamps: dict[datetime, str] = {}  # quotes marked together share their stamps
        names = names_used([analyst, *self.used.annotators])
        self.users = {name: guid("user", name) for name in names}
        self.analyst = self.users[analyst]
        self.speakers: dict[str, str] = {}
        self.tones: dict[str, str] = {}
        self.devices: dict[str, str] = {}
        self.statuses: dict[Status, str] = {}
        self.codings: dict[object, tuple[tuple[bytes, ...], tuple[str, ...]]] = {}
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
        text, shift = normalise_newlines(document.text)
        source_guid = guid("document", document.sha256, document.id)
        opening = (
            f'    <TextSource guid="{_attribute(xml_safe(source_guid))}" '
            f'name="{_attribute(xml_safe(document.title))}" '
            f'plainTextPath="internal://{_attribute(xml_safe(source_guid))}.txt" '
            f'creatingUser="{_attribute(xml_safe(self.analyst))}" '
            f'creationDateTime="{iso_utc(document.imported_at)}"'
        )
        if "\r" in document.text:  # offsets counted in CRLF, CR line ends
            parts = [self._selection(a, shift(a.start), shift(a.end)) for a in annotations]
        else:
            parts = [self._selection(a, a.start, a.end) for a in annotations]
        parts += self._variable_values(document)
        if not parts:
            return source_guid, f"{opening}/>\n".encode(), text
        parts.append("    </TextSource>\n")
        return source_guid, f"{opening}>\n{''.join(parts)}".encode(), text

    def _variable_values(self, document: Document) -> list[str]:
        attributes = dict(document.attributes)
        texts = [(getattr(document, n), variable) for n, variable in self.variables.items()]
        texts += [(attributes.get(n), variable) for n, (_name, variable) in self.custom.items()]
        return [
            "      <VariableValue>\n"
            f'        <VariableRef targetGUID="{_attribute(xml_safe(variable_guid))}"/>\n'
            f"        <TextValue>{_text(xml_safe(text))}</TextValue>\n"
            "      </VariableValue>\n"
            for text, variable_guid in texts
            if text
        ]

    def _selection(self, annotation: Annotation, start: int, end: int) -> str:
        """One quote's ``PlainTextSelection`` with its note and codings, indented as lxml
        indents it (GUIDs, numbers and stamps need no escaping)."""
        user = self.users.get(annotation.annotator or "", self.analyst)
        selection_guid = annotation_guid(annotation)
        quote = " ".join(annotation.quote.split())
        if len(quote) > SELECTION_NAME_CHARS:
            quote = quote[: SELECTION_NAME_CHARS - 1] + "\u2026"
        if not quote.isprintable() or _NEEDS_ATTRIBUTE_ESCAPE.search(quote):  # seldom
            quote = _attribute(xml_safe(quote))
        stamps = self.stamps
        if len(stamps) > MANY_STAMPS:
            stamps.clear()
        modified = stamps.get(annotation.modified) or stamps.setdefault(
            annotation.modified, iso_utc(annotation.modified)
        )
        created = stamps.get(annotation.created) or stamps.setdefault(
            annotation.created, iso_utc(annotation.created)
        )
        opening = (
            f'      <PlainTextSelection guid="{selection_guid}" '
            f'name="{quote}" startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{user}" '
            f'creationDateTime="{created}" modifyingUser="{user}" '
            f'modifiedDateTime="{modified}"'
        )
        children = []
        note = xml_safe(annotation.note)
        if note.strip():
            children.append(f"        <Description>{_text(note)}</Description>\n")
        targets, closings = self._codes_of(annotation)
        if targets:
            between = (
                f'" creatingUser="{user}" creationDateTime="{modified}">\n'
                '          <CodeRef targetGUID="'
            )
            guids = _CODINGS.guids_after(selection_guid, targets)
            children += [
                f'        <Coding guid="{coding}{between}{closing}'
                for coding, closing in zip(guids, closings, strict=True)
            ]
        if not children:
            return f"{opening}/>\n"
        return f"{opening}>\n{''.join(children)}      </PlainTextSelection>\n"

    def _codes_of(self, annotation: Annotation) -> tuple[tuple[bytes, ...], tuple[str, ...]]:
        """The GUIDs of the codes a quote is coded with (speaker, tone, devices, status),
        each as UTF-8 and as the end of its ``Coding`` element. Quotes share a few
        combinations: each is worked out once."""
        key = (annotation.speaker, annotation.tone, annotation.devices, annotation.status)
        found = self.codings.get(key)
        if found is None:
            targets = [
                self.speakers.get(annotation.speaker or ""),
                self.tones.get(annotation.tone or ""),
                *(self.devices[d] for d in annotation.devices),
                self.statuses.get(annotation.status),
            ]
            kept = [target for target in targets if target]
            found = self.codings[key] = (
                tuple(target.encode() for target in kept),
                tuple(f'{target}"/>\n        </Coding>\n' for target in kept),
            )
        return found

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


_CODINGS = GuidPrefix("coding")  # a coding's GUID: "coding", its quote's GUID, its code's


def _all_codes(kind: CodeKind, codes: tuple[Code, ...], used: Iterable[str | None]) -> list[Code]:
    """The codebook's codes, then any name used by a quote but missing from the codebook."""
    known = {c.name for c in codes}
    return [*codes, *(Code(kind, name) for name in names_used(used) if name not in known)]


def write_qdpx(corpus: CorpusSource, path: Path | str, *, analyst: str = "analyst") -> int:
    """Write ``corpus`` as a REFI-QDA project to ``path``; return the quotes written.

    ``analyst`` becomes the project's creating user; each annotation's own annotator (if
    any) becomes a user too and is credited with its selection and codings.
    ``project.qde`` is the package's first member, packed on a thread of its own as the
    documents come; their texts are gathered in a spool file beside ``path`` and follow
    it. On an error, ``path`` is left as it was.
    """
    try:
        return _write(corpus, path, analyst, zip64=False)
    except MemberTooLarge:  # over 2 GB of XML: once more, with Zip64 extensions
        return _write(corpus, path, analyst, zip64=True)


def _write(corpus: CorpusSource, path: Path | str, analyst: str, *, zip64: bool) -> int:
    written, sources = 0, 0
    spool_folder = Path(path).resolve().parent
    with (
        corpus.reading() as reader,
        replacing_file(path) as temporary,
        zipfile.ZipFile(
            temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        ) as archive,
        tempfile.TemporaryFile(dir=spool_folder) as texts,
    ):
        writer = _ProjectWriter(reader, analyst)
        head, tail = writer.project()
        member = new_member(archive, "project.qde")
        with member_on_thread(archive, member, zip64=zip64) as project:
            project(head)
            for document, annotations in reader.by_document():
                source_guid, xml, text = writer.source(document, annotations)
                project((b"  <Sources>\n" if not sources else b"") + xml)
                _spool(texts, f"sources/{source_guid}.txt", text.encode("utf-8"))
                written, sources = written + len(annotations), sources + 1
            project((b"  </Sources>\n" if sources else EMPTY_SOURCES) + tail)
        texts.seek(0)
        for _ in range(sources):
            write_member(archive, *_unspool(texts))
    return written


_SPOOLED = struct.Struct("<IQ")  # a spooled member's name and content lengths


def _spool(spool: IO[bytes], name: str, content: bytes) -> None:
    encoded = name.encode("utf-8")
    spool.write(_SPOOLED.pack(len(encoded), len(content)) + encoded)
    spool.write(content)


def _unspool(spool: IO[bytes]) -> tuple[str, bytes]:
    name_size, size = _SPOOLED.unpack(spool.read(_SPOOLED.size))
    return spool.read(name_size).decode("utf-8"), spool.read(size)
