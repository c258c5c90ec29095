"""The keyboard beyond the actions' own shortcuts: j/k through the mail list,
and Help → Keyboard shortcuts, a plain table read from the window's actions
and these keys, so it never disagrees with what the keys do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QPlainTextEdit,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

NEXT_KEY = "J"
PREVIOUS_KEY = "K"


def _step(window: QMainWindow, delta: int) -> None:
    """Select the next (delta 1) or previous (-1) mail in the list, as Down/Up do."""
    view = window.message_view
    model = view.model()
    rows = model.rowCount()
    if rows == 0:
        return
    current = view.currentIndex()
    row = 0 if not current.isValid() else min(max(current.row() + delta, 0), rows - 1)
    view.setCurrentIndex(model.index(row, current.column() if current.isValid() else 0))
    view.scrollTo(view.currentIndex())


def add_mail_keys(window: QMainWindow) -> None:
    """j and k move through the mail while the list or the reader has the
    focus (never while typing in the filter)."""
    window.mail_keys = []  # (shortcut, what it does), for the shortcuts window
    for key, delta in ((NEXT_KEY, 1), (PREVIOUS_KEY, -1)):
        for widget in (window.message_view, window.reader):
            shortcut = QShortcut(QKeySequence(key), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda delta=delta: _step(window, delta))
            if widget is window.message_view:
                window.mail_keys.append((shortcut, delta))
    show_text_focus(window.reader)


class _FocusRing(QWidget):
    """A ring in the highlight colour over a text pane's frame while the pane
    has the keyboard focus: the style draws none there, so Tab into the mail
    would otherwise look like nothing happened. It lies over the pane's own
    frame (inside it, never clipped), lets every click through and takes no
    focus."""

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        pane.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self.setGeometry(watched.rect())
            self.show()
            self.raise_()
        elif kind == QEvent.Type.FocusOut:
            self.hide()
        elif kind == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        width = max(2, self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth))
        pen.setWidth(width)
        painter.setPen(pen)
        half = width // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - (width % 2 == 0), -half - (width % 2 == 0)))


def show_text_focus(root: QWidget) -> None:
    """Give every text pane under ``root`` (the reader's mail, source and
    headers) a visible focus."""
    for pane in [*root.findChildren(QTextEdit), *root.findChildren(QPlainTextEdit)]:
        if pane.focusPolicy() != Qt.FocusPolicy.NoFocus:
            _FocusRing(pane)


def _plain(text: str) -> str:
    """An action's text as a table says it: no "&" marker, no trailing "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def _keys(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window's menus with a shortcut,
    in menu order, then the list's own keys."""
    rows: list[tuple[str, str]] = []
    seen = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.isSeparator() or id(action) in seen or not action.shortcuts():
                continue
            seen.add(id(action))
            rows.append((_plain(action.text()), _keys(action.shortcuts())))
    nexts = [s.key() for s, delta in getattr(window, "mail_keys", []) if delta > 0]
    previous = [s.key() for s, delta in getattr(window, "mail_keys", []) if delta < 0]
    rows.append((QCoreApplication.translate("ShortcutsWindow", "Next message"), _keys([*nexts, QKeySequence(Qt.Key.Key_Down)])))
    rows.append((QCoreApplication.translate("ShortcutsWindow", "Previous message"), _keys([*previous, QKeySequence(Qt.Key.Key_Up)])))
    rows.append((QCoreApplication.translate("ShortcutsWindow", "Next pane"), _keys([QKeySequence(Qt.Key.Key_Tab)])))
    rows.append((QCoreApplication.translate("ShortcutsWindow", "Previous pane"), _keys([QKeySequence("Shift+Tab")])))
    return rows


class ShortcutsWindow(QDialog):
    """Help → Keyboard shortcuts: a plain two-column table."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsWindow")
        self._window = window
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The table asks for room for all its rows and columns: no clipping, no scroll bar.
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.fill()

    def fill(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        rows = shortcut_rows(self._window)
        self.table.setRowCount(len(rows))
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        # Room for the keys column's widest text beside the first.
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(keys) for _what, keys in rows), default=0)
        self.table.horizontalHeader().setMinimumSectionSize(metrics.horizontalAdvance("M") * 4)
        self.table.setMinimumWidth(self.table.columnWidth(0) + widest + metrics.horizontalAdvance("M") * 4
                                   + 2 * self.table.frameWidth())
        self.adjustSize()

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.fill()


def show_shortcuts(window: QMainWindow) -> ShortcutsWindow:
    """Open (or raise) the window's one shortcuts window, filled afresh."""
    shown = getattr(window, "shortcuts_window", None)
    if shown is None:
        shown = ShortcutsWindow(window)
        window.shortcuts_window = shown
    else:
        shown.fill()
    shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown
