"""The command's errors name the command's way out ("tempmail key set …"),
never the window's (Settings, a key kept for the session), and every 429 is
a quota or rate limit, whatever the service said with it."""

from __future__ import annotations

import pytest

from tests.cli.conftest import KEYS
from tests.fakes.limited import LimitedService

PROVIDERS = ["gptmail", "tempmailg", "catmails", "worker"]
# What a limiter may send with a 429: Cat Mails' documented error words
# (once read as a key error), other words, and nothing.
SAID_WITH_429 = ["Invalid key", "Mailbox scope is invalid", "Slow down, please", None]
WINDOW_ONLY = ("Settings", "session only")


def assert_command_words(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for words in WINDOW_ONLY:
        assert words not in err, err


@pytest.mark.parametrize("key", ["my-own-gptmail-key-42", "gpt-test"], ids=["own key", "public test key"])
def test_a_refused_gptmail_key_names_the_command_that_sets_one(fakes, run, monkeypatch, key):
    if key == "gpt-test":
        monkeypatch.delenv("TEMPMAIL_GPTMAIL_KEY")  # none set: the built-in public test key is used
    else:
        monkeypatch.setenv("TEMPMAIL_GPTMAIL_KEY", key)
    fakes["gptmail"].keys.add(key)
    fakes["gptmail"].fail_next("401")

    code, out, err = run("new", "-p", "gptmail")

    assert code == 3
    assert err.startswith("tempmail: gptmail: Invalid API key"), err
    assert "run 'tempmail key set gptmail' or set TEMPMAIL_GPTMAIL_KEY" in err
    assert key not in out + err
    assert_command_words(err)


def test_a_missing_key_names_the_command_that_sets_one(fakes, run, monkeypatch):
    monkeypatch.delenv("TEMPMAIL_WORKER_KEY")

    code, _out, err = run("new", "-p", "worker")

    assert code == 3
    assert err == "tempmail: worker: no API key for TempMail (worker); run 'tempmail key set worker' or set TEMPMAIL_WORKER_KEY\n"


@pytest.mark.parametrize("said", SAID_WITH_429, ids=lambda said: said or "no body")
@pytest.mark.parametrize("pid", PROVIDERS)
def test_every_429_is_a_quota_or_rate_limit(run, monkeypatch, pid, said):
    with LimitedService(said) as service:
        monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_URL", service.url)
        monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_KEY", KEYS[pid])

        code, out, err = run("new", "-p", pid)

    assert code == 4, err
    assert err.startswith(f"tempmail: {pid}: "), err
    words = err.lower()
    assert "quota" in words or "rate limit" in words, err
    assert "key set" not in err
    if said:
        assert said in err  # what the service said is kept, as the detail
    assert_command_words(err)
