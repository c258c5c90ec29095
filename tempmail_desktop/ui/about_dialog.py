"""Help → About: what the app is, its version, the services it speaks to,
the Qt it runs on, its licence and where its log is."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import APP_DISPLAY_NAME, __version__
from .controller import log_folder, providers
from .fit import fit_to_contents
from .icons import app_icon
from .plain import plain_label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("About Tempmail Desktop"))

        # The icon as tall as three lines of text, in the font the dialog is drawn with.
        side = self.fontMetrics().lineSpacing() * 3
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(side, side))
        self.icon_label.setAccessibleName(self.tr("App icon"))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.name_label = QLabel(APP_DISPLAY_NAME, self)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.name_label.setFont(font)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        self.summary_label = QLabel(self.tr("A desktop inbox for temporary-email services."), self)
        self.summary_label.setWordWrap(True)
        heading = QVBoxLayout()
        for label in (self.name_label, self.version_label, self.summary_label):
            heading.addWidget(label)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addLayout(heading, 1)

        selectable = Qt.TextInteractionFlag.TextSelectableByMouse
        self.services_value = QLabel(", ".join(info.name for info in providers()), self)
        self.services_value.setWordWrap(True)
        self.qt_value = QLabel(f"Qt {qVersion()}, PySide6 {PySide6.__version__}", self)
        self.licence_value = QLabel(self.tr("MIT licence"), self)
        # A folder name is the user's, not markup.
        self.log_value = plain_label(QLabel(str(log_folder()), self))
        self.log_value.setWordWrap(True)
        facts = QGridLayout()
        facts.setColumnStretch(1, 1)
        for row, (name, value) in enumerate((
                (self.tr("Services:"), self.services_value),
                (self.tr("Runs on:"), self.qt_value),
                (self.tr("Licence:"), self.licence_value),
                (self.tr("Log files:"), self.log_value))):
            value.setTextInteractionFlags(selectable)
            label = QLabel(name, self)
            label.setBuddy(value)
            facts.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(self.buttons)
        # Wide enough for the summary on one line where it fits; never smaller than the contents.
        self.summary_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        fit_to_contents(self)
