"""Logger names are declared once, in core/log_names.py: no module spells a
name out, every declared name is one the log file and the tests' warning
check cover, and the log configuration quiets only libraries."""

from __future__ import annotations

import ast
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tempmail_desktop.core import log_names
from tempmail_desktop.service.logs import setup_logging

PACKAGE = Path(log_names.__file__).resolve().parents[1]
DECLARED = {name: value for name, value in vars(log_names).items() if name.isupper() and isinstance(value, str)}


def getlogger_calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if called == "getLogger":
                    yield f"{where}:{node.lineno}", node


def test_no_module_spells_out_a_logger_name():
    """A name is log_names.SOMETHING (or the root logger, or a variable holding one)."""
    spelled, unknown = [], []
    for where, call in getlogger_calls():
        if not call.args:
            continue  # the root logger
        name = call.args[0]
        if isinstance(name, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            spelled.append(f"{where}: {ast.unparse(name)}")
        elif (isinstance(name, ast.Attribute) and isinstance(name.value, ast.Name)
              and name.value.id == "log_names" and name.attr not in DECLARED):
            unknown.append(f"{where}: {ast.unparse(name)}")
    assert not spelled, "use a name from tempmail_desktop/core/log_names.py:\n" + "\n".join(spelled)
    assert not unknown, "not declared in core/log_names.py:\n" + "\n".join(unknown)


def test_every_name_of_ours_is_under_the_root_and_listed_once():
    # tests/conftest.py fails a test on an unexpected warning from any logger whose name starts with ROOT.
    ours = {value for value in DECLARED.values() if value.startswith(log_names.ROOT + ".")}
    assert sorted(ours) == sorted(log_names.APP_LOGGERS)
    assert len(set(log_names.APP_LOGGERS)) == len(log_names.APP_LOGGERS), "a name declared twice"
    libraries = set(DECLARED.values()) - ours - {log_names.ROOT}
    assert libraries == {log_names.WEBSOCKETS_CLIENT}
    assert not [name for name in log_names.QUIET_LIBRARIES if name.split(".")[0] == log_names.ROOT]


@pytest.fixture
def log_file(isolated_env) -> Iterator[Path]:
    """The app's log file, configured as the app does, in the test's home; undone afterwards."""
    levels = {name: logging.getLogger(name).level for name in (*log_names.APP_LOGGERS, *log_names.QUIET_LIBRARIES)}
    path = setup_logging(filename="tempmail-desktop.log")
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_tempmail", False)]:
        root.removeHandler(handler)
        handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def test_the_log_file_keeps_every_name_of_ours_and_quiets_the_libraries(log_file):
    for name in log_names.APP_LOGGERS:
        logging.getLogger(name).info("a line from %s", name)
    for name in log_names.QUIET_LIBRARIES:
        logging.getLogger(name).info("a request URL from %s", name)
    written = log_file.read_text(encoding="utf-8")
    assert [name for name in log_names.APP_LOGGERS if f"INFO {name}: a line from {name}" not in written] == []
    assert "a request URL" not in written
    # The Cat Mails handshake line is written under websockets, which stays quiet.
    assert not logging.getLogger(log_names.WEBSOCKETS_CLIENT).isEnabledFor(logging.INFO)
