"""The catalog of the Qt-free layers' texts (core/texts.py): every text the
code fills is declared there once, none of them names a surface's way out,
and a filled text is the English str that remembers how to translate it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tempmail_desktop.core import texts

PACKAGE = Path(texts.__file__).resolve().parents[1]
QT_FREE = [path for layer in ("core", "providers", "service") for path in sorted((PACKAGE / layer).rglob("*.py"))]
# Calls whose string literal names a phrase of the catalog (the "what" of
# "{service} cannot {what}" and "sent {what} in an unexpected shape").
PHRASE_CALLS = {"unsupported", "require", "expect", "_data", "_rows", "_call", "protocol_error",
                "unexpected_shape", "_count", "phrase"}
NOT_A_PHRASE = re.compile(r"^(?:[A-Z]+|/.*)$")  # an HTTP method or a path


def phrase_literals():
    for path in [*QT_FREE, PACKAGE / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in PHRASE_CALLS:
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and not NOT_A_PHRASE.match(arg.value):
                    yield f"{path.relative_to(PACKAGE)}:{node.lineno}", arg.value


def test_every_phrase_the_code_names_is_in_the_catalog():
    found = list(phrase_literals())
    assert len(found) > 30, found  # the scan still sees the calls
    undeclared = [f"{where}: {literal!r}" for where, literal in found
                  if not isinstance(texts.phrase(literal), texts.Said)]
    assert not undeclared, "declare these in core/texts.py (_phrases) so the window can translate them:\n" + "\n".join(undeclared)


def test_every_declared_text_is_used():
    source = "\n".join(path.read_text(encoding="utf-8") for path in [*QT_FREE, PACKAGE / "cli.py"]
                       if path.name != "texts.py")
    names = [name for name, value in vars(texts).items() if isinstance(value, texts.Template)]
    unused = [name for name in names if f"texts.{name}" not in source]
    assert not unused, f"declared but never said: {unused}"


def test_no_text_names_a_surfaces_way_out():
    """The command and the window each add their own (cli.py, ui/error_words.py)."""
    naming = [t.english for t in texts.CATALOG
              if re.search(r"'tempmail |\bSettings\b|for this session only", t.english)]
    assert not naming, naming


def test_each_text_is_declared_once():
    keys = [(t.english, t.comment) for t in texts.CATALOG]
    assert len(keys) == len(set(keys))


def test_a_filled_text_is_its_english_and_keeps_what_it_was_filled_from():
    said = texts.NO_KEY(service="Worker")

    assert said == "no API key for Worker" and isinstance(said, str)
    assert (said.template, said.args) == ("no API key for {service}", {"service": "Worker"})
    assert f"{said}!" == "no API key for Worker!"


def test_a_text_refuses_missing_arguments():
    with pytest.raises(TypeError, match="service"):
        texts.NO_KEY()


def test_filling_never_reaches_into_an_argument():
    # A translation is data: "{said.__class__}" must not become code.
    assert texts.fill("{said.__class__} {said}", {"said": "x"}) == "{said.__class__} x"
    assert texts.fill("{said}", {"said": "{other}"}) == "{other}"


def test_an_undeclared_phrase_stays_plain_english():
    assert texts.phrase("something nobody declared") == "something nobody declared"
    assert isinstance(texts.phrase("the mail list"), texts.Said)
