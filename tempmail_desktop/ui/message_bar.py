"""An in-window message bar: errors, confirmations, and new-mail banners when
there is no tray to notify through."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from .plain import bounded, plain_label

# A banner quotes subjects, senders, file names and services' errors: a few
# lines at most, however long they are.
TEXT_CHARS = 600
TEXT_LINES = 4

_STYLES = {
    "error": "background:#fde7e9; color:#5c0011; border:1px solid #f1a9b0;",
    "info": "background:#e8f4fd; color:#08335a; border:1px solid #a9d1f1;",
    "mail": "background:#eaf7ea; color:#0f3d0f; border:1px solid #a6d9a6;",
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Messages from the app"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = plain_label(QLabel(self))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.action_button.clicked.connect(self._on_action)
        self._callback: Callable[[], None] | None = None
        self._topic: object = None
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)
        self.hide()

    def show_message(self, text: str, *, kind: str = "info", action_text: str = "",
                     action: Callable[[], None] | None = None, timeout_ms: int = 0,
                     topic: object = None) -> None:
        """Show ``text``. ``topic`` names the condition it is about (a fault of
        one mailbox), so that :meth:`retract` can take it back once that
        condition is over, and only if nothing else has been shown since."""
        self._topic = topic
        self.setStyleSheet(f"#messageBar {{{_STYLES.get(kind, _STYLES['info'])} border-radius:4px;}}")
        self.label.setText(bounded(text, TEXT_CHARS, lines=TEXT_LINES))
        self._callback = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text and action))
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def retract(self, topic: object) -> None:
        """Hide the message about ``topic``: what it said is no longer true."""
        if topic is not None and self._topic == topic and self.isVisible():
            self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _on_action(self) -> None:
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()
