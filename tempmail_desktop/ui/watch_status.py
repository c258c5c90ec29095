"""Watch states in words, for the status bar and the mailbox list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..service.watcher import WatchState, WatchStatus
from .plain import bounded

# What a service said goes into the status bar and the mailbox list: one short line.
DETAIL_CHARS = 160


def describe_state(state: WatchState | None) -> str:
    if state is None:
        return ""
    status = state.status
    if status == WatchStatus.LIVE:
        return QCoreApplication.translate("WatchStatus", "Live: new mail arrives instantly")
    if status == WatchStatus.POLLING:
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
        return QCoreApplication.translate("WatchStatus", "Key problem: %s") % (bounded(state.detail, DETAIL_CHARS) or QCoreApplication.translate("WatchStatus", "the key was rejected"))
    if status == WatchStatus.OFFLINE:
        return QCoreApplication.translate("WatchStatus", "Offline: %s") % (bounded(state.detail, DETAIL_CHARS) or QCoreApplication.translate("WatchStatus", "the service cannot be reached"))
    return str(status)
