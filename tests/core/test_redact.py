"""Keys never reach a log: not in a message, not in a traceback, not in the
escaped form an error quotes them in, and not when they are short."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from tempmail_desktop.core import redact as redact_module
from tempmail_desktop.core.redact import MASK, RedactingFilter, redact, register_secret
from tempmail_desktop.service.logs import setup_logging

log = logging.getLogger("tempmail.tests.redact")


@pytest.fixture(autouse=True)
def fresh_secrets(monkeypatch):
    """Keys registered here are forgotten afterwards: a short test key must
    not mask words in every later test's output."""
    monkeypatch.setattr(redact_module, "_secrets", {})


class Logs:
    """The app's real logging (a file, and stderr at WARNING) in the test's
    own home, with the root logger's handlers as in the app: ours alone.
    (pytest's capture handler, left in, would render each traceback before
    ours and so hide the order in which ours work.)"""

    def __init__(self, monkeypatch) -> None:
        self.root = logging.getLogger()
        self.others = [h for h in self.root.handlers if not getattr(h, "_tempmail", False)]
        for handler in self.others:
            self.root.removeHandler(handler)
        self.stderr = io.StringIO()
        monkeypatch.setattr(sys, "stderr", self.stderr)
        self.path = setup_logging(filename="test.log", stderr_level=logging.WARNING)

    def file(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def restore(self) -> None:
        for handler in [h for h in self.root.handlers if getattr(h, "_tempmail", False)]:
            self.root.removeHandler(handler)
            handler.close()
        for handler in self.others:
            self.root.addHandler(handler)


@pytest.fixture
def logs(isolated_env, monkeypatch):
    opened = Logs(monkeypatch)
    yield opened
    opened.restore()


def fail_with(text: str) -> None:
    try:
        raise RuntimeError(text)
    except RuntimeError:
        log.exception("request failed")


@pytest.mark.log_warnings_expected
def test_a_key_inside_an_exception_message_never_reaches_the_log(logs):
    key = "tmg-9f8e7d6c5b4a3210"
    register_secret(key)
    fail_with(f"Illegal header value b'Bearer {key}'")

    for written in (logs.file(), logs.stderr.getvalue()):
        assert "Traceback" in written and "RuntimeError: Illegal header value b'Bearer ***'" in written
        assert key not in written


@pytest.mark.log_warnings_expected
def test_a_log_that_cannot_be_written_says_so_in_one_line_without_the_key(logs, monkeypatch):
    key = "wrk-closed-8765dcba"
    register_secret(key)
    logs.stderr.close()  # the terminal went away
    terminal = io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    fail_with(f"header {key}")
    said = terminal.getvalue()
    assert said.startswith("tempmail: the log could not be written (ValueError")
    assert said.count("\n") == 1 and key not in said and "Traceback" not in said
    assert key not in logs.file()


@pytest.mark.log_warnings_expected
def test_a_key_with_a_line_break_is_masked_in_the_form_errors_quote_it(logs):
    key = "gpt-live-4c1d\r\nX-Injected: 1"
    register_secret(key)
    fail_with(f"Illegal header value {key.encode()!r}")  # what h11 says: b'gpt-live-4c1d\r\n...'
    log.info("stored %r", key)  # a str repr

    written = logs.file()
    assert "gpt-live-4c1d" not in written
    assert "Illegal header value b'***'" in written and "stored '***'" in written


@pytest.mark.log_warnings_expected
def test_a_logged_stack_is_masked_too(logs):
    key = "wrk-stack-1234abcd"
    register_secret(key)
    log.warning("looking up wrk-stack-1234abcd", stack_info=True)
    written = logs.file()
    assert "Stack (most recent call last)" in written and key not in written


@pytest.mark.parametrize(("key", "line", "logged"), [
    ("q7", "X-API-Key: q7", f"X-API-Key: {MASK}"),
    ("q7", "Illegal header value b'Bearer q7'", f"Illegal header value b'Bearer {MASK}'"),
    ("q7", "key q7 rejected; q7x and xq7 are other words", f"key {MASK} rejected; q7x and xq7 are other words"),
    ("abc", "GET /api/abc/mails (abc)", f"GET /api/{MASK}/mails ({MASK})"),
    ("a", "a mail arrived for a box", f"{MASK} mail arrived for {MASK} box"),
])
def test_short_keys_are_masked_where_they_stand_alone(key, line, logged):
    register_secret(key)
    assert redact(line) == logged


def test_keys_of_four_characters_or_more_are_masked_even_inside_other_text():
    register_secret("k3yZ")
    assert redact("xk3yZx, Bearerk3yZ and /k3yZ/") == f"x{MASK}x, Bearer{MASK} and /{MASK}/"


def test_a_one_letter_key_leaves_words_readable(logs):
    register_secret("e")
    log.info("stored the key e for the service")
    assert "stored the key *** for the service" in logs.file()


def test_the_filter_cleans_the_record_for_every_later_handler():
    key = "cat-filter-5678efgh"
    register_secret(key)
    try:
        raise ValueError(f"key={key} and {key}")
    except ValueError:
        record = logging.LogRecord("tempmail.x", logging.ERROR, __file__, 1, "failed with %s",
                                   (key,), sys.exc_info())
    assert RedactingFilter().filter(record)
    plain = logging.Formatter().format(record)  # a formatter that knows nothing of keys
    assert key not in plain and "ValueError" in plain
