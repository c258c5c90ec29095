"""The one place Settings says that the OS keyring cannot keep keys.

Shown once for every service (never per service): what it means, how to get
a keyring on this platform, and one opt-in, "Keep keys for this session
only", that every key saved afterwards follows without asking again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from ..core.keys import KeyringState
from .error_words import translated
from .plain import plain_label

_NOTE_STYLE = "color:palette(mid);"


def platform_name() -> str:
    """"linux", "darwin" or "win32" (a module function so tests can stand in for it)."""
    return sys.platform


class KeyringPanel(QFrame):
    """Hidden while the keyring works; otherwise says so, once, with the session-only choice."""

    sessionOnlyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyringPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state: KeyringState | None = None

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.how = QLabel(self)
        self.how.setWordWrap(True)
        # The keyring's own words (a locked keyring, a D-Bus error): text, never markup.
        self.detail = plain_label(QLabel(self))
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(_NOTE_STYLE)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.session_only = QCheckBox(self)
        self.session_note = QLabel(self)
        self.session_note.setWordWrap(True)
        self.session_note.setStyleSheet(_NOTE_STYLE)

        column = QVBoxLayout(self)
        for widget in (self.title, self.meaning, self.how, self.detail, self.session_only, self.session_note):
            column.addWidget(widget)
        self.session_only.toggled.connect(self.sessionOnlyChanged)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.session_only.setText(self.tr("Keep keys for this session only"))
        self.session_only.setAccessibleName(self.tr("Keep keys for this session only"))
        self.session_note.setText(self.tr("Applies to every service. Keys stay in memory, are never written "
                                          "to disk and are forgotten when the app quits."))
        if self.state is not None:
            self.show_state(self.state)

    def how_to_get_one(self) -> str:
        where = platform_name()
        if where == "darwin":
            return self.tr("macOS has a keychain built in: check in Keychain Access that it is unlocked.")
        if where.startswith("win"):
            return self.tr("Windows has Credential Manager built in: check that it is not turned off.")
        return self.tr("To keep keys, install and start a keyring with a Secret Service, "
                       "such as GNOME Keyring (gnome-keyring) or KWallet, then open Settings again.")

    def show_state(self, state: KeyringState) -> None:
        """Follow what the keyring answers now; the choice follows ``state.session_only``."""
        self.state = state
        if state.usable:
            self.hide()
            return
        if state.missing:
            self.title.setText(self.tr("There is no keyring on this computer"))
        else:
            self.title.setText(self.tr("The keyring cannot be used now"))
        self.meaning.setText(self.tr("Keys you save cannot be kept after the app quits. A key set in the "
                                     "environment (TEMPMAIL_<ID>_KEY) always works."))
        self.how.setText(self.how_to_get_one())
        self.how.setVisible(state.missing)
        # A locked or silent keyring says itself what to do; a missing one is the how-to above.
        self.detail.setText("" if state.missing else translated(state.problem or ""))
        self.detail.setVisible(not state.missing and bool(state.problem))
        self.session_only.blockSignals(True)
        self.session_only.setChecked(state.session_only)
        self.session_only.blockSignals(False)
        self.show()
