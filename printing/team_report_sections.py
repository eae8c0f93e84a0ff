"""The team report's body as blocks of Vietnamese text: one wording for PDF, DOCX and terminal."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kiosk.domain.enums import HELPER_ROLE_LABELS, HelperRole
from kiosk.domain.summary import Figure
from kiosk.domain.team_report import TeamReport, TeamTally
from kiosk.domain.village import AGE_BAND_LABELS, SEX_LABELS, AgeBand, Measure, Sex
from printing.admin_document import Block, Heading, Note, Para
from printing.report_sections import Table, compare_row, fmt_number, fmt_share

COMPARE = ("Kỳ này", "Kỳ trước", "Chênh lệch")
NOT_RECORDED = "Không ghi"
NBSP = "\u00a0"


def summary_line(report: TeamReport) -> str:
    """The trích yếu: ``Kết quả hoạt động của Tổ công nghệ số cộng đồng tháng 11/2026``."""
    where = f" tại {report.place}" if report.place else ""
    return f"Kết quả hoạt động của {report.team_name}{where}\n{report.period.label_vi()}"


def _commune(report: TeamReport) -> str:
    """``xã Đức Phong`` as it reads mid-sentence."""
    name = report.commune.strip()
    return f" {name[:1].lower()}{name[1:]}" if name else ""


def _change(now: int, before: int, unit: str) -> str:
    if now == before:
        return "không đổi"
    word = "tăng" if now > before else "giảm"
    return f"{word} {fmt_number(abs(now - before))} {unit}"


def paragraph(report: TeamReport) -> str:
    """The main figures in one paragraph of plain Vietnamese."""
    now, before = report.current, report.before
    period, previous = report.period.label_vi(), report.previous.label_vi()
    team = f"{report.team_name}{_commune(report)}"
    if now.helped == 0 and not now.sessions:
        return f"Trong {period}, hệ thống chưa ghi nhận lượt hỗ trợ nào của {team}."
    where = f"tại {report.place}, " if report.place else ""
    change = _change(now.helped, before.helped, "lượt")
    text = (
        f"Trong {period}, {where}{team} đã hỗ trợ {fmt_number(now.helped)} lượt người dân"
        f" ({previous}: {fmt_number(before.helped)} lượt, {change})"
    )
    if not report.place:
        villages = len(now.village_helped)
        text += (
            f", trong đó {fmt_number(now.desk_helped)} lượt tại {report.desk_name}"
            f" và {fmt_number(sum(now.village_helped.values()))} lượt tại"
            f" {fmt_number(villages)} điểm hỗ trợ ở thôn"
        )
    vneid, online, paid = (
        fmt_number(now.measure(m))
        for m in (Measure.VNEID_ACTIVATED, Measure.SUBMITTED_ONLINE, Measure.PAID_ONLINE)
    )
    text += (
        f". Tổ đã hỗ trợ kích hoạt {vneid} tài khoản định danh điện tử VNeID, nộp trực tuyến"
        f" {online} hồ sơ và thực hiện {paid} lượt thanh toán"
        f" trực tuyến; tổ chức {fmt_number(sum(now.sessions.values()))} buổi hỗ trợ tại thôn,"
        f" với {fmt_number(len(now.members))} thành viên tham gia."
    )
    if report.place is None:
        text += " " + _share_sentence(now, before, previous)
    return text


def _share_sentence(now: TeamTally, before: TeamTally, previous: str) -> str:
    if now.online_share is None:
        return "Trong kỳ chưa có hồ sơ nào được ghi nhận để tính tỷ lệ nộp trực tuyến có hỗ trợ."
    # A no-break space keeps "75,0 %" on one line.
    now_share, before_share = (fmt_share(t.online_share).replace(" ", NBSP) for t in (now, before))
    return (
        f"Hồ sơ nộp trực tuyến có hỗ trợ chiếm {now_share} số hồ sơ hệ thống"
        f" ghi nhận ({previous}: {before_share})."
    )


def notes(report: TeamReport) -> list[str]:
    """How each figure is counted (the report prints these)."""
    return [
        "Lượt hỗ trợ tại bộ phận một cửa: lượt phục vụ (có hoặc không lấy số) có ít nhất một"
        " thành viên Tổ tham gia (tình nguyện viên, hoặc cán bộ thuộc Tổ công nghệ số), tính vào"
        " ngày bắt đầu.",
        "Lượt hỗ trợ tại thôn: mỗi lượt ghi tại điểm hỗ trợ ở thôn, kể cả lượt bộ phận một cửa"
        " ghi thay cho một thôn, tính vào ngày ghi.",
        "Tài khoản VNeID được kích hoạt, hồ sơ nộp trực tuyến, thanh toán trực tuyến: số lượt có"
        " kết quả tương ứng. Tại quầy, kết quả “Đã kiểm tra/kích hoạt tài khoản VNeID” được tính"
        " là kích hoạt vì quầy không ghi riêng hai việc này.",
        "Thành viên tham gia: số người khác nhau được ghi là người hỗ trợ trong các lượt trên,"
        " hoặc có mặt tại một buổi hỗ trợ.",
        "Tỷ lệ hồ sơ nộp trực tuyến có hỗ trợ = số lượt có kết quả “nộp hồ sơ trực tuyến có hỗ"
        " trợ” (tại quầy, do bất kỳ ai hỗ trợ, và tại thôn) chia cho tổng của số đó và số lượt"
        " tiếp nhận hồ sơ giấy tại quầy. Mỗi lượt được tính là một hồ sơ. Hồ sơ người dân tự nộp"
        " trực tuyến không qua hỗ trợ không có trong dữ liệu của hệ thống nên không được tính.",
        f"Kỳ trước để so sánh: {report.previous.label_vi()}.",
    ]


def _figure(report: TeamReport, get: Callable[[TeamTally], float | None]) -> Figure:
    return Figure(get(report.current), get(report.before))


def main_table(report: TeamReport) -> Table:
    """The key figures against the previous period."""
    rows = [compare_row("Người dân được hỗ trợ (lượt)", _figure(report, lambda t: t.helped))]
    if report.place is None:
        rows += [
            compare_row(f"- tại {report.desk_name}", _figure(report, lambda t: t.desk_helped)),
            compare_row(
                "- tại các điểm thôn",
                _figure(report, lambda t: sum(t.village_helped.values())),
            ),
        ]
    for label, measure in (
        ("Tài khoản VNeID được kích hoạt", Measure.VNEID_ACTIVATED),
        ("Hồ sơ nộp trực tuyến có hỗ trợ", Measure.SUBMITTED_ONLINE),
        ("Lượt thanh toán trực tuyến", Measure.PAID_ONLINE),
    ):
        rows.append(compare_row(label, _measure_figure(report, measure)))
    rows += [
        compare_row("Buổi hỗ trợ tại thôn", _figure(report, lambda t: sum(t.sessions.values()))),
        compare_row("Thành viên Tổ tham gia", _figure(report, lambda t: len(t.members))),
    ]
    if report.place is None:
        share = _figure(report, lambda t: t.online_share)
        rows.append(
            (
                "Tỷ lệ hồ sơ nộp trực tuyến có hỗ trợ",
                fmt_share(share.current),
                fmt_share(share.previous),
                _points(share),
            )
        )
    return Table("1. Kết quả chính", ("Chỉ tiêu", *COMPARE), tuple(rows))


def _measure_figure(report: TeamReport, measure: Measure) -> Figure:
    return Figure(report.current.measure(measure), report.before.measure(measure))


def _points(figure: Figure) -> str:
    if figure.delta is None:
        return "–"
    points = figure.delta * 100
    sign = "+" if points > 0 else "-" if points < 0 else ""
    return f"{sign}{fmt_number(abs(points), 1)} điểm"


def places_table(report: TeamReport) -> Table:
    """Help per place: the desk and each village point."""
    now, before = report.current, report.before
    columns = ("Nơi hỗ trợ", "Lượt", "Kỳ trước", "Buổi", "VNeID", "Nộp TT", "Thanh toán")
    rows: list[tuple[str, ...]] = []
    if report.place is None:
        desk = now.desk_measures
        rows.append(_place_row(report.desk_name, now.desk_helped, before.desk_helped, 0, desk))
    for place in report.places:
        rows.append(
            _place_row(
                place,
                now.village_helped.get(place, 0),
                before.village_helped.get(place, 0),
                now.sessions.get(place, 0),
                now.place_measures.get(place, {}),
            )
        )
    rows.append(
        _place_row(
            "Tổng",
            now.helped,
            before.helped,
            sum(now.sessions.values()),
            {m: now.measure(m) for m in Measure},
        )
    )
    return Table(
        "2. Theo nơi hỗ trợ (kỳ này)",
        columns,
        tuple(rows),
        note="Nộp TT: nộp hồ sơ trực tuyến có hỗ trợ.",
    )


def _place_row(
    label: str, now: int, before: int, sessions: int, measures: Mapping[Measure, int]
) -> tuple[str, ...]:
    return (
        label,
        fmt_number(now),
        fmt_number(before),
        fmt_number(sessions),
        *(
            fmt_number(measures.get(m, 0))
            for m in (Measure.VNEID_ACTIVATED, Measure.SUBMITTED_ONLINE, Measure.PAID_ONLINE)
        ),
    )


def _counts_table(
    title: str,
    head: str,
    now: Mapping[str, int],
    before: Mapping[str, int],
    label: Callable[[str], str],
    order: list[str],
) -> Table:
    keys = [k for k in order if k in now or k in before]
    keys += sorted(k for k in set(now) | set(before) if k not in keys)
    rows = tuple(compare_row(label(k), Figure(now.get(k, 0), before.get(k, 0))) for k in keys)
    return Table(title, (head, *COMPARE), rows or (("Không có", "0", "0", "0"),))


def detail_tables(report: TeamReport) -> list[Table]:
    """Needs, outcomes, members by role, and (when recorded) age band and sex."""
    now, before = report.current, report.before
    tables = [
        _counts_table(
            "3. Nhu cầu của người dân tại các điểm thôn",
            "Nhu cầu",
            now.needs,
            before.needs,
            lambda k: report.label(report.need_labels, k),
            list(report.need_labels),
        ),
        _counts_table(
            "4. Kết quả hỗ trợ tại các điểm thôn",
            "Kết quả",
            now.village_outcomes,
            before.village_outcomes,
            lambda k: report.label(report.outcome_labels, k),
            list(report.outcome_labels),
        ),
    ]
    if report.place is None:
        tables.append(
            _counts_table(
                "5. Kết quả hỗ trợ tại bộ phận một cửa (lượt có thành viên Tổ)",
                "Kết quả",
                now.desk_outcomes,
                before.desk_outcomes,
                lambda k: report.label(report.outcome_labels, k),
                list(report.outcome_labels),
            )
        )
    roles = {r.value: vi for r, (vi, _en) in HELPER_ROLE_LABELS.items()}
    tables.append(
        _counts_table(
            f"{len(tables) + 3}. Thành viên tham gia theo vai trò",
            "Vai trò",
            now.members_by_role,
            before.members_by_role,
            lambda k: roles.get(k, k or "Khác"),
            [r.value for r in HelperRole],
        )
    )
    if _recorded(now.age_bands) or _recorded(before.age_bands):
        bands = {b.value: AGE_BAND_LABELS[b].vi for b in AgeBand}
        tables.append(
            _counts_table(
                f"{len(tables) + 3}. Người được hỗ trợ tại thôn theo độ tuổi",
                "Độ tuổi",
                now.age_bands,
                before.age_bands,
                lambda k: bands.get(k, NOT_RECORDED),
                [*bands, ""],
            )
        )
    if _recorded(now.sexes) or _recorded(before.sexes):
        sexes = {s.value: SEX_LABELS[s].vi for s in Sex}
        tables.append(
            _counts_table(
                f"{len(tables) + 3}. Người được hỗ trợ tại thôn theo giới tính",
                "Giới tính",
                now.sexes,
                before.sexes,
                lambda k: sexes.get(k, NOT_RECORDED),
                [*sexes, ""],
            )
        )
    return tables


def _recorded(counts: Mapping[str, int]) -> bool:
    return any(key for key, count in counts.items() if count)


def team_blocks(report: TeamReport) -> list[Block]:
    """The report's body: the paragraph, the tables, how figures are counted."""
    blocks: list[Block] = [
        Heading("I. TÌNH HÌNH VÀ KẾT QUẢ"),
        Para(paragraph(report)),
        main_table(report),
        places_table(report),
        *detail_tables(report),
        Heading("II. CÁCH TÍNH SỐ LIỆU"),
    ]
    blocks += [Note(text) for text in notes(report)]
    return blocks
