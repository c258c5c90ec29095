"""What a mailbox's watcher is doing, as the window and the command show it.

Plain data, Qt-free: the watcher (service/) writes it, the status bar and
the mailbox list (ui/) read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .errors import TempmailError


class WatchStatus(StrEnum):
    STARTING = "starting"
    POLLING = "polling"
    LIVE = "live"  # push connected
    CHECKING = "checking"
    OFFLINE = "offline"
    PAUSED = "paused"  # quota
    KEY_PROBLEM = "key"
    EXPIRED = "expired"  # the service deleted the mailbox; its mail stays in the store
    STOPPED = "stopped"


@dataclass
class WatchState:
    provider: str
    address: str
    status: WatchStatus
    next_check_at: datetime | None = None
    detail: str = ""
    error: TempmailError | None = None
    # Set when the service's daily quota, not the mailbox's cadence, sets the next check:
    # the seconds between checks it allows, and the service's name, for the status bar.
    quota_interval: float | None = None
    service_name: str = ""
