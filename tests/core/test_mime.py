"""Raw MIME sources as services hand them out, and what a user gets to see."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

import pytest

from tempmail_desktop.core.mime import parse_address, parse_raw

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
PNG_B64 = base64.b64encode(PNG).decode()
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 12 + b"\n%%EOF\n"
PDF_B64 = base64.encodebytes(PDF).decode()


def crlf(text: str) -> str:
    """Sources travel with CRLF line ends, as SMTP delivers them."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


PLAIN = crlf(
    """Received: from mx.shop.example by mx.gptmail.example; Fri, 14 Nov 2025 10:30:00 +0000
From: =?utf-8?q?Zo=C3=AB_from_Shop?= <zoe@shop.example>
To: reader@chatgpt.org.uk
Subject: =?utf-8?b?WW91ciBjb2RlIOKAkyBDYWbDqQ==?=
Date: Fri, 14 Nov 2025 10:30:00 +0000
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Your code is 482913.
Caf=C3=A9 opens at 9.
"""
)

ALTERNATIVE = crlf(
    """From: news@shop.example
Subject: Weekly news
Content-Type: multipart/alternative; boundary="alt-1"

--alt-1
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Gr=FC=DFe aus M=FCnchen
--alt-1
Content-Type: text/html; charset=utf-8

<p>Gr\u00fc\u00dfe aus <b>M\u00fcnchen</b></p>
--alt-1--
"""
)

RELATED = crlf(
    f"""From: Shop <shop@shop.example>
Subject: Your receipt
Content-Type: multipart/related; boundary="rel-1"; type="text/html"

--rel-1
Content-Type: text/html; charset=utf-8

<html><body><img src="cid:logo@shop.example"> Thanks!</body></html>
--rel-1
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-ID: <logo@shop.example>

{PNG_B64}
--rel-1
Content-Type: image/png; name="unused.png"
Content-Transfer-Encoding: base64
Content-ID: <unused@shop.example>
Content-Disposition: attachment; filename="unused.png"

{PNG_B64}
--rel-1--
"""
)

ATTACHMENT_2231 = crlf(
    f"""From: billing@shop.example
Subject: Invoice
Content-Type: multipart/mixed; boundary="mix-1"

--mix-1
Content-Type: text/plain; charset=us-ascii

Invoice attached.
--mix-1
Content-Type: application/pdf
Content-Transfer-Encoding: base64
Content-Disposition: attachment;
 filename*=utf-8''Rechnung%20M%C3%A4rz%202025.pdf

{PDF_B64}
--mix-1
Content-Type: text/plain; charset=utf-8
Content-Disposition: attachment; filename="=?utf-8?b?5pel5pys6KqeLnR4dA==?="

hello
--mix-1--
"""
)

# The same invoice, with the source cut half-way through the PDF's base64.
_pdf_at = ATTACHMENT_2231.index(PDF_B64[:40])
BASE64_CUT = ATTACHMENT_2231[: _pdf_at + len(PDF_B64) // 2 + 1]

# A closing boundary that never came, but every part is whole up to the text.
NO_CLOSING_BOUNDARY = crlf(
    f"""From: a@shop.example
Subject: Two parts
Content-Type: multipart/mixed; boundary="mix-2"

--mix-2
Content-Type: image/png; name="first.png"
Content-Transfer-Encoding: base64
Content-Disposition: inline; filename="first.png"

{PNG_B64}
--mix-2
Content-Type: text/plain

The text after the picture
"""
)

FORWARDED = crlf(
    """From: me@shop.example
Subject: Fwd: Original
Content-Type: multipart/mixed; boundary="fwd"

--fwd
Content-Type: text/plain

See below.
--fwd
Content-Type: message/rfc822

From: them@other.example
Subject: Original subject

Inner body
--fwd--
"""
)

SINGLE_PART_CUT = crlf(
    """From: a@shop.example
Subject: Long
Content-Type: text/plain

The start of a long text that the service cut"""
)

HEADERS_CUT = crlf(
    """From: a@shop.example
Subject: Cut in the headers
Content-Type: multipart/mixed; boun"""
)

UNKNOWN_CHARSET = (
    b"Subject: odd charset\r\nContent-Type: text/plain; charset=x-made-up\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n\r\nna\xc3\xafve\r\n"
)


@dataclass
class Seen:
    text: str
    html: str | None = None
    # (name, content_type, data, inline, content_id)
    attachments: list[tuple] = field(default_factory=list)
    truncated: bool = False
    cut: list[str] = field(default_factory=list)


CASES = [
    pytest.param(PLAIN, None, Seen(text="Your code is 482913.\nCafé opens at 9.\n"), id="plain-qp"),
    pytest.param(
        ALTERNATIVE,
        None,
        Seen(text="Grüße aus München", html="<p>Grüße aus <b>München</b></p>"),
        id="alternative",
    ),
    pytest.param(
        RELATED,
        None,
        Seen(
            text="",
            html='<html><body><img src="cid:logo@shop.example"> Thanks!</body></html>',
            attachments=[
                ("logo.png", "image/png", PNG, True, "logo@shop.example"),
                ("unused.png", "image/png", PNG, False, "unused@shop.example"),
            ],
        ),
        id="related-cid-image",
    ),
    pytest.param(
        ATTACHMENT_2231,
        None,
        Seen(
            text="Invoice attached.",
            attachments=[
                ("Rechnung März 2025.pdf", "application/pdf", PDF, False, None),
                ("日本語.txt", "text/plain", b"hello", False, None),
            ],
        ),
        id="attachment-2231-and-2047-names",
    ),
    pytest.param(
        BASE64_CUT,
        len(ATTACHMENT_2231),
        Seen(text="Invoice attached.", truncated=True, cut=["Rechnung März 2025.pdf"]),
        id="base64-cut-in-half",
    ),
    pytest.param(
        BASE64_CUT,
        None,
        Seen(text="Invoice attached.", truncated=True, cut=["Rechnung März 2025.pdf"]),
        id="base64-cut-seen-without-size",
    ),
    pytest.param(
        NO_CLOSING_BOUNDARY,
        None,
        Seen(
            text="The text after the picture",
            attachments=[("first.png", "image/png", PNG, True, None)],
            truncated=True,
        ),
        id="missing-closing-boundary",
    ),
    pytest.param(
        FORWARDED,
        None,
        Seen(
            text="See below.",
            attachments=[
                (
                    "Original subject.eml",
                    "message/rfc822",
                    b"From: them@other.example\r\nSubject: Original subject\r\n\r\nInner body",
                    False,
                    None,
                )
            ],
        ),
        id="forwarded-message",
    ),
    pytest.param(
        SINGLE_PART_CUT,
        len(SINGLE_PART_CUT) + 500,
        Seen(text="The start of a long text that the service cut", truncated=True),
        id="single-part-shorter-than-declared",
    ),
    pytest.param(HEADERS_CUT, len(HEADERS_CUT) + 5000, Seen(text="", truncated=True), id="cut-inside-headers"),
    pytest.param(UNKNOWN_CHARSET, None, Seen(text="naïve\n"), id="unknown-charset"),
]


@pytest.mark.parametrize("raw, declared, seen", CASES)
def test_what_a_user_sees(raw, declared, seen):
    parsed = parse_raw(raw, declared_size=declared)

    assert parsed.text == seen.text
    assert parsed.html == seen.html
    assert [
        (a.name, a.content_type, a.data, a.inline, a.content_id) for a in parsed.attachments
    ] == seen.attachments
    assert [a.size for a in parsed.attachments] == [len(a[2]) for a in seen.attachments]
    assert parsed.truncated is seen.truncated
    assert parsed.cut_attachments == seen.cut


def test_headers_are_decoded():
    headers = parse_raw(PLAIN).headers

    assert headers["From"] == "Zoë from Shop <zoe@shop.example>"
    assert headers["Subject"] == "Your code – Café"
    assert headers["Date"] == "Fri, 14 Nov 2025 10:30:00 +0000"


def test_repeated_headers_are_all_kept():
    raw = crlf("Received: from a\nReceived: from b\nSubject: x\n\nbody\n")

    assert parse_raw(raw).headers["Received"] == "from a\nfrom b"


def test_raw_bytes_and_text_give_the_same_result():
    as_text = parse_raw(ATTACHMENT_2231)
    as_bytes = parse_raw(ATTACHMENT_2231.encode())

    assert as_text == as_bytes


def test_a_whole_source_of_the_declared_size_is_not_truncated():
    assert parse_raw(PLAIN, declared_size=len(PLAIN.encode())).truncated is False


def test_inline_images_cut_by_the_source_are_left_out_but_earlier_ones_stay():
    cut = RELATED[: RELATED.index("unused.png\"\r\n\r\n") + 30]

    parsed = parse_raw(cut, declared_size=len(RELATED))

    assert [a.name for a in parsed.attachments] == ["logo.png"]
    assert parsed.attachments[0].data == PNG
    assert parsed.cut_attachments == ["unused.png"]
    assert parsed.truncated


# Deeper than Python's own parser can recurse.
DEEP = "".join(f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n" for i in range(1200)) + (
    "Content-Type: text/plain\r\n\r\ndeep\r\n"
)


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"", id="empty"),
        pytest.param(None, id="none"),
        pytest.param(b"\x00\xff\xfe\x00 garbage \x80\x81", id="binary-garbage"),
        pytest.param("Content-Type: multipart/mixed\r\n\r\n--x\r\n", id="multipart-without-boundary"),
        pytest.param("Content-Type: multipart/mixed; boundary=x\r\n\r\nno boundary here", id="boundary-never-seen"),
        pytest.param("Subject: =?utf-8?b?!!!?=\r\nFrom: <<<@@@>>>\r\n\r\nbody", id="broken-encoded-words"),
        pytest.param(
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@###", id="bad-base64"
        ),
        pytest.param(
            "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=bogus''%ZZ\r\n\r\nx",
            id="bad-2231-name",
        ),
        pytest.param("\ud800 lone surrogate\r\n\r\nbody", id="lone-surrogate"),
        pytest.param(DEEP, id="deep-nesting"),
    ],
)
def test_hostile_input_never_raises(raw):
    parsed = parse_raw(raw, declared_size=10)

    assert isinstance(parsed.text, str)
    assert all(isinstance(a.data, bytes) for a in parsed.attachments)


def test_garbage_shows_its_text():
    parsed = parse_raw("Content-Type: multipart/mixed; boundary=x\r\n\r\nno boundary here")

    assert parsed.text == "no boundary here"
    assert parsed.truncated is True  # a multipart that never reached a boundary was cut short


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Zoë Example <zoe@shop.example>", ("zoe@shop.example", "Zoë Example")),
        ('"Doe, Jane" <jane@shop.example>', ("jane@shop.example", "Doe, Jane")),
        ("Doe, Jane <jane@shop.example>", ("jane@shop.example", "Doe, Jane")),
        ("=?utf-8?q?Zo=C3=AB?= <zoe@shop.example>", ("zoe@shop.example", "Zoë")),
        ("zoe@shop.example", ("zoe@shop.example", None)),
        ("<zoe@shop.example>", ("zoe@shop.example", None)),
        ("zoe@shop.example (Zoë)", ("zoe@shop.example", "Zoë")),
        ("zoe@shop.example <zoe@shop.example>", ("zoe@shop.example", None)),
        ("", ("", None)),
        (None, ("", None)),
        ("not an address", ("not an address", None)),
    ],
)
def test_parse_address(value, expected):
    assert parse_address(value) == expected
