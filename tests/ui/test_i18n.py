"""The Simplified Chinese translation.

Every string the code translates reaches the catalogue (lupdate can see the
call and files it under the context Qt looks it up in) and has a finished
translation; the compiled .qm says what the .ts says; translations keep their
placeholders, accelerators and product names; a user whose system speaks
Chinese gets Chinese windows, and English again after choosing English.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox
from shiboken6 import isValid

from tempmail_desktop.assets import TRANSLATIONS
from tempmail_desktop.core import texts
from tempmail_desktop.core.models import Mailbox
from tempmail_desktop.providers.registry import PROVIDERS
from tempmail_desktop.service.watcher import WatchState, WatchStatus
from tempmail_desktop.ui import i18n
from tempmail_desktop.ui.dialogs import NewAddressDialog
from tempmail_desktop.ui.main_window import MainWindow
from tempmail_desktop.ui.message_bar import MessageBar
from tempmail_desktop.ui.models import MailboxListModel, MessageListModel
from tempmail_desktop.ui.watch_status import describe_state
from tests.ui.conftest_async import app_controller, qloop  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "tempmail_zh_CN.ts"
QM_FILE = TRANSLATIONS / "tempmail_zh_CN.qm"
REFRESH = "run scripts/update_translations.sh, translate what it lists in resources/i18n/tempmail_zh_CN.ts, run it again"

CJK = re.compile(r"[\u3400-\u9fff]")
# Qt's (%1, %n, %s) and the catalog's of core/texts.py ({name}).
PLACEHOLDER = re.compile(r"%(?:\d+|n|s|L\d+)|\{\w+\}")
ACCELERATOR = re.compile(r"(?<!&)&(?!&)")
PRODUCT_NAMES = ("GPTMail", "TempMailG", "Cat Mails", "Tempmail Desktop")
# Things a reader types or recognises as they are: shortcuts, URL schemes, examples, acronyms.
LITERAL_TOKENS = re.compile(r"Ctrl\+\w|\b\w+://|[\w*.-]*@?[\w*-]+\.com\b|\b(?:MX|API|UTC|HTML)\b|WebSocket")

Key = tuple[str, str, str, bool]  # context, source text, disambiguation, plural


# -- the catalogues -----------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    plural: bool
    translations: tuple[str, ...]  # empty while unfinished
    where: str  # file:line of a use, as lupdate recorded it

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment, self.plural)

    def label(self) -> str:
        return f"{self.where} [{self.context or 'no context'}] {self.source!r}"


def read_ts(path: Path) -> dict[Key, Entry]:
    entries: dict[Key, Entry] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            plural = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif plural:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            finished = translation is not None and translation.get("type") is None and texts and all(texts)
            location = message.find("location")
            where = "?"
            if location is not None:
                source_file = (path.parent / location.get("filename", "")).resolve()
                shown = source_file.relative_to(ROOT) if source_file.is_relative_to(ROOT) else source_file
                where = f"{shown}:{location.get('line')}"
            entry = Entry(name, message.findtext("source") or "", message.findtext("comment") or "", plural,
                          texts if finished else (), where)
            entries[entry.key] = entry
    return entries


def qt_tool(name: str) -> str:
    """A Qt tool PySide6 installs next to the interpreter running the tests."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is neither next to {sys.executable} nor on PATH; it comes with PySide6")
    return found


@pytest.fixture(scope="session")
def extracted(tmp_path_factory) -> dict[Key, Entry]:
    """What lupdate finds in the whole package now, from scratch (so a file
    the update script's selection missed shows up here too)."""
    ts = tmp_path_factory.mktemp("i18n") / "fresh_zh_CN.ts"
    result = subprocess.run(
        [qt_tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "absolute",
         "-source-language", "en", "-target-language", "zh_CN", "tempmail_desktop", "-ts", str(ts)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, f"lupdate failed:\n{result.stdout}\n{result.stderr}"
    entries = read_ts(ts)
    assert len(entries) > 100, f"lupdate found only {len(entries)} strings:\n{result.stdout}"
    return {**entries, **catalog_entries()}


def catalog_entries() -> dict[Key, Entry]:
    """The texts of core/texts.py, which lupdate cannot see: the window looks
    them up under the context Errors (ui/error_words.py), and
    scripts/update_translations.sh merges them into the catalogue."""
    entries = {}
    for template in texts.CATALOG:
        entry = Entry(texts.CONTEXT, template.english, template.comment, False, (),
                      f"tempmail_desktop/core/texts.py:{template.line}")
        entries[entry.key] = entry
    return entries


@pytest.fixture(scope="session")
def committed() -> dict[Key, Entry]:
    assert TS_FILE.is_file(), f"{TS_FILE.relative_to(ROOT)} is missing: {REFRESH}"
    return read_ts(TS_FILE)


def test_every_string_in_the_sources_has_a_finished_translation(extracted, committed):
    untranslated = [entry.label() for key, entry in extracted.items()
                    if key not in committed or not committed[key].translations]
    assert not untranslated, f"{len(untranslated)} strings have no Chinese yet ({REFRESH}):\n" + "\n".join(untranslated)


def test_the_catalogue_holds_no_strings_the_sources_dropped(extracted, committed):
    stale = [entry.label() for key, entry in committed.items() if key not in extracted]
    assert not stale, f"the catalogue has strings the code no longer uses ({REFRESH}):\n" + "\n".join(stale)


def test_the_compiled_qm_says_what_the_ts_says(qapp, committed):
    translator = QTranslator()
    assert translator.load(str(QM_FILE)), f"{QM_FILE} does not load: {REFRESH}"
    differ = []
    for entry in committed.values():
        if not entry.translations:
            continue
        got = translator.translate(entry.context, entry.source, entry.comment or None, 2 if entry.plural else -1)
        if got != entry.translations[0]:
            differ.append(f"{entry.label()}: the .qm gives {got!r}, the .ts {entry.translations[0]!r}")
    assert not differ, f"the .qm is older than the .ts ({REFRESH}):\n" + "\n".join(differ)


def translation_problems(entry: Entry) -> list[str]:
    source, text = entry.source, entry.translations[0]
    problems = []
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
        problems.append(f"placeholders {PLACEHOLDER.findall(source)} became {PLACEHOLDER.findall(text)}")
    if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
        problems.append("the keyboard accelerator (&) was lost or doubled")
    if source.endswith("…") and not text.endswith("…"):
        problems.append("the trailing … (opens a dialog) was dropped")
    for kept in (*PRODUCT_NAMES, *LITERAL_TOKENS.findall(source)):
        if kept in source and kept not in text:
            problems.append(f"{kept!r} must stay as it is")
    if "%s" in source:
        try:
            text % (("x",) * source.count("%s"))
        except (TypeError, ValueError) as exc:
            problems.append(f"breaks %-formatting: {exc}")
    words = LITERAL_TOKENS.sub("", PLACEHOLDER.sub("", source))
    for name in PRODUCT_NAMES:
        words = words.replace(name, "")
    if re.search(r"[a-z]{2,}", words) and not CJK.search(text):
        problems.append("still English")
    return problems


def test_translations_keep_placeholders_accelerators_and_names(committed):
    problems = [f"{entry.label()} -> {entry.translations[0]!r}: {problem}"
                for entry in committed.values() if entry.translations
                for problem in translation_problems(entry)]
    assert not problems, "\n".join(problems)


# -- calls lupdate cannot see ---------------------------------------------------------


@dataclass(frozen=True)
class TranslationCall:
    where: str
    context: str | None  # None: only known at run time (an alias or a wrapper)
    text: str
    spelled: str


class _CallFinder(ast.NodeVisitor):
    """String literals handed to Qt's translation, with the context Qt looks them up in."""

    WRAPPER_NAMES = {"tr", "_tr", "translate", "_translate", "_"}

    def __init__(self, where: str) -> None:
        self.where = where
        self.classes: list[str] = []
        self.calls: list[TranslationCall] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args

        def literal(index: int) -> str | None:
            if index < len(args) and isinstance(args[index], ast.Constant) and isinstance(args[index].value, str):
                return args[index].value
            return None

        def found(context: str | None, text: str | None, spelled: str) -> None:
            if text is not None:
                self.calls.append(TranslationCall(f"{self.where}:{node.lineno}", context, text, spelled))

        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner = func.value.id
            if func.attr == "tr" and owner == "self":
                found(self.classes[-1] if self.classes else None, literal(0), "self.tr")
            elif func.attr == "translate" and owner in ("QCoreApplication", "QGuiApplication", "QApplication"):
                found(literal(0), literal(1), f"{owner}.translate")
        elif isinstance(func, ast.Name) and func.id in self.WRAPPER_NAMES:
            found(None, literal(0), f"{func.id}()")
        self.generic_visit(node)


def translation_calls() -> Iterator[TranslationCall]:
    for path in sorted((ROOT / "tempmail_desktop").rglob("*.py")):
        finder = _CallFinder(str(path.relative_to(ROOT)))
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        yield from finder.calls


def test_every_translated_literal_reaches_the_catalogue_in_its_context(extracted):
    """An alias (tr = self.tr) or a wrapper (def _tr(text)) still translates at
    run time, but lupdate files its strings under no context or not at all, so
    they stay English in the Chinese UI."""
    in_catalogue = {(entry.context, entry.source) for entry in extracted.values()}
    hidden = []
    for call in translation_calls():
        if call.context is None:
            hidden.append(f"{call.where}: {call.spelled} {call.text!r}: lupdate cannot tell its context; "
                          "call self.tr(...) or QCoreApplication.translate(\"Context\", ...) directly")
        elif (call.context, call.text) not in in_catalogue:
            hidden.append(f"{call.where}: {call.spelled} {call.text!r} is looked up in {call.context!r} "
                          "but lupdate did not file it there")
    assert not hidden, f"{len(hidden)} translated strings never reach the catalogue:\n" + "\n".join(hidden)


# -- what a user sees ----------------------------------------------------------------


NOW = datetime(2025, 3, 5, 12, 0).astimezone()
NO_NETWORK = {f"providers.{pid}.base_url": "http://127.0.0.1:9" for pid in PROVIDERS}  # nothing listens there


class Scene:
    """Builds the widgets of one table row; the controller only when a row needs one."""

    def __init__(self, make_controller: Callable[..., object]) -> None:
        self._make_controller = make_controller
        self._controller = None
        self._widgets: list = []

    def controller(self):
        if self._controller is None:
            self._controller = self._make_controller(**NO_NETWORK)
        return self._controller

    def keep(self, widget):
        self._widgets.append(widget)
        return widget

    def close(self) -> None:
        for widget in reversed(self._widgets):
            if isValid(widget):
                widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
                widget.close()
                widget.deleteLater()


@pytest.fixture
def scene(app_controller) -> Iterator[Scene]:  # noqa: F811
    built = Scene(app_controller)
    yield built
    built.close()  # before app_controller shuts the controller down


@pytest.fixture
def use_language(qapp) -> Iterator[Callable[[str], str]]:
    yield lambda choice: i18n.install_translators(qapp, choice)
    i18n.install_translators(qapp, "en")


def main_window(scene: Scene) -> MainWindow:
    return scene.keep(MainWindow(scene.controller()))


def menu_titles(window: MainWindow) -> str:
    return " ".join(action.text() for action in window.menuBar().actions())


def new_address_dialog(scene: Scene) -> NewAddressDialog:
    return scene.keep(NewAddressDialog(scene.controller()))


def mailbox_model(scene: Scene) -> MailboxListModel:
    return MailboxListModel(clock=lambda: NOW)


def without_accelerator(text: str) -> str:
    return re.sub(r"\(&\w\)|&", "", text)


EXPIRING = Mailbox("gptmail", "a@example.com", expires_at=NOW + timedelta(minutes=7, seconds=30))
EXPIRED = Mailbox("gptmail", "a@example.com", expires_at=NOW - timedelta(minutes=1))

def shown(what: str, build: Callable[[Scene], object], read: Callable[[object], str],
          english: str, chinese: str, *, bug: str = ""):
    """One text a user sees: how to build what shows it, how to read it, in both languages."""
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(build, read, english, chinese, id=what, marks=marks)


SHOWN = [
    shown("message bar button", lambda s: s.keep(MessageBar()), lambda w: w.close_button.text(), "Dismiss", "关闭"),
    shown("message bar name", lambda s: s.keep(MessageBar()), lambda w: w.accessibleName(),
          "Messages from the app", "应用消息"),
    shown("time left, expired", mailbox_model, lambda m: m.time_left_text(EXPIRED), "expired", "已过期"),
    shown("time left, plural form", mailbox_model, lambda m: m.time_left_text(EXPIRING),
          "expires in 8 min", "8 分钟后过期"),
    shown("message column", lambda s: MessageListModel(),
          lambda m: m.headerData(MessageListModel.COLUMN_SUBJECT, Qt.Orientation.Horizontal), "Subject", "主题"),
    shown("new address title", new_address_dialog, lambda d: d.windowTitle(), "New address", "新建地址"),
    shown("new address choice", new_address_dialog, lambda d: d.random_radio.text(), "Random address", "随机地址"),
    # Qt's own strings come from its qtbase catalogue; whether they carry an
    # accelerator depends on the platform theme, so that is left out.
    shown("Qt's own Cancel button", new_address_dialog,
          lambda d: without_accelerator(d.buttons.button(QDialogButtonBox.StandardButton.Cancel).text()),
          "Cancel", "取消"),
    shown("empty window hint", main_window, lambda w: w.empty_label.text(),
          "No addresses yet. Press Ctrl+N (New address) to get one in a click.",
          "还没有地址。按 Ctrl+N（新建地址）即可一键获取。"),
    shown("menu bar", main_window, menu_titles,
          "&File &Mailbox M&essage &View &Tools &Help", "文件(&F) 邮箱(&M) 邮件(&E) 视图(&V) 工具(&T) 帮助(&H)"),
    shown("check now action", main_window, lambda w: w.act_check.text(), "&Check now", "立即检查(&C)"),
    shown("watch state", lambda s: None,
          lambda _: describe_state(WatchState("gptmail", "a@example.com", WatchStatus.LIVE)),
          "Live: new mail arrives instantly", "实时：新邮件即时送达"),
    shown("watch state with detail", lambda s: None,
          lambda _: describe_state(WatchState("gptmail", "a@example.com", WatchStatus.OFFLINE, detail="timeout")),
          "Offline: timeout", "离线：timeout"),
]


@pytest.mark.parametrize(("build", "read", "english", "chinese"), SHOWN)
def test_a_chinese_user_sees_chinese_and_english_comes_back(qapp, scene, use_language,
                                                            build, read, english, chinese):
    assert use_language("zh_CN") == "zh_CN"
    assert read(build(scene)) == chinese

    assert use_language("en") == "en"
    assert read(build(scene)) == english


def test_following_a_chinese_system_translates_and_english_beats_it(qapp, scene, use_language, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert use_language("system") == "zh_CN"
    assert scene.keep(MessageBar()).close_button.text() == "关闭"
    assert use_language("en") == "en"  # the user's own choice wins over the system
    assert scene.keep(MessageBar()).close_button.text() == "Dismiss"


@pytest.mark.parametrize(
    ("system_locale", "language"),
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_SG.UTF-8", "zh_CN"),
        ("zh_TW.UTF-8", "zh_CN"),  # the only Chinese we ship; closer than English
        ("en_US.UTF-8", "en"),
        ("de_DE.UTF-8", "en"),
        ("C", "en"),
    ],
)
def test_system_language_follows_the_locale_of_the_session(system_locale, language):
    # QLocale.system() reads the environment once per process, so each
    # locale gets a fresh interpreter started as a desktop session would be.
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("LC_") and name not in ("LANG", "LANGUAGE")}
    env["LC_ALL"] = system_locale
    probe = "from tempmail_desktop.ui.i18n import resolve_language; print(resolve_language('system'))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == language


@pytest.mark.parametrize("choice", ["en", "zh_CN"])
def test_a_chosen_language_ignores_the_system(choice, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE" if choice == "zh_CN" else "zh_CN")))
    assert i18n.resolve_language(choice) == choice
