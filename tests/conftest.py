"""Fixtures shared by every test: an isolated data folder, no stray
TEMPMAIL_* variables, an in-memory keyring, and the four loopback fakes."""

from __future__ import annotations

import logging
import os

import keyring
import pytest

from tests.fakes.keyring_backend import MemoryKeyring


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    for name in list(os.environ):
        if name.startswith("TEMPMAIL_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("TEMPMAIL_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def fail_on_unexpected_log_warnings(request, caplog):
    """An app warning a test did not ask for is a failure (qutebrowser's rule)."""
    yield
    if request.node.get_closest_marker("log_warnings_expected"):
        return
    unexpected = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.startswith("tempmail")
    ]
    if unexpected:
        pytest.fail("unexpected log warnings:\n" + "\n".join(unexpected), pytrace=False)


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _serve(factory):
    server = factory().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def gptmail_fake():
    from tests.fakes.gptmail import GptMailFake

    yield from _serve(GptMailFake)


@pytest.fixture
def tempmailg_fake():
    from tests.fakes.tempmailg import TempMailGFake

    yield from _serve(TempMailGFake)


@pytest.fixture
def catmails_fake():
    from tests.fakes.catmails import CatMailsFake

    yield from _serve(CatMailsFake)


@pytest.fixture
def worker_fake():
    from tests.fakes.worker import WorkerFake

    yield from _serve(WorkerFake)


@pytest.fixture
def no_sleep():
    """An injectable sleep that returns at once (retry backoff in tests)."""

    async def sleep(_seconds: float) -> None:
        return None

    return sleep
