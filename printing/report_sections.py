"""The one summary presenter: a ``Summary`` as titled tables of Vietnamese text.

The PDF, the CLI and the manager's screen all show these tables, so a figure reads the same
everywhere. Numbers go through ``kiosk.domain.numbers.format_number`` (``1.234``, ``7,5``). A
table with one figure per row shows "Kỳ này | Kỳ trước | Chênh lệch"; a wider table shows each
figure as ``current (previous)``. Each table has a ``key`` for code to find it by.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.domain.numbers import format_number
from kiosk.domain.summary import Figure
from kiosk.domain.summary_views import CountRow, StatusRow, Summary, WorkRow

COMPARE_COLUMNS = ("Kỳ này", "Kỳ trước", "Chênh lệch")
DASH = "–"

NOTES = (
    "Phiếu được tính vào ngày lấy số, một lần, theo hàng đợi và thủ tục cuối cùng "
    "(phiếu được chuyển hàng chỉ tính ở hàng phục vụ xong).",
    "Thời gian chờ: từ lúc lấy số đến lần gọi cuối, chỉ tính phiếu đã phục vụ. "
    "Phân vị 90: 90 % người dân chờ không lâu hơn số phút này.",
    "Lượt hỗ trợ được tính vào ngày bắt đầu, kể cả khi kết thúc sau nửa đêm. "
    "Mỗi người hỗ trợ được tính trọn số phút của lượt; mỗi nhóm tính một lần mỗi lượt.",
    "Đánh giá được tính vào ngày người dân đánh giá. "
    "Hài lòng trở lên: “Hài lòng” hoặc “Rất hài lòng”.",
)


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table of text; columns from ``numeric_from`` on are figures (right-aligned)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric_from: int = 1
    note: str = ""
    key: str = ""


def fmt_number(value: float | None, decimals: int = 0) -> str:
    """``1234`` -> ``1.234``; ``7.5`` with one decimal -> ``7,5``; None -> ``–``."""
    return DASH if value is None else format_number(value, decimals=decimals)


def fmt_share(value: float | None) -> str:
    """A fraction as a percentage with one decimal: ``0.875`` -> ``87,5 %``."""
    return DASH if value is None else f"{fmt_number(value * 100, 1)} %"


def fmt_delta(value: float | None, decimals: int = 0) -> str:
    """A signed change: ``+3``, ``-2``, ``0``; ``–`` when unknown.

    The minus is ASCII: the shipped Noto Sans subset has no U+2212 glyph.
    """
    if value is None:
        return DASH
    if round(value, decimals) == 0:
        return fmt_number(0, decimals)
    sign = "+" if value > 0 else "-"
    return f"{sign}{fmt_number(abs(value), decimals)}"


def fmt_pair(figure: Figure, decimals: int = 0) -> str:
    """``12 (10)``: the period's figure with the previous period's in brackets."""
    return f"{fmt_number(figure.current, decimals)} ({fmt_number(figure.previous, decimals)})"


def compare_row(label: str, figure: Figure, decimals: int = 0) -> tuple[str, ...]:
    """A row of a "Kỳ này | Kỳ trước | Chênh lệch" table."""
    return (
        label,
        fmt_number(figure.current, decimals),
        fmt_number(figure.previous, decimals),
        fmt_delta(figure.delta, decimals),
    )


def _share_row(label: str, figure: Figure) -> tuple[str, ...]:
    delta = None if figure.delta is None else figure.delta * 100
    return label, fmt_share(figure.current), fmt_share(figure.previous), fmt_delta(delta, 1)


def _compare(key: str, title: str, rows: Sequence[tuple[str, ...]]) -> Table:
    return Table(title, ("Chỉ tiêu", *COMPARE_COLUMNS), tuple(rows), key=key)


def _counts(key: str, title: str, head: str, rows: Sequence[CountRow], empty: str) -> Table:
    body = [compare_row(r.label, r.count) for r in rows] or [(empty, "", "", "")]
    return Table(title, (head, *COMPARE_COLUMNS), tuple(body), key=key)


def ticket_tables(s: Summary) -> list[Table]:
    """Tickets by fate, times, and tickets by line and by procedure."""
    t = s.tickets.totals
    rows = [
        compare_row("Số phiếu đã lấy", t.issued),
        compare_row("Đã phục vụ xong", t.served),
        compare_row("Vắng mặt khi được gọi", t.no_show),
        compare_row("Chưa được phục vụ khi hết giờ", t.not_served_at_closing),
        compare_row("Đã hủy", t.cancelled),
    ]
    if t.still_open.current or t.still_open.previous:
        rows.append(compare_row("Đang chờ hoặc đang phục vụ", t.still_open))
    times = [
        compare_row("Thời gian chờ – trung vị (phút)", s.tickets.wait_median_min, 1),
        compare_row("Thời gian chờ – phân vị 90 (phút)", s.tickets.wait_p90_min, 1),
        compare_row("Thời gian phục vụ – trung vị (phút)", s.tickets.service_median_min, 1),
    ]
    return [
        _compare("tickets", "1. Phiếu xếp hàng", rows),
        _compare("times", "2. Thời gian chờ và phục vụ", times),
        _status_table("lines", "3. Theo hàng đợi", "Hàng đợi", s.tickets.by_line),
        _status_table("procedures", "4. Theo thủ tục", "Thủ tục", s.tickets.by_procedure),
    ]


def _status_table(key: str, title: str, head: str, rows: Sequence[StatusRow]) -> Table:
    columns = (head, "Đã lấy số", "Đã phục vụ", "Vắng mặt", "Chưa phục vụ")
    body: list[tuple[str, ...]] = [
        (r.label, *(fmt_pair(f) for f in (r.issued, r.served, r.no_show, r.not_served_at_closing)))
        for r in rows
    ]
    note = "Số trong ngoặc: kỳ trước."
    body = body or [("Không có phiếu", "", "", "", "")]
    return Table(title, columns, tuple(body), note=note, key=key)


def _work_table(key: str, title: str, head: str, rows: Sequence[WorkRow], *, detail: bool) -> Table:
    columns = (head, "Vai trò", "Lượt hỗ trợ", "Số phút") if detail else (head, "Lượt", "Số phút")
    body: list[tuple[str, ...]] = []
    for r in rows:
        figures = (fmt_pair(r.visits), fmt_pair(r.minutes))
        body.append((r.label, r.detail, *figures) if detail else (r.label, *figures))
    if not body:
        body.append(("Không có lượt hỗ trợ", *[""] * (len(columns) - 1)))
    note = "Số trong ngoặc: kỳ trước. Mỗi người được tính trọn số phút của lượt có mặt."
    numeric_from = 2 if detail else 1
    return Table(title, columns, tuple(body), numeric_from=numeric_from, note=note, key=key)


def help_tables(s: Summary) -> list[Table]:
    """Visits, work per helper and role group, outcomes, priority groups, village points."""
    v = s.visits
    totals = [
        compare_row("Tổng số lượt hỗ trợ", v.visits),
        compare_row("Trong đó: không lấy số (tại điểm thôn, tại quầy)", v.walk_ins),
    ]
    return [
        _compare("visits", "5. Lượt hỗ trợ người dân", totals),
        _work_table("groups", "6. Theo nhóm người hỗ trợ", "Nhóm", v.role_groups, detail=False),
        _work_table("helpers", "7. Theo người hỗ trợ", "Người hỗ trợ", v.helpers, detail=True),
        _counts("outcomes", "8. Kết quả hỗ trợ", "Kết quả", v.outcomes, "Không có"),
        _counts(
            "priority",
            "9. Đối tượng ưu tiên đã được phục vụ",
            "Đối tượng",
            s.tickets.priority_served,
            "Không có",
        ),
        _counts(
            "places",
            "10. Hỗ trợ không lấy số, theo nơi hỗ trợ",
            "Nơi",
            v.walk_in_places,
            "Không có",
        ),
    ]


def rating_tables(s: Summary) -> list[Table]:
    """Ratings by level, the satisfied share, and the reasons given."""
    r = s.ratings
    rows = [compare_row(row.label, row.count) for row in r.levels]
    rows.append(compare_row("Tổng số lượt đánh giá", r.count))
    rows.append(_share_row("Tỷ lệ hài lòng trở lên", r.satisfied_share))
    return [
        _compare("ratings", f"11. Đánh giá mức độ hài lòng (thang {r.scale} mức)", rows),
        _counts("reasons", "12. Lý do chưa hài lòng", "Lý do", r.reasons, "Không có"),
    ]


def summary_tables(s: Summary) -> list[Table]:
    """Every table of the report, in reading order."""
    builders: tuple[Callable[[Summary], list[Table]], ...] = (
        ticket_tables,
        help_tables,
        rating_tables,
    )
    return [table for build in builders for table in build(s)]


def key_figures(s: Summary) -> list[tuple[str, str, str]]:
    """The few figures a manager reads first: (label, this period, the previous period)."""
    t, share_ = s.tickets, s.ratings.satisfied_share
    return [
        ("Số phiếu đã lấy", *_pair_texts(t.totals.issued)),
        ("Đã phục vụ xong", *_pair_texts(t.totals.served)),
        ("Lượt hỗ trợ", *_pair_texts(s.visits.visits)),
        ("Chờ trung vị (phút)", *_pair_texts(t.wait_median_min, 1)),
        ("Hài lòng trở lên", fmt_share(share_.current), fmt_share(share_.previous)),
    ]


def _pair_texts(figure: Figure, decimals: int = 0) -> tuple[str, str]:
    return fmt_number(figure.current, decimals), fmt_number(figure.previous, decimals)


def title_lines(s: Summary) -> tuple[str, str]:
    """The report title and the period line with the comparison period."""
    title = "BÁO CÁO TỔNG HỢP " + ("NGÀY" if s.period.days == 1 else "THEO KỲ")
    label = s.period.label_vi()
    period = f"{label[0].upper()}{label[1:]} (so sánh với {s.previous_period.label_vi()})"
    return title, period
