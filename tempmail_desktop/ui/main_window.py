"""The main window: mailboxes | messages | message, with toolbar, menus,
status bar and an in-window message bar. It shows what the controller
emits and asks the controller to act; it holds no provider logic."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core import log_names
from ..core.models import Attachment, Capability, Mailbox, Message
from . import dialogs, keyboard
from .controller import AppController, provider_info
from .message_bar import MessageBar
from .message_view import MessageView
from .delegates import (
    MailboxDelegate,
    MessageMarksDelegate,
    MessageSubjectDelegate,
    marks_column_width,
    message_row_height,
)
from .glyphs import glyph
from .models import MailboxListModel, MailboxRow, MessageFilterProxy, MessageListModel
from .plain import bounded, plain_label
from .tray import tell_hidden_to_tray
from .watch_status import NextCheckCountdown, describe_state

log = logging.getLogger(log_names.UI)


class MainWindow(QMainWindow):
    quitRequested = Signal()
    settingsRequested = Signal()
    dashboardRequested = Signal()
    unreadChanged = Signal(int)  # unread mail in all mailboxes, for the tray's badge and tooltip

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = controller.settings
        self._close_to_tray = False
        self._states: dict[tuple[str, str], object] = {}
        self._current_message: Message | None = None
        self._download = None  # the attachment save in progress, cancellable from the message bar
        self.setObjectName("MainWindow")
        self.resize(1200, 760)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._load_mailboxes()
        self._restore_layout()
        self._tick = QTimer(self, interval=30_000, timeout=self._on_tick)
        self._tick.start()

    # -- construction -----------------------------------------------------

    def _build_widgets(self) -> None:
        self.mailbox_model = MailboxListModel(self)
        self.mailbox_view = QListView(self)
        self.mailbox_view.setObjectName("mailboxList")
        self.mailbox_view.setModel(self.mailbox_model)
        self.mailbox_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mailbox_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.mailbox_view.setSpacing(3)
        # Rows elide the address and never hide the count: no sideways scrolling.
        self.mailbox_delegate = MailboxDelegate(self.mailbox_view)
        self.mailbox_view.setItemDelegate(self.mailbox_delegate)
        self.mailbox_view.setUniformItemSizes(True)
        self.mailbox_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mailbox_view.setIconSize(QSize(MailboxDelegate.icon_side(self.font()), MailboxDelegate.icon_side(self.font())))

        self.message_model = MessageListModel(self)
        self.message_proxy = MessageFilterProxy(self)
        self.message_proxy.setSourceModel(self.message_model)
        self.message_view = QTableView(self)
        self.message_view.setObjectName("messageList")
        self.message_view.setModel(self.message_proxy)
        self.message_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.message_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message_view.setTabKeyNavigation(False)  # Tab goes on to the reader, not to the next cell
        self.message_view.setSortingEnabled(False)
        self.message_view.verticalHeader().hide()
        self.message_view.setShowGrid(False)
        self.message_view.setWordWrap(False)
        self.message_view.setAlternatingRowColors(True)
        header = self.message_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        # Widths from the font, never ResizeToContents: that measures every row
        # (1.4 s for 10,000 mails on each reload and each filter keystroke).
        metrics = self.fontMetrics()
        widths = {
            MessageListModel.COLUMN_MARKS: marks_column_width(self.font()),
            MessageListModel.COLUMN_FROM: metrics.horizontalAdvance("Example Cloud") + 12,
            MessageListModel.COLUMN_CODE: metrics.horizontalAdvance("00000000") + 12,
            MessageListModel.COLUMN_RECEIVED: self.message_model.received_width(self.font()),
        }
        for column in range(MessageListModel.COLUMN_COUNT):
            stretch = column == MessageListModel.COLUMN_SUBJECT
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive)
            if column in widths:
                header.resizeSection(column, widths[column])
        # Two lines a row: the subject over its preview.
        self.message_view.verticalHeader().setDefaultSectionSize(message_row_height(self.font()))
        self.message_view.setItemDelegateForColumn(MessageListModel.COLUMN_SUBJECT,
                                                   MessageSubjectDelegate(self.message_view))
        self.message_view.setItemDelegateForColumn(MessageListModel.COLUMN_MARKS,
                                                   MessageMarksDelegate(self.message_view))
        self.message_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setClearButtonEnabled(True)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyHint")

        middle = QWidget(self)
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.addWidget(self.filter_edit)
        mid_layout.addWidget(self.message_view, 1)
        mid_layout.addWidget(self.empty_label)

        self.reader = MessageView(self)
        self.reader.setObjectName("messageView")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.mailbox_view)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 5)
        # The mailbox pane gets what its rows need; the message list its fixed
        # columns and room for a subject line, but never so much that the
        # splitter would scale every pane down (the mailbox pane with them);
        # the reader takes the rest.
        left_width = self.mailbox_pane_width()
        total = self.width() - 2 * self.splitter.handleWidth() - 8
        reader_min = max(metrics.averageCharWidth() * 40, self.reader.minimumSizeHint().width())
        middle_width = sum(widths.values()) + metrics.horizontalAdvance("x" * 36)
        middle_min = max(sum(widths.values()) + metrics.horizontalAdvance("x" * 16), middle.minimumSizeHint().width())
        room = total - reader_min
        if left_width + middle_min <= room:
            middle_width = min(middle_width, room - left_width)
        else:
            # A large font in a small window: both lists give, in proportion;
            # the mailbox rows then elide their addresses, never their counts.
            floor = self.mailbox_pane_width(MailboxDelegate.minimum_width(self.mailbox_view.font()))
            left_width = max(floor, room * left_width // (left_width + middle_min))
            middle_width = max(metrics.averageCharWidth() * 30, room - left_width)
        self.splitter.setSizes([left_width, middle_width, max(reader_min, total - left_width - middle_width)])

        self.message_bar = MessageBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.state_label = QLabel(self)
        self.quota_label = QLabel(self)
        self.next_label = QLabel(self)
        for label in (self.state_label, self.quota_label, self.next_label):
            plain_label(label)  # the watch state quotes what a service said
            self.statusBar().addPermanentWidget(label)
        self.next_countdown = NextCheckCountdown(self.next_label)
        self.setTabOrder(self.mailbox_view, self.filter_edit)
        self.setTabOrder(self.filter_edit, self.message_view)
        self.setTabOrder(self.message_view, self.reader)

    def mailbox_pane_width(self, row_width: int | None = None) -> int:
        """The mailbox pane's default width, from the font: rows of ``row_width``
        (by default a typical address whole with its count badge), the list's
        spacing, frame and scroll bar."""
        view = self.mailbox_view
        style = view.style()
        scroll_bar = style.pixelMetric(style.PixelMetric.PM_ScrollBarExtent, None, view)
        if row_width is None:
            row_width = MailboxDelegate.preferred_width(view.font())
        return row_width + 2 * view.spacing() + 2 * view.frameWidth() + scroll_bar

    # Each action's glyph (ui/glyphs.py): toolbar, menus and context menus.
    _ACTION_GLYPHS = {
        "act_new": "new", "act_open": "open", "act_check": "check", "act_copy_address": "copy",
        "act_copy_code": "code", "act_delete": "delete", "act_save": "save", "act_rename": "rename",
        "act_clear": "clear", "act_drop": "drop", "act_forget": "forget", "act_filter": "filter",
        "act_unread": "unread", "act_settings": "settings", "act_dashboard": "dashboard",
        "act_quit": "quit", "act_about": "about", "act_shortcuts": "shortcuts",
    }

    def _set_action_icons(self) -> None:
        for attribute, name in self._ACTION_GLYPHS.items():
            action = getattr(self, attribute, None)
            if action is not None:
                action.setIcon(glyph(name))

    def _action(self, slot, shortcut=None, *, name: str = "") -> QAction:
        """An action without words yet: retranslate_ui gives it its text and tip."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(self.new_address, QKeySequence.StandardKey.New, name="actNew")
        self.act_open = self._action(self.open_existing, name="actOpen")
        self.act_check = self._action(self.check_now, "F5", name="actCheck")  # F5 on every desktop
        self.act_copy_address = self._action(self.copy_address, "Ctrl+Shift+A", name="actCopyAddress")
        self.act_copy_code = self._action(self.copy_code, "Ctrl+Shift+C", name="actCopyCode")
        # The Delete key alone (the standard binding adds Ctrl+D on some desktops); it asks first.
        self.act_delete = self._action(self.delete_message, Qt.Key.Key_Delete, name="actDelete")
        self.act_save = self._action(self.save_all_attachments, "Ctrl+S", name="actSave")
        self.act_rename = self._action(self.rename_mailbox, name="actRename")
        self.act_clear = self._action(self.clear_mailbox, name="actClear")
        self.act_drop = self._action(self.drop_mailbox, name="actDrop")
        self.act_forget = self._action(self.forget_mailbox, name="actForget")
        self.act_filter = self._action(self.focus_filter, QKeySequence.StandardKey.Find, name="actFilter")
        self.act_unread = QAction(self, checkable=True)
        self.act_unread.toggled.connect(self.message_proxy.set_only_unread)
        self.act_settings = self._action(self.settingsRequested.emit, QKeySequence.StandardKey.Preferences,
                                         name="actSettings")
        self.act_dashboard = self._action(self.dashboardRequested.emit, name="actDashboard")
        self.act_quit = self._action(self.quitRequested.emit, "Ctrl+Q", name="actQuit")
        self.act_about = self._action(self.show_about)
        self.act_shortcuts = self._action(self.show_shortcuts, QKeySequence.StandardKey.HelpContents,
                                          name="actShortcuts")
        keyboard.add_mail_keys(self)  # j/k through the mail list, as Up/Down
        self._set_action_icons()

        menu = self.menuBar()
        self.file_menu = menu.addMenu("")
        for act in (self.act_new, self.act_open, None, self.act_settings, None, self.act_quit):
            self.file_menu.addSeparator() if act is None else self.file_menu.addAction(act)
        self.box_menu = menu.addMenu("")
        for act in (self.act_copy_address, self.act_check, None, self.act_rename, self.act_clear, None,
                    self.act_drop, self.act_forget):
            self.box_menu.addSeparator() if act is None else self.box_menu.addAction(act)
        self.msg_menu = menu.addMenu("")
        for act in (self.act_copy_code, self.act_save, None, self.act_delete):
            self.msg_menu.addSeparator() if act is None else self.msg_menu.addAction(act)
        self.view_menu = menu.addMenu("")
        self.view_menu.addAction(self.act_filter)
        self.view_menu.addAction(self.act_unread)
        self.tools_menu = menu.addMenu("")
        self.tools_menu.addAction(self.act_dashboard)
        self.help_menu = menu.addMenu("")
        self.help_menu.addAction(self.act_shortcuts)
        self.help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_new, self.act_copy_address, self.act_check, self.act_copy_code, self.act_delete):
            self.toolbar.addAction(act)
        self.addToolBar(self.toolbar)

        for act in (self.act_copy_address, self.act_check, self.act_rename, self.act_clear, self.act_drop, self.act_forget):
            self.mailbox_view.addAction(act)
        for act in (self.act_copy_code, self.act_save, self.act_delete):
            self.message_view.addAction(act)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every word the window shows, in the language now installed: run once
        when built and again on each language change, so a change in Settings
        applies to the whole open window at once."""
        self.setWindowTitle(self.tr("Tempmail Desktop"))
        self.mailbox_view.setAccessibleName(self.tr("Mailboxes"))
        self.mailbox_view.setToolTip(self.tr("Your addresses. Click one to see its mail."))
        self.message_view.setAccessibleName(self.tr("Messages"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by sender or subject (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter messages"))
        actions = (
            (self.act_new, self.tr("&New address…"), self.tr("Create a new temporary address")),
            (self.act_open, self.tr("&Open existing address…"), self.tr("Watch an address you already have")),
            (self.act_check, self.tr("&Check now"), self.tr("Check for new mail now")),
            (self.act_copy_address, self.tr("Copy &address"), self.tr("Copy the selected address")),
            (self.act_copy_code, self.tr("Copy &code"),
             self.tr("Copy the verification code of the open message, else the newest one in this mailbox")),
            (self.act_delete, self.tr("&Delete message"), self.tr("Delete the selected message")),
            (self.act_save, self.tr("&Save attachments…"), ""),
            (self.act_rename, self.tr("&Rename address…"), ""),
            (self.act_clear, self.tr("C&lear mailbox…"), ""),
            (self.act_drop, self.tr("Delete address on the service…"), ""),
            (self.act_forget, self.tr("&Forget address…"), ""),
            (self.act_filter, self.tr("&Filter"), ""),
            (self.act_unread, self.tr("Only &unread"), ""),
            (self.act_settings, self.tr("&Settings…"), ""),
            (self.act_dashboard, self.tr("GPTMail &dashboard…"), ""),
            (self.act_quit, self.tr("&Quit"), ""),
            (self.act_about, self.tr("&About"), ""),
            (self.act_shortcuts, self.tr("&Keyboard shortcuts"), ""),
        )
        for action, text, tip in actions:
            action.setText(text)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
        for menu, title in ((self.file_menu, self.tr("&File")), (self.box_menu, self.tr("&Mailbox")),
                            (self.msg_menu, self.tr("M&essage")), (self.view_menu, self.tr("&View")),
                            (self.tools_menu, self.tr("&Tools")), (self.help_menu, self.tr("&Help"))):
            menu.setTitle(title)
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self._update_empty_hint()

    def _connect(self) -> None:
        c = self.controller
        c.mailboxAdded.connect(self._on_mailbox_added)
        c.mailboxFound.connect(self._on_mailbox_found)
        c.mailboxUpdated.connect(self._on_mailbox_updated)
        c.mailboxRemoved.connect(self._on_mailbox_removed)
        c.messagesChanged.connect(self._on_messages_changed)
        c.messageLoaded.connect(self._on_message_loaded)
        c.watchStateChanged.connect(self._on_watch_state)
        c.errorOccurred.connect(self.show_error)
        c.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        c.downloadProgress.connect(self._on_download_progress)
        self.mailbox_view.selectionModel().currentChanged.connect(self._on_mailbox_selected)
        self.mailbox_view.clicked.connect(lambda _i: None)
        self.message_view.selectionModel().currentChanged.connect(self._on_message_selected)
        self.filter_edit.textChanged.connect(self._on_filter)
        r = self.reader
        r.codeCopied.connect(lambda code: self.statusBar().showMessage(self.tr("Copied %s") % code, 5000))
        r.remoteImagesRequested.connect(self._load_remote_images)
        r.openLinkRequested.connect(self.open_link)
        r.saveAttachmentsRequested.connect(self.save_attachments)
        r.openAttachmentRequested.connect(self.open_attachment)
        r.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- layout memory ----------------------------------------------------

    def _restore_layout(self) -> None:
        saved = self.settings.get("ui.window_state")
        if not saved:
            return
        try:
            geometry, state, splitter = saved.split(";")
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
            self.restoreState(QByteArray.fromBase64(state.encode()))
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode()))
        except ValueError:
            log.info("ignoring a saved window layout in an old format")

    def save_layout(self) -> None:
        parts = [bytes(x.toBase64().data()).decode() for x in (self.saveGeometry(), self.saveState(), self.splitter.saveState())]
        self.settings.set("ui.window_state", ";".join(parts))
        try:
            self.settings.save()
        except OSError as exc:
            log.warning("could not save the window layout: %s", exc)

    # -- mailboxes --------------------------------------------------------

    def _row_for(self, mailbox: Mailbox) -> MailboxRow:
        return MailboxRow(
            mailbox=mailbox,
            provider_name=provider_info(mailbox.provider).name,
            unread=self.controller.unread_count(mailbox.provider, mailbox.address),
            status="",
        )

    def _load_mailboxes(self) -> None:
        rows = [self._row_for(mb) for mb in self.controller.mailboxes()]
        self.mailbox_model.set_mailboxes(rows)
        if rows:
            self.mailbox_view.setCurrentIndex(self.mailbox_model.index(0, 0))
        self._update_empty_hint()
        self._update_actions()

    def current_mailbox(self) -> Mailbox | None:
        index = self.mailbox_view.currentIndex()
        return self.mailbox_model.mailbox_at(index.row()) if index.isValid() else None

    def select_mailbox(self, provider: str, address: str) -> None:
        row = self.mailbox_model.row_for(provider, address)
        if row >= 0:
            self.mailbox_view.setCurrentIndex(self.mailbox_model.index(row, 0))

    def _on_mailbox_added(self, mailbox: Mailbox) -> None:
        self.mailbox_model.add_or_update(self._row_for(mailbox))
        self.select_mailbox(mailbox.provider, mailbox.address)
        self._update_empty_hint()

    def _on_mailbox_found(self, mailbox: Mailbox) -> None:
        """Made by another process: listed (and watched), without taking the
        user away from what they are reading; selected only into an empty window."""
        self.mailbox_model.add_or_update(self._row_for(mailbox))
        if self.current_mailbox() is None:
            self.select_mailbox(mailbox.provider, mailbox.address)
        self._update_empty_hint()

    def _on_mailbox_updated(self, old_address: str, mailbox: Mailbox) -> None:
        row = self.mailbox_model.row_at(self.mailbox_model.row_for(mailbox.provider, old_address))
        if row is not None and old_address.lower() == mailbox.address.lower():
            # Same address, new expiry (another process refreshed it): the row
            # keeps its place, its status and the user's selection.
            fresh = self._row_for(mailbox)
            fresh.status = row.status
            self.mailbox_model.add_or_update(fresh)
            return
        self.mailbox_model.remove(mailbox.provider, old_address)
        self._on_mailbox_added(mailbox)

    def _on_mailbox_removed(self, provider: str, address: str) -> None:
        self.mailbox_model.remove(provider, address)
        self._recount_unread()  # its unread mail went with it
        if self.current_mailbox() is None:
            self.message_model.set_messages([])
            self.reader.set_message(None)
        self._update_empty_hint()
        self._update_actions()

    def _on_mailbox_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        mailbox = self.mailbox_model.mailbox_at(current.row()) if current.isValid() else None
        self.reader.set_message(None)
        self._current_message = None
        if mailbox is None:
            self.message_model.set_messages([])
        else:
            self.message_model.set_messages(self.controller.summaries(mailbox))
            self.controller.attend(mailbox)  # checked at once, and hot for a while
            self._show_state(mailbox)
        self._update_empty_hint()
        self._update_actions()

    # -- messages ---------------------------------------------------------

    def _on_messages_changed(self, provider: str, address: str) -> None:
        self.mailbox_model.set_unread(provider, address, self.controller.unread_count(provider, address))
        self._recount_unread()
        current = self.current_mailbox()
        if current is None or (current.provider, current.address) != (provider, address):
            return
        selected = self._current_message.id if self._current_message else None
        self.message_model.set_messages(self.controller.summaries(current))
        if selected is not None:
            row = self.message_model.row_of(self.controller.current_id(current, selected))
            if row >= 0:
                self._current_message = self.message_model.message_at(row)
                index = self.message_proxy.mapFromSource(self.message_model.index(row, 0))
                self.message_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            else:
                self.reader.set_message(None)
                self._current_message = None
        self._update_empty_hint()

    def _on_message_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        mailbox = self.current_mailbox()
        if not current.isValid() or mailbox is None:
            return
        message = self.message_model.message_at(self.message_proxy.mapToSource(current).row())
        if message is None or (self._current_message is not None and self._current_message.id == message.id):
            return
        self._current_message = message
        self.controller.open_message(mailbox, message.id)
        self._update_actions()

    def _on_message_loaded(self, message: Message) -> None:
        # Opening marked it read, also when the user has moved on to another mailbox since.
        self.mailbox_model.set_unread(message.provider, message.mailbox,
                                      self.controller.unread_count(message.provider, message.mailbox))
        self._recount_unread()
        mailbox = self.current_mailbox()
        if mailbox is None or message.mailbox != mailbox.address:
            return
        if self._current_message is not None and self._current_message.id != message.id:
            return
        self._current_message = message
        self.reader.set_message(message)
        self.message_model.mark_seen(message.id, True)
        self.mailbox_model.set_unread(mailbox.provider, mailbox.address,
                                      self.controller.unread_count(mailbox.provider, mailbox.address))
        self._update_actions()

    def _recount_unread(self) -> None:
        self.unreadChanged.emit(self.controller.unread_total())

    def open_message(self, provider: str, address: str, message_id: str) -> None:
        """Select a mailbox and a message (a notification was clicked)."""
        self.bring_to_front()
        self.select_mailbox(provider, address)
        mailbox = self.current_mailbox()
        if mailbox is None:
            return
        # A pushed mail may have taken its real id from a later listing since.
        row = self.message_model.row_of(self.controller.current_id(mailbox, message_id))
        if row >= 0:
            index = self.message_proxy.mapFromSource(self.message_model.index(row, 0))
            self.message_view.setCurrentIndex(index)

    def _on_filter(self, text: str) -> None:
        self.message_proxy.set_filter_text(text)
        self._update_empty_hint()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _update_empty_hint(self) -> None:
        if self.mailbox_model.rowCount() == 0:
            text = self.tr("No addresses yet. Press Ctrl+N (New address) to get one in a click.")
        elif self.message_model.rowCount() == 0:
            text = self.tr("No mail yet. New mail appears here as soon as it arrives.")
        elif self.message_proxy.rowCount() == 0:
            text = self.tr("No message matches the filter.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def _update_actions(self) -> None:
        mailbox = self.current_mailbox()
        caps = provider_info(mailbox.provider).capabilities if mailbox else frozenset()
        has_msg = self._current_message is not None
        self.act_copy_address.setEnabled(mailbox is not None)
        self.act_check.setEnabled(mailbox is not None)
        self.act_rename.setEnabled(Capability.RENAME in caps)
        self.act_clear.setEnabled(Capability.CLEAR in caps)
        self.act_drop.setEnabled(Capability.DELETE_MAILBOX in caps)
        self.act_forget.setEnabled(mailbox is not None)
        self.act_delete.setEnabled(has_msg and Capability.DELETE_MESSAGE in caps)
        self.act_copy_code.setEnabled(mailbox is not None)
        self.act_save.setEnabled(has_msg and bool(self._current_message and self._current_message.attachments))

    # -- status -----------------------------------------------------------

    def _on_watch_state(self, state) -> None:
        key = (state.provider, state.address)
        previous = self._states.get(key)
        self._states[key] = state
        text = describe_state(state)
        # A pause the user must know about goes to the message bar once, when it starts.
        if state.status in ("paused", "key") and (previous is None or previous.status != state.status):
            said = self.controller.in_window_words(state.error) if state.status == "key" and state.error else text
            self.show_error(provider_info(state.provider).name, f"{state.address}: {said}", topic=("fault", key))
        elif state.status in ("polling", "live"):
            self.message_bar.retract(("fault", key))  # the service answers again: the banner would lie
        self._show_list_status(state)
        current = self.current_mailbox()
        if current is not None and (current.provider, current.address) == (state.provider, state.address):
            self._show_state(current)

    def _show_list_status(self, state) -> None:
        """What the mailbox list says under an address: only what needs the user."""
        shown = describe_state(state) if state.status in ("offline", "paused", "key", "expired") else ""
        self.mailbox_model.set_status(state.provider, state.address, shown)
        if state.status in ("live", "polling"):  # a check in progress keeps the mark it had
            self.mailbox_model.set_watch(state.provider, state.address, str(state.status))

    def _show_state(self, mailbox: Mailbox) -> None:
        state = self._states.get((mailbox.provider, mailbox.address))
        self.state_label.setText(describe_state(state) if state else self.tr("Starting…"))
        self.next_countdown.follow(state)  # counts down each second from the real next check
        quota = self.controller.quota_of(mailbox.provider)
        if quota is not None and quota.remaining is not None:
            limit = f"/{quota.limit}" if quota.limit else ""
            self.quota_label.setText(self.tr("Quota left: %s") % f"{quota.remaining}{limit}")
        else:
            self.quota_label.setText("")

    def _on_tick(self) -> None:
        self.mailbox_model.tick()
        mailbox = self.current_mailbox()
        if mailbox is not None:
            self._show_state(mailbox)

    def show_error(self, who: str, text: str, *, topic: object = None) -> None:
        self.message_bar.show_message(f"{who}: {text}" if who else text, kind="error", topic=topic)

    def _on_download_progress(self, name: str, done: int, total: int) -> None:
        if total > 0:
            text = self.tr("Saving %1: %2%").replace("%1", name).replace("%2", str(done * 100 // total))
        else:
            text = self.tr("Saving %1: %2 KB").replace("%1", name).replace("%2", str(done // 1024))
        self._show_download(text)

    # -- actions ----------------------------------------------------------

    def new_address(self) -> None:
        dialog = dialogs.NewAddressDialog(self.controller, self)
        dialog.created.connect(lambda mb: self.statusBar().showMessage(self.tr("Created %s (copied)") % mb.address, 8000))
        dialog.created.connect(lambda mb: QGuiApplication.clipboard().setText(mb.address))
        dialog.open()

    def new_address_now(self, say=None) -> None:
        """The tray's New address: made at once on the default service and
        copied; ``say(text)`` (the tray's balloon) hears how it went."""
        def done(mailbox: Mailbox) -> None:
            QGuiApplication.clipboard().setText(mailbox.address)
            text = self.tr("Created %s (copied)") % mailbox.address
            self.statusBar().showMessage(text, 8000)
            if say is not None:
                say(text)

        def failed(who: str, text: str) -> None:
            self.show_error(who, text)
            if say is not None:
                say(f"{who}: {text}" if who else text)

        self.controller.create_mailbox(self.controller.default_provider_id(), None, None,
                                       on_done=done, on_error=failed)

    def open_existing(self) -> None:
        dialog = dialogs.OpenAddressDialog(self.controller, self)
        dialog.open()

    def check_now(self) -> None:
        mailbox = self.current_mailbox()
        self.controller.check_now(mailbox)
        self.statusBar().showMessage(self.tr("Checking…"), 3000)

    def copy_address(self) -> None:
        mailbox = self.current_mailbox()
        if mailbox is not None:
            QGuiApplication.clipboard().setText(mailbox.address)
            self.statusBar().showMessage(self.tr("Copied %s") % mailbox.address, 5000)

    def copy_code(self) -> None:
        """The code of the mail in the reader, else the newest code in the selected
        mailbox: each the one the store worked out (core/facts.py)."""
        code = None
        if self._current_message is not None:
            code = self.reader.current_code() or self._current_message.code
        if not code:
            coded = [m for m in self.message_model.messages() if m.code]
            if coded:
                newest = max(coded, key=lambda m: m.received_at.timestamp() if m.received_at else 0.0)
                code = newest.code
        if code:
            QGuiApplication.clipboard().setText(code)
            self.statusBar().showMessage(self.tr("Copied %s") % code, 5000)
        else:
            self.statusBar().showMessage(self.tr("No verification code in the open message or this mailbox"), 5000)

    def copy_latest_code(self) -> None:
        """The tray's "Copy latest code": the newest code in any mailbox, as stored."""
        code = self.controller.latest_code()
        if code:
            QGuiApplication.clipboard().setText(code)
            self.statusBar().showMessage(self.tr("Copied %s") % code, 5000)
        else:
            self.statusBar().showMessage(self.tr("No mail with a verification code yet"), 5000)

    def delete_message(self) -> None:
        mailbox, message = self.current_mailbox(), self._current_message
        if mailbox is None or message is None:
            return
        if dialogs.confirm(self, self.tr("Delete message"),
                           self.tr("Delete “%s” on the service and here?") % bounded(message.subject or message.id, 200)):
            self.controller.delete_message(mailbox, message.id)

    def clear_mailbox(self) -> None:
        mailbox = self.current_mailbox()
        if mailbox and dialogs.confirm(self, self.tr("Clear mailbox"),
                                       self.tr("Delete all mail in %s on the service and here?") % mailbox.address):
            self.controller.clear_mailbox(mailbox)

    def drop_mailbox(self) -> None:
        mailbox = self.current_mailbox()
        if mailbox and dialogs.confirm(self, self.tr("Delete address"),
                                       self.tr("Delete %s on the service? Its mail will be gone for good.") % mailbox.address):
            self.controller.drop_mailbox(mailbox, upstream=True)

    def forget_mailbox(self) -> None:
        mailbox = self.current_mailbox()
        if mailbox and dialogs.confirm(self, self.tr("Forget address"),
                                       self.tr("Forget %s and its stored mail on this computer? The service keeps it until it expires.") % mailbox.address):
            self.controller.drop_mailbox(mailbox, upstream=False)

    def rename_mailbox(self) -> None:
        mailbox = self.current_mailbox()
        if mailbox is None:
            return
        dialog = dialogs.RenameDialog(self.controller, mailbox, self)
        dialog.open()

    def save_all_attachments(self) -> None:
        if self._current_message is not None:
            self.save_attachments(self.controller.attachments_of(self._current_message))

    def save_attachments(self, attachments: list[Attachment]) -> None:
        mailbox, message = self.current_mailbox(), self._current_message
        if mailbox is None or message is None or not attachments:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save attachments to"), str(Path.home() / "Downloads"))
        if not folder:
            return
        resolved = self.controller.attachments_of(message)
        wanted = {a.name for a in attachments}
        chosen = [a for a in resolved if a.name in wanted] or attachments

        def done(paths: list[Path]) -> None:
            names = ", ".join(p.name for p in paths)
            self.message_bar.show_message(self.tr("Saved: %s") % names, kind="info")

        task = self.controller.save_attachments(mailbox, message, Path(folder), only=chosen, on_done=done)
        self._download = task
        self._show_download(self.tr("Saving %s…") % ", ".join(a.name for a in chosen))

        def finished(t) -> None:
            if self._download is t:
                self._download = None
            if t.cancelled():
                self.message_bar.show_message(
                    self.tr("Saving cancelled. Nothing was left half-written."), kind="info")

        task.add_done_callback(finished)

    def _show_download(self, text: str) -> None:
        task = self._download
        if task is not None and not task.done():
            self.message_bar.show_message(text, kind="info", action_text=self.tr("Cancel"), action=task.cancel)

    def open_attachment(self, attachment: Attachment) -> None:
        """Save into a private folder of the app's cache, then hand it to the
        system after the user agrees. The app empties that cache when it quits
        (or at the next start, after a crash)."""
        mailbox, message = self.current_mailbox(), self._current_message
        if mailbox is None or message is None:
            return
        if not dialogs.confirm(self, self.tr("Open attachment"),
                               self.tr("Open “%s” with the program your system uses for it? Only open files you trust.") % attachment.name):
            return
        folder = self.controller.new_open_folder()
        resolved = [a for a in self.controller.attachments_of(message) if a.name == attachment.name] or [attachment]

        def done(paths: list[Path]) -> None:
            if paths:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))

        self.controller.save_attachments(mailbox, message, folder, only=resolved[:1], on_done=done)

    def _load_remote_images(self, urls: list[str]) -> None:
        self.controller.fetch_remote_images(urls, self.reader.add_remote_images)

    def open_link(self, url: QUrl, shown_text: str) -> None:
        """Hand a mail's link to the system: only http(s) with a host and mailto.

        A link whose text names another site than it opens asks first, window
        active or not; a mailto keeps only to, cc, subject and body.
        """
        from ..core import links

        # The form the system gets: ASCII, punycode host, so the check reads what opens.
        address = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        if not links.openable(address):
            log.info("refused to open a %s link from a mail", url.scheme() or "relative")
            # Said, so a click that opens nothing is not taken for a broken app.
            self.statusBar().showMessage(self.tr("Not opened: only web links (http, https) with an address, "
                                                 "and mail links, open from a mail."), 8000)
            return
        if links.link_mismatch(shown_text, address) and not dialogs.confirm_link(
                self, links.reading(shown_text), links.target_host(address), address):
            return
        if url.scheme().lower() == "mailto":
            url = QUrl(links.safe_mailto(address), QUrl.ParsingMode.StrictMode)
        QDesktopServices.openUrl(url)

    def show_about(self) -> None:
        from .about_dialog import AboutDialog  # loaded when first asked for

        AboutDialog(self).open()

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts: read from the actions themselves."""
        keyboard.show_shortcuts(self)

    # -- window -----------------------------------------------------------

    def set_close_to_tray(self, enabled: bool) -> None:
        self._close_to_tray = enabled

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.raise_()
        self.activateWindow()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
            for state in self._states.values():
                self._show_list_status(state)
            mailbox = self.current_mailbox()
            if mailbox is not None:
                self._show_state(mailbox)
        if event.type() == event.Type.ActivationChange and self.isActiveWindow():
            # Raising the window (tray click, taskbar, Alt+Tab) means the user looks: check at once.
            mailbox = self.current_mailbox()
            if mailbox is not None:
                self.controller.attend(mailbox)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self._close_to_tray:
            event.ignore()
            self.hide()
            tell_hidden_to_tray(self, self.settings)  # once, unless the user said not again
            return
        event.accept()
        self.quitRequested.emit()
