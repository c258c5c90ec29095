"""Run the four loopback fakes with some mail in them, for trying the app by
hand, taking the README screenshots and benchmarking.

    python scripts/demo_fakes.py            # prints the environment to use, runs until Ctrl+C
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.catmails import DEMO_KEY, CatMailsFake  # noqa: E402
from tests.fakes.gptmail import GptMailFake  # noqa: E402
from tests.fakes.tempmailg import TempMailGFake  # noqa: E402
from tests.fakes.worker import WorkerFake  # noqa: E402

DEMO_ADDRESS = "welcome@gptmail.example"  # GPTMail reads any address on its domains
KEYS = {"gptmail": "gpt-test", "tempmailg": "tmg-test-key", "catmails": DEMO_KEY, "worker": "tmp_test_key"}


def start_all() -> dict:
    return {
        "gptmail": GptMailFake().start(),
        "tempmailg": TempMailGFake().start(),
        "catmails": CatMailsFake().start(),
        "worker": WorkerFake().start(),
    }


def environment(fakes: dict) -> dict[str, str]:
    env = {}
    for pid, fake in fakes.items():
        env[f"TEMPMAIL_{pid.upper()}_URL"] = fake.url
        env[f"TEMPMAIL_{pid.upper()}_KEY"] = KEYS[pid]
    env["TEMPMAIL_CATMAILS_WS_URL"] = fakes["catmails"].url.replace("http", "ws") + "/ws/"
    return env


def seed(fakes: dict, address: str) -> None:
    """A few real-looking mails in a GPTMail mailbox."""
    g = fakes["gptmail"]
    g.deliver(address, sender="noreply@github.com", sender_name="GitHub", subject="[GitHub] Your launch code",
              text="Here is your GitHub launch code: 48291376\n\nIf you did not try to sign in, ignore this mail.",
              html="<p>Here is your GitHub launch code:</p><h2 style='letter-spacing:4px'>48291376</h2>"
                   "<p>If you did not try to sign in, ignore this mail.</p>")
    g.deliver(address, sender="no-reply@accounts.example.com", sender_name="Example Cloud",
              subject="Confirm your email address",
              text="Welcome! Confirm your email: https://accounts.example.com/verify?token=9f2c1e",
              html="<h1>Welcome to Example Cloud</h1><p>Please confirm your address.</p>"
                   "<p><a href='https://accounts.example.com/verify?token=9f2c1e'>Confirm email</a></p>"
                   "<img src='https://tracker.example.net/open.gif' width=1 height=1>")
    g.deliver(address, sender="service@shop.example.cn", sender_name="示例商城",
              subject="【示例商城】您的验证码", text="您的验证码是 736204，5分钟内有效。请勿泄露给他人。",
              attachments=[("发票.pdf", b"%PDF-1.4 demo", "application/pdf")])


def main() -> None:
    fakes = start_all()
    seed(fakes, DEMO_ADDRESS)
    env = environment(fakes)
    env["DEMO_ADDRESS"] = DEMO_ADDRESS
    print(json.dumps(env, indent=2), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    for fake in fakes.values():
        fake.stop()


if __name__ == "__main__":
    main()
