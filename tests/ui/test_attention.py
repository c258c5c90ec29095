"""Attention decides the cadence, in the running app: looking at a mailbox
checks it at once, the status bar's next check counts down, and when the
service's daily quota holds checks back the status bar says so.

The real app on a qasync loop against the loopback fakes, as in
test_main_window.py (whose Desktop helper and fixtures these tests use).
"""

from __future__ import annotations

import re
import time

from tests.ui.conftest_async import qloop  # noqa: F401
from tests.ui.test_main_window import Desktop, desktop, fakes  # noqa: F401


def listings_of(app: Desktop, address: str) -> int:
    return sum(1 for r in app.fakes["gptmail"].seen("/api/emails") if r.query.get("email") == address)


def idle_addresses(app: Desktop, provider_id: str, count: int):
    """``count`` new addresses that are not hot (a zero-minute hot window), so
    nothing but the user's attention makes them checked before their idle interval."""
    app.controller.service.settings.set("poll.hot_minutes", 0)
    boxes = [app.new_address(provider_id) for _ in range(count)]
    for box in boxes:
        app.first_listing(box)
    return boxes


def test_selecting_a_mailbox_checks_it_at_once(desktop):
    app = desktop()
    first, second = idle_addresses(app, "gptmail", 2)
    assert app.window.current_mailbox() == second
    app.pause(0.3)  # the selection's own check of the second one is done
    before = listings_of(app, first.address)

    app.click_mailbox(first)
    clicked = time.monotonic()
    app.wait(lambda: listings_of(app, first.address) > before,
             f"a check of {first.address} right after it was selected", timeout=1.0)
    # GPTMail's idle interval is 300 s: only the selection can have asked.
    assert time.monotonic() - clicked < 1.0


def test_next_check_counts_down_each_second(desktop):
    app = desktop()
    (mailbox,) = idle_addresses(app, "worker", 1)  # the worker's idle interval: 60 s
    label = app.window.next_label

    def seconds_left() -> int | None:
        found = re.fullmatch(r"Next check in (\d+) s", label.text())
        return int(found.group(1)) if found else None

    app.wait(lambda: seconds_left() is not None, "a next check in the status bar")
    start = seconds_left()
    app.pause(2.3)  # no watcher state changes in between: the label must count by itself
    later = seconds_left()
    assert later is not None and start - 3 <= later <= start - 2, (start, later)
    assert mailbox == app.window.current_mailbox()


def test_the_status_bar_says_when_the_quota_slows_checking(desktop):
    app = desktop()
    mailbox = app.new_address("gptmail")  # hot: checked every 5 s
    app.first_listing(mailbox)
    app.controller.budget_for("gptmail").tokens = 0.0  # as after a long day of looking at it

    app.wait(lambda: "daily quota" in app.window.state_label.text(), "the status bar to say why checks slowed")
    found = re.fullmatch(r"Checking every (\d+) s to stay within GPTMail's daily quota", app.window.state_label.text())
    assert found and 30 <= int(found.group(1)) <= 120, app.window.state_label.text()
    assert re.fullmatch(r"Next check in \d+ s", app.window.next_label.text())
