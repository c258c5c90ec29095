"""AppController's remote-image job: the reader always gets an answer, so its
"Loading images…" button comes back, and quitting still stops the job."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import pytest

from tempmail_desktop.service.remote_images import DEFAULT_LIMITS
from tests.fakes.tracker import PNG_HEAD, Tracker
from tests.ui.conftest_async import app_controller, qloop, run, run_until  # noqa: F401

@pytest.fixture
def image_host():
    with Tracker() as host:
        yield host


def refused_address() -> str:
    """An address on loopback where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/x.png"


def test_when_every_image_fails_the_reader_still_hears_back(app_controller, qloop, image_host):
    controller = app_controller()
    errors: list[tuple[str, str]] = []
    controller.errorOccurred.connect(lambda who, what: errors.append((who, what)))
    answers: list[dict] = []
    urls = [
        image_host.url + "/typed?type=text/html",
        image_host.url + "/gone.png",  # no such route: 404
        image_host.url + "/away?to=data:image/png;base64,AA==",
        refused_address(),
        "http://[::1/broken.png",
    ]

    controller.fetch_remote_images(urls, answers.append)
    run_until(qloop, lambda: answers, timeout=10, what="the answer to the reader")

    assert answers == [{}]
    assert errors == []


def test_a_mail_whose_images_never_finish_hears_back_with_what_loaded(app_controller, qloop, image_host):
    controller = app_controller()
    controller.image_limits = replace(DEFAULT_LIMITS, mail_seconds=0.5)
    answers: list[dict] = []

    started = time.monotonic()
    controller.fetch_remote_images([image_host.url + "/drip", image_host.url + "/pixel/fine"], answers.append)
    run_until(qloop, lambda: answers, timeout=10, what="the answer to the reader")

    assert answers == [{image_host.url + "/pixel/fine": PNG_HEAD + b"fine"}]
    assert time.monotonic() - started < 2.0


def test_quitting_stops_a_fetch_under_way(app_controller, qloop, image_host):
    controller = app_controller()
    answers: list[dict] = []

    task = controller.fetch_remote_images([image_host.url + "/drip"], answers.append)
    run_until(qloop, lambda: image_host.requests, timeout=10, what="the image request")
    started = time.monotonic()
    run(qloop, controller.shutdown())

    assert task.cancelled() and task.get_name() == "remote-images"
    assert time.monotonic() - started < 2.0
    assert answers == []


def test_the_tray_reads_stored_mail_through_the_controller(app_controller):
    """The app hands its controller to the notifier as the store its tray entries read:
    a mail is found while stored and gone once deleted."""
    from datetime import datetime, timezone

    from tempmail_desktop.core.models import Mailbox, Message

    controller = app_controller()
    store = controller.service.store
    store.add_mailbox(Mailbox("gptmail", "me@example.com"))
    mail = Message(id="m1", provider="gptmail", mailbox="me@example.com", from_addr="a@b.example", from_name="",
                   subject="Your code is 482913", received_at=datetime(2026, 5, 9, tzinfo=timezone.utc),
                   text="Your code is 482913")
    store.save_message(mail)
    assert controller.message("gptmail", "me@example.com", "m1").code == "482913"
    assert controller.latest_code() == "482913"
    store.delete_message("gptmail", "me@example.com", "m1")
    assert controller.message("gptmail", "me@example.com", "m1") is None
