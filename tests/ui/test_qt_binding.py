"""The Qt binding must not leak references to None or bools.

PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call,
and the interpreter aborted ("none_dealloc") after a few minutes of use.
"""

import sys

from PySide6.QtCore import QObject


def test_void_calls_keep_none_alive():
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("probe")
    assert sys.getrefcount(None) - before >= 0


def test_bool_returns_keep_true_alive():
    obj = QObject()
    before = sys.getrefcount(True)
    for _ in range(2000):
        obj.signalsBlocked()
        obj.blockSignals(False)
    assert sys.getrefcount(True) - before >= -5
