"""Preparing a mail for the reader without Qt: what the reader will show."""

from __future__ import annotations

import subprocess
import sys

from tempmail_desktop.core.models import Attachment, Message
from tempmail_desktop.core.reading import prepare_steps, url_key
from tempmail_desktop.core.steps import run_to_end

RAW = (
    "From: Shop <news@shop.example>\r\nTo: me@example.test\r\nSubject: Hi\r\n"
    "Received: from a\r\nReceived: from b\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/related; boundary="b"\r\n\r\n'
    "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>\r\n"
    "--b\r\nContent-Type: image/png\r\nContent-ID: <logo@shop>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    "iVBORw0KGgo=\r\n--b--\r\n"
)


def prepared(**fields):
    message = Message(id="m", provider="gptmail", mailbox="me@example.test", **fields)
    return run_to_end(prepare_steps(message, big=False))


def test_the_reader_gets_sanitized_html_its_images_and_a_text():
    result = prepared(subject="Your code", html='<p>Your code is <b>482913</b></p><img src="HTTP://Img.Example/a.png#x">'
                      '<script src="http://t.example/s.js"></script>')
    assert "<script" not in result.safe.html and "Img.Example" not in result.safe.html
    assert list(result.remote_images.values()) == ["HTTP://Img.Example/a.png#x"]
    assert url_key("HTTP://Img.Example/a.png#x") == url_key("http://img.example/a.png") in result.remote_images
    assert result.code == "482913"
    assert "Your code is 482913" in result.text
    assert result.slices is None  # small: shown as it is


def test_inline_images_and_headers_come_from_the_raw_source():
    result = prepared(subject="Hi", html='<p>Hi</p><img src="cid:logo@shop">', raw=RAW)
    assert set(result.inline_images) == {"logo@shop"}
    assert ("Received", "from a") in result.headers and ("Received", "from b") in result.headers


def test_attachments_listed_are_not_the_inline_ones():
    parts = [Attachment(name="logo.png", content_id="<l@x>", inline=True, data=b"x"),
             Attachment(name="invoice.pdf", data=b"%PDF")]
    result = prepared(subject="Files", html="<p>see</p>", attachments=parts)
    assert [a.name for a in result.attachments] == ["invoice.pdf"]


def test_preparing_needs_no_qt():
    code = ("import sys; import tempmail_desktop.core.reading; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
