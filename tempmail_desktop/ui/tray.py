"""The system tray icon: unread count, a small menu, and balloons for new mail.

Create it only when ``QSystemTrayIcon.isSystemTrayAvailable()`` says a tray
host is running; without one the app keeps its window and notifies by other
means (see notify.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, Signal
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ..core import log_names
from .icons import tray_icon
from .plain import bounded
from .settings_view import SettingsEditor

log = logging.getLogger(log_names.UI)

PAUSED_KEY = "notifications.paused"
# Where this service runs (KDE Plasma, GNOME's AppIndicator extension), Qt's
# tray is a StatusNotifierItem on D-Bus instead of an XEmbed icon.
STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"
CODE_CHARS = 24  # a code in a menu label; stored codes are short, a stray long one is cut


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
        self.icon = QSystemTrayIcon(tray_icon(0), self)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.messageClicked)

        # The menu is a popup of the window (so it is deleted with it); with
        # no window it belongs to nobody, and this object deletes it.
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        if window is None:
            self.destroyed.connect(self.menu.deleteLater)
        self.act_show = self._add_action("trayShow", self.showRequested.emit)
        self.act_new = self._add_action("trayNewAddress", self.newAddressRequested.emit)
        self.act_copy_announced = self._add_action("trayCopyAnnouncedCode", self.copyAnnouncedCodeRequested.emit)
        self.act_copy_announced.setVisible(False)
        self.act_copy_code = self._add_action("trayCopyCode", self.copyCodeRequested.emit)
        self.menu.addSeparator()
        self.act_pause = self._add_action("trayPause", None)
        self.act_pause.setCheckable(True)
        self.act_pause.setChecked(bool(settings.get(PAUSED_KEY)))
        self.act_pause.toggled.connect(self._on_pause_toggled)
        self.menu.addSeparator()
        self.act_quit = self._add_action("trayQuit", self.quitRequested.emit)
        self.icon.setContextMenu(self.menu)
        self.retranslate()
        # The menu is a widget, so Qt tells it of a language change; this object hears it there.
        self.menu.installEventFilter(self)

    @staticmethod
    def is_available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def retranslate(self) -> None:
        """The menu's and tooltip's words in the language now installed."""
        self.menu.setAccessibleName(self.tr("Tempmail Desktop tray menu"))
        self.act_show.setText(self.tr("&Show Tempmail Desktop"))
        self.act_new.setText(self.tr("&New address…"))
        self.act_copy_code.setText(self.tr("&Copy latest code"))
        if not self._reveal_code:
            self.act_copy_announced.setText(self.tr("Copy the no&tified code"))
        elif self._announced_code:
            # "&" would be read as a shortcut marker; "&&" shows one.
            code = bounded(self._announced_code, CODE_CHARS).replace("&", "&&")
            self.act_copy_announced.setText(self.tr("Copy code %1").replace("%1", code))
        self.act_pause.setText(self.tr("&Pause notifications"))
        self.act_quit.setText(self.tr("&Quit"))
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
        self.icon.showMessage(title, body, icon, timeout_ms)

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
