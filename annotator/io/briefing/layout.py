"""Paragraphs and runs added to a python-docx document, each style name resolved once.

python-docx finds a paragraph style by name by walking every style of the document, and
walks them all again to see whether it is the default style, each time a paragraph is
styled: with a template's hundred-odd styles that was most of a long briefing's time.
``Layout`` asks once per name and sets the id. python-docx also adds each paragraph of the
body by searching all the paragraphs before it for the section settings that end the
body; ``Layout`` puts it straight before them. It writes the same XML as python-docx's
``add_paragraph(text, style)``, ``add_heading`` and ``add_run``. A run formatted the same
way again and again (a label chip) is made once and then copied (``repeat_run``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

# Characters python-docx's run text writes as elements (tabs, line breaks), not as text.
_SPECIAL = frozenset("\t\r\n")
_SECTION = qn("w:sectPr")


class Layout:
    """A document being written, with the ids of its paragraph styles at hand."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self._ids: dict[str, str | None] = {}
        self._runs: dict[Hashable, etree._Element] = {}

    def style_id(self, name: str) -> str | None:
        """The id of the paragraph style ``name`` (None for the default style)."""
        if name not in self._ids:
            self._ids[name] = self.document.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        return self._ids[name]

    def paragraph(self, text: str | None, style: str, cell: _Cell | None = None) -> Paragraph:
        """A new paragraph at the end of the body (or of ``cell``), in ``style``, holding
        ``text`` (XML-safe already) in one run."""
        paragraph = cell.add_paragraph() if cell is not None else self._body_paragraph()
        if text:
            add_run(paragraph, text)
        self.restyle(paragraph, style)
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        """A heading of ``level`` (0 is the title), as ``add_heading`` makes it."""
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def _body_paragraph(self) -> Paragraph:
        """``document.add_paragraph()``: a new paragraph before the body's closing section
        settings (its last child when it has them)."""
        body = self.document.element.body
        closing = next(reversed(body), None)  # (len() and find() would walk them all)
        if closing is None or closing.tag != _SECTION:
            return self.document.add_paragraph()
        p = OxmlElement("w:p")
        closing.addprevious(p)
        return Paragraph(p, self.document._body)

    def repeat_run(self, paragraph: Paragraph, key: Hashable, make: Callable[[], Run]) -> None:
        """Add to ``paragraph`` the run ``make()`` adds to it; once a run was made under
        ``key``, a copy of it is added instead. (python-docx places each property of a
        run's format by searching for where it goes: a chip has four.)"""
        made = self._runs.get(key)
        if made is None:
            self._runs[key] = copy.deepcopy(make()._r)
        else:
            paragraph._p.append(copy.deepcopy(made))

    def restyle(self, paragraph: Paragraph, style: str) -> None:
        """Give an existing paragraph the style ``style``."""
        paragraph._p.style = self.style_id(style)


def add_run(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)``: plain text goes straight into one ``w:t`` (python-docx
    first searches the new, empty run for content to clear)."""
    if _SPECIAL.isdisjoint(text):
        r = paragraph._p.add_r()
        if text:
            r.add_t(text)
        return Run(r, paragraph)
    return paragraph.add_run(text)
