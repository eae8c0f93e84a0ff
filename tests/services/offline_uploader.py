"""A kiosk's upload of its offline journal as a process of its own, for ``kill -9`` tests.

``python -m tests.services.offline_uploader CONFIG JOURNAL STOP_AT`` prints ``sent NUMBER``
once a ticket is committed on the server and before the journal marks it; at the
``STOP_AT``-th ticket (0: never) it waits there until killed, so a test kills it at the most
dangerous moment. ``done N`` at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.config import load_config
from kiosk.services.context import bootstrap
from kiosk.services.offline_kiosk import upload_offline_tickets
from kiosk.storage.offline_journal import JournalTicket, OfflineJournal


def main() -> None:
    config, journal, stop_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    ctx = bootstrap(load_config(config, env={}), app_name="test/offline-uploader")

    sent_count = 0

    def sent(ticket: JournalTicket) -> None:
        nonlocal sent_count
        sent_count += 1
        print(f"sent {ticket.number}", flush=True)
        if sent_count == stop_at:
            time.sleep(600)  # killed here

    count = upload_offline_tickets(ctx, journal=OfflineJournal(journal), on_sent=sent)
    ctx.db.dispose()
    print(f"done {count}", flush=True)


if __name__ == "__main__":
    main()
