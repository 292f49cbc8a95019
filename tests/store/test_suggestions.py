from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from annotator.core import Annotation, Document, Speaker, Status
from annotator.core.edits import AddAnnotation, AddSpeaker, UpdateAnnotation
from annotator.store.suggestions import accept_all_edit, suggestion_edit

TEXT = "“We stand firm,” Lee said. “Like a rock,” she added. “Go home,” Volkan replied."


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    speaker: str | None
    speaker_mentions: tuple[str, ...] = ()
    tone: str | None = None
    devices: tuple[str, ...] = ()
    confidence: float = 0.8
    why: str = "curly quotes; 'said' after the quote"


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def found() -> list[Found]:
    return [
        Found(*span("“We stand firm,”"), "Ann Lee", ("Lee", "she"), tone="confrontational"),
        Found(*span("“Like a rock,”"), "Ann Lee", ("she",), devices=("Simile", "no-such-device")),
        Found(*span("“Go home,”"), "Dmitri Volkan", ("Volkan",), tone="dismissive"),
    ]


def test_suggestions_become_one_undoable_edit_with_speakers_and_reasons(project):
    doc = project.add_document(Document(title="t", text=TEXT))
    project.apply(AddSpeaker(Speaker("Dmitri Volkan", aliases=("Volkan",))))
    edit, report = suggestion_edit(project, doc.id, found())
    project.apply(edit)
    assert (report.added, report.skipped, report.speakers_added) == (3, 0, 1)
    got = project.annotations(doc.id)
    assert [a.speaker for a in got] == ["Ann Lee", "Ann Lee", "Dmitri Volkan"]
    assert got[1].devices == ("simile",)  # known device kept, unknown dropped
    assert all(a.status is Status.SUGGESTED and a.why for a in got)
    assert project.find_speaker("lee").name == "Ann Lee"  # mention kept as alias
    assert project.find_speaker("she") is None  # pronouns are never aliases
    project.apply(edit.inverse())
    assert project.annotations(doc.id) == [] and project.find_speaker("Ann Lee") is None


def test_running_again_never_duplicates_revives_or_overrides(project):
    doc = project.add_document(Document(title="t", text=TEXT))
    project.apply(suggestion_edit(project, doc.id, found())[0])
    first, second, third = project.annotations(doc.id)
    project.apply(UpdateAnnotation.between(first, status=Status.REJECTED))
    project.apply(UpdateAnnotation.between(second, status=Status.ACCEPTED, tone="sarcastic"))
    project.apply(AddAnnotation(Annotation.on(doc.id, TEXT, *span("Volkan replied"))))
    edit, report = suggestion_edit(project, doc.id, found())
    assert (report.added, report.skipped) == (0, 3)
    project.apply(edit)
    again = {a.id: a for a in project.annotations(doc.id)}
    assert len(again) == 4
    assert again[first.id].status is Status.REJECTED
    assert (again[second.id].status, again[second.id].tone) == (Status.ACCEPTED, "sarcastic")


def test_accept_option_and_accept_all(project):
    doc = project.add_document(Document(title="t", text=TEXT))
    project.apply(suggestion_edit(project, doc.id, found()[:1], accept=True)[0])
    assert project.annotations(doc.id)[0].status is Status.ACCEPTED
    project.apply(suggestion_edit(project, doc.id, found()[1:])[0])
    accept = accept_all_edit(project, doc.id)
    project.apply(accept)
    assert {a.status for a in project.annotations(doc.id)} == {Status.ACCEPTED}
    project.apply(accept.inverse())
    assert [a.status for a in project.annotations(doc.id)].count(Status.SUGGESTED) == 2


@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), max_size=30),
    st.tuples(st.integers(0, 200), st.integers(1, 60)),
)
def test_the_span_index_finds_exactly_the_overlaps_a_full_scan_finds(spans, new):
    from annotator.store.suggestions import _overlaps, _Taken

    pairs = [(start, start + length) for start, length in spans]
    taken = _Taken(pairs)
    start, end = new[0], new[0] + new[1]
    assert taken.overlaps(start, end) == any(_overlaps(start, end, a, b) for a, b in pairs)
