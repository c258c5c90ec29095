"""Watch states in words, for the status bar and the mailbox list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from ..core.errors import ProtocolError, ServiceFailingError
from ..core.timeutil import utcnow
from ..core.watch_state import WatchState, WatchStatus
from .error_words import problem_words
from .plain import bounded

# What a service said goes into the status bar and the mailbox list: one short line.
DETAIL_CHARS = 160


def _detail(state: WatchState) -> str:
    """What went wrong, in the user's language: the error's catalog text
    (without a way out: the status bar is one short line), else the detail."""
    said = problem_words(state.error) if state.error is not None else state.detail
    return bounded(said, DETAIL_CHARS)


def describe_state(state: WatchState | None) -> str:
    if state is None:
        return ""
    status = state.status
    if status == WatchStatus.LIVE:
        return QCoreApplication.translate("WatchStatus", "Live: new mail arrives instantly")
    if status == WatchStatus.POLLING:
        if state.quota_interval is not None:
            return (QCoreApplication.translate("WatchStatus", "Checking every %1 s to stay within %2's daily quota")
                    .replace("%1", f"{state.quota_interval:.0f}").replace("%2", state.service_name))
        return QCoreApplication.translate("WatchStatus", "Connected")
    if status == WatchStatus.CHECKING:
        return QCoreApplication.translate("WatchStatus", "Checking…")
    if status == WatchStatus.STARTING:
        return QCoreApplication.translate("WatchStatus", "Starting…")
    if status == WatchStatus.EXPIRED:
        return QCoreApplication.translate("WatchStatus", "Expired: the service deleted this address; its mail stays here")
    if status == WatchStatus.STOPPED:
        return QCoreApplication.translate("WatchStatus", "Stopped")
    if status == WatchStatus.PAUSED:
        error = state.error
        reset = getattr(error, "reset_at", None)
        if reset is not None:
            return QCoreApplication.translate("WatchStatus", "Quota reached; paused until %s") % reset.astimezone().strftime("%H:%M")
        return QCoreApplication.translate("WatchStatus", "Quota reached; paused for a while")
    if status == WatchStatus.KEY_PROBLEM:
        return QCoreApplication.translate("WatchStatus", "Key problem: %s") % (_detail(state) or QCoreApplication.translate("WatchStatus", "the key was rejected"))
    if status == WatchStatus.OFFLINE and isinstance(state.error, (ServiceFailingError, ProtocolError)):
        # Reached, but answering with errors: "offline" would send the user to check their network.
        return QCoreApplication.translate("WatchStatus", "Failing: %s") % (_detail(state) or QCoreApplication.translate("WatchStatus", "the service answers with errors"))
    if status == WatchStatus.OFFLINE:
        return QCoreApplication.translate("WatchStatus", "Offline: %s") % (_detail(state) or QCoreApplication.translate("WatchStatus", "the service cannot be reached"))
    return str(status)


def describe_next_check(state: WatchState | None) -> str:
    """"Next check in N s" from the watcher's real next check; "" when none is due."""
    if state is None or state.next_check_at is None:
        return ""
    seconds = max(0, round((state.next_check_at - utcnow()).total_seconds()))
    if seconds < 120:
        return QCoreApplication.translate("MainWindow", "Next check in %s s") % seconds
    return QCoreApplication.translate("MainWindow", "Next check at %s") % state.next_check_at.astimezone().strftime("%H:%M")


class NextCheckCountdown(QObject):
    """Keeps a label's "Next check in N s" counting down, once a second, while
    it is shown and a check is due; the timer is stopped otherwise."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        self.state: WatchState | None = None
        self.timer = QTimer(self, interval=1000, timeout=self._update)
        label.installEventFilter(self)

    def follow(self, state: WatchState | None) -> None:
        self.state = state
        self._update()

    def _update(self) -> None:
        text = describe_next_check(self.state)
        self.label.setText(text)
        if text and self.label.isVisible():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._update()
        return False
