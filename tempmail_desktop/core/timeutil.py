"""Time parsing: every service writes times its own way; we keep aware UTC."""

from __future__ import annotations

from datetime import datetime, timezone

UTC = timezone.utc


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_time(value: object) -> datetime | None:
    """Parse a service's time into an aware UTC datetime.

    Accepts Unix seconds (int/float/digit string), ISO 8601 with ``Z`` or an
    offset, and the zone-less ``YYYY-MM-DD HH:MM:SS`` that several services
    send, which the contract says to read as UTC. Returns None for empty or
    unparseable input rather than raising: a bad date must not lose a mail.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(float(value), UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    text = str(value).strip()
    if text.isdigit():
        return parse_time(int(text))
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def to_iso(value: datetime | None) -> str | None:
    """ISO 8601 with a ``T`` and ``Z`` for UTC, as the contract's JSON wants."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    text = value.astimezone(UTC).isoformat(timespec="seconds")
    return text.replace("+00:00", "Z")
