"""A corpus of hostile HTML mail: each case once froze, flooded or fooled a reader.

Shared by the tests (each is rendered and must finish, bounded) and by
``benchmarks/hostile.py`` (each is timed per UI event, with peak memory).
Every mail ends with the text :data:`END_MARK` where its HTML lets it be seen.
"""

from __future__ import annotations

import base64
import functools
import struct
import zlib
from datetime import datetime, timezone

from tempmail_desktop.core.models import Attachment, Message

END_MARK = "end-of-hostile-mail"


@functools.cache
def big_png(width: int, height: int) -> bytes:
    """A valid grey PNG of ``width`` x ``height`` that is tiny on disk (a decompression bomb)."""
    row = b"\x00" + b"\x80" * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def nested_tables(levels: int) -> str:
    return "<table><tr><td>" * levels + f"deep {END_MARK}" + "</td></tr></table>" * levels


def _cid_bomb() -> tuple[str, list[Attachment]]:
    data = big_png(6000, 6000)  # 36 Mpx each, under the old 40 Mpx cap
    parts = [Attachment(name=f"bomb{i}.png", content_type="image/png", size=len(data), data=data,
                        content_id=f"<bomb{i}@x>", inline=True) for i in range(12)]
    markup = "".join(f'<img src="cid:bomb{i}@x">' for i in range(12)) + f"<p>{END_MARK}</p>"
    return markup, parts


def _data_bomb() -> str:
    encoded = base64.b64encode(big_png(6000, 6000)).decode()
    return "".join(f'<img src="data:image/png;base64,{encoded}">' for _ in range(30)) + f"<p>{END_MARK}</p>"


#: name -> a function giving (html, inline attachments)
CASES = {
    "nested-tables-16": lambda: (nested_tables(16), []),
    "nested-tables-20": lambda: (nested_tables(20), []),
    "nested-tables-30": lambda: (nested_tables(30), []),
    "style-block-1mb-of-url": lambda: (
        "<style>" + "a{background:url(x.png)} " * 40_000 + f"</style><p>{END_MARK}</p>", []),
    "unclosed-url-40k": lambda: (f"<p>{END_MARK}</p><style>p{{background:url(" + "x" * 40_000 + "</style>", []),
    "unclosed-url-199k": lambda: (f"<p>{END_MARK}</p><style>p{{background:url(" + "x" * 199_000 + "</style>", []),
    "unclosed-style-40k": lambda: (f"<p>{END_MARK}</p><style>" + "p{color:red} " * 3_000, []),
    "unclosed-style-199k": lambda: (f"<p>{END_MARK}</p><style>" + "p{color:red} " * 15_300, []),
    "unclosed-tags-40k": lambda: ("<b>" * 13_000 + END_MARK, []),
    "unclosed-tags-199k": lambda: ("<b>" * 60_000 + END_MARK, []),
    # Only 48 KB, no nesting past the caps, but 4,000 paragraphs six tables
    # deep: Qt took 2.8-5 s to lay it out in one go.
    "paragraphs-in-six-tables": lambda: (
        "<table><tr><td>" * 6 + "<p>word " * 4_000 + END_MARK + "</td></tr></table>" * 6, []),
    "nested-divs-10000": lambda: ("<div>" * 10_000 + END_MARK + "</div>" * 10_000, []),
    "nested-blockquotes-500": lambda: ("<blockquote>" * 500 + END_MARK + "</blockquote>" * 500, []),
    "nested-lists-500": lambda: ("<ul><li>" * 500 + END_MARK + "</li></ul>" * 500, []),
    "nested-inline-5000": lambda: ("<span><i>" * 5_000 + END_MARK + "</i></span>" * 5_000, []),
    "word-190k": lambda: ("<p>" + "x" * 190_000 + f"</p><p>{END_MARK}</p>", []),
    "image-bomb-cid": _cid_bomb,
    "image-bomb-data": lambda: (_data_bomb(), []),
}


def hostile_message(name: str) -> Message:
    markup, parts = CASES[name]()
    return Message(
        id=name, provider="gptmail", mailbox="me@example.test", from_addr="x@hostile.test",
        from_name="Hostile", subject=name, received_at=datetime(2026, 12, 1, tzinfo=timezone.utc),
        text="", html=markup, attachments=parts,
    )
