"""Every logger name the app logs under, declared once.

A module takes its logger's name from here instead of spelling it out, so
the names stay one list: what to grep a log file for, what
:mod:`tempmail_desktop.service.logs` sets levels on, and what
``tests/conftest.py`` watches (it fails a test on an unexpected warning from
any name under :data:`ROOT`). ``tests/core/test_log_names.py`` holds every
``getLogger`` call in the package to a name from here.
"""

from __future__ import annotations

ROOT = "tempmail"

# -- the entry points -----------------------------------------------------------
APP = "tempmail.app"
CLI = "tempmail.cli"
# Qt's own messages (warnings from Qt's C++ side), forwarded by app.py so a
# windowed build, which has no console, keeps them in the log file.
QT = "tempmail.qt"

# -- core -------------------------------------------------------------------------
MIME = "tempmail.mime"

# -- providers ----------------------------------------------------------------------
PROVIDERS = "tempmail.providers"
HTTP = "tempmail.http"
GPTMAIL = "tempmail.providers.gptmail"
TEMPMAILG = "tempmail.tempmailg"
CATMAILS = "tempmail.catmails"
WORKER = "tempmail.providers.worker"

# -- service --------------------------------------------------------------------------
SERVICE = "tempmail.service"
STORE = "tempmail.store"
WATCHER = "tempmail.watcher"
SECRETS = "tempmail.secrets"
SETTINGS = "tempmail.settings"
PATHS = "tempmail.paths"
IMAGES = "tempmail.images"

# -- ui ----------------------------------------------------------------------------
UI = "tempmail.ui"
UI_SETTINGS = "tempmail.ui.settings"
UI_DASHBOARD = "tempmail.ui.dashboard"
NOTIFY = "tempmail.notify"

# -- libraries ------------------------------------------------------------------------
# The logger websockets writes the Cat Mails handshake to; providers/catmails.py
# wraps it to redact the key in the request line.
WEBSOCKETS_CLIENT = "websockets.client"
# Libraries that log request URLs (Cat Mails puts its key in one) stay quiet:
# service/logs.py sets them to WARNING.
QUIET_LIBRARIES = ("httpx", "httpcore", "websockets", "asyncio", "qasync", "keyring", "aiohttp")

#: Every name of ours, for the log configuration and its tests.
APP_LOGGERS = (
    APP, CLI, QT, MIME,
    PROVIDERS, HTTP, GPTMAIL, TEMPMAILG, CATMAILS, WORKER,
    SERVICE, STORE, WATCHER, SECRETS, SETTINGS, PATHS, IMAGES,
    UI, UI_SETTINGS, UI_DASHBOARD, NOTIFY,
)
