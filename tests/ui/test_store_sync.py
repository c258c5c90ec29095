"""The open window sees what the `tempmail` command does on the same data folder.

A second Store on the controller's file stands for the command (another
connection, as another process has); one test runs the real command as a
process against the loopback GPTMail and reads the window's mailbox list.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta

import pytest

from tempmail_desktop.core.models import Mailbox, Message
from tempmail_desktop.core.timeutil import utcnow
from tempmail_desktop.service.store import Store
from tempmail_desktop.ui import bootstrap
from tests.ui.conftest_async import app_controller, qloop, run, run_until  # noqa: F401

SYNC_LIMIT_S = 3.0  # "within a few seconds": the store is asked each second
ADDRESS = "from-the-command@chatgpt.org.uk"


@pytest.fixture
def gptmail_env(monkeypatch, gptmail_fake):
    monkeypatch.setenv("TEMPMAIL_GPTMAIL_URL", gptmail_fake.url)
    monkeypatch.setenv("TEMPMAIL_GPTMAIL_KEY", "gpt-test")
    return gptmail_fake


@pytest.fixture
def command_store(tmp_path):
    """The store as the command opens it: its own connection to the controller's file."""
    with Store(tmp_path / "db") as store:
        yield store


def watched(controller) -> set[tuple[str, str]]:
    return set(controller.watchers)


def test_a_mailbox_the_command_makes_is_announced_and_watched(app_controller, qloop, gptmail_env,
                                                              command_store):
    gptmail_env.deliver(ADDRESS, sender="site@example.org", subject="Your code is 481516")
    controller = app_controller()
    controller.start_watching_all()
    added: list[Mailbox] = []
    controller.mailboxFound.connect(added.append)

    command_store.add_mailbox(Mailbox("gptmail", ADDRESS, created_at=utcnow()))
    started = time.monotonic()
    run_until(qloop, lambda: added, timeout=SYNC_LIMIT_S, what="mailboxFound for the command's mailbox")
    print(f"\nannounced after {time.monotonic() - started:.2f} s")

    assert [(mb.provider, mb.address) for mb in added] == [("gptmail", ADDRESS)]
    assert ("gptmail", ADDRESS) in watched(controller)
    # Watched for real: its mail is fetched without anyone selecting it or pressing F5.
    run_until(qloop, lambda: controller.service.store.summaries("gptmail", ADDRESS), timeout=10,
              what="the waiting mail to be fetched")
    assert [m.subject for m in controller.service.store.summaries("gptmail", ADDRESS)] == ["Your code is 481516"]


def test_a_mailbox_the_command_drops_goes_and_is_no_longer_watched(app_controller, qloop, gptmail_env,
                                                                   command_store):
    command_store.add_mailbox(Mailbox("gptmail", ADDRESS))
    controller = app_controller()
    controller.start_watching_all()
    assert ("gptmail", ADDRESS) in watched(controller)
    removed: list[tuple[str, str]] = []
    controller.mailboxRemoved.connect(lambda provider, address: removed.append((provider, address)))

    command_store.remove_mailbox("gptmail", ADDRESS)
    run_until(qloop, lambda: removed, timeout=SYNC_LIMIT_S, what="mailboxRemoved for the dropped mailbox")

    assert removed == [("gptmail", ADDRESS)]
    assert watched(controller) == set()


def test_a_new_expiry_and_new_mail_from_the_command_reach_the_window(app_controller, qloop, gptmail_env,
                                                                    command_store):
    mailbox = command_store.add_mailbox(Mailbox("gptmail", ADDRESS, expires_at=utcnow() + timedelta(hours=1)))
    controller = app_controller()
    controller.start_watching_all()
    updated: list[Mailbox] = []
    changed: list[tuple[str, str]] = []
    controller.mailboxUpdated.connect(lambda _old, mb: updated.append(mb))
    controller.messagesChanged.connect(lambda provider, address: changed.append((provider, address)))

    later = utcnow() + timedelta(days=1)
    command_store.add_mailbox(replace(mailbox, expires_at=later))  # the command opened it again
    run_until(qloop, lambda: updated, timeout=SYNC_LIMIT_S, what="mailboxUpdated for the new expiry")
    stored = command_store.find_mailbox(ADDRESS, "gptmail")
    assert stored.expires_at is not None and stored.expires_at > utcnow() + timedelta(hours=23)
    assert updated[0].expires_at == stored.expires_at
    assert controller.watchers[("gptmail", ADDRESS)].mailbox.expires_at == stored.expires_at

    command_store.save_message(Message(id="m1", provider="gptmail", mailbox=ADDRESS, subject="Fetched by the command"))
    run_until(qloop, lambda: changed, timeout=SYNC_LIMIT_S, what="messagesChanged for the command's mail")
    assert changed[-1] == ("gptmail", ADDRESS)


def test_a_mailbox_made_here_is_announced_once_while_the_command_writes(app_controller, qloop, gptmail_env,
                                                                        command_store):
    controller = app_controller()
    controller.start_watching_all()
    added: list[str] = []
    controller.mailboxAdded.connect(lambda mb: added.append(mb.address))
    controller.mailboxFound.connect(lambda mb: added.append(mb.address))
    made: list[Mailbox] = []

    controller.create_mailbox("gptmail", "made-here", None, on_done=made.append)
    command_store.add_mailbox(Mailbox("gptmail", ADDRESS))  # the command writes meanwhile
    run_until(qloop, lambda: made and ADDRESS in added, timeout=10, what="both mailboxes")
    command_store.touch_checked("gptmail", ADDRESS)  # and once more, after the window's own write
    run(qloop, asyncio.sleep(3 * controller.store_sync_interval))

    assert sorted(added) == sorted([made[0].address, ADDRESS])
    assert watched(controller) == {("gptmail", made[0].address), ("gptmail", ADDRESS)}


# -- the real command beside the real window ----------------------------------------------


class _NoTray:
    @staticmethod
    def isSystemTrayAvailable() -> bool:  # noqa: N802 - Qt's name
        return False


def test_tempmail_new_appears_in_the_open_window(qapp, qloop, monkeypatch, gptmail_env):
    monkeypatch.setattr(bootstrap, "QSystemTrayIcon", _NoTray)
    parts = run(qloop, bootstrap.build_application(qapp, request_quit=lambda: None))
    try:
        model = parts.window.mailbox_model
        assert model.rowCount() == 0
        # The command shares TEMPMAIL_HOME and the fake's address with the window;
        # its keys come from the environment, never from a real keyring.
        env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        command = subprocess.Popen(
            [sys.executable, "-m", "tempmail_desktop.cli", "new", "-p", "gptmail", "--json"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        run_until(qloop, lambda: command.poll() is not None, timeout=60, what="`tempmail new` to finish")
        out, err = command.communicate()
        assert command.returncode == 0, err
        finished = time.monotonic()

        run_until(qloop, lambda: model.rowCount() == 1, timeout=SYNC_LIMIT_S,
                  what="the new address in the window's mailbox list")
        print(f"\nlisted {time.monotonic() - finished:.2f} s after the command ended")
        listed = model.mailbox_at(0)
        assert listed.address in out
        assert (listed.provider, listed.address) in parts.controller.watchers
    finally:
        parts.notifier.close()
        run(qloop, parts.shutdown())


def test_a_new_expiry_from_the_command_keeps_the_list_order_and_the_selection(qapp, qloop, monkeypatch,
                                                                             gptmail_env):
    monkeypatch.setattr(bootstrap, "QSystemTrayIcon", _NoTray)
    with Store() as command:  # the window's data folder (TEMPMAIL_HOME)
        first = command.add_mailbox(Mailbox("gptmail", "first@chatgpt.org.uk", expires_at=utcnow() + timedelta(hours=1)))
        command.add_mailbox(Mailbox("gptmail", "second@chatgpt.org.uk"))
        parts = run(qloop, bootstrap.build_application(qapp, request_quit=lambda: None))
        try:
            window, model = parts.window, parts.window.mailbox_model
            window.select_mailbox("gptmail", "second@chatgpt.org.uk")

            command.add_mailbox(replace(first, expires_at=utcnow() + timedelta(days=1)))  # opened again
            run_until(qloop, lambda: model.mailbox_at(0).expires_at != first.expires_at
                      or model.mailbox_at(1).address == first.address,
                      timeout=SYNC_LIMIT_S, what="the new expiry in the mailbox list")

            assert [model.mailbox_at(row).address for row in range(model.rowCount())] == [
                "first@chatgpt.org.uk", "second@chatgpt.org.uk"]
            assert model.mailbox_at(0).expires_at > utcnow() + timedelta(hours=23)
            assert window.current_mailbox().address == "second@chatgpt.org.uk"
        finally:
            parts.notifier.close()
            run(qloop, parts.shutdown())


def test_a_mailbox_the_command_makes_does_not_take_the_user_away(qapp, qloop, monkeypatch, gptmail_env):
    monkeypatch.setattr(bootstrap, "QSystemTrayIcon", _NoTray)
    with Store() as command:
        command.add_mailbox(Mailbox("gptmail", "reading@chatgpt.org.uk"))
        parts = run(qloop, bootstrap.build_application(qapp, request_quit=lambda: None))
        try:
            window, model = parts.window, parts.window.mailbox_model
            window.select_mailbox("gptmail", "reading@chatgpt.org.uk")

            command.add_mailbox(Mailbox("gptmail", "script@chatgpt.org.uk"))
            run_until(qloop, lambda: model.rowCount() == 2, timeout=SYNC_LIMIT_S, what="the script's mailbox listed")

            assert window.current_mailbox().address == "reading@chatgpt.org.uk"
            assert ("gptmail", "script@chatgpt.org.uk") in parts.controller.watchers
        finally:
            parts.notifier.close()
            run(qloop, parts.shutdown())


def test_mail_the_command_stored_first_is_announced_once(app_controller, qloop, gptmail_env, command_store):
    """A running `tempmail wait` lists a new mail before the window's watcher does:
    the window must still announce it (notification, tray), once, not only relist it."""
    command_store.add_mailbox(Mailbox("gptmail", ADDRESS, created_at=utcnow()))
    command_store.save_message(Message(id="old", provider="gptmail", mailbox=ADDRESS, subject="Before the window"))
    controller = app_controller()
    controller.start_watching_all()
    announced: list[tuple[str, list[str]]] = []
    controller.newMail.connect(lambda mb, messages: announced.append((mb.address, [m.id for m in messages])))
    watcher = controller.watchers[("gptmail", ADDRESS)]
    run_until(qloop, lambda: watcher.checks >= 1, timeout=5, what="the window's first check")
    run(qloop, asyncio.sleep(0.5))  # that check's listing is in: the next one is a quick interval away

    # The command's `wait` lists the service's new mail and stores it under the service's id.
    mail_id = gptmail_env.deliver(ADDRESS, sender="site@example.org", subject="Your code is 271828")
    command_store.save_message(Message(id=mail_id, provider="gptmail", mailbox=ADDRESS,
                                       subject="Your code is 271828"))
    run_until(qloop, lambda: announced, timeout=SYNC_LIMIT_S, what="newMail for the mail the command stored")
    # The window's own watcher then lists the same mail: no second announcement.
    controller.check_now(controller.watchers[("gptmail", ADDRESS)].mailbox)
    run(qloop, asyncio.sleep(3 * controller.store_sync_interval))

    assert announced == [(ADDRESS, [mail_id])]
    assert controller.watchers[("gptmail", ADDRESS)].is_hot
