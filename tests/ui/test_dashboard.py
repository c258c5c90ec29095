"""The GPTMail dashboard against the loopback GPTMail: the service's numbers,
a bar per hour, masked top lists, errors in place, and the domain form."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette

from tempmail_desktop.core.timeutil import UTC, utcnow
from tempmail_desktop.ui.dashboard import DashboardDialog, HourlyChart, clean_domain, last_24_hours
from tests.ui.conftest_async import app_controller, dialogs, qloop, run_until  # noqa: F401

NOW = datetime(2025, 3, 5, 12, 40, tzinfo=UTC)
H = timedelta(hours=1)


@pytest.fixture
def controller(app_controller, gptmail_fake):
    return app_controller(**{"providers.gptmail.base_url": gptmail_fake.url})


def open_dashboard(controller, qloop, dialogs) -> DashboardDialog:  # noqa: F811
    dialog = DashboardDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    wait_loaded(dialog, qloop)
    return dialog


def wait_loaded(dialog: DashboardDialog, qloop) -> None:  # noqa: F811
    run_until(qloop, dialog.refresh_button.isEnabled, what="the statistics to load")


def domain_answer(dialog: DashboardDialog, qloop) -> str:  # noqa: F811
    run_until(qloop, lambda: not dialog.domain_result.text().startswith("Submitting"), what="the domain answer")
    return dialog.domain_result.text()


def number(value: int) -> str:
    return QLocale().toString(value)


# -- the hours of a day -----------------------------------------------------------------


def hour(delta_hours: int) -> datetime:
    return datetime(2025, 3, 5, 12, tzinfo=UTC) + delta_hours * H


@pytest.mark.parametrize(
    ("rows", "first", "last", "counts"),
    [
        ([], hour(-23), hour(0), {}),
        ([(hour(-2), 3), (hour(0), 1)], hour(-23), hour(0), {hour(-2): 3, hour(0): 1}),
        # The service's "last 24 hours" reaches into a 25th hour bucket.
        ([(hour(-24), 2)], hour(-24), hour(0), {hour(-24): 2}),
        # Older than that is not the last day.
        ([(hour(-30), 9), (hour(-1), 1)], hour(-23), hour(0), {hour(-1): 1}),
        # A service clock an hour ahead of ours moves the window along.
        ([(hour(1), 4)], hour(-22), hour(1), {hour(1): 4}),
        # Minutes in the hour, and the same hour twice, fold into one bar.
        ([(hour(-3) + timedelta(minutes=20), 1), (hour(-3), 2)], hour(-23), hour(0), {hour(-3): 3}),
    ],
)
def test_last_24_hours_gives_one_entry_per_hour(rows, first, last, counts):
    hours = last_24_hours(rows, NOW)
    starts = [start for start, _count in hours]
    assert starts[0] == first and starts[-1] == last
    assert all(b - a == H for a, b in zip(starts, starts[1:]))
    assert {start: count for start, count in hours if count} == counts


@pytest.fixture
def utc_plus_8(monkeypatch):
    """The local zone eight hours east of UTC (a POSIX rule: no zone files needed)."""
    monkeypatch.setenv("TZ", "XST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_chart_speaks_local_time(qtbot, utc_plus_8):
    chart = HourlyChart()
    qtbot.addWidget(chart)
    chart.set_hours([(hour(-1), 0), (hour(0), 4)])  # 11:00 and 12:00 UTC

    assert chart.tooltip_for(1) == "20:00–21:00: 4 mail(s)"
    assert chart.tooltip_for(0) == "19:00–20:00: 0 mail(s)"
    assert chart.accessibleDescription() == "4 mail(s) over 2 hours; the busiest hour was 20:00 with 4 mail(s)."


@pytest.mark.parametrize(
    ("typed", "domain"),
    [
        ("example.com", "example.com"),
        ("  Mine.Example.NET. ", "mine.example.net"),
        ("@example.org", "example.org"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ("localhost", None),
        ("example", None),
        ("exa mple.com", None),
        ("-bad.example.com", None),
        ("user@example.com", None),
        ("http://example.com", None),
        ("10.0.0.1", None),
        ("", None),
    ],
)
def test_clean_domain(typed, domain):
    assert clean_domain(typed) == domain


# -- statistics ---------------------------------------------------------------------------


def test_the_dashboard_shows_what_the_service_counts(controller, qloop, dialogs, gptmail_fake):
    now = utcnow()
    deliveries = [  # (hours ago, subject, sender)
        (0, "Welcome aboard", "news@shop.example"),
        (0, "Welcome aboard", "news@shop.example"),
        (1, "Your code", "otp@bank.example"),
        (1, "Your code", "otp@bank.example"),
        (1, "Your code", "otp@bank.example"),
        (5, "Invoice", "billing@shop.example"),
    ]
    for hours_ago, subject, sender in deliveries:
        gptmail_fake.deliver("someone@chatgpt.org.uk", sender=sender, subject=subject, text="hi",
                             when=now - timedelta(hours=hours_ago))

    dialog = open_dashboard(controller, qloop, dialogs)

    assert dialog.status_label.text().startswith("Updated at")
    today = sum(1 for hours_ago, *_ in deliveries if (now - timedelta(hours=hours_ago)).date() == now.date())
    assert {name: label.text() for name, label in dialog.stat_labels.items()} == {
        "total_emails": number(6),
        "today_emails": number(today),
        "emails_24h": number(6),
        "unique_subjects": number(3),
        "active_domains": number(2),
        "domain_count": number(3),  # two active, one configured but inactive
    }

    # One bar per hour of the last day, each hour counted as the service counted it.
    hours = dialog.chart.hours()
    starts = [start for start, _ in hours]
    current = now.replace(minute=0, second=0, microsecond=0)
    assert starts[-1] in (current, current + H)  # the clock may pass an hour while loading
    assert starts == [starts[-1] - (23 - i) * H for i in range(24)]
    by_hour = {start: count for start, count in hours}
    assert by_hour[current] == 2 and by_hour[current - H] == 3 and by_hour[current - 5 * H] == 1
    assert sum(by_hour.values()) == 6

    rects = dialog.chart.bar_rects()
    assert len(rects) == 24
    assert [rect.height() > 0 for rect in rects] == [count > 0 for _, count in hours]
    heights = {start: rect.height() for (start, _), rect in zip(hours, rects)}
    assert heights[current - H] > heights[current] > heights[current - 5 * H] > 0

    # And they are painted: the middle of the busiest bar has the bar colour.
    busiest = rects[starts.index(current - H)]
    image = dialog.chart.grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(int(busiest.center().x() * ratio), int(busiest.center().y() * ratio))
    assert pixel == dialog.chart.palette().color(QPalette.ColorRole.Highlight)

    local = f"{(current - H).astimezone().hour:02d}:00"
    assert dialog.chart.tooltip_for(starts.index(current - H)).startswith(local)
    assert dialog.chart.tooltip_for(starts.index(current - H)).endswith("3 mail(s)")
    assert "6 mail(s) over 24 hours" in dialog.chart.accessibleDescription()

    # The lists carry the service's masked words, never the real ones.
    assert dialog.top_subjects.rows() == [("Yo***", number(3)), ("We***", number(2)), ("In***", number(1))]
    assert dialog.top_domains.rows() == [("ch****rg.uk", number(6))]
    assert dialog.top_senders.rows() == [("ot***@ba***.example", number(3)), ("ne***@sh***.example", number(2)),
                                         ("bi***@sh***.example", number(1))]


def test_a_quiet_day_draws_no_bars(controller, qloop, dialogs):
    dialog = open_dashboard(controller, qloop, dialogs)
    assert len(dialog.chart.hours()) == 24
    assert all(rect.height() == 0 for rect in dialog.chart.bar_rects())
    assert dialog.chart.accessibleDescription() == "No mail in the last 24 hours."
    assert dialog.stat_labels["total_emails"].text() == number(0)


def test_a_spent_quota_is_shown_in_the_dialog_and_refresh_recovers(controller, qloop, dialogs, gptmail_fake, qtbot):
    gptmail_fake.deliver("someone@chatgpt.org.uk", subject="Hello", text="hi")
    gptmail_fake.fail_next("429", times=5)

    dialog = open_dashboard(controller, qloop, dialogs)

    status = dialog.status_label.text()
    assert status.startswith("Could not load everything: Daily quota exceeded")
    assert "reset" in status
    assert dialog.status_label.property("error") is True
    assert all(label.text() == "–" for label in dialog.stat_labels.values())
    assert dialog.chart.hours() == []
    assert dialog.top_subjects.rows() == []

    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    wait_loaded(dialog, qloop)
    assert dialog.status_label.property("error") is False
    assert dialog.stat_labels["total_emails"].text() == number(1)
    assert dialog.top_subjects.rows() == [("He***", number(1))]


def test_one_failing_part_leaves_the_others_shown(controller, qloop, dialogs, gptmail_fake):
    gptmail_fake.fail_next("429", path="/api/statistics/24h")
    dialog = open_dashboard(controller, qloop, dialogs)
    assert dialog.status_label.text().startswith("Could not load everything: Daily quota exceeded")
    assert dialog.stat_labels["active_domains"].text() == number(2)
    assert dialog.chart.hours() == []


def test_a_broken_answer_is_shown_in_the_dialog(controller, qloop, dialogs, gptmail_fake):
    gptmail_fake.respond_next("/api/stats", {"success": True, "data": {"total_emails": "many"}, "error": ""})
    dialog = open_dashboard(controller, qloop, dialogs)
    assert dialog.status_label.property("error") is True
    assert "unexpected shape" in dialog.status_label.text()


# -- the domain form --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("mine.example.net", "Submitted mine.example.net; the service will check its MX records."),
        (" Mine.Example.net ", "Submitted mine.example.net; the service will check its MX records."),
        ("elsewhere.example.com", "MX record does not point to the expected host"),
        ("chatgpt.org.uk", "Domain already exists"),
    ],
)
def test_a_domain_request_shows_the_service_answer(controller, qloop, dialogs, qtbot, gptmail_fake, typed, answer):
    dialog = open_dashboard(controller, qloop, dialogs)
    qtbot.keyClicks(dialog.domain_edit, typed)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    assert domain_answer(dialog, qloop) == answer
    accepted = answer.startswith("Submitted")
    assert dialog.domain_result.property("error") is not accepted
    assert gptmail_fake.requested_domains == (["mine.example.net"] if accepted else [])
    assert dialog.submit_button.isEnabled()  # ready for another try


@pytest.mark.parametrize("typed", ["localhost", "not a domain", "someone@example.com"])
def test_a_domain_that_is_not_one_is_refused_before_sending(controller, qloop, dialogs, qtbot, gptmail_fake, typed):
    dialog = open_dashboard(controller, qloop, dialogs)
    qtbot.keyClicks(dialog.domain_edit, typed)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    assert dialog.domain_result.text() == "Type a domain name with a dot, like example.com."
    assert dialog.domain_result.property("error") is True
    assert gptmail_fake.seen("/api/domains/request") == []


def test_submit_waits_for_a_domain(controller, qloop, dialogs, qtbot):
    dialog = open_dashboard(controller, qloop, dialogs)
    assert not dialog.submit_button.isEnabled()
    qtbot.keyClicks(dialog.domain_edit, "a")
    assert dialog.submit_button.isEnabled()


@pytest.mark.parametrize("after_first_request", [True, False])
def test_closing_while_loading_stops_the_job(controller, qloop, dialogs, gptmail_fake, after_first_request):
    gptmail_fake.fail_next("slow", delay=2.0)
    errors: list[tuple[str, str]] = []
    controller.errorOccurred.connect(lambda who, text: errors.append((who, text)))
    dialog = DashboardDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    [job] = [task for task in asyncio.all_tasks(qloop) if task.get_name() == "gptmail-stats"]
    if after_first_request:
        run_until(qloop, lambda: gptmail_fake.seen("/api/"), what="the first request")

    dialog.close()
    run_until(qloop, job.done, what="the load job to end")
    assert job.cancelled()
    assert errors == []  # nothing tried to fill a dialog that is gone
