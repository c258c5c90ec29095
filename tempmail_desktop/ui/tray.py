"""The system tray icon: unread count, a small menu, and balloons for new mail.

Create it only when ``QSystemTrayIcon.isSystemTrayAvailable()`` says a tray
host is running; without one the app keeps its window and notifies by other
means (see notify.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QCheckBox, QMenu, QMessageBox, QSystemTrayIcon, QWidget

from ..core import log_names
from .glyphs import glyph
from .icons import app_icon, tray_icon
from .plain import bounded
from .settings_view import SettingsEditor

log = logging.getLogger(log_names.UI)

PAUSED_KEY = "notifications.paused"
# Where this service runs (KDE Plasma, GNOME's AppIndicator extension), Qt's
# tray is a StatusNotifierItem on D-Bus instead of an XEmbed icon.
STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"
CODE_CHARS = 24  # a code in a menu label; stored codes are short, a stray long one is cut
RECENT_COUNT = 5  # mailboxes the menu offers, newest first
ADDRESS_CHARS = 64  # an address in a menu label
TELL_HIDDEN_KEY = "tray.tell_hidden"
SAID_TIMEOUT_MS = 6000


def balloons_are_relayed(bus: QDBusConnection) -> bool:
    """True where Qt's tray lives on D-Bus (a StatusNotifierWatcher runs on
    ``bus``): its balloons then go, as they are, to the desktop's notification
    service, which may read a body as markup (a subject's ``<img src=…>``
    included). The notifier then talks to that service itself, escaping what
    needs it."""
    interface = bus.interface() if bus.isConnected() else None
    return bool(interface is not None and interface.isServiceRegistered(STATUS_NOTIFIER_WATCHER).value())


class TrayIcon(QObject):
    showRequested = Signal()
    mailboxRequested = Signal(str, str)  # provider, address: one of the recent mailboxes was picked
    newAddressRequested = Signal()
    copyCodeRequested = Signal()  # "Copy latest code": the newest code in any mailbox
    copyAnnouncedCodeRequested = Signal()  # "Copy code 123456": the mail the last notification with a code announced
    quitRequested = Signal()
    pausedChanged = Signal(bool)
    messageClicked = Signal()  # the last balloon shown was clicked

    def __init__(self, settings: SettingsEditor, window: QWidget | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = window
        self._unread = 0
        self._announced_code: str | None = None
        self._reveal_code = True
        self._own_balloon = False  # the balloon showing is the tray's own word, not a notification
        self._recent: list[tuple[str, str, str]] = []
        self.icon = QSystemTrayIcon(tray_icon(0), self)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self._on_balloon_clicked)

        # The menu is a popup of the window (so it is deleted with it); with
        # no window it belongs to nobody, and this object deletes it.
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        if window is None:
            self.destroyed.connect(self.menu.deleteLater)
        self.act_show = self._add_action("trayShow", self._on_show_hide)
        self.act_new = self._add_action("trayNewAddress", self.newAddressRequested.emit)
        self.act_copy_announced = self._add_action("trayCopyAnnouncedCode", self.copyAnnouncedCodeRequested.emit)
        self.act_copy_announced.setVisible(False)
        self.act_copy_code = self._add_action("trayCopyCode", self.copyCodeRequested.emit)
        self.recent_separator = self.menu.addSeparator()
        self.recent_actions = [self._add_action(f"trayRecent{n}", None) for n in range(RECENT_COUNT)]
        for n, action in enumerate(self.recent_actions):
            action.triggered.connect(lambda _checked=False, n=n: self._on_recent(n))
            action.setVisible(False)
        self.menu.addSeparator()
        self.act_pause = self._add_action("trayPause", None)
        self.act_pause.setCheckable(True)
        self.act_pause.setChecked(bool(settings.get(PAUSED_KEY)))
        self.act_pause.toggled.connect(self._on_pause_toggled)
        self.menu.addSeparator()
        self.act_quit = self._add_action("trayQuit", self.quitRequested.emit)
        self.icon.setContextMenu(self.menu)
        self.menu.aboutToShow.connect(self._name_show_hide)
        self.retranslate()
        # The menu is a widget, so Qt tells it of a language change; this object hears it there.
        self.menu.installEventFilter(self)
        # The menu's glyphs (ui/glyphs.py); the pause entry keeps its check mark instead.
        for action, name in ((self.act_show, "show"), (self.act_new, "new"), (self.act_copy_announced, "code"),
                             (self.act_copy_code, "code"), *((a, "mailbox") for a in self.recent_actions),
                             (self.act_quit, "quit")):
            action.setIcon(glyph(name))

    @staticmethod
    def is_available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def retranslate(self) -> None:
        """The menu's and tooltip's words in the language now installed."""
        self.menu.setAccessibleName(self.tr("Tempmail Desktop tray menu"))
        self._name_show_hide()
        self.act_new.setText(self.tr("&New address"))
        self.act_copy_code.setText(self.tr("&Copy latest code"))
        if not self._reveal_code:
            self.act_copy_announced.setText(self.tr("Copy the no&tified code"))
        elif self._announced_code:
            # "&" would be read as a shortcut marker; "&&" shows one.
            code = bounded(self._announced_code, CODE_CHARS).replace("&", "&&")
            self.act_copy_announced.setText(self.tr("Copy code %1").replace("%1", code))
        self.act_pause.setText(self.tr("&Pause notifications"))
        self.act_quit.setText(self.tr("&Quit"))
        self._name_recent()
        self._update_tooltip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _add_action(self, name: str, slot) -> QAction:
        action = QAction(self.menu)
        action.setObjectName(name)
        if slot is not None:
            action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _window_shown(self) -> bool:
        window = self.window
        return window is not None and window.isVisible() and not window.isMinimized()

    def _name_show_hide(self) -> None:
        """One entry that says what it will do: show a hidden window, hide a shown one."""
        if self._window_shown():
            self.act_show.setText(self.tr("&Hide Tempmail Desktop"))
        else:
            self.act_show.setText(self.tr("&Show Tempmail Desktop"))

    def _on_show_hide(self) -> None:
        if self._window_shown():
            self.window.hide()
        else:
            self.showRequested.emit()

    # -- recent mailboxes -------------------------------------------------

    def set_recent_mailboxes(self, entries: list[tuple[str, str, str]]) -> None:
        """The newest mailboxes, as (provider, address, service name), newest
        first; the menu offers the first five, each opening the window on it."""
        self._recent = list(entries)[:RECENT_COUNT]
        self._name_recent()

    def _name_recent(self) -> None:
        for n, action in enumerate(self.recent_actions):
            if n < len(self._recent):
                _provider, address, service = self._recent[n]
                # An address or a name is plain text; "&" would be read as a shortcut marker.
                label = self.tr("%1 (%2)").replace("%1", bounded(address, ADDRESS_CHARS)).replace(
                    "%2", bounded(service, ADDRESS_CHARS))
                action.setText(label.replace("&", "&&"))
                action.setVisible(True)
            else:
                action.setVisible(False)
        self.recent_separator.setVisible(bool(self._recent))

    def _on_recent(self, n: int) -> None:
        if n < len(self._recent):
            provider, address, _service = self._recent[n]
            self.mailboxRequested.emit(provider, address)

    # -- state ------------------------------------------------------------

    @property
    def unread(self) -> int:
        return self._unread

    def set_unread(self, count: int) -> None:
        count = max(0, int(count))
        if count == self._unread:
            return
        self._unread = count
        self.icon.setIcon(tray_icon(count))
        self._update_tooltip()

    def show_codes(self, announced: str | None, latest: str | None, *, reveal: bool = True) -> None:
        """Offer the code of the mail the last notification announced (None:
        none, or that mail is gone) beside "Copy latest code" (``latest``: the
        newest stored code, None when there is none). With ``reveal`` off (the
        user keeps codes out of notifications) the entry does not name it.

        Why this shape: the numbered entry says exactly what it copies, so it
        is shown whenever the announced mail still exists. "Copy latest code"
        stays when there is no such entry or when it would copy something
        else (mail that arrived unannounced, while paused, or newer than the
        one announced); when both would copy the same code only the numbered
        entry is shown, so the menu never has two entries doing one thing."""
        self._announced_code = announced or None
        self._reveal_code = reveal
        self.act_copy_announced.setVisible(self._announced_code is not None)
        self.act_copy_code.setVisible(self._announced_code is None or latest != self._announced_code)
        self.retranslate()

    @property
    def announced_code(self) -> str | None:
        return self._announced_code

    @property
    def paused(self) -> bool:
        return self.act_pause.isChecked()

    def set_paused(self, paused: bool) -> None:
        """Follow a change made elsewhere (the settings dialog)."""
        self.act_pause.setChecked(paused)  # toggled() saves and tells only on a change

    def _on_pause_toggled(self, paused: bool) -> None:
        self.settings.set(PAUSED_KEY, paused)
        try:
            self.settings.save()
        except OSError as exc:  # the choice still holds for this session
            log.warning("could not save the notification pause: %s", exc)
        self._update_tooltip()
        self.pausedChanged.emit(paused)

    def _update_tooltip(self) -> None:
        text = self.tr("Tempmail Desktop - %n unread", "", self._unread)
        if self.paused:
            text += "\n" + self.tr("Notifications paused")
        self.icon.setToolTip(text)

    # -- the icon ---------------------------------------------------------

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def isVisible(self) -> bool:  # noqa: N802 - mirrors Qt's name, callers treat this like the icon
        return self.icon.isVisible()

    def geometry(self) -> QRect:
        return self.icon.geometry()

    def tooltip(self) -> str:
        return self.icon.toolTip()

    def show_message(self, title: str, body: str,
                     icon: QIcon | QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information,
                     timeout_ms: int = 10_000) -> None:
        """A balloon next to the icon; a click on it emits messageClicked.
        Its title and body are shown as plain text (Qt's own balloon and the
        Windows and macOS ones read no markup), except where
        :func:`balloons_are_relayed`."""
        self._own_balloon = False
        self.icon.showMessage(title, body, icon, timeout_ms)

    def say(self, text: str) -> None:
        """A brief word next to the icon (the user is at the tray): "Created …
        (copied)". A click on it shows the window, never a notification's mail."""
        self.icon.showMessage(bounded(text, 300), "", app_icon(), SAID_TIMEOUT_MS)
        self._own_balloon = True

    def _on_balloon_clicked(self) -> None:
        if self._own_balloon:
            self._own_balloon = False
            self.showRequested.emit()
        else:
            self.messageClicked.emit()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        Reason = QSystemTrayIcon.ActivationReason
        if reason == Reason.Trigger:
            self.toggle_window()
        elif reason == Reason.DoubleClick:
            # A double click starts with a single click, which may just have
            # hidden the window: a double click always means "show me".
            self.showRequested.emit()

    def toggle_window(self) -> None:
        """Hide the window when it is in front; otherwise bring it to the front."""
        window = self.window
        if window is not None and window.isVisible() and not window.isMinimized() and window.isActiveWindow():
            window.hide()
        else:
            self.showRequested.emit()


def tell_hidden_to_tray(window: QWidget, settings: SettingsEditor) -> QMessageBox | None:
    """Once per run, after the window closed to the tray: say the app keeps
    running there and where Quit is, with "Don't show this again" (kept in
    the ``tray.tell_hidden`` setting). Returns the message, or None when
    nothing is said."""
    if not settings.get(TELL_HIDDEN_KEY) or window.property("toldHiddenToTray"):
        return None
    window.setProperty("toldHiddenToTray", True)
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("TrayIcon", "Still running in the tray"),
                      QCoreApplication.translate(
                          "TrayIcon", "Tempmail Desktop keeps running in the system tray and tells you of new mail.\n"
                          "Click its tray icon to open the window again. Quit is in the tray menu and "
                          "in the File menu."),
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("hiddenToTrayNotice")
    box.setCheckBox(QCheckBox(QCoreApplication.translate("TrayIcon", "Don't show this again"), box))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if box.checkBox().isChecked():
            settings.set(TELL_HIDDEN_KEY, False)
            try:
                settings.save()
            except OSError as exc:  # the choice still holds for this session
                log.warning("could not save the tray notice choice: %s", exc)

    box.finished.connect(finished)
    box.show()
    return box
