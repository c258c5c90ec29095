"""Put the catalog of core/texts.py into a Qt .ts file, under the context
``Errors``, keeping the translations it already has.

    python scripts/merge_error_texts.py TS [EARLIER_TS]

lupdate cannot see these texts (core/ is Qt-free: they are never passed to
tr() there), and with -no-obsolete it drops them, so
scripts/update_translations.sh runs this after lupdate, with the .ts as it
was before lupdate as EARLIER_TS. The context is written in lupdate's own
layout, where lupdate would sort it, so the next lupdate run reads it as
its own. Prints what is still untranslated.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tempmail_desktop.core import texts  # noqa: E402

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&apos;", '"': "&quot;"}


def escape(value: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in value)


def known_translations(path: Path) -> dict[tuple[str, str], str]:
    """(source, comment) -> finished translation, of the context Errors."""
    found: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, FileNotFoundError):
        return found
    for context in root.iter("context"):
        if context.findtext("name") != texts.CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(message.findtext("source") or "", message.findtext("comment") or "")] = translation.text
    return found


def context_block(translations: dict[tuple[str, str], str], ts_path: Path) -> tuple[str, list[str]]:
    source_file = Path(texts.__file__).resolve()
    try:
        where = Path("../" * (len(ts_path.resolve().parent.relative_to(ROOT).parts))) / source_file.relative_to(ROOT)
    except ValueError:  # a .ts outside the repository: name the file absolutely
        where = source_file
    lines = ["<context>", f"    <name>{texts.CONTEXT}</name>"]
    untranslated = []
    seen: set[tuple[str, str]] = set()
    for template in texts.CATALOG:
        key = (template.english, template.comment)
        if key in seen:
            continue
        seen.add(key)
        lines.append("    <message>")
        lines.append(f'        <location filename="{escape(where.as_posix())}" line="{template.line}"/>')
        lines.append(f"        <source>{escape(template.english)}</source>")
        if template.comment:
            lines.append(f"        <comment>{escape(template.comment)}</comment>")
        translation = translations.get(key)
        if translation:
            lines.append(f"        <translation>{escape(translation)}</translation>")
        else:
            lines.append('        <translation type="unfinished"></translation>')
            untranslated.append(template.english)
        lines.append("    </message>")
    lines.append("</context>")
    return "\n".join(lines) + "\n", untranslated


_CONTEXT_RE = re.compile(r"<context>\s*<name>(.*?)</name>.*?</context>\n", re.S)


def merge(ts_path: Path, earlier: Path | None) -> list[str]:
    translations = known_translations(earlier) if earlier else {}
    translations.update(known_translations(ts_path))  # the file's own win over earlier ones
    document = ts_path.read_text(encoding="utf-8")
    block, untranslated = context_block(translations, ts_path)
    # Drop the context as it was, then put it back where lupdate sorts it.
    kept = [m for m in _CONTEXT_RE.finditer(document) if m.group(1) != texts.CONTEXT]
    after = next((m for m in kept if m.group(1) > texts.CONTEXT), None)
    document = "".join(part for part in _CONTEXT_RE.split(document)[::2])  # without any context
    body = [m.group(0) for m in kept]
    position = kept.index(after) if after is not None else len(body)
    body.insert(position, block)
    head, _, tail = document.partition("</TS>")
    ts_path.write_text(head + "".join(body) + "</TS>" + tail, encoding="utf-8")
    return untranslated


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    untranslated = merge(Path(argv[1]), Path(argv[2]) if len(argv) == 3 else None)
    for source in untranslated:
        print(f"untranslated in {texts.CONTEXT!r}: {source!r}")
    print(f"{len(texts.CATALOG)} catalog texts in {texts.CONTEXT!r}; {len(untranslated)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
