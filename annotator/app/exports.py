"""Exports and briefings: which quotes they cover, and writing them.

A ``Selection`` is what an analyst chose (documents, speakers, tones, devices, review
states, dates); it becomes a core ``CorpusFilter`` and describes itself in one line for a
briefing's title page. ``prepare_export``/``prepare_briefing`` read the project (on the
thread that owns it) and return a ``Job``: the selection and the step that writes it,
which may run on any thread. A briefing's selection is a ``Corpus`` in memory; an
export's is a ``CorpusStream``, which reads the project on its own connection as the
file is written, one document at a time.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from annotator import paths
from annotator.app.watching import ExportCancelled, ExportProgress, watched
from annotator.core import CodeKind, Status
from annotator.core.corpus import Corpus, CorpusFilter, select, unplaced, unplaced_note
from annotator.core.reading import CorpusSource
from annotator.core.wording import plural
from annotator.io.formats import available_formats
from annotator.store import UnknownName

if TYPE_CHECKING:
    from annotator.store import Project
    from annotator.store.streaming import CorpusStream

# Review states in the order an analyst reads them (accepted first).
STATUSES = (Status.ACCEPTED, Status.SUGGESTED, Status.REJECTED)
MANY_DOCUMENTS = 3  # name up to this many documents in the scope line, count beyond


@dataclass(frozen=True)
class Selection:
    """Documents, speakers, tones, devices, review states and dates to include.

    Empty ``document_ids``/``speakers``/``tones``/``devices`` mean "no restriction";
    empty ``statuses`` means any status (as in ``CorpusFilter.build``).
    """

    document_ids: tuple[int, ...] = ()
    speakers: tuple[str, ...] = ()
    tones: tuple[str, ...] = ()
    devices: tuple[str, ...] = ()
    statuses: tuple[Status, ...] = (Status.ACCEPTED,)
    published_from: str | None = None
    published_to: str | None = None
    annotators: tuple[str, ...] = ()  # only quotes these analysts made
    attributes: tuple[tuple[str, str], ...] = ()  # only documents with these variables
    with_quotes: bool = True  # False: the texts alone, for a colleague to code blind

    def to_filter(self) -> CorpusFilter:
        """The core filter for this selection."""
        return CorpusFilter.build(
            document_ids=self.document_ids,
            speakers=self.speakers,
            tones=self.tones,
            devices=self.devices,
            statuses=self.statuses or None,
            published_from=self.published_from,
            published_to=self.published_to,
            annotators=self.annotators,
            attributes=self.attributes,
        )

    def describe(self, titles: Mapping[int, str] | None = None) -> str:
        """One line for a title page, e.g. ``accepted quotes; by Ana Reyes; tone hostile``.

        With ``titles`` (document id -> title) a few chosen documents are named by title.
        """
        statuses = [s.value for s in STATUSES if s in self.statuses]
        if not statuses or len(statuses) == len(STATUSES):
            scope = ["quotes of any status"]
        else:
            scope = [" and ".join(statuses) + " quotes"]
        if self.speakers:
            scope.append("by " + ", ".join(self.speakers))
        if self.tones:
            scope.append("tone " + " or ".join(self.tones))
        if self.devices:
            scope.append("using " + " or ".join(self.devices))
        if self.published_from or self.published_to:
            scope.append(f"published {self.published_from or '…'} to {self.published_to or '…'}")
        if self.annotators:
            scope.append("marked by " + ", ".join(self.annotators))
        if self.attributes:
            scope.append(", ".join(f"{n} {v}" for n, v in self.attributes))
        if self.document_ids:
            scope.append(_documents_phrase(self.document_ids, titles))
        if not self.with_quotes:
            return "texts only, without quotes" + (
                "; " + _documents_phrase(self.document_ids, titles) if self.document_ids else ""
            )
        return "; ".join(scope)


def _documents_phrase(ids: Sequence[int], titles: Mapping[int, str] | None) -> str:
    if titles is None:
        return "documents " + ", ".join(map(str, ids))
    if len(ids) > MANY_DOCUMENTS:
        return f"{len(ids)} documents"
    named = [f"“{titles.get(i, f'document {i}')}”" for i in ids]
    return ("document " if len(ids) == 1 else "documents ") + ", ".join(named)


def parse_statuses(value: str) -> tuple[Status, ...]:
    """``accepted,suggested`` as statuses; ``any`` (or nothing) as no restriction."""
    if value.strip() in ("", "any"):
        return ()
    try:
        return tuple(Status(s.strip()) for s in value.split(","))
    except ValueError:
        raise ValueError(
            f"{value!r}: use accepted, suggested, rejected (comma-separated) or any"
        ) from None


def selection_by_name(
    project: Project,
    *,
    document_ids: Iterable[int] = (),
    speakers: Iterable[str] = (),
    tones: Iterable[str] = (),
    devices: Iterable[str] = (),
    statuses: Iterable[Status] = (Status.ACCEPTED,),
    published_from: str | None = None,
    published_to: str | None = None,
    annotators: Iterable[str] = (),
    attributes: Iterable[tuple[str, str]] = (),
    with_quotes: bool = True,
) -> Selection:
    """A selection from names as an analyst types them (aliases, any case), checked
    against the project: an unknown name is an error listing the valid ones."""
    known = project.speakers()
    names = []
    for typed in speakers:
        found = project.find_speaker(typed)
        if found is None:
            raise UnknownName("speaker", typed, [s.name for s in known])
        names.append(found.name)
    return Selection(
        document_ids=tuple(document_ids),
        speakers=tuple(names),
        tones=tuple(project.code(CodeKind.TONE, t).name for t in tones),
        devices=tuple(project.code(CodeKind.DEVICE, d).name for d in devices),
        statuses=tuple(statuses),
        published_from=published_from,
        published_to=published_to,
        annotators=tuple(annotators),
        attributes=tuple(attributes),
        with_quotes=with_quotes,
    )


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a format name (see ``available_formats``), a path, and the selection."""

    format_name: str
    path: Path
    selection: Selection


@dataclass(frozen=True)
class BriefingRequest:
    """What to write: the Word file, its title page, grouping, template and quotes."""

    path: Path
    selection: Selection
    title: str = "Briefing"
    analyst: str | None = None
    group_by: str = "speaker"
    template: Path | None = None
    include_context: bool = False
    include_agreement: bool = False  # an appendix of the analysts' agreement
    me: str | None = None  # who made the project's own quotes (for the agreement)


Selected = TypeVar("Selected", bound=CorpusSource)


@dataclass(frozen=True)
class Job(Generic[Selected]):
    """A selection and the step that writes it; ``run()`` returns a one-line summary.

    ``corpus`` is a ``Corpus`` or a ``CorpusStream``; ``len(corpus.annotations)`` is its
    number of quotes either way. ``write(corpus, progress)`` writes it, reporting to
    ``progress`` when one is given. ``note`` says what the selection left out that the
    analyst may not expect ("" if none).
    """

    corpus: Selected
    write: Callable[[Selected, ExportProgress | None], str]
    description: str
    note: str = ""

    def run(self, progress: ExportProgress | None = None) -> str:
        """Write the file; the summary ends with the note, if any.

        ``progress`` hears how far the job is (quotes written, quotes in all, documents
        written; an export reports before each document, a briefing before each quote).
        When it answers False the job stops with ``ExportCancelled`` and the target is
        left as it was.
        """
        return f"{self.written(progress)} {self.note}".rstrip()

    def written(self, progress: ExportProgress | None = None) -> str:
        """Write the file (as ``run`` does); the summary without the note."""
        return self.write(self.corpus, progress)


def _selected(project: Project, selection: Selection) -> tuple[Corpus, Corpus, str]:
    everything, wanted = project.corpus(), selection.to_filter()
    note = unplaced_note(unplaced(everything, wanted)) if selection.with_quotes else ""
    return everything, chosen_part(everything, selection), note


def chosen_part(everything: Corpus, selection: Selection) -> Corpus:
    """The part of a corpus already read that ``selection`` covers."""
    wanted = selection.to_filter()
    if not selection.with_quotes:  # every chosen document, none of its quotes
        documents = tuple(d for d in everything.documents if wanted.keeps_document(d))
        return replace(everything, documents=documents, annotations=())
    return select(everything, wanted)


def selected_corpus(project: Project, selection: Selection) -> Corpus:
    """The part of the project ``selection`` covers (what stats and the analysis count)."""
    return chosen_part(project.corpus(), selection)


def prepare_export(project: Project, request: ExportRequest) -> Job[CorpusStream]:
    """Select the requested quotes from ``project``; the job writes them in the format,
    reading the project as it writes (on its own connection, so on any thread)."""
    formats = available_formats()
    if request.format_name not in formats:
        raise ValueError(
            f"unknown format {request.format_name!r}; choose from {', '.join(formats)}"
        )
    fmt = formats[request.format_name]
    selection = request.selection
    from annotator.store.streaming import CorpusStream

    stream = CorpusStream.of(project, selection.to_filter(), with_quotes=selection.with_quotes)

    def write(selected: CorpusStream, progress: ExportProgress | None) -> str:
        source = selected if progress is None else cast(CorpusStream, watched(selected, progress))
        count = fmt.writer()(source, request.path)
        quotes = plural(len(selected.annotations), "quote")
        return f"Wrote {request.path} ({plural(count, 'item')}, {quotes})."

    quotes = plural(len(stream.annotations), "quote")
    note = unplaced_note(stream.counts.unplaced)
    return Job(stream, write, f"Exporting {quotes} as {fmt.label}…", note)


def prepare_briefing(project: Project, request: BriefingRequest) -> Job[Corpus]:
    """Select the requested quotes from ``project``; the job writes the Word briefing."""
    from annotator.io.briefing import write_briefing  # matplotlib: loaded when first needed

    template = request.template
    if template is not None and not (template.is_file() and zipfile.is_zipfile(template)):
        raise ValueError(f"the template {template} is not a Word (.docx) file")
    everything, corpus, note = _selected(project, request.selection)
    titles = {d.id: d.title for d in everything.documents if d.id is not None}
    scope = request.selection.describe(titles)
    reliability = _reliability(everything, corpus, request) if request.include_agreement else None

    def write(selected: Corpus, progress: ExportProgress | None) -> str:
        count = write_briefing(
            selected,
            request.path,
            title=request.title,
            analyst=request.analyst,
            group_by=request.group_by,
            template=request.template,
            include_context=request.include_context,
            scope=scope,
            reliability=reliability,
            laid_out=None if progress is None else _laying_out(progress),
        )
        documents = plural(len(selected.documents), "document")
        return f"Wrote {request.path} ({plural(count, 'quote')} from {documents})."

    quotes = plural(len(corpus.annotations), "quote")
    return Job(corpus, write, f"Writing a briefing of {quotes}…", note)


def _laying_out(progress: ExportProgress) -> Callable[[int, int], None]:
    """A briefing's per-quote report, stopping the layout when ``progress`` says so."""

    def laid_out(done: int, total: int) -> None:
        if not progress(done, total, 0):
            raise ExportCancelled

    return laid_out


def _reliability(everything: Corpus, selected: Corpus, request: BriefingRequest) -> Any:
    """The agreement of the analysts on the briefing's documents (all their quotes)."""
    from annotator.app.agreement import agreement
    from annotator.io.briefing import ReliabilityTable

    ids = {d.id for d in selected.documents}
    documents = tuple(d for d in everything.documents if d.id in ids)
    quotes = tuple(a for a in everything.annotations if a.document_id in ids)
    found = agreement(
        replace(everything, documents=documents, annotations=quotes),
        request.me or paths.annotator_name(),
    )
    rows = tuple((str(w), f, k, a, str(u)) for w, f, k, a, u in found.rows())
    return ReliabilityTable(found.analysts, found.documents, rows)


def run_export(project: Project, request: ExportRequest) -> str:
    """Export the requested quotes now; return a one-line summary (with any note)."""
    return prepare_export(project, request).run()


def run_briefing(project: Project, request: BriefingRequest) -> str:
    """Write the requested briefing now; return a one-line summary (with any note)."""
    return prepare_briefing(project, request).run()


def one_line_error(error: BaseException) -> str:
    """The error as one line: its message, or its type when it has none."""
    text = " ".join(str(error).split())
    return text or type(error).__name__
