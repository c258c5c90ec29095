"""What the window says for an error, in the user's language.

The services' texts come from the catalog of core/texts.py: each is looked
up under the context ``Errors`` (scripts/update_translations.sh puts them in
the catalogue) and filled with its arguments, which stay bounded plain
text, since they may quote a mail or a service. The way out is the window's
own (Settings, waiting), never the command's.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ..core import texts
from ..core.errors import QuotaError, TempmailError
from ..core.texts import WayOut
from .plain import bounded

# An address, a service's sentence, a reason: one line each, never a page.
ARGUMENT_CHARS = 300


def translated(said: str) -> str:
    """``said`` in the user's language when it is a catalog text; any other
    text as it is."""
    if not isinstance(said, texts.Said):
        return said
    template = QCoreApplication.translate(texts.CONTEXT, said.template, said.comment or None)
    if texts.placeholders(template) != texts.placeholders(said.template):
        template = said.template  # a translation that lost a placeholder would hide what failed
    args = {name: translated(value) if isinstance(value, texts.Said) else bounded(str(value), ARGUMENT_CHARS)
            for name, value in said.args.items()}
    return texts.fill(template, args)


def problem_words(error: BaseException) -> str:
    """The text of any error the layers below raise (a settings ValueError
    carries a catalog text too), without a way out."""
    if isinstance(error, TempmailError):
        return translated(error.said)
    said = error.args[0] if error.args and isinstance(error.args[0], texts.Said) else str(error)
    return translated(said)


def way_out_words(error: TempmailError) -> str:
    """The window's own way out of ``error``; "" when it has none."""
    way_out = error.way_out
    if way_out == WayOut.SET_KEY:
        return QCoreApplication.translate("ErrorWords", "Open Settings and set the key.")
    if way_out == WayOut.STORE_KEY_AGAIN:
        return QCoreApplication.translate("ErrorWords", "Open Settings and store the key again.")
    if way_out == WayOut.KEEP_FOR_SESSION:
        return QCoreApplication.translate("ErrorWords", "Or keep the key for this session only, in Settings.")
    if way_out == WayOut.WAIT_QUOTA:
        reset = error.reset_at if isinstance(error, QuotaError) else None
        if reset is not None:
            return (QCoreApplication.translate("ErrorWords", "It lifts at %1.")
                    .replace("%1", reset.astimezone().strftime("%H:%M")))
        return QCoreApplication.translate("ErrorWords", "It lifts by itself after a while.")
    if way_out == WayOut.NAME_PROVIDER:
        return QCoreApplication.translate("ErrorWords", "Choose the service it is on.")
    return ""


def in_window_words(error: TempmailError) -> str:
    """What the window says for ``error``: its text, then the window's way out."""
    said = problem_words(error)
    way_out = way_out_words(error)
    if not way_out:
        return said
    # "%1. %2": the text, then the way out, as a sentence of the language.
    sentence = QCoreApplication.translate("ErrorWords", "%1. %2")
    parts = {"1": said.rstrip(". 。"), "2": way_out}
    # One pass: a "%2" inside what a service said stays as it is.
    return re.sub(r"%([12])", lambda m: parts[m.group(1)], sentence)
