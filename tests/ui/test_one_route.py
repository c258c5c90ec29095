"""One route from the window to the services: ui/controller.py.

A widget that imports a provider or a service (or reaches through the
controller to its MailService) calls the network or the store behind the
controller's back: its errors reach nobody, its jobs are never cancelled on
quit. These tests read the source, so they fail the moment one does.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "tempmail_desktop" / "ui"
THE_ROUTE = "controller.py"
FORBIDDEN = ("service", "providers")


def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, package-relative module) of every import, at any depth (a function's too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0:
                if module.startswith("tempmail_desktop."):
                    found.append((node.lineno, module.removeprefix("tempmail_desktop.")))
            elif node.level >= 2:  # from ..x: the package's x
                found.append((node.lineno, module))
                found.extend((node.lineno, f"{module}.{a.name}" if module else a.name) for a in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name.removeprefix("tempmail_desktop."))
                         for a in node.names if a.name.startswith("tempmail_desktop."))
    return found


def _reaches_services(module: str) -> bool:
    return module.split(".")[0] in FORBIDDEN


def _ui_files() -> list[Path]:
    return sorted(p for p in UI.glob("*.py") if p.name != THE_ROUTE)


def test_the_rule_catches_what_it_is_for():
    """The check itself: each way of importing a service is seen."""
    for source in ("from ..service.store import Store", "from ..providers import registry",
                   "from .. import service", "import tempmail_desktop.providers.gptmail",
                   "def later():\n    from ..service.paths import log_dir\n"):
        assert any(_reaches_services(m) for _, m in _imported_modules(ast.parse(source))), source
    for source in ("from ..core.models import Mailbox", "from .controller import AppController",
                   "from . import dialogs"):
        assert not any(_reaches_services(m) for _, m in _imported_modules(ast.parse(source))), source


@pytest.mark.parametrize("path", _ui_files(), ids=lambda p: p.name)
def test_only_the_controller_imports_services_or_providers(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offending = [f"{path.name}:{line}: {module}" for line, module in _imported_modules(tree) if _reaches_services(module)]
    assert not offending, "ui/ reaches the services only through ui/controller.py:\n" + "\n".join(offending)


@pytest.mark.parametrize("path", _ui_files(), ids=lambda p: p.name)
def test_no_widget_reaches_through_the_controller_to_its_service(path: Path):
    """``controller.service`` is the controller's own (and tests'); widgets use its methods."""
    text = path.read_text(encoding="utf-8")
    hits = [f"{path.name}:{n}: {line.strip()}" for n, line in enumerate(text.splitlines(), 1)
            if re.search(r"\bcontroller\.service\b|\bself\.service\b|\.watchers\b", line)]
    assert not hits, "\n".join(hits)
