"""Simulated time for watchers: their sleeps wait on a virtual clock that the
test advances, while their HTTP calls really go to a loopback fake."""

from __future__ import annotations

import asyncio
import heapq
import itertools


class VirtualTime:
    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future]] = []
        self._seq = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), future))
        await future

    def _pending(self) -> int:
        return sum(1 for _, _, f in self._sleepers if not f.done())

    async def run_until(self, end: float, *, sleepers: int) -> None:
        """Advance to ``end``; before each step wait until ``sleepers`` tasks sleep (quiescence)."""
        while True:
            for _ in range(2000):  # real I/O (HTTP on loopback) may be in flight
                if self._pending() >= sleepers:
                    break
                await asyncio.sleep(0.001)
            else:
                raise AssertionError("watchers never went back to sleep")
            while self._sleepers and self._sleepers[0][2].done():
                heapq.heappop(self._sleepers)
            if not self._sleepers or self._sleepers[0][0] > end:
                self.now = end
                return
            wake, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake)
            future.set_result(None)
            await asyncio.sleep(0)
