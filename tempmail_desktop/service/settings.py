"""User settings, declared in one place (``SETTINGS``) and kept in a JSON file.

The file holds only what the user changed, so a later version can improve a
default. Where an environment variable of the contract names the same thing
(``TEMPMAIL_<ID>_URL``, ``TEMPMAIL_CATMAILS_WS_URL``) it wins over the
setting; the helpers at the bottom resolve that precedence.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..core import log_names, texts
from ..core.redact import redact
from ..core.timeutil import utcnow
from . import paths

log = logging.getLogger(log_names.SETTINGS)

# The providers' ids, spelled out so that settings never import the providers
# package (the CLI reads settings before it loads any provider).
PROVIDER_IDS: tuple[str, ...] = ("gptmail", "tempmailg", "catmails", "worker")

POLL_SPEEDS: dict[str, float] = {"fast": 0.5, "normal": 1.0, "slow": 2.0}


# Settings' ValueErrors carry a texts.Said as their argument, so the window
# can translate them (str() of the error is the English).


def _check_url(value: str, schemes: tuple[str, str], what: str) -> str:
    """``value`` trimmed; ValueError unless it is a URL with one of
    ``schemes`` and a host."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in schemes or not parts.hostname:
        wanted = texts.OR(first=f"{schemes[0]}://", second=f"{schemes[1]}://")
        # redact: a pasted URL may carry a key in its query (Cat Mails' key=).
        raise ValueError(texts.URL_SCHEME(what=what, wanted=wanted, value=repr(redact(value))))
    return value


def _http_url_or_blank(value: str) -> None:
    if value.strip():
        _check_url(value, ("http", "https"), texts.A_SERVICE_ADDRESS())


def _ws_url_or_blank(value: str) -> None:
    if value.strip():
        _check_url(value, ("ws", "wss"), texts.A_WEBSOCKET_ADDRESS())


def _non_negative(value: int) -> None:
    if value < 0:
        raise ValueError(texts.SECONDS_NEGATIVE())


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type  # str, bool or int
    description: str
    choices: tuple[str, ...] | None = None
    # Further rule on the value; raises ValueError with a sentence for the user.
    check: Callable[[Any], None] | None = None


def _provider_settings() -> Iterator[Setting]:
    for pid in PROVIDER_IDS:
        yield Setting(
            f"providers.{pid}.base_url", "", str,
            f"Address of the {pid} service (for a self-hosted instance); "
            "empty for the service's own.",
            check=_http_url_or_blank,
        )
        if pid == "catmails":
            yield Setting(
                "providers.catmails.ws_url", "", str,
                "Address of the Cat Mails push WebSocket; empty for the service default.",
                check=_ws_url_or_blank,
            )
        yield Setting(
            f"providers.{pid}.poll", "normal", str,
            f"How often {pid} mailboxes are checked: fast, normal or slow.",
            choices=tuple(POLL_SPEEDS),
        )


SETTINGS: tuple[Setting, ...] = (
    *_provider_settings(),
    # Replaces poll.active_window_seconds (3 minutes, selection only); an old file's
    # value of it is kept as an unknown key and no longer read.
    Setting("poll.hot_minutes", 15, int,
            "For how many minutes a mailbox is checked quickly after it was made, "
            "selected, opened from a notification or got mail.",
            check=_non_negative),
    Setting("notifications.enabled", True, bool, "Show a desktop notification for new mail."),
    Setting("notifications.show_code", True, bool,
            "Show a verification code found in the mail in its notification."),
    Setting("notifications.paused", False, bool, "Pause notifications (do not disturb)."),
    Setting("clipboard.auto_copy_code", False, bool,
            "Copy a verification code to the clipboard as soon as its mail arrives."),
    # On by default: where a tray host runs, closing the window hides it there (said once).
    Setting("tray.close_to_tray", True, bool,
            "Closing the window keeps the app running in the system tray."),
    Setting("tray.tell_hidden", True, bool,
            "Say, when the window closes to the tray, that the app keeps running there."),
    Setting("tray.start_hidden", False, bool, "Start in the system tray without a window."),
    Setting("ui.language", "system", str, "Language of the interface.",
            choices=("system", "en", "zh_CN")),
    Setting("ui.theme", "system", str, "Colour theme.", choices=("system", "light", "dark")),
    Setting("ui.remote_images", "ask", str,
            "Whether mail may load pictures from the internet: ask each time, or never.",
            choices=("ask", "never")),
    Setting("ui.window_state", "", str, "Window size and layout (base64, kept by the window)."),
    Setting("default_provider", "gptmail", str, "Service used for a new mailbox.",
            choices=PROVIDER_IDS),
)

_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    """The declaration of ``key``; KeyError for an unknown key."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}") from None


def _validated(spec: Setting, value: Any) -> Any:
    # bool is an int in Python; a checkbox's True must not pass for 1 second.
    if type(value) is not spec.kind:
        kind = {str: texts.KIND_TEXT, bool: texts.KIND_BOOL, int: texts.KIND_INT}[spec.kind]()
        raise ValueError(texts.SETTING_KIND(key=spec.key, kind=kind, value=repr(value)))
    if spec.choices is not None and value not in spec.choices:
        raise ValueError(texts.SETTING_CHOICE(key=spec.key, choices=", ".join(spec.choices), value=repr(value)))
    if spec.check is not None:
        try:
            spec.check(value)
        except ValueError as error:
            problem = error.args[0] if error.args and isinstance(error.args[0], texts.Said) else str(error)
            raise ValueError(texts.SETTING_PROBLEM(key=spec.key, problem=problem)) from None
    return value


class Settings:
    """The user's settings: defaults from ``SETTINGS`` plus what the file says."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.settings_path()
        self._values: dict[str, Any] = {}
        # Keys this version does not know (written by a newer one): kept and
        # written back, so going back and forth between versions loses nothing.
        self._unknown: dict[str, Any] = {}

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> "Settings":
        """Read the settings file. A missing file gives the defaults; a corrupt
        one is moved aside (``settings.json.bad-<time>``) with a warning, so
        the user's file is never lost silently."""
        settings = cls(path)
        settings._read()
        return settings

    def _read(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            log.warning("cannot read the settings file %s (%s); using defaults", self.path, error)
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the file does not hold a JSON object")
        except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            self._keep_corrupt_file(error)
            return
        for key, value in data.items():
            spec = _BY_KEY.get(key)
            if spec is None:
                self._unknown[key] = value
                continue
            try:
                self._values[key] = _validated(spec, value)
            except ValueError as error:
                log.warning("ignoring a bad value in %s: %s Using the default, %r.",
                            self.path, error, spec.default)

    def _keep_corrupt_file(self, error: Exception) -> None:
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.bad-{stamp}")
        serial = 1
        while aside.exists():
            serial += 1
            aside = self.path.with_name(f"{self.path.name}.bad-{stamp}-{serial}")
        try:
            os.replace(self.path, aside)
        except OSError as move_error:
            log.warning("the settings file %s is damaged (%s) and could not be moved aside "
                        "(%s); using defaults for now", self.path, error, move_error)
            return
        log.warning("the settings file %s is damaged (%s); kept it as %s and started from "
                    "the defaults", self.path, error, aside)

    def get(self, key: str) -> Any:
        spec = setting(key)
        return self._values.get(key, spec.default)

    def set(self, key: str, value: Any) -> None:
        """Change a setting (in memory; :meth:`save` writes it). ValueError,
        in a sentence, for a value of the wrong kind or not among the choices."""
        self._values[key] = _validated(setting(key), value)

    def reset(self, key: str) -> None:
        """Back to the default."""
        setting(key)
        self._values.pop(key, None)

    def is_default(self, key: str) -> bool:
        setting(key)
        return key not in self._values

    def save(self) -> None:
        """Write the file atomically: readers see the old file or the new one,
        never half of one, even if the app dies while writing."""
        data = dict(self._unknown)
        data.update(self._values)
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-",
                                         suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as temp:
                temp.write(text)
                temp.flush()
                os.fsync(temp.fileno())
            os.chmod(temp_name, 0o600)  # mkstemp's mode already; said again on purpose
            os.replace(temp_name, self.path)
        except BaseException:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
            raise


# --- effective values: environment > setting > service default ----------------------


def _env_name(provider_id: str, what: str) -> str:
    return f"TEMPMAIL_{provider_id.upper()}_{what}"


def base_url(settings: Settings | None, provider_id: str, default: str) -> str:
    """The service address to use: ``TEMPMAIL_<ID>_URL``, else the setting,
    else ``default``; without a trailing slash. ValueError naming where a
    non-http(s) address came from."""
    env_name = _env_name(provider_id, "URL")
    from_env = os.environ.get(env_name, "").strip()
    from_setting = settings.get(f"providers.{provider_id}.base_url") if settings else ""
    if from_env:
        chosen = _check_url(from_env, ("http", "https"), env_name)
    elif from_setting.strip():
        chosen = _check_url(from_setting, ("http", "https"),
                            f"The setting providers.{provider_id}.base_url")
    else:
        chosen = _check_url(default, ("http", "https"), f"The default address of {provider_id}")
    # The client appends the documented paths ("/api/..."): no doubled slash.
    return chosen.rstrip("/")


def ws_url(settings: Settings | None, default: str) -> str:
    """The Cat Mails push address: ``TEMPMAIL_CATMAILS_WS_URL``, else the
    setting, else ``default``, as given (its path may matter to the server).
    ValueError unless ws:// or wss://."""
    env_name = _env_name("catmails", "WS_URL")
    from_env = os.environ.get(env_name, "").strip()
    if from_env:
        return _check_url(from_env, ("ws", "wss"), env_name)
    from_setting = settings.get("providers.catmails.ws_url") if settings else ""
    if from_setting.strip():
        return _check_url(from_setting, ("ws", "wss"), "The setting providers.catmails.ws_url")
    return _check_url(default, ("ws", "wss"), "The default Cat Mails WebSocket address")


def poll_factor(settings: Settings | None, provider_id: str) -> float:
    """Multiplier for a provider's poll intervals: fast 0.5, normal 1, slow 2."""
    speed = settings.get(f"providers.{provider_id}.poll") if settings else "normal"
    return POLL_SPEEDS[speed]
