"""Dates and times as Vietnamese readers write them (and English readers, when chosen).

Vietnamese writes dates day first (23/11/2026) after the weekday ("Thứ Hai"); times are
24-hour (09:05). Numbers go through ``kiosk.domain.numbers.format_number`` (1.234, 7,5).
Qt's locale data is not used so the result does not depend on the ICU build on the kiosk.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.domain.numbers import format_number
from ui.i18n import translate


def weekday_name(day: date) -> str:
    """``Thứ Hai`` ... ``Chủ nhật`` (translated)."""
    names = (
        translate("formatting", "Thứ Hai"),
        translate("formatting", "Thứ Ba"),
        translate("formatting", "Thứ Tư"),
        translate("formatting", "Thứ Năm"),
        translate("formatting", "Thứ Sáu"),
        translate("formatting", "Thứ Bảy"),
        translate("formatting", "Chủ nhật"),
    )
    return names[day.weekday()]


def format_date(day: date) -> str:
    """``Thứ Hai, 23/11/2026``."""
    return translate("formatting", "{weekday}, {day:02d}/{month:02d}/{year}").format(
        weekday=weekday_name(day), day=day.day, month=day.month, year=day.year
    )


def format_time(moment: datetime, tz: ZoneInfo) -> str:
    """``09:05`` in the commune's time zone."""
    local = moment.astimezone(tz)
    return f"{local.hour:02d}:{local.minute:02d}"


def format_minutes(minutes: int, language: str) -> str:
    """``khoảng 15 phút`` / ``about 15 minutes``; ``1 giờ 20 phút`` past an hour."""
    if minutes >= 60:
        hours, rest = divmod(minutes, 60)
        if rest == 0:
            return translate("formatting", "khoảng {hours} giờ", None, hours).format(hours=hours)
        return translate("formatting", "khoảng {hours} giờ {minutes} phút", None, hours).format(
            hours=hours, minutes=rest
        )
    return translate("formatting", "khoảng {minutes} phút", None, minutes).format(
        minutes=format_number(minutes, language=language)
    )
