"""The app as a process, the way a desktop session starts and ends it.

``python -m tempmail_desktop`` runs for real (offscreen Qt, its own data
folder and runtime folder, a loopback GPTMail): it comes up, fetches mail, a
second launch hands over to it and leaves, and SIGTERM (a session logging
out) ends it cleanly with the database intact.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tempmail_desktop import APP_NAME, __version__
from tempmail_desktop.app import instance_server_name
from tempmail_desktop.core.models import Mailbox
from tempmail_desktop.service import paths
from tempmail_desktop.service.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                                reason="SIGTERM and a Unix local socket")

START_TIMEOUT_S = 30.0  # PySide6 imports slowly on a busy test machine
SECOND_LAUNCH_LIMIT_S = 15.0
QUIT_LIMIT_S = 5.0
ADDRESS = "lifecycle@chatgpt.org.uk"


def wait_for(condition, timeout: float, what: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the app exited ({process.returncode}) while waiting for {what}:\n{out}\n{err}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)


def stored_subjects(database: Path) -> list[str]:
    """Read the app's database while it runs, without writing to it."""
    if not database.exists():
        return []
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
    try:
        return [row[0] for row in connection.execute("SELECT subject FROM messages")]
    except sqlite3.OperationalError:  # the app is still creating its tables
        return []
    finally:
        connection.close()


@pytest.fixture
def app_env(isolated_env: Path, tmp_path: Path, gptmail_fake) -> dict[str, str]:
    """The environment of an app process: its own data folder with one
    remembered GPTMail address that has mail waiting, its own runtime folder
    (so its single-instance socket cannot meet anyone else's), offscreen Qt."""
    with Store() as store:  # TEMPMAIL_HOME is isolated_env
        store.add_mailbox(Mailbox("gptmail", ADDRESS))
    gptmail_fake.deliver(ADDRESS, sender="hello@example.org", subject="Waiting for you", text="Hi.")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    env.update({
        "TEMPMAIL_HOME": str(isolated_env),
        "TEMPMAIL_GPTMAIL_URL": gptmail_fake.url,
        "TEMPMAIL_GPTMAIL_KEY": "gpt-test",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(runtime),  # where QLocalServer puts its socket
        "XDG_RUNTIME_DIR": str(runtime),
        # Keys come from the environment; the real keyring is never touched.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONUNBUFFERED": "1",
    })
    return env


@pytest.fixture
def launch(app_env) -> Iterator:
    """``launch()`` starts ``python -m tempmail_desktop``; anything still running is killed after the test."""
    started: list[subprocess.Popen] = []

    def start(*args: str) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-m", "tempmail_desktop", *args], env=app_env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_second_launch_hands_over_and_sigterm_quits_cleanly(app_env, launch, gptmail_fake):
    home = Path(app_env["TEMPMAIL_HOME"])
    socket_path = Path(app_env["TMPDIR"]) / instance_server_name()
    database = home / "tempmail.sqlite3"
    log_file = home / "logs" / "tempmail-desktop.log"

    first = launch()
    wait_for(socket_path.exists, START_TIMEOUT_S, "the single-instance socket", first)
    wait_for(lambda: "Waiting for you" in stored_subjects(database), START_TIMEOUT_S,
             "the waiting mail to be fetched", first)

    started = time.monotonic()
    second = subprocess.run([sys.executable, "-m", "tempmail_desktop"], env=app_env, capture_output=True,
                            text=True, timeout=60)
    took = time.monotonic() - started
    print(f"\nsecond launch left after {took:.2f} s")
    assert second.returncode == 0, second.stderr
    assert "Tempmail Desktop is already running" in second.stdout
    assert took < SECOND_LAUNCH_LIMIT_S
    time.sleep(0.5)
    assert first.poll() is None, "the first instance died when the second one called"

    first.send_signal(signal.SIGTERM)
    try:
        code = first.wait(QUIT_LIMIT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the app did not quit within {QUIT_LIMIT_S:g} s of SIGTERM")
    out, err = first.communicate()
    assert code == 0, err
    assert "quitting" in log_file.read_text(encoding="utf-8")
    assert not socket_path.exists(), "the single-instance socket was left behind"

    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    with Store(database) as store:
        assert [(mb.provider, mb.address) for mb in store.mailboxes()] == [("gptmail", ADDRESS)]
        assert [m.subject for m in store.messages("gptmail", ADDRESS)] == ["Waiting for you"]


def test_two_data_folders_run_side_by_side_and_each_hands_over_to_its_own(app_env, launch, tmp_path,
                                                                        monkeypatch):
    """One instance per data folder: a second TEMPMAIL_HOME starts its own
    app (same user, same runtime folder), a second launch on either one
    still wakes the app already running on it and leaves."""
    runtime = Path(app_env["TMPDIR"])
    first_socket = runtime / instance_server_name()
    other_home = tmp_path / "other-home"
    with monkeypatch.context() as patch:
        patch.setenv("TEMPMAIL_HOME", str(other_home))
        other_socket = runtime / instance_server_name()

    first = launch()
    wait_for(first_socket.exists, START_TIMEOUT_S, "the first folder's single-instance socket", first)
    other_env = {**app_env, "TEMPMAIL_HOME": str(other_home)}
    other = subprocess.Popen([sys.executable, "-m", "tempmail_desktop"], env=other_env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(other_socket.exists, START_TIMEOUT_S, "the other folder's single-instance socket", other)
        wait_for(lambda: (other_home / "tempmail.sqlite3").exists(), START_TIMEOUT_S,
                 "the other folder's store", other)
        time.sleep(0.5)
        assert other.poll() is None, f"the other folder's app left: {other.communicate()[0]}"

        again = subprocess.run([sys.executable, "-m", "tempmail_desktop"], env=app_env, capture_output=True,
                               text=True, timeout=60)
        assert again.returncode == 0, again.stderr
        assert "Tempmail Desktop is already running" in again.stdout
        time.sleep(0.5)
        assert first.poll() is None and other.poll() is None, "a running app died when another launch called"
    finally:
        for process in (first, other):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in (first, other):
            try:
                process.wait(QUIT_LIMIT_S)
            except subprocess.TimeoutExpired:
                process.kill()
            process.communicate()
    assert first.returncode == 0 and other.returncode == 0


@pytest.mark.parametrize("command", [
    pytest.param([str(Path(sys.executable).with_name("tempmail-desktop"))], id="console-script"),
    pytest.param([sys.executable, "-m", "tempmail_desktop"], id="python-m"),
])
def test_version_prints_the_version(command):
    if not Path(command[0]).exists():
        pytest.skip("the tempmail-desktop console script is not installed in this environment")
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_opened_attachments_are_removed_at_quit_and_after_a_crash(app_env, launch):
    socket_path = Path(app_env["TMPDIR"]) / instance_server_name()
    cache = paths.open_cache_dir()  # the test shares the app's TEMPMAIL_HOME
    # What a run that crashed while a PDF was open left behind.
    crashed = paths.new_open_folder() / "statement.pdf"
    crashed.write_bytes(b"%PDF-1.7 left by a crash")

    app = launch()
    wait_for(socket_path.exists, START_TIMEOUT_S, "the single-instance socket", app)
    assert not crashed.parent.exists(), "the last run's opened attachment is still there"

    # An attachment opened during this run, where "Open" writes it.
    opened = paths.new_open_folder() / "invoice.pdf"
    opened.write_bytes(b"%PDF-1.7 opened now")
    app.send_signal(signal.SIGTERM)
    try:
        code = app.wait(QUIT_LIMIT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the app did not quit within {QUIT_LIMIT_S:g} s of SIGTERM")
    assert code == 0, app.communicate()[1]
    assert list(cache.iterdir()) == [], "an opened attachment outlived the app"
