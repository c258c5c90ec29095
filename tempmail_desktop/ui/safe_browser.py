"""A QTextBrowser that shows a mail and reaches nothing outside it.

Out of the box, Qt's rich-text stack happily reads local files for a mail:
``QTextBrowser.loadResource`` resolves ``<img>``, ``<link rel=stylesheet>``
and ``background=`` against the file system, ``QTextDocument.loadResource``
falls back to reading ``file:`` and relative names itself when the widget
returns nothing, and the image handler (``QTextImageHandler``) opens the
image *by name* from disk when the resource it got is not a picture. Link
clicks call ``setSource``, which loads the target as a document.

:class:`SafeTextBrowser` closes each of these doors:

* the document is a :class:`_GuardedDocument` whose ``loadResource`` never
  calls Qt's own, so no fallback runs;
* every image request is answered with a real image: the mail's own part,
  a decoded ``data:`` image, a remote image the user allowed and the window
  fetched, or a transparent placeholder; so the image handler never
  tries the disk;
* links only emit signals; ``setSource`` is refused.

And Qt never sees a name the mail wrote: :meth:`SafeTextBrowser.setHtml`
passes every mail through :func:`~tempmail_desktop.core.mail_html.sanitize`,
which renames each image to ``tm-img:N``; only those names are served, from
the mail's table, under per-image and per-mail pixel caps (image bombs get the
placeholder). The app also sets ``QT_HIGHDPI_DISABLE_2X_IMAGE_LOADING`` at
start, so at a display scale above 1 Qt probes no ``@2x`` file either.
"""

from __future__ import annotations

import os

# Qt reads this once, at its first image lookup: above a display scale of 1 it
# would otherwise probe the disk for an "@2x" variant of every image name.
os.environ["QT_HIGHDPI_DISABLE_2X_IMAGE_LOADING"] = "1"

import base64  # noqa: E402 - after the environment line above
import binascii
import logging
import time
from urllib.parse import unquote, unquote_to_bytes

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, QUrl, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core import log_names
from ..core.reading import cid_key, url_key
from ..core.links import deceptive_text
from ..core.mail_html import MailImage, SafeHtml, image_index, image_kind, image_name, sanitize

log = logging.getLogger(log_names.UI)

# A data: image bigger than this is refused: mail does not need it and a
# decoder should not be handed an arbitrarily large blob on the UI thread.
MAX_DATA_URL_BYTES = 5 * 1024 * 1024
# Decompression bombs: a tiny PNG can claim a gigapixel canvas. One image may
# have this many pixels, and one mail this many in all its images; past
# either, the placeholder (36 Mpx images by the dozen grew the process to GBs).
MAX_IMAGE_PIXELS = 16_000_000
MAX_MAIL_PIXELS = 40_000_000
# Formats QImageReader reports that are plain pixels. SVG is left out on
# purpose: Qt's SVG renderer loads <image href="file:..."> from disk.
RASTER_FORMATS = frozenset({b"png", b"jpg", b"jpeg", b"gif", b"bmp", b"webp", b"ico"})

_IMAGE = QTextDocument.ResourceType.ImageResource.value
_STYLESHEET = QTextDocument.ResourceType.StyleSheetResource.value


def decode_image(data: bytes | None, pixels_left: int = MAX_IMAGE_PIXELS) -> QImage | None:
    """A raster image from bytes, or None for anything else (SVG, bombs, junk).

    ``pixels_left``: what the mail may still decode; an image claiming more
    (or more than :data:`MAX_IMAGE_PIXELS`) is refused before decoding.
    """
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    if bytes(reader.format().data()).lower() not in RASTER_FORMATS:
        return None
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > min(MAX_IMAGE_PIXELS, pixels_left):
        return None
    image = reader.read()
    return None if image.isNull() else image


def decode_data_url(url: str, limit: int = MAX_DATA_URL_BYTES) -> bytes | None:
    """The bytes of a ``data:image/...`` URL, or None when it is no image or too big."""
    if url[:5].lower() != "data:" or "," not in url:
        return None
    header, _, payload = url[5:].partition(",")
    params = [p.strip().lower() for p in header.split(";")]
    media_type = params[0] if params else ""
    if not media_type.startswith("image/") or "svg" in media_type:
        return None
    is_base64 = "base64" in params[1:]
    # Refuse on the encoded length first: decoding is the cost being avoided.
    encoded_limit = limit * 4 // 3 + 1024 if is_base64 else limit * 3 + 1024
    if len(payload) > encoded_limit:
        return None
    try:
        raw = unquote_to_bytes(payload)
        data = base64.b64decode(b"".join(raw.split()), validate=False) if is_base64 else raw
    except (binascii.Error, ValueError):
        return None
    return data if len(data) <= limit else None


_placeholder: list[QImage] = []


def _placeholder_image() -> QImage:
    # One shared transparent pixel: QImage is implicitly shared, and a mail
    # with thousands of blocked images should not make thousands of them.
    if not _placeholder:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        _placeholder.append(image)
    return _placeholder[0]


class _GuardedDocument(QTextDocument):
    """A document whose resources come only from its browser's policy.

    QTextDocument.loadResource is deliberately never called: when the
    widget answers nothing it reads ``file:`` and relative names from disk.
    """

    def __init__(self, browser: "SafeTextBrowser") -> None:
        super().__init__(browser)
        self._browser = browser

    def loadResource(self, kind, url: QUrl):  # noqa: N802 - Qt override
        return self._browser.loadResource(kind, url)


class SafeTextBrowser(QTextBrowser):
    """Read-only HTML view for mail: no file, no network, no navigation.

    Resources come from three places only, and only for the internal names
    the sanitizer gave the mail's images: the mail's own ``cid:`` parts
    (:meth:`set_inline_images`), ``data:`` images, and remote images the
    user allowed for this mail and the window already fetched
    (:meth:`set_remote_images`). Everything else is refused and recorded in
    :attr:`blocked_resources`; every request is recorded in
    :attr:`resource_requests`.
    """

    #: A link was activated (click or keyboard); nothing else happens. With the
    #: text the link shows, for phishing checks: of all texts shown for that
    #: target, the one naming another site, if any.
    anchorActivated = Signal(QUrl, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resource_requests: list[str] = []
        self.blocked_resources: list[str] = []
        self._blocked: set[str] = set()  # blocked_resources without duplicates, fast
        self._inline_images: dict[str, bytes] = {}
        self._remote_images: dict[str, bytes] = {}
        self._images: list[MailImage] = []  # what tm-img:N stands for in the shown mail
        self._pixels_left = MAX_MAIL_PIXELS
        # What each link shows, by target (see "links" below); gathered in steps
        # from block number _links_next on (-1: all read, at _links_revision).
        self._link_texts: dict[str, list[str]] = {}
        self._links_revision = -1
        self._links_next = -1
        self._links_run: _LinkRun | None = None
        self._links_timer = QTimer(self)
        self._links_timer.setSingleShot(True)
        self._links_timer.setInterval(0)
        self._links_timer.timeout.connect(self._gather_links_step)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self._document = _GuardedDocument(self)
        self.setDocument(self._document)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._use_light_page()

    # -- content ----------------------------------------------------------

    def set_inline_images(self, images: dict[str, bytes]) -> None:
        """The mail's own parts by Content-ID; takes effect on the next render."""
        self._inline_images = {cid_key(k): v for k, v in images.items() if k and v}

    def set_remote_images(self, images: dict[str, bytes]) -> None:
        """Remote images the user allowed, by URL; takes effect on the next render."""
        self._remote_images = {url_key(k): v for k, v in images.items() if k and v}

    def setHtml(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show a mail's HTML: sanitized first (see :mod:`~tempmail_desktop.core.mail_html`)."""
        self.set_safe_html(sanitize(text))

    def set_safe_html(self, safe: SafeHtml) -> None:
        """Show HTML that went through :func:`sanitize` (its image names are ours)."""
        self._reset_document()
        self._images = safe.images
        super().setHtml(safe.html)
        self._paint_page_white()
        self._read_links_from(0)

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._reset_document()
        super().setPlainText(text)
        self._paint_page_white()

    def clear(self) -> None:
        self._reset_document()
        super().clear()
        self._paint_page_white()

    def begin_html(self, images: list[MailImage]) -> None:
        """Start an empty page to be filled with :meth:`append_html` in slices.

        ``images``: the table of the sanitized mail the slices come from.
        """
        self.clear()
        self._images = images

    def append_html(self, fragment: str) -> None:
        """Add self-contained block HTML at the end (progressive rendering of big mail).

        The fragment must come from sanitized HTML (:meth:`begin_html` got its images).
        """
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.document().isEmpty():
            # Without a fresh block the fragment's first paragraph merges into the last one.
            cursor.insertBlock()
        first = cursor.position()
        cursor.insertHtml(fragment)
        self._read_links_from(self.document().findBlock(first).blockNumber())

    def setSource(self, name, type=None) -> None:  # noqa: N802, A002 - Qt override
        log.info("refused to navigate the mail view to another document")

    def doSetSource(self, name, type=None) -> None:  # noqa: N802, A002 - Qt override
        log.info("refused to navigate the mail view to another document")

    # -- the resource policy ----------------------------------------------

    def loadResource(self, kind, url: QUrl):  # noqa: N802 - Qt override
        """Answer a resource request from the mail's own data only.

        Image requests always get an image back (a transparent pixel when
        refused): anything that is not a picture makes Qt's image handler
        open the name from disk itself.
        """
        kind = int(getattr(kind, "value", kind))
        image = self._image_named(url) if kind == _IMAGE else None
        text = image.ref if image is not None else url.toString()
        self.resource_requests.append(text)
        try:
            value = self._serve_image(image) if image is not None else None
        except Exception:
            # An exception escaping a Qt virtual takes the whole process down.
            log.exception("a mail resource could not be served; it is left out")
            value = None
        if value is None:
            # Stylesheets, documents and any name that is not one of ours never
            # load: a mail's CSS lives in its own <style>, which needs no request.
            if text not in self._blocked:
                self._blocked.add(text)
                self.blocked_resources.append(text)
            log.debug("blocked a mail resource of kind %s", kind)
            if kind == _IMAGE:
                value = _placeholder_image()
            elif kind == _STYLESHEET:
                value = ""
            else:
                return None
        # Cached in the document, so painting does not ask again for every frame.
        self.document().addResource(kind, url, value)
        return value

    def image_resource(self, ref: str) -> QImage | None:
        """What the view shows for the mail's image ``ref`` (as the mail wrote it), once laid out."""
        key = url_key(ref) if image_kind(ref) == "remote" else ref
        for index, image in enumerate(self._images):
            if image.ref == ref or (image.kind == "remote" and url_key(image.ref) == key):
                value = self.document().resource(_IMAGE, QUrl(image_name(index)))
                return value if isinstance(value, QImage) else None
        return None

    def _image_named(self, url: QUrl) -> MailImage | None:
        index = image_index(url.toString())
        if index is None or index >= len(self._images):
            return None
        return self._images[index]

    def _serve_image(self, image: MailImage) -> QImage | None:
        if image.kind == "cid":
            # "cid:%3Cpart@x%3E" is how some mailers write <part@x>.
            data = self._inline_images.get(cid_key(unquote(image.ref)))
        elif image.kind == "data":
            data = decode_data_url(image.ref)
        elif image.kind == "remote":
            data = self._remote_images.get(url_key(image.ref))
        else:
            return None  # a file, a relative name, another scheme: never
        decoded = decode_image(data, self._pixels_left)
        if decoded is not None:
            self._pixels_left -= decoded.width() * decoded.height()
        return decoded

    # -- links ----------------------------------------------------------------
    #
    # The text each link shows is gathered from the document when it is set
    # (setHtml, every append_html slice) and kept by target; a click or Enter
    # only looks it up. It used to be read at click time from the press
    # position and the selection, which failed whenever the view had no
    # focus (an inactive window): Qt then drops the link's selection, and the
    # target it reports is QUrl's normal form ("HTTPS://EVIL.example/%7Ex"
    # comes back "https://evil.example/~x"), which matched no anchor of the
    # document, so the text came back empty and no question was asked.

    def link_texts(self, url: QUrl | str) -> list[str]:
        """What the document shows for links to ``url``: each stretch of link text
        (with its hidden parts and without), and the word it sits in."""
        return list(self._link_texts.get(_link_key(url), ()))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self._finish_links()
        if self.document().revision() != self._links_revision:
            # The document changed without setHtml/append_html: read it all again.
            self._forget_links()
            self._read_links_from(0)
            self._finish_links()
        texts = self.link_texts(url)
        # Of all texts that lead there, the one that lies (the question quotes it).
        shown = deceptive_text(texts, url) or (texts[0] if texts else "")
        self.anchorActivated.emit(url, shown)

    def _forget_links(self) -> None:
        self._links_timer.stop()
        self._link_texts = {}
        self._links_next = -1
        self._links_run = None
        self._links_revision = -1

    def _read_links_from(self, block_number: int) -> None:
        """Read the link texts from that block on, in steps between events."""
        if self._links_next < 0 or block_number < self._links_next:
            self._links_next = block_number
        self._links_timer.start()

    def _finish_links(self) -> None:
        """Read what is left at once (a click needs the texts now)."""
        if self._links_next >= 0:
            self._links_timer.stop()
            self._gather_links(deadline=None)

    def _gather_links_step(self) -> None:
        if self._links_next >= 0:
            self._gather_links(deadline=time.perf_counter() + LINKS_STEP_S)
        if self._links_next >= 0:
            self._links_timer.start()

    def _gather_links(self, deadline: float | None) -> None:
        """Read link texts from block ``_links_next`` on, until the end or the deadline.

        One pass over the fragments; a stretch is adjacent fragments with one
        target (across a line or block break too). Each stretch is kept as
        shown, without the parts a reader cannot see (:func:`_unseen`), and
        widened to the characters glued to it (split anchors:
        ``<a>pay</a><a>pal.com</a>``, ``<a>paypal</a>.<a>com</a>``).
        Measured here: about 1 µs per text fragment, so ~60 ms for a 220 KB
        newsletter with 1,000 links; steps of :data:`LINKS_STEP_S` keep every
        event short, and a click finishes the rest.
        """
        block = self.document().findBlockByNumber(self._links_next)
        run = self._links_run
        backgrounds: dict[int, QColor] = {}
        read = 0
        while block.isValid():
            in_block: list[_LinkRun] = []
            for item in block:
                fragment = item.fragment()
                char_format = fragment.charFormat()
                key = _link_key(char_format.anchorHref()) if char_format.isAnchor() else ""
                if run is not None and (not key or key != run.key or run.end != fragment.position()):
                    self._keep_run(run)
                    run = None
                if not key:
                    continue
                if run is None:
                    run = _LinkRun(key, block.blockNumber(), fragment.position() - block.position())
                    in_block.append(run)
                run.add(fragment.text(), _unseen(char_format, block, backgrounds))
                run.end = fragment.position() + fragment.length()
            if in_block:
                self._widen(block, in_block)
            if run is not None:
                # A stretch reaching the end of its block goes on in the next one if
                # that starts with the same link ("pay<br>pal.com" in two blocks).
                run.end += 1
                run.add("\n", False)
            block = block.next()
            read += 1
            if deadline is not None and read % 16 == 0 and block.isValid() and time.perf_counter() > deadline:
                self._links_next, self._links_run = block.blockNumber(), run
                return
        if run is not None:
            self._keep_run(run)
        self._links_next, self._links_run = -1, None
        self._links_revision = self.document().revision()

    def _keep_run(self, run: "_LinkRun") -> None:
        self._keep_text(run.key, run.text.rstrip("\n"))
        if run.hidden:
            self._keep_text(run.key, run.seen.rstrip("\n"))

    def _widen(self, block: QTextBlock, runs: list["_LinkRun"]) -> None:
        text, offset = block.text(), block.position()
        for run in runs:
            if run.end - offset > len(text) or run.length >= MAX_LINK_TEXT_CHARS:
                continue  # goes on in the next block, or too long to be read as an address
            start, end = run.start, run.end - offset
            left, right = start, end
            while left > 0 and start - left < MAX_GLUED_CHARS and not text[left - 1].isspace():
                left -= 1
            while right < len(text) and right - end < MAX_GLUED_CHARS and not text[right].isspace():
                right += 1
            if (left, right) != (start, end):
                self._keep_text(run.key, text[left:right])

    def _keep_text(self, key: str, text: str) -> None:
        texts = self._link_texts.setdefault(key, [])
        text = text[:MAX_LINK_TEXT_CHARS]
        if text.strip() and text not in texts and len(texts) < MAX_TEXTS_PER_LINK:
            texts.append(text)

    # -- looks ----------------------------------------------------------------

    def _use_light_page(self) -> None:
        # Mail is designed for a white page; in a dark theme the mail's own
        # dark-on-nothing text would vanish, so the page stays light.
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, QPalette.ColorRole.Base, QColor("white"))
            palette.setColor(group, QPalette.ColorRole.Window, QColor("white"))
            palette.setColor(group, QPalette.ColorRole.Text, QColor("black"))
            palette.setColor(group, QPalette.ColorRole.WindowText, QColor("black"))
            palette.setColor(group, QPalette.ColorRole.Link, QColor("#0b57d0"))
            palette.setColor(group, QPalette.ColorRole.LinkVisited, QColor("#6b2fa6"))
        self.setPalette(palette)
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)

    def _paint_page_white(self) -> None:
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if not frame_format.hasProperty(QTextFormat.Property.BackgroundBrush):
            frame_format.setBackground(QColor("white"))
            root.setFrameFormat(frame_format)

    def _reset_document(self) -> None:
        self.resource_requests.clear()
        self.blocked_resources.clear()
        self._blocked.clear()
        self._images = []
        self._pixels_left = MAX_MAIL_PIXELS
        self._forget_links()
        # QTextDocument.clear() also drops cached resources; setHtml alone keeps them,
        # which would keep showing a placeholder after the user allowed an image.
        self.document().clear()


# -- links: helpers ------------------------------------------------------------------

# Reading link texts takes turns of this long between events.
LINKS_STEP_S = 0.008
# A link text is kept up to this many characters; a target keeps this many texts.
MAX_LINK_TEXT_CHARS = 1_024
MAX_TEXTS_PER_LINK = 16
# How far a link's text is widened into the characters glued to it.
MAX_GLUED_CHARS = 64
# Text a reader cannot see: smaller than this, fainter than this alpha, or
# closer to its background than this (the largest difference of a channel).
MIN_SEEN_PIXELS = 4
MIN_SEEN_POINTS = 3.0
MIN_SEEN_ALPHA = 48
MIN_SEEN_CONTRAST = 32


class _LinkRun:
    """Adjacent fragments linking to one target, as read so far."""

    __slots__ = ("key", "block", "start", "end", "parts", "seen_parts", "hidden", "length")

    def __init__(self, key: str, block: int, start: int) -> None:
        self.key = key
        self.block = block  # number of the block it starts in
        self.start = start  # position in that block
        self.end = -1  # document position just after it
        self.parts: list[str] = []
        self.seen_parts: list[str] = []
        self.hidden = False
        self.length = 0

    def add(self, text: str, hidden: bool) -> None:
        if self.length >= MAX_LINK_TEXT_CHARS:
            return
        text = text[: MAX_LINK_TEXT_CHARS - self.length]
        self.length += len(text)
        self.parts.append(text)
        if hidden:
            self.hidden = True
        else:
            self.seen_parts.append(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def seen(self) -> str:
        return "".join(self.seen_parts)


def _link_key(url: QUrl | str) -> str:
    """One spelling per target: the anchor's href and the URL Qt reports for a click meet here."""
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    return qurl.toString(QUrl.ComponentFormattingOption.FullyEncoded)


def _unseen(char_format: QTextCharFormat, block: QTextBlock, backgrounds: dict[int, QColor]) -> bool:
    """True for text too small, too faint or too close to its background to be read."""
    if char_format.hasProperty(QTextFormat.Property.FontPixelSize) \
            and 0 < char_format.intProperty(QTextFormat.Property.FontPixelSize) < MIN_SEEN_PIXELS:
        return True
    if char_format.hasProperty(QTextFormat.Property.FontPointSize) \
            and 0 < char_format.doubleProperty(QTextFormat.Property.FontPointSize) < MIN_SEEN_POINTS:
        return True
    if not char_format.hasProperty(QTextFormat.Property.ForegroundBrush):
        return False
    brush = char_format.foreground()
    if brush.style() != Qt.BrushStyle.SolidPattern:
        return False
    color = brush.color()
    if color.alpha() < MIN_SEEN_ALPHA:
        return True
    background = _solid(char_format) or _solid(block.blockFormat()) or _page_background(block, backgrounds)
    return max(abs(color.red() - background.red()), abs(color.green() - background.green()),
               abs(color.blue() - background.blue())) < MIN_SEEN_CONTRAST


def _solid(text_format: QTextFormat) -> QColor | None:
    if not text_format.hasProperty(QTextFormat.Property.BackgroundBrush):
        return None
    brush = text_format.background()
    if brush.style() != Qt.BrushStyle.SolidPattern or brush.color().alpha() < MIN_SEEN_ALPHA:
        return None
    return brush.color()


def _page_background(block: QTextBlock, backgrounds: dict[int, QColor]) -> QColor:
    """What is behind a block: its table cell's colour, else the nearest frame's; white by default."""
    number = block.blockNumber()
    if number not in backgrounds:
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        found = _solid(table.cellAt(cursor).format()) if table is not None else None
        frame = cursor.currentFrame()
        while found is None and frame is not None:
            found = _solid(frame.frameFormat())
            frame = frame.parentFrame()
        backgrounds[number] = found or QColor("white")
    return backgrounds[number]
