"""The Briefing dialog: title, analyst, grouping, template, output and quotes.

Returns a ``BriefingRequest``; ``export_runner.run_briefing`` writes the Word file.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from annotator import paths
from annotator.app.exports import BriefingRequest
from annotator.store import Project
from annotator.ui.export_dialog import PathField, lay_out_request_dialog, may_overwrite
from annotator.ui.selection import SelectionWidget

WORD_FILTER = "Word documents (*.docx);;All files (*)"
GROUP_LABELS = {"speaker": "Speaker", "document": "Document", "tone": "Tone"}


class BriefingDialog(QDialog):
    """Asks for the briefing's title, analyst, grouping, template, output and selection."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        # The briefing package loads matplotlib: only when this dialog first opens.
        from annotator.io.briefing import GROUPINGS

        super().__init__(parent)
        self.setWindowTitle("Write a Word briefing")
        self.title = QLineEdit("Briefing", clearButtonEnabled=True)
        self.analyst = QLineEdit(paths.annotator_name(), clearButtonEnabled=True)
        self.group_by = QComboBox()
        for name in GROUPINGS:
            self.group_by.addItem(GROUP_LABELS.get(name, name.capitalize()), name)
        self.template = PathField("Briefing template", "open", WORD_FILTER)
        self.template.edit.setPlaceholderText("None: Speechmark's own layout")
        self.template.setToolTip(
            "A .docx whose styles, page setup and header (e.g. a logo) the briefing uses."
        )
        self.include_context = QCheckBox("Print the sentence around each quote")
        self.output = PathField("Save briefing as", "save", WORD_FILTER)
        self.output.suffix = ".docx"
        self.selector = SelectionWidget(project)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Analyst:", self.analyst)
        form.addRow("&Group quotes by:", self.group_by)
        form.addRow("Te&mplate:", self.template)
        form.addRow("", self.include_context)
        self.include_agreement = QCheckBox("Add the analysts' agreement (an appendix)")
        self.include_agreement.setToolTip("For documents two or more analysts coded")
        form.addRow("", self.include_agreement)
        form.addRow("Save &to:", self.output)
        self.ok_button = lay_out_request_dialog(self, form, self.selector, "Write briefing")
        for field in (self.output, self.template):
            field.changed.connect(self._update)
        self.title.textChanged.connect(self._update)
        self.selector.changed.connect(self._update)
        self._update()
        self.resize(680, 680)

    def request(self) -> BriefingRequest:
        """The analyst's choices; call after ``exec()`` returned Accepted."""
        path = self.output.path()
        if path is None:
            raise ValueError("no output path chosen")
        return BriefingRequest(
            path=path,
            selection=self.selector.selection(),
            title=self.title.text().strip() or "Briefing",
            analyst=self.analyst.text().strip() or None,
            group_by=self.group_by.currentData(),
            template=self.template.path(),
            include_context=self.include_context.isChecked(),
            include_agreement=self.include_agreement.isChecked(),
        )

    def set_request(self, request: BriefingRequest) -> None:
        """Start from an earlier request (e.g. the last briefing of this project)."""
        self.title.setText(request.title)
        self.analyst.setText(request.analyst or "")
        index = self.group_by.findData(request.group_by)
        self.group_by.setCurrentIndex(max(index, 0))
        self.template.set_path(request.template)
        self.include_context.setChecked(request.include_context)
        self.include_agreement.setChecked(request.include_agreement)
        self.output.set_path(request.path)
        self.selector.set_selection(request.selection)

    def accept(self) -> None:
        if self.ok_button.isEnabled() and may_overwrite(self, self.output):
            super().accept()

    def _problem(self) -> str | None:
        template = self.template.path()
        if template is not None and not template.is_file():
            return f"The template {template.name} does not exist."
        if self.output.path() is None:
            return "Choose where to save the briefing."
        return self.selector.problem()

    def _update(self) -> None:
        problem = self._problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")
