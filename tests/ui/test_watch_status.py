"""The status bar's words for a watcher's state: a service that answers with
errors is "failing", one that cannot be reached is "offline"."""

from __future__ import annotations

import pytest

from tempmail_desktop.core.errors import ProtocolError, ServiceFailingError, UnavailableError
from tempmail_desktop.service.watcher import WatchState, WatchStatus
from tempmail_desktop.ui.watch_status import describe_state


@pytest.mark.parametrize("error, starts", [
    (ServiceFailingError("service failing (HTTP 503)"), "Failing: service failing (HTTP 503)"),
    (ProtocolError("the service answered with a web page, not data"), "Failing: "),
    (UnavailableError("cannot reach the service (connection refused)"), "Offline: cannot reach the service"),
])
def test_failing_is_not_offline(qapp, error, starts):
    state = WatchState("gptmail", "a@example.com", WatchStatus.OFFLINE, detail=str(error), error=error)
    assert describe_state(state).startswith(starts)
