"""Running the app's asyncio jobs (qasync) inside pytest-qt tests.

qasync's loop only counts as *running* inside ``run_forever`` /
``run_until_complete``; Qt events handled outside them still step tasks,
and httpx/anyio then fail with "no running event loop". The ``qloop``
fixture therefore keeps its loop marked as running for the whole test, as
the app's loop is for the app's life. Then either wait works:
:func:`run_until` (runs the loop until a condition holds) or
``qtbot.waitUntil``. Import the fixtures into a test module:

    from tests.ui.conftest_async import app_controller, dialogs, qloop, run, run_until  # noqa: F401
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("QT_API", "pyside6")  # qasync picks its binding from this

import pytest
import qasync
from shiboken6 import isValid

from tempmail_desktop.service.mail import MailService
from tempmail_desktop.service.secrets import Secrets
from tempmail_desktop.service.settings import Settings
from tempmail_desktop.service.store import Store
from tempmail_desktop.ui.controller import AppController


class _TestEventLoop(qasync.QEventLoop):
    """A qasync loop that counts as running for the whole test, as the app's does.

    In the app one ``run_until_complete`` lasts the app's life, so every Qt
    event is handled while the loop is running. In a test the loop runs only
    inside each wait; Qt events handled in between (qtbot, and qasync's own
    last ``processEvents`` after ``run_until_complete``) would step tasks
    with no running loop, and httpx/anyio then fail with "no running event
    loop". So the loop stays marked as running between waits too.
    """

    def run_forever(self):
        try:
            return super().run_forever()
        finally:
            asyncio.events._set_running_loop(self)


@pytest.fixture
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    # A closed qasync loop keeps Qt timers for callbacks that never fired, and
    # sits in a reference cycle; if the collector freed it from another thread
    # (a fake server's), Qt would warn "Timers cannot be stopped from another
    # thread". Collect here, on the GUI thread, before and after each test.
    gc.collect()
    # The nested Qt loop of run_until_complete ends when the last window
    # closes unless told otherwise; a test closing its dialog must not stop it.
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    loop = _TestEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in leftovers:
            task.cancel()
        if leftovers:
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
        asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        gc.collect()


def run_until(loop: asyncio.AbstractEventLoop, condition: Callable[[], Any], *,
              timeout: float = 10.0, what: str = "the condition") -> None:
    """Run the qasync loop until ``condition()`` is true; fail after ``timeout`` seconds."""

    async def wait() -> None:
        deadline = loop.time() + timeout
        while not condition():
            if loop.time() > deadline:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
            await asyncio.sleep(0.01)

    loop.run_until_complete(wait())


def run(loop: asyncio.AbstractEventLoop, awaitable) -> Any:
    """Await one thing on the qasync loop from a (synchronous) test."""
    return loop.run_until_complete(awaitable)


@pytest.fixture
def app_controller(qloop, tmp_path) -> Iterator[Callable[..., AppController]]:
    """``app_controller(**settings)``: a real MailService (store, settings file,
    keyring secrets) behind an AppController; shut down after the test."""
    made: list[AppController] = []

    def make(**settings: Any) -> AppController:
        values = Settings.load(tmp_path / "s.json")
        for key, value in settings.items():
            values.set(key, value)
        service = MailService(store=Store(tmp_path / "db"), settings=values, secrets=Secrets())
        controller = AppController(service)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        qloop.run_until_complete(controller.shutdown())
        controller.service.store.close()


@pytest.fixture
def dialogs(app_controller) -> Iterator[list]:
    """Dialogs a test opens; closed (if Qt has not deleted them yet) before the
    controller shuts down. Not qtbot.addWidget: these delete themselves on close."""
    opened: list = []
    yield opened
    for dialog in opened:
        if isValid(dialog):
            dialog.close()
