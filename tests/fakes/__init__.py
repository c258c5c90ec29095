"""Loopback fakes of the four services, written from ../shared/api-docs.

Each fake is a real aiohttp server (HTTP, and WebSocket for Cat Mails) bound
to 127.0.0.1 on a free port, running in its own thread so that it serves
tests driven by any event loop (qasync, asyncio) and CLI subprocesses alike.
"""
