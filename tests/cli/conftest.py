"""The four fakes, with the environment the contract names pointing at them."""

from __future__ import annotations

import json
import threading
import time

import pytest

from tempmail_desktop import cli
from tests.fakes.catmails import DEMO_KEY

KEYS = {
    "gptmail": "gpt-test",
    "tempmailg": "tmg-test-key",
    "catmails": DEMO_KEY,
    "worker": "tmp_test_key",
}


@pytest.fixture
def fakes(monkeypatch, gptmail_fake, tempmailg_fake, catmails_fake, worker_fake):
    servers = {
        "gptmail": gptmail_fake,
        "tempmailg": tempmailg_fake,
        "catmails": catmails_fake,
        "worker": worker_fake,
    }
    for pid, server in servers.items():
        monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_URL", server.url)
        monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_KEY", KEYS[pid])
    monkeypatch.setenv("TEMPMAIL_CATMAILS_WS_URL", catmails_fake.url.replace("http", "ws") + "/ws/")
    return servers


class Run:
    """One ``tempmail`` invocation, in process: exit code, stdout, stderr."""

    def __init__(self, capsys) -> None:
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = cli.main(list(argv))
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str):
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(capsys):
    return Run(capsys)


def deliver_later(delay: float, fn) -> tuple[threading.Thread, list[float]]:
    """Deliver from another thread after ``delay``; records when it was delivered."""
    stamp: list[float] = []

    def go() -> None:
        time.sleep(delay)
        fn()
        stamp.append(time.monotonic())

    thread = threading.Thread(target=go, daemon=True)
    thread.start()
    return thread, stamp
