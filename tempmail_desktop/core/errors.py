"""The error hierarchy.

Every failure a user can meet is one of these. Providers raise them, the
service layer passes them on, the CLI maps ``exit_code`` to the contract's
exit codes. An error's text is a :class:`~tempmail_desktop.core.texts.Said`
from the catalog (core/texts.py): ``str(error)`` is the English, and the
window translates its template. How to get out of it is not in the text:
``way_out`` names it, and the command (cli.py) and the window
(ui/error_words.py) each say it in their own words. Messages never contain
an API key (see :mod:`tempmail_desktop.core.redact`).
"""

from __future__ import annotations

from datetime import datetime

from . import texts
from .texts import WayOut


class TempmailError(Exception):
    """Base class: a failure with a message fit to show a user."""

    exit_code = 1
    kind = "error"
    default_way_out: WayOut | None = None

    def __init__(self, message: str, *, provider: str | None = None,
                 way_out: WayOut | None = None) -> None:
        super().__init__(message)
        # A plain str (not from the catalog) is shown as it is, in English.
        self.message = message
        self.provider = provider
        self.way_out = way_out if way_out is not None else self.default_way_out

    def __str__(self) -> str:
        return str(self.message)

    @property
    def said(self) -> texts.Said:
        """The text as a catalog Said, a plain message wrapped as the service's words."""
        message = self.message
        return message if isinstance(message, texts.Said) else texts.SERVICE_WORDS(said=message)


class UsageError(TempmailError):
    """The caller asked for something malformed (bad prefix, unknown address...)."""

    exit_code = 2
    kind = "usage"


class AuthError(TempmailError):
    """Key missing, rejected, or not allowed for that mailbox."""

    exit_code = 3
    kind = "auth"
    default_way_out = WayOut.SET_KEY


class InvalidKeyError(AuthError):
    """A key that can never be sent: it holds a line break, another control
    character, or a character an HTTP header cannot carry. The message says
    which kind of character and where the key came from, never the key.
    The text says how to fix a key given here; a stored one names its way out."""

    kind = "bad-key"
    default_way_out = None


# Words that already tell a user "you hit a limit"; a service's text without
# them ("Slow down", "Internal error", nothing) is quoted after ours.
QUOTA_WORDS = ("quota", "rate limit", "rate-limit", "too many requests")


def quota_words(said: str | None) -> texts.Said:
    """What a 429 says, whatever the service sent: a quota or a rate limit."""
    if isinstance(said, texts.Said) and said.template != texts.SERVICE_WORDS.english:
        return said  # already our words (GPTMail's, with the reset time)
    said = (said or "").strip()
    if not said:
        return texts.QUOTA_REACHED()
    if any(words in said.lower() for words in QUOTA_WORDS):
        return texts.QUOTA_SAID(said=said)
    return texts.QUOTA_REACHED_SAID(said=said)


class QuotaError(TempmailError):
    """Quota or rate limit reached; ``reset_at`` is when it lifts, if known.

    Whatever a service sent with its 429, the message says it is a quota or
    a rate limit: that is what the status means, and what the user can act on.
    """

    exit_code = 4
    kind = "quota"
    default_way_out = WayOut.WAIT_QUOTA

    def __init__(
        self, message: str | None, *, provider: str | None = None, reset_at: datetime | None = None
    ) -> None:
        super().__init__(quota_words(message), provider=provider)
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
