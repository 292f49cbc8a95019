"""The `annotator` command: import, list, show, annotate, export; no subcommand opens the GUI.

Errors print one line and exit 1 (2 for usage errors); ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from annotator import paths
from annotator.core import Annotation, Document, Status
from annotator.store.errors import StoreError

if TYPE_CHECKING:  # the store and the use cases are imported by the commands that use them
    from annotator.app.exports import Job, Selection
    from annotator.core import Speaker
    from annotator.store import Project


class Context:
    """Options shared by every subcommand."""

    def __init__(self, project: str | None, db: str | None, debug: bool, create: bool) -> None:
        self.location = db or project or paths.default_project()
        # Only a project named on purpose must exist: the default one is made on first use.
        self.create = create or not (project or db)
        self.debug = debug
        self._project: Project | None = None

    @property
    def project(self) -> Project:
        if self._project is None:
            from annotator.app.projects import open_project

            self._project = open_project(self.location, create=self.create)
        return self._project

    def creating(self) -> Context:
        """This context for a command that may start a new project (an import)."""
        self.create = True
        return self


@contextmanager
def failures(ctx: Context) -> Iterator[None]:
    """Turn expected errors into one clear line and exit code 1."""
    try:
        yield
    except click.exceptions.Exit:
        raise
    except click.ClickException:
        raise
    except (StoreError, ValueError, OSError, RuntimeError) as error:
        if ctx.debug:
            raise
        click.echo(f"error: {error}", err=True)
        sys.exit(1)


@click.group(invoke_without_command=True)
@click.option("--project", metavar="PATH", help="Project file (default: your Speechmark project).")
@click.option("--db", metavar="URL", help="Database URL instead of a file, e.g. postgresql://...")
@click.option("--create", is_flag=True, help="Create the project named by --project if missing.")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="speechmark-annotator")
@click.pass_context
def main(
    click_ctx: click.Context, project: str | None, db: str | None, create: bool, debug: bool
) -> None:
    """Speechmark: mark quotes, speakers, tone and rhetorical devices in political speech.

    Without --project or --db, your own project is used (see `annotator info`).
    """
    click_ctx.obj = Context(project, db, debug, create)
    if click_ctx.invoked_subcommand is None:
        click_ctx.invoke(gui)


@main.command()
@click.pass_obj
def gui(ctx: Context) -> None:
    """Open the annotation workspace (the default when no command is given)."""
    problem = display_problem(os.environ, sys.platform)
    if problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    try:
        from annotator.ui.app import run
    except ImportError as error:
        if ctx.debug:
            raise
        click.echo(f"error: the GUI cannot start ({error})", err=True)
        sys.exit(1)
    from annotator.app.projects import project_exists

    if not ctx.create and not project_exists(ctx.location):
        click.echo(f"error: {ctx.location}: no such project (add --create to start one)", err=True)
        sys.exit(1)
    sys.exit(run(ctx.location, first_run_sample=ctx.location == paths.default_project()))


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the workspace cannot open a window here, or None (Qt would abort instead)."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the workspace on (DISPLAY and WAYLAND_DISPLAY are unset); "
        "run it from a desktop session, or use the commands (annotator --help)"
    )


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def import_(ctx: Context, sources: tuple[Path, ...]) -> None:
    """Import articles: .txt, .md, .docx, .html files or folders of them."""
    from annotator.app.imports import import_files

    def progress(done: int, total: int, current: Path) -> bool:
        if current.name:  # one line per file as it is read (the summary follows)
            click.echo(f"reading  {done + 1}/{total} {current}", err=True)
        return True

    with failures(ctx):
        report = import_files(ctx.creating().project, sources, progress)
        for line in report.lines():
            click.echo(line)
        click.echo(
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.duplicates)} already present, {len(report.failed)} failed, "
            f"{len(report.skipped)} skipped"
        )
        if report.failed:  # the others went in; the exit code still says not all did
            sys.exit(1)


@main.command("list")
@click.pass_obj
def list_(ctx: Context) -> None:
    """List documents: id, quotes, suggestions still open, title."""
    from annotator.app.projects import summaries

    with failures(ctx):
        for doc in summaries(ctx.location, lambda: ctx.project):
            extra = f" ({doc.suggested} suggested)" if doc.suggested else ""
            click.echo(f"{doc.id}\t{doc.quotes} quotes{extra}\t{doc.title}")


def _describe(a: Annotation) -> str:
    parts = [a.speaker or "unknown speaker", a.tone or "-", ", ".join(a.devices) or "-"]
    return f"{' | '.join(parts)} [{a.status.value}]"


def marked_text(text: str, annotations: list[Annotation]) -> str:
    """The text with ``[n>`` and ``<n]`` around each annotation (overlaps allowed)."""
    inserts: list[tuple[int, int, str]] = []
    for n, a in enumerate(annotations, 1):
        inserts.append((a.start, 1, f"[{n}>"))
        inserts.append((a.end, 0, f"<{n}]"))
    out, last = [], 0
    for position, _order, marker in sorted(inserts):
        out.append(text[last:position])
        out.append(marker)
        last = position
    out.append(text[last:])
    return "".join(out)


@main.command()
@click.argument("document", type=int)
@click.pass_obj
def show(ctx: Context, document: int) -> None:
    """Show a document's text with its annotations marked, then list them."""
    with failures(ctx):
        doc = ctx.project.document(document)
        annotations = ctx.project.annotations(document)
        click.echo(f"# {doc.title}")
        click.echo(marked_text(doc.text, [a for a in annotations if a.placed]))
        click.echo()
        for n, a in enumerate(annotations, 1):
            flag = "" if a.placed else " [not found in the new text]"
            click.echo(f"{n}. {a.start}-{a.end} {_describe(a)}{flag}: {a.quote}")


def _locate(text: str, quote: str) -> tuple[int, int]:
    found = text.find(quote)
    if found == -1:
        raise click.UsageError(f"the quote {quote!r} is not in the document")
    if text.find(quote, found + 1) != -1:
        raise click.UsageError(f"the quote {quote!r} occurs more than once; give --start/--end")
    return found, found + len(quote)


@main.command()
@click.argument("document", type=int)
@click.option("--start", type=int, help="First character (code points, from 0).")
@click.option("--end", type=int, help="One past the last character.")
@click.option("--quote", "quote_text", help="Exact text to locate instead of --start/--end.")
@click.option("--speaker", help="Speaker name or alias (created if new).")
@click.option("--tone", help="Tone from the codebook.")
@click.option("--device", "devices", multiple=True, help="Rhetorical device (repeatable).")
@click.option("--note", help="A note for this quote.")
@click.option(
    "--status", type=click.Choice([s.value for s in Status]), default=Status.ACCEPTED.value
)
@click.pass_obj
def annotate(ctx: Context, document: int, **options: Any) -> None:
    """Mark a quote in DOCUMENT, by offsets or by its exact text."""
    from annotator.app.coding import speaker_for
    from annotator.core import CodeKind
    from annotator.core.edits import AddAnnotation, Batch, Edit

    with failures(ctx):
        project = ctx.project
        doc = project.document(document)
        if options["quote_text"]:
            start, end = _locate(doc.text, options["quote_text"])
        elif options["start"] is not None and options["end"] is not None:
            start, end = options["start"], options["end"]
        else:
            raise click.UsageError("give --quote TEXT, or both --start and --end")
        if not 0 <= start < end <= len(doc.text):
            raise click.UsageError(f"span {start}-{end} is outside the text (0-{len(doc.text)})")
        edits: list[Edit] = []
        speaker = options["speaker"]
        if speaker:
            speaker, edits = speaker_for(speaker, project.speakers())
        tone = project.code(CodeKind.TONE, options["tone"]).name if options["tone"] else None
        devices = tuple(project.code(CodeKind.DEVICE, d).name for d in options["devices"])
        annotation = Annotation.on(
            document, doc.text, start, end, speaker=speaker, tone=tone, devices=devices,
            note=options["note"], status=Status(options["status"]),
            annotator=paths.annotator_name(),
        )  # fmt: skip
        edits.append(AddAnnotation(annotation))
        project.apply(Batch(tuple(edits), "Add quote"))
        click.echo(f"{annotation.id}\t{start}-{end}\t{_describe(annotation)}")


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The selection options shared by export and briefing."""
    options = [
        click.option("--document", "documents", type=int, multiple=True, help="Only these."),
        click.option("--speaker", "speakers", multiple=True, help="Only quotes by these speakers."),
        click.option("--tone", "tones", multiple=True, help="Only quotes with these tones."),
        click.option("--device", "devices", multiple=True, help="Only quotes with these devices."),
        click.option(
            "--status", default="accepted", show_default=True,
            help="accepted, suggested, rejected (comma-separated) or any.",
        ),
        click.option("--from", "date_from", help="Published on or after (YYYY-MM-DD)."),
        click.option("--to", "date_to", help="Published on or before (YYYY-MM-DD)."),
        click.option("--marked-by", "annotators", multiple=True, metavar="ANALYST",
                     help="Only quotes marked by these analysts."),
        click.option("--where", "where", multiple=True, metavar="NAME=VALUE",
                     help="Only documents whose variable NAME is VALUE (party=Labour)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _selection(project: Project, filters: dict[str, Any]) -> Selection:
    """The quotes the filter options choose, names checked against the project."""
    from annotator.app.exports import parse_statuses, selection_by_name

    try:
        statuses = parse_statuses(filters["status"])
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--status") from None
    return selection_by_name(
        project, document_ids=filters["documents"], speakers=filters["speakers"],
        tones=filters["tones"], devices=filters["devices"], statuses=statuses,
        published_from=filters["date_from"], published_to=filters["date_to"],
        annotators=filters["annotators"], attributes=_where(filters["where"]),
        with_quotes=not filters.get("no_annotations"),
    )  # fmt: skip


def _where(values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, sep, wanted = value.partition("=")
        if not sep or not name.strip() or not wanted.strip():
            raise click.BadParameter(f"{value!r}: write NAME=VALUE", param_hint="--where")
        pairs.append((name.strip(), wanted.strip()))
    return pairs


class _Progress:
    """How far an export or briefing is, one line on a terminal rewritten once per percent."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, done: int, total: int, documents: int) -> bool:
        percent = done * 100 // total if total else 100
        if percent != self.shown:
            self.shown = percent
            # an export counts the documents it has written; a briefing lays out quotes only
            counted = f", {documents:,} documents" if documents else ""
            line = f"\rwriting  {percent}% ({done:,} of {total:,} quotes{counted})"
            click.echo(line, err=True, nl=False)
        return True

    def end(self) -> None:
        if self.shown >= 0:  # the progress line ends before the summary or the error
            click.echo(err=True)


def _on_terminal() -> bool:
    return sys.stderr.isatty()


def _written(job: Job) -> str:
    """Write ``job``, showing its progress when standard error is a terminal."""
    if not _on_terminal():
        return job.written()
    progress = _Progress()
    try:
        return job.written(progress)
    finally:
        progress.end()


def _run(prepare: Callable[[Path], Job], output: Path, suffix: str) -> None:
    """Prepare and write a job to ``output``; ``-`` is standard output."""
    if str(output) != "-":
        job = prepare(output)
        click.echo(_written(job))
    else:  # written to a file first (writers need one), then copied out
        if not suffix:
            raise click.BadParameter("this format writes a folder; name one", param_hint="-o")
        with tempfile.TemporaryDirectory() as folder:
            written = Path(folder) / f"export{suffix}"
            job = prepare(written)
            summary = _written(job)
            sys.stdout.buffer.write(written.read_bytes())
            sys.stdout.flush()
        click.echo(summary.replace(str(written), "standard output"), err=True)
    if job.note:
        click.echo(f"note: {job.note}", err=True)


@main.command()
@click.option("--format", "format_name", default="jsonl", show_default=True, help="Export format.")
@click.option(
    "--no-annotations", is_flag=True,
    help="The texts alone, without quotes: for a colleague to code blind.",
)  # fmt: skip
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@filter_options
@click.pass_obj
def export(ctx: Context, format_name: str, output: Path, **filters: Any) -> None:
    """Export the corpus (or part of it) for other tools."""
    from annotator.app.exports import ExportRequest, prepare_export
    from annotator.io.formats import available_formats

    formats = available_formats()
    if format_name not in formats:
        raise click.BadParameter(
            f"unknown format {format_name!r}; choose from {', '.join(formats)}",
            param_hint="--format",
        )
    with failures(ctx):
        selection = _selection(ctx.project, filters)
        _run(
            lambda path: prepare_export(ctx.project, ExportRequest(format_name, path, selection)),
            output,
            formats[format_name].suffix,
        )


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--title", default="Briefing", show_default=True)
@click.option("--analyst", help="Name on the title page (default: you).")
@click.option(
    "--group-by", type=click.Choice(["speaker", "document", "tone"]), default="speaker",
    show_default=True,
)  # fmt: skip
@click.option(
    "--template", type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A .docx whose styles, header and logo the briefing uses.",
)  # fmt: skip
@click.option(
    "--context", "include_context", is_flag=True, help="Print the sentence around each quote."
)
@click.option(
    "--agreement", "include_agreement", is_flag=True,
    help="Add an appendix of the analysts' agreement on these documents.",
)  # fmt: skip
@filter_options
@click.pass_obj
def briefing(ctx: Context, output: Path, **options: Any) -> None:
    """Write a Word briefing of the selected quotes."""
    from annotator.app.exports import BriefingRequest, prepare_briefing

    with failures(ctx):
        selection = _selection(ctx.project, options)

        def prepare(path: Path) -> Job:
            request = BriefingRequest(
                path, selection, title=options["title"],
                analyst=options["analyst"] or paths.annotator_name(),
                group_by=options["group_by"], template=options["template"],
                include_context=options["include_context"],
                include_agreement=options["include_agreement"], me=paths.annotator_name(),
            )  # fmt: skip
            return prepare_briefing(ctx.project, request)

        _run(prepare, output, ".docx")


@main.command("import-qdpx")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_obj
def import_qdpx(ctx: Context, file: Path) -> None:
    """Import a REFI-QDA project (.qdpx) from NVivo, MAXQDA, ATLAS.ti or QualCoder."""
    _import_corpus(ctx, file, qdpx=True)


@main.command("import-corpus")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_obj
def import_corpus(ctx: Context, file: Path) -> None:
    """Import a corpus with its quotes: Speechmark JSONL (or a .qdpx project)."""
    _import_corpus(ctx, file)


def _import_corpus(ctx: Context, file: Path, qdpx: bool | None = None) -> None:
    from annotator.app.imports import import_corpus_at

    shown = -1

    def progress(read: int, size: int, documents: int) -> bool:
        nonlocal shown
        percent = read * 100 // size
        if percent != shown:  # one update per percent: a terminal line rewritten
            shown = percent
            click.echo(
                f"\rreading  {file.name}: {percent}% ({documents:,} documents)", err=True, nl=False
            )
        return True

    on_terminal = sys.stderr.isatty()
    with failures(ctx):
        try:
            report = import_corpus_at(
                ctx.location, file, qdpx=qdpx, progress=progress if on_terminal else None
            )
        finally:  # the progress line ends before the summary or the error
            if shown >= 0:
                click.echo(err=True)
        click.echo(report.summary())


@main.command()
@click.argument("documents", nargs=-1, type=int)
@click.option("--all", "all_documents", is_flag=True, help="Every document in the project.")
@click.option("--accept", is_flag=True, help="Add suggestions as accepted quotes.")
@click.pass_obj
def suggest(ctx: Context, documents: tuple[int, ...], all_documents: bool, accept: bool) -> None:
    """Find quotes and their speakers, with tone and device hints, in DOCUMENTS."""
    from annotator.app.suggesting import DocumentText, SuggestionReport, suggest_documents

    if not documents and not all_documents:
        raise click.UsageError("name documents by id, or give --all")

    def done(document: DocumentText, report: SuggestionReport) -> None:
        click.echo(
            f"{document.id}\t{report.added} new, {report.skipped} already marked\t{document.title}"
        )

    with failures(ctx):
        project = ctx.project
        ids = [d.id for d in project.summaries()] if all_documents else list(documents)
        suggest_documents(project, ids, accept=accept, on_document=done)


@main.command("merge-speakers")
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@click.pass_obj
def merge_speakers(ctx: Context, keep: str, others: tuple[str, ...]) -> None:
    """Fold OTHERS into KEEP: their quotes, names and aliases go to KEEP."""
    from annotator.app import coding
    from annotator.core.edits import UpdateAnnotation

    with failures(ctx):
        project = ctx.project
        speakers = project.speakers()
        kept, *merged = (_known_speaker(speakers, name) for name in (keep, *others))
        edit = coding.merge_speakers(kept, merged, project.annotations())
        project.apply(edit)
        moved = sum(1 for e in edit.edits if isinstance(e, UpdateAnnotation))
        click.echo(f"merged {len(merged)} into {kept.name} ({moved} quotes moved)")


def _known_speaker(speakers: list[Speaker], name: str) -> Speaker:
    from annotator.app import coding
    from annotator.store import UnknownName

    found = coding.resolve_speaker(speakers, name)
    if found is None:
        raise UnknownName("speaker", name, [s.name for s in speakers])
    return found


@main.command()
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--as", "analyst", help="Their name (default: the analyst named in their quotes).")
@click.option("--add-missing", is_flag=True, help="Also add documents only they have.")
@click.pass_obj
def merge(ctx: Context, source: Path, analyst: str | None, add_missing: bool) -> None:
    """Bring a colleague's quotes in as their own layer (project file, JSONL or .qdpx)."""
    from annotator.app.merge import merge as merge_layer
    from annotator.app.merge import read_colleague

    with failures(ctx):
        theirs = read_colleague(source)
        done = merge_layer(
            ctx.project, theirs, analyst=analyst, fallback=source.stem, add_missing=add_missing,
            label=f"Merge {source.name}",
        )  # fmt: skip
        click.echo(done.summary())
        for document in done.missing:
            click.echo(f"not here  {document.title}")


@main.command()
@click.option("--analyst", "analysts", multiple=True, help="Compare these (default: all).")
@click.option("--me", help="Who made this project's own quotes (default: you).")
@click.option(
    "--format", "format_name", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
@click.pass_obj
def agreement(ctx: Context, analysts: tuple[str, ...], me: str | None, format_name: str) -> None:
    """How far analysts agree on the documents they both coded (kappa, alpha, F1)."""
    from annotator.app.agreement import agreement as measure

    with failures(ctx):
        found = measure(ctx.project.corpus(), me or paths.annotator_name(), analysts)
        if format_name == "json":
            click.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
        elif format_name == "csv":
            click.echo(found.csv(), nl=False)
        else:
            click.echo(found.table())


@main.group()
def codebook() -> None:
    """Share the codebook (tones, devices, speakers) as a JSON file."""


@codebook.command("import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_obj
def codebook_import(ctx: Context, file: Path) -> None:
    """Add the tones, devices and speakers FILE has and the project lacks."""
    from annotator.app.codebook import read_codebook_edit

    with failures(ctx):
        edit = read_codebook_edit(ctx.project, file)
        if edit.edits:
            ctx.project.apply(edit)
        click.echo(f"{len(edit.edits)} entries added from {file}")


@codebook.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.pass_obj
def codebook_export(ctx: Context, output: Path) -> None:
    """Write the project's tones, devices and speakers to a JSON file."""
    from annotator.app.codebook import write_codebook

    with failures(ctx):
        count = write_codebook(ctx.project, output)
        click.echo(f"wrote {output} ({count} entries)")


@main.command()
@click.option(
    "--by",
    "by",
    default="speaker,tone",
    show_default=True,
    help="Dimensions, comma-separated: speaker, tone, device, status, analyst, "
    "document, outlet, month, week, attribute:NAME.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@filter_options
@click.pass_obj
def stats(ctx: Context, by: str, format_name: str, **filters: Any) -> None:
    """Count the selected quotes by speaker, tone, device, date or a document variable."""
    from annotator.app.exports import selected_corpus
    from annotator.core.stats import crosstab

    with failures(ctx):
        dimensions = [d.strip() for d in by.split(",") if d.strip()]
        corpus = selected_corpus(ctx.project, _selection(ctx.project, filters))
        rows = crosstab(corpus, dimensions).rows()
        if format_name == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        elif format_name == "csv":
            out = io.StringIO()
            writer = csv.DictWriter(out, [*dimensions, "quotes"])
            writer.writeheader()
            writer.writerows(rows)
            click.echo(out.getvalue(), nl=False)
        else:
            for row in rows:
                click.echo("\t".join(str(row[k]) for k in [*dimensions, "quotes"]))


@main.command()
@click.argument("documents", nargs=-1, type=int)
@click.option("--title")
@click.option("--outlet")
@click.option("--author")
@click.option("--date", "published", help="Publication date, YYYY-MM-DD.")
@click.option("--url", help="Where it was published (http:// or https://).")
@click.option("--language")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="A variable of your own (party=Labour); NAME= removes it.",
)
@click.option(
    "--from-csv",
    "from_csv",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Details for many documents: a row each, by id or title.",
)
@click.pass_obj
def doc(ctx: Context, documents: tuple[int, ...], from_csv: Path | None, **options: Any) -> None:
    """Show or correct documents' title, outlet, author, date, address and variables."""
    from annotator.app.documents import csv_edit, many_edit, parse_assignments

    with failures(ctx):
        project = ctx.project
        assignments = options.pop("assignments")
        if from_csv is not None:
            edit = csv_edit(from_csv, project.documents())
        elif not documents:
            raise click.UsageError("name documents by id, or give --from-csv FILE")
        elif not assignments and all(v is None for v in options.values()):
            for document_id in documents:
                _print_details(project.document(document_id))
            return
        else:
            chosen = [project.document(d) for d in documents]
            edit = many_edit(chosen, options, parse_assignments(assignments))
        if edit.edits:
            project.apply(edit)
        click.echo(f"{len(edit.edits)} document{'s' if len(edit.edits) != 1 else ''} changed")


def _print_details(document: Document) -> None:
    click.echo(f"{document.id}\t{document.title}")
    for name in ("outlet", "author", "published", "url", "language", "source"):
        value = getattr(document, name)
        if value:
            click.echo(f"  {name}: {value}")
    for name, value in document.attributes:
        click.echo(f"  {name} = {value}")


@main.command()
@click.pass_obj
def info(ctx: Context) -> None:
    """Say which project is in use and where your default project lives."""
    click.echo(f"project: {ctx.location}")
    click.echo(f"default project: {paths.default_project()}")
    click.echo(f"analyst: {paths.annotator_name()}")
