"""Mail text outside the reader is shown as text, never as markup.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) wherever
it is given one without a format: a QLabel (``Qt.AutoText``), every tooltip
(widgets, actions, the ``ToolTipRole`` of item models) and a QMessageBox. A
subject, sender or attachment name like ``scan <img src="/dev/zero">.pdf``
would then make Qt open that file (and read /dev/zero until the process
aborts). So every label, tooltip and dialog that can carry any part of a
mail, or text a service sent, goes through this module:

``plain_label``    a QLabel that never reads markup;
``plain_tooltip``  a tooltip string Qt shows literally;
``message_box``    a QMessageBox whose text is plain;
``bounded``        one line (or a few) of at most so many characters, so a
                   190,000-character subject cannot stretch a banner or a
                   dialog, whatever it holds.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

TOOLTIP_CHARS = 1000
TOOLTIP_LINES = 20
MESSAGE_BOX_CHARS = 2000
MESSAGE_BOX_LINES = 30
ELLIPSIS = "…"

_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")

# Qt reads a string wrapped like this as rich text, and an escaped text in it
# as the characters themselves; pre-wrap keeps its line breaks and spaces.
_TOOLTIP_OPEN = '<qt><p style="white-space:pre-wrap">'
_TOOLTIP_CLOSE = "</p></qt>"


def _one_line(text: str, limit: int) -> tuple[str, bool]:
    """The words of ``text`` joined by single spaces, at most ``limit``
    characters; and whether anything was left out. Looks at no more of
    ``text`` than it keeps, so a 2 MB subject costs what a short one does."""
    words: list[str] = []
    used = 0
    for match in _WORD.finditer(text):
        word = match.group()
        gap = 1 if words else 0
        if used + gap + len(word) > limit:
            room = limit - used - gap
            if room > 0:
                words.append(word[:room])
            return " ".join(words), True
        words.append(word)
        used += gap + len(word)
    return " ".join(words), False


def bounded(text: str | None, limit: int, *, lines: int = 1) -> str:
    """``text`` as plain, short text: at most ``lines`` lines (runs of white
    space within a line become one space, empty lines go) and at most
    ``limit`` characters in all, ending in "…" when something was cut."""
    if not text or limit <= 0:
        return ""
    if lines <= 1:
        shown, cut = _one_line(text, limit)
        kept = [shown]
    else:
        kept, cut, room = [], False, limit
        for match in _LINE.finditer(text):
            if match.group().isspace():
                continue
            if len(kept) == lines or room <= 0:
                cut = True
                break
            shown, cut = _one_line(match.group(), room)
            kept.append(shown)
            room -= len(shown) + 1
            if cut:
                break
    result = "\n".join(kept)
    if cut:
        result = result[: max(0, limit - len(ELLIPSIS))].rstrip() + ELLIPSIS
    return result


def _clip(text: str, limit: int, lines: int) -> str:
    """``text`` with its own line breaks and spacing, cut after ``lines``
    lines or ``limit`` characters (with "…")."""
    head = text[:limit]
    cut = len(text) > limit
    if head.count("\n") >= lines:
        head = "\n".join(head.split("\n", lines)[:lines])
        cut = True
    return head.rstrip() + ELLIPSIS if cut else head


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as typed: no markup, no images, no links."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str | None, limit: int = TOOLTIP_CHARS, *, lines: int = TOOLTIP_LINES) -> str:
    """A tooltip that Qt shows character for character.

    Qt has no format flag for tooltips: it shows a string as rich text when
    ``Qt.mightBeRichText`` says so. Such a string is escaped and wrapped so
    that Qt still reads rich text, whose content is the literal characters;
    any other string is already shown as typed and is returned as it is (so
    screen readers, which read tooltips, get the plain words).
    """
    if not text:
        return ""
    shown = _clip(text, limit, lines)
    if not GuiQt.mightBeRichText(shown):
        return shown
    return _TOOLTIP_OPEN + html.escape(shown, quote=False) + _TOOLTIP_CLOSE


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton) -> QMessageBox:
    """A message box whose title and text are plain (and bounded) text.

    The format is set before the text: a rich text set first would already
    be parsed, and laid out (images loaded) as soon as the box is sized.
    """
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(bounded(title, 200))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_clip(text, MESSAGE_BOX_CHARS, MESSAGE_BOX_LINES))
    box.setStandardButtons(buttons)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box
