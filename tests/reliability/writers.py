"""Several analysts' processes writing to one project at the same moment, through the
command line: each opens the (maybe new) project, imports an article of its own and
marks its quotes. Used by the tests and by ``python -m tests.reliability``."""

from __future__ import annotations

import multiprocessing
import os
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.store import Project


@dataclass
class WriterOutcome:
    """What one writer process did: commands run, and those that failed (with output)."""

    worker: int
    commands: int = 0
    failed: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)  # marked and acknowledged


def article(worker: int, quotes: int) -> str:
    """An article of its own for each writer, so every text is new to the project."""
    lines = [f"Report {worker} from the summit."]
    lines += [f"“Point {worker}.{n} stands,” said Minister {worker}." for n in range(quotes)]
    return "\n".join(lines)


def _writer(location: list[str], worker: int, folder: str, quotes: int, shared: bool,
            busy: float | None, barrier: Any, results: Any) -> None:  # fmt: skip
    if busy is not None:
        os.environ["ANNOTATOR_BUSY_TIMEOUT"] = str(busy)
    from click.testing import CliRunner

    from annotator.cli import main

    runner, outcome = CliRunner(), WriterOutcome(worker)
    path = Path(folder) / f"article-{worker}.txt"
    path.write_text(article(worker, quotes), encoding="utf-8")

    def run(*args: str) -> str:
        outcome.commands += 1
        started = time.monotonic()
        result = runner.invoke(main, [*location, *args])
        if result.exit_code != 0:
            took = time.monotonic() - started
            problem = f"{' '.join(args)} -> {result.output.strip()} (after {took:.1f} s)"
            unexpected = result.exception and not isinstance(result.exception, SystemExit)
            (outcome.tracebacks if unexpected else outcome.failed).append(
                f"{problem} {result.exception!r}" if unexpected else problem
            )
        return result.output

    barrier.wait()
    added = re.search(r"^added\s+(\d+)", run("--create", "import", str(path)), re.MULTILINE)
    if added:
        speaker = "Minister Shared" if shared else f"Minister {worker}"
        for n in range(quotes):
            quote = f"“Point {worker}.{n} stands,”"
            before = len(outcome.failed) + len(outcome.tracebacks)
            run("annotate", added.group(1), "--quote", quote, "--speaker", speaker,
                "--tone", "warning")  # fmt: skip
            if len(outcome.failed) + len(outcome.tracebacks) == before:
                outcome.quotes.append(quote)
    results.put(outcome)


def run_writers(location: list[str], folder: Path, writers: int, quotes: int,
                shared_speaker: bool = False, busy: float | None = None,
                ) -> list[WriterOutcome]:  # fmt: skip
    """Start ``writers`` processes at the same instant on the project named by
    ``location`` (``["--project", path]`` or ``["--db", url]``); their outcomes. ``busy``
    overrides how long a write waits for another (the default is the application's)."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(writers), context.Queue()
    processes = [
        context.Process(
            target=_writer,
            args=(location, n, str(folder), quotes, shared_speaker, busy, barrier, results),
        )
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    return sorted(outcomes, key=lambda o: o.worker)


def lost_quotes(project_location: str, outcomes: list[WriterOutcome]) -> list[str]:
    """Acknowledged quotes that are not in the project (should be none)."""
    with Project(project_location) as project:
        stored = {a.quote for a in project.annotations()}
    return [q for o in outcomes for q in o.quotes if q not in stored]


def sqlite_sound(path: Path) -> bool:
    """The file passes SQLite's integrity and foreign-key checks."""
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone() == ("ok",) and not list(
            db.execute("PRAGMA foreign_key_check")
        )
