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
"""

from __future__ import annotations

import base64
import binascii
import html
import logging
import re
from collections.abc import Generator
from typing import TypeVar
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QMouseEvent,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

log = logging.getLogger("tempmail.ui")

T = TypeVar("T")

# A data: image bigger than this is refused: mail does not need it and a
# decoder should not be handed an arbitrarily large blob on the UI thread.
MAX_DATA_URL_BYTES = 5 * 1024 * 1024
# Decompression bombs: a tiny PNG can claim a gigapixel canvas.
MAX_IMAGE_PIXELS = 40_000_000
# Formats QImageReader reports that are plain pixels. SVG is left out on
# purpose: Qt's SVG renderer loads <image href="file:..."> from disk.
RASTER_FORMATS = frozenset({b"png", b"jpg", b"jpeg", b"gif", b"bmp", b"webp", b"ico"})

_IMAGE = QTextDocument.ResourceType.ImageResource.value
_STYLESHEET = QTextDocument.ResourceType.StyleSheetResource.value

_REMOTE_SCHEMES = ("http", "https")

# Where a mail can name an image: attributes of any tag and CSS url(...).
_TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_IMAGE_ATTR_RE = re.compile(
    r"""\s(?:src|background|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I
)
_CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
_STYLE_END_RE = re.compile(r"</style\s*>", re.I)


def cid_key(value: str) -> str:
    """The form a Content-ID is compared in: no ``cid:``, no angle brackets, lower case."""
    text = value.strip()
    if text[:4].lower() == "cid:":
        text = text[4:]
    return text.strip().strip("<>").strip().lower()


def url_key(url: QUrl | str) -> str:
    """One spelling per address, so a fetched image matches the request Qt makes for it."""
    qurl = url if isinstance(url, QUrl) else QUrl(url.strip())
    # Fully encoded, a literal "#" elsewhere is %23, so the first one starts the fragment.
    return qurl.toString(QUrl.ComponentFormattingOption.FullyEncoded).split("#", 1)[0]


def image_reference_steps(markup: str | None, batch: int = 256) -> Generator[None, None, list[str]]:
    """:func:`image_references` in steps: yields after every ``batch`` tags.

    For cooperative scanning of a huge mail on the UI thread; the list is
    the generator's return value (``refs = yield from ...``).
    """
    found: list[str] = []
    if not markup:
        return found
    for count, tag in enumerate(_TAG_RE.finditer(markup), start=1):
        text = tag.group(0)
        raw = [_first_group(m) for m in _IMAGE_ATTR_RE.finditer(text)]
        if "url(" in text or "URL(" in text.upper():
            raw.extend(_first_group(m) for m in _CSS_URL_RE.finditer(text))
        if tag.group(1).lower() == "style":
            end = _STYLE_END_RE.search(markup, tag.end())
            block = markup[tag.end():end.start() if end else len(markup)]
            raw.extend(_first_group(m) for m in _CSS_URL_RE.finditer(block))
        found.extend(ref for ref in (html.unescape(r).strip() for r in raw) if ref)
        if count % batch == 0:
            yield
    return found


def image_references(markup: str | None) -> list[str]:
    """Every image address a mail's HTML names, entity-decoded, in order.

    Covers ``src``/``background`` attributes and CSS ``url(...)`` in
    ``style`` attributes and ``<style>`` blocks.
    """
    return run_to_end(image_reference_steps(markup))


def run_to_end(steps: Generator[None, None, T]) -> T:
    """Run a step generator at once and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def remote_image_urls(markup: str | None) -> list[str]:
    """The http(s) images a mail's HTML would load, first spelling of each, in order."""
    return list(run_to_end(remote_image_url_steps(image_references(markup))).values())


def remote_image_url_steps(references: list[str], batch: int = 512) -> Generator[None, None, dict[str, str]]:
    """The http(s) addresses among ``references`` by :func:`url_key`, first spelling kept, in steps."""
    found: dict[str, str] = {}
    for count, candidate in enumerate(references, start=1):
        if candidate[:8].lower().startswith(("http://", "https://")):
            key = url_key(candidate)
            if key and key not in found:
                found[key] = candidate
        if count % batch == 0:
            yield
    return found


def _first_group(match: re.Match) -> str:
    return next((group for group in match.groups() if group is not None), "")


def decode_image(data: bytes | None) -> QImage | None:
    """A raster image from bytes, or None for anything else (SVG, bombs, junk)."""
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
    if size.isValid() and size.width() * size.height() > MAX_IMAGE_PIXELS:
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

    Resources come from three places only: the mail's own ``cid:`` parts
    (:meth:`set_inline_images`), ``data:`` images, and remote images the
    user allowed for this mail and the window already fetched
    (:meth:`set_remote_images`). Everything else is refused and recorded in
    :attr:`blocked_resources`; every request is recorded in
    :attr:`resource_requests`.
    """

    #: A link was activated (click or keyboard); nothing else happens.
    linkActivated = Signal(QUrl)
    #: The same activation with the text the link showed, for phishing checks.
    anchorActivated = Signal(QUrl, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resource_requests: list[str] = []
        self.blocked_resources: list[str] = []
        self._blocked: set[str] = set()  # blocked_resources without duplicates, fast
        self._inline_images: dict[str, bytes] = {}
        self._remote_images: dict[str, bytes] = {}
        self._press_position = -1
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
        self._reset_document()
        super().setHtml(text)
        self._paint_page_white()

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._reset_document()
        super().setPlainText(text)
        self._paint_page_white()

    def clear(self) -> None:
        self._reset_document()
        super().clear()
        self._paint_page_white()

    def begin_html(self) -> None:
        """Start an empty page to be filled with :meth:`append_html` in slices."""
        self.clear()

    def append_html(self, fragment: str) -> None:
        """Add self-contained block HTML at the end (progressive rendering of big mail)."""
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.document().isEmpty():
            # Without a fresh block the fragment's first paragraph merges into the last one.
            cursor.insertBlock()
        cursor.insertHtml(fragment)

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
        text = url.toString()
        self.resource_requests.append(text)
        try:
            value = self._allowed_resource(kind, url)
        except Exception:
            # An exception escaping a Qt virtual takes the whole process down.
            log.exception("a mail resource could not be served; it is left out")
            value = None
        if value is None:
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

    def _allowed_resource(self, kind: int, url: QUrl) -> QImage | None:
        if kind != _IMAGE:
            # Stylesheets, documents and the rest never load: a mail's CSS
            # lives in its own <style>, which needs no request.
            return None
        scheme = url.scheme().lower()
        if scheme == "cid":
            key = cid_key(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
            return decode_image(self._inline_images.get(key))
        if scheme == "data":
            return decode_image(decode_data_url(url.toString(QUrl.ComponentFormattingOption.FullyEncoded)))
        if scheme in _REMOTE_SCHEMES:
            return decode_image(self._remote_images.get(url_key(url)))
        return None

    # -- links ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position()
        point.setX(point.x() + self.horizontalScrollBar().value())
        point.setY(point.y() + self.verticalScrollBar().value())
        self._press_position = self.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        super().mousePressEvent(event)

    def anchor_text_at(self, position: int, href: str) -> str:
        """The whole visible text of the link ``href`` that covers ``position``."""
        if position < 0:
            return ""
        block = self.document().findBlock(position)
        for start, end, text in self._anchor_runs(block, href):
            # A click on the right half of the last glyph reports the position after it.
            if start <= position <= end:
                return text
        return ""

    @staticmethod
    def _anchor_runs(block, href: str):
        """(start, end, text) of each stretch of adjacent fragments linking to ``href``."""
        start = end = -1
        parts: list[str] = []
        for item in block:
            fragment = item.fragment()
            linked = fragment.charFormat().anchorHref() == href
            if linked and parts and fragment.position() == end:
                parts.append(fragment.text())
                end += fragment.length()
                continue
            if parts:
                yield start, end, "".join(parts)
                parts = []
            if linked:
                start, end = fragment.position(), fragment.position() + fragment.length()
                parts = [fragment.text()]
        if parts:
            yield start, end, "".join(parts)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        shown = ""
        cursor = self.textCursor()
        if cursor.hasSelection() and cursor.charFormat().anchorHref():
            # Keyboard activation: the focused link is the selection.
            shown = cursor.selectedText()
        if not shown:
            shown = self._anchor_text_for(href)
        self._press_position = -1
        self.anchorActivated.emit(url, shown.replace("\u2029", " ").strip())
        self.linkActivated.emit(url)

    def _anchor_text_for(self, href: str) -> str:
        for candidate in {href, QUrl(href).toString()}:
            text = self.anchor_text_at(self._press_position, candidate)
            if text:
                return text
        return ""

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
        self._press_position = -1
        # QTextDocument.clear() also drops cached resources; setHtml alone keeps them,
        # which would keep showing a placeholder after the user allowed an image.
        self.document().clear()
