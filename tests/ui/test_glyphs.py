"""The UI glyphs: real drawings from the bundled icon font, in the theme's colours."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from tempmail_desktop.ui import glyphs
from tempmail_desktop.ui.glyphs import GLYPHS, glyph, service_glyph

REPO = Path(__file__).resolve().parents[2]


def ink(icon: QIcon, size: int = 24, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[QColor]:
    """The colours of the pixels an icon covers."""
    image = icon.pixmap(size, size, mode).toImage()
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200]


@pytest.fixture
def palette(qapp):
    """Set the app's palette for one test; the old one comes back."""
    saved = QPalette(qapp.palette())

    def use(window_text: str, disabled: str = "#808080") -> None:
        p = QPalette(saved)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            p.setColor(group, QPalette.ColorRole.WindowText, QColor(window_text))
        p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(disabled))
        qapp.setPalette(p)

    yield use
    qapp.setPalette(saved)


def test_code_points_are_the_fonts_own_names():
    charmap_path = Path(glyphs.font_path()).with_name(glyphs.CHARMAP_FILE)
    charmap = json.loads(charmap_path.read_text())
    for name, (mdi_name, code) in GLYPHS.items():
        assert int(charmap[mdi_name], 16) == code, name


@pytest.mark.parametrize("name", sorted(GLYPHS))
def test_every_glyph_draws_a_shape_not_a_box(qapp, name):
    # A missing character would draw nothing (or the font's box): check the
    # font has it, and that the icon covers a fair part of its square.
    raw = glyphs._raw_font()
    assert raw.supportsCharacter(ord(glyphs.character(name)))
    assert raw.glyphIndexesForString(glyphs.character(name))[0] != 0  # 0: the font's "missing" box
    covered = len(ink(glyph(name), 24))
    assert 20 < covered < 24 * 24 * 0.8


def test_services_have_marks_of_their_own(qapp):
    images = {pid: service_glyph(pid).pixmap(32, 32).toImage() for pid in ("gptmail", "tempmailg", "catmails", "worker")}
    assert len({bytes(image.constBits()) for image in images.values()}) == 4
    assert service_glyph("somewhere-new").pixmap(16, 16).toImage() == glyph("service.other").pixmap(16, 16).toImage()


def test_glyphs_follow_the_palette_at_once(qapp, palette):
    icon = glyph("new")
    palette("#111111")
    assert all(c.lightness() < 60 for c in ink(icon))
    # The same icon object, after a switch to a dark theme: light ink, no new icon needed.
    palette("#eeeeee")
    assert all(c.lightness() > 200 for c in ink(icon))
    assert all(abs(c.lightness() - QColor("#808080").lightness()) < 20 for c in ink(icon, mode=QIcon.Mode.Disabled))
    selected = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
    assert all(abs(c.lightness() - selected.lightness()) < 20 for c in ink(icon, mode=QIcon.Mode.Selected))


def test_unknown_names_fail_loudly(qapp):
    with pytest.raises(KeyError):
        glyph("no-such-glyph")
    with pytest.raises(ValueError):
        glyph("new", "purple")


def test_icon_font_loads_on_first_drawing_and_qtawesome_is_never_imported():
    """Start-up cost: making icons reads no font, and qtawesome (QtPy star-imports
    all of Qt) stays out of the process; only its font file is used."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from tempmail_desktop.ui import main_window, glyphs\n"
        "icon = glyphs.glyph('new')\n"
        "assert not glyphs.is_loaded(), 'font read before any icon was drawn'\n"
        "icon.pixmap(16, 16)\n"
        "assert glyphs.is_loaded()\n"
        "assert 'qtawesome' not in sys.modules and 'qtpy' not in sys.modules, sorted(m for m in sys.modules if m.startswith(('qta', 'qtpy')))\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_licence_of_the_glyphs_ships_with_the_app():
    notice = REPO / "tempmail_desktop" / "assets" / "icons" / "MaterialDesignIcons-LICENSE.txt"
    text = notice.read_text()
    assert "Material Design Icons 6.9.96" in text and "Apache License" in text and "Version 2.0" in text


def test_the_tray_menu_entries_have_glyphs(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from tempmail_desktop.service.settings import Settings
    from tempmail_desktop.ui.tray import TrayIcon

    window = QWidget()
    qtbot.addWidget(window)
    tray = TrayIcon(Settings(tmp_path / "settings.json"), window)
    try:
        entries = [a for a in tray.menu.actions() if not a.isSeparator()]
        assert entries
        for action in entries:
            if action.isCheckable():
                continue  # "Pause notifications" shows its check mark, not a glyph
            assert not action.icon().isNull(), action.objectName()
            assert ink(action.icon(), 16), action.objectName()
    finally:
        tray.deleteLater()
