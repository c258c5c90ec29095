"""The store's list of running `tempmail wait`s: what the open window reads to
check a waited-on mailbox quickly. A wait that was killed, or ran past its
time, does not keep its mailbox listed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import timedelta

import pytest

from tempmail_desktop.core.models import Mailbox
from tempmail_desktop.core.timeutil import utcnow
from tempmail_desktop.service import store as store_module
from tempmail_desktop.service.store import MIGRATIONS, SCHEMA_VERSION, WAIT_GRACE_S, Store

PROVIDER = "gptmail"
ADDRESS = "waited@chatgpt.org.uk"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite3") as opened:
        opened.add_mailbox(Mailbox(PROVIDER, ADDRESS))
        yield opened


@pytest.fixture
def other(store):
    """The same file as another process opens it (the window beside the command)."""
    with Store(store.path) as opened:
        yield opened


def finished_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def wait_rows(store: Store) -> list[int]:
    with closing(sqlite3.connect(store.path)) as db:
        return [row[0] for row in db.execute("SELECT id FROM waits ORDER BY id")]


def test_a_wait_is_listed_until_it_ends(store, other):
    assert other.live_waits() == set()
    wait_id = store.begin_wait(PROVIDER, ADDRESS, timeout=120)
    assert other.live_waits() == {(PROVIDER, ADDRESS)}

    store.end_wait(wait_id)
    assert other.live_waits() == set()


def test_two_waits_on_one_mailbox_keep_it_listed_until_both_end(store, other):
    first = store.begin_wait(PROVIDER, ADDRESS, timeout=120)
    second = other.begin_wait(PROVIDER, ADDRESS, timeout=120)
    store.end_wait(first)
    assert other.live_waits() == {(PROVIDER, ADDRESS)}
    other.end_wait(second)
    assert store.live_waits() == set()


def test_waiting_ends_the_wait_however_the_body_ends(store, other):
    with store.waiting(PROVIDER, ADDRESS, timeout=120):
        assert other.live_waits() == {(PROVIDER, ADDRESS)}
    assert other.live_waits() == set()

    with pytest.raises(KeyboardInterrupt), store.waiting(PROVIDER, ADDRESS, timeout=120):
        assert other.live_waits() == {(PROVIDER, ADDRESS)}
        raise KeyboardInterrupt
    assert other.live_waits() == set()


def test_a_wait_whose_process_is_gone_is_dropped(store, other):
    store.begin_wait(PROVIDER, ADDRESS, timeout=3600, pid=finished_pid())  # as after `kill -9`
    live = store.begin_wait(PROVIDER, "another@chatgpt.org.uk", timeout=3600)

    assert other.live_waits() == {(PROVIDER, "another@chatgpt.org.uk")}
    assert wait_rows(store) == [live]  # the dead wait's row is gone, not only skipped


def test_a_wait_past_its_timeout_is_dropped(store, other, monkeypatch):
    store.begin_wait(PROVIDER, ADDRESS, timeout=30)
    started = utcnow()
    monkeypatch.setattr(store_module, "utcnow", lambda: started + timedelta(seconds=29))
    assert other.live_waits() == {(PROVIDER, ADDRESS)}

    # The process still runs (it is this one), yet its time is up: its row goes.
    monkeypatch.setattr(store_module, "utcnow", lambda: started + timedelta(seconds=30 + WAIT_GRACE_S + 1))
    assert other.live_waits() == set()
    assert wait_rows(store) == []


@pytest.mark.parametrize("timeout", [float("inf"), float("nan"), 1e300])
def test_a_wait_of_any_timeout_is_listed_for_at_most_a_day(store, other, monkeypatch, timeout):
    store.begin_wait(PROVIDER, ADDRESS, timeout=timeout)
    started = utcnow()
    monkeypatch.setattr(store_module, "utcnow", lambda: started + timedelta(hours=23))
    assert other.live_waits() == {(PROVIDER, ADDRESS)}
    monkeypatch.setattr(store_module, "utcnow", lambda: started + timedelta(hours=24, seconds=1))
    assert other.live_waits() == set()


def test_a_version_3_store_is_migrated_keeping_its_mail_and_can_list_waits(tmp_path):
    path = tmp_path / "v3.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        for step in MIGRATIONS[:3]:  # the steps that shipped, up to version 3
            step(db)
        db.execute(
            "INSERT INTO mailboxes (provider, address, added_at, position) "
            "VALUES (?, ?, '2024-05-01T00:00:00.000000Z', 1)", (PROVIDER, ADDRESS))
        db.execute(
            "INSERT INTO messages (provider, mailbox, id, subject, text, seen, fingerprint, fetched_at, code) "
            "VALUES (?, ?, 'old-1', 'Your code', 'Use 482913', 1, 'f', '2024-05-01T12:00:01.000000Z', '482913')",
            (PROVIDER, ADDRESS))
        db.execute("PRAGMA user_version = 3")

    with Store(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        kept = migrated.message(PROVIDER, ADDRESS, "old-1")
        assert (kept.subject, kept.text, kept.code, kept.seen) == ("Your code", "Use 482913", "482913", True)
        wait_id = migrated.begin_wait(PROVIDER, ADDRESS, timeout=60)
        assert migrated.live_waits() == {(PROVIDER, ADDRESS)}
        migrated.end_wait(wait_id)
        assert migrated.live_waits() == set()

    with Store(path) as reopened:  # a second open finds nothing left to do
        assert reopened.schema_version == SCHEMA_VERSION
        assert [m.id for m in reopened.messages(PROVIDER, ADDRESS)] == ["old-1"]
