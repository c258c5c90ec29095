"""The reader's attachments strip: a mail's files with Save, Save all and Open.

An attachment's name came from the mail, so it is shown as plain text. What
the user asks for leaves as a signal; the window saves and opens. The
strings are translated under the context "MessageView", the reader they
belong to, so the catalogue's translations apply as they did.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.models import Attachment
from .glyphs import glyph
from .plain import plain_tooltip


def human_size(n: int | None) -> str:
    """A byte count the way people read it: 512 B, 1.5 KB, 12 MB."""
    if n is None or n < 0:
        return QCoreApplication.translate("MessageView", "unknown size")
    if n < 1024:
        return QCoreApplication.translate("MessageView", "%1 B").replace("%1", str(n))
    units = (
        QCoreApplication.translate("MessageView", "KB"),
        QCoreApplication.translate("MessageView", "MB"),
        QCoreApplication.translate("MessageView", "GB"),
        QCoreApplication.translate("MessageView", "TB"),
    )
    value = float(n)
    for unit in units:
        value /= 1024
        if value < 1024:
            break
    return f"{QLocale().toString(value, 'f', 1 if value < 10 else 0)} {unit}"


class AttachmentStrip(QFrame):
    """The list of a mail's attachments and what can be done with them; hidden when there are none."""

    saveRequested = Signal(list)  # of Attachment
    openRequested = Signal(object)  # one Attachment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_list = QListWidget(self)
        self.attachment_list.setAccessibleName(QCoreApplication.translate("MessageView", "Attachments"))
        self.attachment_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.attachment_list.setMaximumHeight(96)
        self.attachment_list.itemSelectionChanged.connect(self._update_buttons)
        self.attachment_list.itemActivated.connect(lambda _item: self._open_selected())
        buttons = QVBoxLayout()
        self.save_button = QPushButton(QCoreApplication.translate("MessageView", "Save…"), self)
        self.save_button.setAccessibleName(QCoreApplication.translate("MessageView", "Save the selected attachments"))
        self.save_button.clicked.connect(lambda: self._save(self._attachments(selected_only=True)))
        self.save_all_button = QPushButton(QCoreApplication.translate("MessageView", "Save all…"), self)
        self.save_all_button.setAccessibleName(QCoreApplication.translate("MessageView", "Save all attachments"))
        self.save_all_button.clicked.connect(lambda: self._save(self._attachments(selected_only=False)))
        self.open_button = QPushButton(QCoreApplication.translate("MessageView", "Open"), self)
        self.open_button.setAccessibleName(QCoreApplication.translate("MessageView", "Open the selected attachment"))
        self.open_button.clicked.connect(self._open_selected)
        for button, name in ((self.save_button, "save"), (self.save_all_button, "save_all"),
                             (self.open_button, "open_file")):
            button.setIcon(glyph(name))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.attachment_list, 1)
        layout.addLayout(buttons)
        self.hide()

    def set_attachments(self, attachments: list[Attachment]) -> None:
        self.attachment_list.clear()
        for attachment in attachments:
            kind = attachment.content_type or QCoreApplication.translate("MessageView", "unknown type")
            item = QListWidgetItem(f"{attachment.name}  \u2014  {human_size(attachment.size)}, {kind}")
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            item.setIcon(glyph("attachment"))
            item.setToolTip(plain_tooltip(attachment.name))  # "scan <img src=/dev/zero>.pdf" is a name
            self.attachment_list.addItem(item)
        self.setVisible(bool(attachments))
        self._update_buttons()

    def _attachments(self, selected_only: bool) -> list[Attachment]:
        items = self.attachment_list.selectedItems() if selected_only else [
            self.attachment_list.item(i) for i in range(self.attachment_list.count())
        ]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _update_buttons(self) -> None:
        selected = len(self.attachment_list.selectedItems())
        self.save_button.setEnabled(selected > 0)
        self.open_button.setEnabled(selected == 1)
        self.save_all_button.setEnabled(self.attachment_list.count() > 0)

    def _save(self, chosen: list[Attachment]) -> None:
        if chosen:
            self.saveRequested.emit(chosen)

    def _open_selected(self) -> None:
        chosen = self._attachments(selected_only=True)
        if len(chosen) == 1:
            self.openRequested.emit(chosen[0])
