"""Speechmark at scale, against the raw library doing the same work in the same run.

Usage: python bench/bench_scale.py [--quick] [--runs N] [--only ROW ...]

Generates a corpus (1,000 documents with 100 quotes each, and one 1 MB article with 10,000
quotes; ``--quick``: a tenth of that), then measures each row for Speechmark and for the
raw limit: the same work done directly with Qt, sqlite3, json or python-docx. Every
measure runs in a fresh process (so start-up and peak memory are real) ``--runs`` times
(default 5); the table shows medians and the ratio to the raw figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable
HERE = Path(__file__).resolve()
FILLER = (
    "the minister said talks would resume after the summer recess while officials in the "
    "capital warned that the border dispute could deepen if neither side gave ground on "
    "trade tariffs fishing rights or the status of the northern villages"
)
WORDS = tuple(FILLER.split(" "))
SPEAKERS = ["Anna Lindqvist", "Dmitri Volkan", "Claire Dubois", "Tomas Varga", "Laura Kim"]
TONES = ["confrontational", "conciliatory", "accusatory", "warning", "neutral"]
DEVICES = ["metaphor", "hyperbole", "repetition", "loaded language", "appeal to fear"]


# -- data ------------------------------------------------------------------------------------
def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def article(rng: random.Random, quotes: int, size: int) -> tuple[str, list[tuple[int, int]]]:
    """A text of about ``size`` characters holding ``quotes`` quoted sentences."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    filler = max(1, size // max(1, quotes) // 8 - 12)
    for _ in range(quotes):
        lead = _sentence(rng, filler) + ". "
        quote = "“" + _sentence(rng, 8) + ",”"
        tail = f" {rng.choice(SPEAKERS)} said. "
        start = length + len(lead)
        spans.append((start, start + len(quote)))
        piece = lead + quote + tail
        parts.append(piece)
        length += len(piece)
        if rng.random() < 0.2:
            parts.append("\n\n")
            length += 2
    return "".join(parts), spans


def corpus_lines(documents: int, quotes: int, seed: int = 7) -> list[str]:
    """JSONL lines of a generated corpus (Speechmark's own format)."""
    rng = random.Random(seed)
    lines = []
    for n in range(1, documents + 1):
        text, spans = article(rng, quotes, quotes * 220)
        annotations = [
            {
                "id": f"{n:05d}-{k:05d}",
                "start": s,
                "end": e,
                "quote": text[s:e],
                "speaker": rng.choice(SPEAKERS),
                "tone": rng.choice(TONES),
                "devices": rng.sample(DEVICES, rng.randint(0, 2)),
                "note": None,
                "status": "accepted",
                "confidence": None,
                "annotator": "bench",
                "created": "2024-03-14T09:00:00Z",
                "modified": "2024-03-14T09:00:00Z",
                "why": None,
            }  # fmt: skip
            for k, (s, e) in enumerate(spans)
        ]
        lines.append(
            json.dumps(
                {
                    "id": n,
                    "title": f"Report {n}",
                    "source": None,
                    "outlet": "Herald",
                    "author": None,
                    "published": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    "language": "en",
                    "text": text,
                    "annotations": annotations,
                },
                ensure_ascii=False,
            )  # fmt: skip
        )
    return lines


def prepare(folder: Path, quick: bool) -> dict[str, str]:
    """Write the corpora and the projects every row starts from; returns their paths."""
    scale = 10 if quick else 1
    made = {
        "corpus": folder / "corpus.jsonl",
        "big": folder / "big.jsonl",
        "small": folder / "small.jsonl",
        "brief": folder / "brief.jsonl",
    }
    made["corpus"].write_text("\n".join(corpus_lines(1000 // scale, 100)) + "\n", "utf-8")
    global DOCS, QUOTES  # for the labels
    DOCS, QUOTES = 1000 // scale, 100_000 // scale
    made["big"].write_text("\n".join(corpus_lines(1, 10000 // scale)) + "\n", "utf-8")
    made["small"].write_text("\n".join(corpus_lines(10, 20)) + "\n", "utf-8")
    made["brief"].write_text("\n".join(corpus_lines(20, 1000 // 20 // scale)) + "\n", "utf-8")
    paths = {name: str(path) for name, path in made.items()}
    for name in ("corpus", "big", "small", "brief"):
        project = folder / f"{name}.speechmark"
        _run_task("import_corpus", [str(project), paths[name]])
        paths[f"{name}_project"] = str(project)
    return paths


# -- tasks, each run in its own process ---------------------------------------------------------
def _peak_mb() -> float:
    # VmHWM is this program's own peak; ru_maxrss also counts the bench process it was
    # forked from (Linux keeps it across exec), which hides anything smaller.
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    return int(kilobytes) / 1024


def task_import_corpus(project: str, corpus: str) -> float:
    """What ``annotator import-corpus`` does (no undo stack to fill)."""
    from annotator.app.imports import import_corpus_at

    start = time.perf_counter()
    import_corpus_at(project, Path(corpus))
    return time.perf_counter() - start


def task_raw_import_corpus(database: str, corpus: str) -> float:
    import sqlite3

    start = time.perf_counter()
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE document (id INTEGER PRIMARY KEY, title, text, sha256)")
    db.execute(
        "CREATE TABLE annotation (id PRIMARY KEY, document_id, start, end, quote, prefix,"
        " suffix, speaker, tone, status, annotator, created, modified)"
    )
    db.execute("CREATE TABLE annotation_device (annotation_id, device)")
    import hashlib

    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            db.execute(
                "INSERT INTO document VALUES (?, ?, ?, ?)",
                (record["id"], record["title"], text,
                 hashlib.sha256(text.encode()).hexdigest()),
            )  # fmt: skip
            rows = [
                (a["id"], record["id"], a["start"], a["end"], a["quote"],
                 text[max(0, a["start"] - 32) : a["start"]], text[a["end"] : a["end"] + 32],
                 a["speaker"], a["tone"], a["status"], a["annotator"], a["created"],
                 a["modified"])
                for a in record["annotations"]
            ]  # fmt: skip
            db.executemany("INSERT INTO annotation VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            db.executemany(
                "INSERT INTO annotation_device VALUES (?, ?)",
                [(a["id"], d) for a in record["annotations"] for d in a["devices"]],
            )
    db.commit()
    db.close()
    return time.perf_counter() - start


def task_export(project: str, format_name: str, output: str) -> float:
    from annotator.app.exports import ExportRequest, Selection, prepare_export
    from annotator.core import Status
    from annotator.store import Project

    start = time.perf_counter()
    with Project(project) as opened:
        selection = Selection(statuses=tuple(Status))
        job = prepare_export(opened, ExportRequest(format_name, Path(output), selection))
        job.written()
    return time.perf_counter() - start


def task_raw_export(project: str, output: str) -> float:
    """JSONL straight from sqlite3: one ordered pass, written as it goes."""
    import sqlite3

    start = time.perf_counter()
    db = sqlite3.connect(project)
    quotes = db.execute(
        "SELECT a.document_id, a.id, a.start, a.end, a.quote, s.name, t.name, a.note,"
        " a.status, a.confidence, a.annotator, a.created, a.modified, a.why"
        " FROM annotation a LEFT JOIN speaker s ON s.id = a.speaker_id"
        " LEFT JOIN code t ON t.id = a.tone_id ORDER BY a.document_id, a.start"
    )
    pending = next(quotes, None)
    with open(output, "w", encoding="utf-8") as out:
        for doc in db.execute("SELECT id, title, text FROM document ORDER BY id"):
            annotations = []
            while pending is not None and pending[0] == doc[0]:
                keys = ("id", "start", "end", "quote", "speaker", "tone", "note", "status",
                        "confidence", "annotator", "created", "modified", "why")  # fmt: skip
                annotations.append(dict(zip(keys, pending[1:], strict=True)))
                pending = next(quotes, None)
            record = {"id": doc[0], "title": doc[1], "text": doc[2], "annotations": annotations}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return time.perf_counter() - start


def task_list(project: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [PYTHON, "-m", "annotator", "--project", project, "list"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - start


def task_raw_list(project: str) -> float:
    script = (
        "import sqlite3,sys;db=sqlite3.connect(sys.argv[1]);"
        "[print(*r,sep='\\t') for r in db.execute('SELECT d.id,count(a.id),d.title FROM "
        "document d LEFT JOIN annotation a ON a.document_id=d.id GROUP BY d.id')]"
    )
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", script, project], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def task_briefing(project: str, output: str) -> float:
    from annotator.app.exports import BriefingRequest, Selection, prepare_briefing
    from annotator.store import Project

    start = time.perf_counter()
    with Project(project) as opened:
        job = prepare_briefing(opened, BriefingRequest(Path(output), Selection()))
        job.written()
    return time.perf_counter() - start


def task_raw_briefing(project: str, output: str) -> float:
    """python-docx alone: a heading and a styled paragraph per quote, grouped by speaker."""
    import sqlite3

    import docx

    start = time.perf_counter()
    rows = sqlite3.connect(project).execute(
        "SELECT s.name, a.quote FROM annotation a JOIN speaker s ON s.id = a.speaker_id"
        " ORDER BY s.name, a.document_id, a.start"
    )
    document = docx.Document()
    document.add_heading("Briefing", 0)
    current = None
    for speaker, quote in rows:
        if speaker != current:
            document.add_heading(speaker, 1)
            current = speaker
        document.add_paragraph(quote, style="Quote")
        document.add_paragraph(f"— {speaker}", style="Caption")
    document.save(output)
    return time.perf_counter() - start


def _application():  # noqa: ANN202 (Qt types stay local to the Qt tasks)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _settings(project: str):  # noqa: ANN202
    from PySide6.QtCore import QSettings

    return QSettings(str(Path(project).with_suffix(".ini")), QSettings.Format.IniFormat)


def task_open(project: str) -> float:
    app = _application()
    from annotator.store import Project
    from annotator.ui.main_window import MainWindow

    opened = Project(project)
    window = MainWindow(opened, _settings(project))
    window.show()
    app.processEvents()
    window.open_document(None)
    app.processEvents()
    (document_id,) = [s.id for s in opened.summaries()][:1]
    start = time.perf_counter()
    window.open_document(document_id)
    window.view.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - start


def task_raw_open(project: str) -> float:
    app = _application()
    import sqlite3

    from PySide6.QtWidgets import QPlainTextEdit

    view = QPlainTextEdit()
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    db = sqlite3.connect(project)
    (document_id, text) = db.execute("SELECT id, text FROM document LIMIT 1").fetchone()
    # What highlighting needs at the least: each quote's span and colour, in text order
    # (Qt's own cost of colouring them is left out: this is a floor, not a highlighter).
    spans = db.execute(
        'SELECT start, "end", speaker_id FROM annotation WHERE document_id = ? ORDER BY start',
        (document_id,),
    ).fetchall()
    if not spans:
        raise SystemExit("the article to open has no quotes")
    view.setPlainText(text)
    view.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - start


def task_add(project: str) -> float:
    app = _application()
    from annotator.core import Annotation
    from annotator.core.edits import AddAnnotation
    from annotator.store import Project
    from annotator.ui.main_window import MainWindow

    opened = Project(project)
    window = MainWindow(opened, _settings(project))
    window.show()
    app.processEvents()
    document = window.document
    assert document is not None and document.id is not None
    at = document.text.index(" ", len(document.text) // 2) + 1
    annotation = Annotation.on(document.id, document.text, at, at + 5)
    start = time.perf_counter()
    window.edits.run(AddAnnotation(annotation))
    window.view.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - start


def task_raw_add(project: str) -> float:
    app = _application()
    import sqlite3

    from PySide6.QtWidgets import QPlainTextEdit

    db = sqlite3.connect(project)
    (text,) = db.execute("SELECT text FROM document LIMIT 1").fetchone()
    view = QPlainTextEdit()
    view.resize(1000, 700)
    view.setPlainText(text)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    db.execute(
        "INSERT INTO annotation (id, document_id, start, end, quote, prefix, suffix, status,"
        " created, modified, anchor) VALUES ('raw', 1, 0, 5, ?, '', '', 'accepted',"
        " '2024-01-01', '2024-01-01', 'position')",
        (text[:5],),
    )
    db.commit()
    view.viewport().repaint()
    app.processEvents()
    db.execute("DELETE FROM annotation WHERE id = 'raw'")
    db.commit()
    return time.perf_counter() - start


def _open_workspace(project: str):  # noqa: ANN202
    """The window ``annotator`` opens on ``project``, and the moment its first frame was
    painted: a current project's window shows its corpus list first and opens the store
    just after, so the painting is watched, not the return of ``show``."""
    app = _application()
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from annotator.ui.app import open_window

    painted: list[float] = []

    class FirstFrame(QObject):
        def eventFilter(self, watched, event):  # noqa: ANN001, ANN202
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)  # not the QWindow under it
                and not getattr(watched.window(), "loaded", 1)
            ):
                painted.append(time.perf_counter())  # a widget of the first frame
            return False

    watcher = FirstFrame()
    app.installEventFilter(watcher)
    window = open_window(project, _settings(project))
    assert window is not None
    while not window.loaded:
        app.processEvents()
    app.removeEventFilter(watcher)
    if not painted:  # opened before its window showed (an older file, a database URL)
        app.processEvents()
        painted.append(time.perf_counter())
    return app, window, painted[-1]


def task_start(project: str) -> float:
    """From process start to a painted window (the process's own clock)."""
    _app, _window, painted = _open_workspace(project)
    return painted - STARTED


def task_start_ready(project: str) -> float:
    """From process start until the first document is shown with its quotes."""
    app, window, _painted = _open_workspace(project)
    while window.document is None:
        app.processEvents()
    window.view.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - STARTED


def task_raw_start(_project: str) -> float:
    app = _application()
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    return time.perf_counter() - STARTED


STARTED = time.perf_counter()
DOCS, QUOTES = 1000, 100_000
TASKS: dict[str, Callable[..., float]] = {
    name[len("task_") :]: function
    for name, function in globals().items()
    if name.startswith("task_") and callable(function)
}


def _run_task(name: str, arguments: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one task in a fresh process."""
    done = subprocess.run(
        [PYTHON, str(HERE), "--task", name, *arguments],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_mb"]


# -- the table ----------------------------------------------------------------------------
Run = tuple[str, list[str]]  # a task and its arguments
Row = tuple[str, Callable[[], tuple[Run, Run]]]  # label, and fresh (ours, raw) per run


def rows(paths: dict[str, str], folder: Path) -> list[Row]:
    """Every row: its label and how to make fresh arguments (new outputs, copied projects)."""
    counter = iter(range(10**9))

    def fresh(name: str) -> str:
        return str(folder / f"{name}-{next(counter)}")

    def copy(name: str) -> str:
        target = fresh(name) + ".speechmark"
        shutil.copy(paths[f"{name}_project"], target)
        return target

    big, corpus = paths["big_project"], paths["corpus_project"]
    table: list[Row] = [
        (f"open 1 article, {QUOTES // 10:,} quotes",
         lambda: (("open", [big]), ("raw_open", [big]))),
        (f"add one quote with {QUOTES // 10:,} present",
         lambda: (("add", [copy("big")]), ("raw_add", [copy("big")]))),
        (f"import-corpus ({DOCS:,} docs, {QUOTES:,} quotes)",
         lambda: (("import_corpus", [fresh("import") + ".speechmark", paths["corpus"]]),
                  ("raw_import_corpus", [fresh("raw") + ".sqlite", paths["corpus"]]))),
        (f"briefing, {QUOTES // 100:,} quotes",
         lambda: (("briefing", [paths["brief_project"], fresh("b") + ".docx"]),
                  ("raw_briefing", [paths["brief_project"], fresh("rb") + ".docx"]))),
        ("start to window, 10 docs",
         lambda: (("start", [copy("small")]), ("raw_start", [paths["small_project"]]))),
        (f"start to window, {DOCS:,} docs",
         lambda: (("start", [copy("corpus")]), ("raw_start", [corpus]))),
        (f"start to first document shown, {DOCS:,} docs",
         lambda: (("start_ready", [copy("corpus")]), ("raw_start", [corpus]))),
        (f"annotator list, {DOCS:,} docs",
         lambda: (("list", [corpus]), ("raw_list", [corpus]))),
    ]  # fmt: skip
    for fmt, suffix in (("jsonl", ".jsonl"), ("csv", ".csv"), ("wide", ".csv"),
                        ("w3c", ".jsonld"), ("qdpx", ".qdpx"), ("labelstudio", ".json"),
                        ("doccano", ".jsonl"), ("doccano-overlapping", ".jsonl"),
                        ("brat", "")):  # fmt: skip
        table.append(
            (f"export {fmt}, {QUOTES:,} quotes",
             lambda fmt=fmt, suffix=suffix: (
                 ("export", [corpus, fmt, fresh(fmt) + suffix]),
                 ("raw_export", [corpus, fresh("raw") + ".jsonl"])))
        )  # fmt: skip
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=[], help="rows whose label has these words")
    parser.add_argument("--task", help=argparse.SUPPRESS)
    arguments, rest = parser.parse_known_args()
    if arguments.task:
        seconds = TASKS[arguments.task](*rest)
        print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb()}))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = prepare(folder, arguments.quick)
        size = "quick (a tenth)" if arguments.quick else "full"
        print(f"Sizes: {size}; medians of {arguments.runs} runs, each in a fresh process.\n")
        print("| work | Speechmark | raw limit | ratio | Speechmark peak MB | raw peak MB |")
        print("|---|---|---|---|---|---|")
        for label, make in rows(paths, folder):
            if arguments.only and not any(word in label for word in arguments.only):
                continue
            ours, raws, ours_mb, raws_mb = [], [], [], []
            for _ in range(arguments.runs):
                mine_run, raw_run = make()
                seconds, peak = _run_task(*mine_run)
                ours.append(seconds)
                ours_mb.append(peak)
                seconds, peak = _run_task(*raw_run)
                raws.append(seconds)
                raws_mb.append(peak)
            mine, raw = statistics.median(ours), statistics.median(raws)
            print(
                f"| {label} | {mine * 1000:,.0f} ms | {raw * 1000:,.0f} ms | {mine / raw:.1f}x "
                f"| {statistics.median(ours_mb):,.0f} | {statistics.median(raws_mb):,.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
