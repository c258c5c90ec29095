"""The GPTMail dashboard: the service's own statistics, and a form to offer
it a domain.

Everything shown comes from the statistics endpoints of gptmail.txt: six
service-wide numbers, mail per hour over the last 24 hours (hours in UTC on
the wire, drawn in local time) and three top-10 lists the service masks
before sending. Each refresh costs five calls of the key's daily quota.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import log_names
from ..core.errors import TempmailError
from ..core.models import GptMailStats
from ..core.timeutil import UTC, utcnow
from .controller import AppController
from .plain import plain_label
from .settings_dialog import fill

log = logging.getLogger(log_names.UI_DASHBOARD)

# A host name with at least one dot: labels of letters, digits and inner hyphens.
HOSTNAME_RE = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
HOUR = timedelta(hours=1)


def clean_domain(text: str) -> str | None:
    """The domain the user meant ("@Example.com." -> "example.com"), or None if it is not one."""
    domain = text.strip().lstrip("@").rstrip(".").lower()
    return domain if HOSTNAME_RE.match(domain) and not domain.rpartition(".")[2].isdigit() else None


def last_24_hours(rows: list[tuple[datetime, int]], now: datetime | None = None) -> list[tuple[datetime, int]]:
    """One (hour start in UTC, count) per hour of the last day, quiet hours as 0.

    The service lists only hours that had mail. Its window reaches back 24
    hours from now, which can touch a 25th hour bucket; that bucket is kept
    when it has mail. Hours older than that are not part of "the last 24 hours".
    """
    counts: dict[datetime, int] = {}
    for hour, count in rows:
        start = hour.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        counts[start] = counts.get(start, 0) + count
    end = (now or utcnow()).astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    if counts:
        end = max(end, max(counts))  # a service clock slightly ahead of ours
    first = end - 23 * HOUR
    if counts.get(first - HOUR):
        first -= HOUR
    return [(first + i * HOUR, counts.get(first + i * HOUR, 0)) for i in range((end - first) // HOUR + 1)]


class HourlyChart(QWidget):
    """Bars of mail per hour, labelled in local time, with a tooltip per bar."""

    MIN_BAR = 2.0  # px: an hour with any mail stays visible next to a busy one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hours: list[tuple[datetime, int]] = []
        self.setMinimumHeight(150)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers reach the description
        self.setAccessibleName(self.tr("Mail per hour, last 24 hours"))
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(560, 180)

    def set_hours(self, hours: list[tuple[datetime, int]]) -> None:
        self._hours = list(hours)
        self._describe()
        self.update()

    def hours(self) -> list[tuple[datetime, int]]:
        return list(self._hours)

    # -- words -------------------------------------------------------------

    @staticmethod
    def local_hour(hour: datetime) -> str:
        return f"{hour.astimezone().hour:02d}:00"

    def tooltip_for(self, index: int) -> str:
        hour, count = self._hours[index]
        return fill(self.tr("%1–%2: %3"), self.local_hour(hour), self.local_hour(hour + HOUR),
                    self.tr("%n mail(s)", "", count))

    def _describe(self) -> None:
        if not self._hours:
            self.setAccessibleDescription(self.tr("No hourly figures loaded."))
            return
        total = sum(count for _hour, count in self._hours)
        busiest, most = max(self._hours, key=lambda item: item[1])
        if not most:
            text = self.tr("No mail in the last 24 hours.")
        else:
            text = fill(self.tr("%1 over %2 hours; the busiest hour was %3 with %4."),
                        self.tr("%n mail(s)", "", total), str(len(self._hours)),
                        self.local_hour(busiest), self.tr("%n mail(s)", "", most))
        self.setAccessibleDescription(text)

    # -- geometry ------------------------------------------------------------

    def _plot_area(self) -> QRectF:
        metrics = self.fontMetrics()
        top = metrics.height() / 2 + 2
        left = metrics.horizontalAdvance(QLocale().toString(self._peak())) + 8
        bottom = metrics.height() + 6
        return QRectF(left, top, max(1.0, self.width() - left - 4), max(1.0, self.height() - top - bottom))

    def _peak(self) -> int:
        return max((count for _hour, count in self._hours), default=0)

    def bar_rects(self) -> list[QRectF]:
        """One rectangle per hour, in order; zero height for an hour without mail."""
        if not self._hours:
            return []
        area = self._plot_area()
        slot = area.width() / len(self._hours)
        gap = min(4.0, slot * 0.2)
        peak = self._peak()
        rects = []
        for i, (_hour, count) in enumerate(self._hours):
            height = 0.0 if not count else max(self.MIN_BAR, area.height() * count / peak)
            rects.append(QRectF(area.left() + i * slot + gap / 2, area.bottom() - height, slot - gap, height))
        return rects

    def index_at(self, x: float) -> int | None:
        if not self._hours:
            return None
        area = self._plot_area()
        if not area.left() <= x < area.right():
            return None
        return min(len(self._hours) - 1, int((x - area.left()) / (area.width() / len(self._hours))))

    # -- Qt ----------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(index), self)
            return True
        return super().event(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        area = self._plot_area()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        if not self._hours or not self._peak():
            empty = self.tr("No mail in the last 24 hours.") if self._hours else self.tr("No hourly figures loaded.")
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, empty)
            painter.end()
            return
        metrics = self.fontMetrics()
        # The scale: the peak at the top, zero at the bottom.
        for y, text in ((area.top(), QLocale().toString(self._peak())), (area.bottom(), "0")):
            painter.drawText(QRectF(0, y - metrics.height() / 2, area.left() - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        rects = self.bar_rects()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        for rect in rects:
            if rect.height() > 0:
                painter.drawRect(rect)
        # Label as many hours as fit without overlapping.
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        slot = area.width() / len(rects)
        label_width = metrics.horizontalAdvance("00:00") + 6
        step = max(1, int(-(-label_width // slot)))
        for i in range(0, len(rects), step):
            centre = rects[i].center().x()
            painter.drawText(QRectF(centre - label_width / 2, area.bottom() + 3, label_width, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             self.local_hour(self._hours[i][0]))
        painter.end()


class _TopList(QTreeWidget):
    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([what, self.tr("Mails")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAccessibleName(what)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        self.clear()
        for label, count in rows:
            item = QTreeWidgetItem([label, QLocale().toString(count)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addTopLevelItem(item)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.topLevelItem(i).text(0), self.topLevelItem(i).text(1)) for i in range(self.topLevelItemCount())]


class DashboardDialog(QDialog):
    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("GPTMail dashboard"))
        self.setAccessibleName(self.tr("GPTMail dashboard"))
        self._load_job: asyncio.Task | None = None
        self._domain_job: asyncio.Task | None = None
        # Flags, not task.done(): a job's on_done runs while its task is still finishing.
        self._loading = False
        self._submitting = False

        self.status_label = plain_label(QLabel(self))  # quotes the service's errors
        self.status_label.setObjectName("dashboardStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh the statistics"))
        self.refresh_button.setToolTip(self.tr("Each refresh uses five of your key's daily calls."))
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.refresh_button)

        captions = {
            "total_emails": self.tr("Mail ever received"),
            "today_emails": self.tr("Today (UTC)"),
            "emails_24h": self.tr("Last 24 hours"),
            "unique_subjects": self.tr("Different subjects (24 h)"),
            "active_domains": self.tr("Active domains"),
            "domain_count": self.tr("Domains configured"),
        }
        numbers = QGridLayout()
        self.stat_labels: dict[str, QLabel] = {}
        for i, field in enumerate(fields(GptMailStats)):
            value = QLabel("–", self)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.9)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setAccessibleName(captions[field.name])
            caption = QLabel(captions[field.name], self)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setBuddy(value)
            tile = QFrame(self)
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile_layout = QVBoxLayout(tile)
            tile_layout.addWidget(value)
            tile_layout.addWidget(caption)
            numbers.addWidget(tile, i // 3, i % 3)
            self.stat_labels[field.name] = value

        self.chart = HourlyChart(self)
        chart_box = QGroupBox(self.tr("Mail per hour, last 24 hours (your local time)"), self)
        QVBoxLayout(chart_box).addWidget(self.chart)

        self.top_subjects = _TopList(self.tr("Top subjects"), self)
        self.top_domains = _TopList(self.tr("Top domains"), self)
        self.top_senders = _TopList(self.tr("Top senders"), self)
        lists = QHBoxLayout()
        for view in (self.top_subjects, self.top_domains, self.top_senders):
            lists.addWidget(view)
        masked_note = QLabel(self.tr("The service masks subjects, domains and senders (like us***@ex***.com) "
                                     "before sending them; they show trends, not mail."), self)
        masked_note.setWordWrap(True)
        masked_note.setStyleSheet("color:palette(mid);")

        domain_box = QGroupBox(self.tr("Offer your own domain"), self)
        domain_intro = QLabel(self.tr("Point the domain's MX record at GPTMail first; the service checks it "
                                      "when you submit."), domain_box)
        domain_intro.setWordWrap(True)
        self.domain_edit = QLineEdit(domain_box)
        self.domain_edit.setPlaceholderText("example.com")
        self.domain_edit.setAccessibleName(self.tr("Domain to offer"))
        self.submit_button = QPushButton(self.tr("Submit"), domain_box)
        self.submit_button.setAccessibleName(self.tr("Submit the domain"))
        self.submit_button.setEnabled(False)
        self.domain_result = plain_label(QLabel(domain_box))  # the service's answer, in its words
        self.domain_result.setObjectName("domainResult")
        self.domain_result.setWordWrap(True)
        self.domain_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.domain_result.hide()
        domain_row = QHBoxLayout()
        domain_row.addWidget(self.domain_edit, 1)
        domain_row.addWidget(self.submit_button)
        domain_layout = QVBoxLayout(domain_box)
        domain_layout.addWidget(domain_intro)
        domain_layout.addLayout(domain_row)
        domain_layout.addWidget(self.domain_result)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(numbers)
        layout.addWidget(chart_box, 1)
        layout.addLayout(lists, 1)
        layout.addWidget(masked_note)
        layout.addWidget(domain_box)
        layout.addWidget(self.buttons)
        for first, second in ((self.refresh_button, self.chart), (self.chart, self.top_subjects),
                              (self.top_subjects, self.top_domains), (self.top_domains, self.top_senders),
                              (self.top_senders, self.domain_edit), (self.domain_edit, self.submit_button)):
            QWidget.setTabOrder(first, second)
        self.resize(760, 760)

        self.refresh_button.clicked.connect(self.refresh)
        self.domain_edit.textChanged.connect(self._on_domain_text)
        self.domain_edit.returnPressed.connect(self.submit_domain)
        self.submit_button.clicked.connect(self.submit_domain)
        self.refresh()

    # -- statistics --------------------------------------------------------

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color:#b00020;" if error else "")
        self.status_label.setProperty("error", error)

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self._show_status(self.tr("Loading the statistics…"))
        # Errors come back here, shown in the dialog, not in the window's bar.
        self._load_job = self.controller.run("gptmail-stats", self.controller.gptmail_statistics, self._show_loaded,
                                             on_error=self._show_load_failure)

    def _show_load_failure(self, _who: str, text: str) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        log.info("GPTMail statistics not loaded: %s", text)
        self._show_status(fill(self.tr("Could not load everything: %1"), text), error=True)

    def _show_loaded(self, parts: list[Any]) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        stats, hourly, subjects, domains, senders = parts
        if isinstance(stats, GptMailStats):
            for name, label in self.stat_labels.items():
                label.setText(QLocale().toString(getattr(stats, name)))
        if isinstance(hourly, list):
            self.chart.set_hours(last_24_hours(hourly))
        for view, rows in ((self.top_subjects, subjects), (self.top_domains, domains), (self.top_senders, senders)):
            if isinstance(rows, list):
                view.set_rows(rows)
        failure = next((part for part in parts if isinstance(part, TempmailError)), None)
        if failure is not None:
            log.info("GPTMail statistics not (fully) loaded: %s", failure)
            self._show_status(fill(self.tr("Could not load everything: %1"),
                                   self.controller.words_for(failure)[1]), error=True)
        else:
            self._show_status(fill(self.tr("Updated at %1."),
                                   QLocale().toString(datetime.now().time(), QLocale.FormatType.ShortFormat)))

    # -- domain request ----------------------------------------------------

    def _on_domain_text(self, text: str) -> None:
        self.submit_button.setEnabled(bool(text.strip()) and not self._submitting)

    def _show_domain_result(self, text: str, *, error: bool) -> None:
        self.domain_result.setText(text)
        self.domain_result.setStyleSheet("color:#b00020;" if error else "")
        self.domain_result.setProperty("error", error)
        self.domain_result.setVisible(bool(text))

    def submit_domain(self) -> None:
        if self._submitting:
            return
        domain = clean_domain(self.domain_edit.text())
        if domain is None:
            self._show_domain_result(self.tr("Type a domain name with a dot, like example.com."), error=True)
            return
        self._submitting = True
        self.submit_button.setEnabled(False)
        self._show_domain_result(fill(self.tr("Submitting %1…"), domain), error=False)
        def done(submitted: str) -> None:
            self._submitting = False
            self._on_domain_text(self.domain_edit.text())
            self._show_domain_result(
                fill(self.tr("Submitted %1; the service will check its MX records."), submitted), error=False)

        def failed(_who: str, text: str) -> None:
            self._submitting = False
            self._on_domain_text(self.domain_edit.text())
            self._show_domain_result(text, error=True)

        self._domain_job = self.controller.run("gptmail-domain", lambda: self.controller.request_gptmail_domain(domain),
                                               done, on_error=failed)

    # -- closing -----------------------------------------------------------

    def done(self, result: int) -> None:
        # Nothing left to show the answers in: stop waiting for them.
        for job in (self._load_job, self._domain_job):
            if job is not None and not job.done():
                job.cancel()
        super().done(result)
