"""Keep API keys out of every log line, message and file.

Keys are registered when they are loaded; :func:`redact` replaces them
wherever they appear, and URL query parameters that carry keys (Cat Mails'
``key=``, GPTMail's ``api_key=``) are masked even for keys never registered.

Logs are redacted twice: :class:`RedactingFilter` cleans the record itself
(message, traceback and stack, rendered early so that every handler after it
sees the clean text), and :class:`RedactingFormatter` redacts the final line
it formats, whatever put a key there. The formatter is the guarantee: a
filter runs before a handler formats, so on its own it would miss a traceback
whose text does not exist yet.

Length rule: a key of ``MIN_ANYWHERE`` characters or more is masked wherever
it appears, inside other text too. A shorter key (nobody should have one,
but a user can set "abc") is masked only where it stands alone, between
characters that are neither letters nor digits (``key: abc``, ``'abc'``,
``Bearer abc``): masking every "a" inside every word for a one-letter key
would leave the log unreadable, and a key glued inside a longer word is not
the key being shown.
"""

from __future__ import annotations

import json
import logging
import re
import threading

MASK = "***"
MIN_ANYWHERE = 4
_QUERY_KEY_RE = re.compile(r"(?i)([?&](?:key|api_key|apikey|token)=)[^&#\s'\"]+")
# Spelling of a key -> None (mask it anywhere) or the pattern of it standing alone.
_secrets: dict[str, re.Pattern[str] | None] = {}
_lock = threading.Lock()
# Renders tracebacks the way logging.Formatter does, for the filter.
_TRACEBACKS = logging.Formatter()


def _spellings(secret: str) -> set[str]:
    """The key, and the escaped forms error messages quote it in (``repr``
    of the text or of its bytes, JSON): a key with a line break shows up as
    ``ab\\ncd``, never with the line break itself."""
    return {
        secret,
        repr(secret)[1:-1],
        repr(secret.encode("utf-8", "surrogatepass"))[2:-1],
        json.dumps(secret)[1:-1],
    }


def register_secret(secret: str | None) -> None:
    """Remember a secret so that :func:`redact` removes it from any text."""
    if not secret:
        return
    with _lock:
        for spelling in _spellings(secret):
            if spelling in _secrets:
                continue
            _secrets[spelling] = (
                None
                if len(spelling) >= MIN_ANYWHERE
                else re.compile(rf"(?<![^\W_]){re.escape(spelling)}(?![^\W_])")
            )


def redact(text: str) -> str:
    text = _QUERY_KEY_RE.sub(lambda m: m.group(1) + MASK, text)
    with _lock:
        secrets = sorted(_secrets.items(), key=lambda item: len(item[0]), reverse=True)
    for secret, alone in secrets:
        if secret not in text:
            continue
        text = text.replace(secret, MASK) if alone is None else alone.sub(MASK, text)
    return text


class RedactingFilter(logging.Filter):
    """Logging filter that renders the record and redacts it in place:
    message, traceback and stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not kill logging
            message = str(record.msg)
        clean = redact(message)
        if clean != message or record.args:
            record.msg = clean
            record.args = None
        if record.exc_info and not record.exc_text:
            # Rendered now, so that it is redacted before any handler formats
            # it; formatters use an exc_text that is already there.
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """A logging.Formatter whose whole output is redacted: the message,
    the traceback and the stack, exactly as they are written."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
