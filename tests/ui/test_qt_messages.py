"""Qt's own messages reach the app's log file once the app has started (a
windowed bundle has no console to print them on), and not before: under the
tests pytest-qt keeps capturing them."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import qCritical, qDebug, qInstallMessageHandler, qWarning

from tempmail_desktop import app
from tempmail_desktop.core import log_names
from tests.core.test_log_names import log_file  # noqa: F401 - the app's log file, as a fixture


@pytest.fixture
def app_handler() -> Iterator[None]:
    """The app's Qt message handler, for this test only: pytest-qt's own comes back after it."""
    previous = app.install_qt_message_log()
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


@pytest.mark.log_warnings_expected
def test_a_qt_warning_lands_in_the_log_file_under_tempmail_qt(log_file, app_handler, caplog):
    qWarning("QFont::setPointSizeF: Point size <= 0 (-1.000000), must be greater than 0")
    qCritical("QPainter::begin: Paint device returned engine == 0, type: 3")
    qDebug("a debug line Qt printed")

    written = log_file.read_text(encoding="utf-8")
    assert "WARNING tempmail.qt: QFont::setPointSizeF: Point size <= 0" in written
    assert "ERROR tempmail.qt: QPainter::begin: Paint device returned engine == 0" in written
    assert "a debug line Qt printed" not in written  # the file keeps INFO and up, as for our own lines
    assert [(r.name, r.levelno) for r in caplog.records] == [
        (log_names.QT, logging.WARNING), (log_names.QT, logging.ERROR)]


@pytest.mark.qt_log_ignore("a warning pytest-qt should see")
def test_importing_the_app_leaves_qt_messages_to_pytest_qt(qtlog, caplog):
    # app is imported above; only starting the app installs its handler.
    qWarning("a warning pytest-qt should see")
    assert [r.message for r in qtlog.records] == ["a warning pytest-qt should see"]
    assert not [r for r in caplog.records if r.name == log_names.QT]
