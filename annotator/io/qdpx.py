"""REFI-QDA project exchange (``.qdpx``): the format NVivo, MAXQDA, ATLAS.ti and QualCoder read.

A zip holding ``project.qde`` (Project.xsd v1.0, namespace ``urn:QDA-XML:project:1.0``)
and each document as ``sources/<guid>.txt`` (UTF-8 without BOM, LF line ends). Codes sit
under three non-codable parents, ``Speaker``, ``Tone`` and ``Rhetorical device`` (devices
further grouped under their codebook category); each quote is a ``PlainTextSelection``
with one ``Coding`` per speaker, tone and device, and the note as its ``Description``.
Document metadata (outlet, author, published, language, source URL) are Text variables.
GUIDs derive from stable ids (uuid5; an annotation keeps its own uuid), so exporting the
same corpus twice gives the same ids.

Lost on export: status and confidence (export accepted quotes), and speaker aliases,
organisations and countries (the role is the speaker code's description).
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Code, Codebook, CodeKind, Document, Speaker, now
from annotator.io.common import (
    annotation_uuid,
    colour_or_default,
    documents_in_order,
    iso_utc,
    names_used,
    normalise_newlines,
    parse_iso,
    stable_uuid,
    xml_safe,
)

NS = "urn:QDA-XML:project:1.0"
ROOT_CODES = ("Speaker", "Tone", "Rhetorical device")
VARIABLES = ("outlet", "author", "published", "language", "source")
SELECTION_NAME_CHARS = 80

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

    def __init__(self, corpus: Corpus, analyst: str) -> None:
        self.corpus = corpus
        self.stamp = iso_utc(now())
        names = names_used([analyst, *(a.annotator for a in corpus.annotations)])
        self.users = {name: guid("user", name) for name in names}
        self.analyst = self.users[analyst]
        self.speakers: dict[str, str] = {}
        self.tones: dict[str, str] = {}
        self.devices: dict[str, str] = {}
        self.variables = {name: guid("variable", name) for name in VARIABLES}
        self.sources: dict[str, str] = {}

    def project(self) -> etree._Element:
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
        for name, variable_guid in self.variables.items():
            _add(variables, "Variable", guid=variable_guid, name=name, typeOfVariable="Text")
        sources = _add(root, "Sources")
        for document in documents_in_order(self.corpus):
            self._source(sources, document)
        return root

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
        corpus, ann = self.corpus, self.corpus.annotations
        speaker_root = self._code(codes, guid("root", "Speaker"), "Speaker", False)
        speakers = names_used([s.name for s in corpus.speakers] + [a.speaker for a in ann])
        for number, name in enumerate(speakers):
            speaker = corpus.speaker(name)
            self.speakers[name] = guid("speaker", name)
            colour = colour_or_default(speaker.colour if speaker else None, number)
            role = speaker.role if speaker else None
            self._code(
                speaker_root, self.speakers[name], name, True, colour=colour, description=role
            )
        tone_root = self._code(codes, guid("root", "Tone"), "Tone", False)
        for number, code in enumerate(
            _all_codes(CodeKind.TONE, corpus.codebook.tones, [a.tone for a in ann])
        ):
            self.tones[code.name] = guid("tone", code.name)
            self._leaf(tone_root, self.tones[code.name], code, number)
        device_root = self._code(
            codes, guid("root", "Rhetorical device"), "Rhetorical device", False
        )
        used = [d for a in ann for d in a.devices]
        categories: dict[str, etree._Element] = {}
        for number, code in enumerate(_all_codes(CodeKind.DEVICE, corpus.codebook.devices, used)):
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

    def _leaf(self, parent: etree._Element, code_guid: str, code: Code, number: int) -> None:
        colour = colour_or_default(code.colour, number)
        self._code(parent, code_guid, code.name, True, colour=colour, description=code.description)

    def _source(self, sources: etree._Element, document: Document) -> None:
        source_guid = guid("document", document.sha256, document.id)
        text, shift = normalise_newlines(document.text)
        self.sources[source_guid] = text
        element = _add(
            sources,
            "TextSource",
            guid=source_guid,
            name=document.title,
            plainTextPath=f"internal://{source_guid}.txt",
            creatingUser=self.analyst,
            creationDateTime=iso_utc(document.imported_at),
        )
        for annotation in self.corpus.annotations_of(document.id):
            self._selection(element, annotation, shift(annotation.start), shift(annotation.end))
        for name, variable_guid in self.variables.items():
            value = getattr(document, name)
            if value:
                variable_value = _add(element, "VariableValue")
                _add(variable_value, "VariableRef", targetGUID=variable_guid)
                _add(variable_value, "TextValue").text = xml_safe(value)

    def _selection(
        self, parent: etree._Element, annotation: Annotation, start: int, end: int
    ) -> None:
        user = self.users.get(annotation.annotator or "", self.analyst)
        selection_guid = str(annotation_uuid(annotation))
        quote = " ".join(annotation.quote.split())
        if len(quote) > SELECTION_NAME_CHARS:
            quote = quote[: SELECTION_NAME_CHARS - 1] + "\u2026"
        selection = _add(
            parent,
            "PlainTextSelection",
            guid=selection_guid,
            name=quote,
            startPosition=str(start),
            endPosition=str(end),
            creatingUser=user,
            creationDateTime=iso_utc(annotation.created),
            modifyingUser=user,
            modifiedDateTime=iso_utc(annotation.modified),
        )
        _description(selection, annotation.note)
        targets = [
            self.speakers.get(annotation.speaker or ""),
            self.tones.get(annotation.tone or ""),
        ]
        targets += [self.devices[d] for d in annotation.devices]
        for target in targets:
            if target:
                coding = _add(
                    selection,
                    "Coding",
                    guid=guid("coding", selection_guid, target),
                    creatingUser=user,
                    creationDateTime=iso_utc(annotation.modified),
                )
                _add(coding, "CodeRef", targetGUID=target)


def _all_codes(kind: CodeKind, codes: tuple[Code, ...], used: Iterable[str | None]) -> list[Code]:
    """The codebook's codes, then any name used by a quote but missing from the codebook."""
    known = {c.name for c in codes}
    return [*codes, *(Code(kind, name) for name in names_used(used) if name not in known)]


def write_qdpx(corpus: Corpus, path: Path | str, *, analyst: str = "analyst") -> int:
    """Write ``corpus`` as a REFI-QDA project to ``path``; return the quotes written.

    ``analyst`` becomes the project's creating user; each annotation's own annotator (if
    any) becomes a user too and is credited with its selection and codings.
    """
    writer = _ProjectWriter(corpus, analyst)
    project = writer.project()
    xml = etree.tostring(project, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for source_guid, text in writer.sources.items():
            archive.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
    return len(corpus.annotations)


# Reading --------------------------------------------------------------------------------

_ROOT_KINDS = {
    "speaker": "speaker",
    "speakers": "speaker",
    "tone": CodeKind.TONE,
    "tones": CodeKind.TONE,
    "rhetorical device": CodeKind.DEVICE,
    "rhetorical devices": CodeKind.DEVICE,
    "devices": CodeKind.DEVICE,
}
_METADATA_NAMES = {
    "outlet": "outlet",
    "publisher": "outlet",
    "author": "author",
    "published": "published",
    "date": "published",
    "language": "language",
    "source": "source",
    "url": "source",
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


def _open_project(path: Path) -> tuple[zipfile.ZipFile, str]:
    if not zipfile.is_zipfile(path):
        raise QdpxError(f"{path}: not a QDPX project (not a zip archive)")
    archive = zipfile.ZipFile(path)
    entries = [n for n in archive.namelist() if "/" not in n and n.lower().endswith(".qde")]
    if not entries:
        archive.close()
        raise QdpxError(f"{path}: no project.qde (or other .qde file) at the archive root")
    return archive, "project.qde" if "project.qde" in entries else sorted(entries)[0]


def _parse(path: Path, name: str, data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise QdpxError(f"{path}: {name} is not well-formed XML ({error})") from error
    if _local(root) != "Project":
        raise QdpxError(f"{path}: {name} holds <{_local(root)}>, not a REFI-QDA <Project>")
    return root


class _ProjectReader:
    """Turns a parsed ``project.qde`` plus its sources into a Corpus."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, root: etree._Element) -> None:
        self.path, self.archive, self.root = path, archive, root
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
        self.codes[_norm_guid(element.get("guid"))] = (kind, name)
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
                raise QdpxError(f"{self.path}: source {name!r} has no plainTextPath")
            return inline
        file_name = location.split("://", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
        entry = self.files.get(f"sources/{file_name}".casefold())
        if entry is None:
            raise QdpxError(f"{self.path}: source {name!r}: {location} is not in the archive")
        try:
            return self.archive.read(entry).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise QdpxError(f"{self.path}: {entry} is not UTF-8 text ({error})") from error

    def _document(self, source: etree._Element, text: str, number: int) -> Document:
        metadata: dict[str, str] = {}
        for value in _children(source, "VariableValue"):
            refs = _children(value, "VariableRef")
            variable = self.variables.get(_norm_guid(refs[0].get("targetGUID"))) if refs else None
            key = _METADATA_NAMES.get((variable or "").strip().casefold())
            typed = [c.text for c in value if _local(c) != "VariableRef" and c.text]
            if key and typed:
                metadata[key] = typed[0].strip()
        if "published" in metadata:
            metadata["published"] = metadata["published"][:10]
        return Document(
            title=source.get("name") or f"Document {number}",
            text=text,
            imported_at=parse_iso(source.get("creationDateTime")) or now(),
            id=number,
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
                raise QdpxError(f"{self.path}: selection {label}: bad position") from error
            if not 0 <= start < end <= len(document.text):
                raise QdpxError(
                    f"{self.path}: selection {label} ({start}-{end}) is outside the text of "
                    f"{document.title!r} (length {len(document.text)})"
                )
            values = self._values(selection)
            found.append(Annotation.on(document.id, document.text, start, end, **values))
        return found

    def _values(self, selection: etree._Element) -> dict[str, object]:
        selection_guid = _norm_guid(selection.get("guid"))
        speaker, tone, devices = self.case_of_selection.get(selection_guid), None, []
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
    their parent code. Raises ``QdpxError`` (a ``ValueError``) naming the file and problem.
    """
    path = Path(path)
    archive, name = _open_project(path)
    with archive:
        root = _parse(path, name, archive.read(name))
        return _ProjectReader(path, archive, root).corpus()
