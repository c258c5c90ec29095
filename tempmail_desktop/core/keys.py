"""API keys as the app describes them: where one came from, and whether it
could be sent at all. Plain data, shared by the keyring code (service/), the
command and the Settings dialog."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from . import texts


class KeySource(StrEnum):
    ENV = "env"
    KEYRING = "keyring"
    SESSION = "session"
    DEFAULT = "default"
    NONE = "none"


@dataclass(frozen=True)
class KeyLookup:
    """A key and where it came from, in words fit for the user."""

    key: str | None = field(repr=False)  # a logged lookup must not print the key
    source: KeySource
    detail: str  # a texts.Said where it comes from the service layer
    # Why the keyring could not be read, when the key had to come from elsewhere
    # (a texts.Said, without a way out: the surface adds its own).
    keyring_problem: str | None = None


@dataclass(frozen=True)
class KeyringState:
    """Whether the OS keyring can keep keys now, for every service at once,
    and what the user chose to do while it cannot."""

    usable: bool
    # Why not (a texts.Said, without a way out), when it is not usable.
    problem: str | None = None
    # No keyring at all (none installed, no Secret Service), as opposed to a
    # keyring that is locked or does not answer.
    missing: bool = False
    # The user agreed that keys entered while the keyring cannot be used are
    # kept in memory until the app quits (one choice for every service).
    session_only: bool = False


def env_var_name(provider_id: str) -> str:
    return f"TEMPMAIL_{provider_id.upper()}_KEY"


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be sent to a service, naming the kind of character
    and never the key; None when it can be sent.

    Keys travel in HTTP headers (and Cat Mails' in a URL), which carry
    printable ASCII only: a line break would end the header (httpx refuses
    it with an error that quotes the whole key), and anything outside ASCII
    cannot be encoded at all. No service issues keys with such characters,
    so one is always a paste accident (a trailing line of a file, a
    non-breaking space from a web page). A space inside is allowed: a
    header can carry it.
    """
    for char in key:
        code = ord(char)
        if char in "\r\n":
            return texts.KEY_HAS_LINE_BREAK(code=f"{code:04X}")
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return texts.KEY_HAS_CONTROL(code=f"{code:04X}")
        if code > 0x7E:
            return texts.KEY_HAS_NON_ASCII(code=f"{code:04X}")
    return None
