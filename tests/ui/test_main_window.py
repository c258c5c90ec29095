"""The desktop app end to end, as a new user meets it.

Every test builds the real app (``build_application``: store, settings,
secrets, service, controller, window, notifier) on a qasync loop, pointed at
the four loopback fakes, and drives it the way a user does: toolbar actions,
dialog buttons, clicks in the lists, the reader's buttons. There is no tray
here (the notifier falls back to the window's banner), so what a user would
see is what the tests read.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QFileDialog
from shiboken6 import isValid

from tempmail_desktop.core.models import PUSHED_ID_PREFIX, Mailbox, Message
from tempmail_desktop.providers.registry import provider_info
from tempmail_desktop.service.settings import poll_factor
from tempmail_desktop.service.watcher import WatchStatus
from tempmail_desktop.ui import bootstrap, dialogs
from tempmail_desktop.ui.bootstrap import AppParts
from tempmail_desktop.ui.notify import GROUP_WINDOW_MS
from tests.fakes.catmails import DEMO_KEY
from tests.ui.conftest_async import qloop, run, run_until  # noqa: F401

PROVIDERS = ("gptmail", "tempmailg", "catmails", "worker")
KEYS = {"gptmail": "gpt-test", "tempmailg": "tmg-test-key", "catmails": DEMO_KEY, "worker": "tmp_test_key"}


class _NoTray:
    """Stands in for QSystemTrayIcon in bootstrap: no tray in these tests,
    whatever tray host another test module left running."""

    @staticmethod
    def isSystemTrayAvailable() -> bool:  # noqa: N802 - Qt's name
        return False


@pytest.fixture
def fakes(monkeypatch, gptmail_fake, tempmailg_fake, catmails_fake, worker_fake):
    """The four fakes, with the contract's environment pointing the app at them."""
    servers = {"gptmail": gptmail_fake, "tempmailg": tempmailg_fake,
               "catmails": catmails_fake, "worker": worker_fake}
    for pid, server in servers.items():
        monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_URL", server.url)
        monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_KEY", KEYS[pid])
    monkeypatch.setenv("TEMPMAIL_CATMAILS_WS_URL", catmails_fake.url.replace("http", "ws") + "/ws/")
    monkeypatch.setattr(bootstrap, "QSystemTrayIcon", _NoTray)
    return servers


def deliver(fakes: dict, mailbox: Mailbox, *, subject: str, text: str = "", html: str | None = None,
            sender: str = "news@example.org") -> str:
    """Send a mail to ``mailbox`` through its service's fake; returns the service's id."""
    fake, address = fakes[mailbox.provider], mailbox.address
    if mailbox.provider == "gptmail":
        return fake.deliver(address, sender=sender, subject=subject, text=text, html=html)
    if mailbox.provider == "tempmailg":
        return fake.deliver(address, sender_email=sender, subject=subject,
                            html=html is not None, content=html if html is not None else text)
    if mailbox.provider == "catmails":
        return fake.deliver(address, sender=sender, subject=subject, content=html if html is not None else text)
    return fake.deliver(address, sender=sender, subject=subject, text=text, html=html)


class Desktop:
    """One running app and the user's hands on it."""

    def __init__(self, parts: AppParts, loop: asyncio.AbstractEventLoop, qtbot, fakes: dict) -> None:
        self.parts = parts
        self.loop = loop
        self.qtbot = qtbot
        self.fakes = fakes
        self.window = parts.window
        self.controller = parts.controller
        self.notifier = parts.notifier
        self.store = parts.controller.service.store
        self.states: list[tuple[float, str, str, WatchStatus]] = []
        self.controller.watchStateChanged.connect(
            lambda s: self.states.append((time.perf_counter(), s.provider, s.address, s.status)))

    def wait(self, condition: Callable[[], object], what: str, timeout: float = 15.0) -> None:
        run_until(self.loop, condition, timeout=timeout, what=what)

    def pause(self, seconds: float) -> None:
        run(self.loop, asyncio.sleep(seconds))

    # -- mailboxes --------------------------------------------------------

    def new_address(self, provider_id: str) -> Mailbox:
        """Click 1: New address; pick the service; click 2: Create."""
        window = self.window
        window.act_new.trigger()
        dialog = next(d for d in window.findChildren(dialogs.NewAddressDialog) if d.isVisible())
        dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData(provider_id))
        self.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        self.wait(lambda: not isValid(dialog), f"the {provider_id} address to be created")
        mailbox = window.current_mailbox()
        assert mailbox is not None and mailbox.provider == provider_id
        return mailbox

    def click_mailbox(self, mailbox: Mailbox) -> None:
        view, model = self.window.mailbox_view, self.window.mailbox_model
        row = model.row_for(mailbox.provider, mailbox.address)
        assert row >= 0, f"{mailbox.address} is not in the mailbox list"
        index = model.index(row, 0)
        view.scrollTo(index)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        assert self.window.current_mailbox() == mailbox

    # -- messages ---------------------------------------------------------

    def listed_subjects(self) -> list[str]:
        """Subjects in the message list as shown (after the filter)."""
        window = self.window
        return [window.message_model.message_at(window.message_proxy.mapToSource(
            window.message_proxy.index(row, 0)).row()).subject for row in range(window.message_proxy.rowCount())]

    def wait_listed(self, *subjects: str, timeout: float = 15.0) -> None:
        self.wait(lambda: set(subjects) <= set(self.listed_subjects()),
                  f"{', '.join(subjects)} in the message list", timeout)

    def fetch(self, *subjects: str) -> None:
        """F5, then wait until the mail is listed."""
        self.window.act_check.trigger()
        self.wait_listed(*subjects)

    def click_message(self, subject: str) -> None:
        """Click the mail in the list (without waiting for it to show)."""
        window = self.window
        model = window.message_model
        row = next(r for r in range(model.rowCount()) if model.message_at(r).subject == subject)
        index = window.message_proxy.mapFromSource(model.index(row, 0))
        assert index.isValid(), f"{subject!r} is filtered out"
        window.message_view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        rect = window.message_view.visualRect(index)
        self.qtbot.mouseClick(window.message_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def open(self, subject: str, timeout: float = 15.0) -> Message:
        """Click the mail and wait until the reader shows all of it."""
        self.click_message(subject)
        reader = self.window.reader

        def shown() -> bool:
            message = reader.current_message()
            return message is not None and message.subject == subject and not reader.is_loading()

        try:
            self.wait(shown, f"{subject!r} to open", timeout)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; the window says: {self.window.message_bar.text()!r}") from None
        return reader.current_message()

    def mailbox_row_text(self, mailbox: Mailbox) -> str:
        model = self.window.mailbox_model
        return model.data(model.index(model.row_for(mailbox.provider, mailbox.address), 0))

    def first_listing(self, mailbox: Mailbox) -> None:
        """Wait until the mailbox's watcher has listed it once."""
        def listed() -> bool:
            watcher = self.controller.watchers.get((mailbox.provider, mailbox.address))
            return watcher is not None and watcher.checks >= 1 and watcher.state.status != WatchStatus.CHECKING

        self.wait(listed, f"the first listing of {mailbox.address}")


@pytest.fixture
def desktop(qapp, qloop, qtbot, fakes) -> Iterator[Callable[[], Desktop]]:  # noqa: F811
    """``desktop()`` starts the app (again, after a quit: same data folder)."""
    running: list[Desktop] = []

    def start() -> Desktop:
        parts = run(qloop, bootstrap.build_application(qapp, request_quit=lambda: None))
        app = Desktop(parts, qloop, qtbot, fakes)
        running.append(app)
        return app

    yield start
    for app in running:
        # AppParts.shutdown leaves the notifier running (see
        # test_quitting_leaves_no_notification_pending); closed here so a late
        # one cannot fire into the next test.
        app.notifier.close()
        run(qloop, app.parts.shutdown())


@pytest.fixture
def clipboard(qapp):
    board = QGuiApplication.clipboard()
    board.setText("")
    return board


# -- a new address ------------------------------------------------------------------------


@pytest.mark.parametrize("provider_id", PROVIDERS)
def test_a_new_address_on_each_service_takes_two_clicks(desktop, clipboard, qtbot, provider_id):
    app = desktop()
    window = app.window

    window.act_new.trigger()  # click 1
    dialog = next(d for d in window.findChildren(dialogs.NewAddressDialog) if d.isVisible())
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData(provider_id))
    create = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert create.text() == "Create"
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)  # click 2

    app.wait(lambda: window.mailbox_model.rowCount() == 1, "the new address in the list")
    mailbox = window.mailbox_model.mailbox_at(0)
    assert mailbox.provider == provider_id
    assert "@" in mailbox.address
    assert window.current_mailbox() == mailbox, "the new address is not the selected one"
    assert window.mailbox_view.selectionModel().isSelected(window.mailbox_model.index(0, 0))
    app.wait(lambda: clipboard.text() == mailbox.address, "the address on the clipboard")
    app.wait(lambda: not isValid(dialog), "the dialog to close")
    assert app.store.find_mailbox(mailbox.address, provider_id) == mailbox


# -- notifications ---------------------------------------------------------------------


def test_new_mail_is_announced_and_the_banner_opens_it(desktop):
    app = desktop()
    mailbox = app.new_address("worker")
    deliver(app.fakes, mailbox, subject="Your order shipped", text="Parcel 7 is on its way.",
            sender="shop@example.org")
    app.window.act_check.trigger()

    app.wait(lambda: app.notifier.history, "a notification")
    [note] = app.notifier.history
    assert note["backend"] == "banner"
    assert note["title"] == "Your order shipped"
    assert "shop@example.org" in note["body"] and mailbox.address in note["body"]
    bar = app.window.message_bar
    assert bar.text().startswith("Your order shipped")
    assert bar.action_button.isVisible() and bar.action_button.text() == "Open"

    app.qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    app.wait(lambda: app.window.reader.current_message() is not None, "the mail to open from the banner")
    assert app.window.reader.subject_label.text() == "Your order shipped"


def _after_a_check(app: Desktop, mailbox: Mailbox) -> None:
    """Wait until a listing of ``mailbox`` has just finished: mail delivered
    now waits a whole poll interval, the worst case a user meets."""
    key = (mailbox.provider, mailbox.address)
    seen = len(app.states)

    def just_checked() -> bool:
        recent = [s for s in app.states[seen:] if (s[1], s[2]) == key]
        return len(recent) >= 2 and recent[-2][3] == WatchStatus.CHECKING and recent[-1][3] == WatchStatus.POLLING

    app.wait(just_checked, "a listing to finish", timeout=30)


@pytest.mark.parametrize("provider_id", [
    pid for pid in PROVIDERS
])
def test_new_mail_is_announced_within_the_promised_time(desktop, provider_id):
    app = desktop()
    mailbox = app.new_address(provider_id)
    poll_interval = provider_info(provider_id).poll_active * poll_factor(app.parts.controller.settings, provider_id)
    if provider_id == "catmails":
        app.wait(lambda: app.fakes["catmails"].sockets_open() >= 1, "the push connection")
        allowed = 1.0
    else:
        _after_a_check(app, mailbox)
        allowed = poll_interval + 1.0

    started = time.perf_counter()
    deliver(app.fakes, mailbox, subject="Timed arrival", text="Tick.")
    app.wait(lambda: app.notifier.history, "the notification", timeout=allowed + 10)
    took = time.perf_counter() - started

    print(f"\n{provider_id}: notified {took:.2f} s after delivery (allowed {allowed:.1f} s)")
    assert app.notifier.history[0]["title"] == "Timed arrival"
    assert took <= allowed


# -- the code -----------------------------------------------------------------------------

CODE_MAIL = {
    "subject": "Your sign-in code",
    "text": "Hello,\n\nYour verification code is 482913. It expires in 10 minutes.\n",
    "html": "<p>Hello,</p><p>Your verification code is <b>482913</b>. It expires in 10 minutes.</p>",
}


@pytest.mark.parametrize(("provider_id", "body"), [
    ("gptmail", "text"),
    ("tempmailg", "html"),
    ("catmails", "text"),
    ("worker", "text"),
])
def test_the_code_is_one_click_from_the_clipboard(desktop, clipboard, provider_id, body):
    app = desktop()
    mailbox = app.new_address(provider_id)
    clipboard.setText("")
    if provider_id == "catmails":
        app.wait(lambda: app.fakes["catmails"].sockets_open() >= 1, "the push connection")
    deliver(app.fakes, mailbox, subject=CODE_MAIL["subject"], **{body: CODE_MAIL[body]})
    if provider_id == "catmails":
        # Pushed first; the listing that follows gives the mail its real id.
        app.wait_listed(CODE_MAIL["subject"])
        app.wait(lambda: not any(m.id.startswith(PUSHED_ID_PREFIX)
                                 for m in app.store.messages("catmails", mailbox.address)),
                 "the listing after the push")
    else:
        app.fetch(CODE_MAIL["subject"])

    app.open(CODE_MAIL["subject"])
    reader = app.window.reader
    assert reader.code_label.text() == "482913"
    assert reader.copy_code_button.isVisible()
    app.qtbot.mouseClick(reader.copy_code_button, Qt.MouseButton.LeftButton)  # the one click

    assert clipboard.text() == "482913"
    assert "482913" in app.window.statusBar().currentMessage()


def test_copy_code_in_the_message_menu_does_the_same(desktop, clipboard):
    app = desktop()
    mailbox = app.new_address("worker")
    deliver(app.fakes, mailbox, subject="Login code", text="Your login code is 735-102.")
    deliver(app.fakes, mailbox, subject="No code here", text="Just a newsletter.")
    app.fetch("Login code", "No code here")

    app.open("Login code")
    clipboard.setText("")
    app.window.act_copy_code.trigger()
    assert clipboard.text() == "735102"

    app.open("No code here")
    clipboard.setText("")
    app.window.act_copy_code.trigger()
    # A mail without a code: the newest code in the mailbox instead.
    assert clipboard.text() == "735102"
    assert app.window.statusBar().currentMessage() == "Copied 735102"


# -- attachments --------------------------------------------------------------------------

# (name in the mail, name it must be saved under)
HOSTILE_NAMES = [
    ("report.pdf", "report.pdf"),
    ("../../escape.sh", "escape.sh"),
    ("invoice\u202egpj.exe", "invoicegpj.exe"),
    ("CON.txt", "_CON.txt"),
    ("notes.txt", "notes (1).txt"),  # a file of that name is already in the folder
]


@pytest.mark.parametrize("provider_id", ["gptmail", "tempmailg"])
def test_attachments_save_byte_exact_under_safe_names(desktop, monkeypatch, tmp_path, provider_id):
    app = desktop()
    mailbox = app.new_address(provider_id)
    files = [(name, os.urandom(1500 + i * 700)) for i, (name, _) in enumerate(HOSTILE_NAMES)]
    fake = app.fakes[provider_id]
    if provider_id == "gptmail":
        fake.deliver(mailbox.address, sender="a@example.org", subject="Files", text="See attached.",
                     attachments=[(name, data, "application/octet-stream") for name, data in files])
    else:
        fake.deliver(mailbox.address, subject="Files", content="<p>See attached.</p>", attachments=files)
    folder = tmp_path / "downloads" / "chosen"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_bytes(b"mine, keep me")
    asked: list[str] = []

    def choose_folder(_parent, caption, _start, *args, **kwargs) -> str:
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    app.fetch("Files")
    app.open("Files")
    reader = app.window.reader
    assert reader.attachment_list.count() == len(files)

    app.qtbot.mouseClick(reader.save_all_button, Qt.MouseButton.LeftButton)
    app.wait(lambda: app.window.message_bar.text().startswith("Saved:"), "the attachments to be saved")

    assert asked == ["Save attachments to"]
    saved = {p.name: p.read_bytes() for p in folder.iterdir()}
    expected = {safe: data for (_, safe), (_, data) in zip(HOSTILE_NAMES, files, strict=True)}
    expected["notes.txt"] = b"mine, keep me"
    assert saved == expected
    assert sorted(p.name for p in (tmp_path / "downloads").iterdir()) == ["chosen"], "a file escaped the folder"


# -- hostile HTML ---------------------------------------------------------------------------


def test_a_slow_download_can_be_cancelled_and_leaves_nothing(desktop, monkeypatch, tmp_path):
    app = desktop()
    mailbox = app.new_address("tempmailg")
    fake = app.fakes["tempmailg"]
    fake.deliver(mailbox.address, subject="Big file", content="<p>See attached.</p>",
                 attachments=[("big.iso", os.urandom(4096))])
    folder = tmp_path / "chosen"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    app.fetch("Big file")
    app.open("Big file")
    fake.fail_next("slow", path="/api/messages/", delay=30)  # the download hangs
    app.qtbot.mouseClick(app.window.reader.save_all_button, Qt.MouseButton.LeftButton)
    bar = app.window.message_bar
    app.wait(lambda: bar.action_button.isVisible() and bar.action_button.text() == "Cancel", "a Cancel button")
    app.qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    app.wait(lambda: "cancelled" in bar.text(), "the cancellation to be said")
    assert list(folder.iterdir()) == [], "no file and no .part may be left behind"


def png_bytes(width: int, height: int, color: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


class ImageServer:
    """A loopback web server with one PNG; counts every TCP connection made to it."""

    def __init__(self, image: bytes) -> None:
        served = image

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(served)))
                self.end_headers()
                self.wfile.write(served)

            def log_message(self, *_args) -> None:
                pass

        outer = self

        class CountingServer(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:
                with outer._lock:
                    outer.connections += 1
                return True

        self.connections = 0
        self._lock = threading.Lock()
        self._server = CountingServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="image-server", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


class OpenWatch:
    """Counts opens and reads of one file (Linux inotify): proof a file stayed unread."""

    IN_ACCESS, IN_OPEN, IN_NONBLOCK = 0x001, 0x020, 0o4000

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self._fd = libc.inotify_init1(self.IN_NONBLOCK)
        if self._fd < 0 or libc.inotify_add_watch(self._fd, os.fsencode(path), self.IN_ACCESS | self.IN_OPEN) < 0:
            raise OSError(ctypes.get_errno(), "inotify is not available")
        self.events = 0

    def count(self) -> int:
        while True:
            try:
                chunk = os.read(self._fd, 4096)
            except BlockingIOError:
                return self.events
            # struct inotify_event: wd, mask, cookie, len, then len bytes of name.
            offset = 0
            while offset < len(chunk):
                name_len = int.from_bytes(chunk[offset + 12:offset + 16], sys.byteorder)
                self.events += 1
                offset += 16 + name_len

    def close(self) -> None:
        os.close(self._fd)


@pytest.fixture
def image_server() -> Iterator[ImageServer]:
    server = ImageServer(png_bytes(3, 2, "#ff0000"))
    yield server
    server.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches the secret file with inotify")
@pytest.mark.parametrize("provider_id", ["gptmail", "worker"])
def test_hostile_html_reads_nothing_local_and_fetches_nothing_remote_until_asked(
        desktop, tmp_path, image_server, provider_id):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png_bytes(7, 5, "#00ff00"))
    watch = OpenWatch(secret)
    local_url = QUrl.fromLocalFile(str(secret)).toString()
    remote_url = f"{image_server.url}/x.png"
    html = (f'<p>Look at this</p><img src="{local_url}" alt="local">'
            f'<img src="{remote_url}" alt="remote"><p>Bye</p>')
    try:
        app = desktop()
        mailbox = app.new_address(provider_id)
        deliver(app.fakes, mailbox, subject="Pictures", text="Look at this. Bye", html=html)
        app.fetch("Pictures")
        app.open("Pictures")
        reader = app.window.reader
        browser = reader.browser
        app.pause(0.3)  # painting asks for the images too

        assert reader.tabs.currentWidget() is browser
        assert "Look at this" in browser.toPlainText()
        assert image_server.connections == 0, "a remote image was fetched before the user asked"
        assert reader.remote_bar.isVisible()
        assert local_url in browser.blocked_resources
        assert watch.count() == 0, "the mail made the app open a local file"

        app.qtbot.mouseClick(reader.load_images_button, Qt.MouseButton.LeftButton)
        app.wait(lambda: not reader.remote_bar.isVisible(), "the remote images to load")
        app.pause(0.3)

        assert image_server.connections == 1
        remote = browser.image_resource(remote_url)
        assert (remote.width(), remote.height()) == (3, 2), "the fetched image is not shown"
        local = browser.image_resource(local_url)
        assert (local.width(), local.height()) == (1, 1), "the local file's picture is shown"
        assert local_url in browser.blocked_resources
        assert watch.count() == 0, "loading remote images opened the local file"
    finally:
        watch.close()


# -- a big mail --------------------------------------------------------------------------

STALL_TARGET_S = 0.100
STALL_LIMIT_S = 0.500  # catches the old 0.4-5 s freezes on a loaded machine; 100 ms is measured in benchmarks/


def newsletter_html(size: int) -> str:
    """Table-heavy HTML of about ``size`` characters, as marketing mail is built."""
    row = ('<tr><td style="padding:4px;border:1px solid #ddd"><a href="https://shop.example/item/{n}">'
           'Item {n}</a></td><td style="padding:4px"><table><tr><td><b>Offer {n}</b></td>'
           '<td>Only today: {n} percent off everything in the store</td></tr></table></td></tr>')
    rows, total, n = [], 0, 0
    while total < size:
        piece = row.format(n=n)
        rows.append(piece)
        total += len(piece)
        n += 1
    return ('<html><head><style>td{font-family:sans-serif}</style></head><body>'
            f'<table width="100%">{"".join(rows)}</table></body></html>')


class StallProbe:
    """A 10 ms timer on the UI thread; the longest gap between its ticks is
    the longest the window could not react to anything."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        self._tick()  # a stall at the very end counts too
        return max(self.gaps)


def test_a_2mb_mail_opens_without_stalling_the_window(desktop):
    app = desktop()
    mailbox = app.new_address("gptmail")
    markup = newsletter_html(2_000_000)
    deliver(app.fakes, mailbox, subject="Big sale", text="", html=markup)
    app.fetch("Big sale")
    app.wait(lambda: app.notifier.history, "the new-mail notification")  # its work is not the opening's
    app.pause(0.3)

    probe = StallProbe()
    probe.start()
    started = time.perf_counter()
    try:
        app.open("Big sale", timeout=120)
        loaded = time.perf_counter() - started
        app.pause(0.05)
    finally:
        worst = probe.stop()

    print(f"\n2 MB table mail opened in the window: shown in {loaded:.2f} s; "
          f"longest UI stall {worst * 1000:.0f} ms (target {STALL_TARGET_S * 1000:.0f} ms)")
    reader = app.window.reader
    assert reader.tabs.currentWidget() is reader.browser
    last_item = markup.rsplit("Item ", 1)[1].split("<", 1)[0]
    assert f"Item {last_item}" in reader.browser.toPlainText()
    assert worst < STALL_LIMIT_S


def test_a_2mb_mail_arriving_does_not_stall_the_window(desktop):
    app = desktop()
    mailbox = app.new_address("gptmail")
    app.first_listing(mailbox)
    markup = newsletter_html(2_000_000)

    probe = StallProbe()
    probe.start()
    try:
        deliver(app.fakes, mailbox, subject="Big sale", text="", html=markup)
        app.fetch("Big sale")
        app.wait(lambda: app.notifier.history, "the new-mail notification")
        app.pause(0.05)
    finally:
        worst = probe.stop()

    print(f"\n2 MB table mail arriving: longest UI stall {worst * 1000:.0f} ms")
    # The target itself: measured at 0.4-2 s this is far from it on any machine.
    # Once fixed, loosen it as the opening test does if a loaded machine needs that.
    assert worst < STALL_LIMIT_S  # the 100 ms target is measured in benchmarks/ (smoothness)


# -- quit and start again ---------------------------------------------------------------------


def test_quit_and_restart_keeps_every_mailbox_and_message(desktop, fakes):
    app = desktop()
    mailboxes = {pid: app.new_address(pid) for pid in PROVIDERS}
    ids: dict[str, list[str]] = {}
    for pid, mailbox in mailboxes.items():
        ids[pid] = [deliver(fakes, mailbox, subject=f"{pid} mail {n}", text=f"Body {n} for {pid}.") for n in (1, 2)]
    app.controller.check_now()
    for pid, mailbox in mailboxes.items():
        app.wait(lambda mb=mailbox: len(app.store.messages(mb.provider, mb.address)) == 2,
                 f"both mails of {pid} fetched")
    app.click_mailbox(mailboxes["gptmail"])
    app.open("gptmail mail 1")  # read in full before the service drops it
    app.pause(GROUP_WINDOW_MS / 1000 + 0.3)  # the new-mail notifications are out
    run(app.loop, app.parts.shutdown())

    # While the app is closed the services drop mail.
    assert fakes["gptmail"].remove(ids["gptmail"][0])
    assert fakes["gptmail"].remove(ids["gptmail"][1])
    fakes["worker"].expire_all()

    again = desktop()
    window = again.window
    listed = {(window.mailbox_model.mailbox_at(r).provider, window.mailbox_model.mailbox_at(r).address)
              for r in range(window.mailbox_model.rowCount())}
    assert listed == {(mb.provider, mb.address) for mb in mailboxes.values()}
    for pid, mailbox in mailboxes.items():
        again.click_mailbox(mailbox)
        assert sorted(again.listed_subjects()) == [f"{pid} mail 1", f"{pid} mail 2"]
        again.first_listing(mailbox)

    reader = window.reader
    for pid, subject, body_was_read in (("gptmail", "gptmail mail 1", True), ("gptmail", "gptmail mail 2", False),
                                        ("worker", "worker mail 1", False)):
        again.click_mailbox(mailboxes[pid])
        again.open(subject)
        assert reader.deleted_note.isVisible(), f"{subject}: no 'kept locally' note"
        assert reader.deleted_note.text() == "Kept locally: the service has deleted this mail."
        number = subject.rsplit(" ", 1)[1]
        assert f"Body {number} for {pid}." in reader.text_view.toPlainText(), f"{subject} ({body_was_read=})"

    again.click_mailbox(mailboxes["tempmailg"])
    again.open("tempmailg mail 1")
    assert not reader.deleted_note.isVisible(), "a mail still on the service is marked deleted"


def test_quitting_leaves_no_notification_pending(desktop, qtbot):
    app = desktop()
    mailbox = app.new_address("worker")
    deliver(app.fakes, mailbox, subject="Just before quitting", text="Bye.")
    app.fetch("Just before quitting")  # its notification is being grouped now

    run(app.loop, app.parts.shutdown())
    with qtbot.captureExceptions() as raised:
        app.pause(GROUP_WINDOW_MS / 1000 + 0.5)
    assert not raised, "".join(str(exc) for _, exc, _ in raised)


# -- delete, forget, clear ------------------------------------------------------------------------


@pytest.fixture
def answers(monkeypatch):
    """Stands in for the Yes/Cancel question: ``answers.queue`` says what to answer,
    ``answers.asked`` records (title, text) of every question."""

    class Answers:
        def __init__(self) -> None:
            self.queue: list[bool] = []
            self.asked: list[tuple[str, str]] = []

        def __call__(self, _parent, title: str, text: str) -> bool:
            self.asked.append((title, text))
            return self.queue.pop(0)

    answering = Answers()
    monkeypatch.setattr(dialogs, "confirm", answering)
    return answering


def on_service(fakes: dict, provider_id: str, message_id: str) -> bool:
    return message_id in fakes[provider_id].mails


@pytest.mark.parametrize("provider_id", ["gptmail", "tempmailg", "worker"])
def test_deleting_a_message_asks_first_then_deletes_it_there_and_here(desktop, answers, provider_id):
    app = desktop()
    mailbox = app.new_address(provider_id)
    kept = deliver(app.fakes, mailbox, subject="Keep me", text="Stays.")
    doomed = deliver(app.fakes, mailbox, subject="Delete me", text="Goes.")
    app.fetch("Keep me", "Delete me")
    app.open("Delete me")

    answers.queue = [False]
    app.window.act_delete.trigger()
    assert answers.asked == [("Delete message", "Delete “Delete me” on the service and here?")]
    app.pause(0.3)
    assert on_service(app.fakes, provider_id, doomed), "deleted although the user said Cancel"
    assert sorted(app.listed_subjects()) == ["Delete me", "Keep me"]

    answers.queue = [True]
    app.window.act_delete.trigger()
    app.wait(lambda: app.listed_subjects() == ["Keep me"], "the mail to leave the list")
    assert len(answers.asked) == 2
    assert not on_service(app.fakes, provider_id, doomed)
    assert on_service(app.fakes, provider_id, kept)
    assert app.store.message(provider_id, mailbox.address, doomed) is None
    assert app.window.reader.current_message() is None

    app.window.act_check.trigger()  # the next listing does not bring it back
    app.pause(0.5)
    assert app.listed_subjects() == ["Keep me"]


def test_forget_asks_then_removes_the_address_here_only(desktop, answers):
    app = desktop()
    mailbox = app.new_address("gptmail")
    mail_id = deliver(app.fakes, mailbox, subject="Still there", text="On the service.")
    app.fetch("Still there")

    answers.queue = [False]
    app.window.act_forget.trigger()
    assert answers.asked[0][0] == "Forget address"
    assert mailbox.address in answers.asked[0][1]
    app.pause(0.2)
    assert app.window.mailbox_model.rowCount() == 1

    answers.queue = [True]
    app.window.act_forget.trigger()
    app.wait(lambda: app.window.mailbox_model.rowCount() == 0, "the address to leave the list")
    assert app.store.find_mailbox(mailbox.address, "gptmail") is None
    assert app.store.messages("gptmail", mailbox.address) == []
    assert app.listed_subjects() == []
    assert app.window.empty_label.text().startswith("No addresses yet")
    assert on_service(app.fakes, "gptmail", mail_id), "forgetting touched the service"
    assert app.fakes["gptmail"].seen(method="DELETE") == []


@pytest.mark.parametrize(("provider_id", "can_clear"), [
    ("gptmail", True), ("tempmailg", False), ("catmails", False), ("worker", True),
])
def test_clear_empties_the_mailbox_where_the_service_can(desktop, answers, provider_id, can_clear):
    app = desktop()
    mailbox = app.new_address(provider_id)
    assert app.window.act_clear.isEnabled() == can_clear
    if not can_clear:
        return
    ids = [deliver(app.fakes, mailbox, subject=f"Old {n}", text="x") for n in (1, 2, 3)]
    app.fetch("Old 1", "Old 2", "Old 3")

    answers.queue = [True]
    app.window.act_clear.trigger()
    app.wait(lambda: app.listed_subjects() == [], "the list to empty")
    assert answers.asked == [("Clear mailbox", f"Delete all mail in {mailbox.address} on the service and here?")]
    assert not any(on_service(app.fakes, provider_id, i) for i in ids)
    assert app.window.empty_label.text() == "No mail yet. New mail appears here as soon as it arrives."


# -- the filter ---------------------------------------------------------------------------------

FILTER_MAILS = [
    ("Your invoice #4411", "billing@shop.example"),
    ("The March newsletter", "news@club.example"),
    ("Welcome aboard", "hello@club.example"),
]


@pytest.mark.parametrize(("typed", "shown"), [
    ("invoice", ["Your invoice #4411"]),
    ("SHOP", ["Your invoice #4411"]),  # the sender counts, case does not
    ("newsletter march", ["The March newsletter"]),  # every word, in any order
    ("club", ["The March newsletter", "Welcome aboard"]),
    ("nothing-like-this", []),
])
def test_ctrl_f_focuses_the_filter_and_typing_narrows_the_list(desktop, qtbot, typed, shown):
    app = desktop()
    window = app.window
    mailbox = app.new_address("worker")
    for subject, sender in FILTER_MAILS:
        deliver(app.fakes, mailbox, subject=subject, text="Hello.", sender=sender)
    app.fetch(*(subject for subject, _ in FILTER_MAILS))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window.message_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    qtbot.keyClicks(window.filter_edit, typed)

    assert sorted(app.listed_subjects()) == shown
    expected_hint = "" if shown else "No message matches the filter."
    assert window.empty_label.text() == expected_hint

    window.filter_edit.clear()
    assert len(app.listed_subjects()) == len(FILTER_MAILS)


# -- the service's state ------------------------------------------------------------------------


def spend_the_quota(app: Desktop) -> Mailbox:
    """A GPTMail address whose next listing meets 'quota spent, come back in an hour'."""
    mailbox = app.new_address("gptmail")
    app.first_listing(mailbox)
    app.fakes["gptmail"].fail_next("429", retry_after="3600")
    app.window.act_check.trigger()
    app.wait(lambda: app.window.state_label.text().startswith("Quota reached"), "the quota state")
    return mailbox


def test_a_spent_quota_pauses_checking_and_says_so(desktop):
    app = desktop()
    mailbox = spend_the_quota(app)
    assert app.window.state_label.text().startswith("Quota reached; paused")
    assert app.window.state_label.text() in app.mailbox_row_text(mailbox)

    listings = len(app.fakes["gptmail"].seen("/api/emails"))
    app.window.act_check.trigger()  # F5 while paused does not spend what is left
    app.pause(0.5)
    assert len(app.fakes["gptmail"].seen("/api/emails")) == listings
    assert app.window.state_label.text().startswith("Quota reached; paused")


def test_the_quota_pause_says_until_when(desktop):
    app = desktop()
    earliest = datetime.now() + timedelta(seconds=3600)
    spend_the_quota(app)
    latest = datetime.now() + timedelta(seconds=3600)
    app.pause(0.2)

    allowed = {f"Quota reached; paused until {moment:%H:%M}" for moment in (earliest, latest)}
    assert app.window.state_label.text() in allowed


def test_a_spent_quota_is_said_in_the_message_bar(desktop):
    app = desktop()
    spend_the_quota(app)
    app.pause(0.2)

    assert "quota" in app.window.message_bar.text().lower()


def test_a_dead_network_shows_offline(desktop):
    app = desktop()
    mailbox = app.new_address("worker")
    app.first_listing(mailbox)
    assert not app.window.state_label.text().startswith("Offline")
    app.fakes["worker"].stop()

    app.window.act_check.trigger()
    app.wait(lambda: app.window.state_label.text().startswith("Offline"), "the offline state", timeout=30)

    assert app.window.state_label.text() in app.mailbox_row_text(mailbox)

