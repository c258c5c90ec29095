"""The app's icon, rendered from one SVG, and the tray variant with an
unread badge drawn over it at run time (so there is a single source to keep
in step)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..assets import ICONS

ICON_SVG = ICONS / "tempmail.svg"

# Sizes a desktop asks for: menus and trays (16-24), task bars and docks (32-64),
# window switchers and about boxes (128, 256).
APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# Tray hosts ask for 16-24 px, HiDPI ones up to 64.
TRAY_ICON_SIZES = (16, 22, 24, 32, 48, 64)

BADGE_COLOR = QColor("#dc2626")
BADGE_TEXT_COLOR = QColor("#ffffff")
BADGE_LIMIT = 99


@lru_cache(maxsize=1)
def _renderer() -> QSvgRenderer:
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise FileNotFoundError(f"the app icon {ICON_SVG} is missing or not a valid SVG")
    return renderer


@lru_cache(maxsize=None)
def _base_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer().render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    """The app icon at every size a desktop may ask for."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addPixmap(_base_pixmap(size))
    return icon


def badge_text(unread: int) -> str:
    """What the badge says: nothing for no unread mail, "99+" beyond 99."""
    if unread <= 0:
        return ""
    return f"{BADGE_LIMIT}+" if unread > BADGE_LIMIT else str(unread)


def badged_pixmap(size: int, unread: int) -> QPixmap:
    """The icon at ``size`` px with a red count badge in its top-right corner."""
    text = badge_text(unread)
    pixmap = QPixmap(_base_pixmap(size))  # a copy: the cached one stays clean
    if not text:
        return pixmap
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    # The badge takes most of the icon's height: at 16 px the count is only
    # readable when it is that large, and the envelope stays recognisable.
    height = max(9.0, size * 0.62)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, round(height * (0.78 if len(text) == 1 else 0.66))))
    metrics = QFontMetricsF(font)
    width = min(float(size), max(height, metrics.horizontalAdvance(text) + height * 0.45))
    rect = QRectF(size - width, 0, width, height)

    path = QPainterPath()
    path.addRoundedRect(rect, height / 2, height / 2)
    painter.fillPath(path, BADGE_COLOR)
    painter.setFont(font)
    painter.setPen(BADGE_TEXT_COLOR)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def tray_icon(unread: int) -> QIcon:
    """The tray icon: the app icon, with the unread count when there is any."""
    icon = QIcon()
    for size in TRAY_ICON_SIZES:
        icon.addPixmap(badged_pixmap(size, unread))
    return icon
