"""PySide6 6.12.0 on Python 3.11 leaked a reference to None on every void Qt call and the
process died (none_dealloc) after a few thousand. This fails if a bump brings it back."""

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_twenty_thousand_void_calls_keep_none_alive():
    document = QTextDocument("x" * 100)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for i in range(20_000):
        cursor.setPosition(i % 100)
    after = sys.getrefcount(None)
    # Other code may take a few references meanwhile; a leak would show ~20,000.
    assert after - before < 1_000
