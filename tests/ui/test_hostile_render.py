"""Hostile HTML mail in the reader: every case is shown, bounded, and names no file to Qt.

Each case of :mod:`tests.hostile_mail` once froze the window (30 nested
tables: 88 s and counting; an unclosed ``url(``: 58 s) or grew it to gigabytes
(image bombs). Here each must finish showing; how long each UI event takes is
measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.hostile_mail import CASES, END_MARK, hostile_message
from tests.ui.test_message_view import view  # noqa: F401 - the reader fixture

# Far beyond what any case needs now (well under a second each), far below
# what the old reader took on the worst of them.
FINISH_WITHIN_MS = 20_000


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_mail_is_shown_and_the_window_lives(qtbot, view, name):
    with qtbot.waitSignal(view.loadFinished, timeout=FINISH_WITHIN_MS):
        view.set_message(hostile_message(name))
    view.browser.document().size()  # lay all of it out, as scrolling to the end would
    qtbot.wait(20)

    assert not view.is_loading()
    shown = view.browser.toPlainText().replace("\u200b", "")
    assert END_MARK in shown
    assert view.text_view.toPlainText().strip()


def test_a_mail_too_slow_to_lay_out_at_once_is_shown_simplified(qtbot, view):
    with qtbot.waitSignal(view.loadFinished, timeout=FINISH_WITHIN_MS):
        view.set_message(hostile_message("paragraphs-in-six-tables"))
    assert view.large_bar.isVisible()
    assert view.full_layout_button.isVisible()
    assert END_MARK in view.browser.toPlainText()


@pytest.mark.parametrize("name", ["image-bomb-cid", "image-bomb-data"])
def test_image_bombs_become_placeholders(qtbot, view, name):
    message = hostile_message(name)
    with qtbot.waitSignal(view.loadFinished, timeout=FINISH_WITHIN_MS):
        view.set_message(message)
    view.browser.document().size()
    refs = [image.ref for image in view.browser._images]
    assert refs, "the bomb's images reached the view"
    sizes = {(img.width(), img.height()) for img in map(view.browser.image_resource, refs) if img is not None}
    assert sizes == {(1, 1)}


def test_pixels_are_capped_per_mail_not_only_per_image(qtbot, view):
    from tests.hostile_mail import big_png
    from tempmail_desktop.core.models import Attachment
    from tempmail_desktop.ui import safe_browser

    data = big_png(3000, 3000)  # 9 Mpx: each one alone is allowed
    count = safe_browser.MAX_MAIL_PIXELS // 9_000_000 + 2
    parts = [Attachment(name=f"p{i}.png", content_type="image/png", data=data, content_id=f"<p{i}@x>", inline=True)
             for i in range(count)]
    message = hostile_message("nested-tables-16")
    message.html = "".join(f'<img src="cid:p{i}@x">' for i in range(count)) + f"<p>{END_MARK}</p>"
    message.attachments = parts
    with qtbot.waitSignal(view.loadFinished, timeout=FINISH_WITHIN_MS):
        view.set_message(message)
    view.browser.document().size()
    sizes = [view.browser.image_resource(f"cid:p{i}@x") for i in range(count)]
    decoded = [img for img in sizes if img is not None and img.width() == 3000]
    assert 1 <= len(decoded) <= safe_browser.MAX_MAIL_PIXELS // 9_000_000


# -- no path reaches Qt, at any display scale ---------------------------------

PROBE = textwrap.dedent('''
    import os, sys
    from PySide6.QtWidgets import QApplication, QTextBrowser
    app = QApplication(sys.argv[:1])
    honeypot = os.environ["HONEYPOT"]
    if sys.argv[1] == "stock":
        browser = QTextBrowser()
    else:
        from tempmail_desktop.ui.safe_browser import SafeTextBrowser
        browser = SafeTextBrowser()
    browser.resize(600, 400)
    browser.show()
    browser.setHtml(
        f'<p>hi</p><img src="{honeypot}/a.png"><img src="file://{honeypot}/b.png">'
        f'<img src="{honeypot}/c.9.png" width=10 height=10>'
        f'<table background="{honeypot}/d.png"><tr><td style="background-image:url({honeypot}/e.png)">x</td></tr></table>'
        # A stock browser would read /dev/zero until it runs out of memory.
        + ("" if sys.argv[1] == "stock" else '<div style="background:url(/dev/zero)">z</div><img src="/dev/zero">')
    )
    browser.document().size()
    for _ in range(10):
        app.processEvents()
    browser.grab()
    print("rendered")
''')


def trace_probe(tmp_path: Path, scale: str, widget: str) -> list[str]:
    """Run the probe under strace; the lines that named the honeypot or /dev/zero."""
    strace = shutil.which("strace")
    if strace is None:
        if os.environ.get("TEMPMAIL_REQUIRE_DESKTOP") == "1":
            pytest.fail("strace is missing (scripts/system-deps.sh installs it)")
        pytest.skip("strace is not installed")
    honeypot = tmp_path / "honeypot"
    honeypot.mkdir(exist_ok=True)
    for name in ("a.png", "a@2x.png", "b.png", "c.9.png", "c@2x.9.png", "d.png", "e.png"):
        (honeypot / name).write_bytes(b"not an image")
    log = tmp_path / f"trace-{widget}-{scale}"
    env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="offscreen", HONEYPOT=str(honeypot))
    env.pop("QT_HIGHDPI_DISABLE_2X_IMAGE_LOADING", None)  # the app must set it itself
    result = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=file,read", "-o", str(log), sys.executable, "-c", PROBE, widget],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "rendered" in result.stdout
    trace = log.read_text(errors="replace").splitlines()
    assert any("openat(" in line for line in trace), "strace saw nothing: the witness is blind"
    return [line for line in trace if (str(honeypot) in line or "/dev/zero" in line) and "execve(" not in line]


def test_the_strace_witness_sees_a_stock_browser_probe_the_disk(tmp_path):
    touched = trace_probe(tmp_path, "2", "stock")
    assert any("a@2x.png" in line for line in touched), "the witness would not see an @2x probe"
    assert any("a.png" in line for line in touched)


@pytest.mark.parametrize("scale", ["1", "1.25", "2"])
def test_the_reader_names_no_file_to_the_system_at_any_scale(tmp_path, scale):
    assert trace_probe(tmp_path, scale, "safe") == []
