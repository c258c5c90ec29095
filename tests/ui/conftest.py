"""Desktop pieces the tray and notification tests need: a system tray host
on the test's X display, and a notification service on the D-Bus session bus.

Where a piece is missing the tests that need it are skipped with the reason,
unless TEMPMAIL_REQUIRE_DESKTOP=1 (CI), where a missing piece is a failure:
there, a skipped tray test would hide a broken tray.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

log = logging.getLogger("tempmail.tests")

# Read at import: the autouse isolated_env fixture clears TEMPMAIL_* for each test.
REQUIRE_DESKTOP = os.environ.get("TEMPMAIL_REQUIRE_DESKTOP") == "1"

TRAYER_ARGS = ("--edge", "top", "--align", "right", "--SetDockType", "true", "--expand", "false",
               "--width", "10", "--height", "24", "--transparent", "false")
TRAY_WAIT_S = 10.0
DAEMON_WAIT_S = 10.0

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
FAKE_CONTROL_INTERFACE = "io.github.tempmail_desktop.FakeNotifications"
FAKE_DAEMON_SCRIPT = Path(__file__).with_name("fake_notification_daemon.py")


def missing(reason: str) -> None:
    """Skip for want of a desktop piece, or fail where the desktop is required."""
    if REQUIRE_DESKTOP:
        pytest.fail(f"{reason} (TEMPMAIL_REQUIRE_DESKTOP=1)")
    pytest.skip(reason)


def spin_until(app: QApplication, condition: Callable[[], bool], timeout_s: float) -> bool:
    """Process Qt events until ``condition`` holds or the time is up."""
    deadline = time.monotonic() + timeout_s
    while True:
        app.processEvents()
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


# -- tray -------------------------------------------------------------------


class TrayHost:
    def __init__(self, process: subprocess.Popen | None, startup_s: float) -> None:
        self.process = process  # None when the desktop's own tray is used
        self.startup_s = startup_s


@pytest.fixture(scope="session")
def tray_host(qapp) -> Iterator[TrayHost]:
    """A system tray on the test display: trayer, started after the
    QApplication (Qt notices a tray manager that appears later)."""
    if not os.environ.get("DISPLAY"):
        missing("no X display (pytest-xvfb starts one when Xvfb is installed)")
    if qapp.platformName() != "xcb":
        missing(f"the tray tests need Qt's xcb platform, not {qapp.platformName()!r}")
    if QSystemTrayIcon.isSystemTrayAvailable():
        yield TrayHost(None, 0.0)
        return
    trayer = shutil.which("trayer")
    if trayer is None:
        missing("trayer is not installed (apt-get install trayer): no system tray to test against")
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        process = subprocess.Popen([trayer, *TRAYER_ARGS], stdout=subprocess.DEVNULL, stderr=errors)
        try:
            ready = spin_until(qapp, lambda: QSystemTrayIcon.isSystemTrayAvailable() or process.poll() is not None,
                               TRAY_WAIT_S) and QSystemTrayIcon.isSystemTrayAvailable()
            startup_s = time.monotonic() - started
            if not ready:
                errors.seek(0)
                said = errors.read().decode(errors="replace").strip()
                missing(f"trayer gave no system tray within {TRAY_WAIT_S:.0f} s"
                        f" (exit status {process.poll()}): {said or 'no output'}")
            log.info("trayer provided a system tray after %.2f s", startup_s)
            yield TrayHost(process, startup_s)
        finally:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# -- notification service ---------------------------------------------------


def _session_bus() -> QDBusConnection:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        missing("no D-Bus session bus; run the tests under dbus-run-session")
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        missing(f"cannot connect to the D-Bus session bus: {bus.lastError().message()}")
    return bus


def service_registered(bus: QDBusConnection) -> bool:
    return bool(bus.interface().isServiceRegistered(NOTIFICATIONS_SERVICE).value())


class FakeNotificationDaemon:
    """Handle on tests/ui/fake_notification_daemon.py running in its own process."""

    def __init__(self, bus: QDBusConnection, process: subprocess.Popen) -> None:
        self.bus = bus
        self.process = process

    def _control(self, member: str, *args) -> list:
        message = QDBusMessage.createMethodCall(NOTIFICATIONS_SERVICE, NOTIFICATIONS_PATH,
                                                FAKE_CONTROL_INTERFACE, member)
        if args:
            message.setArguments(list(args))
        reply = self.bus.call(message)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            raise AssertionError(f"the fake notification service refused {member}: {reply.errorMessage()}")
        return reply.arguments()

    def calls(self) -> list[dict]:
        """Every Notify call it accepted, oldest first."""
        return json.loads(self._control("Calls")[0])

    def click(self, notification_id: int, action: str = "default") -> None:
        self._control("InvokeAction", notification_id, action)

    def dismiss(self, notification_id: int) -> None:
        self._control("Dismiss", notification_id)


@pytest.fixture
def session_bus() -> QDBusConnection:
    return _session_bus()


@pytest.fixture
def notification_daemon(qapp) -> Iterator[Callable[..., FakeNotificationDaemon]]:
    """Starts the fake notification service: ``notification_daemon(capabilities=(...), broken=False)``.
    ``broken`` owns the name but serves no object, like a service that crashed halfway."""
    bus = _session_bus()
    if service_registered(bus):
        missing("a notification service already runs on this session bus; run the tests under dbus-run-session")
    started: list[subprocess.Popen] = []

    def start(capabilities: tuple[str, ...] = ("actions", "body"), broken: bool = False) -> FakeNotificationDaemon:
        command = [sys.executable, str(FAKE_DAEMON_SCRIPT), "--capabilities", ",".join(capabilities)]
        if broken:
            command.append("--no-object")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(process)
        if not spin_until(qapp, lambda: service_registered(bus) or process.poll() is not None, DAEMON_WAIT_S) \
                or not service_registered(bus):
            process.kill()
            _out, errors = process.communicate()
            pytest.fail(f"the fake notification service did not start: {errors.decode(errors='replace')}")
        return FakeNotificationDaemon(bus, process)

    yield start
    for process in started:
        process.terminate()
        try:
            process.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
    # The next test must not find the name still owned.
    spin_until(qapp, lambda: not service_registered(bus), DAEMON_WAIT_S)
