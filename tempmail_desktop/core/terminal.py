r"""Text from a mail, made safe to print on a terminal.

A terminal obeys what it prints: ``ESC ] 52`` writes the user's clipboard,
``ESC ] 0`` the window title, CSI sequences move the cursor and clear the
screen, C1 controls (U+0080-U+009F) start the same sequences on terminals
that take 8-bit controls, a carriage return lets a line overwrite itself,
and bidi controls reorder what the user reads ("invoice\u202egpj.exe").
Mail text is anyone's text, so before the CLI prints it every such character
is replaced by a visible escape: ``\x1b``, ``\x9b``, ``\u202e``.

Tab, newline and CRLF stay in bodies (they only move the cursor on; raw
mail ends every line in CRLF), a carriage return on its own does not; a
one-line field escapes every line break, so a subject cannot fake more
lines of output. Lone surrogates (which no encoder can write) are escaped the same
way. A backslash is left alone: the output is for people, and doubling every
backslash of a Windows path would make it harder to read, not safer.
"""

from __future__ import annotations

import re

from .invisible import BIDI_CLASS

# C0 without tab, newline and carriage return, DEL, C1, the bidi
# embeddings/overrides/isolates and marks, and lone surrogates.
_UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + BIDI_CLASS + "\ud800-\udfff"
_UNSAFE_IN_TEXT = re.compile(f"\r(?!\n)|[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[\r\n{_UNSAFE}]")
# JSON escapes C0 itself; C1, bidi controls and lone surrogates it leaves raw
# when ``ensure_ascii`` is off.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f" + BIDI_CLASS + "\ud800-\udfff]")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """``text`` with every control character a terminal would act on shown
    as an escape; tab, newline and CRLF kept."""
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def printable_line(text: str) -> str:
    """Like :func:`printable`, for a field that must stay on one line (a
    subject, a sender, a file name, an error): newlines are escaped too."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def terminal_safe_json(dumped: str) -> str:
    r"""JSON text (from ``json.dumps(..., ensure_ascii=False)``) with C1 and
    bidi controls and lone surrogates written as ``\uXXXX`` escapes.

    Those characters can only occur inside JSON strings, and the escape
    decodes to the very same character, so a script reads exactly the same
    values; a terminal showing the JSON is not driven by them, and a lone
    surrogate no longer makes printing fail.
    """
    return _UNSAFE_IN_JSON.sub(_json_escape, dumped)


def writable(text: str) -> str:
    """``text`` unchanged but for lone surrogates, which no encoder can
    write (printing one fails): each becomes U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)
