"""The four loopback fakes in a process of their own, with a control endpoint.

The app under test must not share its interpreter with the fakes: a fake
serialising 2 MB of JSON in a thread of the app's process would hold the GIL
and show up as the app's own stall. So the fakes run here, and the app (or its
benchmark driver) asks for mail over a tiny loopback control API:

    POST /deliver {"fake", "address", "kind": "everyday"|"plain"|"newsletter",
                   "count", "seed"}  -> {"ids": [...], "accepted_at": [...]}
    POST /reset                      -> every fake's mailboxes emptied
    GET  /requests                   -> requests each fake has answered
    GET  /push-sockets               -> Cat Mails push connections open now

``accepted_at`` is ``time.monotonic()`` taken just before each ``deliver()``,
the moment the service has the mail; CLOCK_MONOTONIC is one clock for every
process of the machine, so the app's driver can subtract it from its own.

Started by run.py; prints one JSON line (the environment for the app and the
control URL), then serves until stdin closes.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import demo_fakes  # noqa: E402  (the environment the app needs for the fakes)

from benchmarks.mailgen import MailSpec, big_mail, everyday_mail  # noqa: E402
from tests.fakes.catmails import CatMailsFake  # noqa: E402
from tests.fakes.gptmail import GptMailFake  # noqa: E402
from tests.fakes.tempmailg import TempMailGFake  # noqa: E402
from tests.fakes.worker import WorkerFake  # noqa: E402

# The benchmarks call GPTMail far more than a user would in a day; the daily
# quota is simulated separately (quota.py), so it must not interfere here.
UNLIMITED = 10**9


def start_fakes() -> dict:
    return {
        "gptmail": GptMailFake(daily_quota=UNLIMITED).start(),
        "tempmailg": TempMailGFake().start(),
        "catmails": CatMailsFake().start(),
        "worker": WorkerFake().start(),
    }


@lru_cache(maxsize=4)
def _big(kind: str) -> MailSpec:
    return big_mail(kind)


def _spec(kind: str, rng: random.Random, serial: int) -> MailSpec:
    if kind == "everyday":
        return everyday_mail(rng, serial)
    spec = _big(kind)
    return MailSpec(spec.sender, spec.sender_name, spec.subject.replace("#1", f"#{serial}"), spec.text, spec.html)


def deliver(fakes: dict, fake_id: str, address: str, spec: MailSpec) -> str:
    fake = fakes[fake_id]
    if fake_id == "gptmail":
        return fake.deliver(address, sender=spec.sender, sender_name=spec.sender_name,
                            subject=spec.subject, text=spec.text, html=spec.html)
    if fake_id == "worker":
        return fake.deliver(address, sender=spec.sender, subject=spec.subject, text=spec.text, html=spec.html)
    if fake_id == "catmails":
        sender = f"{spec.sender_name} <{spec.sender}>" if spec.sender_name else spec.sender
        return fake.deliver(address, sender=sender, subject=spec.subject, content=spec.html or spec.text)
    raise ValueError(f"the benchmarks do not deliver to {fake_id}")


def reset(fakes: dict) -> None:
    for fake in fakes.values():
        with fake._lock:  # the fakes keep their mail behind this lock
            fake.mails.clear()


def make_handler(fakes: dict, serials):
    class Control(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet: the runner reads stdout
            pass

        def _answer(self, payload: dict, status: int = 200) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path == "/requests":
                self._answer({pid: len(fake.requests) for pid, fake in fakes.items()})
            elif self.path == "/push-sockets":
                self._answer({"open": fakes["catmails"].sockets_open()})
            else:
                self._answer({"error": "unknown"}, 404)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = json.loads(self.rfile.read(length) or b"{}")
            try:
                if self.path == "/deliver":
                    rng = random.Random(request.get("seed", 0))
                    ids, accepted = [], []
                    for _ in range(int(request.get("count", 1))):
                        spec = _spec(request.get("kind", "everyday"), rng, next(serials))
                        accepted.append(time.monotonic())
                        ids.append(deliver(fakes, request["fake"], request["address"], spec))
                    self._answer({"ids": ids, "accepted_at": accepted})
                elif self.path == "/reset":
                    reset(fakes)
                    self._answer({"ok": True})
                else:
                    self._answer({"error": "unknown"}, 404)
            except Exception as exc:  # the driver reports it; the fakes keep serving
                self._answer({"error": f"{type(exc).__name__}: {exc}"}, 500)

    return Control


def main() -> None:
    fakes = start_fakes()
    # Warm the generators, so the first 2 MB request costs the same as the next.
    for kind in ("plain", "newsletter"):
        _big(kind)
    serials = iter(range(1, 10**9))
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fakes, serials))
    threading.Thread(target=server.serve_forever, name="control", daemon=True).start()
    env = demo_fakes.environment(fakes)
    print(json.dumps({"env": env, "control": f"http://127.0.0.1:{server.server_address[1]}"}), flush=True)
    sys.stdin.read()  # until the runner closes our stdin (or dies)
    server.shutdown()
    for fake in fakes.values():
        fake.stop()


if __name__ == "__main__":
    main()
