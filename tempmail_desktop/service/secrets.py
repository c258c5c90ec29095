"""API keys: the environment, the OS keyring, or (only if the user agreed)
this process's memory. Never a file.

Where a key comes from, in order: ``TEMPMAIL_<ID>_KEY`` (never written
anywhere), the OS keyring, a key the user allowed for this session only, the
service's public test key. A key that could never be sent in a header (a
line break or another control character inside) is refused wherever it
comes from, in words that never repeat it. Every keyring call runs in a
worker thread under a timeout: a Secret Service that hangs on D-Bus must not
freeze the window.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
from keyring.backend import KeyringBackend

from ..core import log_names, texts
from ..core.errors import InvalidKeyError, SecretsUnavailableError
from ..core.keys import KeyLookup, KeyringState, KeySource, env_var_name, key_problem
from ..core.redact import redact, register_secret

log = logging.getLogger(log_names.SECRETS)

SERVICE_NAME = "tempmail-desktop"
# After the keyring failed, lookups skip it for this long instead of waiting
# out the timeout again on every poll; explicit set/delete/status still try.
KEYRING_RETRY_SECONDS = 30.0

_PROVIDER_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
_T = TypeVar("_T")


class NoKeyringError(SecretsUnavailableError):
    """No keyring answers: none is installed, or no Secret Service runs.

    ``nothing_stored`` is True when there is no keyring backend at all, so no
    key can be waiting in one (as opposed to a Secret Service that is merely
    not running now).
    """

    # The window can keep a key in memory instead; the command cannot.
    default_way_out = texts.WayOut.KEEP_FOR_SESSION

    def __init__(self, message: str, *, nothing_stored: bool) -> None:
        super().__init__(message)
        self.nothing_stored = nothing_stored


class KeyringLockedError(SecretsUnavailableError):
    """The keyring exists but is locked (the user declined or was not asked to unlock)."""


class KeyringTimeoutError(SecretsUnavailableError):
    """The keyring did not answer in time (typically a stuck D-Bus service)."""


def check_key(
    key: str,
    provider_id: str | None = None,
    *,
    variable: str | None = None,
    stored: bool = False,
) -> None:
    """InvalidKeyError unless ``key`` can be sent (see :func:`key_problem`).
    The key was given now, or read from the environment ``variable``, or
    ``stored`` in the keyring (then storing it again is the way out, which
    the window and the command each offer in their own words)."""
    problem = key_problem(key)
    if problem is None:
        return
    way_out = None
    if variable is not None:
        said = texts.ENV_KEY_UNSENDABLE(variable=variable, problem=problem)
    elif stored:
        said = texts.STORED_KEY_UNSENDABLE(provider=provider_id, problem=problem)
        way_out = texts.WayOut.STORE_KEY_AGAIN
    else:
        said = texts.KEY_UNSENDABLE(problem=problem)
    raise InvalidKeyError(said, provider=provider_id, way_out=way_out)


def _check_provider_id(provider_id: str) -> None:
    if not _PROVIDER_ID_RE.fullmatch(provider_id or ""):
        raise ValueError(f"not a provider id: {provider_id!r}")


def _backend_label(backend: KeyringBackend) -> str:
    """"SecretService", "macOS", "Windows"... from where the backend lives."""
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        return " + ".join(_backend_label(b) for b in backend.backends)
    module = type(backend).__module__
    if module.startswith("keyring.backends."):
        return module.removeprefix("keyring.backends.").split(".")[0]
    return type(backend).__name__


def _is_unusable(backend: KeyringBackend) -> bool:
    # The null backend and an empty chainer accept a key and silently drop
    # it; the fail backend raises. None of them is a keyring.
    if isinstance(backend, (keyring.backends.fail.Keyring, keyring.backends.null.Keyring)):
        return True
    return isinstance(backend, keyring.backends.chainer.ChainerBackend) and not backend.backends


def _is_dbus_error(error: BaseException) -> bool:
    module = type(error).__module__ or ""
    return module.split(".")[0] in {"dbus", "jeepney", "secretstorage", "dbus_next"}


def _no_keyring_variable(provider_id: str | None) -> str:
    return env_var_name(provider_id) if provider_id else "TEMPMAIL_<ID>_KEY"


class Secrets:
    """The one place keys are read and stored.

    The session-only keys live in this object: the app keeps one Secrets for
    the life of the process.
    """

    def __init__(self, timeout: float = 5.0, *, backend: KeyringBackend | None = None) -> None:
        self.timeout = timeout
        # None: whatever keyring.get_keyring() picks (the OS keyring), read at
        # each call so a keyring configured later is seen.
        self._backend = backend
        self._session: dict[str, str] = {}
        # The user's one choice, for every service: while the keyring cannot
        # be used, keys they store are kept in memory instead of refused.
        self._session_only = False
        # (when, what failed) after the keyring failed; see KEYRING_RETRY_SECONDS.
        self._keyring_down: tuple[float, Exception] | None = None

    # -- public ------------------------------------------------------------

    async def get(self, provider_id: str, default_key: str | None = None) -> KeyLookup:
        """The key to use for ``provider_id``. Never raises for an unusable
        keyring: the lookup goes on to the session key and the default, and
        says what was wrong in ``keyring_problem``. A key that is found but
        can never be sent (a line break inside, see :func:`key_problem`) is
        refused with InvalidKeyError rather than skipped: falling back to
        another key would hide what is wrong."""
        _check_provider_id(provider_id)
        env_name = env_var_name(provider_id)
        from_env = os.environ.get(env_name, "").strip()
        if from_env:
            register_secret(from_env)
            check_key(from_env, provider_id, variable=env_name)
            return KeyLookup(from_env, KeySource.ENV, texts.KEY_FROM_ENV(variable=env_name))

        problem: str | None = None
        try:
            stored, label = await self._keyring_get(provider_id)
        except SecretsUnavailableError as error:
            problem = error.said
        else:
            # Trimmed like the environment's: a key stored by another tool
            # (``secret-tool store`` from ``echo``) may end in a newline.
            stored = (stored or "").strip()
            if stored:
                register_secret(stored)
                check_key(stored, provider_id, stored=True)
                return KeyLookup(stored, KeySource.KEYRING, texts.KEY_FROM_KEYRING(backend=label))

        session_key = self._session.get(provider_id)
        if session_key:
            return KeyLookup(session_key, KeySource.SESSION, texts.KEY_FOR_SESSION(), problem)
        if default_key:
            register_secret(default_key)
            return KeyLookup(default_key, KeySource.DEFAULT, texts.KEY_DEFAULT(), problem)
        return KeyLookup(None, KeySource.NONE, texts.KEY_NONE(), problem)

    async def set(self, provider_id: str, key: str) -> KeyLookup:
        """Store ``key`` in the OS keyring. InvalidKeyError for a key that
        cannot be sent (see :func:`key_problem`); SecretsUnavailableError (or
        a subclass) when there is no usable keyring. Nothing is stored then."""
        _check_provider_id(provider_id)
        key = key.strip()
        if not key:
            raise ValueError(texts.KEY_EMPTY())
        register_secret(key)  # before any error text could carry it
        check_key(key, provider_id)

        def store(backend: KeyringBackend) -> None:
            backend.set_password(SERVICE_NAME, provider_id, key)

        try:
            _nothing, label = await self._call(provider_id, store)
        except SecretsUnavailableError as error:
            if not self._session_only:
                raise
            # The user chose this once for every service: no second question.
            self._session[provider_id] = key
            log.info("the %s key is kept for this session only (no usable keyring, as the user chose)",
                     provider_id)
            return KeyLookup(key, KeySource.SESSION, texts.KEY_FOR_SESSION(), error.said)
        # The keyring holds it now; no need to keep a copy in memory.
        self._session.pop(provider_id, None)
        log.info("stored the %s key in the OS keyring (%s)", provider_id, label)
        return KeyLookup(key, KeySource.KEYRING, texts.KEY_FROM_KEYRING(backend=label))

    async def delete(self, provider_id: str) -> bool:
        """Forget the stored key (keyring and session). True if there was one.

        With no keyring at all only the session key can exist, so that is not
        an error; a locked or silent keyring is (the key may still be in it).
        """
        _check_provider_id(provider_id)
        had_session_key = self._session.pop(provider_id, None) is not None

        def remove(backend: KeyringBackend) -> bool:
            try:
                backend.delete_password(SERVICE_NAME, provider_id)
            except keyring.errors.PasswordDeleteError:
                return False  # nothing stored
            return True

        try:
            removed, _label = await self._call(provider_id, remove)
        except NoKeyringError as error:
            if error.nothing_stored:
                return had_session_key
            raise
        return removed or had_session_key

    @property
    def session_only(self) -> bool:
        """Whether keys stored while the keyring cannot be used are kept for the session."""
        return self._session_only

    def keep_keys_for_session(self, enabled: bool) -> None:
        """The user's choice, for every service: while the keyring cannot be
        used, :meth:`set` keeps a key in this process's memory instead of
        refusing it. Keys already kept stay until removed or the app quits."""
        self._session_only = bool(enabled)
        log.info("keys are %s kept for this session when the keyring cannot be used",
                 "now" if enabled else "no longer")

    async def keyring_state(self) -> KeyringState:
        """Whether the OS keyring can keep keys now (one answer for every
        service). After a recent failure it answers from that failure at once
        instead of waiting on the keyring again."""
        try:
            if self._keyring_down is not None and time.monotonic() - self._keyring_down[0] < KEYRING_RETRY_SECONDS:
                raise self._translate(self._keyring_down[1], None)
            # A read of a name no service uses: it answers what a key lookup would meet.
            await self._call(None, lambda backend: backend.get_password(SERVICE_NAME, "keyring-state"))
        except NoKeyringError as error:
            return KeyringState(False, error.said, missing=True, session_only=self._session_only)
        except SecretsUnavailableError as error:
            return KeyringState(False, error.said, session_only=self._session_only)
        return KeyringState(True, session_only=self._session_only)

    def allow_session_only(self, provider_id: str, key: str) -> None:
        """Keep ``key`` in this process's memory only. Call it only after the
        user accepted that, when the keyring is unusable; it is never written."""
        _check_provider_id(provider_id)
        key = key.strip()
        if not key:
            raise ValueError(texts.KEY_EMPTY())
        register_secret(key)
        check_key(key, provider_id)
        self._session[provider_id] = key

    # -- the keyring, off the event loop ----------------------------------------

    async def _keyring_get(self, provider_id: str) -> tuple[str | None, str]:
        if self._keyring_down is not None:
            since, failure = self._keyring_down
            if time.monotonic() - since < KEYRING_RETRY_SECONDS:
                raise self._translate(failure, provider_id)
        return await self._call(
            provider_id, lambda backend: backend.get_password(SERVICE_NAME, provider_id)
        )

    async def _call(
        self, provider_id: str | None, work: Callable[[KeyringBackend], _T]
    ) -> tuple[_T, str]:
        """Run ``work(backend)`` in a thread under the timeout; every failure
        comes back as a SecretsUnavailableError in words."""

        def resolve_and_work() -> tuple[_T, str]:
            # keyring.get_keyring() may itself talk to D-Bus the first time.
            backend = self._backend if self._backend is not None else keyring.get_keyring()
            if _is_unusable(backend):
                raise keyring.errors.NoKeyringError(type(backend).__name__)
            return work(backend), _backend_label(backend)

        try:
            result = await _in_daemon_thread(resolve_and_work, self.timeout)
        except Exception as failure:  # every backend failure becomes one error in words
            error = self._translate(failure, provider_id)
            self._keyring_down = (time.monotonic(), failure)
            log.warning("OS keyring unavailable: %s", error)
            raise error from (None if isinstance(failure, asyncio.TimeoutError) else failure)
        self._keyring_down = None
        return result

    def _translate(self, failure: Exception, provider_id: str | None) -> SecretsUnavailableError:
        if isinstance(failure, asyncio.TimeoutError):
            return KeyringTimeoutError(texts.KEYRING_TIMEOUT(seconds=f"{self.timeout:g}"))
        said = redact(str(failure)) or type(failure).__name__
        if isinstance(failure, keyring.errors.NoKeyringError):
            return NoKeyringError(texts.NO_KEYRING(variable=_no_keyring_variable(provider_id)),
                                  nothing_stored=True)
        if type(failure).__name__ == "SecretServiceNotAvailableException":
            # secretstorage's "no bus / nobody owns org.freedesktop.secrets".
            return NoKeyringError(texts.NO_KEYRING_SAID(variable=_no_keyring_variable(provider_id), said=said),
                                  nothing_stored=False)
        if isinstance(failure, keyring.errors.KeyringLocked):
            return KeyringLockedError(texts.KEYRING_LOCKED())
        if isinstance(failure, keyring.errors.InitError):
            return SecretsUnavailableError(texts.KEYRING_NOT_OPENED(said=said))
        if _is_dbus_error(failure) or isinstance(failure, (ConnectionError, EOFError)):
            return SecretsUnavailableError(texts.KEYRING_NO_DBUS(said=said))
        if isinstance(failure, keyring.errors.KeyringError):
            return SecretsUnavailableError(texts.KEYRING_REFUSED(said=said))
        return SecretsUnavailableError(texts.KEYRING_FAILED(kind=type(failure).__name__, said=said))


async def _in_daemon_thread(work: Callable[[], _T], timeout: float) -> _T:
    """``work()`` in a daemon thread, awaited for at most ``timeout`` seconds.

    Not ``asyncio.to_thread``: the default executor's threads are joined when
    the loop and the interpreter shut down, so one D-Bus call stuck forever
    would keep the app from quitting after the timeout fired. A daemon
    thread is simply abandoned.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[_T] = loop.create_future()

    def settle(result: object, error: BaseException | None) -> None:
        if future.done():  # timed out meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            outcome: tuple[object, BaseException | None] = (work(), None)
        except BaseException as error:  # handed to the awaiting task
            outcome = (None, error)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:
            pass  # the loop is gone: nobody is waiting any more

    threading.Thread(target=run, name="tempmail-keyring", daemon=True).start()
    return await asyncio.wait_for(future, timeout)
