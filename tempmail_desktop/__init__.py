"""tempmail-desktop: a desktop inbox for temporary-email services."""

APP_NAME = "tempmail-desktop"
APP_DISPLAY_NAME = "Tempmail Desktop"
APP_ID = "io.github.tempmail_desktop"
APP_ORG = "tempmail-desktop"
__version__ = "0.1.0"
