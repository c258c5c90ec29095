"""Benchmarks of Tempmail Desktop on the loopback fakes.

    python benchmarks/run.py [--quick] [--json OUT.json] [--only SECTION,...] [--strict]

Sections: start, memory, smoothness, lists, delivery, quota, bundle. Each
figure is the median of several runs with min and max (``--quick``: one run
each, and the non-quota services' simulated day shortened to 2 hours and
scaled). Prints a table with each target and PASS/MISS; ``--json`` also
writes every sample. ``--strict`` exits 1 when a target is missed.

Everything runs against the fakes on 127.0.0.1, in an Xvfb started here when
DISPLAY is unset, with a private D-Bus session bus. BENCHMARKS.md explains
each measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import seed  # noqa: E402
from benchmarks.report import (  # noqa: E402
    Figure,
    Row,
    describe,
    fmt_count,
    fmt_mib,
    fmt_ms,
    fmt_seconds,
    judged,
    render_table,
)
from benchmarks.session import Session, new_workdir  # noqa: E402

SECTIONS = ("start", "memory", "smoothness", "hostile", "lists", "delivery", "quota", "bundle")

# Targets (issue 5).
START_RATIO = 1.5
MEMORY_RATIO = 1.5
STALL_MS = 100.0
LIST_LOAD_S = 0.200
LIST_FILTER_S = 0.050
PUSH_S = 1.0
POLL_SLACK_S = 1.0
GPTMAIL_DAILY_CALLS = 2000
BUNDLE_FOLDER_MB = 130
BUNDLE_ARCHIVE_MB = 55

DELIVERY_SECTION = "Delivery: service accepts a mail -> notification raised"


@dataclass(frozen=True)
class Plan:
    quick: bool
    start_runs: int
    memory_runs: int
    idle_s: float
    smooth_runs: int
    lists_runs: int
    delivery_samples: int
    quota_hours: float  # of the non-quota services' "day"; GPTMail always simulates 24 h

    @classmethod
    def make(cls, quick: bool) -> "Plan":
        if quick:
            return cls(True, 1, 1, 5.0, 1, 1, 1, 2.0)
        return cls(False, 7, 3, 60.0, 3, 5, 7, 24.0)


class Bench:
    def __init__(self, plan: Plan, session: Session, workdir: Path) -> None:
        self.plan = plan
        self.session = session
        self.workdir = workdir
        self.rows: list[Row] = []
        self.raw: dict = {}
        self._serial = 0
        self._templates: dict[str, Path] = {}
        self.exit_problems: list[str] = []
        # Rows derived from another section, shown after that section's own rows.
        self.late_rows: list[Row] = []

    # -- homes and processes ------------------------------------------------

    def _home(self, kind: str) -> Path:
        if kind not in self._templates:
            prepare = seed.prepare_start_home if kind == "start" else seed.prepare_lists_home
            self._templates[kind] = prepare(self.workdir / f"template-{kind}")
        self._serial += 1
        return seed.fresh_copy(self._templates[kind], self.workdir / "homes" / f"{kind}-{self._serial}")

    def _out(self) -> Path:
        self._serial += 1
        return self.workdir / "out" / f"result-{self._serial}.json"

    @staticmethod
    def _read(out: Path, what: str) -> dict:
        if not out.exists():
            raise RuntimeError(f"{what} wrote no result (see its stderr above)")
        result = json.loads(out.read_text())
        if "error" in result:
            raise RuntimeError(f"{what} failed:\n{result['error']}")
        return result

    def app(self, scenario: str, home_kind: str, options: dict | None = None, timeout: float = 240) -> tuple[float, dict]:
        out = self._out()
        out.parent.mkdir(parents=True, exist_ok=True)
        options = {**(options or {}), "watchdog_s": timeout - 10}
        argv = ["benchmarks/app_driver.py", scenario, str(out), json.dumps(options)]
        spawned, code = self.session.run(argv, home=self._home(home_kind), timeout=timeout)
        result = self._read(out, f"the app ({scenario})")
        if code != 0:
            # The figures are in; the app then failed to quit cleanly, which is news too.
            self.exit_problems.append(f"{scenario}: the app " + ("had to be killed" if code is None else f"exited {code}"))
        return spawned, result

    def bare(self, idle_s: float = 0.0) -> tuple[float, dict]:
        out = self._out()
        out.parent.mkdir(parents=True, exist_ok=True)
        spawned, _ = self.session.run(["benchmarks/bare_window.py", str(out), str(idle_s)], home=None,
                                      timeout=60 + idle_s)
        return spawned, self._read(out, "the bare window")

    def add(self, section: str, name: str, result: str, **fields) -> None:
        self.rows.append(Row(section, name, result, **fields))

    # -- 1. start -----------------------------------------------------------

    def start(self) -> None:
        # One unmeasured launch of each: .pyc files and the page cache warm.
        self.app("start", "start")
        self.bare()
        samples: dict[str, list[float]] = {f"{which}_{what}": [] for which in ("app", "bare")
                                           for what in ("s", "exposed_s", "kernel_age_s")}
        for run in range(self.plan.start_runs):
            order = ("app", "bare") if run % 2 == 0 else ("bare", "app")  # neither always goes first
            for which in order:
                spawned, result = self.app("start", "start") if which == "app" else self.bare()
                frame = result["first_frame"]
                samples[f"{which}_s"].append(frame["frame_done_at"] - spawned)
                samples[f"{which}_exposed_s"].append(frame["exposed_at"] - spawned)
                # The same moment by the kernel's start time of the process (10 ms ticks), as a cross-check.
                samples[f"{which}_kernel_age_s"].append(frame["age_at_frame_done"])
        self.raw["start"] = samples
        app, bare = Figure(samples["app_s"]), Figure(samples["bare_s"])
        ratio = app.median / bare.median
        self.add("Start", "Process start to first frame, app (10 mailboxes, 1,000 mails)", describe(app, fmt_seconds))
        self.add("Start", "Process start to first frame, bare PySide6 window", describe(bare, fmt_seconds))
        self.add("Start", "App / bare window (medians)", f"{ratio:.2f}x", baseline=fmt_seconds(bare.median),
                 target=f"<= {START_RATIO}x", status=judged(ratio <= START_RATIO))

    # -- 2. memory ------------------------------------------------------------

    def memory(self) -> None:
        """App and bare processes idle side by side (RSS does not depend on CPU share)."""
        procs = []
        for _ in range(self.plan.memory_runs):
            out = self._out()
            out.parent.mkdir(parents=True, exist_ok=True)
            options = {"idle_s": self.plan.idle_s, "open": 200, "watchdog_s": self.plan.idle_s + 220}
            argv = ["benchmarks/app_driver.py", "memory", str(out), json.dumps(options)]
            procs.append(("app", out, self.session.spawn(argv, home=self._home("start"))[1]))
            out = self._out()
            argv = ["benchmarks/bare_window.py", str(out), str(self.plan.idle_s)]
            procs.append(("bare", out, self.session.spawn(argv, home=None)[1]))
        results = {"app": [], "bare": []}
        for which, out, proc in procs:
            try:
                _, stderr = proc.communicate(timeout=self.plan.idle_s + 240)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, stderr = proc.communicate()
            if proc.returncode and stderr:
                sys.stderr.write(stderr[-2000:])
            results[which].append(self._read(out, f"the {which} memory run"))
            if proc.returncode != 0:
                self.exit_problems.append(f"memory: the {which} process exited {proc.returncode}")
        self.raw["memory"] = results
        idle = Figure([r["memory_idle"]["VmRSS"] for r in results["app"]])
        bare = Figure([r["memory_idle"]["VmRSS"] for r in results["bare"]])
        opened = Figure([r["memory_opened"]["VmRSS"] for r in results["app"]])
        peak = Figure([r["memory_opened"]["VmHWM"] for r in results["app"]])
        idle_label = f"{self.plan.idle_s:g} s idle"
        ratio = idle.median / bare.median
        self.add("Memory", f"RSS after {idle_label}, app", describe(idle, fmt_mib))
        self.add("Memory", f"RSS after {idle_label}, bare PySide6 window", describe(bare, fmt_mib))
        self.add("Memory", "App / bare window after idle (medians)", f"{ratio:.2f}x", baseline=fmt_mib(bare.median),
                 target=f"<= {MEMORY_RATIO}x", status=judged(ratio <= MEMORY_RATIO))
        opened_count = min(r["opened"] for r in results["app"])
        self.add("Memory", f"RSS after opening {opened_count} mails one by one", describe(opened, fmt_mib),
                 baseline=f"+{(opened.median - idle.median) / 1024:.0f} MiB over idle")
        self.add("Memory", "Peak RSS (VmHWM) by then", describe(peak, fmt_mib))

    # -- 3. smoothness --------------------------------------------------------------

    SEGMENTS = (
        ("idle", "Idle window (probe noise floor)", False),
        ("arrive_50", "50 new mails arrive at once (listing, list reload, notification)", True),
        ("arrive_plain", "A 2 MB plain HTML mail arrives (listing)", True),
        ("open_plain", "Opening the 2 MB plain HTML mail", True),
        ("arrive_newsletter", "A 2 MB table-heavy newsletter arrives (listing)", True),
        ("open_newsletter", "Opening the 2 MB newsletter", True),
        ("relist_big", "Each later listing of that mailbox (both 2 MB mails in it)", True),
    )

    def smoothness(self) -> None:
        runs = []
        for _ in range(self.plan.smooth_runs):
            self.session.reset_fakes()
            runs.append(self.app("smooth", "start", {"control": self.session.control_url}, timeout=300)[1]["segments"])
        self.raw["smoothness"] = runs
        for key, label, targeted in self.SEGMENTS:
            figure = Figure([run[key]["longest_ms"] for run in runs])
            fields = {"target": f"<= {STALL_MS:.0f} ms (worst run)", "status": judged(figure.high <= STALL_MS)} \
                if targeted else {}
            self.add("Smoothness: longest event-loop stall", label, describe(figure, fmt_ms), **fields)
        for kind, label in (("plain", "plain HTML"), ("newsletter", "newsletter")):
            shown = Figure([run[f"open_{kind}"]["shown_s"] for run in runs])
            self.add("Smoothness: longest event-loop stall", f"(click to the 2 MB {label} fully shown)",
                     describe(shown, fmt_seconds))

    # -- 3b. hostile mail ---------------------------------------------------------

    def hostile(self) -> None:
        """benchmarks/hostile.py: each hostile mail in the reader, every UI event timed."""
        out = self._out()
        out.parent.mkdir(parents=True, exist_ok=True)
        _, code = self.session.run(["benchmarks/hostile.py", "--json", str(out)], home=self._home("start"), timeout=900)
        if code != 0 or not out.exists():
            raise RuntimeError(f"benchmarks/hostile.py exited {code}")
        result = json.loads(out.read_text())
        self.raw["hostile"] = result
        t = result["targets"]
        for row in result["rows"]:
            self.add("Hostile mail in the reader: longest UI event / click to fully shown / peak RSS", row["case"],
                     f"{fmt_ms(row['worst_event_ms'])} / {fmt_seconds(row['total_s'])} / {row['peak_rss_mb']:.0f} MB",
                     target=f"<= {t['event_ms']:.0f} ms / {t['total_s']:g} s / {t['peak_mb']:.0f} MB",
                     status=judged(bool(row["pass"])), note=row["worst_event"])

    # -- 4. lists --------------------------------------------------------------------

    def lists(self) -> None:
        runs = [self.app("lists", "lists")[1] for _ in range(self.plan.lists_runs)]
        self.raw["lists"] = runs
        section = "Lists: 10,000 mails"
        rows = runs[0]["rows"]
        read = Figure([r["store_read_s"] for r in runs])
        load = Figure([r["load_painted_s"] for r in runs])
        set_only = Figure([r["set_messages_s"] for r in runs])
        first = Figure([r["keystrokes"][0]["painted_s"] for r in runs])
        later = Figure([max(k["painted_s"] for k in r["keystrokes"][1:]) for r in runs])
        filter_only = Figure([max(k["filter_s"] for k in r["keystrokes"][1:]) for r in runs])
        select = Figure([r["select_mailbox_painted_s"] for r in runs])
        self.add(section, f"Store read of {rows:,} summaries", describe(read, fmt_seconds))
        self.add(section, "set_messages + first paint of the table", describe(load, fmt_seconds),
                 target=f"< {LIST_LOAD_S * 1000:.0f} ms", status=judged(load.median < LIST_LOAD_S),
                 baseline=f"set_messages alone {fmt_seconds(set_only.median)}")
        self.add(section, "Filter, first keystroke (builds the search text) + paint", describe(first, fmt_seconds),
                 target=f"< {LIST_FILTER_S * 1000:.0f} ms", status=judged(first.median < LIST_FILTER_S))
        self.add(section, "Filter, slowest later keystroke (incl. no match, clear) + paint",
                 describe(later, fmt_seconds), target=f"< {LIST_FILTER_S * 1000:.0f} ms",
                 status=judged(later.median < LIST_FILTER_S),
                 baseline=f"set_filter_text alone, slowest {fmt_seconds(filter_only.median)}")
        self.add(section, "Clicking the mailbox: store read + list + paint", describe(select, fmt_seconds))

    # -- 5. delivery ----------------------------------------------------------------------

    def delivery(self) -> None:
        from tempmail_desktop.providers.registry import provider_info

        poll_s = provider_info("gptmail").poll_active  # x1.0: the "normal" poll speed is the default
        self.session.reset_fakes()
        options = {"control": self.session.control_url, "samples": self.plan.delivery_samples, "poll_active_s": poll_s}
        result = self.app("delivery", "start", options, timeout=600)[1]
        self.raw["delivery"] = result
        section = DELIVERY_SECTION
        push = Figure([s["notified_s"] for s in result["push"]])
        push_in = Figure([s["in_app_s"] for s in result["push"] if s["in_app_s"] is not None])
        poll = Figure([s["notified_s"] for s in result["polling"]])
        poll_in = Figure([s["in_app_s"] for s in result["polling"] if s["in_app_s"] is not None])
        self.add(section, "Cat Mails push", describe(push, fmt_seconds), target=f"< {PUSH_S:g} s (worst)",
                 status=judged(push.high < PUSH_S), baseline=f"in the app after {fmt_seconds(push_in.median)}")
        limit = poll_s + POLL_SLACK_S
        self.add(section, f"GPTMail polling, selected mailbox (every {poll_s:g} s; every other mail sent just after a listing)", describe(poll, fmt_seconds),
                 target=f"<= {limit:g} s (worst)", status=judged(poll.high <= limit),
                 baseline=f"in the app after {fmt_seconds(poll_in.median)}")
        self.add(section, "Notification shown through", result["backend"])

    # -- 6. quota ------------------------------------------------------------------------

    def quota_start(self) -> list[tuple[str, Path, subprocess.Popen]]:
        """The simulations run as their own processes, beside the memory section."""
        procs = []
        for provider in ("gptmail", "tempmailg", "catmails", "worker"):
            out = self._out()
            out.parent.mkdir(parents=True, exist_ok=True)
            argv = ["benchmarks/quota.py", str(out)]
            if provider != "gptmail" and self.plan.quota_hours < 24:
                argv.append(f"--hours={self.plan.quota_hours:g}")
            argv.append(provider)
            procs.append((provider, out, self.session.spawn(argv, home=None)[1]))
        return procs

    def quota_finish(self, procs) -> None:
        results = {}
        for provider, out, proc in procs:
            try:
                _, stderr = proc.communicate(timeout=480)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, stderr = proc.communicate()
            if proc.returncode and stderr:
                sys.stderr.write(stderr[-2000:])
            if not out.exists():
                raise RuntimeError(f"the quota simulation of {provider} wrote no result")
            results.update(json.loads(out.read_text()))
        self.raw["quota"] = results
        section = "Quota: API calls, 5 watched mailboxes, default settings (simulated clock)"
        names = {"gptmail": "GPTMail", "tempmailg": "TempMailG", "catmails": "Cat Mails", "worker": "Worker"}
        for provider, name in names.items():
            day = results[provider]["day"]
            hours = day["simulated_s"] / 3600
            scale = 24 / hours
            calls = day["calls"]
            note = ""
            if scale != 1:
                # A shortened day (quick): the first hour as it was, the later hours scaled to 23.
                first = day["first_hour_calls"]
                calls = first + (day["calls"] - first) * 23 / (hours - 1)
                note = f"1st hour + {hours - 1:g} h x {23 / (hours - 1):g}"
            text = ("" if scale == 1 else "~") + fmt_count(calls)
            extra = {}
            if provider == "gptmail":
                extra = {"target": f"<= {GPTMAIL_DAILY_CALLS:,}", "status": judged(calls <= GPTMAIL_DAILY_CALLS)}
            if "counted_calls" in day:
                # Not scaled: only the first 10 minutes count, before the boxes expire.
                extra["baseline"] = f"{fmt_count(day['counted_calls'])} counted by its quota (2xx)"
                if calls > 2 * day["counted_calls"]:
                    extra["baseline"] += "; the rest are 404s for boxes expired after 10 min"
            if day["push_connects"]:
                extra["baseline"] = f"+{day['push_connects']} push connections"
            self.add(section, f"{name}: a day, one mailbox selected each hour", text, note=note, **extra)
            if "day_focused" in results[provider]:
                focused = results[provider]["day_focused"]
                self.add(section, f"{name}: a day looking at one mailbox (re-selected every 2.5 min)",
                         fmt_count(focused["calls"]), target=f"<= {GPTMAIL_DAILY_CALLS:,}",
                         status=judged(focused["calls"] <= GPTMAIL_DAILY_CALLS),
                         baseline=(f"that mailbox checked every {focused.get('focused_interval_median_s', 0):g} s "
                                   f"(median) after the first {focused['burst_lasts_s'] or 0:.0f} s"))
                if provider == "gptmail" and "hot_20min_max_gap_s" in focused:
                    gap = focused["hot_20min_max_gap_s"]
                    self.add(section, f"{name}: one hot mailbox beside four others, first 20 min: longest gap "
                             "between its checks", f"{gap:g} s", target="<= 6 s", status=judged(gap <= 6.0),
                             baseline=f"last check at {focused.get('hot_20min_last_check_s', 0):.0f} s")
                if provider == "gptmail":
                    self.add(section, f"{name}: a day of five mailboxes (issue 9 budget)", fmt_count(calls),
                             target="<= 1,700", status=judged(calls <= 1700))
                if provider == "gptmail" and "focused_interval_max_s" in focused:
                    self._steady_polling_row(focused)
        for provider, name in names.items():
            idle = results[provider]["idle_10min"]
            self.add(section, f"{name}: 10 min minimised, nothing active", fmt_count(idle["calls"]))

    def _steady_polling_row(self, focused: dict) -> None:
        """Polling delivery once the poll budget's burst is spent, from the simulated day."""
        from tempmail_desktop.providers.registry import provider_info

        limit = provider_info("gptmail").poll_active + POLL_SLACK_S
        worst = focused["focused_interval_max_s"]
        self.late_rows.append(Row(DELIVERY_SECTION,
                 f"GPTMail polling, selected mailbox, after {focused['burst_lasts_s'] / 60:.0f} min of looking at it "
                 "(quota simulation: gap between its checks)",
                 f"{focused['focused_interval_median_s']:g} s median, {worst:g} s worst",
                 target=f"<= {limit:g} s (worst)", status=judged(worst <= limit)))

    # -- 7. bundle ------------------------------------------------------------------------

    def bundle(self) -> None:
        folder = ROOT / "dist" / "tempmail-desktop"
        section = "Bundle (packaging/build.sh)"
        if not folder.is_dir():
            self.add(section, "dist/tempmail-desktop", "not built", target=f"<= {BUNDLE_FOLDER_MB} MB")
            self.add(section, "dist/tempmail-desktop-*.tar.xz", "not built", target=f"<= {BUNDLE_ARCHIVE_MB} MB")
            self.raw["bundle"] = None
            return
        size = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
        mb = size / 1e6
        self.add(section, "dist/tempmail-desktop (bytes in files)", f"{mb:.1f} MB", target=f"<= {BUNDLE_FOLDER_MB} MB",
                 status=judged(mb <= BUNDLE_FOLDER_MB))
        archives = sorted((ROOT / "dist").glob("tempmail-desktop-*.tar.xz"), key=lambda p: p.stat().st_mtime)
        raw = {"folder_bytes": size}
        if archives:
            archive = archives[-1]
            amb = archive.stat().st_size / 1e6
            raw["archive"] = {"name": archive.name, "bytes": archive.stat().st_size}
            self.add(section, archive.name, f"{amb:.1f} MB", target=f"<= {BUNDLE_ARCHIVE_MB} MB",
                     status=judged(amb <= BUNDLE_ARCHIVE_MB))
        else:
            self.add(section, "dist/tempmail-desktop-*.tar.xz", "not built", target=f"<= {BUNDLE_ARCHIVE_MB} MB")
        self.raw["bundle"] = raw


# -- the machine ---------------------------------------------------------------------------


def machine(session: Session) -> dict:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.partition(":")[2].strip()
        except OSError:
            pass
        return "?"

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    xvfb = "?"
    if shutil.which("dpkg-query"):  # Xvfb itself has no version option
        probe = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "xvfb"], capture_output=True, text=True, timeout=10)
        xvfb = probe.stdout.strip() or "?"
    code = {"commit": "?", "uncommitted_app_files": []}
    if shutil.which("git"):
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "tempmail_desktop"], cwd=ROOT,
                               capture_output=True, text=True)
        code = {"commit": head.stdout.strip() or "?",
                "uncommitted_app_files": [line[3:] for line in dirty.stdout.splitlines()]}
    return {
        "code": code,
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": first("/proc/cpuinfo", "model name"),
        "ram": first("/proc/meminfo", "MemTotal"),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "qt": qVersion(),
        "display": session.xvfb_note,
        "xvfb": xvfb,
    }


def app_code_stamps() -> dict[str, float]:
    """Modification times of the app's sources: the tree is shared, and a file
    changed during a run makes that run a mix of two versions."""
    return {str(p.relative_to(ROOT)): p.stat().st_mtime for p in (ROOT / "tempmail_desktop").rglob("*.py")}


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run of each (CI)")
    parser.add_argument("--json", type=Path, help="also write every figure and sample here")
    parser.add_argument("--only", help=f"comma-separated sections of: {', '.join(SECTIONS)}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (homes, logs) for a look")
    args = parser.parse_args(argv)
    chosen = SECTIONS if not args.only else tuple(s.strip() for s in args.only.split(","))
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    plan = Plan.make(args.quick)
    stamps = app_code_stamps()
    workdir = new_workdir()
    began = time.monotonic()
    session = Session(workdir)
    timings: dict[str, float] = {}
    loads: dict[str, str] = {}
    errors: dict[str, str] = {}
    try:
        session.start()
        about = machine(session)
        print(f"machine: {about['nproc']} CPUs ({about['cpu']}), {about['ram']} RAM, Python {about['python']}, "
              f"PySide6 {about['pyside6']} / Qt {about['qt']}; {about['display']}", flush=True)
        changed = about["code"]["uncommitted_app_files"]
        print(f"code: {about['code']['commit']}" + (f" + uncommitted changes to {', '.join(changed)}" if changed else ""),
              flush=True)
        bench = Bench(plan, session, workdir)

        def timed(name: str, step) -> None:
            loads[name] = loadavg()
            print(f"[{time.monotonic() - began:6.1f} s] {name}... (load average {loads[name]})", flush=True)
            started = time.monotonic()
            try:
                step()
            except Exception as exc:
                errors[name] = "".join(traceback.format_exception(exc))
                print(errors[name], file=sys.stderr, flush=True)
                bench.add(name.capitalize(), f"{name} could not be measured", f"ERROR: {exc}".splitlines()[0][:120])
            timings[name] = round(time.monotonic() - started, 1)

        quota_procs = None
        for name in chosen:
            if name == "quota":
                continue
            if name == "memory" and "quota" in chosen:
                # The simulated days run beside the idle minute: RSS does not
                # care about CPU share, and every timed section stays alone.
                quota_procs = bench.quota_start()
                timed("memory + quota", lambda: (bench.memory(), bench.quota_finish(quota_procs)))
                continue
            timed(name, getattr(bench, name))
        if "quota" in chosen and quota_procs is None:
            timed("quota", lambda: bench.quota_finish(bench.quota_start()))
    finally:
        session.stop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"work folder kept: {workdir}")

    order = {s: i for i, s in enumerate(["Start", "Memory", "Smoothness", "Hostile", "Lists", "Delivery", "Quota", "Bundle"])}
    rows = sorted(bench.rows + bench.late_rows, key=lambda r: next((i for p, i in order.items() if r.section.startswith(p)), 99))
    total = round(time.monotonic() - began, 1)
    print()
    print(render_table(rows))
    print()
    print(f"{'quick' if plan.quick else 'full'} run, {total} s; sections: "
          + ", ".join(f"{k} {v} s" for k, v in timings.items()))
    changed = sorted(name for name, stamp in app_code_stamps().items() if stamps.get(name) != stamp)
    if changed:
        print(f"WARNING: the app's code changed during this run ({', '.join(changed)}); rerun for figures of one version")
    for problem in bench.exit_problems:
        print(f"note: {problem}")
    missed = [r for r in rows if r.status == "MISS"]
    if args.json:
        args.json.write_text(json.dumps({
            "mode": "quick" if plan.quick else "full",
            "machine": about,
            "plan": plan.__dict__,
            "seconds": total,
            "section_seconds": timings,
            "load_average_at_section_start": loads,
            "rows": [r.as_dict() for r in rows],
            "samples": bench.raw,
            "errors": errors,
            "exit_problems": bench.exit_problems,
            "code_changed_during_run": changed,
        }, indent=2))
    if errors:
        return 2
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
