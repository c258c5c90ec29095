"""Watch states in words, for the status bar and the mailbox list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..service.watcher import WatchState, WatchStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("WatchStatus", text)


def describe_state(state: WatchState | None) -> str:
    if state is None:
        return ""
    status = state.status
    if status == WatchStatus.LIVE:
        return _tr("Live: new mail arrives instantly")
    if status == WatchStatus.POLLING:
        return _tr("Connected")
    if status == WatchStatus.CHECKING:
        return _tr("Checking…")
    if status == WatchStatus.STARTING:
        return _tr("Starting…")
    if status == WatchStatus.STOPPED:
        return _tr("Stopped")
    if status == WatchStatus.PAUSED:
        error = state.error
        reset = getattr(error, "reset_at", None)
        if reset is not None:
            return _tr("Quota reached; paused until %s") % reset.astimezone().strftime("%H:%M")
        return _tr("Quota reached; paused for a while")
    if status == WatchStatus.KEY_PROBLEM:
        return _tr("Key problem: %s") % (state.detail or _tr("the key was rejected"))
    if status == WatchStatus.OFFLINE:
        return _tr("Offline: %s") % (state.detail or _tr("the service cannot be reached"))
    return str(status)
