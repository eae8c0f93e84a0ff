"""The kiosk's printer, as it starts, draws the words every ticket carries (issue 13, P3).

The first visitor of the day then waits no longer for the paper than the next one: only the
ticket's own values (its number, time, people ahead and wait) are drawn for it.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from printing import layout, raster
from printing.backends import printable_width_dots
from printing.layout import layout_slip
from printing.ticket import DEFAULT_LABELS, sample_ticket, ticket_blocks
from tests.conftest import make_config
from ui.ticket_printing import TicketPrinter


def _forget_drawn_text() -> None:
    for cached in (layout._drawn_text, raster.text_width):
        cached.cache_clear()


def test_the_first_ticket_after_the_printer_starts_draws_only_its_own_values(
    tmp_path: Path,
) -> None:
    config = make_config(tmp_path, '[site]\ncommune = "Xã Đức Phong"\n')
    width = printable_width_dots(config.printer)
    # A ticket unlike the sample one laid out at the start: another line, number and time.
    ticket = dataclasses.replace(
        sample_ticket(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)),
        number="B007",
        people_ahead=9,
        estimated_wait_min=41,
        procedure=None,
        priority_group=None,
        issued_at=datetime(2026, 11, 23, 3, 17, tzinfo=UTC),
    )
    blocks = ticket_blocks(ticket, config.site.header, DEFAULT_LABELS, config.site.tz)

    _forget_drawn_text()
    before = layout._drawn_text.cache_info()
    layout_slip(blocks, width)
    cold = layout._drawn_text.cache_info().misses - before.misses

    _forget_drawn_text()
    printer = TicketPrinter(config=config)
    printer.start()
    try:
        assert printer.worker is not None
        # The printer thread takes its tasks after its warm-up: a status check marks its end.
        printer.worker.check_status().result(timeout=30)
        before = layout._drawn_text.cache_info()
        layout_slip(blocks, width)
        after = layout._drawn_text.cache_info()
    finally:
        printer.close()

    # Drawn anew: the number, the time, the people ahead and the wait; the header, the
    # instruction and the other fixed words were drawn as the printer started.
    assert cold >= 8
    assert after.misses - before.misses <= cold - 5
    assert after.hits - before.hits >= 5
