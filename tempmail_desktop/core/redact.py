"""Keep API keys out of every log line, message and file.

Keys are registered when they are loaded; a logging filter replaces them
wherever they appear, and URL query parameters that carry keys (Cat Mails'
``key=``, GPTMail's ``api_key=``) are masked even for keys never registered.
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"
_QUERY_KEY_RE = re.compile(r"(?i)([?&](?:key|api_key|apikey|token)=)[^&#\s'\"]+")
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """Remember a secret so that :func:`redact` removes it from any text."""
    if secret and len(secret) >= 4:
        with _lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    text = _QUERY_KEY_RE.sub(lambda m: m.group(1) + MASK, text)
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Logging filter that renders the record and redacts it in place."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not kill logging
            message = str(record.msg)
        clean = redact(message)
        if clean != message or record.args:
            record.msg = clean
            record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of ``logger`` (root by default)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
