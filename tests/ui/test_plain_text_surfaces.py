"""Mail text outside the reader is shown as text: a subject, sender name,
attachment name, preview or link text carrying ``<img src=…>`` makes Qt open
no file, wherever it shows (list and its tooltips, the new-mail banner, the
reader's tooltips, the save bar, the questions asked before deleting,
opening an attachment or following a link).

Three levels: the helpers of ui/plain.py; the real window taking a hostile
mail through every surface while every label and tooltip carrying it is
checked for a format Qt would read as markup; and the same tour in a fresh
process under ``strace`` at display scales 1, 1.25 and 2, where no system
call may touch the honeypot folder the markup names, nor ``/dev/zero``.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip, QWidget

from tempmail_desktop.core.models import Mailbox, Message
from tempmail_desktop.service.settings import Settings
from tempmail_desktop.ui.message_bar import MessageBar
from tempmail_desktop.ui.notify import Notifier
from tempmail_desktop.ui.plain import bounded, message_box, plain_label, plain_tooltip
from tempmail_desktop.ui.tray import STATUS_NOTIFIER_WATCHER, TrayIcon
from tests.ui.conftest_async import qloop  # noqa: F401
from tests.ui.hostile_surfaces_probe import Tour, mail_texts, rich_text_offences, shown_literally
from tests.ui.test_main_window import desktop, fakes  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
# Read at import: the autouse isolated_env fixture clears TEMPMAIL_* for each test.
REQUIRE_DESKTOP = os.environ.get("TEMPMAIL_REQUIRE_DESKTOP") == "1"
HOSTILE = '<b>bold</b> scan <img src="/tmp/honeypot/x.png"> & <i>more</i>'

EXPECTED_STOPS = [
    "new-mail banner", "message list tooltip, column 1", "message list tooltip, column 2", "reader",
    "attachment tooltip 0", "link hovered", "save bar while saving", "save bar when saved",
    "delete question", "open-attachment question", "link question",
]
# Where the mail's text must have been on show (else the tour proved nothing there).
MUST_CARRY_MAIL = {
    "new-mail banner": "messageBar",
    "message list tooltip, column 1": "qtooltip_label",
    "message list tooltip, column 2": "qtooltip_label",
    "attachment tooltip 0": "qtooltip_label",
    "save bar while saving": "messageBar",
    "save bar when saved": "messageBar",
    "delete question": "qt_msgbox_label",
    "open-attachment question": "qt_msgbox_label",
    "link question": "qt_msgbox_label",
}


# -- the helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "limit", "lines", "expected"), [
    ("Your order  has\nshipped", 100, 1, "Your order has shipped"),
    ("x" * 50, 10, 1, "x" * 9 + "…"),
    ("word " * 40, 20, 1, "word word word word…"),
    ("first line\n\n   \nsecond   line\nthird", 100, 2, "first line\nsecond line…"),
    ("", 10, 1, ""),
    (None, 10, 1, ""),
])
def test_bounded_gives_short_plain_lines(text, limit, lines, expected):
    shown = bounded(text, limit, lines=lines)
    assert shown == expected
    assert len(shown) <= limit


def test_bounded_reads_no_more_of_a_huge_text_than_it_keeps():
    started = time.perf_counter()
    for huge in (" " * 2_000_000 + "end", "w" * 2_000_000, "\n" * 1_000_000 + "x", "a " * 1_000_000):
        assert len(bounded(huge, 200, lines=3)) <= 200
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text", [
    HOSTILE,
    "Line one <img src=\"/dev/zero\">\n  indented   second line",
    "&lt;b&gt; already escaped &amp; stays so",
])
def test_a_tooltip_is_shown_character_for_character(qapp, text):
    tip = plain_tooltip(text)
    # Qt reads a tooltip as rich text when mightBeRichText says so; then only
    # the wrapper is markup, and what shows is the text itself.
    if GuiQt.mightBeRichText(tip):
        assert "<img" not in tip and "<b>" not in tip
        document = QTextDocument()
        document.setHtml(tip)
        assert document.toPlainText() == text
    else:
        assert tip == text


def test_plain_tooltips_stay_as_they_are(qapp):
    # What Qt already shows as typed is left alone (screen readers read tooltips).
    for text in ("GitHub <noreply@github.com>", "Unread, 1 attachment", "5 > 3 & 2 < x@y"):
        assert plain_tooltip(text) == text


def test_a_real_tooltip_shows_the_literal_text(qapp, qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QToolTip.showText(widget.mapToGlobal(QPoint(5, 5)), plain_tooltip(HOSTILE), widget)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    [label] = [w for w in QApplication.allWidgets() if w.objectName() == "qtooltip_label" and w.isVisible()]
    assert isinstance(label, QLabel)
    assert shown_literally(label.text(), label.textFormat())
    QToolTip.hideText()


def test_a_long_tooltip_is_cut(qapp):
    tip = plain_tooltip("<b>" + "y" * 100_000)
    assert len(tip) < 1200 and tip.endswith("…</p></qt>")


def test_labels_and_message_boxes_are_plain(qapp, qtbot):
    label = plain_label(QLabel())
    label.setText(HOSTILE)
    assert label.textFormat() == Qt.TextFormat.PlainText
    box = message_box(None, QMessageBox.Icon.Question, HOSTILE, HOSTILE + "\n" * 100 + "end")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text().startswith(HOSTILE) and box.text().endswith("…")
    assert "\n" not in box.windowTitle()


def test_the_banner_shows_a_subject_as_text_and_short(qapp, qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message(HOSTILE + " " + "z" * 50_000, kind="mail")
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert bar.text().startswith("<b>bold</b> scan <img") and len(bar.text()) <= 600


# -- a tray on D-Bus --------------------------------------------------------------------


class _StubWindow:
    def __init__(self) -> None:
        self.message_bar = MessageBar()

    def open_message(self, provider: str, address: str, message_id: str) -> None:
        pass


@pytest.mark.tray
def test_a_tray_that_relays_balloons_over_dbus_is_not_handed_mail_text(
        tray_host, notification_daemon, session_bus, tmp_path, qtbot):
    """Where Qt's tray is a StatusNotifierItem, Qt sends a balloon's body as it
    is to the notification service, which may read it as markup; the notifier
    then notifies through that service itself, escaped for it."""
    daemon = notification_daemon(capabilities=("actions", "body", "body-markup"))
    settings = Settings(tmp_path / "settings.json")
    tray = TrayIcon(settings)
    tray.show()
    qtbot.waitUntil(lambda: not tray.geometry().isEmpty(), timeout=5000)
    window = _StubWindow()
    qtbot.addWidget(window.message_bar)
    notifier = Notifier(settings, window, tray, session_bus=session_bus, group_window_ms=20)
    watcher = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, "tempmail-tests-sni-watcher")
    try:
        assert notifier.backend == "tray"
        assert watcher.registerService(STATUS_NOTIFIER_WATCHER)
        assert notifier.backend == "freedesktop"
        subject = '<img src="/tmp/honeypot/x.png"> Hi'
        notifier.notify_new_mail(Mailbox(provider="gptmail", address="a@b.c"), [Message(
            id="m-1", provider="gptmail", mailbox="a@b.c", from_addr="shop@example.org",
            from_name='<img src="/tmp/honeypot/y.png">', subject=subject, text="")])
        qtbot.waitUntil(lambda: bool(notifier.history), timeout=5000)
        [call] = daemon.calls()
        assert call["summary"] == subject  # the summary is plain text by the specification
        assert call["body"].startswith('From &lt;img src="/tmp/honeypot/y.png"&gt; to a@b.c')
    finally:
        watcher.unregisterService(STATUS_NOTIFIER_WATCHER)
        QDBusConnection.disconnectFromBus("tempmail-tests-sni-watcher")
        notifier.close()
        tray.hide()
        tray.deleteLater()


# -- the real window ----------------------------------------------------------------------


def test_every_surface_of_the_window_shows_hostile_mail_as_text(desktop, tmp_path):  # noqa: F811
    app = desktop()
    honeypot = tmp_path / "honeypot"
    honeypot.mkdir()
    save_folder = tmp_path / "saved"
    save_folder.mkdir()
    offences: dict[str, list[str]] = {}
    carried: dict[str, set[str]] = {}

    def look(stop: str) -> None:
        offences[stop] = rich_text_offences(app.window)
        found, _count = mail_texts(app.window)
        carried[stop] = {where for where, _text, _format in found}

    tour = Tour(app.parts, app.fakes["tempmailg"], honeypot, save_folder, wait=app.wait, look=look)
    tour.run()

    assert tour.stops == EXPECTED_STOPS
    for stop, widget in MUST_CARRY_MAIL.items():
        assert any(widget in where for where in carried[stop]), (
            f"the mail's text was not on show at the {stop}: {sorted(carried[stop])}")
    first_seen: dict[str, str] = {}  # each offence once, with the first stop that showed it
    for stop, found in offences.items():
        for offence in found:
            first_seen.setdefault(offence, stop)
    assert not first_seen, "mail text shown where Qt reads markup:\n" + "\n".join(
        f"{stop}: {offence}" for offence, stop in first_seen.items())
    assert {p.name for p in save_folder.iterdir()}, "the attachments were not saved"


# -- the same tour under strace, at three display scales --------------------------------------


def _strace_works() -> str | None:
    strace = shutil.which("strace")
    if strace is None:
        return "strace is not installed (scripts/system-deps.sh installs it)"
    tried = subprocess.run([strace, "-f", "-qq", "-e", "trace=file", "-o", os.devnull, "true"],
                           capture_output=True, text=True, timeout=30)
    if tried.returncode != 0:
        return f"strace cannot trace here: {tried.stderr.strip()}"
    return None


def _honeypot(folder: Path) -> Path:
    """A folder of real pictures, with the names the hostile mail's markup gives."""
    folder.mkdir()
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.red)
    for name in ("subject", "sender", "attachment", "preview", "link"):
        picture.save(str(folder / f"{name}.png"))
    return folder


def _small_address_space() -> None:
    # Old code reads /dev/zero until std::bad_alloc: make that a quick abort,
    # not gigabytes of memory taken from the machine running the tests.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


@pytest.mark.parametrize("scale", ["1", "1.25", "2"])
def test_no_surface_touches_the_files_hostile_markup_names(qapp, tmp_path, scale):
    problem = _strace_works()
    if problem is not None:
        if REQUIRE_DESKTOP:
            pytest.fail(f"{problem} (TEMPMAIL_REQUIRE_DESKTOP=1)")
        pytest.skip(problem)
    honeypot = _honeypot(tmp_path / "honeypot")
    trace = tmp_path / "trace.txt"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("TEMPMAIL_", "QT_"))}
    env.update(QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    started = time.perf_counter()
    run = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=file", "-o", str(trace),
         sys.executable, "-m", "tests.ui.hostile_surfaces_probe", str(honeypot), "--dev-zero"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, preexec_fn=_small_address_space)
    took = time.perf_counter() - started
    print(f"\nscale {scale}: the tour under strace took {took:.1f} s")

    touched = [line for line in trace.read_text(errors="replace").splitlines()
               if (str(honeypot) in line or '"/dev/zero"' in line) and "execve(" not in line]
    assert not touched, f"{len(touched)} system calls touched what the mail names, e.g.:\n" + "\n".join(touched[:10])
    assert run.returncode == 0, f"the tour failed (exit {run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}"
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["error"] == ""
    assert report["stops"] == EXPECTED_STOPS[:5] + ["attachment tooltip 1"] + EXPECTED_STOPS[5:]
    assert set(report["dialogs"]) == {"delete question", "open-attachment question", "link question"}
    assert report["offences"] == []
