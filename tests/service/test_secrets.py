"""Keys: environment first, the OS keyring, session-only on request, never a file."""

from __future__ import annotations

import asyncio
import os
import threading
import time
import uuid

import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
import secretstorage.exceptions
from keyring.backend import KeyringBackend

from tempmail_desktop.cli import failure_line
from tempmail_desktop.core.errors import InvalidKeyError, SecretsUnavailableError
from tempmail_desktop.core.redact import redact
from tempmail_desktop.service.secrets import (
    SERVICE_NAME,
    KeyLookup,
    KeyringLockedError,
    KeyringTimeoutError,
    KeySource,
    NoKeyringError,
    Secrets,
)


class RaisingKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def _fail(self, *_args):
        self.calls += 1
        raise self.error

    get_password = set_password = delete_password = _fail


class SlowKeyring(KeyringBackend):
    """Answers only when released (or after 10 s): a Secret Service stuck on D-Bus."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.calls = 0

    def _hang(self, *_args):
        self.calls += 1
        self.release.wait(10)

    get_password = set_password = delete_password = _hang


@pytest.fixture
def slow_keyring():
    backend = SlowKeyring()
    yield backend
    backend.release.set()


NO_KEYRING = "No OS keyring is available (no Secret Service running)"

BACKEND_FAILURES = {
    "no backend": (lambda: RaisingKeyring(keyring.errors.NoKeyringError("none")),
                   NoKeyringError, NO_KEYRING),
    "fail backend": (keyring.backends.fail.Keyring, NoKeyringError, NO_KEYRING),
    "null backend": (keyring.backends.null.Keyring, NoKeyringError, NO_KEYRING),
    "locked": (lambda: RaisingKeyring(keyring.errors.KeyringLocked("Failed to unlock")),
               KeyringLockedError, "The keyring is locked"),
    "init error": (lambda: RaisingKeyring(keyring.errors.InitError("no collection")),
                   SecretsUnavailableError, "could not be opened: no collection"),
    "no secret service": (
        lambda: RaisingKeyring(
            secretstorage.exceptions.SecretServiceNotAvailableException("bus unset")),
        NoKeyringError, NO_KEYRING),
    "dbus error": (
        lambda: RaisingKeyring(secretstorage.exceptions.ItemNotFoundException("item gone")),
        SecretsUnavailableError, "could not be reached over D-Bus: item gone"),
    "refused": (lambda: RaisingKeyring(keyring.errors.PasswordSetError("denied")),
                SecretsUnavailableError, "The OS keyring refused: denied"),
    "anything else": (lambda: RaisingKeyring(RuntimeError("odd")),
                      SecretsUnavailableError, "The OS keyring failed (RuntimeError): odd"),
}


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
@pytest.mark.parametrize(("make_backend", "error_type", "says"), BACKEND_FAILURES.values(),
                         ids=BACKEND_FAILURES.keys())
async def test_backend_failures_become_clear_errors(make_backend, error_type, says):
    secrets = Secrets(backend=make_backend())

    with pytest.raises(error_type, match=says.replace("(", r"\(").replace(")", r"\)")):
        await secrets.set("tempmailg", "user-key-123")

    lookup = await secrets.get("tempmailg")
    assert (lookup.key, lookup.source) == (None, KeySource.NONE)
    assert says in lookup.keyring_problem


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
async def test_a_silent_keyring_times_out_without_blocking_the_loop(slow_keyring):
    secrets = Secrets(timeout=0.2, backend=slow_keyring)
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(ticker())
    started = time.monotonic()
    try:
        with pytest.raises(KeyringTimeoutError, match="did not answer within 0.2 s"):
            await secrets.set("worker", "worker-key-1")
    finally:
        ticking.cancel()
    assert time.monotonic() - started < 2
    assert ticks >= 5  # the loop kept running while the keyring hung

    lookup = await secrets.get("worker", default_key="public-test")
    assert lookup.source is KeySource.DEFAULT
    assert "did not answer within 0.2 s" in lookup.keyring_problem


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
async def test_after_a_failure_lookups_do_not_wait_again(slow_keyring):
    secrets = Secrets(timeout=0.2, backend=slow_keyring)
    await secrets.get("worker")
    assert slow_keyring.calls == 1

    started = time.monotonic()
    again = await secrets.get("worker")
    assert time.monotonic() - started < 0.1
    assert slow_keyring.calls == 1
    assert "did not answer" in again.keyring_problem

    with pytest.raises(KeyringTimeoutError):  # an explicit store still tries
        await secrets.set("worker", "worker-key-1")
    assert slow_keyring.calls == 2


@pytest.mark.asyncio
async def test_keyring_round_trip(memory_keyring):
    secrets = Secrets()

    stored = await secrets.set("tempmailg", "  tmg-key-abc  ")

    assert stored.source is KeySource.KEYRING
    assert memory_keyring.items == {(SERVICE_NAME, "tempmailg"): "tmg-key-abc"}
    lookup = await secrets.get("tempmailg")
    assert (lookup.key, lookup.source, lookup.detail) == (
        "tmg-key-abc", KeySource.KEYRING, "OS keyring (MemoryKeyring)")
    assert lookup.keyring_problem is None


@pytest.mark.asyncio
async def test_the_environment_wins_and_is_never_stored(monkeypatch, memory_keyring):
    memory_keyring.items[(SERVICE_NAME, "gptmail")] = "stored-key-1"
    monkeypatch.setenv("TEMPMAIL_GPTMAIL_KEY", " env-key-123 ")
    secrets = Secrets()

    lookup = await secrets.get("gptmail", default_key="gpt-test")

    assert (lookup.key, lookup.source, lookup.detail) == (
        "env-key-123", KeySource.ENV, "environment variable TEMPMAIL_GPTMAIL_KEY")
    assert memory_keyring.items == {(SERVICE_NAME, "gptmail"): "stored-key-1"}
    monkeypatch.delenv("TEMPMAIL_GPTMAIL_KEY")
    memory_keyring.items.clear()
    assert (await secrets.get("gptmail")).source is KeySource.NONE  # not kept for the session either


@pytest.mark.asyncio
async def test_the_environment_does_not_touch_the_keyring(monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "env-key-456")
    backend = RaisingKeyring(keyring.errors.KeyringLocked("locked"))

    lookup = await Secrets(backend=backend).get("worker")

    assert lookup.source is KeySource.ENV and lookup.keyring_problem is None
    assert backend.calls == 0


@pytest.mark.asyncio
async def test_the_default_key_and_no_key():
    secrets = Secrets()

    default = await secrets.get("gptmail", default_key="gpt-test")
    missing = await secrets.get("catmails")

    assert (default.key, default.source, default.detail) == (
        "gpt-test", KeySource.DEFAULT, "the service's public test key")
    assert (missing.key, missing.source) == (None, KeySource.NONE)


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
async def test_session_only_keys_exist_only_after_the_user_opts_in(isolated_env):
    secrets = Secrets(backend=keyring.backends.fail.Keyring())

    with pytest.raises(NoKeyringError):
        await secrets.set("catmails", "cat-key-789")
    assert (await secrets.get("catmails")).source is KeySource.NONE  # no silent fallback

    secrets.allow_session_only("catmails", "cat-key-789")
    lookup = await secrets.get("catmails", default_key="other")

    assert (lookup.key, lookup.source, lookup.detail) == (
        "cat-key-789", KeySource.SESSION, "this session only")
    assert NO_KEYRING in lookup.keyring_problem
    assert (await Secrets(backend=keyring.backends.fail.Keyring()).get("catmails")).key is None
    for folder, _dirs, files in os.walk(isolated_env):
        for name in files:
            with open(os.path.join(folder, name), "rb") as written:
                assert b"cat-key-789" not in written.read()


@pytest.mark.asyncio
async def test_the_keyring_wins_over_a_session_key(memory_keyring):
    secrets = Secrets()
    secrets.allow_session_only("worker", "session-key-1")
    memory_keyring.items[(SERVICE_NAME, "worker")] = "keyring-key-1"

    assert (await secrets.get("worker")).source is KeySource.KEYRING

    await secrets.set("worker", "keyring-key-2")
    memory_keyring.items.clear()
    assert (await secrets.get("worker")).source is KeySource.NONE  # stored properly now; memory copy dropped


@pytest.mark.asyncio
async def test_delete(memory_keyring):
    secrets = Secrets()
    await secrets.set("tempmailg", "tmg-key-abc")

    assert await secrets.delete("tempmailg")
    assert memory_keyring.items == {}
    assert (await secrets.get("tempmailg")).source is KeySource.NONE
    assert not await secrets.delete("tempmailg")


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
async def test_delete_without_a_keyring_drops_the_session_key():
    secrets = Secrets(backend=keyring.backends.fail.Keyring())
    secrets.allow_session_only("worker", "session-key-2")

    assert await secrets.delete("worker")
    assert (await secrets.get("worker")).source is KeySource.NONE
    assert not await secrets.delete("worker")


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("failure", "error_type"),
    [
        (keyring.errors.KeyringLocked("locked"), KeyringLockedError),
        (secretstorage.exceptions.SecretServiceNotAvailableException("not running"),
         NoKeyringError),
    ],
)
async def test_delete_from_an_unreachable_keyring_is_an_error(failure, error_type):
    secrets = Secrets(backend=RaisingKeyring(failure))
    secrets.allow_session_only("worker", "session-key-3")

    with pytest.raises(error_type):
        await secrets.delete("worker")  # the stored key may still be in it
    assert (await secrets.get("worker")).source is KeySource.NONE


@pytest.mark.asyncio
@pytest.mark.parametrize("source", ["env", "keyring", "session", "set"])
async def test_every_key_is_registered_for_redaction(monkeypatch, memory_keyring, source):
    key = f"secret-{source}-{uuid.uuid4().hex}"
    secrets = Secrets()
    if source == "env":
        monkeypatch.setenv("TEMPMAIL_WORKER_KEY", key)
        await secrets.get("worker")
    elif source == "keyring":
        memory_keyring.items[(SERVICE_NAME, "worker")] = key
        await secrets.get("worker")
    elif source == "session":
        secrets.allow_session_only("worker", key)
    else:
        await secrets.set("worker", key)

    assert key not in redact(f"request failed with key {key}")


def test_a_lookup_never_prints_its_key():
    lookup = KeyLookup("hidden-key-999", KeySource.KEYRING, "OS keyring (SecretService)")
    assert "hidden-key-999" not in repr(lookup)


@pytest.mark.asyncio
@pytest.mark.parametrize(("provider_id", "key"), [("worker", "   "), ("Bad Id", "k-123"),
                                                  ("", "k-123")])
async def test_bad_input_is_refused(provider_id, key):
    with pytest.raises(ValueError):
        await Secrets().set(provider_id, key)



@pytest.mark.keyring
@pytest.mark.asyncio
async def test_the_real_secret_service():
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset); CI runs this "
                    "under dbus-run-session with gnome-keyring")
    from keyring.backends import SecretService

    secrets = Secrets(timeout=10, backend=SecretService.Keyring())
    provider_id = f"pytest_{uuid.uuid4().hex[:12]}"  # never touches a real provider's key
    try:
        await secrets.set(provider_id, "real-keyring-secret-1")
        lookup = await Secrets(timeout=10, backend=SecretService.Keyring()).get(provider_id)
        assert (lookup.key, lookup.source, lookup.detail) == (
            "real-keyring-secret-1", KeySource.KEYRING, "OS keyring (SecretService)")

        assert await secrets.delete(provider_id)
        assert (await secrets.get(provider_id)).source is KeySource.NONE
    finally:
        await secrets.delete(provider_id)


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
async def test_a_remembered_failure_names_the_right_variable():
    secrets = Secrets(backend=keyring.backends.fail.Keyring())
    await secrets.get("worker")

    lookup = await secrets.get("tempmailg")

    assert "TEMPMAIL_TEMPMAILG_KEY" in lookup.keyring_problem


# --- keys that can never be sent --------------------------------------------------

PART_1, PART_2 = "wrk-first-half-7a41", "second-half-93be"
# (what sits between the two halves, what the message calls it)
UNSENDABLE = [
    pytest.param("\n", "a line break (U+000A)", id="LF"),
    pytest.param("\r\nX-Injected: 1\r\n", "a line break (U+000D)", id="CRLF header injection"),
    pytest.param("\x1b[2J", "a control character (U+001B)", id="ESC"),
    pytest.param("\t", "a control character (U+0009)", id="tab"),
    pytest.param("\x00", "a control character (U+0000)", id="NUL"),
    pytest.param("\x85", "a control character (U+0085)", id="C1 next line"),
    pytest.param("\u00a0", "a character that is not plain ASCII (U+00A0)", id="no-break space"),
    pytest.param("\u200b", "a character that is not plain ASCII (U+200B)", id="zero-width space"),
]


def assert_not_echoed(text: str) -> None:
    assert PART_1 not in text and PART_2 not in text


@pytest.mark.asyncio
@pytest.mark.parametrize(("between", "called"), UNSENDABLE)
async def test_a_key_that_cannot_be_sent_is_refused_when_set(memory_keyring, between, called):
    secrets = Secrets()
    key = PART_1 + between + PART_2

    with pytest.raises(InvalidKeyError) as refused:
        await secrets.set("worker", key)
    with pytest.raises(InvalidKeyError):
        secrets.allow_session_only("worker", key)

    assert str(refused.value) == (
        f"The key contains {called}, which cannot be sent to the service; paste it again without it.")
    assert refused.value.exit_code == 3 and refused.value.provider == "worker"
    assert_not_echoed(str(refused.value))
    assert memory_keyring.items == {} and (await secrets.get("worker")).source is KeySource.NONE


@pytest.mark.asyncio
@pytest.mark.parametrize(("between", "called"), UNSENDABLE[:3])
async def test_a_key_that_cannot_be_sent_is_refused_when_read(monkeypatch, memory_keyring, between, called):
    key = PART_1 + between + PART_2
    memory_keyring.items[(SERVICE_NAME, "worker")] = key
    with pytest.raises(InvalidKeyError) as from_keyring:
        await Secrets().get("worker")
    assert str(from_keyring.value).startswith(f"The worker key stored in the OS keyring contains {called}")
    assert "tempmail key set worker" in failure_line(from_keyring.value, "worker")  # the command's way out

    monkeypatch.setenv("TEMPMAIL_GPTMAIL_KEY", key)
    with pytest.raises(InvalidKeyError) as from_env:
        await Secrets().get("gptmail", default_key="gpt-test")  # no quiet fall back to the test key
    assert str(from_env.value).startswith(f"The key in TEMPMAIL_GPTMAIL_KEY contains {called}")

    for refused in (from_keyring.value, from_env.value):
        assert_not_echoed(str(refused))
        assert refused.exit_code == 3


@pytest.mark.asyncio
async def test_a_stored_key_is_trimmed_like_one_from_the_environment(memory_keyring):
    # What ``echo KEY | secret-tool store ...`` leaves in the keyring.
    memory_keyring.items[(SERVICE_NAME, "worker")] = "tmp_test_key\n"
    lookup = await Secrets().get("worker")
    assert (lookup.key, lookup.source) == ("tmp_test_key", KeySource.KEYRING)
