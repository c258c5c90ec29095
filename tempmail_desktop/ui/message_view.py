"""The reading pane: one message, shown safely and without freezing the window.

Safety lives in :class:`~.safe_browser.SafeTextBrowser` (no file, no network,
no navigation); this module decides what to show around it and when: the
header (:mod:`.reader_header`), the bars for the code and link, remote images
and large mail (:mod:`.reader_bars`), the Text / Source / Headers tabs and the
attachments strip (:mod:`.reader_attachments`). What the pieces show is worked
out without Qt in :mod:`~tempmail_desktop.core.reading`. Everything the user
can act on leaves as a signal; the window decides.

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

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import log_names
from ..core.html_simplify import SimplifiedHtml, simplified_html  # noqa: F401 - re-exported
from ..core.links import link_mismatch
from ..core.models import Message
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
from .plain import plain_tooltip
from .reader_attachments import AttachmentStrip, human_size  # noqa: F401 - human_size: re-exported
from .reader_bars import CodeBar, LargeMailBar, RemoteImagesBar
from .reader_header import ReaderHeader
from .safe_browser import SafeTextBrowser

log = logging.getLogger(log_names.UI)

# The text views get this much text per step.
TEXT_STEP_CHARS = 32_000
# How long one turn of cooperative work may hold the UI thread.
STEP_BUDGET_S = 0.010
# An ordinary mail is shown in the event that opened it if that takes no
# longer than this; what is left then is done in steps.
SYNC_BUDGET_S = 0.030
_LINK_SCHEMES = ("http", "https", "mailto")


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

    # Whether a link's text tells the truth: core.links (Qt-free); also importable from here.
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
        self.remote_bar.set_loading(False)
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
        self.header.show_message(message)
        self._source_filled = False
        self.source_view.clear()
        self.browser.clear()
        self.code_bar.set_facts(None, None)
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
                self.remote_bar.set_loading(False)
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

        self.header = ReaderHeader(self)
        layout.addWidget(self.header)
        self.code_bar = CodeBar(self)
        self.code_bar.copied.connect(self.codeCopied)
        self.code_bar.openRequested.connect(self.openLinkRequested)
        layout.addWidget(self.code_bar)
        self.remote_bar = RemoteImagesBar(self)
        self.remote_bar.loadRequested.connect(self._request_remote_images)
        layout.addWidget(self.remote_bar)
        self.large_bar = LargeMailBar(self)
        self.large_bar.fullLayoutRequested.connect(self._show_full_layout)
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

        self.attachment_strip = AttachmentStrip(self)
        self.attachment_strip.saveRequested.connect(self.saveAttachmentsRequested)
        self.attachment_strip.openRequested.connect(self.openAttachmentRequested)
        layout.addWidget(self.attachment_strip)
        self._name_parts()

        self.setTabOrder(self.copy_code_button, self.copy_link_button)
        self.setTabOrder(self.copy_link_button, self.open_link_button)
        self.setTabOrder(self.open_link_button, self.load_images_button)
        self.setTabOrder(self.load_images_button, self.full_layout_button)
        self.setTabOrder(self.full_layout_button, self.tabs)
        self.setTabOrder(self.tabs, self.attachment_list)
        self.setTabOrder(self.attachment_list, self.save_button)
        self.setTabOrder(self.save_button, self.save_all_button)
        self.setTabOrder(self.save_all_button, self.open_button)

    def _name_parts(self) -> None:
        """The widgets inside the header, bars and strip, under the names the window and tests use."""
        header, code, remote, large, strip = (
            self.header, self.code_bar, self.remote_bar, self.large_bar, self.attachment_strip)
        self.subject_label, self.from_label, self.to_label, self.date_label = (
            header.subject_label, header.from_label, header.to_label, header.date_label)
        self.deleted_note, self.truncated_note = header.deleted_note, header.truncated_note
        self.code_label, self.copy_code_button = code.code_label, code.copy_code_button
        self.link_label, self.copy_link_button, self.open_link_button = (
            code.link_label, code.copy_link_button, code.open_link_button)
        self.remote_label, self.load_images_button = remote.remote_label, remote.load_images_button
        self.large_label, self.full_layout_button = large.large_label, large.full_layout_button
        self.attachment_list = strip.attachment_list
        self.save_button, self.save_all_button, self.open_button = (
            strip.save_button, strip.save_all_button, strip.open_button)

    # -- showing ----------------------------------------------------------

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
        self.code_bar.set_facts(prepared.code, prepared.link)
        self._fill_headers(prepared.headers)
        self.tabs.setTabVisible(self.tabs.indexOf(self.headers_view), bool(prepared.headers))
        self.attachment_strip.set_attachments(prepared.attachments)
        self.remote_bar.setVisible(any(key not in self._allowed_remote for key in prepared.remote_images))
        self.remote_bar.set_allowed(self._remote_images_allowed)
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
        self.large_bar.show_simplified(cut=prepared.simplified_cut, has_text=bool(message.text))
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

    # -- remote images and links ---------------------------------------------

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
        self.remote_bar.set_loading(True)
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
