"""Errors from the core as a desk officer reads them: Vietnamese (or English), never a traceback.

``KioskError.message`` is an English source text with ``{params}``. The messages a desk can
meet are listed here with their Vietnamese wording (translated back to English by desk_en.ts);
anything else becomes a general message while the details go to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.domain.errors import KioskError
from ui.formatting import format_time
from ui.i18n import translate

logger = logging.getLogger(__name__)

COUNTER_BUSY = (
    "Counter {counter} is still with ticket {number}: finish it or mark it no-show first."
)


def _known() -> dict[str, Callable[[], str]]:
    # Each wording is a literal translate() call so pyside6-lupdate finds it.
    return {
        "Wrong PIN.": lambda: translate("DeskErrors", "Mã PIN không đúng."),
        "Too many wrong PINs. Try again after {time}.": lambda: translate(
            "DeskErrors", "Nhập sai mã PIN quá nhiều lần. Xin thử lại sau {time}."
        ),
        "{name} cannot sign in.": lambda: translate(
            "DeskErrors", "{name} không đăng nhập được (chưa có mã PIN?)."
        ),
        "A PIN must be {low} to {high} digits.": lambda: translate(
            "DeskErrors", "Mã PIN gồm {low} đến {high} chữ số."
        ),
        COUNTER_BUSY: lambda: translate(
            "DeskErrors",
            "Quầy {counter} đang phục vụ số {number}: hãy hoàn thành hoặc báo vắng trước.",
        ),
        "Ticket {number} is not waiting any more.": lambda: translate(
            "DeskErrors", "Số {number} không còn chờ nữa."
        ),
        "There is nothing to undo for ticket {number}.": lambda: translate(
            "DeskErrors", "Không còn gì để hoàn tác cho số {number} (quá 2 phút?)."
        ),
        "The ticket is already on line {line}.": lambda: translate(
            "DeskErrors", "Số này đã ở hàng {line}."
        ),
        "Cannot {action} a ticket that is {status}.": lambda: translate(
            "DeskErrors", "Không làm được việc này với số ở trạng thái hiện tại."
        ),
        "Only today's tickets can be reactivated.": lambda: translate(
            "DeskErrors", "Chỉ cho chờ lại được số của hôm nay."
        ),
        "A visit needs at least one helper.": lambda: translate(
            "DeskErrors", "Cần ít nhất một người hỗ trợ."
        ),
        "A visit needs at least one outcome.": lambda: translate(
            "DeskErrors", "Cần chọn ít nhất một kết quả."
        ),
        "The same helper is listed twice.": lambda: translate(
            "DeskErrors", "Một người hỗ trợ bị chọn hai lần."
        ),
        "Only one helper can lead a visit.": lambda: translate(
            "DeskErrors", "Chỉ một người được là người chính."
        ),
        "{name} is no longer an active helper.": lambda: translate(
            "DeskErrors", "{name} không còn hoạt động."
        ),
        "Name the place where help was given.": lambda: translate(
            "DeskErrors", "Hãy ghi nơi đã hỗ trợ."
        ),
        "A visit cannot start in the future.": lambda: translate(
            "DeskErrors", "Thời gian bắt đầu không thể ở tương lai."
        ),
        "A helper needs a name.": lambda: translate("DeskErrors", "Cần nhập họ tên."),
        "Only staff sign in, so only staff get a PIN.": lambda: translate(
            "DeskErrors", "Chỉ cán bộ mới có mã PIN."
        ),
        "{number} is not a ticket number such as A012.": lambda: translate(
            "DeskErrors", "{number} không phải số vé (ví dụ: A012)."
        ),
        "No ticket {number} on {day}.": lambda: translate(
            "DeskErrors", "Không có số {number} trong ngày."
        ),
    }


def error_text(exc: BaseException, tz: ZoneInfo) -> str:
    """What to show for an error: a known message in the current language, or a general one."""
    if isinstance(exc, KioskError):
        known = _known().get(exc.message)
        if known is not None:
            params = {
                key: format_time(value, tz) if isinstance(value, datetime) else value
                for key, value in exc.params.items()
            }
            try:
                return known().format(**params)
            except (KeyError, IndexError, ValueError):
                logger.warning("cannot format %r with %r", exc.message, params)
        logger.warning("desk error without a desk wording: %s", exc)
        return translate("DeskErrors", "Không thực hiện được: {detail}").format(detail=str(exc))
    logger.error("desk action failed", exc_info=exc)
    return translate(
        "DeskErrors", "Có lỗi khi làm việc này. Xin thử lại; nếu vẫn lỗi, báo cán bộ kỹ thuật."
    )
