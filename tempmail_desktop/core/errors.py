"""The error hierarchy.

Every failure a user can meet is one of these. Providers raise them, the
service layer passes them on, the CLI maps ``exit_code`` to the contract's
exit codes and the GUI shows ``str(error)`` in words. Messages never contain
an API key (see :mod:`tempmail_desktop.core.redact`).
"""

from __future__ import annotations

import re
from datetime import datetime

# The command's way out, as the layers below write it into a message ("run
# 'tempmail key set gptmail' or set TEMPMAIL_GPTMAIL_KEY"). The window has
# its own way out (Settings) and offers that instead; see without_command_way_out.
_COMMAND_WAY_OUT = re.compile(
    r"\s*[;:,]?\s*(?:or\s+)?(?:run|set your own with|with)\s+'tempmail [^']*'"
    r"(?:\s+or\s+(?:set\s+)?TEMPMAIL_[A-Z0-9_]+)?"
)


class TempmailError(Exception):
    """Base class: a failure with a message fit to show a user."""

    exit_code = 1
    kind = "error"

    def __init__(self, message: str, *, provider: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider

    def __str__(self) -> str:
        return self.message

    def without_command_way_out(self) -> str:
        """The message without what only the command offers ("run 'tempmail
        key set …'", "or set TEMPMAIL_…_KEY"), for the window, which names
        its own way out by the error's ``kind``."""
        return _COMMAND_WAY_OUT.sub("", self.message).strip()


class UsageError(TempmailError):
    """The caller asked for something malformed (bad prefix, unknown address...)."""

    exit_code = 2
    kind = "usage"


class AuthError(TempmailError):
    """Key missing, rejected, or not allowed for that mailbox."""

    exit_code = 3
    kind = "auth"


class InvalidKeyError(AuthError):
    """A key that can never be sent: it holds a line break, another control
    character, or a character an HTTP header cannot carry. The message says
    which kind of character and where the key came from, never the key."""

    kind = "bad-key"


# Words that already tell a user "you hit a limit"; a service's text without
# them ("Slow down", "Internal error", nothing) is quoted after ours.
QUOTA_WORDS = ("quota", "rate limit", "rate-limit", "too many requests")


class QuotaError(TempmailError):
    """Quota or rate limit reached; ``reset_at`` is when it lifts, if known.

    Whatever a service sent with its 429, the message says it is a quota or
    a rate limit: that is what the status means, and what the user can act on.
    """

    exit_code = 4
    kind = "quota"

    def __init__(
        self, message: str, *, provider: str | None = None, reset_at: datetime | None = None
    ) -> None:
        said = message.strip()
        if not said:
            message = "quota or rate limit reached"
        elif not any(words in said.lower() for words in QUOTA_WORDS):
            message = f"quota or rate limit reached (the service said: {said})"
        super().__init__(message, provider=provider)
        self.reset_at = reset_at


class NotFoundError(TempmailError):
    """Mailbox or message not found."""

    exit_code = 5
    kind = "not-found"


class UnavailableError(TempmailError):
    """Service unreachable, or failing after retries."""

    exit_code = 6
    kind = "unavailable"


class ServiceFailingError(UnavailableError):
    """The service was reached and answered with an error of its own (HTTP 5xx),
    after retries: "failing", not "offline" (that word is for no connection)."""

    kind = "failing"


class ProtocolError(UnavailableError):
    """The service answered, but not in its documented shape (HTML page, broken JSON)."""

    kind = "protocol"


class UnsupportedError(TempmailError):
    """The service cannot do this at all (no such endpoint in its API)."""

    exit_code = 1
    kind = "unsupported"


class RejectedError(TempmailError):
    """The service refused the request for a reason it gave (HTTP 400 and the like)."""

    exit_code = 1
    kind = "rejected"


class SecretsUnavailableError(TempmailError):
    """No usable OS keyring (no backend, locked, or timed out)."""

    exit_code = 3
    kind = "keyring"


class TimeoutExpired(TempmailError):
    """``wait`` ran out of time."""

    exit_code = 7
    kind = "timeout"
