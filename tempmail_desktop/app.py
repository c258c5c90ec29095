"""Start and stop the desktop app.

qasync runs asyncio on the Qt loop. The app waits on a sentinel future; every
way to quit (window, tray, Ctrl+Q, SIGTERM) sets it, then shutdown runs in
order: watchers and jobs cancelled, the HTTP client closed, the store closed,
the attachments opened with "Open" removed, and only then does Qt quit. A
second launch on the same data folder hands over to the first one.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")  # qasync picks its binding from this

import argparse
import asyncio
import json
import logging
import signal
import sys
import traceback

from . import APP_DISPLAY_NAME, APP_ID, APP_NAME, APP_ORG, __version__
from .core import log_names

log = logging.getLogger(log_names.APP)


def instance_server_name() -> str:
    """The single-instance socket: one per user and data folder, so a second
    ``TEMPMAIL_HOME`` runs beside the first while a second launch on the same
    folder hands over to the one already running (two apps on one store
    would both poll and both announce every mail)."""
    from .service.paths import data_dir_id

    user = os.getuid() if hasattr(os, "getuid") else "user"
    return f"{APP_NAME}-{user}-{data_dir_id()}"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tempmail-desktop", description=APP_DISPLAY_NAME)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check the app's pieces without a window; print JSON")
    parser.add_argument("--hidden", action="store_true", help="start in the tray")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    from .service.logs import setup_logging

    setup_logging(filename="tempmail-desktop.log")
    if args.self_test:
        from .selftest import run_self_test

        report = run_self_test()
        print(json.dumps(report, indent=2))
        return 0 if report["ok"] else 1
    return run_gui(start_hidden=args.hidden)


def _install_excepthook() -> None:
    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught error:\n%s", text)
        from .ui.dialogs import show_crash_dialog

        show_crash_dialog(exc_type.__name__, str(exc))

    sys.excepthook = hook


def install_qt_message_log():
    """Send Qt's own messages (its C++ warnings) to the logger ``tempmail.qt``:
    a windowed build has no console to print them on, the log file stays.
    Returns the handler it replaced. Called on the app's start only: under
    pytest-qt, Qt's messages are the tests' to capture."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger(log_names.QT)
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.ERROR,  # Qt aborts once this returns: the line is written first
    }

    def forward(kind, context, message: str) -> None:
        # Qt's category (qt.qpa.xcb, qt.text.font.db) says which part spoke.
        category = getattr(context, "category", None)
        if category and category != "default":
            message = f"{category}: {message}"
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    return qInstallMessageHandler(forward)


def run_gui(*, start_hidden: bool = False) -> int:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtNetwork import QLocalSocket
    from PySide6.QtWidgets import QApplication

    install_qt_message_log()  # first: what Qt says while it starts is kept too
    QCoreApplication.setOrganizationName(APP_ORG)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)

    # A second launch: wake the first one and leave.
    probe = QLocalSocket()
    server_name = instance_server_name()
    probe.connectToServer(server_name)
    if probe.waitForConnected(300):
        probe.write(b"show\n")
        probe.waitForBytesWritten(500)
        probe.disconnectFromServer()
        print(f"{APP_DISPLAY_NAME} is already running; brought its window to the front.")
        return 0

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setQuitOnLastWindowClosed(False)  # quitting is ours to order

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    _install_excepthook()
    try:
        with loop:
            return loop.run_until_complete(_run(app, server_name, start_hidden=start_hidden))
    finally:
        asyncio.set_event_loop(None)


def _clear_opened_attachments(when: str) -> None:
    """Remove the files written for "Open": a program that still shows one
    has it open already, and none of them must outlive the app."""
    from .service.paths import clear_open_cache

    try:
        removed = clear_open_cache()
    except OSError as error:  # an unwritable cache must not stop a start or a quit
        log.info("opened attachments not removed %s: %s", when, error)
        return
    if removed:
        log.info("removed %d opened attachment folder(s) %s", removed, when)


async def _run(app, server_name: str, *, start_hidden: bool) -> int:
    from PySide6.QtNetwork import QLocalServer

    from .ui.bootstrap import build_application

    # Only the one running instance gets here (a second launch hands over in
    # run_gui and leaves), so what is in the cache was left by a crash.
    _clear_opened_attachments("left by the last run")
    quit_requested = asyncio.Event()
    parts = await build_application(app, request_quit=quit_requested.set, start_hidden=start_hidden)

    server = QLocalServer()
    QLocalServer.removeServer(server_name)  # a stale socket from a crash
    if server.listen(server_name):
        def on_connection() -> None:
            conn = server.nextPendingConnection()
            if conn is not None:
                conn.readyRead.connect(lambda: (conn.readAll(), parts.window.bring_to_front()))
                conn.disconnected.connect(conn.deleteLater)

        server.newConnection.connect(on_connection)
    else:
        log.warning("single-instance server not started: %s", server.errorString())

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(signum, quit_requested.set)
        except (NotImplementedError, RuntimeError, ValueError):
            signal.signal(signum, lambda *_: loop.call_soon_threadsafe(quit_requested.set))

    await quit_requested.wait()
    log.info("quitting")
    try:
        await parts.shutdown()  # jobs first: no download for "Open" may land after the clearing
    finally:
        _clear_opened_attachments("at quit")
    server.close()
    return 0
