"""What start-up loads: the first window and `annotator list` on a current project need
neither the full store (SQLAlchemy, sqlmodel, Alembic) nor the analysis charts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from annotator.core import Document
from annotator.store import Project

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "matplotlib")


def loaded_after(code: str) -> set[str]:
    """The heavy packages a fresh interpreter has loaded after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    names = json.loads(done.stdout.strip().splitlines()[-1])
    return {name for name in names if name.split(".")[0] in HEAVY}


def test_the_workspace_window_module_loads_no_store():
    assert loaded_after("import annotator.ui.app") == set()


def test_list_and_help_load_no_store(tmp_path):
    location = str(tmp_path / "p.speechmark")
    with Project(location) as project:
        project.add_document(Document(title="Talks", text="“Yes,” she said."))
    for arguments in (["--help"], ["--project", location, "list"]):
        run = f"from annotator.cli import main\nmain({arguments!r}, standalone_mode=False)"
        assert loaded_after(run) == set(), arguments


def test_list_of_an_older_file_loads_the_store(tmp_path):
    from annotator.store.database import make_engine, migrate

    location = str(tmp_path / "old.speechmark")
    engine = make_engine(location)
    migrate(engine, "v1")
    engine.dispose()
    run = f"from annotator.cli import main\nmain(['--project', {location!r}, 'list'], standalone_mode=False)"
    assert "sqlalchemy" in loaded_after(run)  # the full store migrates it


def test_import_corpus_into_a_new_or_current_file_loads_no_store(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    line = {"title": "Talks", "text": "“Yes,” she said.", "annotations": [
        {"id": "q1", "start": 0, "end": 6, "quote": "“Yes,”", "speaker": "Ann Bell",
         "tone": "warning", "devices": ["metaphor", "a device of its own"]}]}  # fmt: skip
    corpus.write_text(json.dumps(line) + "\n", encoding="utf-8")
    location = str(tmp_path / "p.speechmark")
    run = (
        "from annotator.cli import main\n"
        f"main(['--project', {location!r}, 'import-corpus', {str(corpus)!r}], standalone_mode=False)"
    )
    assert loaded_after(run) == set()  # a new file
    corpus.write_text(json.dumps({**line, "text": "Another text."} | {"annotations": []}) + "\n")
    assert loaded_after(run) == set()  # the file it made, now at the newest schema
    with Project(location) as project:
        assert [d.title for d in project.documents()] == ["Talks", "Talks"]


def test_import_corpus_into_an_older_file_loads_the_store(tmp_path):
    from annotator.store.database import make_engine, migrate

    location = str(tmp_path / "old.speechmark")
    engine = make_engine(location)
    migrate(engine, "v1")
    engine.dispose()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"title": "Talks", "text": "Yes."}) + "\n", encoding="utf-8")
    run = (
        "from annotator.cli import main\n"
        f"main(['--project', {location!r}, 'import-corpus', {str(corpus)!r}], standalone_mode=False)"
    )
    assert "sqlalchemy" in loaded_after(run)  # the full store migrates it
    with Project(location) as project:
        assert [d.title for d in project.documents()] == ["Talks"]
