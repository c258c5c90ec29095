"""The app's UI glyphs: Material Design Icons 6.9.96 (Pictogrammers,
Apache 2.0; the licence is in assets/icons/MaterialDesignIcons-LICENSE.txt),
from the font the qtawesome package bundles, drawn in the current palette.

``glyph(name)`` gives a QIcon for one of the names in ``GLYPHS``. The icon
holds no colour of its own: it reads ``QGuiApplication.palette()`` each time
it is drawn, so a switch between light and dark (Settings, or the system's
scheme) re-colours every toolbar button, menu entry and list mark on the next
repaint, which Qt does for every widget on a palette change.

Cheap on purpose: nothing is read at import, and the first icon drawn reads
the one font file (1.3 MB) into a single QRawFont. qtawesome itself is not
imported at run time: through QtPy it star-imports QtCore, QtGui, QtWidgets
and QtOpenGL and loads eleven fonts, which costs some 200 ms at start. The
code points below are qtawesome's charmap entries; tests/ui/test_glyphs.py
checks them against it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import lru_cache

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap, QRawFont

FONT_FILE = "materialdesignicons6-webfont-6.9.96.ttf"
CHARMAP_FILE = "materialdesignicons6-webfont-charmap-6.9.96.json"  # for the test only
# Where the bundle (packaging/tempmail-desktop.spec) puts the font, as in the package.
FONT_SUBDIR = ("qtawesome", "fonts")

# What the app calls a glyph -> (Material Design Icons name, code point).
GLYPHS: dict[str, str] = {
    # actions: toolbar, menus, tray
    "new": ("email-plus-outline", 0xf09ec),
    "open": ("email-search-outline", 0xf0962),
    "check": ("refresh", 0xf0450),
    "copy": ("content-copy", 0xf018f),
    "code": ("form-textbox-password", 0xf07f5),
    "delete": ("delete-outline", 0xf09e7),
    "save": ("content-save-outline", 0xf0818),
    "rename": ("pencil-outline", 0xf0cb6),
    "clear": ("delete-sweep-outline", 0xf0c62),
    "drop": ("delete-forever-outline", 0xf0b89),
    "forget": ("eye-off-outline", 0xf06d1),
    "filter": ("filter-outline", 0xf0233),
    "unread": ("email-mark-as-unread", 0xf0b92),
    "settings": ("cog-outline", 0xf08bb),
    "dashboard": ("chart-bar", 0xf0128),
    "quit": ("exit-to-app", 0xf0206),
    "about": ("information-outline", 0xf02fd),
    "shortcuts": ("keyboard-outline", 0xf097b),
    "show": ("window-restore", 0xf05b2),
    "mailbox": ("email-outline", 0xf01f0),
    "open_link": ("open-in-new", 0xf03cc),
    "save_all": ("content-save-all-outline", 0xf0f44),
    "open_file": ("file-outline", 0xf0224),
    # list marks
    "attachment": ("paperclip", 0xf03e2),
    "live": ("lightning-bolt", 0xf140b),
    "polling": ("sync", 0xf04e6),
    "problem": ("alert-circle-outline", 0xf05d6),
    "expiry": ("timer-sand", 0xf051f),
    # one mark per service
    "service.gptmail": ("robot-outline", 0xf167a),
    "service.tempmailg": ("email-fast-outline", 0xf1870),
    "service.catmails": ("cat", 0xf011b),
    "service.worker": ("cloud-outline", 0xf0163),
    "service.other": ("email-outline", 0xf01f0),
}

# Which palette colour a glyph is drawn in.
TONES = ("text", "muted", "accent")


def font_path() -> str:
    """The icon font: the bundle's copy, else the installed qtawesome's."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidate = os.path.join(frozen, *FONT_SUBDIR, FONT_FILE)
        if os.path.isfile(candidate):
            return candidate
    spec = importlib.util.find_spec("qtawesome")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the qtawesome package (the icon font) is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "fonts", FONT_FILE)


@lru_cache(maxsize=1)
def _raw_font() -> QRawFont:
    with open(font_path(), "rb") as handle:
        raw = QRawFont(handle.read(), 16)
    if not raw.isValid():
        raise FileNotFoundError(f"the icon font {font_path()} is not a valid font")
    return raw


def is_loaded() -> bool:
    """Whether the icon font has been read yet (it is, on the first icon drawn)."""
    return _raw_font.cache_info().currsize > 0


def character(name: str) -> str:
    """The font character of a glyph name (KeyError for an unknown name)."""
    return chr(GLYPHS[name][1])


def glyph_color(tone: str, mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    palette = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    role = {
        "muted": QPalette.ColorRole.PlaceholderText,
        "accent": QPalette.ColorRole.Highlight,
    }.get(tone, QPalette.ColorRole.WindowText)
    return palette.color(QPalette.ColorGroup.Active, role)


class GlyphEngine(QIconEngine):
    """Draws one glyph, centred, in the palette's colour for the icon mode."""

    def __init__(self, name: str, tone: str = "text") -> None:
        super().__init__()
        if name not in GLYPHS:
            raise KeyError(f"no glyph called {name!r}")
        self.name = name
        self.tone = tone

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        if side <= 0:
            return
        raw = _raw_font()
        # The font's em box holds the icon with a little bearing: 7/8 fills the square.
        raw.setPixelSize(max(1, round(side * 0.875)))
        indexes = raw.glyphIndexesForString(character(self.name))
        if not indexes:
            return
        path = raw.pathForGlyph(indexes[0])
        bounds = QRectF(rect)
        advance = raw.advancesForGlyphIndexes(indexes)[0].x()
        height = raw.ascent() + raw.descent()
        path.translate(bounds.center().x() - advance / 2, bounds.center().y() - height / 2 + raw.ascent())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillPath(path, glyph_color(self.tone, mode))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> "GlyphEngine":
        return GlyphEngine(self.name, self.tone)

    def key(self) -> str:
        return "tempmail-glyph"


@lru_cache(maxsize=None)
def glyph(name: str, tone: str = "text") -> QIcon:
    """The icon for ``name`` (a key of ``GLYPHS``) in the palette's ``tone``."""
    if tone not in TONES:
        raise ValueError(f"tone must be one of {TONES}")
    return QIcon(GlyphEngine(name, tone))


def service_glyph(provider_id: str) -> QIcon:
    """The mark of a service in the mailbox list (its name is shown beside it)."""
    name = f"service.{provider_id}"
    return glyph(name if name in GLYPHS else "service.other")
