"""``tempmail wait`` is listed in the store while it waits, so that an open
window on the same data folder checks that mailbox quickly too, and it is
taken off the list however it ends: mail found, timeout, a service error,
Ctrl+C, a reader that left. Its output and exit codes stay the contract's."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import pytest

from tempmail_desktop.service import paths
from tempmail_desktop.service.store import Store
from tests.cli.conftest import deliver_later

COMMAND = [sys.executable, "-m", "tempmail_desktop.cli"]


def new_worker_address(run) -> str:
    return run.json("new", "-p", "worker")["address"]


def listed_waits() -> set[tuple[str, str]]:
    """What the window reads: the waits running now."""
    with Store() as store:
        return store.live_waits()


def wait_rows() -> int:
    """Rows in the table, read directly: a wait that ended must have taken its
    row away itself (live_waits would hide the row of a process that is gone)."""
    with closing(sqlite3.connect(paths.database_path())) as db:
        return db.execute("SELECT COUNT(*) FROM waits").fetchone()[0]


def deliver_code(fakes, address: str) -> None:
    fakes["worker"].deliver(address, sender="site@example.org", subject="Your code", text="Code 730421")


def until_polling(fakes, address: str) -> None:
    """Until the wait has listed the mailbox twice: its starting point, then its
    first check. Mail delivered before the first would not be news to it."""
    deadline = time.monotonic() + 30
    while len(fakes["worker"].seen(f"/api/inbox/{address}")) < 2:
        assert time.monotonic() < deadline, "the wait never listed the mailbox"
        time.sleep(0.05)


def test_a_wait_that_finds_its_mail_is_listed_while_it_waits_then_not(fakes, run):
    address = new_worker_address(run)
    seen_while_waiting: list[set] = []

    def look_then_deliver() -> None:
        until_polling(fakes, address)
        seen_while_waiting.append(listed_waits())
        deliver_code(fakes, address)

    thread, _stamp = deliver_later(0.0, look_then_deliver)
    code, out, err = run("wait", address, "--otp", "--timeout", "30")
    thread.join()

    assert (code, out, err) == (0, "730421\n", "")
    assert seen_while_waiting == [{("worker", address)}]
    assert listed_waits() == set() and wait_rows() == 0


def test_a_wait_that_times_out_is_taken_off_the_list(fakes, run):
    address = new_worker_address(run)
    seen: list[set] = []
    thread, _stamp = deliver_later(0.5, lambda: seen.append(listed_waits()))
    code, out, err = run("wait", address, "--timeout", "1.5")
    thread.join()

    assert code == 7 and out == ""
    assert err.startswith("tempmail: worker: ") and err.count("\n") == 1
    assert seen == [{("worker", address)}]
    assert wait_rows() == 0


def test_a_wait_that_fails_is_taken_off_the_list(fakes, run):
    address = new_worker_address(run)
    seen: list[set] = []

    def look_then_break_the_key() -> None:
        seen.append(listed_waits())
        fakes["worker"].fail_next("401", times=50)

    thread, _stamp = deliver_later(0.5, look_then_break_the_key)
    code, out, err = run("wait", address, "--timeout", "30")
    thread.join()
    fakes["worker"].faults.clear()

    assert code == 3 and out == ""
    assert err.startswith("tempmail: worker: ") and err.count("\n") == 1
    assert seen == [{("worker", address)}]
    assert wait_rows() == 0


def _child_env() -> dict[str, str]:
    # The keys come from the environment (the fakes fixture), never a real keyring.
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _until_listed(child: subprocess.Popen, address: str) -> None:
    deadline = time.monotonic() + 30
    while ("worker", address) not in listed_waits():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the wait was never listed"
        time.sleep(0.05)


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to another process")
def test_ctrl_c_takes_the_wait_off_the_list(fakes, run):
    address = new_worker_address(run)
    with subprocess.Popen([*COMMAND, "wait", address, "--timeout", "60"], env=_child_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        _until_listed(child, address)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)

    assert child.returncode == 130
    assert (out, err) == ("", "tempmail: interrupted\n")
    assert wait_rows() == 0


def test_a_reader_that_left_takes_the_wait_off_the_list(fakes, run):
    """``tempmail wait … | head -c0``: the pipe is closed when the mail comes."""
    address = new_worker_address(run)
    with subprocess.Popen([*COMMAND, "wait", address, "--json", "--timeout", "60"], env=_child_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        child.stdout.close()
        _until_listed(child, address)
        until_polling(fakes, address)
        deliver_code(fakes, address)
        errors = child.stderr.read().decode()
        status = child.wait(timeout=30)

    assert status == 141 and errors == ""
    assert wait_rows() == 0
