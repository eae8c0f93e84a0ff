"""Errors from the core as people read them: worded by code, in Vietnamese (or English).

The core raises ``KioskError`` subclasses with a stable ``ErrorCode`` and ``params``; this
module is the one place that turns a code into words, for every program. No screen reads an
error's English message. A code without a wording here shows a general sentence with the
message as detail (and the log says which code needs one); anything that is not a
``KioskError`` is a bug: a general sentence on screen, the traceback in the log.

Adding a wording: one line in ``_wordings`` with a literal ``translate("ErrorTexts", ...)``
(so pyside6-lupdate finds it), then its English in ``data/translations/kiosk_en.ts``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.domain.errors import ErrorCode, KioskError
from ui.formatting import format_time
from ui.i18n import translate

logger = logging.getLogger(__name__)

Wording = Callable[[], str]


def link_down_text() -> str:
    """What every staff screen says while the database cannot be reached."""
    return translate("ErrorTexts", "Mất kết nối máy chủ, đang thử lại…")


def busy_retrying_text() -> str:
    """What staff screens say while an action waits for a busy database (over a second)."""
    return translate("ErrorTexts", "Đang bận, đang thử lại…")


def _sign_in_wordings() -> dict[ErrorCode, Wording]:
    return {
        ErrorCode.WRONG_PIN: lambda: translate("ErrorTexts", "Mã PIN không đúng."),
        ErrorCode.PIN_LOCKED: lambda: translate(
            "ErrorTexts", "Nhập sai mã PIN quá nhiều lần. Xin thử lại sau {time}."
        ),
        ErrorCode.CANNOT_SIGN_IN: lambda: translate(
            "ErrorTexts", "{name} không đăng nhập được (chưa có mã PIN?)."
        ),
        ErrorCode.NOT_A_MANAGER: lambda: translate(
            "ErrorTexts", "Chỉ lãnh đạo mới xem được báo cáo."
        ),
        ErrorCode.PIN_FORMAT: lambda: translate(
            "ErrorTexts", "Mã PIN gồm {low} đến {high} chữ số."
        ),
        ErrorCode.PIN_STAFF_ONLY: lambda: translate("ErrorTexts", "Chỉ cán bộ mới có mã PIN."),
    }


def _ticket_wordings() -> dict[ErrorCode, Wording]:
    return {
        ErrorCode.COUNTER_BUSY: lambda: translate(
            "ErrorTexts",
            "Quầy {counter} đang phục vụ số {number}: hãy hoàn thành hoặc báo vắng trước.",
        ),
        ErrorCode.TICKET_NOT_WAITING: lambda: translate(
            "ErrorTexts", "Số {number} không còn chờ nữa."
        ),
        ErrorCode.NOTHING_TO_UNDO: lambda: translate(
            "ErrorTexts", "Không còn gì để hoàn tác cho số {number} (quá 2 phút?)."
        ),
        ErrorCode.ALREADY_ON_LINE: lambda: translate("ErrorTexts", "Số này đã ở hàng {line}."),
        ErrorCode.INVALID_TRANSITION: lambda: translate(
            "ErrorTexts", "Không làm được việc này với số ở trạng thái hiện tại."
        ),
        ErrorCode.REACTIVATE_TODAY_ONLY: lambda: translate(
            "ErrorTexts", "Chỉ cho chờ lại được số của hôm nay."
        ),
        ErrorCode.TICKET_NUMBER_INVALID: lambda: translate(
            "ErrorTexts", "{number} không phải số vé (ví dụ: A012)."
        ),
        ErrorCode.TICKET_NOT_FOUND: lambda: translate(
            "ErrorTexts", "Không có số {number} trong ngày."
        ),
        ErrorCode.TICKET_NOT_FINISHED: lambda: translate(
            "ErrorTexts", "Số {number} chưa phục vụ xong: xin đánh giá sau khi làm xong việc."
        ),
        ErrorCode.TICKET_CODE_INVALID: lambda: translate(
            "ErrorTexts", "Mã vừa quét không phải mã trên vé xếp hàng."
        ),
        ErrorCode.TICKET_OTHER_DAY: lambda: translate(
            "ErrorTexts", "Vé {number} là vé của ngày khác: chỉ đánh giá được vé hôm nay."
        ),
        ErrorCode.ALREADY_RATED: lambda: translate(
            "ErrorTexts", "Lượt này đã được đánh giá. Xin cảm ơn!"
        ),
        ErrorCode.UNKNOWN_PROCEDURE: lambda: translate(
            "ErrorTexts", "Không có thủ tục {procedure}."
        ),
        ErrorCode.PROCEDURE_OTHER_LINE: lambda: translate(
            "ErrorTexts", "Thủ tục {procedure} không làm ở hàng {line}."
        ),
    }


def _visit_wordings() -> dict[ErrorCode, Wording]:
    return {
        ErrorCode.VISIT_NEEDS_HELPER: lambda: translate(
            "ErrorTexts", "Cần ít nhất một người hỗ trợ."
        ),
        ErrorCode.VISIT_NEEDS_OUTCOME: lambda: translate(
            "ErrorTexts", "Cần chọn ít nhất một kết quả."
        ),
        ErrorCode.HELPER_LISTED_TWICE: lambda: translate(
            "ErrorTexts", "Một người hỗ trợ bị chọn hai lần."
        ),
        ErrorCode.ONE_LEAD_ONLY: lambda: translate(
            "ErrorTexts", "Chỉ một người được là người chính."
        ),
        ErrorCode.HELPER_INACTIVE: lambda: translate("ErrorTexts", "{name} không còn hoạt động."),
        ErrorCode.PLACE_MISSING: lambda: translate("ErrorTexts", "Hãy ghi nơi đã hỗ trợ."),
        ErrorCode.VISIT_IN_FUTURE: lambda: translate(
            "ErrorTexts", "Thời gian bắt đầu không thể ở tương lai."
        ),
        ErrorCode.HELPER_NAME_MISSING: lambda: translate("ErrorTexts", "Cần nhập họ tên."),
    }


def _village_wordings() -> dict[ErrorCode, Wording]:
    return {
        ErrorCode.VILLAGE_SETUP: lambda: translate(
            "ErrorTexts", "Chưa làm được việc này với cài đặt điểm hỗ trợ thôn trên máy này."
        ),
        ErrorCode.VILLAGE_SYNC: lambda: translate(
            "ErrorTexts",
            "Chưa dùng được cơ sở dữ liệu của xã tại {where}. Các bản ghi vẫn ở máy này"
            " và sẽ được gửi ở lần đồng bộ sau.",
        ),
        ErrorCode.VILLAGE_FILE: lambda: translate(
            "ErrorTexts", "Không đọc hoặc ghi được tệp {path}."
        ),
        ErrorCode.VILLAGE_TRANSFER: lambda: translate(
            "ErrorTexts",
            "Không lưu được các bản ghi của điểm hỗ trợ thôn: chúng không khớp"
            " với dữ liệu của xã này.",
        ),
        ErrorCode.VILLAGE_FIELD: lambda: translate(
            "ErrorTexts", "Một mục trong tệp bị thiếu hoặc sai kiểu."
        ),
        ErrorCode.VILLAGE_FILE_DAMAGED: lambda: translate(
            "ErrorTexts", "Tệp của điểm hỗ trợ thôn bị hỏng, không đọc được."
        ),
        ErrorCode.VILLAGE_FILE_EMPTY: lambda: translate("ErrorTexts", "Tệp trống."),
        ErrorCode.NOT_A_VILLAGE_FILE: lambda: translate(
            "ErrorTexts", "Đây không phải tệp điểm hỗ trợ thôn mà phiên bản này đọc được."
        ),
        ErrorCode.VILLAGE_FILE_TRUNCATED: lambda: translate(
            "ErrorTexts", "Tệp bị cắt ngắn (chép chưa xong?). Hãy chép lại tệp."
        ),
        ErrorCode.VILLAGE_FILE_TAMPERED: lambda: translate(
            "ErrorTexts", "Chữ ký không khớp: tệp đã bị sửa sau khi xuất. Không nhập gì."
        ),
        ErrorCode.VILLAGE_FILE_OTHER_KEY: lambda: translate(
            "ErrorTexts", "Tệp được ký bằng khóa khác (của xã khác, hoặc khóa của xã đã đổi)."
        ),
        ErrorCode.VILLAGE_FILE_WRONG_KIND: lambda: translate(
            "ErrorTexts",
            "Tệp này là loại khác: danh sách người hỗ trợ thay vì bản ghi, hoặc ngược lại.",
        ),
    }


def _wordings() -> dict[ErrorCode, Wording]:
    # Built on each call so translate() answers in the language chosen now.
    return {
        ErrorCode.LINK_DOWN: link_down_text,
        ErrorCode.DATABASE_BUSY: lambda: translate(
            "ErrorTexts", "Cơ sở dữ liệu đang bận, chưa ghi được gì. Xin thử lại."
        ),
        ErrorCode.PERMISSION_DENIED: lambda: translate(
            "ErrorTexts", "Tài khoản này không được phép làm việc này."
        ),
        ErrorCode.REPORT_WRITE_FAILED: lambda: translate(
            "ErrorTexts", "Chưa ghi được tệp {path}: {reason}"
        ),
        ErrorCode.BACKUP_FAILED: lambda: translate(
            "ErrorTexts", "Chưa sao lưu hoặc khôi phục được dữ liệu. Báo cán bộ kỹ thuật."
        ),
        **_sign_in_wordings(),
        **_ticket_wordings(),
        **_visit_wordings(),
        **_village_wordings(),
    }


def error_text(exc: BaseException, tz: ZoneInfo) -> str:
    """What to show for an error, in the current language; times in the commune's zone."""
    if not isinstance(exc, KioskError):
        logger.error("action failed", exc_info=exc)
        return translate(
            "ErrorTexts",
            "Có lỗi khi làm việc này. Xin thử lại; nếu vẫn lỗi, báo cán bộ kỹ thuật.",
        )
    wording = _wordings().get(exc.code)
    if wording is not None:
        params = {
            key: format_time(value, tz) if isinstance(value, datetime) else value
            for key, value in exc.params.items()
        }
        try:
            return wording().format(**params)
        except (KeyError, IndexError, ValueError):
            logger.warning("cannot word %s with %r", exc.code, params)
    logger.warning("no wording for error code %s: %s", exc.code, exc)
    return translate("ErrorTexts", "Không thực hiện được: {detail}").format(detail=str(exc))
