"""Build the app's parts in order, and take them down in reverse."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ..core import log_names
from .controller import AppController, provider_info
from .i18n import install_translators
from .icons import app_icon
from .main_window import MainWindow
from .notify import Notifier
from .theme import apply_theme
from .tray import TrayIcon

log = logging.getLogger(log_names.UI)


@dataclass
class AppParts:
    app: QApplication
    controller: AppController
    window: MainWindow
    notifier: Notifier
    tray: TrayIcon | None
    timers: list[QTimer] = field(default_factory=list)
    _closed: bool = False

    async def shutdown(self) -> None:
        """Orderly: save the layout, stop watchers and jobs, close the client, close the store."""
        if self._closed:
            return
        self._closed = True
        for timer in self.timers:
            timer.stop()
        self.window.save_layout()
        self.notifier.close()  # a note waiting in its group window must not fire on a closed window
        if self.tray is not None:
            self.tray.hide()
        await self.controller.shutdown()  # last: the store closes
        self.window.hide()
        self.window.deleteLater()


async def build_application(app: QApplication, *, request_quit: Callable[[], None], start_hidden: bool = False) -> AppParts:
    controller = AppController.for_data_folder()
    settings = controller.settings
    install_translators(app, settings.get("ui.language"))
    apply_theme(app, settings.get("ui.theme"))
    app.setWindowIcon(app_icon())

    window = MainWindow(controller)
    tray = TrayIcon(settings, window) if QSystemTrayIcon.isSystemTrayAvailable() else None
    notifier = Notifier(settings, window, tray, stored=controller)  # the tray's code entries read the store
    parts = AppParts(app, controller, window, notifier, tray)

    controller.newMail.connect(notifier.notify_new_mail)
    window.quitRequested.connect(request_quit)
    window.settingsRequested.connect(lambda: _open_settings(parts))
    window.dashboardRequested.connect(lambda: _open_dashboard(parts))
    if tray is not None:
        tray.showRequested.connect(window.bring_to_front)
        # Made at once on the default service and copied; the tray says so where the user looks.
        tray.newAddressRequested.connect(lambda: window.new_address_now(tray.say))
        tray.mailboxRequested.connect(lambda provider, address: (window.bring_to_front(),
                                                                 window.select_mailbox(provider, address)))
        def list_recent(*_changed) -> None:
            tray.set_recent_mailboxes([(mb.provider, mb.address, provider_info(mb.provider).name)
                                       for mb in controller.recent_mailboxes()])

        # At once and on each change (a D-Bus tray exports its menu before it is opened), and when opened.
        list_recent()
        for changed in (controller.mailboxAdded, controller.mailboxFound, controller.mailboxUpdated,
                        controller.mailboxRemoved, tray.menu.aboutToShow):
            changed.connect(list_recent)
        tray.copyCodeRequested.connect(window.copy_latest_code)
        tray.quitRequested.connect(request_quit)
        tray.show()
    window.set_close_to_tray(tray is not None and bool(settings.get("tray.close_to_tray")))
    window.reader.set_remote_images_allowed(settings.get("ui.remote_images") != "never")
    notifier.set_unread_total(controller.unread_total())  # later, it follows window.unreadChanged

    hidden = (start_hidden or bool(settings.get("tray.start_hidden"))) and tray is not None
    if not hidden:
        window.show()
    controller.start_watching_all()

    # Python runs its signal handlers (SIGTERM) only when it gets control;
    # a light timer hands it control twice a second while Qt idles.
    wake = QTimer(app)
    wake.setInterval(500)
    wake.timeout.connect(lambda: None)
    wake.start()
    parts.timers.append(wake)
    return parts


def _open_settings(parts: AppParts) -> None:
    from .settings_dialog import SettingsDialog

    dialog = SettingsDialog(parts.controller, parts.window)
    dialog.languageChanged.connect(lambda lang: install_translators(parts.app, lang))
    dialog.themeChanged.connect(lambda theme: apply_theme(parts.app, theme))
    dialog.trayBehaviourChanged.connect(
        lambda: parts.window.set_close_to_tray(parts.tray is not None and bool(parts.controller.settings.get("tray.close_to_tray")))
    )
    dialog.remoteImagesChanged.connect(parts.window.reader.set_remote_images_allowed)
    dialog.open()


def _open_dashboard(parts: AppParts) -> None:
    from .dashboard import DashboardDialog

    dialog = DashboardDialog(parts.controller, parts.window)
    dialog.open()
