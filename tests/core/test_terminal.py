"""Mail text printed on a terminal: every control a terminal obeys is shown
as an escape, everything else is left as the mail wrote it."""

from __future__ import annotations

import json

import pytest

from tempmail_desktop.core.terminal import printable, printable_line, terminal_safe_json, writable

# What a terminal would act on: C0 but tab and newline, DEL, C1, bidi controls.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def obeyed(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on (tab and newline aside)."""
    return [
        c for c in text
        if (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F
        or c in BIDI_CONTROLS or 0xD800 <= ord(c) <= 0xDFFF
    ]


# (what a hostile subject carries, what the user sees instead)
HOSTILE = [
    pytest.param("\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07", "\\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\\x07", id="OSC 52 clipboard"),
    pytest.param("\x1b]0;sudo password?\x1b\\", "\\x1b]0;sudo password?\\x1b\\", id="OSC 0 title"),
    pytest.param("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H", id="CSI clear screen"),
    pytest.param("\x9b2J", "\\x9b2J", id="C1 CSI"),
    pytest.param("\x9d0;title\x9c", "\\x9d0;title\\x9c", id="C1 OSC and ST"),
    pytest.param("paid\rUNPAID", "paid\\x0dUNPAID", id="carriage return overwrites"),
    pytest.param("bell\x07 nul\x00 bs\x08 del\x7f", "bell\\x07 nul\\x00 bs\\x08 del\\x7f", id="C0 and DEL"),
    pytest.param("invoice\u202egpj.exe", "invoice\\u202egpj.exe", id="right-to-left override"),
    pytest.param("\u2066admin\u2069 \u200f\u200e\u061c", "\\u2066admin\\u2069 \\u200f\\u200e\\u061c",
                 id="isolates and marks"),
    pytest.param("caf\ud800", "caf\\ud800", id="lone surrogate"),
]


@pytest.mark.parametrize(("hostile", "shown"), HOSTILE)
def test_a_control_sequence_is_shown_not_obeyed(hostile, shown):
    for escape in (printable, printable_line):
        out = escape(f"Subject {hostile} end")
        assert out == f"Subject {shown} end"
        assert obeyed(out) == []


def test_every_unsafe_character_is_escaped():
    every = "".join(map(chr, range(0x00, 0xA0))) + BIDI_CONTROLS + "\udc80"
    assert obeyed(printable(every)) == []
    assert obeyed(printable_line(every)) == []
    assert "\n" not in printable_line(every)


def test_bodies_keep_tabs_and_line_breaks_one_line_fields_keep_only_tabs():
    body = "Dear user,\n\tyour code:\t482913\r\nSubject: raw mail ends lines in CRLF\r\n"
    assert printable(body) == body
    assert printable("Total: 10\rTotal: 99\r\n") == "Total: 10\\x0dTotal: 99\r\n"
    assert printable_line("Re: hello\r\nX-Fake: line") == "Re: hello\\x0d\\x0aX-Fake: line"
    assert printable_line("a\tb") == "a\tb"


@pytest.mark.parametrize("text", [
    "Ihre Bestellung über 25 € – danke!",
    "验证码 482913，请勿泄露",
    "مرحبا بك",  # right-to-left script itself is text, not a control
    "🎉 Welcome aboard 👋🏽",
    "C:\\Users\\me\\report.pdf",
    "e\u0301 combining and \u00a0no-break space",
])
def test_ordinary_text_of_any_script_is_left_alone(text):
    assert printable(text) == text
    assert printable_line(text) == text


def test_json_keeps_every_value_and_carries_no_raw_control():
    value = {"subject": "".join(map(chr, range(0x00, 0xA0))) + BIDI_CONTROLS + "\ud800 验证码 😀",
             "name": "invoice\u202egpj.exe"}
    dumped = terminal_safe_json(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == value
    assert obeyed(dumped.replace("\n", "")) == []
    assert "验证码 😀" in dumped  # readable text stays readable


def test_writable_replaces_only_lone_surrogates():
    assert writable("\x1b[2J caf\ud800 \udfff ok 😀") == "\x1b[2J caf\ufffd \ufffd ok 😀"
    writable("x\ud83d").encode("utf-8")  # no longer fails to encode


def test_a_megabyte_of_controls_is_escaped_whole():
    out = printable("\x1b[2J\u202e" * 250_000)
    assert out == "\\x1b[2J\\u202e" * 250_000
