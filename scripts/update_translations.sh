#!/usr/bin/env bash
# Refresh the Simplified Chinese catalogue from the sources and compile it.
#
#   scripts/update_translations.sh            (VENV=/path/to/venv to pick the tools)
#
# 1. pyside6-lupdate reads every tempmail_desktop/**/*.py that calls tr( or
#    translate( and merges the strings into resources/i18n/tempmail_zh_CN.ts,
#    keeping existing translations and dropping strings the code no longer has.
# 2. A string whose context changed (say tr() moved into a class) comes back
#    from lupdate untranslated; its earlier translation of the same English
#    text is carried over, and each such string is listed for review.
# 3. The texts of core/texts.py (errors and help from the Qt-free layers,
#    which the window translates under the context "Errors") are invisible
#    to lupdate, which drops them; scripts/merge_error_texts.py puts them
#    back with the translations they had.
# 4. pyside6-lrelease compiles the .ts into the .qm the app loads.
# Untranslated strings are listed at the end; tests/ui/test_i18n.py fails
# while any remain.
set -euo pipefail
cd "$(dirname "$0")/.."

TS=resources/i18n/tempmail_zh_CN.ts
QM=tempmail_desktop/assets/i18n/tempmail_zh_CN.qm

# PySide6 installs the Qt tools next to the virtualenv's python.
VENV=${VENV:-.venv}
if [[ -x "$VENV/bin/pyside6-lupdate" ]]; then
  bin="$VENV/bin"
else
  python_on_path=$(command -v python || command -v python3 || true)
  bin=$(dirname "${python_on_path:-/nonexistent/python}")
fi
for tool in pyside6-lupdate pyside6-lrelease python; do
  if [[ ! -x "$bin/$tool" ]]; then
    echo "update_translations: $bin/$tool not found; set VENV to the virtualenv that has PySide6" >&2
    exit 1
  fi
done

mapfile -t sources < <(grep -rlE --include='*.py' '(\btr|\btranslate)\(' tempmail_desktop | sort)
if [[ ${#sources[@]} -eq 0 ]]; then
  echo "update_translations: no source file calls tr() or translate()" >&2
  exit 1
fi

mkdir -p "$(dirname "$TS")" "$(dirname "$QM")"
previous=$(mktemp)
trap 'rm -f "$previous"' EXIT
if [[ -f "$TS" ]]; then cp "$TS" "$previous"; fi

lupdate() {
  "$bin/pyside6-lupdate" -no-obsolete -source-language en -target-language zh_CN \
    "${sources[@]}" -ts "$TS"
}
lupdate

# Exit status 10: translations were carried over, so let lupdate write the
# file once more in its own layout (ElementTree does not keep it).
status=0
"$bin/python" - "$TS" "$previous" <<'PY' || status=$?
import sys
import xml.etree.ElementTree as ET

ts_path, previous_path = sys.argv[1], sys.argv[2]


def key(message):
    return (message.findtext("source"), message.findtext("comment") or "", message.get("numerus") == "yes")


def finished(message):
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return None
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.findall("numerusform")]
        return translation if forms and all(forms) else None
    return translation if translation.text else None


known = {}
try:
    for message in ET.parse(previous_path).getroot().iter("message"):
        translation = finished(message)
        if translation is not None:
            known.setdefault(key(message), translation)
except (ET.ParseError, FileNotFoundError):
    pass  # first run: nothing to carry over

tree = ET.parse(ts_path)
carried, todo, total, contexts = [], [], 0, set()
for context in tree.getroot().iter("context"):
    name = context.findtext("name") or ""
    for message in context.iter("message"):
        total += 1
        contexts.add(name)
        if finished(message) is not None:
            continue
        earlier = known.get(key(message))
        if earlier is not None:
            message.remove(message.find("translation"))
            message.append(earlier)
            carried.append((name, message.findtext("source")))
        else:
            todo.append((name, message.findtext("source")))

for name, source in carried:
    print(f"carried over to the new context {name!r}, please review: {source!r}")
for name, source in todo:
    print(f"untranslated in {name!r}: {source!r}")
print(f"{total} strings in {len(contexts)} contexts; {len(todo)} untranslated")
if carried:
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    sys.exit(10)
PY
case $status in
  0) ;;
  10) lupdate ;;
  *) exit "$status" ;;
esac

"$bin/python" scripts/merge_error_texts.py "$TS" "$previous"

"$bin/pyside6-lrelease" "$TS" -qm "$QM"
echo "wrote $TS and $QM"
