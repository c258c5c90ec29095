"""The reading pane: what the user sees, what they can copy, what leaves as a
signal, and that opening a huge mail never stalls the window."""

from __future__ import annotations

import re
import time
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QLocale, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage, QMouseEvent, QPixmap, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tempmail_desktop.core.models import Attachment, Message
from tempmail_desktop.ui.message_view import (
    MessageView,
    displayable_text,
    human_size,
    link_mismatch,
    simplified_html,
)

IMAGE = QTextDocument.ResourceType.ImageResource
RECEIVED = datetime(2026, 5, 9, 7, 35, tzinfo=timezone.utc)


def mail(**changes) -> Message:
    fields = dict(
        id="m1",
        provider="gptmail",
        mailbox="me@example.com",
        from_addr="news@shop.example",
        from_name="Shop",
        subject="Hello",
        received_at=RECEIVED,
        text="Plain body",
        html=None,
    )
    fields.update(changes)
    return Message(**fields)


def png_bytes(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def newsletter_html(target: int) -> str:
    """Table-heavy HTML like a shop's newsletter: nested tables, a row per product."""
    row = (
        '<tr><td style="padding:8px;border-bottom:1px solid #eee">'
        '<table width="100%" cellpadding="0" cellspacing="0"><tr>'
        '<td width="30%" style="font-family:Arial;color:#333">Item {i}</td>'
        '<td width="50%"><a href="https://shop.example/p/{i}">Product number {i} with a long description</a></td>'
        '<td width="20%" align="right" style="font-weight:bold">${i}.99</td>'
        "</tr></table></td></tr>\n"
    )
    parts = ['<html><head><style>td{font-size:13px}</style></head><body>'
             '<table width="100%"><tr><td align="center"><table width="600" cellpadding="0" cellspacing="0">']
    size, i = len(parts[0]), 0
    while size < target:
        parts.append(row.format(i=i))
        size += len(parts[-1])
        i += 1
    parts.append("</table></td></tr></table></body></html>")
    return "".join(parts)


@pytest.fixture(autouse=True)
def english_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def view(qtbot):
    widget = MessageView()
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def image_size(view: MessageView, src: str) -> tuple[int, int] | None:
    view.browser.document().size()  # lay out, which is when images are asked for
    resource = view.browser.image_resource(src)  # the mail's images have internal names in the view
    if isinstance(resource, (QImage, QPixmap)):
        return resource.width(), resource.height()
    return None


def click_anchor(view: MessageView, label: str) -> None:
    browser = view.browser
    found = browser.document().find(label)
    assert not found.isNull(), label
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + len(label) // 2)
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     browser.cursorRect(cursor).center())


def visible_tabs(view: MessageView) -> list[str]:
    return [view.tabs.tabText(i) for i in range(view.tabs.count()) if view.tabs.isTabVisible(i)]


# -- header -------------------------------------------------------------------------


def test_header_shows_sender_mailbox_and_local_time(qtbot, view, monkeypatch):
    monkeypatch.setenv("TZ", "IST-5:30")  # a fixed UTC+5:30 that needs no tz database
    time.tzset()
    try:
        view.set_message(mail(subject="Welcome aboard"))
        assert view.subject_label.text() == "Welcome aboard"
        assert view.from_label.text() == "Shop <news@shop.example>"
        assert view.to_label.text() == "me@example.com"
        assert "1:05" in view.date_label.text() and "2026" in view.date_label.text()
        assert "7:35" not in view.date_label.text()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_subject_markup_is_shown_as_text(view):
    view.set_message(mail(subject="<b>Bold</b> & <img src=x>", from_name=None))
    assert view.subject_label.text() == "<b>Bold</b> & <img src=x>"
    assert view.subject_label.textFormat() == Qt.TextFormat.PlainText
    assert view.from_label.text() == "news@shop.example"


@pytest.mark.parametrize(
    "changes,deleted,truncated",
    [
        ({}, False, False),
        ({"deleted_upstream": True}, True, False),
        ({"raw_truncated": True, "raw": "Subject: x\r\n\r\nbody"}, False, True),
        ({"deleted_upstream": True, "raw_truncated": True}, True, True),
    ],
)
def test_deleted_and_truncated_notes(view, changes, deleted, truncated):
    view.set_message(mail(**changes))
    assert view.deleted_note.isVisible() is deleted
    assert view.truncated_note.isVisible() is truncated
    if deleted:
        assert "kept locally" in view.deleted_note.text().lower()


def test_clear_shows_the_empty_page(view):
    view.set_message(mail())
    view.clear()
    assert view.current_message() is None
    assert not view.subject_label.isVisible()


# -- code bar -------------------------------------------------------------------------


def test_code_bar_shows_the_code_and_copy_puts_it_on_the_clipboard(qtbot, view):
    message = mail(subject="Your sign-in code", text="Your verification code is 482913. It expires in 10 minutes.")
    view.set_message(message)
    assert view.current_message() is message
    assert view.code_bar.isVisible()
    assert view.code_label.text() == "482913"
    assert view.current_code() == "482913"
    with qtbot.waitSignal(view.codeCopied) as copied:
        qtbot.mouseClick(view.copy_code_button, Qt.MouseButton.LeftButton)
    assert copied.args == ["482913"]
    assert QGuiApplication.clipboard().text() == "482913"


def test_link_bar_shows_the_link_and_copies_it(qtbot, view):
    link = "https://accounts.example.com/verify?token=abc123"
    view.set_message(mail(subject="Confirm your email", text=f"Confirm your address by opening {link}"))
    assert view.code_bar.isVisible()
    assert view.link_label.text() == link
    assert view.current_link() == link
    with qtbot.waitSignal(view.codeCopied) as copied:
        qtbot.mouseClick(view.copy_link_button, Qt.MouseButton.LeftButton)
    assert copied.args == [link]
    assert QGuiApplication.clipboard().text() == link
    with qtbot.waitSignal(view.openLinkRequested) as opened:
        qtbot.mouseClick(view.open_link_button, Qt.MouseButton.LeftButton)
    assert opened.args[0].toString() == link


def test_code_bar_hidden_when_there_is_neither(view):
    view.set_message(mail(subject="Lunch", text="See you at lunch tomorrow."))
    assert not view.code_bar.isVisible()


# -- remote images --------------------------------------------------------------------

IMAGES_HTML = (
    '<p>Sale!</p><img src="https://img.shop.example/banner.png">'
    '<table><tr><td background="https://img.shop.example/bg.png">cell</td></tr></table>'
    '<img src="cid:logo@shop">'
)


def test_remote_images_bar_requests_the_urls(qtbot, view):
    view.set_message(mail(html=IMAGES_HTML))
    assert view.remote_bar.isVisible()
    assert image_size(view, "https://img.shop.example/banner.png") == (1, 1)
    with qtbot.waitSignal(view.remoteImagesRequested) as requested:
        qtbot.mouseClick(view.load_images_button, Qt.MouseButton.LeftButton)
    assert requested.args == [["https://img.shop.example/banner.png", "https://img.shop.example/bg.png"]]
    assert not view.load_images_button.isEnabled()


def test_no_remote_images_bar_without_http_images(view):
    view.set_message(mail(html='<p>Hi</p><img src="cid:logo@shop"><a href="https://shop.example">shop</a>'))
    assert not view.remote_bar.isVisible()


def test_added_remote_images_render(qtbot, view):
    view.set_message(mail(html=IMAGES_HTML))
    qtbot.mouseClick(view.load_images_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.statusMessage) as status:
        view.add_remote_images({"https://img.shop.example/banner.png": png_bytes(16, 8)})
    assert image_size(view, "https://img.shop.example/banner.png") == (16, 8)
    assert not view.remote_bar.isVisible()
    assert "1 of 2" in status.args[0]


def test_remote_images_for_another_mail_are_ignored(qtbot, view):
    view.set_message(mail(id="a", html=IMAGES_HTML))
    qtbot.mouseClick(view.load_images_button, Qt.MouseButton.LeftButton)
    view.set_message(mail(id="b", html='<img src="https://img.shop.example/other.png">'))
    view.add_remote_images({"https://img.shop.example/banner.png": png_bytes(16, 8)})
    assert view.remote_bar.isVisible()
    assert image_size(view, "https://img.shop.example/other.png") == (1, 1)


def test_permission_to_load_images_is_per_mail(qtbot, view):
    view.set_message(mail(id="a", html=IMAGES_HTML))
    view.add_remote_images({"https://img.shop.example/banner.png": png_bytes(16, 8),
                            "https://img.shop.example/bg.png": png_bytes(4, 4)})
    assert not view.remote_bar.isVisible()
    view.set_message(mail(id="b", html=IMAGES_HTML))
    assert view.remote_bar.isVisible()
    assert image_size(view, "https://img.shop.example/banner.png") == (1, 1)
    # The same mail again (say, its complete version) keeps what the user allowed.
    view.set_message(mail(id="b", html=IMAGES_HTML))
    view.add_remote_images({"https://img.shop.example/banner.png": png_bytes(16, 8)})
    view.set_message(mail(id="b", html=IMAGES_HTML, complete=True))
    assert image_size(view, "https://img.shop.example/banner.png") == (16, 8)


def test_inline_cid_image_from_the_mail_renders(view):
    logo = Attachment("logo.png", 100, "image/png", data=png_bytes(20, 10), content_id="<Logo@Shop>", inline=True)
    view.set_message(mail(html=IMAGES_HTML, attachments=[logo]))
    assert image_size(view, "cid:logo@shop") == (20, 10)
    assert not view.attachment_strip.isVisible()


# -- tabs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes,tabs,current",
    [
        ({}, ["Text", "Source"], "Text"),
        ({"html": "<p>Hi</p>"}, ["HTML", "Text", "Source"], "HTML"),
        ({"html": ""}, ["Text", "Source"], "Text"),
        ({"headers": {"Received": "by a\nby b", "X-Test": "1"}}, ["Text", "Source", "Headers"], "Text"),
        ({"raw": "From: a@b.example\r\nSubject: Hi\r\n\r\nbody\r\n"}, ["Text", "Source", "Headers"], "Text"),
    ],
    ids=["text-only", "html", "empty-html", "headers", "headers-from-raw"],
)
def test_tabs_follow_the_content(view, changes, tabs, current):
    view.set_message(mail(**changes))
    assert visible_tabs(view) == tabs
    assert view.tabs.tabText(view.tabs.currentIndex()) == current


def test_headers_tab_lists_repeated_headers_one_per_row(view):
    view.set_message(mail(headers={"Received": "by a\nby b", "X-Test": "1"}))
    rows = [(view.headers_view.item(r, 0).text(), view.headers_view.item(r, 1).text())
            for r in range(view.headers_view.rowCount())]
    assert rows == [("Received", "by a"), ("Received", "by b"), ("X-Test", "1")]


BIG_RAW = "Subject: Hi\r\n\r\n" + "".join(f"line {i} of a long raw source\n" for i in range(20_000))


@pytest.mark.parametrize(
    "raw,expected",
    [
        (None, "The service gave no raw source"),
        ("Subject: Hi\r\n\r\nthe raw body", "the raw body"),
        (BIG_RAW, "line 19999 of a long raw source"),
    ],
    ids=["none", "small", "big"],
)
def test_source_tab(qtbot, view, raw, expected):
    view.set_message(mail(raw=raw))
    click_tab(qtbot, view, "Source")
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10_000)
    assert expected in view.source_view.toPlainText()
    assert view.source_view.isReadOnly()
    # The tab the user picked stays, and is filled, for the next mail.
    view.set_message(mail(id="m2", raw="Subject: Next\r\n\r\nnext body"))
    assert view.tabs.currentWidget() is view.source_view
    assert "next body" in view.source_view.toPlainText()


def click_tab(qtbot, view: MessageView, title: str) -> None:
    bar = view.tabs.tabBar()
    index = next(i for i in range(view.tabs.count()) if view.tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert view.tabs.currentIndex() == index


def test_a_chosen_tab_gives_way_when_a_mail_lacks_it(qtbot, view):
    view.set_message(mail(html="<p>Hi</p>", headers={"X-Test": "1"}))
    click_tab(qtbot, view, "Headers")
    view.set_message(mail(id="m2", html="<p>No headers here</p>"))
    assert view.tabs.currentWidget() is view.browser
    view.set_message(mail(id="m3", html="<p>Again</p>", headers={"X-Test": "2"}))
    assert view.tabs.currentWidget() is view.headers_view


def test_text_tab_has_the_text(view):
    view.set_message(mail(text="Line one\nLine two"))
    assert view.text_view.toPlainText() == "Line one\nLine two"
    assert view.text_view.isReadOnly()


# -- links ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "href,opened",
    [
        ("https://shop.example/deal", True),
        ("http://shop.example/", True),
        ("mailto:help@shop.example", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("relative/page.html", False),
        ("ftp://files.shop.example/a.zip", False),
    ],
)
def test_only_web_and_mail_links_are_offered_for_opening(qtbot, view, href, opened):
    view.set_message(mail(html=f'<p>Go <a href="{href}">right here</a> now</p>'))
    requests: list[tuple[str, str]] = []
    statuses: list[str] = []
    view.openLinkRequested.connect(lambda url, text: requests.append((url.toString(), text)))
    view.statusMessage.connect(statuses.append)
    click_anchor(view, "right here")
    qtbot.wait(50)
    if opened:
        assert requests == [(QUrl(href).toString(), "right here")]
        assert statuses == []
    else:
        assert requests == []
        assert len(statuses) == 1
    assert view.browser.source().isEmpty()


def test_the_clicked_links_own_text_is_reported(qtbot, view):
    # Two links to one target: the phishing check needs the text of the one clicked.
    view.set_message(mail(html='<p><a href="https://evil.example/">Click here</a> or '
                               '<a href="https://evil.example/">paypal.com</a></p>'))
    with qtbot.waitSignal(view.openLinkRequested) as opened:
        click_anchor(view, "paypal.com")
    assert opened.args[1] == "paypal.com"
    assert MessageView.link_mismatch(opened.args[1], opened.args[0])


@pytest.mark.parametrize(
    "shown,target,mismatch",
    [
        ("paypal.com", "https://paypal.com.evil.net/login", True),
        ("paypal.com", "https://www.paypal.com/signin", False),
        ("www.paypal.com", "https://paypal.com", False),
        ("paypal.com", "https://email.paypal.com/track?x=1", False),
        ("https://paypal.com/account", "https://evil.example/paypal.com", True),
        ("HTTPS://PayPal.COM", "https://paypal.com/", False),
        ("example.com.", "https://example.com", False),
        ("Visit https://bank.example today", "https://bank.example.attacker.net/", True),
        ("Click here", "https://evil.example", False),
        ("Read more...", "https://evil.example", False),
        ("", "https://evil.example", False),
        ("support@paypal.com", "mailto:support@paypal.com", False),
        ("support@paypal.com", "mailto:phish@evil.example", True),
        ("support@paypal.com", "https://evil.example", True),
        ("paypal.com", "mailto:x@evil.example", True),
        ("münchen.de", "https://xn--mnchen-3ya.de/", False),
        ("apple.com", "https://xn--pple-43d.com/", True),  # Cyrillic "а": a homograph
        ("bank.example:8443", "https://bank.example:8443/", False),
    ],
)
def test_link_mismatch(shown, target, mismatch):
    assert MessageView.link_mismatch(shown, QUrl(target)) is mismatch
    assert link_mismatch(shown, target) is mismatch


# -- attachments ------------------------------------------------------------------------------


def test_attachments_strip_lists_files_and_emits_requests(qtbot, view):
    report = Attachment("report.pdf", 2048, "application/pdf", url="https://svc.example/a/1")
    notes = Attachment("notes.txt")
    logo = Attachment("logo.png", 100, "image/png", data=b"x", content_id="logo", inline=True)
    view.set_message(mail(attachments=[report, logo, notes]))
    assert view.attachment_strip.isVisible()
    items = [view.attachment_list.item(i).text() for i in range(view.attachment_list.count())]
    assert items == ["report.pdf  \u2014  2.0 KB, application/pdf", "notes.txt  \u2014  unknown size, unknown type"]
    assert not view.save_button.isEnabled() and not view.open_button.isEnabled()

    with qtbot.waitSignal(view.saveAttachmentsRequested) as saved_all:
        qtbot.mouseClick(view.save_all_button, Qt.MouseButton.LeftButton)
    assert saved_all.args == [[report, notes]]

    view.attachment_list.item(0).setSelected(True)
    with qtbot.waitSignal(view.saveAttachmentsRequested) as saved:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [[report]]
    with qtbot.waitSignal(view.openAttachmentRequested) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [report]


def test_no_attachments_no_strip(view):
    view.set_message(mail())
    assert not view.attachment_strip.isVisible()


@pytest.mark.parametrize(
    "size,text",
    [
        (0, "0 B"),
        (512, "512 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (10 * 1024, "10 KB"),
        (5 * 1024 * 1024, "5.0 MB"),
        (3 * 1024**3, "3.0 GB"),
        (None, "unknown size"),
    ],
)
def test_human_size(size, text):
    assert human_size(size) == text


# -- big mail ---------------------------------------------------------------------------------


def open_and_measure(qtbot, view: MessageView, message: Message) -> tuple[float, float, object]:
    """Open ``message`` while a 10 ms timer ticks; the longest gap between ticks
    is the longest the window could not react. Returns that gap, the load time
    and the tab shown as ``set_message`` returned."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()
    qtbot.wait(100)
    gaps.clear()
    started = last[0] = time.perf_counter()
    view.set_message(message)
    first_tab = view.tabs.currentWidget()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=60_000)
    loaded = time.perf_counter() - started
    qtbot.wait(50)
    probe.stop()
    return max(gaps), loaded, first_tab


def test_opening_a_2mb_table_mail_never_stalls_the_window(qtbot, view):
    markup = newsletter_html(2_000_000)

    worst, loaded, first_tab = open_and_measure(qtbot, view, mail(html=markup, text="A big newsletter, text version"))

    print(f"\n2 MB table mail: shown in {loaded:.2f} s; longest UI stall {worst * 1000:.0f} ms")
    assert worst < 0.100
    # The Text tab came first, the (simplified) HTML after it.
    assert first_tab is view.text_view
    assert view.tabs.currentWidget() is view.browser
    assert view.large_bar.isVisible()
    last_item = re.findall(r"Item (\d+)<", markup)[-1]
    assert f"Item {last_item}" in view.browser.toPlainText()
    assert view.text_view.toPlainText() == "A big newsletter, text version"


HOSTILE_BIG = {
    "unclosed-attribute": '<p>start</p><a href="' + "x" * 1_000_000,
    "one-long-word": "<p>" + "x" * 1_000_000 + "</p>",
    "forty-thousand-images": "".join(f'<img src="https://img.example/{i}.png">' for i in range(40_000)),
}


@pytest.mark.parametrize("name", list(HOSTILE_BIG))
def test_hostile_big_mail_does_not_stall_either(qtbot, view, name):
    worst, loaded, _ = open_and_measure(qtbot, view, mail(html=HOSTILE_BIG[name], text=""))
    print(f"\n{name}: shown in {loaded:.2f} s; longest UI stall {worst * 1000:.0f} ms")
    assert worst < 0.100
    assert view.text_view.toPlainText()


def test_big_mail_without_text_gets_one_from_its_html(qtbot, view):
    view.set_message(mail(html=newsletter_html(300_000), text=""))
    assert view.text_view.toPlainText() == "Preparing the message…"
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=60_000)
    text = view.text_view.toPlainText()
    assert "Item 0\tProduct number 0 with a long description\t$0.99" in text


def test_big_mail_keeps_links_and_shows_original_layout_on_request(qtbot, view):
    view.set_message(mail(html=newsletter_html(300_000)))
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=60_000)
    with qtbot.waitSignal(view.openLinkRequested) as opened:
        click_anchor(view, "Product number 0 ")
    assert opened.args[0].toString() == "https://shop.example/p/0"

    qtbot.mouseClick(view.full_layout_button, Qt.MouseButton.LeftButton)
    assert not view.large_bar.isVisible()
    assert view.browser.document().rootFrame().childFrames(), "the original tables are back"


def test_switching_away_from_a_big_mail_drops_its_late_result(qtbot, view):
    view.set_message(mail(id="big", html=newsletter_html(600_000)))
    small = mail(id="small", html="<p>Small one</p>", text="Small one")
    view.set_message(small)
    qtbot.wait(1500)  # longer than the big mail takes to prepare
    assert view.current_message() is small
    assert view.browser.toPlainText() == "Small one"
    assert not view.is_loading()
    assert not view.large_bar.isVisible()


# -- helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup,expected",
    [
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
         ["<div>a\u2003b</div>", "<div>c</div>"]),
        ('<p>Hi <a href="https://x.example/?a=1&amp;b=2">there</a></p>',
         ['<p>Hi <a href="https://x.example/?a=1&amp;b=2">there</a></p>']),
        ("<script>alert(1)</script><style>p{}</style><p>kept</p>", ["<p>kept</p>"]),
        ("<p><b>bold <div>split</div> on</b></p>", ["<p><b>bold</b></p>", "<div><b>split</b></div>", "<div><b>on</b></div>"]),
        ('<img src="cid:logo" width="600px" height="huge" style="x">', ['<div><img src="cid:logo" width="600"></div>']),
        ("<p>1 &lt; 2</p>", ["<p>1 &lt; 2</p>"]),
        ("<ul><li>one</li><li>two</li></ul>", ["<div>\u2022 one</div>", "<div>\u2022 two</div>"]),
    ],
)
def test_simplified_html(markup, expected):
    result = simplified_html(markup, slice_chars=1)
    assert result.slices == expected
    assert not result.cut


def test_simplified_html_cuts_long_paragraphs_and_stops_at_the_limit():
    result = simplified_html("<p>" + "word " * 5000 + "</p>", slice_chars=1)
    assert len(result.slices) > 2 and all(len(s) < 9000 for s in result.slices)
    assert not result.cut
    result = simplified_html("<p>para</p>" * 1000, slice_chars=100, limit=500)
    assert result.cut and sum(map(len, result.slices)) <= 500


@pytest.mark.parametrize(
    "text,longest",
    [("short\nlines", 5), ("x" * 25_000, 10_000), ("word " * 5000, 10_000)],
)
def test_displayable_text_cuts_only_overlong_lines(text, longest):
    shown = displayable_text(text)
    assert max(len(line) for line in shown.split("\n")) <= longest
    assert shown.replace("\n", "") == text.replace("\n", "")


def test_hovering_a_link_shows_its_real_target(qtbot, view):
    view.set_message(mail(html='<p><a href="https://evil.example/login">paypal.com</a></p>'))
    browser = view.browser
    found = browser.document().find("paypal")
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + 2)
    point = QPointF(browser.cursorRect(cursor).center())
    move = QMouseEvent(QEvent.Type.MouseMove, point, browser.viewport().mapToGlobal(point),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(browser.viewport(), move)
    assert browser.viewport().toolTip() == "https://evil.example/login"
