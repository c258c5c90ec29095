"""A stand-in desktop notification service for the tests, run as its own process.

It owns org.freedesktop.Notifications on the session bus and implements the
specification's methods with their exact D-Bus types through a Qt adaptor, so
a call with a wrong signature is refused with "No such method", as GNOME
Shell, Plasma or dunst would. Calls are recorded; a control interface lets a
test read them and play the user (click a notification, dismiss it).

Run: python tests/ui/fake_notification_daemon.py [--capabilities a,b,c] [--no-object]
It prints "ready" once the name is owned and runs until terminated.
"""

from __future__ import annotations

import argparse
import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CONTROL_INTERFACE = "io.github.tempmail_desktop.FakeNotifications"

CLOSED_DISMISSED = 2  # NotificationClosed reason: dismissed by the user
CLOSED_BY_CALL = 3  # closed by a call to CloseNotification


class Daemon(QObject):
    def __init__(self, capabilities: list[str]) -> None:
        super().__init__()
        self.capabilities = capabilities
        self.calls: list[dict] = []
        self.next_id = 1


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class NotificationsAdaptor(QDBusAbstractAdaptor):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, daemon: Daemon) -> None:
        super().__init__(daemon)
        self.daemon = daemon

    # Qt calls this only for the exact signature susssasa{sv}i; anything else
    # gets org.freedesktop.DBus.Error.UnknownMethod, as from a real service.
    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):  # noqa: N802
        daemon = self.daemon
        notification_id = replaces_id or daemon.next_id
        if not replaces_id:
            daemon.next_id += 1
        daemon.calls.append({
            "id": notification_id,
            "app_name": app_name,
            "replaces_id": replaces_id,
            "app_icon": app_icon,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "hints": {key: str(value) for key, value in dict(hints).items()},
            "expire_timeout": expire_timeout,
        })
        return notification_id

    @Slot("uint")
    def CloseNotification(self, notification_id):  # noqa: N802
        self.NotificationClosed.emit(notification_id, CLOSED_BY_CALL)

    @Slot(result="QStringList")
    def GetCapabilities(self):  # noqa: N802
        return self.daemon.capabilities

    @Slot(result=str)
    def GetServerInformation(self):  # noqa: N802
        # The specification returns four strings; a test never asks, one is enough to answer.
        return "tempmail-test-notifications"


@ClassInfo({"D-Bus Interface": CONTROL_INTERFACE})
class ControlAdaptor(QDBusAbstractAdaptor):
    def __init__(self, daemon: Daemon, notifications: NotificationsAdaptor) -> None:
        super().__init__(daemon)
        self.daemon = daemon
        self.notifications = notifications

    @Slot(result=str)
    def Calls(self):  # noqa: N802
        return json.dumps(self.daemon.calls)

    @Slot(int, str)
    def InvokeAction(self, notification_id, action_key):  # noqa: N802
        """The user clicked the notification ("default") or one of its buttons."""
        self.notifications.ActionInvoked.emit(notification_id, action_key)

    @Slot(int)
    def Dismiss(self, notification_id):  # noqa: N802
        self.notifications.NotificationClosed.emit(notification_id, CLOSED_DISMISSED)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--capabilities", default="actions,body")
    parser.add_argument("--no-object", action="store_true",
                        help="own the name but serve nothing, like a service that crashed halfway")
    args = parser.parse_args(argv)
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print("no session bus", file=sys.stderr)
        return 1
    daemon = Daemon([c for c in args.capabilities.split(",") if c])
    notifications = NotificationsAdaptor(daemon)
    ControlAdaptor(daemon, notifications)
    # The object first, then the name: a client that sees the name can call at once.
    if not args.no_object and not bus.registerObject(PATH, daemon):
        print(f"could not register {PATH}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    if not bus.registerService(SERVICE):
        print(f"could not own {SERVICE}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
