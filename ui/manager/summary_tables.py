"""The summary's sections as panels of labels: tickets, waits, hours, helpers, outcomes, ratings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.summary_views import CountRow, StatusRow, Summary, WorkRow
from ui.i18n import translate
from ui.widgets.screen import text_label


def _panel(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("panel", "surface")
    layout = QVBoxLayout(frame)
    heading = text_label("info")
    heading.setText(title)
    layout.addWidget(heading)
    return frame, layout


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> QWidget:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(24)
    for col, header in enumerate(headers):
        label = text_label("small", wrap=False)
        label.setText(header)
        grid.addWidget(label, 0, col, Qt.AlignmentFlag.AlignRight if col else Qt.AlignmentFlag(0))
    for row, cells in enumerate(rows, start=1):
        for col, cell in enumerate(cells):
            label = QLabel(cell)
            label.setProperty("textStyle", "body")
            label.setWordWrap(False)
            align = Qt.AlignmentFlag.AlignRight if col else Qt.AlignmentFlag.AlignLeft
            grid.addWidget(label, row, col, align | Qt.AlignmentFlag.AlignVCenter)
    grid.setColumnStretch(0, 1)
    return box


def _status_rows(rows: Sequence[StatusRow]) -> list[list[str]]:
    from ui.manager.summary_screen import figure_text

    return [
        [
            r.label,
            figure_text(r.issued),
            figure_text(r.served),
            figure_text(r.no_show),
            figure_text(r.not_served_at_closing),
        ]
        for r in rows
    ]


def _count_rows(rows: Sequence[CountRow]) -> list[list[str]]:
    from ui.manager.summary_screen import figure_text

    return [[r.label, figure_text(r.count)] for r in rows]


def _work_rows(rows: Sequence[WorkRow]) -> list[list[str]]:
    from ui.manager.summary_screen import figure_text

    return [
        [
            f"{r.label} ({r.detail})" if r.detail else r.label,
            figure_text(r.visits),
            figure_text(r.minutes),
        ]
        for r in rows
    ]


def summary_sections(summary: Summary, *, chart: QWidget, busiest: str) -> dict[str, QFrame]:
    """Every section of the summary as a panel, by key, in reading order."""
    from ui.manager.summary_screen import figure_text

    t, v, r = summary.tickets, summary.visits, summary.ratings
    status_headers = [
        "",
        translate("ManagerSummaryScreen", "Lấy số"),
        translate("ManagerSummaryScreen", "Đã phục vụ"),
        translate("ManagerSummaryScreen", "Vắng mặt"),
        translate("ManagerSummaryScreen", "Chưa phục vụ khi hết giờ"),
    ]
    sections: dict[str, QFrame] = {}
    frame, layout = _panel(translate("ManagerSummaryScreen", "Số thứ tự"))
    layout.addWidget(_table(status_headers, _status_rows([t.totals, *t.by_line])))
    sections["tickets"] = frame
    frame, layout = _panel(translate("ManagerSummaryScreen", "Theo thủ tục"))
    layout.addWidget(_table(status_headers, _status_rows(t.by_procedure)))
    sections["procedures"] = frame
    frame, layout = _panel(translate("ManagerSummaryScreen", "Thời gian"))
    minutes = translate("ManagerSummaryScreen", " phút")
    waits = [
        [
            translate("ManagerSummaryScreen", "Chờ (trung vị)"),
            figure_text(t.wait_median_min, unit=minutes),
        ],
        [
            translate("ManagerSummaryScreen", "Chờ (90% khách không quá)"),
            figure_text(t.wait_p90_min, unit=minutes),
        ],
        [
            translate("ManagerSummaryScreen", "Phục vụ (trung vị)"),
            figure_text(t.service_median_min, unit=minutes),
        ],
    ]
    layout.addWidget(_table(["", ""], waits))
    sections["times"] = frame
    frame, layout = _panel(translate("ManagerSummaryScreen", "Giờ cao điểm (số vé lấy mỗi giờ)"))
    note = text_label("small")
    note.setText(
        translate("ManagerSummaryScreen", "Vạch đen: kỳ trước. Đông nhất: {hours}").format(
            hours=busiest or "–"
        )
    )
    layout.addWidget(chart)
    layout.addWidget(note)
    sections["hours"] = frame
    work_headers = [
        "",
        translate("ManagerSummaryScreen", "Lượt"),
        translate("ManagerSummaryScreen", "Phút"),
    ]
    frame, layout = _panel(translate("ManagerSummaryScreen", "Người hỗ trợ"))
    layout.addWidget(_table(work_headers, _work_rows([*v.helpers, *v.role_groups])))
    sections["helpers"] = frame
    frame, layout = _panel(translate("ManagerSummaryScreen", "Kết quả và đối tượng ưu tiên"))
    rows = [[translate("ManagerSummaryScreen", "Tổng lượt hỗ trợ"), figure_text(v.visits)]]
    rows += _count_rows(v.outcomes) + _count_rows(t.priority_served)
    layout.addWidget(_table(["", ""], rows))
    sections["outcomes"] = frame
    frame, layout = _panel(translate("ManagerSummaryScreen", "Hỗ trợ không lấy số, theo điểm"))
    rows = [
        [translate("ManagerSummaryScreen", "Tổng"), figure_text(v.walk_ins)],
        *_count_rows(v.walk_in_places),
    ]
    layout.addWidget(_table(["", ""], rows))
    sections["walk_ins"] = frame
    frame, layout = _panel(translate("ManagerSummaryScreen", "Đánh giá"))
    rows = [
        [translate("ManagerSummaryScreen", "Số lượt đánh giá"), figure_text(r.count)],
        [
            translate("ManagerSummaryScreen", "Hài lòng trở lên"),
            figure_text(r.satisfied_share, percent=True),
        ],
    ]
    rows += _count_rows(r.levels) + _count_rows([c for c in r.reasons if c.count.current])
    layout.addWidget(_table(["", ""], rows))
    sections["ratings"] = frame
    return sections
