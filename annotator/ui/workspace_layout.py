"""Putting the panels together: the reading column with its heading, and the docks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from annotator.ui.appearance import PAGE


def build_central(title: QLabel, legend: QLabel, view: QWidget, find_bar: QWidget) -> QWidget:
    """The document heading and colour legend above the text, the find bar below it."""
    title.setTextFormat(Qt.TextFormat.RichText)
    title.setWordWrap(True)
    title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    title.setStyleSheet(
        f"background: {PAGE.name()}; color: #1F1F1F; font-size: 15px; padding: 14px 24px 2px 24px;"
    )
    legend.setTextFormat(Qt.TextFormat.RichText)
    legend.setWordWrap(True)
    legend.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    legend.setStyleSheet(
        f"background: {PAGE.name()}; color: #444; font-size: 12px;"
        " padding: 2px 24px 8px 24px; border-bottom: 1px solid #E6E2DA;"
    )
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(title)
    layout.addWidget(legend)
    layout.addWidget(view, 1)
    layout.addWidget(find_bar)
    return central


def dock(window: QMainWindow, title: str, panel: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    """A movable panel named ``title`` (its object name keeps the saved layout stable)."""
    widget = QDockWidget(title, window)
    widget.setObjectName(f"{title.lower()}_dock")
    widget.setWidget(panel)
    widget.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(area, widget)
    return widget
