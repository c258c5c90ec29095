"""Big mail, simplified: flat, table-free paragraphs Qt lays out quickly.

Qt's rich-text engine pays dearly for tables and long documents (a 2 MB
newsletter of nested tables held the UI thread 2.5-5 s in ``setHtml``). A big
mail is shown as this simplified version, in slices the reader inserts one per
step, with "Show original layout" for the real thing. The input is the
sanitized HTML of :mod:`.mail_html` (well-nested, image names already ours),
so the parser here never meets an unfinished construct it would rescan.

Pure Python, no Qt.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Generator
from dataclasses import dataclass
from html.parser import HTMLParser

from .steps import run_to_end

# One slice of simplified HTML: ~5-10 ms of insertHtml and layout here.
SLICE_CHARS = 8_000
# The simplifier reads this much HTML per step (~2-4 ms).
FEED_CHARS = 4_096
# Simplified HTML beyond this is not rendered; the Text tab has all of it.
MAX_SIMPLIFIED_CHARS = 4_000_000
# A tag or comment still open after this many characters ends the simplified view.
MAX_UNFINISHED_CHARS = 256_000



_BLOCK_KIND = {
    "p": "p", "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4",
    "pre": "pre", "li": "li", "dt": "div", "dd": "div", "blockquote": "div",
}
_BLOCK_TAGS = frozenset(_BLOCK_KIND) | {
    "div", "tr", "table", "tbody", "thead", "tfoot", "ul", "ol", "dl", "section", "article",
    "header", "footer", "center", "form", "address", "figure", "figcaption", "main", "nav",
    "aside", "caption", "hr", "body", "html",
}
_INLINE_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "code", "tt", "kbd",
     "samp", "sub", "sup", "small", "big", "mark", "cite", "q"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "title", "template"})
_WRAPPERS = {
    "p": ("<p>", "</p>"), "div": ("<div>", "</div>"), "pre": ("<pre>", "</pre>"),
    "li": ("<div>\u2022 ", "</div>"), "h2": ("<h2>", "</h2>"), "h3": ("<h3>", "</h3>"),
    "h4": ("<h4>", "</h4>"),
}
_MAX_PARAGRAPH = 8_000
# Each inline image makes every later insertion slower (Qt's layout walks
# them: 40,000 images took minutes); a simplified view shows the first ones.
MAX_SIMPLIFIED_IMAGES = 500


class _Simplifier(HTMLParser):
    """Mail HTML -> flat, table-free paragraphs Qt lays out quickly.

    Tables become one paragraph per row with cells side by side; links,
    emphasis and images stay; styles, scripts and layout attributes go.
    Each paragraph is self-contained (inline tags reopened), so any run of
    them is valid HTML to insert on its own.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.texts: list[str] = []  # the same paragraphs as plain text
        self.weights: list[int] = []  # what each paragraph costs to lay out, in characters
        self.size = 0
        self._parts: list[str] = []
        self._text_parts: list[str] = []
        self._visible = False
        self._length = 0
        self._kind = "div"
        self._inline: list[tuple[str, str]] = []  # (tag, opening markup)
        self._prefix = ""
        self._skip: list[str] = []
        self._images = 0

    # HTMLParser callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.append(tag)
            return
        if tag in _SKIPPED_TAGS:
            self._skip.append(tag)
        elif tag in ("td", "th"):
            if self._visible and self._parts and not self._parts[-1].endswith("\u2003"):
                self._parts.append("\u2003")
                self._text_parts.append("\t")
        elif tag == "br":
            if self._visible:
                self._parts.append("<br>")
                self._text_parts.append("\n")
        elif tag == "hr":
            self._end_paragraph()
            self.paragraphs.append("<hr>")
            self.texts.append("")
            self.weights.append(4)
        elif tag in _BLOCK_TAGS:
            self._end_paragraph()
            self._kind = _BLOCK_KIND.get(tag, "div")
        elif tag == "img":
            self._image(dict(attrs))
        elif tag in _INLINE_TAGS:
            opening = self._opening(tag, dict(attrs))
            self._inline.append((tag, opening))
            self._parts.append(opening)
            self._length += len(opening)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag in _BLOCK_TAGS and tag not in ("hr",):
            self._end_paragraph()
            self._kind = "div"
        elif tag in _INLINE_TAGS:
            for index in range(len(self._inline) - 1, -1, -1):
                if self._inline[index][0] == tag:
                    for open_tag, _ in reversed(self._inline[index:]):
                        self._parts.append(f"</{open_tag}>")
                    # Tags opened after the closed one are closed with it, as browsers do.
                    del self._inline[index:]
                    break

    def handle_data(self, data: str) -> None:
        if self._skip or not data:
            return
        if self._kind != "pre":
            # Collapse white space as a browser would, keeping one space at each edge.
            collapsed = " ".join(data.split())
            if not collapsed:
                if self._parts and not self._parts[-1].endswith((" ", "\u2003")):
                    self._parts.append(" ")
                    self._text_parts.append(" ")
                return
            data = (" " if data[0].isspace() else "") + collapsed + (" " if data[-1].isspace() else "")
        start = 0
        while start < len(data):
            room = max(_MAX_PARAGRAPH - self._length, 1)
            piece = data[start:start + room]
            start += len(piece)
            self._parts.append(html_lib.escape(piece, quote=False))
            self._text_parts.append(piece)
            if piece.strip():
                self._visible = True
            self._grow(len(piece))

    def _grow(self, size: int) -> None:
        self._length += size
        if self._length >= _MAX_PARAGRAPH:
            # One paragraph this big (long text, or thousands of images in a
            # row) costs Qt's layout dearly and would make one huge slice; cut it.
            kind = self._kind
            self._end_paragraph()
            self._kind = kind

    # building

    @staticmethod
    def _opening(tag: str, attrs: dict[str, str | None]) -> str:
        if tag == "a":
            href = (attrs.get("href") or "").strip()
            return f'<a href="{html_lib.escape(href, quote=True)}">' if href else "<a>"
        return f"<{tag}>"

    def _image(self, attrs: dict[str, str | None]) -> None:
        src = (attrs.get("src") or "").strip()
        if not src or self._images >= MAX_SIMPLIFIED_IMAGES:
            return
        self._images += 1
        markup = [f'<img src="{html_lib.escape(src, quote=True)}"']
        for name in ("width", "height"):
            value = (attrs.get(name) or "").strip().removesuffix("px")
            if value.isdigit() and 0 < int(value) <= 2000:
                markup.append(f' {name}="{value}"')
        alt = (attrs.get("alt") or "").strip()
        if alt:
            markup.append(f' alt="{html_lib.escape(alt, quote=True)}"')
        markup.append(">")
        self._parts.append("".join(markup))
        self._visible = True
        # An image costs layout like a few hundred characters of text do.
        self._grow(len(self._parts[-1]) + 200)

    def _end_paragraph(self) -> None:
        if self._visible:
            body = "".join(self._parts).strip()
            closing = "".join(f"</{tag}>" for tag, _ in reversed(self._inline))
            opening, ending = _WRAPPERS[self._kind]
            paragraph = f"{opening}{self._prefix}{body}{closing}{ending}"
            self.paragraphs.append(paragraph)
            self.texts.append("".join(self._text_parts).strip())
            self.weights.append(max(self._length, len(paragraph)))
            self.size += len(paragraph)
        self._parts = []
        self._text_parts = []
        self._visible = False
        self._length = 0
        self._prefix = "".join(opening for _, opening in self._inline)

    def finish(self) -> None:
        self.close()
        self._end_paragraph()


@dataclass
class SimplifiedHtml:
    slices: list[str]  # self-contained HTML, each about ``slice_chars`` long
    text: str  # the same content as plain text, one paragraph per line
    cut: bool  # True when the mail went on past ``limit``


def simplify_html_steps(
    markup: str,
    *,
    slice_chars: int = SLICE_CHARS,
    limit: int = MAX_SIMPLIFIED_CHARS,
    feed_chars: int = FEED_CHARS,
) -> Generator[None, None, SimplifiedHtml]:
    """Simplify ``markup`` a few kilobytes per step; the result is the return value."""
    parser = _Simplifier()
    cut = False
    for start in range(0, len(markup), feed_chars):
        parser.feed(markup[start:start + feed_chars])
        # html.parser rescans an unfinished tag or comment on every feed; one
        # that never ends (a hostile mail) would make each step slower than
        # the last, and nothing after it can be shown anyway.
        stuck = len(getattr(parser, "rawdata", "")) > MAX_UNFINISHED_CHARS
        if parser.size > limit or stuck:
            cut = True
            break
        yield
    if not cut:
        parser.finish()
    slices: list[str] = []
    current: list[str] = []
    size = total = 0
    for index, (paragraph, weight) in enumerate(zip(parser.paragraphs, parser.weights, strict=True)):
        if total + len(paragraph) > limit:
            cut = True
            break
        if index % 2048 == 2047:
            yield
        current.append(paragraph)
        size += weight
        total += len(paragraph)
        if size >= slice_chars:
            slices.append("".join(current))
            current, size = [], 0
    if current:
        slices.append("".join(current))
    return SimplifiedHtml(slices, "\n".join(t for t in parser.texts if t), cut)


def simplified_html(markup: str, **options) -> SimplifiedHtml:
    """:func:`simplify_html_steps` run at once."""
    return run_to_end(simplify_html_steps(markup, **options))
