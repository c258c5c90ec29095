"""Logging for the CLI, the GUI and the bundle: a rotating file in the data
folder (a windowed build has no stderr), keys redacted everywhere."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from ..core.redact import RedactingFilter
from .paths import log_dir

# Libraries that log request URLs (Cat Mails puts its key in one) stay quiet.
_QUIET = ("httpx", "httpcore", "websockets", "asyncio", "qasync", "keyring", "aiohttp")


def setup_logging(*, filename: str, stderr_level: int | None = None, level: int = logging.INFO) -> Path | None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_tempmail", False):
            root.removeHandler(handler)
            handler.close()
    path: Path | None = None
    try:
        path = log_dir() / filename
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        _add(root, file_handler)
    except OSError:
        path = None  # a read-only home must not stop the app
    if stderr_level is not None:
        stream = logging.StreamHandler()
        stream.setLevel(stderr_level)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        _add(root, stream)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    return path


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.addFilter(RedactingFilter())
    handler._tempmail = True  # type: ignore[attr-defined]
    root.addHandler(handler)
