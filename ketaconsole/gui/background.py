"""Running a slow call (database, device listing) off the GUI thread and taking its result back.

The call runs on a daemon thread, so a hung database never keeps the program from exiting. A
``QTimer`` owned by a widget polls for the result and hands it over on the GUI thread; when the
widget is destroyed the timer dies with it and a late result is dropped. A widget whose calls use a
resource that is closed after it (the database) waits for them with :meth:`BackgroundCalls.wait`
before it goes, so no call is left running on a closed resource.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QTimer

POLL_INTERVAL_MS = 30


class BackgroundCalls(QObject):
    """Calls run off the GUI thread, one pending call per ``key``; results arrive on the GUI thread.

    Starting a call under a key that is still pending supersedes it: the older result is dropped,
    so a repeated "Refresh" only ever shows the newest answer.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending: dict[str, tuple[Future[Any], Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._threads: list[threading.Thread] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._deliver)

    def start(self, key: str, call: Callable[[], Any], on_result: Callable[[Any], None],
              on_error: Callable[[Exception], None]) -> None:
        """Run ``call()`` on a new thread; later, on the GUI thread, pass its result to ``on_result``
        or the exception it raised to ``on_error``."""
        future: Future[Any] = Future()

        def run() -> None:
            try:
                future.set_result(call())
            except Exception as error:
                future.set_exception(error)

        self._pending[key] = (future, on_result, on_error)
        thread = threading.Thread(target=run, name=f"ketaconsole-{key}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        self._timer.start()

    def wait(self, timeout_s: float) -> bool:
        """Block until every call started here has returned (its result is then dropped or delivered
        by the timer as usual), at most ``timeout_s`` seconds in all; whether they all returned."""
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    def is_pending(self, key: str) -> bool:
        """Whether the call started under ``key`` has not been delivered yet."""
        return key in self._pending

    def _deliver(self) -> None:
        finished = [key for key, (future, _, _) in self._pending.items() if future.done()]
        for key in finished:
            future, on_result, on_error = self._pending.pop(key)
            error = future.exception()
            if error is None:
                on_result(future.result())
            else:
                on_error(error if isinstance(error, Exception) else RuntimeError(str(error)))
        if not self._pending:
            self._timer.stop()
