"""What the window's parts need of the settings, as a type.

The notifier and the tray read (and the tray's pause writes) settings they
are handed; they never need to know where settings live, so they type them
with these protocols instead of importing the service that keeps them.
"""

from __future__ import annotations

from typing import Any, Protocol


class SettingsView(Protocol):
    """Settings to read: ``get("notifications.show_code")``."""

    def get(self, key: str) -> Any: ...


class SettingsEditor(SettingsView, Protocol):
    """Settings to read, change and keep (the tray's "Pause notifications")."""

    def set(self, key: str, value: Any) -> None: ...

    def save(self) -> None: ...
