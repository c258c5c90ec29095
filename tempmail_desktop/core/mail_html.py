"""What of a mail's HTML reaches the reader: bounded, well-nested, path-free.

Every HTML mail goes through :func:`sanitize_steps` before Qt sees it. Qt's
rich-text engine has costs that grow much faster than the mail does, and the
mail is written by strangers, so the HTML handed over is rebuilt from the
linear tokenizer (:mod:`.html_tokens`) under fixed rules:

* **Cost.** Each step reads a bounded number of tokens; nothing is read
  twice. Nesting beyond a cap is flattened (tables laid out inside tables
  cost Qt twice per level: 20 levels froze the window for 20 s), unbroken
  runs of text get break opportunities (Qt lays out a line with none in
  quadratic time), CSS is cut where it stops making sense (an unclosed
  ``url(`` froze Qt's CSS parser for a minute), and the output is
  well-nested, so Qt never has to recover from broken markup.
* **Paths.** Every image the mail shows (``<img src>``, ``background=``,
  CSS ``background``/``background-image``) is renamed to an internal name
  ``tm-img:N`` and listed in :attr:`SafeHtml.images`; no name the mail wrote
  reaches Qt, so no Qt version or display scale can probe the disk for it.
  Other ``url()`` values become ``none``; ``@import`` goes.
* **Only what is shown.** Scripts, frames, media, forms' widgets, SVG,
  ``<template>``, ``<noscript>``, ``<title>``, ``<textarea>`` and comments go
  with their content, so an image named only there is never listed (and
  never fetched by "Load images").

Pure Python, no Qt: the command line and tests use it as the window does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Generator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .html_tokens import END, RAW, START, TEXT, tokens

IMAGE_SCHEME = "tm-img"

# Depth caps: deeper elements of the kind lose their tags, not their text.
MAX_TABLE_DEPTH = 6
MAX_LIST_DEPTH = 8
MAX_QUOTE_DEPTH = 8
MAX_INLINE_DEPTH = 16
MAX_DEPTH = 40
# An end tag closes an element at most this far down the stack of open ones;
# one further away is ignored (browsers search the whole stack, which is
# what makes thousands of unclosed tags cost quadratic time).
MAX_END_TAG_SEARCH = 48
# A run of characters with no white space gets a zero-width space after this many.
MAX_UNBROKEN_RUN = 160
# CSS kept per mail (all <style> blocks together) and per style attribute.
MAX_STYLE_SHEET_CHARS = 64_000
MAX_STYLE_ATTRIBUTE_CHARS = 2_000
# Images listed per mail; more are dropped (each costs Qt's layout).
MAX_IMAGES = 2_000
MAX_URL_CHARS = 8_192
MAX_DATA_URL_CHARS = 7 * 1024 * 1024  # a 5 MB image, base64-encoded
# Qt's layout speed, for SafeHtml.estimated_layout_ms.
LAYOUT_UNITS_PER_MS = 60
LAYOUT_CHARS_PER_MS = 2_000
# Tokens read per step (~2-5 ms of Python here).
TOKENS_PER_STEP = 400

_BREAK = "\u200b"

# Tags Qt's rich text knows and that show content.
_KEPT = frozenset({
    "a", "address", "b", "big", "blockquote", "body", "br", "center", "cite", "code", "dd", "dfn",
    "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd",
    "li", "nobr", "ol", "p", "pre", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "del", "ins",
    "q", "caption",
})
# Block tags of HTML5 that Qt does not know: shown as a div.
_AS_DIV = frozenset({
    "section", "article", "header", "footer", "main", "nav", "aside", "figure", "figcaption",
    "form", "fieldset", "details", "summary", "legend", "hgroup", "dialog", "menu", "search",
})
# Dropped with everything inside (not raw text, so nesting is counted).
_DROPPED_WITH_CONTENT = frozenset({
    "template", "svg", "math", "object", "applet", "video", "audio", "select", "datalist",
    "map", "canvas", "picture", "frameset",
})
_RAW_DROPPED = frozenset({"script", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "base", "input", "col", "area", "param", "source",
                   "track", "wbr", "embed", "keygen", "basefont", "bgsound", "frame", "image"})
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"})
_LISTS = frozenset({"ul", "ol", "dl"})
_INLINE = frozenset({"a", "b", "big", "cite", "code", "dfn", "em", "font", "i", "kbd", "nobr", "s",
                     "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var",
                     "del", "ins", "q"})
# A start tag of one of these closes an open <p> (HTML's implied end tag).
_CLOSES_P = frozenset({"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
                       "pre", "blockquote", "hr", "address", "center"}) | _AS_DIV

_ATTRIBUTES = {
    "a": {"href", "name", "id"},
    "img": {"width", "height", "alt", "align"},
    "table": {"width", "height", "border", "cellpadding", "cellspacing", "bgcolor", "align"},
    "td": {"width", "height", "bgcolor", "align", "valign", "colspan", "rowspan", "nowrap"},
    "th": {"width", "height", "bgcolor", "align", "valign", "colspan", "rowspan", "nowrap"},
    "tr": {"bgcolor", "align", "valign"},
    "font": {"color", "size", "face"},
    "ol": {"start", "type"},
    "ul": {"type"},
    "li": {"value", "type"},
    "hr": {"width", "size", "align", "noshade"},
    "body": {"bgcolor", "text", "link"},
}
_EVERYWHERE = {"style", "align", "dir", "class", "id", "lang"}
_BACKGROUND_TAGS = frozenset({"table", "td", "th", "tr", "body"})
_NUMERIC = frozenset({"width", "height", "border", "cellpadding", "cellspacing", "colspan", "rowspan", "size", "start", "value"})
_NUMERIC_RE = re.compile(r"^\s*\d{1,5}(?:\.\d+)?\s*(?:%|px)?\s*$", re.I)

_CSS_COMMENT_START = "/*"
_CSS_IMAGE_PROPERTY_RE = re.compile(r"\s*background(?:-image)?\s*:", re.I)
_WHITESPACE = frozenset(" \t\n\r\f\u00a0")
_SPACE_RUN_RE = re.compile(r"\S{%d,}" % MAX_UNBROKEN_RUN)


@dataclass(frozen=True)
class MailImage:
    """An image the mail shows, as the mail named it (entity-decoded)."""

    ref: str
    kind: str  # "cid", "data", "remote" (http/https) or "other" (never served)


@dataclass
class SafeHtml:
    html: str
    #: images[N] is what ``tm-img:N`` stands for.
    images: list[MailImage] = field(default_factory=list)
    #: Table cells and images kept: what Qt's layout pays for.
    cells: int = 0
    #: What Qt's layout will pay, roughly: each element and text run counts
    #: 2**(tables it sits in), since Qt lays a table's content out about twice
    #: per level of nesting (calibrated in :mod:`benchmarks.hostile`).
    layout_cost: int = 0
    flattened: int = 0  # elements whose tags were dropped for depth
    cut: bool = False  # True when something was left out for size (CSS, images)

    def estimated_layout_ms(self) -> float:
        """How long Qt would hold the UI thread laying this out at once, on a 2-core VM.

        Measured there (benchmarks/hostile.py, 2026-12): 60-190 cost units per
        ms in tables, ~2,000 characters per ms of plain text; the slow end is used.
        """
        return self.layout_cost / LAYOUT_UNITS_PER_MS + len(self.html) / LAYOUT_CHARS_PER_MS

    def remote_images(self) -> dict[str, str]:
        """The http(s) images the mail shows: :func:`url_key` -> first spelling, in order."""
        found: dict[str, str] = {}
        for image in self.images:
            if image.kind == "remote":
                found.setdefault(url_key(image.ref), image.ref)
        return found


def url_key(url: str) -> str:
    """One spelling per image address (scheme and host in lower case, no fragment),
    so the images the reader asked for match the ones fetched for it."""
    text = url.strip().split("#", 1)[0]
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    netloc = parts.netloc
    if "@" not in netloc:
        netloc = netloc.lower()
    return parts._replace(scheme=parts.scheme.lower(), netloc=netloc, fragment="").geturl()


def image_name(index: int) -> str:
    return f"{IMAGE_SCHEME}:{index}"


def image_index(name: str) -> int | None:
    """N for ``tm-img:N``, else None."""
    prefix = IMAGE_SCHEME + ":"
    if not name.startswith(prefix):
        return None
    digits = name[len(prefix):]
    return int(digits) if digits.isdigit() and len(digits) < 8 else None


def image_kind(ref: str) -> str:
    head = ref[:8].lower()
    if head.startswith("cid:"):
        return "cid"
    if head.startswith("data:"):
        return "data"
    if head.startswith(("http://", "https://")):
        return "remote"
    return "other"


def sanitize(markup: str | None) -> SafeHtml:
    """:func:`sanitize_steps` run at once."""
    steps = sanitize_steps(markup)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def sanitize_steps(markup: str | None, tokens_per_step: int = TOKENS_PER_STEP) -> Generator[None, None, SafeHtml]:
    """Rebuild ``markup`` under the rules above, a bounded number of tokens per step."""
    builder = _Builder()
    if markup:
        for count, token in enumerate(tokens(markup), start=1):
            builder.feed(token)
            if count % tokens_per_step == 0:
                yield
    return builder.finish()


class _Open:
    __slots__ = ("name", "emitted", "kind")

    def __init__(self, name: str, emitted: bool, kind: str) -> None:
        self.name = name
        self.emitted = emitted
        self.kind = kind  # "table", "list", "quote", "inline", "block"


class _Builder:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack: list[_Open] = []
        self.images: list[MailImage] = []
        self.depth = {"table": 0, "list": 0, "quote": 0, "inline": 0, "all": 0}  # "table": tables only
        self.skip: list[str] = []  # open elements dropped with their content
        self.run = 0  # characters since the last white space
        self.css_left = MAX_STYLE_SHEET_CHARS
        self.cells = 0
        self.layout_cost = 0
        self.flattened = 0
        self.cut = False

    # -- tokens ------------------------------------------------------------

    def feed(self, token: tuple) -> None:
        kind = token[0]
        if self.skip:
            self._skipping(token)
            return
        if kind == TEXT:
            self._text(token[1])
        elif kind == START:
            self._start(token[1], token[2], token[3])
        elif kind == END:
            self._end(token[1])
        elif kind == RAW:
            if token[1] == "style":
                self._style_sheet(token[2])
            # Other raw-text content (scripts, textareas, titles, frames) is never shown.

    def _skipping(self, token: tuple) -> None:
        kind = token[0]
        if kind == START and token[1] == self.skip[-1] and not token[3]:
            self.skip.append(token[1])
        elif kind == END and token[1] == self.skip[-1]:
            self.skip.pop()

    def _text(self, text: str) -> None:
        if not text:
            return
        text = text.replace("<", "&lt;").replace(">", "&gt;")
        # Break opportunities in long unbroken runs, also across inline tags.
        last_space = max(text.rfind(c) for c in (" ", "\n", "\t", "\r"))
        if last_space < 0:
            if self.run + len(text) > MAX_UNBROKEN_RUN:
                text = _BREAK + text if self.run else text
                self.run = 0
            self.run += len(text)
        else:
            first_space = min((i for i in (text.find(c) for c in (" ", "\n", "\t", "\r")) if i >= 0))
            if self.run + first_space > MAX_UNBROKEN_RUN:
                text = _BREAK + text
                first_space += 1
                last_space += 1
            self.run = len(text) - last_space - 1
        if len(text) > MAX_UNBROKEN_RUN and _SPACE_RUN_RE.search(text):
            text = _SPACE_RUN_RE.sub(_break_run, text)
        self.out.append(text)
        self.layout_cost += 1 << min(self.depth["table"], MAX_TABLE_DEPTH)

    def _start(self, name: str, attrs: list[tuple[str, str]], self_closing: bool) -> None:
        if name in _RAW_DROPPED or name == "style":
            return  # their content comes as a RAW token, handled in feed
        if name in _DROPPED_WITH_CONTENT:
            if not self_closing and name not in _VOID:
                self.skip.append(name)
            return
        if name in ("html", "head", "body"):
            if name == "body":
                self._body_attributes(attrs)
            return
        if name in _AS_DIV:
            name = "div"
        if name not in _KEPT:
            return  # unknown tag: its text stays, the tag goes
        self._implied_ends(name)
        if name in ("br", "hr", "img"):
            self._void(name, attrs)
            return
        kind = _kind_of(name)
        emit = self._fits(name, kind)
        if emit:
            self.out.append(self._opening(name, attrs))
            self.layout_cost += 1 << min(self.depth["table"], MAX_TABLE_DEPTH)
            if name in ("td", "th"):
                self.cells += 1
        else:
            self.flattened += 1
            self._flattened_marker(name)
        self.stack.append(_Open(name, emit, kind))
        self._count(kind, +1)
        if self_closing and name not in _VOID:
            self._close_to(len(self.stack) - 1)

    def _end(self, name: str) -> None:
        if name in _AS_DIV:
            name = "div"
        if name == "br":  # "</br>" is a line break in every browser
            self._void("br", [])
            return
        if name not in _KEPT:
            return
        stack = self.stack
        stop = max(len(stack) - MAX_END_TAG_SEARCH, 0)
        for index in range(len(stack) - 1, stop - 1, -1):
            entry = stack[index]
            if entry.name == name:
                self._close_to(index)
                return
            if entry.name == "table" and name != "table":
                return  # an end tag never closes across a table's edge

    def finish(self) -> SafeHtml:
        self._close_to(0)
        return SafeHtml("".join(self.out), self.images, cells=self.cells, layout_cost=self.layout_cost,
                        flattened=self.flattened, cut=self.cut)

    # -- structure ---------------------------------------------------------

    def _fits(self, name: str, kind: str) -> bool:
        depth = self.depth
        if depth["all"] >= MAX_DEPTH:
            return False
        if kind == "table":
            return depth["table"] < MAX_TABLE_DEPTH and self._table_parent_emitted()
        if kind == "cell":
            return self._current_table_emitted()
        if kind == "list":
            return depth["list"] < MAX_LIST_DEPTH
        if kind == "quote":
            return depth["quote"] < MAX_QUOTE_DEPTH
        if kind == "inline":
            return depth["inline"] < MAX_INLINE_DEPTH
        return True

    def _table_parent_emitted(self) -> bool:
        # A table inside a flattened table's cell stays flattened too.
        for entry in reversed(self.stack):
            if entry.kind == "table":
                return entry.emitted
        return True

    def _current_table_emitted(self) -> bool:
        for entry in reversed(self.stack):
            if entry.name == "table":
                return entry.emitted
        return False  # a cell outside any table: Qt would invent one

    def _flattened_marker(self, name: str) -> None:
        # A flattened row ends its line; flattened cells sit side by side.
        if name == "tr":
            self.out.append("<br>")
        elif name in ("td", "th"):
            self.out.append(" ")
        elif name in ("li", "dt", "dd"):
            self.out.append("<br>")

    def _count(self, kind: str, step: int) -> None:
        if kind in self.depth:
            self.depth[kind] += step
        self.depth["all"] += step

    def _implied_ends(self, name: str) -> None:
        """HTML's implied end tags, searched a bounded way down the stack."""
        if name in ("td", "th"):
            self._close_nearest(("td", "th"), stop_at=("table", "tr"))
            if not self._open_within(("tr",), stop_at=("table",)) and self._open_within(("table",), stop_at=()):
                self._start("tr", [], False)
        elif name == "tr":
            self._close_nearest(("tr",), stop_at=("table",))
        elif name in ("tbody", "thead", "tfoot"):
            self._close_nearest(("tbody", "thead", "tfoot"), stop_at=("table",))
        elif name == "li":
            self._close_nearest(("li",), stop_at=("ul", "ol", "table"))
        elif name in ("dt", "dd"):
            self._close_nearest(("dt", "dd"), stop_at=("dl", "table"))
        elif name == "a":
            self._close_nearest(("a",), stop_at=("table", "td", "th"))
        if name in _CLOSES_P:
            self._close_nearest(("p",), stop_at=("table", "td", "th", "li", "blockquote", "div"))

    def _open_within(self, names: tuple[str, ...], stop_at: tuple[str, ...]) -> bool:
        stack = self.stack
        for index in range(len(stack) - 1, max(len(stack) - MAX_END_TAG_SEARCH, 0) - 1, -1):
            entry_name = stack[index].name
            if entry_name in names:
                return True
            if entry_name in stop_at:
                return False
        return False

    def _close_nearest(self, names: tuple[str, ...], stop_at: tuple[str, ...]) -> None:
        stack = self.stack
        for index in range(len(stack) - 1, max(len(stack) - MAX_END_TAG_SEARCH, 0) - 1, -1):
            entry_name = stack[index].name
            if entry_name in names:
                self._close_to(index)
                return
            if entry_name in stop_at:
                return

    def _close_to(self, index: int) -> None:
        """Close every open element from the top of the stack down to ``index``."""
        stack = self.stack
        while len(stack) > index:
            entry = stack.pop()
            self._count(entry.kind, -1)
            if entry.emitted:
                self.out.append(f"</{entry.name}>")

    # -- tags ----------------------------------------------------------------

    def _void(self, name: str, attrs: list[tuple[str, str]]) -> None:
        if name == "img":
            src = _attr(attrs, "src") or _first_srcset(_attr(attrs, "srcset"))
            if not src:
                return
            index = self._image(src)
            if index is None:
                return
            self.out.append(self._opening("img", attrs, image=index))
            self.run = 0
            return
        self.run = 0
        self.out.append(self._opening(name, attrs) if name == "hr" else "<br>")

    def _opening(self, name: str, attrs: list[tuple[str, str]], image: int | None = None) -> str:
        allowed = _ATTRIBUTES.get(name, ())
        parts = [f"<{name}"]
        if image is not None:
            parts.append(f' src="{image_name(image)}"')
        for attr, value in attrs:
            if attr == "style":
                value = self._style_attribute(value)
                if not value:
                    continue
            elif attr == "background" and name in _BACKGROUND_TAGS:
                index = self._image(html.unescape(value).strip())
                if index is None:
                    continue
                value = image_name(index)
            elif attr in _NUMERIC:
                if attr not in allowed or not _NUMERIC_RE.match(value):
                    continue
            elif attr not in allowed and attr not in _EVERYWHERE:
                continue
            elif attr == "href":
                value = value.strip()
                if len(value) > MAX_URL_CHARS:
                    continue
            elif len(value) > 256:
                continue
            # Values keep their entities; quotes and angle brackets are escaped.
            value = value.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
            parts.append(f' {attr}="{value}"')
        parts.append(">")
        return "".join(parts)

    def _body_attributes(self, attrs: list[tuple[str, str]]) -> None:
        # The body's colours and background image apply to the page; Qt reads them from <body>.
        kept = [(a, v) for a, v in attrs if a in ("bgcolor", "text", "link", "background", "style")]
        if kept and not any(piece.startswith("<body") for piece in self.out[:1]):
            self.out.insert(0, self._opening("body", kept))
            # The matching </body> is not needed: Qt closes the document itself.

    def _image(self, ref: str) -> int | None:
        ref = html.unescape(ref).strip() if "&" in ref else ref.strip()
        if not ref:
            return None
        kind = image_kind(ref)
        limit = MAX_DATA_URL_CHARS if kind == "data" else MAX_URL_CHARS
        if len(ref) > limit or len(self.images) >= MAX_IMAGES:
            self.cut = True
            return None
        self.images.append(MailImage(ref, kind))
        return len(self.images) - 1

    # -- CSS -------------------------------------------------------------------

    def _style_sheet(self, css: str) -> None:
        if self.css_left <= 0:
            if css.strip():
                self.cut = True
            return
        if len(css) > self.css_left:
            css = css[: self.css_left]
            self.cut = True
        clean = self._css(css, block=True)
        self.css_left -= len(css)
        if clean.strip():
            self.out.append(f"<style>{clean}</style>")

    def _style_attribute(self, value: str) -> str:
        value = html.unescape(value) if "&" in value else value
        if len(value) > MAX_STYLE_ATTRIBUTE_CHARS:
            cut = value.rfind(";", 0, MAX_STYLE_ATTRIBUTE_CHARS)
            value = value[: max(cut, 0)]
        return self._css(value, block=False).replace('"', "'")

    def _css(self, css: str, *, block: bool) -> str:
        """CSS with comments and @import gone and every url() an internal image or none.

        Linear: one pass of ``str.find``; CSS that stops making sense (an
        unclosed comment, string or ``url(``) ends there.
        """
        lower = css.lower()
        out: list[str] = []
        pos = 0
        length = len(css)
        # The next place of each construct, found again only once passed, so
        # no stretch of the CSS is searched twice.
        next_url = next_comment = next_import = -2
        while pos < length:
            if -1 < next_url < pos or next_url == -2:
                next_url = lower.find("url(", pos)
            if -1 < next_comment < pos or next_comment == -2:
                next_comment = lower.find(_CSS_COMMENT_START, pos)
            if -1 < next_import < pos or next_import == -2:
                next_import = lower.find("@import", pos) if block else -1
            candidates = [i for i in (next_url, next_comment, next_import) if i >= 0]
            if not candidates:
                out.append(css[pos:])
                break
            at = min(candidates)
            out.append(css[pos:at])
            if at == next_comment:
                end = css.find("*/", at + 2)
                if end < 0:
                    break
                pos = end + 2
            elif at == next_import:
                end = css.find(";", at)
                if end < 0:
                    break
                pos = end + 1
            else:
                value, end = _css_url_value(css, at + 4)
                if end < 0:
                    break  # an unclosed url( ends the CSS
                pos = end
                if _is_image_property(css, at):
                    index = self._image(value)
                    out.append(f"url({image_name(index)})" if index is not None else "none")
                else:
                    out.append("none")
        # Angle brackets could end the style element or the tag the attribute sits in.
        return "".join(out).replace("<", " ").replace(">", " ")


def _css_url_value(css: str, pos: int) -> tuple[str, int]:
    """The value of ``url(`` starting at ``pos`` and the position after its ``)``; -1 when unclosed."""
    length = len(css)
    while pos < length and css[pos] in " \t\n\r\f":
        pos += 1
    if pos < length and css[pos] in "\"'":
        close = css.find(css[pos], pos + 1)
        if close < 0:
            return "", -1
        value = css[pos + 1:close]
        end = css.find(")", close + 1)
        return (value, end + 1) if end >= 0 else ("", -1)
    end = css.find(")", pos)
    if end < 0:
        return "", -1
    return css[pos:end].strip(), end + 1


def _is_image_property(css: str, at: int) -> bool:
    """Whether the declaration holding ``url(`` at ``at`` sets background(-image).

    Looks back a bounded way: a declaration that starts further back than
    that is not taken for an image one (linear cost on hostile CSS).
    """
    floor = max(at - 200, 0)
    start = max(css.rfind(";", floor, at), css.rfind("{", floor, at))
    if start < 0:
        if floor > 0:
            return False
        start = -1
    return bool(_CSS_IMAGE_PROPERTY_RE.match(css, start + 1, at))


def _attr(attrs: list[tuple[str, str]], name: str) -> str:
    for attr, value in attrs:
        if attr == name:
            return value
    return ""


def _first_srcset(srcset: str) -> str:
    first = srcset.split(",", 1)[0].strip()
    return first.split()[0] if first else ""


def _kind_of(name: str) -> str:
    if name == "table":
        return "table"
    if name in _TABLE_PARTS:
        return "cell"
    if name in _LISTS or name == "li" or name in ("dt", "dd"):
        return "list" if name in _LISTS else "block"
    if name == "blockquote":
        return "quote"
    if name in _INLINE:
        return "inline"
    return "block"


def _break_run(match: re.Match) -> str:
    run = match.group(0)
    step = MAX_UNBROKEN_RUN // 2
    # Cut between characters, never inside an entity such as &amp;.
    pieces = []
    start = 0
    while start < len(run):
        end = min(start + step, len(run))
        amp = run.rfind("&", start, end)
        if amp > start and run.find(";", amp, amp + 10) >= end:
            end = amp
        pieces.append(run[start:end])
        start = end
    return _BREAK.join(pieces)
