"""Runs the real app in this process and drives one benchmark scenario in it.

    python benchmarks/app_driver.py SCENARIO OUT.json OPTIONS_JSON

The app starts through its own entry point, ``tempmail_desktop.app.main``:
logging, the single-instance probe, qasync, ``build_application``, the
watchers, all as a user's launch does. The only hook is a wrapper around
``ui.bootstrap.build_application`` (looked up by ``app._run`` at call time)
that installs the first-frame watch before the window is shown and, once the
parts exist, starts the scenario as an asyncio task beside the app. The
scenario writes its result to OUT.json and quits through the window's own
quit signal, so shutdown is the app's orderly one.

Scenarios: start, memory, smooth, lists, delivery (see each function).
Mail is delivered by the fakes' process through its control endpoint (never
from this process, whose GIL the app needs).
"""

from __future__ import annotations

import asyncio
import faulthandler
import json
import random
import sys
import time
import traceback
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.qtprobes import FirstFrame, PaintWatch, StallProbe, memory_kib  # noqa: E402


class Control:
    """The fakes' control endpoint, called from a worker thread (see module doc)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _post(self, path: str, payload: dict) -> dict:
        request = urllib.request.Request(self.url + path, data=json.dumps(payload).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            raise RuntimeError(f"fakes: {answer['error']}")
        return answer

    def _get(self, path: str) -> dict:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return json.loads(response.read())

    async def push_sockets(self) -> int:
        return (await asyncio.to_thread(self._get, "/push-sockets"))["open"]

    async def deliver(self, fake: str, address: str, *, kind: str = "everyday", count: int = 1, seed: int = 0) -> dict:
        payload = {"fake": fake, "address": address, "kind": kind, "count": count, "seed": seed}
        return await asyncio.to_thread(self._post, "/deliver", payload)


async def wait_until(condition: Callable[[], bool], timeout: float, what: str, step: float = 0.005) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:g} s for {what}")
        await asyncio.sleep(step)


async def settle(parts, extra: float = 1.0) -> None:
    """Every watcher has done its first listing (the store's mail flagged as the
    fakes do not list it), then a little quiet."""
    watchers = parts.controller.watchers
    await wait_until(lambda: watchers and all(w.checks >= 1 and w.state.status != "checking"
                                              for w in watchers.values()), 30, "the first listings")
    await asyncio.sleep(extra)


async def painted(watch: PaintWatch, action: Callable[[], None], timeout: float = 10.0) -> tuple[float, float]:
    """Run ``action``; return (its own duration, duration until the watched widget painted)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future = loop.create_future()
    watch.arm(lambda stamp: done.done() or done.set_result(stamp))
    start = time.monotonic()
    action()
    acted = time.monotonic()
    watch.widget.update()  # a no-op when the action already asked for a paint
    stamp = await asyncio.wait_for(done, timeout)
    return acted - start, stamp - start


def select_message(window, message_id: str) -> bool:
    row = window.message_model.row_of(message_id)
    if row < 0:
        return False
    window.message_view.setCurrentIndex(window.message_proxy.mapFromSource(window.message_model.index(row, 0)))
    return True


def listed_ids(window) -> list[str]:
    """The ids of the message list, top to bottom as shown."""
    proxy, model = window.message_proxy, window.message_model
    return [model.message_at(proxy.mapToSource(proxy.index(row, 0)).row()).id for row in range(proxy.rowCount())]


def showing(window, message_id: str) -> bool:
    current = window.reader.current_message()
    return current is not None and current.id == message_id and not window.reader.is_loading()


# -- scenarios ----------------------------------------------------------------


async def scenario_start(parts, options: dict) -> dict:
    """Nothing after the first frame: the process quits at once."""
    return {"memory_at_frame": memory_kib()}


async def scenario_memory(parts, options: dict) -> dict:
    """Idle, then open messages one by one in the window, as a reader would."""
    result = {"memory_at_frame": memory_kib()}
    await asyncio.sleep(float(options["idle_s"]))
    result["memory_idle"] = memory_kib()
    window = parts.window
    wanted = int(options.get("open", 200))
    opened = 0
    started = time.monotonic()
    for box_row in range(window.mailbox_model.rowCount()):
        window.mailbox_view.setCurrentIndex(window.mailbox_model.index(box_row, 0))
        for message_id in listed_ids(window):
            if opened >= wanted:
                break
            if select_message(window, message_id):
                await wait_until(lambda: showing(window, message_id), 30, f"message {message_id}")
                opened += 1
        if opened >= wanted:
            break
    result["opened"] = opened
    result["open_seconds"] = round(time.monotonic() - started, 2)
    await asyncio.sleep(1.0)
    result["memory_opened"] = memory_kib()
    return result


async def scenario_smooth(parts, options: dict) -> dict:
    """The longest event-loop stall while 50 mails arrive, and while 2 MB mails arrive and are opened."""
    control = Control(options["control"])
    window, controller = parts.window, parts.controller
    mailbox = window.current_mailbox()
    assert mailbox is not None and mailbox.provider == "gptmail", mailbox
    notes = parts.notifier.history
    await settle(parts)
    probe = StallProbe()
    probe.start()
    segments: dict[str, dict] = {}

    probe.begin()
    await asyncio.sleep(3.0)
    segments["idle"] = probe.end()

    # Fifty at once: one listing brings them all, one grouped notification.
    probe.begin()
    before = len(notes)
    await control.deliver("gptmail", mailbox.address, kind="everyday", count=50, seed=50)
    controller.check_now(mailbox)
    await wait_until(lambda: len(notes) > before, 30, "the notification of 50 mails")
    await asyncio.sleep(1.0)
    segments["arrive_50"] = probe.end()

    for kind in ("plain", "newsletter"):
        probe.begin()
        answer = await control.deliver("gptmail", mailbox.address, kind=kind)
        message_id = answer["ids"][0]
        controller.check_now(mailbox)
        await wait_until(lambda: window.message_model.row_of(message_id) >= 0, 30, f"the {kind} mail listed")
        await asyncio.sleep(0.5)
        segments[f"arrive_{kind}"] = probe.end()

        probe.begin()
        started = time.monotonic()
        assert select_message(window, message_id)
        await wait_until(lambda: showing(window, message_id), 60, f"the {kind} mail shown")
        shown = time.monotonic() - started
        await asyncio.sleep(0.3)
        segments[f"open_{kind}"] = {**probe.end(), "shown_s": round(shown, 3)}

    # Every later listing of the mailbox carries both 2 MB mails again.
    watcher = controller.watchers[(mailbox.provider, mailbox.address)]
    probe.begin()
    checks = watcher.checks
    for _ in range(2):
        controller.check_now(mailbox)
        target = watcher.checks + 1
        await wait_until(lambda: watcher.checks >= target and watcher.state.status != "checking", 30, "a listing")
    await asyncio.sleep(0.3)
    segments["relist_big"] = {**probe.end(), "listings": watcher.checks - checks}
    probe.stop()
    return {"segments": segments}


async def scenario_lists(parts, options: dict) -> dict:
    """10,000 mails into the message list and through the filter."""
    from benchmarks.seed import LISTS_BIG

    window, store = parts.window, parts.controller.service.store
    watch = PaintWatch(window.message_view.viewport())
    await settle(parts)
    result: dict = {}

    started = time.monotonic()
    messages = store.summaries(*LISTS_BIG)
    result["store_read_s"] = time.monotonic() - started
    result["rows"] = len(messages)

    model, proxy = window.message_model, window.message_proxy
    result["set_messages_s"], result["load_painted_s"] = await painted(watch, lambda: model.set_messages(messages))
    await asyncio.sleep(0.3)

    keystrokes = []
    for text in ("c", "co", "cod", "code", "code 4", "zzzq", ""):
        call_s, painted_s = await painted(watch, lambda text=text: proxy.set_filter_text(text))
        keystrokes.append({"text": text, "filter_s": call_s, "painted_s": painted_s, "visible": proxy.rowCount()})
        await asyncio.sleep(0.05)
    result["keystrokes"] = keystrokes

    # The user's way: click the big mailbox (store read, list, watcher, paint).
    window.mailbox_view.setCurrentIndex(window.mailbox_model.index(0, 0))  # the empty one; drops caches
    await asyncio.sleep(0.3)
    big_row = window.mailbox_model.row_for(*LISTS_BIG)
    _, result["select_mailbox_painted_s"] = await painted(
        watch, lambda: window.mailbox_view.setCurrentIndex(window.mailbox_model.index(big_row, 0)))
    return result


async def scenario_delivery(parts, options: dict) -> dict:
    """Fake accepts a mail -> notification raised; over Cat Mails push and GPTMail polling."""
    from tests.fakes.catmails import DEMO_MAIN

    control = Control(options["control"])
    window, controller, notifier = parts.window, parts.controller, parts.notifier
    selected = window.current_mailbox()
    assert selected is not None and selected.provider == "gptmail", selected
    notified: list[float] = []
    arrived: list[tuple[float, str]] = []
    show = notifier.show_notification

    def show_and_stamp(note):
        backend = show(note)
        notified.append(time.monotonic())
        return backend

    notifier.show_notification = show_and_stamp
    controller.newMail.connect(lambda mailbox, messages: arrived.append((time.monotonic(), mailbox.provider)))
    await settle(parts)
    rng = random.Random(5)
    poll_interval = options["poll_active_s"]

    async def one(fake: str, address: str) -> dict:
        before, arrivals = len(notified), len(arrived)
        answer = await control.deliver(fake, address, seed=rng.randrange(10**6))
        accepted = answer["accepted_at"][0]
        await wait_until(lambda: len(notified) > before, 60, f"a notification for {fake}")
        in_app = next((t for t, provider in arrived[arrivals:] if provider == fake), None)
        return {"notified_s": notified[before] - accepted,
                "in_app_s": None if in_app is None else in_app - accepted}

    watcher = controller.watchers[(selected.provider, selected.address)]
    polling = []
    for sample in range(int(options["samples"])):
        controller.watch(selected, active=True)  # the user is looking at it: "active"
        if sample % 2 == 0:
            # The worst moment: a listing has just finished, the mail waits a whole interval.
            checks = watcher.checks
            await wait_until(lambda: watcher.checks > checks and watcher.state.status != "checking",
                             poll_interval * 3, "a listing of the selected mailbox")
            phase = "after a listing"
        else:
            await asyncio.sleep(rng.uniform(0, poll_interval))  # any moment of the cycle
            phase = "random"
        polling.append({**await one("gptmail", selected.address), "phase": phase})
        await asyncio.sleep(0.2)

    # The watcher only says "live" once a first mail came by push, so ask the
    # service side whether both Cat Mails mailboxes have their socket open.
    catmails_boxes = sum(1 for provider, _ in controller.watchers if provider == "catmails")
    deadline = time.monotonic() + 30
    while await control.push_sockets() < catmails_boxes:
        if time.monotonic() > deadline:
            raise TimeoutError("Cat Mails push never connected")
        await asyncio.sleep(0.1)
    push = []
    for _ in range(int(options["samples"])):
        await asyncio.sleep(rng.uniform(0.2, 0.8))
        push.append(await one("catmails", DEMO_MAIN))
    return {"polling": polling, "push": push, "backend": notifier.backend}


SCENARIOS = {
    "start": scenario_start,
    "memory": scenario_memory,
    "smooth": scenario_smooth,
    "lists": scenario_lists,
    "delivery": scenario_delivery,
}


def main() -> int:
    scenario = SCENARIOS[sys.argv[1]]
    out = Path(sys.argv[2])
    options = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    # A hang must leave evidence: every thread's stack on stderr, then exit
    # (the runner shows the stderr of a failed run).
    faulthandler.dump_traceback_later(float(options.get("watchdog_s", 220)), exit=True)

    from tempmail_desktop import app as app_module
    from tempmail_desktop.ui import bootstrap

    original = bootstrap.build_application
    tasks: list[asyncio.Task] = []

    async def instrumented(app, **kwargs):
        first_frame_seen = asyncio.Event()
        frame = FirstFrame(app, on_done=first_frame_seen.set)
        parts = await original(app, **kwargs)
        frame.watch(parts.window)
        tasks.append(asyncio.ensure_future(drive(parts, frame, first_frame_seen)))
        return parts

    async def drive(parts, frame: FirstFrame, first_frame_seen: asyncio.Event) -> None:
        result: dict = {}
        try:
            await asyncio.wait_for(first_frame_seen.wait(), 60)
            result["first_frame"] = frame.as_dict()
            result.update(await scenario(parts, options))
        except Exception:
            result["error"] = traceback.format_exc()
        out.write_text(json.dumps(result))
        # Quitting is the app's own, and should take well under a second; if
        # it has not finished in 20 s, show what it is still waiting for.
        asyncio.get_running_loop().call_later(20, dump_tasks)
        parts.window.quitRequested.emit()

    def dump_tasks() -> None:
        print("the app has not quit 20 s after quitRequested; its asyncio tasks:", file=sys.stderr)
        for task in asyncio.all_tasks():
            task.print_stack(limit=12, file=sys.stderr)
        sys.stderr.flush()

    bootstrap.build_application = instrumented
    return app_module.main([])


if __name__ == "__main__":
    sys.exit(main())
