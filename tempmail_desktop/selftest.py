"""``tempmail-desktop --self-test``: start the app's real pieces without a
window and report, as JSON, whether each one works. Used by CI on the bundle,
and by users when something seems off."""

from __future__ import annotations

import os
import platform
import ssl
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from . import APP_NAME, __version__

SELFTEST_SERVICE = "tempmail-desktop-selftest"


def _check(name: str, fn: Callable[[], str], results: list[dict]) -> None:
    try:
        detail = fn()
        results.append({"check": name, "ok": True, "detail": detail})
    except Exception as exc:  # every failure is reported, none stops the others
        results.append({"check": name, "ok": False, "detail": f"{type(exc).__name__}: {exc}",
                        "trace": traceback.format_exc(limit=3)})


def check_qt() -> str:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from PySide6.QtCore import qVersion

    app = QApplication.instance() or QApplication([APP_NAME])
    return f"Qt {qVersion()} on platform '{app.platformName()}'"


def check_keyring() -> str:
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        raise RuntimeError(f"no usable keyring backend ({type(backend).__name__})")
    probe = "probe-" + os.urandom(6).hex()
    keyring.set_password(SELFTEST_SERVICE, "probe", probe)
    try:
        if keyring.get_password(SELFTEST_SERVICE, "probe") != probe:
            raise RuntimeError("the keyring did not give back what was stored")
    finally:
        keyring.delete_password(SELFTEST_SERVICE, "probe")
    return f"{type(backend).__module__}.{type(backend).__name__}: store, read and delete work"


def check_store() -> str:
    from .service.store import SCHEMA_VERSION, Store

    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "selftest.sqlite3") as store:
            version = store.schema_version
    if version != SCHEMA_VERSION:
        raise RuntimeError(f"schema {version}, expected {SCHEMA_VERSION}")
    from .service.paths import database_path

    return f"schema v{version} created and migrated; data at {database_path().parent}"


def check_tls() -> str:
    import certifi
    import httpx

    bundle = Path(certifi.where())
    if not bundle.is_file() or bundle.stat().st_size < 1000:
        raise RuntimeError(f"certificate bundle missing at {bundle}")
    context = ssl.create_default_context(cafile=str(bundle))
    count = len(context.get_ca_certs())
    httpx.AsyncClient(verify=context)  # the client the app uses accepts it
    return f"{count} CA certificates from {bundle.name}"


def check_assets() -> str:
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon

    from .assets import ICONS, TRANSLATIONS

    icon = QIcon(str(ICONS / "tempmail.svg"))
    if icon.isNull() or icon.pixmap(32, 32).isNull():
        raise RuntimeError("the app icon does not render")
    translator = QTranslator()
    qm = TRANSLATIONS / "tempmail_zh_CN.qm"
    if not translator.load(str(qm)):
        raise RuntimeError(f"translation {qm.name} does not load")
    probe = translator.translate("MainWindow", "&New address…")
    if not probe:
        raise RuntimeError("the Chinese translation is empty")
    return f"icons render; zh_CN translation loads ('&New address…' -> '{probe}')"


def check_providers() -> str:
    from .providers.registry import PROVIDERS

    return ", ".join(PROVIDERS)


def run_self_test() -> dict:
    results: list[dict] = []
    _check("qt", check_qt, results)
    _check("keyring", check_keyring, results)
    _check("store", check_store, results)
    _check("tls", check_tls, results)
    _check("assets", check_assets, results)
    _check("providers", check_providers, results)
    return {
        "app": APP_NAME,
        "version": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "ok": all(r["ok"] for r in results),
        "checks": results,
        "missing": [r["check"] for r in results if not r["ok"]],
    }
