"""Files the running app loads: icons and compiled translations."""

from pathlib import Path

ASSETS = Path(__file__).resolve().parent
ICONS = ASSETS / "icons"
TRANSLATIONS = ASSETS / "i18n"
