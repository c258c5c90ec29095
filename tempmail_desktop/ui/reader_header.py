"""The reader's header: subject, sender, mailbox and time of one mail, and the
notes that it is kept only locally or its raw source was cut.

Everything here came from the mail, so every label shows plain text. The
strings are translated under the context "MessageView", the reader they
belong to, so the catalogue's translations apply as they did.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ..core.models import Message
from ..core.reading import sender_line


class ReaderHeader(QWidget):
    """Who sent a mail, to which mailbox, when; and what the app knows about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.subject_label = self._mail_label(QCoreApplication.translate("MessageView", "Subject"))
        font = self.subject_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.subject_label.setFont(font)
        layout.addWidget(self.subject_label)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(1)
        self.from_label = self._mail_label(QCoreApplication.translate("MessageView", "From"))
        self.to_label = self._mail_label(QCoreApplication.translate("MessageView", "To"))
        self.date_label = self._mail_label(QCoreApplication.translate("MessageView", "Received"))
        form.addRow(QCoreApplication.translate("MessageView", "From:"), self.from_label)
        form.addRow(QCoreApplication.translate("MessageView", "To:"), self.to_label)
        form.addRow(QCoreApplication.translate("MessageView", "Received:"), self.date_label)
        layout.addLayout(form)
        self.deleted_note = self._note(
            QCoreApplication.translate("MessageView", "Kept locally: the service has deleted this mail."),
            QCoreApplication.translate("MessageView", "Deleted by the service"),
        )
        self.truncated_note = self._note(
            QCoreApplication.translate(
                "MessageView", "The raw source was truncated by the service; attachments may be missing."),
            QCoreApplication.translate("MessageView", "Raw source truncated"),
        )
        layout.addWidget(self.deleted_note)
        layout.addWidget(self.truncated_note)

    def show_message(self, message: Message) -> None:
        self.subject_label.setText(message.subject or QCoreApplication.translate("MessageView", "(no subject)"))
        self.from_label.setText(sender_line(message) or QCoreApplication.translate("MessageView", "(unknown sender)"))
        self.to_label.setText(message.mailbox)
        self.date_label.setText(self._local_time(message))
        self.deleted_note.setVisible(message.deleted_upstream)
        self.truncated_note.setVisible(message.raw_truncated)

    @staticmethod
    def _local_time(message: Message) -> str:
        if message.received_at is None:
            return QCoreApplication.translate("MessageView", "unknown")
        stamp = QDateTime.fromSecsSinceEpoch(int(message.received_at.timestamp())).toLocalTime()
        locale = QLocale()
        day = locale.toString(stamp.date(), QLocale.FormatType.LongFormat)
        return f"{day} {locale.toString(stamp.time(), QLocale.FormatType.ShortFormat)}"

    def _mail_label(self, accessible: str) -> QLabel:
        # Mail content is never interpreted as markup: a subject is text.
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        label.setAccessibleName(accessible)
        return label

    def _note(self, text: str, accessible: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAccessibleName(accessible)
        label.setObjectName("messageNote")
        label.setStyleSheet(
            "#messageNote { background:#fff4ce; color:#4d3800; border:1px solid #e6cf7a;"
            " border-radius:3px; padding:2px 6px; }"
        )
        label.hide()
        return label
