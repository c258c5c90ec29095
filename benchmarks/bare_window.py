"""The baseline: the least a PySide6 program does to put a window on screen.

    python benchmarks/bare_window.py OUT.json [IDLE_SECONDS]

QApplication + QMainWindow + show; the first frame is timed exactly as in the
app (qtprobes.FirstFrame), then it idles IDLE_SECONDS (0: exits at once) and
writes its resident memory.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from benchmarks.qtprobes import FirstFrame, memory_kib  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1])
    idle_s = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1200, 760)  # the app's default size: the same pixels to paint
    result: dict = {}

    def finish() -> None:
        result["memory_idle"] = memory_kib()
        result["idle_s"] = idle_s
        out.write_text(json.dumps(result))
        app.quit()

    def frame_done() -> None:
        result["first_frame"] = frame.as_dict()
        result["memory_at_frame"] = memory_kib()
        QTimer.singleShot(int(idle_s * 1000), finish)

    frame = FirstFrame(app, on_done=frame_done)
    window.show()
    frame.watch(window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
