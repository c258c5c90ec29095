"""Take the README screenshots of the real app, with mail in it, in English
and in Chinese, under Xvfb (run it through xvfb-run or with DISPLAY set).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py docs/screenshots
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import demo_fakes  # noqa: E402


async def shoot(app, language: str, out: Path, fakes: dict) -> None:
    from tempmail_desktop.service.settings import Settings
    from tempmail_desktop.ui.bootstrap import build_application

    settings = Settings.load()
    settings.set("ui.language", language)
    settings.set("ui.window_state", "")
    settings.save()
    parts = await build_application(app, request_quit=lambda: None)
    window = parts.window
    window.resize(1240, 760)
    window.bring_to_front()
    window.select_mailbox("gptmail", demo_fakes.DEMO_ADDRESS)
    window.controller.check_now()
    for _ in range(100):
        await asyncio.sleep(0.1)
        if window.message_model.rowCount() >= 3:
            break
    row = next(r for r in range(window.message_model.rowCount())
               if "GitHub" in window.message_model.message_at(r).subject)
    window.message_view.setCurrentIndex(window.message_proxy.mapFromSource(window.message_model.index(row, 0)))
    await asyncio.sleep(2.0)
    window.grab().save(str(out))
    print(f"wrote {out}")
    await parts.shutdown()


async def main_async(app, folder: Path) -> None:
    fakes = demo_fakes.start_all()
    try:
        for key, value in demo_fakes.environment(fakes).items():
            os.environ[key] = value
        demo_fakes.seed(fakes, demo_fakes.DEMO_ADDRESS)
        for language, name in (("en", "main-window-en.png"), ("zh_CN", "main-window-zh_CN.png")):
            with tempfile.TemporaryDirectory() as home:
                os.environ["TEMPMAIL_HOME"] = home
                from tempmail_desktop.service.mail import MailService
                from tempmail_desktop.service.secrets import Secrets
                from tempmail_desktop.service.settings import Settings
                from tempmail_desktop.service.store import Store

                store = Store()
                service = MailService(store=store, settings=Settings.load(), secrets=Secrets())
                await service.resolve_mailbox(demo_fakes.DEMO_ADDRESS, "gptmail")
                await service.create_mailbox("worker")
                await service.create_mailbox("catmails")
                await service.aclose()
                store.close()
                await shoot(app, language, folder / name, fakes)
    finally:
        for fake in fakes.values():
            fake.stop()


def main() -> int:
    from PySide6.QtWidgets import QApplication
    import qasync

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main_async(app, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
