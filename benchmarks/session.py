"""The desktop the measured processes run in, and how they are started.

* An X display: the caller's DISPLAY, or an Xvfb started here on a display
  number Xvfb picks itself (``-displayfd``), so parallel test sessions on the
  machine never collide with it.
* A private D-Bus session bus, so notifications never pop up on a real
  desktop and every run sees the same bus (no notification service: the app
  shows its in-window banner).
* The fakes' process (fakes_proc.py) and the environment pointing the app at
  it, with API keys from the environment (the keyring is never touched).

Only processes started here are stopped here, each by its own handle.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _read_line_from_fd(fd: int, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    data = b""
    os.set_blocking(fd, False)
    while not data.endswith(b"\n"):
        if time.monotonic() > deadline:
            raise TimeoutError("no answer from a helper process")
        try:
            chunk = os.read(fd, 256)
        except BlockingIOError:
            time.sleep(0.02)
            continue
        if not chunk:
            break
        data += chunk
    return data.decode().strip()


@dataclass
class Session:
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    control_url: str = ""
    xvfb_note: str = ""
    _owned: list[subprocess.Popen] = field(default_factory=list)
    _fakes: subprocess.Popen | None = None
    _processes: int = 0

    # -- setting up ---------------------------------------------------------

    def start(self) -> "Session":
        base = {k: v for k, v in os.environ.items() if not k.startswith("TEMPMAIL_")}
        runtime = self.workdir / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        base["XDG_RUNTIME_DIR"] = str(runtime)
        base["QT_QPA_PLATFORM"] = "xcb"
        base["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        base.pop("QT_SCALE_FACTOR", None)
        display = os.environ.get("DISPLAY")
        if display:
            base["DISPLAY"] = display
            self.xvfb_note = f"the caller's display {display}"
        else:
            base["DISPLAY"] = self._start_xvfb()
        base["DBUS_SESSION_BUS_ADDRESS"] = self._start_dbus()
        self.env = base
        self._start_fakes()
        return self

    def _start_xvfb(self) -> str:
        if shutil.which("Xvfb") is None:
            raise SystemExit("DISPLAY is not set and Xvfb is not installed (apt-get install xvfb)")
        read_end, write_end = os.pipe()
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        self._owned.append(proc)
        try:
            number = _read_line_from_fd(read_end, 15)
        finally:
            os.close(read_end)
        self.xvfb_note = f"Xvfb :{number}, 1280x800x24, started for the run"
        return f":{number}"

    def _start_dbus(self) -> str:
        if shutil.which("dbus-daemon") is None:
            # No bus at all, and no X11 autolaunch of one either.
            return "unix:path=/nonexistent/tempmail-bench-bus"
        read_end, write_end = os.pipe()
        proc = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--print-address={write_end}"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        self._owned.append(proc)
        try:
            return _read_line_from_fd(read_end, 15)
        finally:
            os.close(read_end)

    def _start_fakes(self) -> None:
        self._fakes = subprocess.Popen(
            [PYTHON, str(ROOT / "benchmarks" / "fakes_proc.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=self.env, cwd=ROOT, text=True,
        )
        line = self._fakes.stdout.readline()
        if not line:
            raise RuntimeError("the fakes' process did not start")
        hello = json.loads(line)
        self.env.update(hello["env"])
        self.control_url = hello["control"]

    def reset_fakes(self) -> None:
        import urllib.request

        request = urllib.request.Request(self.control_url + "/reset", data=b"{}", method="POST")
        with urllib.request.urlopen(request, timeout=30):
            pass

    # -- running a measured process -------------------------------------------

    def run(self, argv: list[str], *, home: Path | None, timeout: float) -> tuple[float, int | None]:
        """Start ``argv`` (a Python script and its arguments); returns (spawn moment,
        exit code), the exit code None when it had to be killed after ``timeout``.

        The spawn moment is taken just before the fork, on the clock the
        child's own timestamps use.
        """
        env = self._env_for(home)
        spawned = time.monotonic()
        proc = subprocess.Popen([PYTHON, *argv], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
            sys.stderr.write(stderr[-6000:])
            sys.stderr.write(f"{' '.join(argv[:2])}: killed after {timeout:g} s\n")
            return spawned, None
        if proc.returncode != 0 and stderr:
            sys.stderr.write(stderr[-6000:])
        return spawned, proc.returncode

    def spawn(self, argv: list[str], *, home: Path | None) -> tuple[float, subprocess.Popen]:
        """Like :meth:`run` without waiting (for processes measured side by side)."""
        env = self._env_for(home)
        spawned = time.monotonic()
        proc = subprocess.Popen([PYTHON, *argv], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return spawned, proc

    def _env_for(self, home: Path | None) -> dict[str, str]:
        env = dict(self.env)
        if home is not None:
            env["TEMPMAIL_HOME"] = str(home)
        # The app's single-instance socket lives in the temp folder: a private
        # one per process, so neither a running copy of the app on this
        # machine nor a sibling measured beside it gets the launch handed over.
        self._processes += 1
        private_tmp = self.workdir / "tmp" / str(self._processes)
        private_tmp.mkdir(parents=True, exist_ok=True)
        env["TMPDIR"] = str(private_tmp)
        return env

    # -- tearing down -------------------------------------------------------------

    def stop(self) -> None:
        if self._fakes is not None:
            try:
                self._fakes.stdin.close()
                self._fakes.wait(15)
            except (OSError, subprocess.TimeoutExpired):
                self._fakes.kill()
                self._fakes.wait()
        for proc in reversed(self._owned):
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._owned.clear()


def new_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="tempmail-bench-"))
