"""The kiosk's rating: offer just-ended visits, check a number or a scanned code, store it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Slot

from kiosk.domain.errors import ErrorCode, KioskError
from kiosk.domain.numbering import format_ticket_number, parse_ticket_number
from kiosk.services.rating_choices import recent_visits, ticket_by_code
from kiosk.services.ratings import rate_ticket, rate_visit, ticket_to_rate
from ui.rating.rate_number_screen import (
    ALREADY_RATED,
    BAD_CODE,
    FAILED,
    NOT_FINISHED,
    OTHER_DAY,
    UNKNOWN,
)
from ui.rating.rate_screen import RateScreen
from ui.shell import Runtime

logger = logging.getLogger(__name__)

_PROBLEMS = {
    ErrorCode.ALREADY_RATED: ALREADY_RATED,
    ErrorCode.TICKET_NOT_FINISHED: NOT_FINISHED,
    ErrorCode.INVALID_TRANSITION: NOT_FINISHED,
    ErrorCode.NOT_FOUND: UNKNOWN,
    ErrorCode.INVALID_INPUT: UNKNOWN,
    ErrorCode.TICKET_NOT_FOUND: UNKNOWN,
    ErrorCode.TICKET_NUMBER_INVALID: UNKNOWN,
    ErrorCode.TICKET_CODE_INVALID: BAD_CODE,
    ErrorCode.TICKET_OTHER_DAY: OTHER_DAY,
}


def problem_kind(exc: Exception) -> str:
    """Which message a rating error shows (no SQL, no traceback on a visitor's screen)."""
    if not isinstance(exc, KioskError):
        return FAILED
    return _PROBLEMS.get(exc.code, FAILED)


def shown_number(typed: str) -> str:
    """``A12`` as printed on tickets (``A012``), or as typed when it is not a number."""
    parsed = parse_ticket_number(typed)
    return format_ticket_number(*parsed) if parsed else typed


class RateController(QObject):
    """Connects the rating screen to ``recent_visits``, the checks and the ``rate_*`` services."""

    def __init__(self, *, screen: RateScreen, runtime: Runtime) -> None:
        super().__init__(screen)
        self._screen = screen
        self._runtime = runtime
        self._runner = runtime.runner
        screen.opened.connect(self._on_screen_opened)
        screen.number_entered.connect(self._on_screen_number_entered)
        screen.code_scanned.connect(self._on_screen_code_scanned)
        screen.rating_chosen.connect(self._on_screen_rating_chosen)
        screen.visit_rating_chosen.connect(self._on_screen_visit_rating_chosen)

    def start(self) -> None:
        """Nothing runs in the background: the screen asks when a visitor acts."""

    def stop(self) -> None:
        """Cancel a check or a store still running."""
        self._runner.cancel(self)

    async def _check(self, typed: str) -> None:
        screen = self._screen
        screen.number.set_busy(True)
        try:
            number = await self._runtime.ops.run(lambda ctx: ticket_to_rate(ctx, number=typed))
        except Exception as exc:
            self._log(exc)
            screen.show_problem(problem_kind(exc), shown_number(typed))
            return
        finally:
            screen.number.set_busy(False)
        screen.show_scale(number)

    async def _offer_visits(self) -> None:
        try:
            visits = await self._runtime.ops.run(recent_visits)
        except Exception as exc:
            # The keypad stays: typing the number still works once the database answers.
            logger.warning("visits that just ended not read: %s", exc)
            return
        self._screen.show_visits(visits)

    async def _check_code(self, code: str) -> None:
        screen = self._screen
        try:
            number = await self._runtime.ops.run(lambda ctx: ticket_by_code(ctx, code=code))
        except Exception as exc:
            self._log(exc)
            number = str(exc.params.get("number", "")) if isinstance(exc, KioskError) else ""
            screen.show_problem(problem_kind(exc), number)
            return
        finally:
            screen.number.set_busy(False)
        screen.show_scale(number)

    async def _store_visit(self, visit_id: int, level: int, reason: str) -> None:
        try:
            await self._runtime.ops.run(
                lambda ctx: rate_visit(ctx, visit_id=visit_id, level=level, reason=reason or None)
            )
        except Exception as exc:
            self._log(exc)
            self._screen.show_problem(problem_kind(exc), "")
            return
        self._screen.show_thanks()

    async def _store(self, number: str, level: int, reason: str) -> None:
        try:
            await self._runtime.ops.run(
                lambda ctx: rate_ticket(ctx, number=number, level=level, reason=reason or None)
            )
        except Exception as exc:
            self._log(exc)
            self._screen.show_problem(problem_kind(exc), number)
            return
        self._screen.show_thanks()

    def _log(self, exc: Exception) -> None:
        if problem_kind(exc) == FAILED:
            logger.error("rating failed", exc_info=exc)
        else:
            logger.info("rating refused: %s", exc)

    @Slot()
    def _on_screen_opened(self) -> None:
        self._runner.start(self._offer_visits(), owner=self)

    @Slot(str)
    def _on_screen_code_scanned(self, code: str) -> None:
        self._runner.start(self._check_code(code), owner=self)

    @Slot(int, int, str)
    def _on_screen_visit_rating_chosen(self, visit_id: int, level: int, reason: str) -> None:
        self._runner.start(self._store_visit(visit_id, level, reason), owner=self)

    @Slot(str)
    def _on_screen_number_entered(self, typed: str) -> None:
        self._runner.start(self._check(typed), owner=self)

    @Slot(str, int, str)
    def _on_screen_rating_chosen(self, number: str, level: int, reason: str) -> None:
        self._runner.start(self._store(number, level, reason), owner=self)
