"""Two to four processes writing to one project at once, through the command line, on
SQLite and on PostgreSQL: every command succeeds and every acknowledged quote is kept.
Writes wait up to 30 s for each other here: on a loaded test machine the default few
seconds could run out, which would be a timing artefact, not a fault."""

from __future__ import annotations

import pytest

from annotator.store import Project
from tests.reliability.writers import lost_quotes, run_writers, sqlite_sound


@pytest.mark.parametrize("writers", [2, 4])
def test_writers_on_one_new_sqlite_project_all_succeed(tmp_path, writers):
    path = tmp_path / "shared.speechmark"
    outcomes = run_writers(["--project", str(path)], tmp_path, writers, quotes=4, busy=30)
    assert [o.failed + o.tracebacks for o in outcomes] == [[]] * writers
    assert sum(len(o.quotes) for o in outcomes) == writers * 4
    assert lost_quotes(str(path), outcomes) == []
    assert sqlite_sound(path)


@pytest.mark.parametrize("writers", [2, 4])
def test_writers_on_one_new_postgres_project_all_succeed(tmp_path, postgres_url, writers):
    outcomes = run_writers(["--db", postgres_url], tmp_path, writers, quotes=4, busy=30)
    assert [o.failed + o.tracebacks for o in outcomes] == [[]] * writers
    assert sum(len(o.quotes) for o in outcomes) == writers * 4
    assert lost_quotes(postgres_url, outcomes) == []


@pytest.mark.parametrize("writers", [3])
def test_writers_adding_the_same_new_speaker_get_one_speaker(tmp_path, writers):
    path = tmp_path / "shared.speechmark"
    outcomes = run_writers(
        ["--project", str(path)], tmp_path, writers, quotes=3, shared_speaker=True, busy=30
    )
    assert [o.failed + o.tracebacks for o in outcomes] == [[]] * writers
    with Project(str(path)) as project:
        assert [s.name for s in project.speakers()] == ["Minister Shared"]
        assert {a.speaker for a in project.annotations()} == {"Minister Shared"}


def test_writers_adding_the_same_new_speaker_on_postgres(tmp_path, postgres_url):
    outcomes = run_writers(
        ["--db", postgres_url], tmp_path, 3, quotes=3, shared_speaker=True, busy=30
    )
    assert [o.failed + o.tracebacks for o in outcomes] == [[]] * 3
