"""Dialogs that never get smaller than their contents need.

Qt gives a top-level window the minimum size of its layout, but that minimum
ignores word-wrapped labels (their height depends on their width), so a
dialog with a wrapped note can be shown, or dragged, shorter than its text
and clip it top and bottom. ``fit_to_contents`` keeps the window's minimum
at what its layout needs for its current width, in whatever language and
font size it is drawn: after every layout change and every resize.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def needed_size(window: QWidget) -> tuple[int, int]:
    """The least width the layout takes, and the height it needs at the window's width."""
    layout = window.layout()
    if layout is None:
        hint = window.minimumSizeHint()
        return hint.width(), hint.height()
    least = layout.totalMinimumSize()
    width = max(window.width(), least.width())
    height = least.height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    return least.width(), height


class _Fitter(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show) and not self._fitting:
            window = watched if isinstance(watched, QWidget) else None
            if window is not None and window.layout() is not None:
                self._fitting = True
                try:
                    if kind == QEvent.Type.LayoutRequest:
                        window.layout().activate()  # the minimum below is read from the new layout
                    width, height = needed_size(window)
                    if (width, height) != (window.minimumWidth(), window.minimumHeight()):
                        window.setMinimumSize(width, height)  # grows the window when it is smaller
                finally:
                    self._fitting = False
        return False


def fit_to_contents(window: QWidget) -> None:
    """Keep ``window`` at least as large as its contents need (see the module)."""
    window.installEventFilter(_Fitter(window))
