"""A mail made ready for the reader, in steps: pure Python over the model, no Qt.

:func:`prepare_steps` does everything the reader shows besides painting: the
HTML sanitized (:mod:`.mail_html`) and, when Qt would take too long to lay it
out, simplified (:mod:`.html_simplify`); the text for the Text tab; the code
and link the store worked out (:mod:`.facts`); the images the mail names; its
headers and attachments from the raw source. Each step takes a few
milliseconds, so the window can pump it between events; tests and the
command run it at once with :func:`~.steps.run_to_end`.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass, field

from .extract import html_to_text
from .facts import mail_facts
from .html_simplify import MAX_SIMPLIFIED_IMAGES, simplify_html_steps
from .mail_html import SafeHtml, sanitize_steps, url_key  # noqa: F401 - url_key: re-exported
from .mime import parse_raw
from .models import Attachment, Message

# A mail Qt would take longer than this to lay out in one go (estimated from
# its sanitized HTML) is shown simplified, in steps, with "Show original
# layout": one UI event must not hold the window longer.
MAX_LAYOUT_MS = 100
# Above either limit the raw HTML is sanitized in steps too.
BIG_HTML_CELLS = 500
BIG_HTML_IMAGES = 300
# HTML longer than this is sanitized in steps, the Text tab showing first
# (sanitizing runs ~0.1-0.3 ms per KB here).
STEPPED_HTML_CHARS = 50_000
# A plain-text view takes ~0.1 ms per line; above this the text goes in by steps, too.
BIG_TEXT_CHARS = 64_000
# The raw source is parsed (headers, inline parts) only below this size: the
# MIME parser is one long call, too.
MAX_RAW_PARSE_CHARS = 1_000_000
# Qt lays out a line with no break opportunity in quadratic time (a 2 MB
# line took minutes); plain-text views get such lines cut for display.
MAX_DISPLAY_LINE = 10_000

_CELL_RE = re.compile(r"<t[dh][\s>]", re.I)
_IMG_RE = re.compile(r"<img[\s>/]", re.I)


def cid_key(value: str) -> str:
    """The form a Content-ID is compared in: no ``cid:``, no angle brackets, lower case."""
    text = value.strip()
    if text[:4].lower() == "cid:":
        text = text[4:]
    return text.strip().strip("<>").strip().lower()


def displayable_text(text: str, max_line: int = MAX_DISPLAY_LINE) -> str:
    """Text with overlong lines cut (preferably at a space) so a plain-text view stays fast."""
    if len(text) <= max_line or all(len(line) <= max_line for line in text.split("\n")):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > max_line:
            cut = line.rfind(" ", max_line // 2, max_line)
            cut = cut + 1 if cut > 0 else max_line
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def is_big_html(markup: str | None) -> bool:
    """Whether a mail's HTML is big enough to prepare in steps (a cheap look at the raw text)."""
    if not markup:
        return False
    if len(markup) > STEPPED_HTML_CHARS:
        return True
    # Table cells and images, more than bytes, are what Qt's layout pays for.
    return len(_CELL_RE.findall(markup)) > BIG_HTML_CELLS or len(_IMG_RE.findall(markup)) > BIG_HTML_IMAGES


def needs_simplifying(safe: SafeHtml) -> bool:
    """Whether sanitized HTML would hold the UI thread too long rendered as it is."""
    return safe.estimated_layout_ms() > MAX_LAYOUT_MS or len(safe.images) > BIG_HTML_IMAGES


def sender_line(message: Message) -> str | None:
    """The sender as the reader's header shows it ("Shop <news@shop.example>"); None when unknown."""
    if message.from_name and message.from_addr:
        return f"{message.from_name} <{message.from_addr}>"
    return message.from_name or message.from_addr or None


@dataclass
class Prepared:
    code: str | None = None
    link: str | None = None
    text: str | None = None  # None: keep the message's own text shown
    remote_images: dict[str, str] = field(default_factory=dict)  # url_key -> URL as written
    inline_images: dict[str, bytes] = field(default_factory=dict)
    headers: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    safe: SafeHtml | None = None  # the HTML as it reaches Qt
    slices: list[str] | None = None  # None: render the HTML as it is
    simplified_cut: bool = False


def prepare_steps(message: Message, *, big: bool) -> Generator[None, None, Prepared]:
    """Everything shown besides the HTML itself, in steps of a few milliseconds.

    ``big``: the mail is shown by steps, so no single call may read all of it.
    The HTML is sanitized here (:mod:`~tempmail_desktop.core.mail_html`) and
    simplified when it would still cost Qt too much. Pure Python over model
    data: no widget is touched here.
    """
    markup = message.html or None
    prepared = Prepared()
    safe = prepared.safe = yield from sanitize_steps(markup)
    prepared.remote_images = safe.remote_images()
    references = [image.ref for image in safe.images if image.kind == "cid"]
    simplify = bool(markup) and needs_simplifying(safe)
    yield

    if simplify and markup:
        simplified = yield from simplify_html_steps(safe.html)
        prepared.slices, prepared.simplified_cut = simplified.slices, simplified.cut
        if not message.text:
            prepared.text = simplified.text
    yield
    # The code and link the store worked out (core/facts.py), as every surface
    # shows them. A small mail that never went through the store (nothing worked
    # out) is read by the same function; a big one is not read again here.
    prepared.code, prepared.link = message.code, message.link
    if not (prepared.code or prepared.link or big):
        facts = mail_facts(message)
        prepared.code, prepared.link = facts.code, facts.link
    yield
    if not message.text and not simplify:
        if big and markup:
            # One call, not divisible into steps: read the sanitized HTML, which
            # is shorter and well-formed (its break opportunities are not text).
            prepared.text = html_to_text(safe.html).replace("\u200b", "")
        else:
            # Ordinary size: html_to_text reuses the reading extract_otp just cached.
            prepared.text = html_to_text(markup) if markup else ""
        yield

    prepared.inline_images = {cid_key(a.content_id): a.data for a in message.attachments if a.content_id and a.data}
    headers = dict(message.headers)
    attachments = [a for a in message.attachments if not a.inline]
    wanted_cids = {cid_key(ref) for ref in references[:MAX_SIMPLIFIED_IMAGES * 4]}
    wanted_cids -= prepared.inline_images.keys()
    raw = message.raw or ""
    hints_attachments = not message.attachments and "content-disposition" in raw[:MAX_RAW_PARSE_CHARS].lower()
    if raw and len(raw) <= MAX_RAW_PARSE_CHARS and (not headers or wanted_cids or hints_attachments):
        parsed = parse_raw(raw)
        headers = headers or parsed.headers
        for part in parsed.attachments:
            if part.content_id and part.data:
                prepared.inline_images.setdefault(cid_key(part.content_id), part.data)
        if not message.attachments:
            attachments = [a for a in parsed.attachments if not a.inline]
    prepared.headers = [
        # Repeated headers (Received) arrive joined by newlines: one row each.
        (name, line) for name, value in headers.items() for line in str(value).split("\n")
    ]
    prepared.attachments = attachments
    return prepared
