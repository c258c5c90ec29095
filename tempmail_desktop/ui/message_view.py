"""The reading pane: one message, shown safely and without freezing the window.

Safety lives in :class:`~.safe_browser.SafeTextBrowser` (no file, no network,
no navigation); this module decides what to show around it: headers, the
verification code and link, the remote-images bar, the Text / Source /
Headers tabs and the attachments strip. Everything the user can act on leaves
as a signal; the window decides.

Speed, as measured here (Xvfb, 2 busy cores): Qt's rich-text engine is slow
on table-heavy mail. ``setHtml`` of a 2 MB newsletter built from nested
tables holds the UI thread 2.5-5 s, and already 0.15-0.25 s at 50 KB. A
worker thread does not help: PySide keeps the GIL through ``setHtml``, and a
Python worker running the pure-Python part (code extraction, HTML reading)
still stalled the UI 40-180 ms at a time through the GIL. So a big mail is
prepared *cooperatively on the UI thread*: every stage is a generator step of
a few milliseconds (scanning, simplifying the HTML into flat, table-free
slices, inserting them), pumped by a zero-delay timer between events; the
longest stall measured for the 2 MB mail is 20-60 ms. The Text tab shows at
once, the simplified HTML follows, and "Show original layout" renders the
real thing on request. Ordinary mail renders as it is, at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.html_simplify import SimplifiedHtml, simplified_html  # noqa: F401 - re-exported
from ..core.links import link_mismatch
from ..core.models import Attachment, Message
from ..core.reading import (  # noqa: F401 - displayable_text, is_big_html, needs_simplifying: re-exported
    BIG_TEXT_CHARS,
    Prepared,
    displayable_text,
    is_big_html,
    needs_simplifying,
    prepare_steps,
    url_key,
)
from ..core.steps import run_to_end
from .plain import plain_label, plain_tooltip
from .safe_browser import SafeTextBrowser

log = logging.getLogger("tempmail.ui")

# The text views get this much text per step.
TEXT_STEP_CHARS = 32_000
# How long one turn of cooperative work may hold the UI thread.
STEP_BUDGET_S = 0.010
# An ordinary mail is shown in the event that opened it if that takes no
# longer than this; what is left then is done in steps.
SYNC_BUDGET_S = 0.030
_LINK_SCHEMES = ("http", "https", "mailto")
_NEUTRAL_BAR = "background:#f3f3f3; color:#202020; border:1px solid #cfcfcf;"


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


# -- links ----------------------------------------------------------------
# Whether a link's text tells the truth: core.links (Qt-free), imported above;
# link_mismatch stays importable from here and as MessageView.link_mismatch.


# -- the widget ----------------------------------------------------------------


class MessageView(QWidget):
    """Shows one :class:`Message`; every action leaves as a signal."""

    codeCopied = Signal(str)
    remoteImagesRequested = Signal(list)
    openLinkRequested = Signal(QUrl, str)
    statusMessage = Signal(str)
    saveAttachmentsRequested = Signal(list)
    openAttachmentRequested = Signal(object)
    #: The body is fully shown (sync for ordinary mail, later for big mail).
    loadFinished = Signal()

    link_mismatch = staticmethod(link_mismatch)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message: Message | None = None
        self._prepared: Prepared | None = None
        # The cooperative job for a big mail: a generator pumped between events.
        self._job: Generator[None, None, None] | None = None
        self._restore_scroll: int | None = None
        self._render_full = False
        # The tab the user last clicked: kept from mail to mail, like a view mode.
        self._chosen_tab: QWidget | None = None
        self._allowed_remote: dict[str, bytes] = {}
        self._images_requested = False
        self._remote_images_allowed = True  # Settings: "Pictures in mail" is not "never"
        self._source_filled = False
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self._build()
        self.clear()

    # -- public API ---------------------------------------------------------

    def current_message(self) -> Message | None:
        return self._message

    def current_code(self) -> str | None:
        """The verification code shown in the code bar (None while a big mail prepares)."""
        return self._prepared.code if self._prepared else None

    def current_link(self) -> str | None:
        """The verification link shown in the code bar."""
        return self._prepared.link if self._prepared else None

    def is_loading(self) -> bool:
        """True while a big mail's body is still being prepared or inserted."""
        return self._job is not None

    def clear(self) -> None:
        self.set_message(None)

    def set_message(self, message: Message | None) -> None:
        same_mail = (
            message is not None
            and self._message is not None
            and (message.provider, message.mailbox, message.id)
            == (self._message.provider, self._message.mailbox, self._message.id)
        )
        self._stop_job()
        self._message = message
        self._prepared = None
        self._images_requested = False
        self.load_images_button.setEnabled(True)
        self.load_images_button.setText(self.tr("Load images"))
        if not same_mail:
            # Permission to load remote images is given per mail.
            self._allowed_remote = {}
            self._render_full = False
        if message is None:
            self._pages.setCurrentWidget(self.empty_page)
            self.browser.clear()
            self.text_view.clear()
            self.source_view.clear()
            self.headers_view.setRowCount(0)
            self.attachment_list.clear()
            return
        self._pages.setCurrentWidget(self._content_page)
        self._show_header(message)
        self._source_filled = False
        self.source_view.clear()
        self.browser.clear()
        self.code_bar.hide()
        self.remote_bar.hide()
        self.large_bar.hide()
        self.tabs.setTabVisible(self.tabs.indexOf(self.browser), bool(message.html))
        self.text_view.clear()
        big = is_big_html(message.html) or len(message.text) > BIG_TEXT_CHARS
        job = self._show_steps(message, big=big)
        if big:
            # The Text tab first: the service's own text needs no preparing.
            self._show_tab(self.text_view)
            if not message.text:
                self.text_view.setPlainText(self.tr("Preparing the message…"))
            self._start_job(job)
        else:
            self._run_now(job)
        if self.tabs.currentWidget() is self.source_view:
            self._fill_source()

    def add_remote_images(self, images: dict[str, bytes]) -> None:
        """Remote images the window fetched after :attr:`remoteImagesRequested`; re-renders."""
        prepared = self._prepared
        if prepared is None or not prepared.remote_images:
            return
        wanted = prepared.remote_images.keys()
        fresh = {url_key(u): data for u, data in images.items() if data and url_key(u) in wanted}
        if not fresh:
            # Either nothing could be fetched or the answer is for a mail no longer shown.
            if self._images_requested:
                self._images_requested = False
                self.load_images_button.setEnabled(True)
                self.load_images_button.setText(self.tr("Load images"))
                self.statusMessage.emit(self.tr("The remote images could not be loaded."))
            return
        self._images_requested = False
        self._allowed_remote.update(fresh)
        self.remote_bar.hide()
        missing = len(wanted - self._allowed_remote.keys())
        if missing:
            self.statusMessage.emit(
                self.tr("%1 of %2 remote images could not be loaded.")
                .replace("%1", str(missing)).replace("%2", str(len(wanted)))
            )
        self._rerender(keep_scroll=self.browser.verticalScrollBar().value())

    # -- building ---------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._pages = QStackedWidget(self)
        outer.addWidget(self._pages)

        self.empty_page = QLabel(self.tr("Select a message to read it."), self)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setEnabled(False)
        self._pages.addWidget(self.empty_page)

        self._content_page = QWidget(self)
        layout = QVBoxLayout(self._content_page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self._pages.addWidget(self._content_page)

        layout.addWidget(self._build_header())
        self.code_bar = self._build_code_bar()
        layout.addWidget(self.code_bar)
        self.remote_bar = self._build_remote_bar()
        layout.addWidget(self.remote_bar)
        self.large_bar = self._build_large_bar()
        layout.addWidget(self.large_bar)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Message body"))
        self.tabs.setDocumentMode(True)
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Message as HTML"))
        # Always on: a scroll bar appearing halfway through layout makes Qt lay the mail out twice.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.anchorActivated.connect(self._on_link)
        # Hovering a link shows where it really leads, whatever its text says.
        self.browser.highlighted.connect(
            lambda url: self.browser.viewport().setToolTip(plain_tooltip(url.toDisplayString()) if not url.isEmpty() else "")
        )
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setUndoRedoEnabled(False)
        self.text_view.setAccessibleName(self.tr("Message as plain text"))
        self.source_view = QPlainTextEdit(self)
        self.source_view.setReadOnly(True)
        self.source_view.setUndoRedoEnabled(False)
        self.source_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.source_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source_view.setAccessibleName(self.tr("Raw source of the message"))
        self.headers_view = QTableWidget(0, 2, self)
        self.headers_view.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        self.headers_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.headers_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.headers_view.verticalHeader().hide()
        self.headers_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.headers_view.horizontalHeader().setStretchLastSection(True)
        self.headers_view.setWordWrap(False)
        self.headers_view.setAccessibleName(self.tr("Message headers"))
        self.tabs.addTab(self.browser, self.tr("HTML"))
        self.tabs.addTab(self.text_view, self.tr("Text"))
        self.tabs.addTab(self.source_view, self.tr("Source"))
        self.tabs.addTab(self.headers_view, self.tr("Headers"))
        self.tabs.tabBarClicked.connect(self._on_tab_clicked)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.tabs, 1)

        self.attachment_strip = self._build_attachment_strip()
        layout.addWidget(self.attachment_strip)

        self.setTabOrder(self.copy_code_button, self.copy_link_button)
        self.setTabOrder(self.copy_link_button, self.open_link_button)
        self.setTabOrder(self.open_link_button, self.load_images_button)
        self.setTabOrder(self.load_images_button, self.full_layout_button)
        self.setTabOrder(self.full_layout_button, self.tabs)
        self.setTabOrder(self.tabs, self.attachment_list)
        self.setTabOrder(self.attachment_list, self.save_button)
        self.setTabOrder(self.save_button, self.save_all_button)
        self.setTabOrder(self.save_all_button, self.open_button)

    def _mail_label(self, accessible: str) -> QLabel:
        # Mail content is never interpreted as markup: a subject is text.
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        label.setAccessibleName(accessible)
        return label

    def _build_header(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.subject_label = self._mail_label(self.tr("Subject"))
        font = self.subject_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.subject_label.setFont(font)
        layout.addWidget(self.subject_label)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(1)
        self.from_label = self._mail_label(self.tr("From"))
        self.to_label = self._mail_label(self.tr("To"))
        self.date_label = self._mail_label(self.tr("Received"))
        form.addRow(self.tr("From:"), self.from_label)
        form.addRow(self.tr("To:"), self.to_label)
        form.addRow(self.tr("Received:"), self.date_label)
        layout.addLayout(form)
        self.deleted_note = self._note(
            self.tr("Kept locally: the service has deleted this mail."), self.tr("Deleted by the service")
        )
        self.truncated_note = self._note(
            self.tr("The raw source was truncated by the service; attachments may be missing."),
            self.tr("Raw source truncated"),
        )
        layout.addWidget(self.deleted_note)
        layout.addWidget(self.truncated_note)
        return box

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

    def _bar_frame(self, name: str, style: str) -> tuple[QFrame, QHBoxLayout]:
        frame = QFrame(self)
        frame.setObjectName(name)
        frame.setStyleSheet(f"#{name} {{ {style} border-radius:4px; }}")
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(6)
        return frame, layout

    def _build_code_bar(self) -> QFrame:
        frame, layout = self._bar_frame("codeBar", "background:#e8f4fd; color:#08335a; border:1px solid #a9d1f1;")
        frame.setAccessibleName(self.tr("Verification code and link"))
        self._code_caption = QLabel(self.tr("Code:"), frame)
        self.code_label = QLabel(frame)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setBold(True)
        code_font.setPointSizeF(max(code_font.pointSizeF(), 9) * 1.3)
        self.code_label.setFont(code_font)
        self.code_label.setAccessibleName(self.tr("Verification code"))
        self.copy_code_button = QPushButton(self.tr("Copy code"), frame)
        self.copy_code_button.setAccessibleName(self.tr("Copy the verification code"))
        self.copy_code_button.clicked.connect(self._copy_code)
        self._link_caption = QLabel(self.tr("Link:"), frame)
        self.link_label = QLabel(frame)
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.link_label.setAccessibleName(self.tr("Verification link"))
        self.copy_link_button = QPushButton(self.tr("Copy link"), frame)
        self.copy_link_button.setAccessibleName(self.tr("Copy the verification link"))
        self.copy_link_button.clicked.connect(self._copy_link)
        self.open_link_button = QPushButton(self.tr("Open link"), frame)
        self.open_link_button.setAccessibleName(self.tr("Open the verification link in the browser"))
        self.open_link_button.clicked.connect(self._open_verification_link)
        for widget in (self._code_caption, self.code_label, self.copy_code_button):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(self._link_caption)
        layout.addWidget(self.link_label, 1)
        layout.addWidget(self.copy_link_button)
        layout.addWidget(self.open_link_button)
        return frame

    def _build_remote_bar(self) -> QFrame:
        frame, layout = self._bar_frame("remoteImagesBar", _NEUTRAL_BAR)
        frame.setAccessibleName(self.tr("Remote images blocked"))
        self.remote_label = QLabel(self.tr("Remote images were blocked to protect your privacy."), frame)
        self.remote_label.setWordWrap(True)
        self.load_images_button = QPushButton(self.tr("Load images"), frame)
        self.load_images_button.setAccessibleName(self.tr("Load the remote images of this message"))
        self.load_images_button.clicked.connect(self._request_remote_images)
        layout.addWidget(self.remote_label, 1)
        layout.addWidget(self.load_images_button)
        return frame

    def _build_large_bar(self) -> QFrame:
        frame, layout = self._bar_frame("largeMailBar", _NEUTRAL_BAR)
        frame.setAccessibleName(self.tr("Large message"))
        self.large_label = plain_label(QLabel(frame))
        self.large_label.setWordWrap(True)
        self.full_layout_button = QPushButton(self.tr("Show original layout"), frame)
        self.full_layout_button.setAccessibleName(self.tr("Show the original layout of this large message"))
        self.full_layout_button.setToolTip(
            self.tr("Rendering the original layout can pause the window for a few seconds.")
        )
        self.full_layout_button.clicked.connect(self._show_full_layout)
        layout.addWidget(self.large_label, 1)
        layout.addWidget(self.full_layout_button)
        return frame

    def _build_attachment_strip(self) -> QFrame:
        frame = QFrame(self)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_list = QListWidget(frame)
        self.attachment_list.setAccessibleName(self.tr("Attachments"))
        self.attachment_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.attachment_list.setMaximumHeight(96)
        self.attachment_list.itemSelectionChanged.connect(self._update_attachment_buttons)
        self.attachment_list.itemActivated.connect(lambda _item: self._open_attachment())
        buttons = QVBoxLayout()
        self.save_button = QPushButton(self.tr("Save…"), frame)
        self.save_button.setAccessibleName(self.tr("Save the selected attachments"))
        self.save_button.clicked.connect(self._save_selected)
        self.save_all_button = QPushButton(self.tr("Save all…"), frame)
        self.save_all_button.setAccessibleName(self.tr("Save all attachments"))
        self.save_all_button.clicked.connect(self._save_all)
        self.open_button = QPushButton(self.tr("Open"), frame)
        self.open_button.setAccessibleName(self.tr("Open the selected attachment"))
        self.open_button.clicked.connect(self._open_attachment)
        for button in (self.save_button, self.save_all_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.attachment_list, 1)
        layout.addLayout(buttons)
        frame.hide()
        return frame

    # -- showing ----------------------------------------------------------

    def _show_header(self, message: Message) -> None:
        self.subject_label.setText(message.subject or self.tr("(no subject)"))
        sender = message.from_addr or self.tr("(unknown sender)")
        if message.from_name and message.from_addr:
            sender = f"{message.from_name} <{message.from_addr}>"
        elif message.from_name:
            sender = message.from_name
        self.from_label.setText(sender)
        self.to_label.setText(message.mailbox)
        self.date_label.setText(self._local_time(message))
        self.deleted_note.setVisible(message.deleted_upstream)
        self.truncated_note.setVisible(message.raw_truncated)

    def _local_time(self, message: Message) -> str:
        if message.received_at is None:
            return self.tr("unknown")
        stamp = QDateTime.fromSecsSinceEpoch(int(message.received_at.timestamp())).toLocalTime()
        locale = QLocale()
        day = locale.toString(stamp.date(), QLocale.FormatType.LongFormat)
        return f"{day} {locale.toString(stamp.time(), QLocale.FormatType.ShortFormat)}"

    def _show_steps(self, message: Message, *, big: bool) -> Generator[None, None, None]:
        if message.text:
            yield from self._plain_text_steps(self.text_view, message.text)
        try:
            prepared = yield from prepare_steps(message, big=big)
        except Exception:
            # A mail that breaks a parser must still show its text; its HTML,
            # not sanitized, is not shown at all.
            log.exception("a message could not be prepared for display")
            self.statusMessage.emit(self.tr("Part of this message could not be read."))
            prepared = Prepared(text=None if message.text else "")
            if message.html:
                prepared.slices = []
        if prepared.text is not None:
            yield from self._plain_text_steps(self.text_view, prepared.text)
        if self.text_view.document().isEmpty():
            self.text_view.setPlainText(self.tr("(This message has no text.)"))
        self._apply(prepared)
        yield
        yield from self._render_steps()

    @staticmethod
    def _plain_text_steps(view: QPlainTextEdit, text: str) -> Generator[None, None, None]:
        # setPlainText of 10,000 lines held the window ~0.1 s; in steps it does not.
        view.clear()
        shown = displayable_text(text)
        cursor = QTextCursor(view.document())
        for start in range(0, len(shown), TEXT_STEP_CHARS):
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(shown[start:start + TEXT_STEP_CHARS])
            yield
        view.moveCursor(QTextCursor.MoveOperation.Start)

    def _apply(self, prepared: Prepared) -> None:
        message = self._message
        assert message is not None
        self._prepared = prepared
        self.code_label.setText(prepared.code or "")
        for widget in (self._code_caption, self.code_label, self.copy_code_button):
            widget.setVisible(bool(prepared.code))
        self.link_label.setText(prepared.link or "")
        self.link_label.setToolTip(plain_tooltip(prepared.link))
        for widget in (self._link_caption, self.link_label, self.copy_link_button):
            widget.setVisible(bool(prepared.link))
        self.open_link_button.setVisible(bool(prepared.link and _scheme(prepared.link) in ("http", "https")))
        self.code_bar.setVisible(bool(prepared.code or prepared.link))

        self._fill_headers(prepared.headers)
        self.tabs.setTabVisible(self.tabs.indexOf(self.headers_view), bool(prepared.headers))
        self._fill_attachments(prepared.attachments)

        self.remote_bar.setVisible(any(key not in self._allowed_remote for key in prepared.remote_images))
        self.load_images_button.setVisible(self._remote_images_allowed)
        self.remote_label.setText(
            self.tr("Remote images were blocked to protect your privacy.") if self._remote_images_allowed
            else self.tr("Remote images are blocked: Settings say never to load them."))
        # Big mail keeps the Text tab until its first slice is in.
        show_html_now = bool(message.html) and prepared.slices is None
        self._show_tab(self.browser if show_html_now else self.text_view)

    def _render_steps(self) -> Generator[None, None, None]:
        prepared, message = self._prepared, self._message
        if prepared is None or message is None or not message.html:
            return
        self.browser.set_inline_images(prepared.inline_images)
        self.browser.set_remote_images(self._allowed_remote)
        safe = prepared.safe
        if safe is None:
            return  # the mail could not be prepared; its text is shown
        if prepared.slices is None or self._render_full:
            self.large_bar.hide()
            self.browser.set_safe_html(safe)
            return
        note = self.tr("This message would take long to draw, so a simplified layout is shown.")
        if prepared.simplified_cut:
            # The Text tab only has the end when the service sent a text version.
            note += " " + (self.tr("Its end is only in the Text tab.") if message.text
                           else self.tr("Its end is not shown."))
        self.large_label.setText(note)
        self.large_bar.show()
        self.browser.begin_html(safe.images)
        for index, piece in enumerate(prepared.slices):
            self.browser.append_html(piece)
            if index == 0:
                self._show_tab(self.browser)
            yield

    def _rerender(self, keep_scroll: int | None = None) -> None:
        self._stop_job()
        self._restore_scroll = keep_scroll
        prepared = self._prepared
        if prepared is not None and prepared.slices is not None and not self._render_full:
            self._start_job(self._render_steps())
        else:
            self._run_now(self._render_steps())
        if self.tabs.currentWidget() is self.source_view:
            self._fill_source()

    # -- running the steps ---------------------------------------------------

    def _run_now(self, job: Generator[None, None, None]) -> None:
        """Run ``job`` at once, unless it outlasts :data:`SYNC_BUDGET_S`: then the rest
        goes on between events (a small mail that turns out costly to lay out)."""
        started = time.perf_counter()
        try:
            while time.perf_counter() - started < SYNC_BUDGET_S:
                next(job)
        except StopIteration:
            self._finish_loading()
            return
        self._start_job(job)

    def _start_job(self, job: Generator[None, None, None]) -> None:
        self._job = job
        # The first step waits one turn of the event loop, so the header paints first.
        self._pump_timer.start()

    def _pump(self) -> None:
        job = self._job
        if job is None:
            return
        started = time.perf_counter()
        try:
            # At least one step per turn; more while the turn stays short.
            while True:
                next(job)
                if time.perf_counter() - started >= STEP_BUDGET_S:
                    break
        except StopIteration:
            self._job = None
            self._finish_loading()
            return
        except Exception:
            # Raised out of a timer slot it would only be printed; the text is still there.
            log.exception("showing a large message failed part way")
            self._job = None
            self.statusMessage.emit(self.tr("Part of this message could not be shown."))
            self._finish_loading()
            return
        self._pump_timer.start()

    def _stop_job(self) -> None:
        self._pump_timer.stop()
        if self._job is not None:
            self._job.close()
            self._job = None
            # The job may have been filling the Source tab; it fills again when looked at.
            self._source_filled = False
        self._restore_scroll = None

    def _finish_loading(self) -> None:
        if self._restore_scroll is not None:
            self.browser.verticalScrollBar().setValue(self._restore_scroll)
            self._restore_scroll = None
        self.loadFinished.emit()

    def _show_full_layout(self) -> None:
        self._render_full = True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._rerender()
        finally:
            QApplication.restoreOverrideCursor()

    # -- tabs -------------------------------------------------------------

    def _on_tab_clicked(self, index: int) -> None:
        self._chosen_tab = self.tabs.widget(index)

    def _show_tab(self, fitting: QWidget) -> None:
        """Show the tab the user chose if this mail has it, else ``fitting``."""
        chosen = self._chosen_tab
        if chosen is not None and self.tabs.isTabVisible(self.tabs.indexOf(chosen)):
            fitting = chosen
        self.tabs.setCurrentWidget(fitting)

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.source_view:
            self._fill_source()

    def _fill_source(self) -> None:
        # Filled on first look: a raw source can be megabytes nobody asked to see.
        if self._source_filled or self._message is None:
            return
        self._source_filled = True
        raw = self._message.raw
        if raw is None:
            self.source_view.setPlainText(self.tr("The service gave no raw source for this message."))
            return
        steps = self._plain_text_steps(self.source_view, raw)
        if len(raw) <= BIG_TEXT_CHARS:
            run_to_end(steps)
        elif self._job is None:
            self._start_job(steps)
        else:
            self._job = _one_after_another(self._job, steps)

    def _fill_headers(self, headers: list[tuple[str, str]]) -> None:
        self.headers_view.setRowCount(len(headers))
        for row, (name, value) in enumerate(headers):
            self.headers_view.setItem(row, 0, QTableWidgetItem(name))
            self.headers_view.setItem(row, 1, QTableWidgetItem(value))

    # -- attachments --------------------------------------------------------

    def _fill_attachments(self, attachments: list[Attachment]) -> None:
        self.attachment_list.clear()
        for attachment in attachments:
            kind = attachment.content_type or self.tr("unknown type")
            item = QListWidgetItem(f"{attachment.name}  \u2014  {human_size(attachment.size)}, {kind}")
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            item.setToolTip(plain_tooltip(attachment.name))  # "scan <img src=/dev/zero>.pdf" is a name
            self.attachment_list.addItem(item)
        self.attachment_strip.setVisible(bool(attachments))
        self._update_attachment_buttons()

    def _attachments(self, selected_only: bool) -> list[Attachment]:
        items = self.attachment_list.selectedItems() if selected_only else [
            self.attachment_list.item(i) for i in range(self.attachment_list.count())
        ]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _update_attachment_buttons(self) -> None:
        selected = len(self.attachment_list.selectedItems())
        self.save_button.setEnabled(selected > 0)
        self.open_button.setEnabled(selected == 1)
        self.save_all_button.setEnabled(self.attachment_list.count() > 0)

    def _save_selected(self) -> None:
        chosen = self._attachments(selected_only=True)
        if chosen:
            self.saveAttachmentsRequested.emit(chosen)

    def _save_all(self) -> None:
        everything = self._attachments(selected_only=False)
        if everything:
            self.saveAttachmentsRequested.emit(everything)

    def _open_attachment(self) -> None:
        chosen = self._attachments(selected_only=True)
        if len(chosen) == 1:
            self.openAttachmentRequested.emit(chosen[0])

    # -- code, link and images ----------------------------------------------

    def _copy_code(self) -> None:
        code = self._prepared.code if self._prepared else None
        if code:
            QGuiApplication.clipboard().setText(code)
            self.codeCopied.emit(code)

    def _copy_link(self) -> None:
        link = self._prepared.link if self._prepared else None
        if link:
            QGuiApplication.clipboard().setText(link)
            self.codeCopied.emit(link)

    def _open_verification_link(self) -> None:
        link = self._prepared.link if self._prepared else None
        if link and _scheme(link) in ("http", "https"):
            self.openLinkRequested.emit(QUrl(link), link)

    def set_remote_images_allowed(self, allowed: bool) -> None:
        """Settings' "Pictures in mail": ask each time (True) or never (False)."""
        self._remote_images_allowed = allowed
        if self._message is not None and self._prepared is not None:
            self._apply(self._prepared)

    def _request_remote_images(self) -> None:
        prepared = self._prepared
        if prepared is None or not prepared.remote_images or not self._remote_images_allowed:
            return
        self._images_requested = True
        self.load_images_button.setEnabled(False)
        self.load_images_button.setText(self.tr("Loading images…"))
        self.remoteImagesRequested.emit(list(prepared.remote_images.values()))

    def _on_link(self, url: QUrl, shown_text: str) -> None:
        scheme = url.scheme().lower()
        if not scheme and not url.path() and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())  # a jump inside the mail itself
            return
        if scheme in _LINK_SCHEMES:
            self.openLinkRequested.emit(url, shown_text)
            return
        log.info("ignored a %s link in a message", scheme or "relative")
        if scheme:
            self.statusMessage.emit(
                self.tr("Links of type “%1” are not opened from mail.").replace("%1", scheme)
            )
        else:
            self.statusMessage.emit(self.tr("This link has no web address and was not opened."))


def _one_after_another(*jobs: Generator[None, None, None]) -> Generator[None, None, None]:
    for job in jobs:
        yield from job


def _scheme(url: str) -> str:
    return QUrl(url).scheme().lower()
