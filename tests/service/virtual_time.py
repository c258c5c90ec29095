"""Simulated time for watchers: their sleeps wait on a virtual clock that the
caller advances, while their HTTP calls really go to a loopback fake. Used by
the watcher tests and by benchmarks/quota.py."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time


class VirtualTime:
    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future]] = []
        self._seq = itertools.count()
        self._slept = asyncio.Event()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), future))
        self._slept.set()  # run_until is waiting for every watcher to be asleep
        await future

    def _pending(self) -> int:
        return sum(1 for _, _, f in self._sleepers if not f.done())

    async def run_until(self, end: float, *, sleepers: int) -> None:
        """Advance to ``end``; before each step wait until ``sleepers`` tasks sleep (quiescence)."""
        while True:
            deadline = time.monotonic() + 5.0  # real seconds for loopback I/O to finish
            while self._pending() < sleepers:
                self._slept.clear()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError("watchers never went back to sleep")
                try:
                    await asyncio.wait_for(self._slept.wait(), remaining)
                except TimeoutError:
                    continue
            while self._sleepers and self._sleepers[0][2].done():
                heapq.heappop(self._sleepers)
            if not self._sleepers or self._sleepers[0][0] > end:
                self.now = end
                return
            wake, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake)
            future.set_result(None)
            await asyncio.sleep(0)
