"""The quote panel: the speaker swatch follows the name shown, typed or selected."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import Annotation, Codebook, Speaker
from annotator.ui.inspector import Inspector

TEXT = "Ana said “we stay”. Tom said “we go”."
SPEAKERS = [
    Speaker("Ana Reyes", aliases=("Reyes",), colour="#0072B2"),
    Speaker("Tom Baker", colour="#D55E00"),
]


def _quote(speaker: str | None) -> Annotation:
    start = TEXT.index("“we stay”")
    return Annotation.on(1, TEXT, start, start + 9, speaker=speaker)


def _swatch(inspector: Inspector) -> str | None:
    """The colour of the swatch the combo draws: its current item's icon."""
    index = inspector.speaker.currentIndex()
    if index < 0:
        return None
    image = inspector.speaker.itemIcon(index).pixmap(12, 12).toImage()
    return image.pixelColor(6, 6).name().upper()


def test_swatch_follows_the_quote_shown(qtbot) -> None:
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_vocabulary(SPEAKERS, Codebook())
    inspector.show_annotation(_quote("Tom Baker"))
    assert _swatch(inspector) == "#D55E00"
    inspector.show_annotation(_quote("Ana Reyes"))
    assert inspector.speaker.currentText() == "Ana Reyes"
    assert _swatch(inspector) == "#0072B2"
    inspector.show_annotation(_quote(None))
    assert _swatch(inspector) is None


def test_swatch_follows_typing_and_keeps_the_text(qtbot) -> None:
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_vocabulary(SPEAKERS, Codebook())
    inspector.show_annotation(_quote("Tom Baker"))
    inspector.show()
    edit = inspector.speaker.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "reyes")  # an alias, typed in lower case
    assert edit.text() == "reyes" and edit.cursorPosition() == 5
    assert _swatch(inspector) == "#0072B2"
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "z")
    assert edit.text() == "reyez"
    assert _swatch(inspector) is None
