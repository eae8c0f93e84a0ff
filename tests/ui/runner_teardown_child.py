"""A process that shuts Qt down while the database thread is still busy (see the test)."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import qasync
from PySide6.QtWidgets import QApplication

from ui.tasks import TaskRunner


def main() -> int:
    app = QApplication([sys.argv[0]])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    runner = TaskRunner(loop=loop)
    started, release = threading.Event(), threading.Event()

    def slow_query() -> int:
        started.set()
        release.wait(30)
        return 42

    async def screen_action() -> int:
        return await runner.run_db(slow_query)

    runner.start(screen_action())
    loop.run_until_complete(asyncio.sleep(0))
    assert started.wait(30), "the database thread never started the call"
    # The order every program and test fixture uses: runner, then the app.
    runner.close()
    app.shutdown()
    del app
    release.set()  # the query ends after Qt is gone
    for thread in threading.enumerate():
        if thread.name.startswith("kiosk-db"):  # the runner's database thread
            thread.join(30)  # closed runner: the thread ends after the call and its callbacks
    print("survived", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
