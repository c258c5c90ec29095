"""Errors carry a catalog text (the English str() and its template) and a
way out by id; the text itself never names one."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tempmail_desktop.core import texts
from tempmail_desktop.core.errors import (
    AuthError,
    InvalidKeyError,
    ProtocolError,
    QuotaError,
    RejectedError,
    ServiceFailingError,
    UnavailableError,
)
from tempmail_desktop.core.texts import WayOut


@pytest.mark.parametrize(("said", "english"), [
    ("", "quota or rate limit reached"),
    (None, "quota or rate limit reached"),
    ("Invalid key", "quota or rate limit reached (the service said: Invalid key)"),
    ("Daily quota exceeded", "Daily quota exceeded"),
    ("Too Many Requests", "Too Many Requests"),
])
def test_a_quota_error_always_says_quota_or_rate_limit(said, english):
    error = QuotaError(said, provider="catmails")

    assert str(error) == english
    assert error.said.template in (texts.QUOTA_REACHED.english, texts.QUOTA_REACHED_SAID.english,
                                   texts.QUOTA_SAID.english)
    assert error.way_out == WayOut.WAIT_QUOTA and error.exit_code == 4


def test_a_quota_error_keeps_a_services_own_quota_text():
    reset = datetime(2026, 1, 2, tzinfo=timezone.utc)
    said = texts.GPTMAIL_QUOTA(said=texts.QUOTA_SAID(said="Daily quota exceeded"), when="2026-01-02 00:00")

    error = QuotaError(said, reset_at=reset)

    assert str(error).startswith("Daily quota exceeded (the key's daily calls are used up")
    assert error.said.template == texts.GPTMAIL_QUOTA.english and error.reset_at == reset


@pytest.mark.parametrize(("error", "way_out"), [
    (AuthError("the API key was rejected"), WayOut.SET_KEY),
    (InvalidKeyError("x"), None),
    (InvalidKeyError("x", way_out=WayOut.STORE_KEY_AGAIN), WayOut.STORE_KEY_AGAIN),
    (UnavailableError("x"), None),  # the window and the command say nothing more than what failed
    (ServiceFailingError("x"), None),
    (ProtocolError("x"), None),
    (RejectedError("x"), None),
])
def test_each_error_names_its_way_out_by_id(error, way_out):
    assert error.way_out == way_out


def test_a_plain_message_is_the_services_words():
    error = RejectedError("Server busy")

    assert str(error) == "Server busy"
    assert error.said.template == texts.SERVICE_WORDS.english and error.said.args == {"said": "Server busy"}


def test_a_missing_key_names_no_way_out_in_its_text():
    error = AuthError(texts.NO_KEY(service="Worker"), provider="worker")

    assert str(error) == "no API key for Worker"
    assert error.way_out == WayOut.SET_KEY
