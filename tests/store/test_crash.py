"""A process killed in the middle of writing never corrupts the project or loses a
committed edit."""

import signal
import sqlite3
import subprocess
import sys
import time

from annotator.store import Project

WRITER = """
import sys
from annotator.core import Annotation, Document
from annotator.core.edits import AddAnnotation
from annotator.store import Project

project = Project(sys.argv[1])
text = "“Hold the line,” she said. " * 2000
doc = project.add_document(Document(title="t", text=text))
step = len("“Hold the line,” she said. ")
for i in range(2000):
    project.apply(AddAnnotation(Annotation.on(doc.id, text, i * step, i * step + 16)))
    print(i, flush=True)
"""


def test_killed_writer_leaves_a_sound_project_with_every_committed_edit(tmp_path):
    path = tmp_path / "crash.speechmark"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    confirmed = -1
    deadline = time.monotonic() + 60
    while confirmed < 40 and time.monotonic() < deadline:
        confirmed = int(writer.stdout.readline().split()[0])
    writer.send_signal(signal.SIGKILL)
    writer.wait()

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Project(str(path)) as project:
        saved = project.annotations()
        assert len(saved) >= confirmed + 1  # everything reported as saved is there
        text = project.documents()[0].text
        assert all(text[a.start : a.end] == a.quote for a in saved)
