"""The records behind a team report as CSV: UTF-8 with BOM, one row per visit or village record.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) get a leading apostrophe: a note typed at a village point can never
become a formula on the commune's PC.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

from printing.report_csv import safe_cell

COLUMNS = (
    "Ngày",
    "Giờ",
    "Nơi hỗ trợ",
    "Loại",
    "Tổ tham gia",
    "Nhu cầu",
    "Kết quả",
    "Người hỗ trợ",
    "Vai trò",
    "Buổi hỗ trợ",
    "Độ tuổi",
    "Giới tính",
    "Thủ tục",
    "Ghi chú",
    "Mã bản ghi",
)
LIST_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class TeamRecordRow:
    """One record of the team report, labels already in Vietnamese."""

    at: datetime
    place: str
    kind: str
    team: bool
    need: str = ""
    outcomes: tuple[str, ...] = ()
    helpers: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    session: str = ""
    age_band: str = ""
    sex: str = ""
    procedure: str = ""
    note: str = ""
    record_id: str = ""


def row_cells(row: TeamRecordRow, tz: ZoneInfo) -> list[str]:
    """The CSV cells of one row, in ``COLUMNS`` order, neutralised."""
    local = row.at.astimezone(tz)
    cells = [
        local.date().isoformat(),
        f"{local:%H:%M}",
        row.place,
        row.kind,
        "Có" if row.team else "Không",
        row.need,
        LIST_SEPARATOR.join(row.outcomes),
        LIST_SEPARATOR.join(row.helpers),
        LIST_SEPARATOR.join(row.roles),
        row.session,
        row.age_band,
        row.sex,
        row.procedure,
        row.note,
        row.record_id,
    ]
    return [safe_cell(cell) for cell in cells]


def write_team_csv(rows: Iterable[TeamRecordRow], stream: BinaryIO, tz: ZoneInfo) -> int:
    """Write the header and one line per row; returns the number of rows.

    Args:
        rows: The records, in the order wanted in the file.
        stream: A binary stream; a BOM and UTF-8 text are written to it.
        tz: The commune's time zone, for local dates and times.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    lines = [row_cells(row, tz) for row in rows]
    writer.writerows(lines)
    # The BOM lets Excel open the file as UTF-8 (Vietnamese letters intact).
    stream.write(("\ufeff" + buffer.getvalue()).encode("utf-8"))
    return len(lines)
