""""Load images" through the real window, against a loopback tracker.

Before the click nothing is requested; after it, only the images the mail
shows, with no cookie (not even the one another mail's image set) and no
Referer; and the button always comes back when nothing could be loaded.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.fakes.tracker import Tracker
from tests.ui.conftest_async import qloop  # noqa: F401 - fixture
from tests.ui.test_main_window import deliver, desktop, fakes  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("fakes")


@pytest.fixture
def tracker():
    server = Tracker().start()
    yield server
    server.stop()


def not_shown_sources(base: str) -> str:
    """Every place a mail can name a URL that is not an image it shows."""
    return (
        f'<script src="{base}/pixel/script"></script><iframe src="{base}/pixel/iframe"></iframe>'
        f'<video poster="{base}/pixel/poster" src="{base}/pixel/video"></video><audio src="{base}/pixel/audio"></audio>'
        f'<link rel="stylesheet" type="text/css" href="{base}/pixel/link">'
        f'<style>@import url({base}/pixel/import); @font-face {{ src: url({base}/pixel/font) }}</style>'
        f'<!-- <img src="{base}/pixel/comment"> --><title><img src="{base}/pixel/title"></title>'
        f'<textarea><img src="{base}/pixel/textarea"></textarea><template><img src="{base}/pixel/template"></template>'
        f'<noscript><img src="{base}/pixel/noscript"></noscript><object data="{base}/pixel/object"></object>'
        f'<svg><image href="{base}/pixel/svg"/></svg>'
    )


def load_images(app) -> None:
    reader = app.window.reader
    assert reader.remote_bar.isVisible()
    app.qtbot.mouseClick(reader.load_images_button, Qt.MouseButton.LeftButton)
    app.wait(lambda: not reader.remote_bar.isVisible() or reader.load_images_button.isEnabled(),
             "the images to load, or the button to come back")


def test_load_images_fetches_only_shown_images_without_cookie_or_referer(desktop, tracker):
    app = desktop()
    mailbox = app.new_address("gptmail")
    base = tracker.url
    deliver(app.fakes, mailbox, subject="Tracked", text="Hello",
            html=not_shown_sources(base) + f'<p>Hello</p><img src="{base}/pixel/shown">'
                 f'<table><tr><td style="background-image:url({base}/pixel/cell)">x</td></tr></table>')
    deliver(app.fakes, mailbox, subject="Second", text="Again", html=f'<p>Again</p><img src="{base}/pixel/second">')
    app.fetch("Tracked", "Second")

    app.open("Tracked")
    app.pause(0.3)  # painting asks for images too
    assert tracker.requests == [], "something was fetched before the user asked"

    load_images(app)
    assert sorted(r.path for r in tracker.requests) == ["/pixel/cell", "/pixel/shown"]

    app.open("Second")
    load_images(app)
    assert [r.path for r in tracker.requests][-1] == "/pixel/second"
    for seen in tracker.requests:
        assert "Cookie" not in seen.headers, f"{seen.path} carried a tracking cookie"
        assert "Referer" not in seen.headers


def test_the_button_comes_back_when_nothing_can_be_loaded(desktop, tracker):
    app = desktop()
    mailbox = app.new_address("gptmail")
    base = tracker.url
    deliver(app.fakes, mailbox, subject="Broken pictures", text="Hi",
            html=f'<p>Hi</p><img src="{base}/typed?type=text/html"><img src="{base}/missing.png">')
    app.fetch("Broken pictures")
    app.open("Broken pictures")

    load_images(app)
    reader = app.window.reader
    assert reader.remote_bar.isVisible()
    assert reader.load_images_button.isEnabled()
    assert reader.load_images_button.text() == "Load images"
    assert len(tracker.requests) == 2


def test_never_load_remote_images_means_never(desktop, tracker):
    from tempmail_desktop.service.settings import Settings

    settings = Settings.load()
    settings.set("ui.remote_images", "never")
    settings.save()
    app = desktop()
    mailbox = app.new_address("gptmail")
    deliver(app.fakes, mailbox, subject="Pictures", text="Hi", html=f'<p>Hi</p><img src="{tracker.url}/pixel/p">')
    app.fetch("Pictures")
    app.open("Pictures")
    app.pause(0.3)

    reader = app.window.reader
    assert reader.remote_bar.isVisible()
    assert not reader.load_images_button.isVisible()
    assert "Settings" in reader.remote_label.text()
    reader.load_images_button.click()  # even a keyboard shortcut to it loads nothing
    app.pause(0.3)
    assert tracker.requests == []
