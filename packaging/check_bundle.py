#!/usr/bin/env python3
"""Check a built bundle: its size against the budget, that it is complete,
and that it works (its own --self-test).

    python packaging/check_bundle.py                  # dist/tempmail-desktop and its archive
    python packaging/check_bundle.py --dist other/dist --no-self-test

Exit status 1 when anything is over budget or broken. The budgets hold on
Linux x86-64, where they were set; elsewhere the sizes are only reported
(--enforce-budget applies them anyway).

What is checked:
  size       the folder and the .tar.xz archive, in MB (10^6 bytes)
  libraries  (Linux) every shared library the bundle carries finds the Qt,
             ICU, PySide and Python libraries it links to inside the bundle
  self-test  `tempmail-desktop --self-test` says ok; run it in a desktop
             session with QT_QPA_PLATFORM=offscreen (see selftest-ci.sh)
  data       when this Python can import tempmail_desktop: the bundle uses
             the same data folder as a source install, and logs where a
             source install does
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "tempmail-desktop"
FOLDER_BUDGET_MB = 130.0
ARCHIVE_BUDGET_MB = 55.0
SELF_TEST_TIMEOUT = 120  # seconds; a keyring waiting on a prompt must not hang CI
# Libraries the bundle must carry itself; anything else missing is the host's business.
BUNDLED_LIBRARY = re.compile(r"^lib(Qt6\w+|icu\w+|pyside6\S*|shiboken6\S*|python3\S*)\.so")

failures: list[str] = []


def fail(message: str) -> None:
    failures.append(message)
    print(f"FAIL  {message}")


def ok(message: str) -> None:
    print(f"ok    {message}")


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def folder_size(folder: Path) -> int:
    """Bytes of the files in the folder, as they sit on disk uncompressed;
    symbolic links count as nothing (they point inside the folder)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def find_archive(dist: Path) -> Path | None:
    candidates = sorted(dist.glob(f"{APP_NAME}-*-linux-*.tar.xz"), key=lambda p: p.stat().st_mtime)
    return candidates[-1] if candidates else None


def check_sizes(bundle: Path, archive: Path | None, enforce: bool) -> None:
    size = folder_size(bundle)
    line = f"folder {bundle}: {megabytes(size)}, budget {FOLDER_BUDGET_MB:.0f} MB"
    if enforce and size > FOLDER_BUDGET_MB * 1e6:
        fail(line)
    else:
        ok(line)
    if archive is None:
        if enforce:
            fail(f"no {APP_NAME}-<version>-linux-<arch>.tar.xz in {bundle.parent}: run packaging/build.sh")
        return
    size = archive.stat().st_size
    line = f"archive {archive.name}: {megabytes(size)}, budget {ARCHIVE_BUDGET_MB:.0f} MB"
    if enforce and size > ARCHIVE_BUDGET_MB * 1e6:
        fail(line)
    else:
        ok(line)


def check_libraries(bundle: Path) -> None:
    """ldd every shared object with the bundle's own library path, the way
    the program's loader resolves them."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal), "LC_ALL": "C"}
    over_pruned: dict[str, set[str]] = {}
    from_host: set[str] = set()
    count = 0
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        count += 1
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for name in re.findall(r"^\s*(\S+) => not found", result.stdout, re.M):
            if BUNDLED_LIBRARY.match(name):
                over_pruned.setdefault(name, set()).add(str(path.relative_to(bundle)))
            else:
                from_host.add(name)
    if over_pruned:
        for name, users in sorted(over_pruned.items()):
            fail(f"libraries: {name} is missing from the bundle (needed by {', '.join(sorted(users))})")
    else:
        ok(f"libraries: {count} shared objects find their Qt/ICU/PySide/Python libraries in the bundle")
    if from_host:
        # Expected for what the spec leaves to the host (e.g. Wayland's client
        # library on a machine without Wayland): the plugin that needs it just
        # does not load there.
        print(f"note  not on this machine, to come from the user's system: {', '.join(sorted(from_host))}")


def run_self_test(program: Path) -> dict | None:
    started = time.monotonic()
    try:
        result = subprocess.run([str(program), "--self-test"], capture_output=True, text=True,
                                encoding="utf-8", errors="replace",
                                timeout=SELF_TEST_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        fail(f"self-test: no answer within {SELF_TEST_TIMEOUT} s")
        return None
    except OSError as exc:
        fail(f"self-test: cannot start {program}: {exc}")
        return None
    elapsed = time.monotonic() - started
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        fail(f"self-test: exit status {result.returncode} and no JSON report")
        print(result.stdout[-4000:], result.stderr[-4000:], sep="\n")
        return None
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if report.get("ok") is True and result.returncode == 0:
        ok(f"self-test: every check passed ({elapsed:.1f} s, frozen={report.get('frozen')})")
    else:
        fail(f"self-test: ok={report.get('ok')}, failed checks: {', '.join(report.get('missing', [])) or '?'}")
    if report.get("frozen") is not True:
        fail("self-test: the program did not report itself frozen: is this really the bundle?")
    return report


def check_same_folders_as_source(report: dict, started: float) -> None:
    """The bundle and a source install must share state: same data folder,
    same log folder (platformdirs, or TEMPMAIL_HOME when set)."""
    sys.path.insert(0, str(REPO))
    try:
        from tempmail_desktop.service.paths import data_dir, log_dir
    except ImportError as exc:
        print(f"note  data/log folders not compared: tempmail_desktop does not import here ({exc})")
        return
    store = next((c for c in report.get("checks", []) if c.get("check") == "store"), {})
    match = re.search(r"data at (.+)$", store.get("detail", ""))
    expected = data_dir()
    where = "TEMPMAIL_HOME" if os.environ.get("TEMPMAIL_HOME") else "platformdirs"
    if not match:
        fail(f"data: the self-test did not say where the data is: {store.get('detail')!r}")
    elif Path(match.group(1)) != expected:
        fail(f"data: the bundle uses {match.group(1)}, a source install {expected}")
    else:
        ok(f"data: bundle and source install both use {expected} ({where})")

    log_file = log_dir() / f"{APP_NAME}.log"
    if log_file.is_file() and log_file.stat().st_mtime >= started - 1:
        ok(f"log: the bundle wrote to {log_file}")
    else:
        fail(f"log: nothing written to {log_file} during the self-test")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="folder holding the bundle (default: dist)")
    parser.add_argument("--archive", type=Path, help="the archive to measure (default: newest in --dist)")
    parser.add_argument("--no-self-test", action="store_true", help="only measure and inspect")
    parser.add_argument("--enforce-budget", action="store_true", help="apply the size budgets on any platform")
    args = parser.parse_args(argv)
    # The report may hold Chinese text; a Windows console's code page must not end the check.
    sys.stdout.reconfigure(errors="backslashreplace")

    bundle = args.dist / APP_NAME
    program = bundle / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)
    if not program.is_file():
        print(f"FAIL  no bundle at {bundle}: run packaging/build.sh first")
        return 1
    is_linux = sys.platform.startswith("linux")
    enforce = args.enforce_budget or (is_linux and platform.machine() in ("x86_64", "AMD64"))
    archive = args.archive or (find_archive(args.dist) if is_linux else None)

    check_sizes(bundle, archive, enforce)
    if is_linux:
        check_libraries(bundle)
    if not args.no_self_test:
        started = time.time()
        report = run_self_test(program)
        if report is not None:
            check_same_folders_as_source(report, started)

    if failures:
        print(f"\n{len(failures)} problem(s):")
        for message in failures:
            print(f"  - {message}")
        return 1
    print("\nThe bundle is within budget and works.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
