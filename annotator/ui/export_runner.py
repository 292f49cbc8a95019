"""Doing an export or briefing request: select the quotes, write the file, say what was written.

``prepare_export``/``prepare_briefing`` read the project (on the thread that owns it) and
return a ``Job``: a corpus already selected plus the writing step, which touches no
database and so may run on any thread. ``run_export``/``run_briefing`` do both at once.
``JobWorker`` and ``start_job`` run a job on a ``QThread``.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.core.corpus import Corpus, select, unplaced, unplaced_note
from annotator.io.formats import available_formats
from annotator.store import Project
from annotator.ui.briefing_dialog import BriefingRequest
from annotator.ui.export_dialog import ExportRequest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """A selected corpus and the step that writes it; ``run()`` returns a one-line summary."""

    corpus: Corpus
    write: Callable[[Corpus], str]
    description: str

    def run(self) -> str:
        return self.write(self.corpus)


def prepare_export(project: Project, request: ExportRequest) -> Job:
    """Select the requested quotes from ``project``; the job writes them in the format."""
    formats = available_formats()
    if request.format_name not in formats:
        raise ValueError(
            f"unknown format {request.format_name!r}; choose from {', '.join(formats)}"
        )
    fmt = formats[request.format_name]
    everything, wanted = project.corpus(), request.selection.to_filter()
    corpus = select(everything, wanted)
    note = unplaced_note(unplaced(everything, wanted))

    def write(selected: Corpus) -> str:
        count = fmt.writer()(selected, request.path)
        quotes = plural(len(selected.annotations), "quote")
        return f"Wrote {request.path} ({plural(count, 'item')}, {quotes}). {note}".rstrip()

    quotes = plural(len(corpus.annotations), "quote")
    return Job(corpus, write, f"Exporting {quotes} as {fmt.label}…")


def prepare_briefing(project: Project, request: BriefingRequest) -> Job:
    """Select the requested quotes from ``project``; the job writes the Word briefing."""
    from annotator.io.briefing import write_briefing  # matplotlib: loaded when first needed

    template = request.template
    if template is not None and not (template.is_file() and zipfile.is_zipfile(template)):
        raise ValueError(f"the template {template} is not a Word (.docx) file")
    everything = project.corpus()
    wanted = request.selection.to_filter()
    corpus = select(everything, wanted)
    note = unplaced_note(unplaced(everything, wanted))
    titles = {d.id: d.title for d in everything.documents if d.id is not None}
    scope = request.selection.describe(titles)

    def write(selected: Corpus) -> str:
        count = write_briefing(
            selected,
            request.path,
            title=request.title,
            analyst=request.analyst,
            group_by=request.group_by,
            template=request.template,
            include_context=request.include_context,
            scope=scope,
        )
        documents = plural(len(selected.documents), "document")
        return f"Wrote {request.path} ({plural(count, 'quote')} from {documents}). {note}".rstrip()

    quotes = plural(len(corpus.annotations), "quote")
    return Job(corpus, write, f"Writing a briefing of {quotes}…")


def run_export(project: Project, request: ExportRequest) -> str:
    """Export the requested quotes now; return a one-line summary."""
    return prepare_export(project, request).run()


def run_briefing(project: Project, request: BriefingRequest) -> str:
    """Write the requested briefing now; return a one-line summary."""
    return prepare_briefing(project, request).run()


class JobWorker(QObject):
    """Runs one ``Job``; ``run`` may be called directly or on another thread."""

    finished = Signal(str)  # the summary
    failed = Signal(str)  # one line naming the problem

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    @Slot()
    def run(self) -> None:
        try:
            summary = self.job.run()
        except Exception as error:  # any writer failure is reported, not raised into Qt
            log.exception("%s failed", self.job.description)
            self.failed.emit(one_line_error(error))
            return
        self.finished.emit(summary)


def start_job(
    worker: JobWorker, owner: QObject, stopped: Callable[[], None] | None = None
) -> QThread:
    """Run ``worker`` on a new thread (owned by ``owner``) that ends when it is done.

    ``stopped`` is called (on the owner's thread) once the thread has ended.
    """
    thread = QThread(owner)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    if stopped is not None:  # connected before start, so a quick job cannot slip past it
        thread.finished.connect(stopped)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


def plural(count: int, noun: str) -> str:
    """``1 quote``, ``2 quotes``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def one_line_error(error: BaseException) -> str:
    """The error as one line: its message, or its type when it has none."""
    text = " ".join(str(error).split())
    return text or type(error).__name__
