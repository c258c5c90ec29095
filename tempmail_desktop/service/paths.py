"""Where the app keeps its state: ``TEMPMAIL_HOME`` or the platform's folders.

The bundle and a source install resolve the same folders, so switching
between them loses nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

import platformdirs

from .. import APP_NAME
from ..core import log_names

log = logging.getLogger(log_names.PATHS)


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


def data_dir_id() -> str:
    """A short, stable name for the data folder in use: two ``TEMPMAIL_HOME``
    folders get two names, two spellings of one folder (a link, ``~``, a
    trailing slash) get the same one."""
    folder = os.path.normcase(str(data_dir().resolve()))
    return hashlib.sha256(os.fsencode(folder)).hexdigest()[:12]


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


def cache_dir() -> Path:
    home = _home()
    return _ensure(
        home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    )


def open_cache_dir() -> Path:
    """Where attachments opened with "Open" are written for the system's
    program: the app's own cache, emptied when the app quits and, after a
    crash, when it starts again (see :func:`clear_open_cache`)."""
    return _ensure(cache_dir() / "open")


def new_open_folder() -> Path:
    """A new private folder in :func:`open_cache_dir` for one opened
    attachment: the file keeps its own name, and two opens never collide."""
    return Path(tempfile.mkdtemp(prefix="open-", dir=open_cache_dir()))


def clear_open_cache() -> int:
    """Remove everything written for "Open"; returns how many entries went.

    What cannot be removed (on Windows, a file a program still holds open)
    stays until the next start clears it.
    """
    folder = open_cache_dir()
    removed = 0
    for entry in folder.iterdir():
        try:
            # A link is removed, never followed: nothing outside the cache is touched.
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError as error:
            log.info("could not remove the opened file %s yet: %s", entry, error)
        else:
            removed += 1
    return removed
