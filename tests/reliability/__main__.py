"""The reliability suite: bad inputs, killed writers and concurrent writers, in figures.

Run from the repository root: ``python -m tests.reliability [--examples 200] [--kills 30]``.
With ANNOTATOR_TEST_POSTGRES set (see ``scripts/scratch-postgres``), the concurrent
writers also run on PostgreSQL. Exit status 1 if anything was wrong.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import traceback
from pathlib import Path

from annotator.store import Project
from tests.reliability import fuzz
from tests.reliability.bad_inputs import catalogue, try_input
from tests.reliability.kills import run_kills
from tests.reliability.writers import lost_quotes, run_writers, sqlite_sound

FUZZ_TESTS = (
    "test_text_files_in_known_encodings_are_read_exactly_or_refused",
    "test_damaged_text_files_are_refused_or_read_with_a_note",
    "test_any_bytes_are_refused_or_read_with_a_note",
    "test_web_pages_are_refused_or_read",
    "test_word_documents_are_read_exactly_or_refused_when_damaged",
    "test_corpus_files_are_imported_exactly_or_refused",
)


def bad_inputs(folder: Path, examples: int) -> int:
    """The catalogue, then generated inputs; returns how many were handled wrongly."""
    wrong, outcomes = 0, {"refused": 0, "accepted": 0}
    with Project(str(folder / "inputs.speechmark")) as project:
        for number, item in enumerate(catalogue()):
            (folder / f"c{number}").mkdir()
            try:
                outcomes[try_input(project, item, folder / f"c{number}")] += 1
            except Exception:
                wrong += 1
                print(f"  WRONG {item.name}: {traceback.format_exc(limit=1).strip()}")
        print(f"catalogue: {sum(outcomes.values()) + wrong} bad inputs tried, "
              f"{outcomes['refused']} refused with a clear line, "
              f"{outcomes['accepted']} accepted exactly, {wrong} wrong")  # fmt: skip
        os.environ["SPEECHMARK_FUZZ_EXAMPLES"] = str(examples)
        from tests.reliability import test_importer_fuzz  # reads the number of examples

        for name in FUZZ_TESTS:
            try:
                getattr(test_importer_fuzz, name)(shared_project=project)
            except Exception:
                wrong += 1
                print(f"  WRONG {name}: {traceback.format_exc(limit=1).strip()}")
    for kind in ("txt", "md", "html", "docx", "qdpx", "jsonl"):
        tried = fuzz.TALLY[f"{kind} tried"]
        print(f"generated .{kind}: {tried} tried, {fuzz.TALLY[f'{kind} rejected']} refused "
              f"with a clear line, {fuzz.TALLY[f'{kind} accepted']} accepted exactly")  # fmt: skip
    return wrong


def kills(folder: Path, count: int, seed: int) -> int:
    """Random kills of a writer; returns lost, torn or unsound findings."""
    outcome = run_kills(folder / "killed.speechmark", count, seed)
    print(f"kills: {outcome.kills} (seed {seed}), {outcome.acknowledged} edits acknowledged, "
          f"{len(outcome.lost)} lost, {len(outcome.torn)} corpus imports torn, "
          f"{len(outcome.unsound)} integrity problems")  # fmt: skip
    return len(outcome.lost) + len(outcome.torn) + len(outcome.unsound)


def writers(folder: Path, backend: str, location: list[str], shared: bool) -> int:
    """2, 3 and 4 writers at once on a new project; returns failed commands."""
    failed = 0
    for count in (2, 3, 4):
        run = folder / f"{backend}-{count}-{shared}"
        run.mkdir()
        where = location or ["--project", str(run / "shared.speechmark")]
        outcomes = run_writers(where, run, count, quotes=5, shared_speaker=shared)
        commands = sum(o.commands for o in outcomes)
        failures = [f for o in outcomes for f in o.failed]
        tracebacks = [t for o in outcomes for t in o.tracebacks]
        project = where[1]
        lost = lost_quotes(project, outcomes)
        sound = backend != "sqlite" or sqlite_sound(Path(project))
        label = "one new speaker for all" if shared else "a speaker each"
        print(f"{backend}, {count} writers ({label}): {commands} commands, "
              f"{len(failures)} failed with a clear line, {len(tracebacks)} tracebacks, "
              f"{len(lost)} acknowledged quotes lost{'' if sound else ', FILE UNSOUND'}")  # fmt: skip
        for line in (failures + tracebacks)[:3]:
            print(f"  {line[:200]}")
        failed += len(failures) + len(tracebacks) + len(lost) + (not sound)
        if location:  # PostgreSQL: start the next run on an empty schema
            _empty_postgres(location[1])
    return failed


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=200, help="generated inputs per kind")
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=random.randrange(2**31))
    options = parser.parse_args()
    problems = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        problems += bad_inputs(folder, options.examples)
        problems += kills(folder, options.kills, options.seed)
        for shared in (False, True):
            problems += writers(folder, "sqlite", [], shared)
            postgres = os.environ.get("ANNOTATOR_TEST_POSTGRES")
            if postgres:
                _empty_postgres(postgres)
                problems += writers(folder, "postgresql", ["--db", postgres], shared)
    print(f"problems: {problems}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
