"""One choice for every service while there is no usable keyring: keys are
kept for the session only after the user said so, and never when the
keyring works."""

from __future__ import annotations

import os

import keyring.backends.fail
import keyring.errors
import pytest

from tempmail_desktop.service.secrets import SERVICE_NAME, KeySource, NoKeyringError, Secrets
from tests.service.test_secrets import RaisingKeyring


@pytest.mark.asyncio
@pytest.mark.log_warnings_expected
async def test_after_the_one_choice_keys_of_every_service_are_kept_for_the_session(isolated_env):
    secrets = Secrets(backend=keyring.backends.fail.Keyring())
    with pytest.raises(NoKeyringError):
        await secrets.set("worker", "tmp_before")  # not chosen yet: refused, not kept
    assert (await secrets.get("worker")).source is KeySource.NONE

    secrets.keep_keys_for_session(True)
    for pid, key in (("worker", "tmp_after"), ("catmails", "mk_after")):
        saved = await secrets.set(pid, key)
        assert (saved.key, saved.source) == (key, KeySource.SESSION)
        assert (await secrets.get(pid)).key == key
    for folder, _dirs, files in os.walk(isolated_env):
        for name in files:
            with open(os.path.join(folder, name), "rb") as written:
                assert b"tmp_after" not in written.read()

    secrets.keep_keys_for_session(False)
    with pytest.raises(NoKeyringError):
        await secrets.set("tempmailg", "tmg-key")
    assert (await secrets.get("worker")).key == "tmp_after"  # kept keys stay until removed


@pytest.mark.asyncio
async def test_with_a_working_keyring_the_choice_changes_nothing(memory_keyring):
    secrets = Secrets()
    secrets.keep_keys_for_session(True)
    saved = await secrets.set("worker", "tmp_key")
    assert saved.source is KeySource.KEYRING
    assert memory_keyring.items[(SERVICE_NAME, "worker")] == "tmp_key"
    assert (await secrets.keyring_state()).usable


@pytest.mark.asyncio
@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(("error", "missing"), [
    (keyring.errors.NoKeyringError("none"), True),
    (keyring.errors.KeyringLocked("locked"), False),
])
async def test_the_keyring_state_is_one_answer_for_every_service(error, missing):
    backend = RaisingKeyring(error)
    secrets = Secrets(backend=backend)
    state = await secrets.keyring_state()
    assert (state.usable, state.missing, state.session_only) == (False, missing, False)
    assert state.problem
    assert "TEMPMAIL_STATE" not in state.problem  # names no made-up service
    calls = backend.calls
    secrets.keep_keys_for_session(True)
    again = await secrets.keyring_state()
    assert again.session_only
    assert backend.calls == calls  # answered from the recent failure, without waiting on the keyring again
