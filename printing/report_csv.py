"""The period's records as CSV for a spreadsheet: UTF-8 with BOM, one row per ticket or walk-in.

See ``CSV_DOC`` for the columns (the README includes it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

CSV_DOC = """\
The summary CSV (``kiosk summary --csv FILE``, and the reports folder at closing) is UTF-8 with
a byte-order mark, comma-separated, so Excel and LibreOffice open it with the Vietnamese letters
intact. It has one row per record: every ticket issued in the period, then every visit made
without a ticket (walk-ins at the desk or at a village point). Times are local, ``HH:MM``, with
the date in front when it is not the row's day (a visit that ended after midnight). Durations
are whole minutes so that every spreadsheet locale reads them as numbers. A text that starts
with ``=``, ``+``, ``-`` or ``@`` (a name typed that way, say) gets a leading ``'`` so that no
spreadsheet runs it as a formula.

| Column | Meaning |
|---|---|
| Ngày | Service day, ``YYYY-MM-DD``: the ticket's day, or the day a walk-in started |
| Loại | ``Phiếu`` (a ticket) or ``Không lấy số`` (a walk-in visit) |
| Số phiếu | The ticket number as printed (empty for a walk-in) |
| Hàng đợi | The line code the ticket ended on (after any transfer) |
| Thủ tục | The procedure's name, if one was chosen |
| Ưu tiên | The priority group, if any |
| Trạng thái | What became of the ticket: đã phục vụ, vắng mặt, chưa phục vụ khi hết giờ, ... |
| Quầy | The counter number that called or served it |
| Giờ lấy số, Giờ gọi | When the ticket was issued and last called |
| Giờ bắt đầu, Giờ kết thúc | When the visit started and ended |
| Chờ (phút) | Minutes from issue to the last call (served tickets) |
| Phục vụ (phút) | Minutes from the start to the end of the visit |
| Nơi hỗ trợ | ``Bộ phận một cửa`` or the village point's name |
| Người hỗ trợ | Helpers' names, the lead first, separated by ``; `` |
| Nhóm | Their role groups, in the same order |
| Kết quả | The visit's outcomes, separated by ``; `` |
| Đánh giá | The visitor's rating, in words |
| Lý do | The reason given with a rating below "Hài lòng" |
"""

COLUMNS = (
    "Ngày",
    "Loại",
    "Số phiếu",
    "Hàng đợi",
    "Thủ tục",
    "Ưu tiên",
    "Trạng thái",
    "Quầy",
    "Giờ lấy số",
    "Giờ gọi",
    "Giờ bắt đầu",
    "Giờ kết thúc",
    "Chờ (phút)",
    "Phục vụ (phút)",
    "Nơi hỗ trợ",
    "Người hỗ trợ",
    "Nhóm",
    "Kết quả",
    "Đánh giá",
    "Lý do",
)
# A cell starting with one of these is a formula to Excel and LibreOffice (a helper named
# "=HYPERLINK(...)" would run when a manager opens the file): such cells get a leading "'",
# which spreadsheets show as text and do not evaluate (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TICKET_KIND = "Phiếu"
WALK_IN_KIND = "Không lấy số"
LIST_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """One CSV row: a ticket with its visit, or a walk-in visit; labels already in Vietnamese."""

    day: date
    is_ticket: bool
    number: str = ""
    line: str = ""
    procedure: str = ""
    priority_group: str = ""
    status: str = ""
    counter: int | None = None
    issued_at: datetime | None = None
    called_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    wait_min: float | None = None
    service_min: float | None = None
    place: str = ""
    helpers: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    rating: str = ""
    reason: str = ""


def _time(moment: datetime | None, day: date, tz: ZoneInfo) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    return f"{local:%H:%M}" if local.date() == day else f"{local:%Y-%m-%d %H:%M}"


def _minutes(value: float | None) -> str:
    return "" if value is None else str(round(value))


def safe_cell(text: str) -> str:
    """The cell as text a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def record_row(record: ReportRecord, tz: ZoneInfo) -> list[str]:
    """The CSV cells of one record, in ``COLUMNS`` order."""
    r, day = record, record.day
    return [
        day.isoformat(),
        TICKET_KIND if r.is_ticket else WALK_IN_KIND,
        r.number,
        r.line,
        r.procedure,
        r.priority_group,
        r.status,
        "" if r.counter is None else str(r.counter),
        _time(r.issued_at, day, tz),
        _time(r.called_at, day, tz),
        _time(r.started_at, day, tz),
        _time(r.ended_at, day, tz),
        _minutes(r.wait_min),
        _minutes(r.service_min),
        r.place,
        LIST_SEPARATOR.join(r.helpers),
        LIST_SEPARATOR.join(r.groups),
        LIST_SEPARATOR.join(r.outcomes),
        r.rating,
        r.reason,
    ]


def write_records_csv(records: Iterable[ReportRecord], stream: BinaryIO, tz: ZoneInfo) -> int:
    """Write the header and one row per record; returns the number of records written.

    Args:
        records: Tickets and walk-ins, in the order wanted in the file.
        stream: A binary stream; the BOM and UTF-8 text are written to it.
        tz: The commune's time zone, for local times.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        count = 0
        for record in records:
            writer.writerow([safe_cell(cell) for cell in record_row(record, tz)])
            count += 1
        text.flush()
    finally:
        # Hand the caller's stream back open: the wrapper must not close it.
        text.detach()
    return count
