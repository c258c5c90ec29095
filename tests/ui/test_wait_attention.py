"""A `tempmail wait` in another process is attention too: while it runs, the
open window checks that mailbox at its service's quick interval, so the
window shows the code as soon as the script gets it; once the wait ends the
mailbox goes back to its idle interval.

The window's controller on the data folder (TEMPMAIL_HOME), the real
command as a process beside it, both against the loopback GPTMail fake.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tempmail_desktop.core.models import Mailbox
from tempmail_desktop.providers.registry import provider_info
from tempmail_desktop.service.mail import MailService
from tempmail_desktop.service.secrets import Secrets
from tempmail_desktop.service.settings import Settings
from tempmail_desktop.service.store import Store
from tempmail_desktop.ui.controller import AppController
from tests.ui.conftest_async import qloop, run, run_until  # noqa: F401

ADDRESS = "script-waits-here@chatgpt.org.uk"
GPTMAIL = provider_info("gptmail")  # quick every 5 s, idle every 300 s
WAIT_S = 14.0  # long enough for three quick checks


@pytest.fixture
def data_folder(monkeypatch, gptmail_fake):
    """TEMPMAIL_HOME (the isolated one) with the GPTMail fake and one mailbox
    remembered long ago, so idle: what the window and the command share."""
    monkeypatch.setenv("TEMPMAIL_GPTMAIL_URL", gptmail_fake.url)
    monkeypatch.setenv("TEMPMAIL_GPTMAIL_KEY", "gpt-test")
    with Store() as command:
        command.add_mailbox(Mailbox("gptmail", ADDRESS))
    return gptmail_fake


@contextmanager
def tempmail_wait(*args: str) -> Iterator[subprocess.Popen]:
    """The real command, as a process (killed if the test ends first); its
    keys come from the environment."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    with subprocess.Popen([sys.executable, "-m", "tempmail_desktop.cli", "wait", ADDRESS, *args],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as waiting:
        try:
            yield waiting
        finally:
            if waiting.poll() is None:
                waiting.kill()


def test_an_idle_mailbox_is_checked_quickly_while_tempmail_wait_runs_on_it(qloop, data_folder):
    settings = Settings.load()
    settings.set("poll.hot_minutes", 0)  # no hot minutes after attention: only the wait makes it quick
    controller = AppController(MailService(store=Store(), settings=settings, secrets=Secrets()))
    try:
        controller.start_watching_all()
        watcher = controller.watchers[("gptmail", ADDRESS)]
        run_until(qloop, lambda: watcher.checks == 1 and watcher.state.next_check_at is not None,
                  what="the first listing of the idle mailbox")
        run(qloop, asyncio.sleep(2 * controller.store_sync_interval))
        assert not watcher.is_hot and watcher.checks == 1  # next check in 300 s

        with tempmail_wait("--timeout", str(WAIT_S)) as waiting:
            run_until(qloop, lambda: watcher.is_hot, timeout=15, what="the waited-on mailbox to turn hot")
            hot_at = time.monotonic()
            # Checked at once, then every 5 s, for as long as the wait runs.
            run_until(qloop, lambda: watcher.checks > 1, timeout=1.0,
                      what="a check as soon as the wait began")
            run_until(qloop, lambda: waiting.poll() is not None, timeout=WAIT_S + 30,
                      what="`tempmail wait` to time out")
            out, err = waiting.communicate()
        ended_at, checks_while_waiting = time.monotonic(), watcher.checks - 1
        assert waiting.returncode == 7 and out == "", err  # the command's own result is untouched
        assert err.startswith("tempmail: gptmail: no new mail")
        # At once, then one each quick interval: idle, it would have had none.
        expected = int((ended_at - hot_at) // GPTMAIL.poll_active)
        assert checks_while_waiting >= max(3, expected), (checks_while_waiting, ended_at - hot_at)

        # Over: idle again within a few ticks, and no quick check any more.
        run_until(qloop, lambda: not watcher.is_hot, timeout=3 * controller.store_sync_interval + 2,
                  what="the mailbox to go back to idle after the wait ended")
        # (A check planned while it was hot may still come; none after that.)
        checks_when_idle = watcher.checks
        run(qloop, asyncio.sleep(2 * GPTMAIL.poll_active + 1))
        assert watcher.checks - checks_when_idle <= 1
        assert watcher.next_delay() >= GPTMAIL.poll_idle - 1
    finally:
        run(qloop, controller.shutdown())


def listings_of(fake, address: str) -> int:
    return sum(1 for r in fake.seen("/api/emails") if r.query.get("email") == address)


def test_tempmail_wait_gets_the_mail_the_window_listed_first(qloop, data_folder):
    """Both check the mailbox every 5 s now; whichever lists the mail first
    stores it. The wait must return it either way."""
    gptmail_fake = data_folder
    controller = AppController(MailService(store=Store(), settings=Settings.load(), secrets=Secrets()))
    try:
        controller.start_watching_all()
        watcher = controller.watchers[("gptmail", ADDRESS)]
        with tempmail_wait("--otp", "--timeout", "12") as waiting:
            run_until(qloop, lambda: watcher.is_hot and watcher.checks >= 2, timeout=15,
                      what="the window to check the waited-on mailbox")
            # Right after a check of the command's: the window's next check (it
            # follows the command's by under a second) comes before the command's.
            before, window_checks = listings_of(gptmail_fake, ADDRESS), watcher.checks
            run_until(qloop, lambda: listings_of(gptmail_fake, ADDRESS) > before and watcher.checks == window_checks,
                      timeout=10, what="a check of the command's")
            gptmail_fake.deliver(ADDRESS, sender="site@example.org", subject="Your code", text="Your code is 730421")
            run_until(qloop, lambda: waiting.poll() is not None, timeout=40, what="`tempmail wait` to end")
            out, err = waiting.communicate()
        assert (waiting.returncode, out) == (0, "730421\n"), err
    finally:
        run(qloop, controller.shutdown())
