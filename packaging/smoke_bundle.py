#!/usr/bin/env python3
"""Smoke-test the desktop app as a user meets it: on an X display with a
system tray, showing its window and tray icon, and bringing new mail from
loopback fake services (Cat Mails by push, GPTMail by polling).

    python packaging/smoke_bundle.py                                   # the bundle in dist/
    python packaging/smoke_bundle.py --app "/work/venv/bin/python -m tempmail_desktop"   # a source install

The same check runs on both, so a difference between them shows up here.
Run it inside scripts/desktop-session.sh for a D-Bus session; without one the
app must work all the same (--no-dbus forces that case).

Needs Xvfb, trayer and x11-utils (scripts/system-deps.sh) and the test extra
(aiohttp: the fakes). Prints a JSON report; exit status 1 names what failed.

What is checked, in order:
  tray host   trayer owns the X tray selection on a fresh Xvfb display
  window      a mapped top-level window titled "Tempmail Desktop", larger than 200x200
  tray icon   an embedded window of the app's (its pid or class) inside trayer's panel
  catmails    a mail pushed by the Cat Mails fake gives a new-mail notification
  gptmail     a mail delivered to the GPTMail fake is polled and notified
  exit        SIGTERM: exit status 0 within 10 s, "quitting" in the app log
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "tempmail-desktop"
DEFAULT_APP = REPO / "dist" / APP_NAME / APP_NAME
# The main window's title; the Chinese translation keeps the product name.
WINDOW_TITLES = ("Tempmail Desktop",)
MIN_WINDOW_SIZE = 200

# The same tray host as tests/ui/conftest.py (TRAYER_ARGS), kept in step by hand:
# importing that conftest would pull in pytest and a QApplication.
TRAYER_ARGS = ("--edge", "top", "--align", "right", "--SetDockType", "true", "--expand", "false",
               "--width", "10", "--height", "24", "--transparent", "false")

XVFB_WAIT_S = 10.0
TRAY_HOST_WAIT_S = 10.0
APP_START_WAIT_S = 45.0  # window, tray icon and push socket; a cold bundle on 2 busy cores is slow
MAIL_WAIT_S = 20.0
EXIT_WAIT_S = 10.0
POLL_S = 0.1

NOTIFICATION_LINE = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO tempmail\.notify: "
    r"new-mail notification via (?P<backend>\S+) for (?P<address>\S+)$", re.M)
LOG_STAMP_FORMAT = "%Y-%m-%d %H:%M:%S,%f"  # logging's asctime, local time
# One line of `xwininfo -tree`: 0x200003 "panel": ("panel" "trayer")  128x24+1152+0  +1152+0
TREE_LINE = re.compile(r'^\s*(?P<id>0x[0-9a-fA-F]+) (?:"(?P<name>.*)"|\(has no name\)): '
                       r'\((?P<cls>[^)]*)\)\s+(?P<w>\d+)x(?P<h>\d+)', re.M)


class SmokeFailure(Exception):
    """A check failed; the message says which and why."""


@dataclass
class XWindow:
    id: str
    name: str
    classes: tuple[str, ...]
    width: int
    height: int


def wait_for(condition: Callable[[], object], timeout_s: float) -> object:
    """Poll ``condition`` until it returns something truthy (returned) or time is up (None)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(POLL_S)


def stop_process(process: subprocess.Popen, grace_s: float = 5.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError:
        return ""


# -- X11 ----------------------------------------------------------------------


class X11:
    """The two X calls x11-utils does not offer: who owns the tray selection."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        lib = ctypes.CDLL(name)
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._lib = lib
        self._display = lib.XOpenDisplay(display.encode())
        if not self._display:
            raise SmokeFailure(f"tray host: cannot open X display {display}")

    def tray_owner(self, screen: int = 0) -> int:
        atom = self._lib.XInternAtom(self._display, f"_NET_SYSTEM_TRAY_S{screen}".encode(), 0)
        return int(self._lib.XGetSelectionOwner(self._display, atom))

    def close(self) -> None:
        self._lib.XCloseDisplay(self._display)


class Display:
    """x11-utils against one display."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.env = {**os.environ, "DISPLAY": name}

    def _run(self, *command: str) -> str:
        result = subprocess.run(command, capture_output=True, text=True, errors="replace", env=self.env)
        return result.stdout if result.returncode == 0 else ""

    def tree(self, window: str = "root") -> list[XWindow]:
        """Every window below ``window`` (all depths), as `xwininfo -tree` lists them."""
        target = ("-root",) if window == "root" else ("-id", window)
        out = self._run("xwininfo", "-tree", *target)
        windows = []
        for match in TREE_LINE.finditer(out):
            classes = tuple(re.findall(r'"([^"]*)"', match["cls"]))
            windows.append(XWindow(match["id"], match["name"] or "", classes, int(match["w"]), int(match["h"])))
        return windows

    def is_viewable(self, window: str) -> bool:
        return "Map State: IsViewable" in self._run("xwininfo", "-id", window)

    def pid_of(self, window: str) -> int | None:
        match = re.search(r"= (\d+)", self._run("xprop", "-id", window, "_NET_WM_PID"))
        return int(match[1]) if match else None


# -- the desktop: Xvfb and trayer --------------------------------------------------


def _read_display_number(fd: int) -> str:
    """The number Xvfb writes once it accepts clients. It writes the digits
    and the newline separately and dies if the second write finds the pipe
    closed, so read up to the newline."""
    text = b""
    deadline = time.monotonic() + XVFB_WAIT_S
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 64) if ready else b""
        if not chunk:
            break  # time is up, or Xvfb exited
        text += chunk
    return text.decode(errors="replace").strip() if text.endswith(b"\n") else ""


def start_xvfb(stack: contextlib.ExitStack, workdir: Path) -> str:
    """A new X server on a display number it picks itself (-displayfd: no
    guessing which numbers other test runs on this machine hold)."""
    if shutil.which("Xvfb") is None:
        raise SmokeFailure("xvfb: Xvfb is not installed (scripts/system-deps.sh)")
    read_end, write_end = os.pipe()
    errors = (workdir / "xvfb.err").open("wb")
    stack.callback(errors.close)
    try:
        process = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                                    "-nolisten", "tcp"], pass_fds=(write_end,),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
    finally:
        os.close(write_end)
    stack.callback(stop_process, process)
    try:
        number = _read_display_number(read_end)
    finally:
        os.close(read_end)
    if not number.isdigit():
        raise SmokeFailure(f"xvfb: no display within {XVFB_WAIT_S:.0f} s (exit status {process.poll()}): "
                           f"{tail(workdir / 'xvfb.err', 500).strip() or 'no output'}")
    return f":{number}"


def start_trayer(stack: contextlib.ExitStack, display: Display, workdir: Path) -> tuple[subprocess.Popen, str]:
    """trayer on the display; returns it and its panel window (where icons are embedded)."""
    trayer = shutil.which("trayer")
    if trayer is None:
        raise SmokeFailure("tray host: trayer is not installed (scripts/system-deps.sh)")
    errors = (workdir / "trayer.err").open("wb")
    stack.callback(errors.close)
    process = subprocess.Popen([trayer, *TRAYER_ARGS], env=display.env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
    stack.callback(stop_process, process)
    x11 = X11(display.name)
    try:
        owned = wait_for(lambda: x11.tray_owner() or process.poll() is not None, TRAY_HOST_WAIT_S)
        owner = x11.tray_owner()
    finally:
        x11.close()
    if not owned or not owner:
        raise SmokeFailure(f"tray host: trayer gave no system tray within {TRAY_HOST_WAIT_S:.0f} s "
                           f"(exit status {process.poll()}): {tail(workdir / 'trayer.err', 500).strip() or 'no output'}")

    def panel() -> str | None:
        # trayer's panel is the top-level window of its process classed ("panel", "trayer").
        for window in display.tree():
            if window.classes == ("panel", "trayer") and display.pid_of(window.id) == process.pid:
                return window.id
        return None

    panel_id = wait_for(panel, TRAY_HOST_WAIT_S)
    if not panel_id:
        raise SmokeFailure("tray host: trayer owns the tray but shows no panel window")
    return process, str(panel_id)


# -- the fake services and the mailboxes the app opens -----------------------------


def start_fakes(stack: contextlib.ExitStack) -> tuple[object, dict]:
    for folder in (REPO, REPO / "scripts"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    try:
        import demo_fakes
    except ImportError as exc:
        raise SmokeFailure(f"fakes: cannot import the loopback fakes ({exc}); install the test extra: "
                           "pip install -e '.[test]'") from exc
    fakes = demo_fakes.start_all()
    for fake in fakes.values():
        stack.callback(fake.stop)
    demo_fakes.seed(fakes, demo_fakes.DEMO_ADDRESS)
    return demo_fakes, fakes


async def _prepare_store(gptmail_address: str) -> dict[str, str]:
    """The mailboxes, as a user who used the app before would have them: GPTMail
    first (the window selects it at start, so it polls at the quick rate), then
    a new Cat Mails address. Both listed once, so the seeded mail is old news."""
    from tempmail_desktop.service.mail import MailService
    from tempmail_desktop.service.secrets import Secrets
    from tempmail_desktop.service.settings import Settings
    from tempmail_desktop.service.store import Store

    store = Store()
    service = MailService(store=store, settings=Settings.load(), secrets=Secrets())
    try:
        gptmail = await service.resolve_mailbox(gptmail_address, "gptmail")
        catmails = await service.create_mailbox("catmails")
        for mailbox in (gptmail, catmails):
            await service.refresh(mailbox)
    finally:
        await service.aclose()
        store.close()
    return {"gptmail": gptmail.address, "catmails": catmails.address}


def prepare_store(gptmail_address: str) -> dict[str, str]:
    try:
        return asyncio.run(_prepare_store(gptmail_address))
    except ImportError as exc:
        raise SmokeFailure(f"store: tempmail_desktop does not import in this Python ({exc})") from exc
    except Exception as exc:  # the fakes refused, or the store would not open: no app to test then
        raise SmokeFailure(f"store: could not create the mailboxes: {type(exc).__name__}: {exc}") from exc


# -- the app ------------------------------------------------------------------


def app_command(spec: str | None) -> list[str]:
    if spec is None:
        if not DEFAULT_APP.is_file():
            raise SmokeFailure(f"app: no bundle at {DEFAULT_APP}: run packaging/build.sh first")
        return [str(DEFAULT_APP)]
    command = shlex.split(spec)
    if not command:
        raise SmokeFailure("app: --app is empty")
    return command


class LogWatcher:
    """Reads the app log from where the last look ended, so only new lines count."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def text_since(self, offset: int) -> str:
        try:
            with self.path.open("rb") as handle:
                handle.seek(offset)
                return handle.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def notification_since(self, offset: int, address: str) -> re.Match | None:
        for match in NOTIFICATION_LINE.finditer(self.text_since(offset)):
            if match["address"].lower() == address.lower():
                return match
        return None


class Smoke:
    def __init__(self, command: list[str], *, use_dbus: bool) -> None:
        self.command = command
        self.use_dbus = use_dbus and bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
        self.report: dict = {"app": shlex.join(command), "dbus": self.use_dbus, "checks": {}}
        self.failures: list[str] = []

    def passed(self, check: str, **details) -> None:
        self.report["checks"][check] = {"ok": True, **details}

    def failed(self, check: str, message: str, **details) -> None:
        self.report["checks"][check] = {"ok": False, "error": message, **details}
        self.failures.append(f"{check}: {message}")

    def run(self) -> dict:
        with contextlib.ExitStack() as stack:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tempmail-smoke-")))
            try:
                self._run(stack, workdir)
            except SmokeFailure as exc:
                check, _, message = str(exc).partition(": ")
                self.failed(check, message)
        self.report["ok"] = not self.failures
        self.report["failures"] = self.failures
        return self.report

    def _run(self, stack: contextlib.ExitStack, workdir: Path) -> None:
        home = workdir / "home"
        app_tmp = workdir / "tmp"  # the app's single-instance socket lives here, away from other copies
        home.mkdir()
        app_tmp.mkdir()

        display = Display(start_xvfb(stack, workdir))
        trayer, panel = start_trayer(stack, display, workdir)
        self.report["display"] = display.name
        self.passed("tray host", trayer_pid=trayer.pid, panel=panel)
        panel_before = {w.id for w in display.tree(panel)}

        demo_fakes, fakes = start_fakes(stack)
        fake_env = demo_fakes.environment(fakes)
        # The store is prepared in this process with the app's own code, so it
        # must see the same home and services the app will.
        os.environ.update(fake_env)
        os.environ["TEMPMAIL_HOME"] = str(home)
        addresses = prepare_store(demo_fakes.DEMO_ADDRESS)
        self.report["mailboxes"] = addresses

        env = {key: value for key, value in os.environ.items() if not key.startswith("TEMPMAIL_")}
        env.update(fake_env)
        env.update(DISPLAY=display.name, TEMPMAIL_HOME=str(home), TMPDIR=str(app_tmp),
                   QT_QPA_PLATFORM="xcb")
        if not self.use_dbus:
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        log = LogWatcher(home / "logs" / f"{APP_NAME}.log")
        output = (workdir / "app.out").open("wb")
        stack.callback(output.close)
        started = time.monotonic()
        try:
            app = subprocess.Popen(self.command, env=env, cwd=app_tmp, stdin=subprocess.DEVNULL,
                                   stdout=output, stderr=subprocess.STDOUT)
        except OSError as exc:
            raise SmokeFailure(f"app: cannot start {shlex.join(self.command)}: {exc}") from exc
        stack.callback(stop_process, app)
        try:
            self._check_running_app(app, display, panel, panel_before, fakes, addresses, log, started)
        finally:
            if self.failures:
                self.report["app_output"] = tail(workdir / "app.out", 2000)
                self.report["app_log"] = tail(log.path, 3000)

    def _check_running_app(self, app: subprocess.Popen, display: Display, panel: str, panel_before: set[str],
                           fakes: dict, addresses: dict[str, str], log: LogWatcher, started: float) -> None:
        window = wait_for(lambda: self._main_window(display) or app.poll() is not None, APP_START_WAIT_S)
        if app.poll() is not None:
            raise SmokeFailure(f"window: the app exited with status {app.returncode} while starting")
        if isinstance(window, XWindow):
            self.passed("window", id=window.id, title=window.name, size=f"{window.width}x{window.height}",
                        after_s=round(time.monotonic() - started, 2))
        else:
            self.failed("window", f"no mapped window titled {' or '.join(map(repr, WINDOW_TITLES))} larger than "
                        f"{MIN_WINDOW_SIZE}x{MIN_WINDOW_SIZE} within {APP_START_WAIT_S:.0f} s",
                        top_level=[f"{w.name!r} {w.width}x{w.height}" for w in display.tree() if w.name][:12])

        icon = wait_for(lambda: self._tray_icon(display, panel, panel_before, app.pid), APP_START_WAIT_S)
        if icon:
            self.passed("tray icon", **icon)
        else:
            self.failed("tray icon", f"no window of the app embedded in trayer's panel within {APP_START_WAIT_S:.0f} s",
                        panel_children=[f"{w.id} {w.classes}" for w in display.tree(panel)])

        catmails = fakes["catmails"]
        if not wait_for(lambda: catmails.sockets_open() > 0 or app.poll() is not None, APP_START_WAIT_S) \
                or app.poll() is not None:
            self.failed("catmails", f"the app opened no push socket within {APP_START_WAIT_S:.0f} s")
        else:
            # One at a time: two mails within the notifier's grouping window would share one notification.
            self._deliver_and_wait("catmails", addresses["catmails"], log, app, lambda: catmails.deliver(
                addresses["catmails"], sender="alerts@example.org", subject="Smoke test: pushed",
                content="Your sign-in code is 502913."))
        gptmail = fakes["gptmail"]
        self._deliver_and_wait("gptmail", addresses["gptmail"], log, app, lambda: gptmail.deliver(
            addresses["gptmail"], sender="noreply@example.com", sender_name="Example",
            subject="Smoke test: polled", text="Your sign-in code is 718305."))

        self._stop(app, log)

    @staticmethod
    def _main_window(display: Display) -> XWindow | None:
        for window in display.tree():
            if any(title in window.name for title in WINDOW_TITLES) \
                    and window.width > MIN_WINDOW_SIZE and window.height > MIN_WINDOW_SIZE \
                    and display.is_viewable(window.id):
                return window
        return None

    @staticmethod
    def _tray_icon(display: Display, panel: str, panel_before: set[str], pid: int) -> dict | None:
        """The app's icon window inside the panel: known by its pid or class; a
        window trayer added for it (its socket) does not count on its own."""
        for window in display.tree(panel):
            if window.id in panel_before:
                continue
            if display.pid_of(window.id) == pid:
                return {"id": window.id, "class": list(window.classes), "matched": "_NET_WM_PID"}
            if any(APP_NAME in c.lower() for c in window.classes):
                return {"id": window.id, "class": list(window.classes), "matched": "WM_CLASS"}
        return None

    def _deliver_and_wait(self, provider: str, address: str, log: LogWatcher, app: subprocess.Popen,
                          deliver: Callable[[], str]) -> None:
        offset = log.size()
        delivered_at = datetime.now()
        delivered = time.monotonic()
        message_id = deliver()
        wait_for(lambda: log.notification_since(offset, address) or app.poll() is not None, MAIL_WAIT_S)
        line = log.notification_since(offset, address)
        if line is None:
            reason = f"the app exited with status {app.returncode}" if app.poll() is not None else \
                f"no new-mail notification for {address} within {MAIL_WAIT_S:.0f} s"
            self.failed(provider, reason, address=address, message_id=message_id)
            return
        seen_after = time.monotonic() - delivered
        try:
            logged_after = (datetime.strptime(line["stamp"], LOG_STAMP_FORMAT) - delivered_at).total_seconds()
        except ValueError:
            logged_after = seen_after
        self.passed(provider, address=address, message_id=message_id, backend=line["backend"],
                    delay_s=round(max(logged_after, 0.0), 3))

    def _stop(self, app: subprocess.Popen, log: LogWatcher) -> None:
        if app.poll() is not None:
            self.failed("exit", f"the app had already exited with status {app.returncode} before SIGTERM")
            return
        offset = log.size()
        asked = time.monotonic()
        app.send_signal(signal.SIGTERM)
        try:
            status = app.wait(EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            self.failed("exit", f"still running {EXIT_WAIT_S:.0f} s after SIGTERM")
            return
        took = round(time.monotonic() - asked, 2)
        quitting = re.search(r" tempmail\.app: quitting$", log.text_since(offset), re.M) is not None
        if status != 0:
            self.failed("exit", f"exit status {status} after SIGTERM", after_s=took)
        elif not quitting:
            self.failed("exit", "exited 0 but the log has no \"quitting\" line", after_s=took)
        else:
            self.passed("exit", status=status, after_s=took)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", help=f"the command that starts the app (default: {DEFAULT_APP.relative_to(REPO)})")
    parser.add_argument("--no-dbus", action="store_true", help="run the app without the D-Bus session bus")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(errors="backslashreplace")
    try:
        command = app_command(args.app)
    except SmokeFailure as exc:
        print(json.dumps({"ok": False, "failures": [str(exc)]}, indent=2))
        return 1
    report = Smoke(command, use_dbus=not args.no_dbus).run()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    for failure in report["failures"]:
        print(f"FAIL  {failure}", file=sys.stderr)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
