"""The characters mail uses that take no room on screen: one table for every reader.

Newsletters pad preheaders with zero-width characters, phishing splits a domain
with them, and bidi controls reorder what the user reads ("invoice\u202egpj.exe").
Searches, previews, code extraction and the terminal all meet them; they
take their sets from here.
"""

from __future__ import annotations

import re

#: Take no room and split words: soft hyphen, grapheme joiner, Mongolian vowel
#: separator, zero-width space/non-joiner/joiner, word joiner, invisible
#: operators, the byte-order mark.
ZERO_WIDTH = "\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
#: Reorder text: Arabic letter mark, LRM/RLM, embeddings and overrides, isolates.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = ZERO_WIDTH + BIDI_CONTROLS

#: ``str.translate`` tables that delete them.
DROP_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))
DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
#: The bidi controls as the inside of a regex character class.
BIDI_CLASS = re.escape(BIDI_CONTROLS)
