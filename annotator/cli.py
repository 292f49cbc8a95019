"""The `annotator` command: import, list, show, annotate, export; no subcommand opens the GUI.

Errors print one line and exit 1 (2 for usage errors); ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from annotator import paths
from annotator.core import Annotation, CodeKind, Speaker, Status
from annotator.core.corpus import Corpus, CorpusFilter, select, unplaced, unplaced_note
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch, Edit
from annotator.io.formats import available_formats
from annotator.store import Project, StoreError, UnknownName


class Context:
    """Options shared by every subcommand."""

    def __init__(self, project: str | None, db: str | None, debug: bool) -> None:
        self.location = db or project or paths.default_project()
        self.debug = debug
        self._project: Project | None = None

    @property
    def project(self) -> Project:
        if self._project is None:
            self._project = Project(self.location)
        return self._project


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
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="speechmark-annotator")
@click.pass_context
def main(click_ctx: click.Context, project: str | None, db: str | None, debug: bool) -> None:
    """Speechmark: mark quotes, speakers, tone and rhetorical devices in political speech."""
    click_ctx.obj = Context(project, db, debug)
    if click_ctx.invoked_subcommand is None:
        click_ctx.invoke(gui)


@main.command()
@click.pass_obj
def gui(ctx: Context) -> None:
    """Open the annotation workspace (the default when no command is given)."""
    try:
        from annotator.ui.app import run
    except ImportError as error:
        if ctx.debug:
            raise
        click.echo(f"error: the GUI cannot start ({error})", err=True)
        sys.exit(1)
    sys.exit(run(ctx.location, first_run_sample=ctx.location == paths.default_project()))


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def import_(ctx: Context, sources: tuple[Path, ...]) -> None:
    """Import articles: .txt, .md, .docx, .html files or folders of them."""
    from annotator.io.ingest import import_paths

    with failures(ctx):
        report = import_paths(ctx.project, sources)
        for line in report.lines():
            click.echo(line)
        click.echo(
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.duplicates)} already present, {len(report.failed)} failed"
        )
        if report.failed and not (report.added or report.updated or report.duplicates):
            sys.exit(1)


@main.command("list")
@click.pass_obj
def list_(ctx: Context) -> None:
    """List documents: id, quotes, suggestions still open, title."""
    with failures(ctx):
        for doc in ctx.project.summaries():
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
            known = project.find_speaker(speaker)
            if known is None:
                edits.append(AddSpeaker(Speaker(speaker.strip())))
            speaker = known.name if known else speaker.strip()
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


def _statuses(value: str) -> list[Status] | None:
    if value == "any":
        return None
    try:
        return [Status(s.strip()) for s in value.split(",")]
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: use accepted, suggested, rejected (comma-separated) or any",
            param_hint="--status",
        ) from None


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
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _selection(project: Project, filters: dict[str, Any]) -> tuple[Corpus, str, str]:
    """The filtered corpus, a one-line description of the selection, and a note on quotes
    left out because a re-import lost their place ("" when none)."""
    speakers = [_speaker_name(project, s) for s in filters["speakers"]]
    tones = [project.code(CodeKind.TONE, t).name for t in filters["tones"]]
    devices = [project.code(CodeKind.DEVICE, d).name for d in filters["devices"]]
    wanted = CorpusFilter.build(
        document_ids=filters["documents"], speakers=speakers, tones=tones, devices=devices,
        statuses=_statuses(filters["status"]),
        published_from=filters["date_from"], published_to=filters["date_to"],
    )  # fmt: skip
    scope = [f"{filters['status']} quotes"]
    if speakers:
        scope.append("by " + ", ".join(speakers))
    if tones:
        scope.append("tone " + " or ".join(tones))
    if devices:
        scope.append("using " + " or ".join(devices))
    if filters["date_from"] or filters["date_to"]:
        scope.append(f"published {filters['date_from'] or '…'} to {filters['date_to'] or '…'}")
    if filters["documents"]:
        scope.append("documents " + ", ".join(map(str, filters["documents"])))
    everything = project.corpus()
    note = unplaced_note(unplaced(everything, wanted))
    return select(everything, wanted), "; ".join(scope), note


def _speaker_name(project: Project, name: str) -> str:
    known = project.find_speaker(name)
    if known is None:
        raise UnknownName("speaker", name, [s.name for s in project.speakers()])
    return known.name


@main.command()
@click.option("--format", "format_name", default="jsonl", show_default=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@filter_options
@click.pass_obj
def export(ctx: Context, format_name: str, output: Path, **filters: Any) -> None:
    """Export the corpus (or part of it) for other tools."""
    formats = available_formats()
    if format_name not in formats:
        raise click.BadParameter(
            f"unknown format {format_name!r}; choose from {', '.join(formats)}",
            param_hint="--format",
        )
    with failures(ctx):
        corpus, _scope, note = _selection(ctx.project, filters)
        count = formats[format_name].writer()(corpus, output)
        click.echo(f"wrote {output} ({count} items, {len(corpus.annotations)} quotes)")
        if note:
            click.echo(f"note: {note}", err=True)


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
@filter_options
@click.pass_obj
def briefing(ctx: Context, output: Path, **options: Any) -> None:
    """Write a Word briefing of the selected quotes."""
    from annotator.io.briefing import write_briefing

    with failures(ctx):
        corpus, scope, note = _selection(ctx.project, options)
        count = write_briefing(
            corpus, output, title=options["title"],
            analyst=options["analyst"] or paths.annotator_name(),
            group_by=options["group_by"], template=options["template"],
            include_context=options["include_context"], scope=scope,
        )  # fmt: skip
        click.echo(f"wrote {output} ({count} quotes from {len(corpus.documents)} documents)")
        if note:
            click.echo(f"note: {note}", err=True)


@main.command("import-qdpx")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_obj
def import_qdpx(ctx: Context, file: Path) -> None:
    """Import a REFI-QDA project (.qdpx) from NVivo, MAXQDA, ATLAS.ti or QualCoder."""
    from annotator.io.qdpx import read_qdpx

    with failures(ctx):
        click.echo(ctx.project.import_corpus(read_qdpx(file)).summary())


@main.command()
@click.argument("documents", nargs=-1, type=int)
@click.option("--all", "all_documents", is_flag=True, help="Every document in the project.")
@click.option("--accept", is_flag=True, help="Add suggestions as accepted quotes.")
@click.pass_obj
def suggest(ctx: Context, documents: tuple[int, ...], all_documents: bool, accept: bool) -> None:
    """Find quotes and their speakers, with tone and device hints, in DOCUMENTS."""
    from annotator.store.suggestions import suggestion_edit
    from annotator.suggest import suggest as find_suggestions

    if not documents and not all_documents:
        raise click.UsageError("name documents by id, or give --all")
    with failures(ctx):
        project = ctx.project
        ids = [d.id for d in project.summaries()] if all_documents else list(documents)
        for document_id in ids:
            doc = project.document(document_id)
            found = find_suggestions(doc.text, project.speakers())
            edit, report = suggestion_edit(project, document_id, found, accept=accept)
            project.apply(edit)
            click.echo(
                f"{document_id}\t{report.added} new, {report.skipped} already marked\t{doc.title}"
            )


@main.command("import-corpus")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.pass_obj
def import_corpus(ctx: Context, file: Path) -> None:
    """Import a Speechmark JSONL corpus (documents with their annotations)."""
    from annotator.io.jsonl import read_jsonl

    with failures(ctx):
        click.echo(ctx.project.import_corpus(read_jsonl(file)).summary())
