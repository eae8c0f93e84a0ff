"""Words the desk screens build from views: waits, ticket captions, roles, statuses."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.config import Config
from kiosk.domain.enums import HELPER_ROLE_LABELS, TicketStatus
from kiosk.domain.views import HelperView, TicketView
from ui.formatting import format_time
from ui.i18n import I18n, translate

SEPARATOR = " · "


def waited_minutes(issued_at: datetime, now: datetime) -> int:
    """Whole minutes since a ticket was issued (never negative)."""
    return max(0, int((now - issued_at).total_seconds() // 60))


def wait_text(issued_at: datetime, now: datetime) -> str:
    """``chờ 12 phút`` / ``waiting 12 min``."""
    return translate("DeskTexts", "chờ {minutes} phút").format(
        minutes=waited_minutes(issued_at, now)
    )


def priority_text(config: Config, i18n: I18n, group: str | None) -> str:
    """``Ưu tiên: Người cao tuổi`` for a priority ticket; empty otherwise."""
    if group is None:
        return ""
    for known in config.queue.priority_groups:
        if known.code == group:
            group_text = translate("DeskTexts", "Ưu tiên: {group}")
            return group_text.format(group=i18n.text(known.name))
    return translate("DeskTexts", "Ưu tiên")


def ticket_caption(ticket: TicketView, i18n: I18n) -> str:
    """The line and, when chosen, the procedure: ``Hộ tịch · Đăng ký khai sinh``."""
    parts = [i18n.text(ticket.line_name)]
    if ticket.procedure is not None:
        parts.append(i18n.text(ticket.procedure))
    return SEPARATOR.join(parts)


def status_text(ticket: TicketView, tz: ZoneInfo) -> str:
    """Where the ticket is: called at, recalled, being served, waiting, no-show..."""
    if ticket.status is TicketStatus.SERVING:
        return translate("DeskTexts", "Đang phục vụ")
    if ticket.status is TicketStatus.CALLED and ticket.called_at is not None:
        called = translate("DeskTexts", "Đã gọi lúc {time}").format(
            time=format_time(ticket.called_at, tz)
        )
        if ticket.recall_count:
            recalled = translate("DeskTexts", "gọi lại {count} lần").format(
                count=ticket.recall_count
            )
            return f"{called}{SEPARATOR}{recalled}"
        return called
    words = {
        TicketStatus.WAITING: translate("DeskTexts", "Đang chờ"),
        TicketStatus.DONE: translate("DeskTexts", "Đã xong"),
        TicketStatus.NO_SHOW: translate("DeskTexts", "Vắng mặt"),
        TicketStatus.CANCELLED: translate("DeskTexts", "Đã huỷ"),
        TicketStatus.NOT_SERVED_AT_CLOSING: translate("DeskTexts", "Hết giờ, chưa phục vụ"),
    }
    return words.get(ticket.status, "")


def role_text(helper: HelperView, i18n: I18n) -> str:
    """``Giáo viên · Trường THCS``: the role and, when known, the affiliation."""
    role = i18n.pick(HELPER_ROLE_LABELS[helper.role])
    return SEPARATOR.join(part for part in (role, helper.affiliation) if part)


def counter_title(number: int) -> str:
    """``Quầy 2``."""
    return translate("DeskTexts", "Quầy {number}").format(number=number)


def counter_purpose(number: int, name: str) -> str:
    """What a counter's configured name adds to ``Quầy 2`` (``Tổ công nghệ số``), or ``""``."""
    title = counter_title(number)
    for prefix in (title, f"Quầy {number}"):
        if name.startswith(prefix):
            return name[len(prefix) :].lstrip(" -–·:")
    return name
