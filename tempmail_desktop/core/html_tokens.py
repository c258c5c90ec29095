"""A linear HTML tokenizer for mail written by strangers.

Mail HTML is read once, left to right: every scan (``str.find`` or a regex
anchored at the current position that cannot run past its own token) moves
the position forward past what it read, so the cost is linear in the length
of the mail whatever it holds. Nothing is rescanned: an unclosed comment,
tag or attribute quote ends the document at that point, as it does in a
browser (the HTML standard drops a tag still open at the end of the file).

It yields :data:`TEXT`, :data:`START` and :data:`END` tokens; comments,
doctypes and processing instructions are dropped. The content of raw-text
elements (``<style>``, ``<script>``, ``<textarea>``, ...) comes as one
:data:`RAW` token, because ``<`` inside them is not markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TEXT = 0  # (TEXT, text as written: entities still encoded)
START = 1  # (START, name, attrs, self_closing)
END = 2  # (END, name)
RAW = 3  # (RAW, name of the element, its content)

# Elements whose content is not markup; in them, only "</name" ends the content.
RAW_TEXT_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)
# A tag keeps at most this many attributes; the rest are read past and dropped.
MAX_ATTRIBUTES = 64

_NAME_RE = re.compile(r"[A-Za-z][^\s/>]*")
_SPACE_OR_SLASH_RE = re.compile(r"[\s/]*")
_SPACE_RE = re.compile(r"\s*")
_ATTR_NAME_RE = re.compile(r"[^\s/>=][^\s/>=]*")
_UNQUOTED_RE = re.compile(r"[^\s>]*")

Token = tuple


def tokens(markup: str) -> Iterator[Token]:
    """The tokens of ``markup``, in order."""
    find = markup.find
    length = len(markup)
    lower: str | None = None  # made on the first raw-text element
    pos = 0
    while pos < length:
        lt = find("<", pos)
        if lt < 0:
            yield (TEXT, markup[pos:])
            return
        if lt > pos:
            yield (TEXT, markup[pos:lt])
        after = markup[lt + 1:lt + 2]
        if after == "!":
            if markup.startswith("!--", lt + 1):
                end = find("-->", lt + 4)
                if end < 0:
                    return  # a comment that never ends hides the rest, as in a browser
                pos = end + 3
            else:
                end = find(">", lt + 2)  # doctype, CDATA, bogus comment
                if end < 0:
                    return
                pos = end + 1
            continue
        if after == "?":
            end = find(">", lt + 2)
            if end < 0:
                return
            pos = end + 1
            continue
        if after == "/":
            name = _NAME_RE.match(markup, lt + 2)
            end = find(">", name.end() if name else lt + 2)
            if end < 0:
                return
            if name:
                yield (END, name.group(0).lower())
            pos = end + 1
            continue
        name_match = _NAME_RE.match(markup, lt + 1)
        if name_match is None:
            yield (TEXT, "<")  # "a < b": a lone "<" is text
            pos = lt + 1
            continue
        name = name_match.group(0).lower()
        parsed = _attributes(markup, name_match.end())
        if parsed is None:
            return  # the end of the mail inside a tag: the tag is dropped
        attrs, pos, self_closing = parsed
        yield (START, name, attrs, self_closing)
        if name in RAW_TEXT_ELEMENTS and not self_closing:
            if lower is None:
                lower = markup.lower()
            close = lower.find("</" + name, pos)
            if close < 0:
                yield (RAW, name, markup[pos:])
                return
            yield (RAW, name, markup[pos:close])
            end = find(">", close)
            if end < 0:
                return
            yield (END, name)
            pos = end + 1


def _attributes(markup: str, pos: int) -> tuple[list[tuple[str, str]], int, bool] | None:
    """The attributes of a tag from ``pos``; with the position after its ``>``.

    None when the mail ends inside the tag (or inside a quoted value).
    """
    attrs: list[tuple[str, str]] = []
    length = len(markup)
    while True:
        pos = _SPACE_OR_SLASH_RE.match(markup, pos).end()
        if pos >= length:
            return None
        if markup[pos] == ">":
            return attrs, pos + 1, markup[pos - 1] == "/"
        name_match = _ATTR_NAME_RE.match(markup, pos)
        if name_match is None:  # a lone "=": skip it
            pos += 1
            continue
        name = name_match.group(0).lower()
        pos = _SPACE_RE.match(markup, name_match.end()).end()
        value = ""
        if pos < length and markup[pos] == "=":
            pos = _SPACE_RE.match(markup, pos + 1).end()
            if pos >= length:
                return None
            quote = markup[pos]
            if quote in "\"'":
                close = markup.find(quote, pos + 1)
                if close < 0:
                    return None
                value = markup[pos + 1:close]
                pos = close + 1
            else:
                unquoted = _UNQUOTED_RE.match(markup, pos)
                value = unquoted.group(0)
                pos = unquoted.end()
        if len(attrs) < MAX_ATTRIBUTES:
            attrs.append((name, value))
