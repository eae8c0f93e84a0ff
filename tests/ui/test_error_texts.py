"""Core errors are worded by their code, never by their English message."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.clock import FixedClock
from kiosk.domain.errors import AuthError, ErrorCode, KioskError, ValidationError
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper, sign_in
from ui.error_texts import _wordings, error_text

ROOT = Path(__file__).resolve().parents[2]
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# Codes no screen words specially: their errors read "Không thực hiện được: <message>".
GENERAL = {ErrorCode.GENERAL, ErrorCode.NOT_FOUND, ErrorCode.INVALID_INPUT, ErrorCode.AUTH_FAILED}


def test_every_code_the_core_raises_has_a_wording() -> None:
    core = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kiosk").rglob("*.py"))
    names = set(re.findall(r"ErrorCode\.([A-Z_]+)", core)) & set(ErrorCode.__members__)
    raised = {ErrorCode[name] for name in names}
    assert ErrorCode.PIN_LOCKED in raised  # the scan finds the codes
    assert raised - GENERAL - set(_wordings()) == set()


def test_the_wording_follows_the_code_whatever_the_message_says() -> None:
    exc = KioskError("Reworded in English some day.", code=ErrorCode.WRONG_PIN)
    assert error_text(exc, HANOI) == "Mã PIN không đúng."


def test_a_lockout_names_the_local_time(sqlite_ctx: AppContext, clock: FixedClock) -> None:
    helper = add_helper(
        sqlite_ctx,
        name="Vũ Thị Mai",
        kind="staff",
        role="desk_officer",
        pin="1234",
        actor=Actor("test"),
    )
    for _ in range(4):
        with pytest.raises(AuthError):
            sign_in(sqlite_ctx, helper_id=helper.id, pin="0000")
    with pytest.raises(AuthError) as raised:
        sign_in(sqlite_ctx, helper_id=helper.id, pin="0000")
    assert raised.value.code is ErrorCode.PIN_LOCKED
    assert error_text(raised.value, HANOI) == (
        "Nhập sai mã PIN quá nhiều lần. Xin thử lại sau 09:05."
    )


def test_a_code_without_wording_shows_the_detail_and_a_bug_shows_no_detail() -> None:
    unworded = ValidationError("Unknown role {role}.", role="chef")
    assert error_text(unworded, HANOI) == "Không thực hiện được: Unknown role chef."
    bug = ZeroDivisionError("division by zero")
    assert "division" not in error_text(bug, HANOI)


def test_code_is_reserved_for_error_codes() -> None:
    with pytest.raises(TypeError):
        KioskError("There is no line {code}.", code="A")  # type: ignore[arg-type]


def test_times_are_shown_in_the_commune_zone() -> None:
    exc = AuthError(
        "Too many wrong PINs. Try again after {time}.",
        code=ErrorCode.PIN_LOCKED,
        time=datetime(2026, 11, 23, 2, 5, tzinfo=UTC),
    )
    assert error_text(exc, HANOI).endswith("09:05.")
