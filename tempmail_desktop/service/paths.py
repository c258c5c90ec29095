"""Where the app keeps its state: ``TEMPMAIL_HOME`` or the platform's folders.

The bundle and a source install resolve the same folders, so switching
between them loses nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .. import APP_NAME


def _home() -> Path | None:
    value = os.environ.get("TEMPMAIL_HOME", "").strip()
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    try:
        path.chmod(0o700)  # mail and tokens are private
    except OSError:
        pass
    return path


def data_dir() -> Path:
    home = _home()
    return _ensure(home if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    home = _home()
    return _ensure(home if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    home = _home()
    return _ensure(home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def database_path() -> Path:
    return data_dir() / "tempmail.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"
