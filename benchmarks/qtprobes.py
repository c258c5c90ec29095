"""Measuring instruments that live inside the process under test.

Kept to QtCore/QtGui (which any widget program loads anyway) so the bare
baseline window pays nothing extra for them.

* :class:`FirstFrame` notes when a top-level window is first exposed (mapped
  on screen) and when that first frame has been painted.
* :class:`StallProbe` is a 10 ms timer on the UI thread; the longest gap
  between two of its ticks is the longest time the event loop was busy.
* :class:`PaintWatch` tells when a widget (a view's viewport) next paints.

Times are ``time.monotonic()``: CLOCK_MONOTONIC, one clock for every process
on Linux, so the runner can subtract the moment it spawned this process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWindow


def process_age_s() -> float:
    """Seconds since this process was started, by the kernel's clock (10 ms ticks)."""
    with open("/proc/self/stat", encoding="ascii") as handle:
        # The command name may hold spaces; fields are counted after its ')'.
        fields = handle.read().rpartition(")")[2].split()
    start_ticks = int(fields[19])  # field 22 of proc(5): starttime
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")


def memory_kib(pid: int | str = "self") -> dict[str, int]:
    """VmRSS and VmHWM (peak) from /proc/<pid>/status, in KiB."""
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0])
    return values


class FirstFrame(QObject):
    """Watches the whole application for the first Expose of its main window.

    An application-wide filter costs a Python call per event, so it removes
    itself once the frame is done. ``on_done`` runs then.
    """

    def __init__(self, app, on_done: Callable[[], None] | None = None) -> None:
        super().__init__()
        self._app = app
        self._on_done = on_done
        self._window: QWindow | None = None
        self._early: list[tuple[float, QWindow]] = []
        self.exposed_at: float | None = None
        self.painted_at: float | None = None
        self.frame_done_at: float | None = None
        self.age_at_frame_done: float | None = None
        app.installEventFilter(self)

    def watch(self, widget) -> None:
        """The top-level widget whose first frame counts (its window may be exposed already)."""
        self._window = widget.windowHandle()
        for stamp, window in self._early:
            if window is self._window:
                self._exposed(stamp)
                break
        self._early.clear()

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Expose and self.exposed_at is None and isinstance(obj, QWindow) and obj.isExposed():
            stamp = time.monotonic()
            if self._window is None:
                self._early.append((stamp, obj))
            elif obj is self._window:
                self._exposed(stamp)
        elif kind == QEvent.Type.Paint and self.exposed_at is not None and self.painted_at is None:
            self.painted_at = time.monotonic()
        return False

    def _exposed(self, stamp: float) -> None:
        self.exposed_at = stamp
        # A zero timer runs once the expose (and the paint it triggers) is handled.
        QTimer.singleShot(0, self._frame_done)

    def _frame_done(self) -> None:
        self.frame_done_at = time.monotonic()
        self.age_at_frame_done = process_age_s()
        self._app.removeEventFilter(self)
        if self._on_done is not None:
            self._on_done()

    def as_dict(self) -> dict:
        return {
            "exposed_at": self.exposed_at,
            "painted_at": self.painted_at,
            "frame_done_at": self.frame_done_at,
            "age_at_frame_done": self.age_at_frame_done,
        }


class StallProbe(QObject):
    """The longest gap between ticks of a 10 ms precise timer, per segment."""

    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self.interval_s = interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._longest = 0.0
        self._ticks = 0
        self._gaps_over: list[float] = []

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        gap = now - self._last
        self._last = now
        self._ticks += 1
        if gap > self._longest:
            self._longest = gap
        if gap > 0.05:
            self._gaps_over.append(round(gap * 1000, 1))

    def begin(self) -> None:
        """Start a segment: forget what came before."""
        self._longest = 0.0
        self._ticks = 0
        self._gaps_over = []

    def end(self) -> dict:
        """The segment's longest gap (ms), counting a gap still open now."""
        longest = max(self._longest, time.monotonic() - self._last)
        return {"longest_ms": round(longest * 1000, 1), "ticks": self._ticks, "gaps_over_50ms": self._gaps_over[:20]}


class PaintWatch(QObject):
    """Resolves the moment a widget has finished its next paint."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget
        self._armed = False
        self._callback: Callable[[float], None] | None = None
        widget.installEventFilter(self)

    def arm(self, callback: Callable[[float], None]) -> None:
        self._armed = True
        self._callback = callback

    def eventFilter(self, obj, event) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback(time.monotonic())
