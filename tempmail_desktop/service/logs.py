"""Logging for the CLI, the GUI and the bundle: a rotating file in the data
folder (a windowed build has no stderr), keys redacted everywhere: each of
our handlers redacts the whole line it writes, traceback included (see
:mod:`tempmail_desktop.core.redact`)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from ..core.log_names import QUIET_LIBRARIES
from ..core.redact import RedactingFilter, RedactingFormatter, redact
from .paths import log_dir


class _OneLineErrors:
    """A handler of ours that cannot write (disk full, a closed stream) says
    so in one redacted line. logging's own fallback prints a traceback to
    stderr, and that chains the exception being logged: key and all, on the
    user's terminal."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not logging.raiseExceptions or sys.stderr is None:
            return
        error = sys.exc_info()[1]
        try:
            sys.stderr.write(redact(f"tempmail: the log could not be written ({type(error).__name__}: {error})\n"))
        except Exception:  # nowhere left to say it
            pass


class _FileHandler(_OneLineErrors, logging.handlers.RotatingFileHandler):
    pass


class _StreamHandler(_OneLineErrors, logging.StreamHandler):
    pass


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
        file_handler = _FileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(
            RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        _add(root, file_handler)
    except OSError:
        path = None  # a read-only home must not stop the app
    if stderr_level is not None:
        stream = _StreamHandler()
        stream.setLevel(stderr_level)
        stream.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        _add(root, stream)
    for name in QUIET_LIBRARIES:  # they log request URLs, and Cat Mails puts its key in one
        logging.getLogger(name).setLevel(logging.WARNING)
    return path


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    # The filter cleans the record for whatever handles it after ours; the
    # formatter makes sure of what ours write.
    handler.addFilter(RedactingFilter())
    handler._tempmail = True  # type: ignore[attr-defined]
    root.addHandler(handler)
