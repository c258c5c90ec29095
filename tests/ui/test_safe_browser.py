"""SafeTextBrowser reads nothing but the mail it shows.

"Nothing" is proved, not assumed: a Linux inotify watch on the folder of real
bait files records any open or read, and a real loopback TCP server counts
any connection. Both witnesses are checked to work (a stock QTextBrowser
does open the file; a plain socket does reach the server), so a silent
witness means something.
"""

from __future__ import annotations

import base64
import ctypes
import os
import socket
import socketserver
import struct
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from tempmail_desktop.core.reading import cid_key
from tempmail_desktop.ui.safe_browser import (
    MAX_DATA_URL_BYTES,
    SafeTextBrowser,
    decode_data_url,
)

IMAGE = QTextDocument.ResourceType.ImageResource

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify witness is Linux only")


# -- witnesses ------------------------------------------------------------------


class FileAccessWatch:
    """inotify on one folder: the names of files opened or read in it."""

    IN_ACCESS = 0x001
    IN_OPEN = 0x020
    _HEADER = struct.Struct("iIII")

    def __init__(self, folder: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        if libc.inotify_add_watch(self.fd, os.fsencode(folder), self.IN_OPEN | self.IN_ACCESS) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch failed")
        self.seen: list[str] = []

    def events(self) -> list[str]:
        while True:
            try:
                data = os.read(self.fd, 64 * 1024)
            except BlockingIOError:
                return self.seen
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = self._HEADER.unpack_from(data, offset)
                offset += self._HEADER.size
                self.seen.append(data[offset:offset + length].rstrip(b"\0").decode())
                offset += length

    def close(self) -> None:
        os.close(self.fd)


class CountingServer:
    """A real TCP server on 127.0.0.1 that counts every connection it gets."""

    def __init__(self) -> None:
        owner = self
        self.connections = 0

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                owner.connections += 1
                self.request.sendall(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def png_bytes(width: int, height: int, color: str = "red") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


@pytest.fixture
def bait(tmp_path, monkeypatch):
    """Real files a hostile mail would like read, watched; the cwd is their folder."""
    folder = tmp_path / "bait"
    folder.mkdir()
    (folder / "x.png").write_bytes(png_bytes(7, 5))
    (folder / "evil.css").write_text("p { color: #ff0000; font-size: 48px; }")
    (folder / "secret.txt").write_text("root:x:0:0:the secret\n")
    monkeypatch.chdir(folder)
    watch = FileAccessWatch(folder)
    yield folder, watch
    watch.close()


@pytest.fixture
def server():
    counting = CountingServer()
    yield counting
    counting.stop()


@pytest.fixture
def browser(qtbot):
    view = SafeTextBrowser()
    view.resize(800, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def render(qtbot, view: QTextBrowser, markup: str, settle_ms: int = 200) -> None:
    view.setHtml(markup)
    view.document().size()  # lay out now, which is when images are asked for
    view.viewport().repaint()
    qtbot.wait(settle_ms)


def image_size(view: QTextBrowser, src: str) -> tuple[int, int] | None:
    # The safe view knows the mail's images by internal names; a stock one by what the mail wrote.
    lookup = getattr(view, "image_resource", None)
    resource = lookup(src) if lookup else view.document().resource(IMAGE, QUrl(src))
    if isinstance(resource, (QImage, QPixmap)):
        return resource.width(), resource.height()
    return None


# -- the witnesses work -------------------------------------------------------------


@pytest.mark.parametrize(
    "markup,read",
    [
        ('<p>Hello</p><img src="file://{dir}/x.png">', "x.png"),
        ('<p>Hello</p><img src="x.png">', "x.png"),
        ('<html><head><link rel="stylesheet" type="text/css" href="evil.css"></head><body><p>Hello</p></body></html>',
         "evil.css"),
    ],
)
def test_witness_sees_a_stock_qtextbrowser_read_the_file(qtbot, bait, markup, read):
    folder, watch = bait
    stock = QTextBrowser()
    qtbot.addWidget(stock)
    stock.resize(400, 300)
    stock.show()
    render(qtbot, stock, markup.format(dir=folder))
    assert read in watch.events(), "the inotify witness must notice a read, or its silence proves nothing"


def test_witness_server_counts_a_real_connection(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=2) as conn:
        conn.recv(64)
    assert server.connections == 1


# -- no local file ---------------------------------------------------------------

HOSTILE_LOCAL = [
    ("img-file-url", '<p>Hello</p><img src="file://{dir}/x.png">', "file://{dir}/x.png"),
    ("img-absolute-path", '<p>Hello</p><img src="{dir}/x.png">', "{dir}/x.png"),
    ("img-relative-name", '<p>Hello</p><img src="x.png">', "x.png"),
    ("img-dot-relative", '<p>Hello</p><img src="./x.png" width="20" height="20">', "./x.png"),
    ("body-background", '<body background="file://{dir}/x.png"><p>Hello</p></body>', None),
    ("cell-background", '<table><tr><td background="x.png">Hello</td></tr></table>', None),
    ("css-background-image", '<table><tr><td style="background-image:url(file://{dir}/x.png)">Hello</td></tr></table>', None),
    # Qt only fetches a <link> stylesheet declared as text/css.
    ("link-stylesheet", '<html><head><link rel="stylesheet" type="text/css" href="file://{dir}/evil.css"></head>'
     '<body><p>Hello</p></body></html>', None),
    ("link-stylesheet-relative", '<html><head><link rel=stylesheet type=text/css href=evil.css></head>'
     '<body><p>Hello</p></body></html>', None),
    ("style-import", '<html><head><style>@import url(file://{dir}/evil.css);</style></head><body><p>Hello</p></body></html>', None),
    ("style-import-relative", '<html><head><style>@import "evil.css";</style></head><body><p>Hello</p></body></html>', None),
    ("svg-data-image-with-file-href",
     '<p>Hello</p><img src="data:image/svg+xml;base64,{svg}">', None),
]


@pytest.mark.parametrize("markup,image_src", [c[1:] for c in HOSTILE_LOCAL], ids=[c[0] for c in HOSTILE_LOCAL])
def test_hostile_mail_reads_no_local_file(qtbot, bait, browser, markup, image_src):
    folder, watch = bait
    svg = base64.b64encode(
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">'
        f'<image xlink:href="file://{folder}/x.png" width="9" height="9"/></svg>'.encode()
    ).decode()
    render(qtbot, browser, markup.format(dir=folder, svg=svg))

    assert watch.events() == [], "a local file was opened while showing a mail"
    if image_src is not None or "background" in markup:
        # An image the mail shows reaches the policy (under an internal name) and is refused.
        assert browser.resource_requests, "the mail's resource reference never reached the policy"
        assert browser.blocked_resources
    else:
        # Style sheets never get that far: the sanitizer drops <link> and @import.
        assert "evil.css" not in browser.toHtml()
    # The evil stylesheet would have painted the text red.
    hello = browser.document().find("Hello").charFormat()
    assert hello.foreground().color() != QColor("#ff0000")
    assert hello.intProperty(QTextFormat.Property.FontPixelSize) != 48
    if image_src is not None:
        # What stands in for the image is the 1x1 placeholder, not the 7x5 file.
        assert image_size(browser, image_src.format(dir=folder)) == (1, 1)


def test_clicking_a_file_link_opens_nothing(qtbot, bait, browser):
    folder, watch = bait
    secret = f"file://{folder}/secret.txt"
    render(qtbot, browser, f'<p>Read <a href="{secret}">the secret</a> or <a href="javascript:alert(1)">run this</a>.</p>')
    before = browser.toPlainText()
    shown: list[tuple[str, str]] = []
    browser.anchorActivated.connect(lambda url, text: shown.append((url.toString(), text)))

    for label in ("the secret", "run this"):
        QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         anchor_point(browser, label))
        qtbot.wait(100)

    assert shown == [(secret, "the secret"), ("javascript:alert(1)", "run this")]
    assert browser.source().isEmpty()
    assert browser.toPlainText() == before
    assert "root:" not in browser.toPlainText()
    assert watch.events() == []


def test_set_source_is_refused(qtbot, bait, browser):
    folder, watch = bait
    render(qtbot, browser, "<p>The mail</p>")
    browser.setSource(QUrl.fromLocalFile(str(folder / "secret.txt")))
    qtbot.wait(100)
    assert browser.toPlainText() == "The mail"
    assert browser.source().isEmpty()
    assert watch.events() == []


def anchor_point(view: QTextBrowser, label: str) -> QPoint:
    found = view.document().find(label)
    assert not found.isNull(), label
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + len(label) // 2)
    return view.cursorRect(cursor).center()


# -- no network ------------------------------------------------------------------


def test_remote_references_contact_nobody(qtbot, server, browser):
    markup = (
        f'<html><head><link rel="stylesheet" href="{server.url("s.css")}">'
        f'<style>@import url({server.url("i.css")});</style></head>'
        f'<body background="{server.url("bg.png")}"><p>Hello</p>'
        f'<img src="{server.url("pixel.png")}" width="1" height="1">'
        f'<table><tr><td style="background-image:url({server.url("cell.png")})">cell</td></tr></table>'
        f'<a href="{server.url("click")}">link</a></body></html>'
    )
    render(qtbot, browser, markup, settle_ms=500)

    assert server.connections == 0
    assert server.url("pixel.png") in browser.blocked_resources
    assert image_size(browser, server.url("pixel.png")) == (1, 1)


def test_allowed_remote_image_comes_from_supplied_bytes_only(qtbot, server, browser):
    pixel = server.url("pixel.png")
    browser.set_remote_images({pixel: png_bytes(13, 9)})
    render(qtbot, browser, f'<p>Hello</p><img src="{pixel}"><img src="{server.url("other.png")}">', settle_ms=500)

    assert image_size(browser, pixel) == (13, 9)
    assert image_size(browser, server.url("other.png")) == (1, 1)
    assert server.connections == 0


# -- the mail's own images ---------------------------------------------------------


@pytest.mark.parametrize(
    "stored_cid,src",
    [
        ("<logo@example.com>", "cid:logo@example.com"),
        ("logo@example.com", "cid:LOGO@Example.com"),
        ("<Logo@Example.com>", "cid:%3Clogo@example.com%3E"),
        ("part1.abc", "cid:part1.abc"),
    ],
)
def test_cid_image_renders(qtbot, browser, stored_cid, src):
    browser.set_inline_images({stored_cid: png_bytes(20, 10)})
    render(qtbot, browser, f'<p>Logo:</p><img src="{src}">')
    assert image_size(browser, src) == (20, 10)
    assert browser.blocked_resources == []
    assert browser.document().size().height() >= 10


def test_unknown_cid_is_a_placeholder(qtbot, browser):
    browser.set_inline_images({"logo@x": png_bytes(20, 10)})
    render(qtbot, browser, '<img src="cid:other@x">')
    assert image_size(browser, "cid:other@x") == (1, 1)
    assert browser.blocked_resources == ["cid:other@x"]


def test_data_image_renders(qtbot, browser):
    src = "data:image/png;base64," + base64.b64encode(png_bytes(11, 6)).decode()
    render(qtbot, browser, f'<img src="{src}">')
    assert image_size(browser, src) == (11, 6)
    assert browser.blocked_resources == []


def test_oversized_data_image_is_refused(qtbot, browser):
    src = "data:image/png;base64," + "A" * (MAX_DATA_URL_BYTES * 4 // 3 + 4096)
    render(qtbot, browser, f'<p>Hello</p><img src="{src}">')
    assert image_size(browser, src) == (1, 1)
    assert len(browser.blocked_resources) == 1


@pytest.mark.parametrize(
    "url,expected",
    [
        ("data:image/png;base64," + base64.b64encode(b"\x89PNG-bytes").decode(), b"\x89PNG-bytes"),
        ("data:image/gif,GIF89a%01%02", b"GIF89a\x01\x02"),
        ("data:IMAGE/PNG;BASE64," + base64.b64encode(b"abc").decode(), b"abc"),
        ("data:text/html;base64," + base64.b64encode(b"<p>").decode(), None),
        ("data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode(), None),
        ("data:;base64,AAAA", None),
        ("data:image/png;base64", None),
        ("http://example.com/a.png", None),
        ("data:image/png;base64," + "A" * 2000, None),  # over the test's 1 KB limit
    ],
)
def test_decode_data_url(url, expected):
    assert decode_data_url(url, limit=1024) == expected


# -- looks ----------------------------------------------------------------------------


def test_mail_page_stays_light_in_a_dark_theme(qtbot):
    dark = QWidget()
    palette = dark.palette()
    for role, color in ((QPalette.ColorRole.Base, "#101010"), (QPalette.ColorRole.Window, "#101010"),
                        (QPalette.ColorRole.Text, "#f0f0f0"), (QPalette.ColorRole.WindowText, "#f0f0f0")):
        palette.setColor(role, QColor(color))
    dark.setPalette(palette)
    view = SafeTextBrowser(dark)
    QVBoxLayout(dark).addWidget(view)
    qtbot.addWidget(dark)
    dark.resize(400, 300)
    dark.show()
    qtbot.waitExposed(dark)
    render(qtbot, view, "<p>" + "Dark text on a light page " * 3 + "</p>")

    shot = view.viewport().grab().toImage()
    assert shot.pixelColor(shot.width() - 5, shot.height() - 5).lightness() > 240
    darkest = min(shot.pixelColor(x, y).lightness() for x in range(0, shot.width(), 2) for y in range(0, 40, 2))
    assert darkest < 80, "mail text should be dark on the light page"


# -- helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["<Logo@X>", "logo@x", "cid:LOGO@x", " <logo@X> "])
def test_cid_key(value):
    assert cid_key(value) == "logo@x"


@pytest.mark.parametrize(
    "kind",
    [
        QTextDocument.ResourceType.HtmlResource,
        QTextDocument.ResourceType.ImageResource,
        QTextDocument.ResourceType.StyleSheetResource,
        QTextDocument.ResourceType.MarkdownResource,
    ],
    ids=["html", "image", "stylesheet", "markdown"],
)
def test_no_resource_kind_reads_a_file_even_when_asked_directly(qtbot, bait, browser, kind):
    # Stock QTextDocument.loadResource reads file: URLs itself when the widget
    # answers nothing; the guarded document must not, for any kind.
    folder, watch = bait
    resource = browser.document().resource(kind, QUrl.fromLocalFile(str(folder / "secret.txt")))
    assert watch.events() == []
    assert "root:" not in str(resource)
