"""Help > Keyboard shortcuts: generated from the window's real bindings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget


def sheet_html(rows: list[tuple[str, str, str]]) -> str:
    """An HTML table of (menu, command, keys), grouped by menu."""
    parts = ["<style>td{padding:2px 14px 2px 0;} h3{margin:12px 0 4px 0;}</style>"]
    menu = None
    for group, command, keys in rows:
        if group != menu:
            if menu is not None:
                parts.append("</table>")
            parts.append(f"<h3>{group}</h3><table>")
            menu = group
        parts.append(f"<tr><td width='170'><b><tt>{keys}</tt></b></td><td>{command}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class ShortcutsSheet(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 680)
        self.browser = QTextBrowser()
        self.browser.setHtml(sheet_html(rows))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
