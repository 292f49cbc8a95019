"""Finding text: a bar under the document that marks every hit, and a corpus-wide search."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Document
from annotator.ui.document_view import DocumentView

CONTEXT = 40


def find_all(text: str, wanted: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``wanted`` in ``text``, ignoring case (code-point offsets)."""
    if not wanted:
        return []
    haystack, needle = text.casefold(), wanted.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (ß -> ss): match exactly
        haystack, needle = text, wanted
    hits, at = [], haystack.find(needle)
    while at != -1:
        hits.append((at, at + len(needle)))
        at = haystack.find(needle, at + max(len(needle), 1))
    return hits


class FindBar(QWidget):
    """Ctrl+F: type to mark all hits; Enter / Shift+Enter go to the next / previous."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__()
        self.view = view
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(placeholderText="Find in document", clearButtonEnabled=True)
        self.field.textChanged.connect(lambda _t: self.refresh())
        self.field.returnPressed.connect(self.next_hit)
        self.count = QLabel()
        close = QPushButton("Close")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.hits = []
        self.view.show_find_hits([])
        self.view.setFocus()

    def refresh(self) -> None:
        document = self.view.document_shown
        wanted = self.field.text() if self.isVisible() else ""
        self.hits = find_all(document.text, wanted) if document else []
        self.current = -1
        self.view.show_find_hits(self.hits)
        self.count.setText(f"{len(self.hits)} found" if wanted else "")

    def next_hit(self, step: int = 1) -> None:
        if not self.hits:
            return
        self.current = (self.current + step) % len(self.hits)
        self.view.select_range(*self.hits[self.current])
        self.count.setText(f"{self.current + 1} of {len(self.hits)}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.next_hit(-1)
        else:
            super().keyPressEvent(event)


@dataclass(frozen=True)
class Hit:
    """A place in the corpus where the searched words occur."""

    document_id: int
    title: str
    start: int
    end: int
    context: str


def find_in_corpus(documents: list[Document], wanted: str, limit: int = 500) -> list[Hit]:
    """Hits across all documents, with a line of context each."""
    hits = []
    for doc in documents:
        for start, end in find_all(doc.text, wanted):
            before = doc.text[max(0, start - CONTEXT) : start].replace("\n", " ")
            after = doc.text[end : end + CONTEXT].replace("\n", " ")
            context = f"…{before}[{doc.text[start:end]}]{after}…"
            hits.append(Hit(doc.id or 0, doc.title, start, end, context))
            if len(hits) >= limit:
                return hits
    return hits


class CorpusSearch(QDialog):
    """Ctrl+Shift+F: search every document; Enter or double-click jumps to a hit."""

    hit_chosen = Signal(object)

    def __init__(self, documents: list[Document], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find in corpus")
        self.resize(720, 480)
        self.documents = documents
        self.field = QLineEdit(placeholderText="Words to find in every document")
        self.field.returnPressed.connect(self.search)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._chosen)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)

    def search(self) -> None:
        self.results.clear()
        hits = find_in_corpus(self.documents, self.field.text())
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n    {hit.context}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        documents = len({h.document_id for h in hits})
        self.count.setText(f"{len(hits)} hits in {documents} documents")
        if hits:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
