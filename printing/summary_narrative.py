"""The summary's figures told in one paragraph of plain Vietnamese (the report's body).

The manager may edit it before the PDF is written; this is only the first draft, made from
the same figures as the tables (``report_sections``), so the words never disagree with them.
"""

from __future__ import annotations

from kiosk.domain.summary import Figure, busiest_hours
from kiosk.domain.summary_views import Summary
from printing.report_sections import fmt_number, fmt_share


def _count(figure: Figure) -> int:
    return int(figure.current or 0)


def _change(figure: Figure, unit: str) -> str:
    now, before = int(figure.current or 0), int(figure.previous or 0)
    if now == before:
        return "không đổi"
    word = "tăng" if now > before else "giảm"
    return f"{word} {fmt_number(abs(now - before))} {unit}"


def summary_narrative(s: Summary) -> str:
    """One paragraph: tickets, people served and helped, the wait, ratings, the busiest hour."""
    period, previous = s.period.label_vi(), s.previous_period.label_vi()
    desk = s.header.desk_name
    totals = s.tickets.totals
    if not _count(totals.issued) and not _count(s.visits.visits):
        return f"Trong {period}, {desk} chưa cấp số thứ tự nào và chưa ghi nhận lượt hỗ trợ nào."
    served = _count(totals.served)
    text = (
        f"Trong {period}, {desk} đã cấp {fmt_number(_count(totals.issued))} số thứ tự"
        f" ({previous}: {fmt_number(int(totals.issued.previous or 0))} số,"
        f" {_change(totals.issued, 'số')}), "
        + (f"đã giải quyết xong {fmt_number(served)} lượt" if served else "chưa xong lượt nào")
    )
    absent = _count(totals.no_show) + _count(totals.not_served_at_closing)
    if absent:
        text += f"; {fmt_number(absent)} lượt người dân không có mặt khi gọi hoặc chưa kịp phục vụ"
    visits = _count(s.visits.visits)
    if visits:
        text += f". Cán bộ và tình nguyện viên đã hỗ trợ {fmt_number(visits)} lượt người dân"
    else:
        text += ". Chưa ghi nhận lượt hỗ trợ nào của cán bộ và tình nguyện viên"
    walk_ins = _count(s.visits.walk_ins)
    if walk_ins:
        text += f", trong đó {fmt_number(walk_ins)} lượt tại các điểm hỗ trợ ở thôn"
    wait = s.tickets.wait_median_min.current
    if wait is not None:
        text += f". Thời gian chờ trung vị là {fmt_number(wait, 1)} phút"
    ratings = _count(s.ratings.count)
    if ratings:
        share = fmt_share(s.ratings.satisfied_share.current)
        text += f". Có {fmt_number(ratings)} lượt đánh giá, {share} hài lòng trở lên"
    else:
        text += ". Chưa có lượt đánh giá nào"
    peaks = busiest_hours(s.tickets.hourly, top=1)
    if peaks:
        text += f". Giờ đông nhất là {peaks[0]}h–{peaks[0] + 1}h"
    return text + "."
