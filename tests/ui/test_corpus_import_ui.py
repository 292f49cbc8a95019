"""Importing a corpus in the workspace: progress, and a cancel that changes nothing."""

from annotator.store import Project
from annotator.ui.file_controller import PER_MILLE, corpus_import_task
from annotator.ui.import_worker import ImportWorker
from tests.data.io.awkward_corpus import exported_awkward_corpus


def test_a_cancelled_corpus_import_leaves_the_project_unchanged(qtbot, tmp_path):
    path = exported_awkward_corpus(tmp_path)
    location = str(tmp_path / "target.speechmark")
    with Project(location) as target:
        before = (target.documents(), target.speakers(), target.codebook(), target.edit_count())
    worker = ImportWorker(
        location, lambda project, progress: corpus_import_task(project, path, progress)
    )
    shown: list[tuple[int, int, str]] = []
    worker.progress.connect(lambda done, total, name: shown.append((done, total, name)))
    finished: list[object] = []
    worker.finished.connect(finished.append)
    worker.cancel()  # the analyst pressed Cancel while the first document was read
    with qtbot.waitSignal(worker.cancelled, timeout=10000):
        worker.run()
    assert finished == []
    assert shown and shown[0][1] == PER_MILLE and "corpus.jsonl: 1 documents read" in shown[0][2]
    with Project(location) as target:
        after = (target.documents(), target.speakers(), target.codebook(), target.edit_count())
        assert after == before and target.annotations() == []


def test_a_corpus_import_reports_how_far_the_file_is_read(qtbot, tmp_path):
    path = exported_awkward_corpus(tmp_path)
    location = str(tmp_path / "target.speechmark")
    Project(location).close()
    worker = ImportWorker(
        location, lambda project, progress: corpus_import_task(project, path, progress)
    )
    shown: list[int] = []
    worker.progress.connect(lambda done, _total, _name: shown.append(done))
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.run()
    assert shown == sorted(shown) and 0 < shown[0] < shown[-1] < PER_MILLE
    with Project(location) as target:
        assert len(target.documents()) == len(path.read_text("utf-8").splitlines())
