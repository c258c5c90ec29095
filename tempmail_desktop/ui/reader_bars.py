"""The bars above a mail in the reader: its verification code and link, the
remote images it was kept from loading, and the note that a large mail is
shown simplified.

Each bar shows what the reader gives it; what the user asks for leaves as a
signal and the reader decides. The strings are translated under the context
"MessageView", the reader they belong to, so the catalogue's translations
apply as they did.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from .glyphs import glyph
from .plain import plain_label, plain_tooltip

_NEUTRAL = "background:#f3f3f3; color:#202020; border:1px solid #cfcfcf;"


def opens_in_browser(link: str | None) -> bool:
    """Only web links are offered to the browser; a mailto or other link is only copied."""
    return bool(link) and QUrl(link).scheme().lower() in ("http", "https")


def _bar_layout(frame: QFrame, name: str, style: str) -> QHBoxLayout:
    frame.setObjectName(name)
    frame.setStyleSheet(f"#{name} {{ {style} border-radius:4px; }}")
    layout = QHBoxLayout(frame)
    layout.setContentsMargins(8, 4, 4, 4)
    layout.setSpacing(6)
    return layout


class CodeBar(QFrame):
    """The mail's verification code and link, each with its buttons; hidden when it has neither."""

    copied = Signal(str)  # the code or link now on the clipboard
    openRequested = Signal(QUrl, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.link: str | None = None
        layout = _bar_layout(self, "codeBar", "background:#e8f4fd; color:#08335a; border:1px solid #a9d1f1;")
        self.setAccessibleName(QCoreApplication.translate("MessageView", "Verification code and link"))
        self._code_caption = QLabel(QCoreApplication.translate("MessageView", "Code:"), self)
        self.code_label = QLabel(self)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setBold(True)
        code_font.setPointSizeF(max(code_font.pointSizeF(), 9) * 1.3)
        self.code_label.setFont(code_font)
        self.code_label.setAccessibleName(QCoreApplication.translate("MessageView", "Verification code"))
        self.copy_code_button = QPushButton(QCoreApplication.translate("MessageView", "Copy code"), self)
        self.copy_code_button.setAccessibleName(QCoreApplication.translate("MessageView", "Copy the verification code"))
        self.copy_code_button.clicked.connect(lambda: self._copy(self.code))
        self._link_caption = QLabel(QCoreApplication.translate("MessageView", "Link:"), self)
        self.link_label = QLabel(self)
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.link_label.setAccessibleName(QCoreApplication.translate("MessageView", "Verification link"))
        self.copy_link_button = QPushButton(QCoreApplication.translate("MessageView", "Copy link"), self)
        self.copy_link_button.setAccessibleName(QCoreApplication.translate("MessageView", "Copy the verification link"))
        self.copy_link_button.clicked.connect(lambda: self._copy(self.link))
        self.open_link_button = QPushButton(QCoreApplication.translate("MessageView", "Open link"), self)
        self.open_link_button.setAccessibleName(
            QCoreApplication.translate("MessageView", "Open the verification link in the browser"))
        self.open_link_button.clicked.connect(self._open_link)
        for button, name in ((self.copy_code_button, "copy"), (self.copy_link_button, "copy"),
                             (self.open_link_button, "open_link")):
            button.setIcon(glyph(name))
        for widget in (self._code_caption, self.code_label, self.copy_code_button):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(self._link_caption)
        layout.addWidget(self.link_label, 1)
        layout.addWidget(self.copy_link_button)
        layout.addWidget(self.open_link_button)

    def set_facts(self, code: str | None, link: str | None) -> None:
        """Show this code and link (None: that half of the bar goes; both None: the bar goes)."""
        self.code, self.link = code, link
        self.code_label.setText(code or "")
        for widget in (self._code_caption, self.code_label, self.copy_code_button):
            widget.setVisible(bool(code))
        self.link_label.setText(link or "")
        self.link_label.setToolTip(plain_tooltip(link))
        for widget in (self._link_caption, self.link_label, self.copy_link_button):
            widget.setVisible(bool(link))
        self.open_link_button.setVisible(opens_in_browser(link))
        self.setVisible(bool(code or link))

    def _copy(self, text: str | None) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self.copied.emit(text)

    def _open_link(self) -> None:
        link = self.link
        if link and opens_in_browser(link):
            self.openRequested.emit(QUrl(link), link)


class RemoteImagesBar(QFrame):
    """Says the mail's remote images were blocked and, unless Settings say never, offers to load them."""

    loadRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _bar_layout(self, "remoteImagesBar", _NEUTRAL)
        self.setAccessibleName(QCoreApplication.translate("MessageView", "Remote images blocked"))
        self.remote_label = QLabel(
            QCoreApplication.translate("MessageView", "Remote images were blocked to protect your privacy."), self)
        self.remote_label.setWordWrap(True)
        self.load_images_button = QPushButton(QCoreApplication.translate("MessageView", "Load images"), self)
        self.load_images_button.setAccessibleName(
            QCoreApplication.translate("MessageView", "Load the remote images of this message"))
        self.load_images_button.clicked.connect(self.loadRequested)
        layout.addWidget(self.remote_label, 1)
        layout.addWidget(self.load_images_button)

    def set_allowed(self, allowed: bool) -> None:
        """Settings' "Pictures in mail": ask each time (True) or never (False)."""
        self.load_images_button.setVisible(allowed)
        self.remote_label.setText(
            QCoreApplication.translate("MessageView", "Remote images were blocked to protect your privacy.")
            if allowed
            else QCoreApplication.translate("MessageView", "Remote images are blocked: Settings say never to load them."))

    def set_loading(self, loading: bool) -> None:
        self.load_images_button.setEnabled(not loading)
        self.load_images_button.setText(QCoreApplication.translate("MessageView", "Loading images…") if loading
                                        else QCoreApplication.translate("MessageView", "Load images"))


class LargeMailBar(QFrame):
    """Says a large mail is shown simplified and offers its original layout."""

    fullLayoutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _bar_layout(self, "largeMailBar", _NEUTRAL)
        self.setAccessibleName(QCoreApplication.translate("MessageView", "Large message"))
        self.large_label = plain_label(QLabel(self))
        self.large_label.setWordWrap(True)
        self.full_layout_button = QPushButton(QCoreApplication.translate("MessageView", "Show original layout"), self)
        self.full_layout_button.setAccessibleName(
            QCoreApplication.translate("MessageView", "Show the original layout of this large message"))
        self.full_layout_button.setToolTip(QCoreApplication.translate(
            "MessageView", "Rendering the original layout can pause the window for a few seconds."))
        self.full_layout_button.clicked.connect(self.fullLayoutRequested)
        layout.addWidget(self.large_label, 1)
        layout.addWidget(self.full_layout_button)

    def show_simplified(self, *, cut: bool, has_text: bool) -> None:
        """Show the bar for a mail drawn simplified; ``cut``: its end was left out of the HTML."""
        note = QCoreApplication.translate(
            "MessageView", "This message would take long to draw, so a simplified layout is shown.")
        if cut:
            # The Text tab only has the end when the service sent a text version.
            note += " " + (QCoreApplication.translate("MessageView", "Its end is only in the Text tab.") if has_text
                           else QCoreApplication.translate("MessageView", "Its end is not shown."))
        self.large_label.setText(note)
        self.show()
