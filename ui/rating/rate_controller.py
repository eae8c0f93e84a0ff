"""The kiosk's rating: check the ticket number, then store the rating, on the database thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Slot

from kiosk.domain.errors import ErrorCode, KioskError
from kiosk.domain.numbering import format_ticket_number, parse_ticket_number
from kiosk.services.ratings import rate_ticket, ticket_to_rate
from ui.rating.rate_number_screen import ALREADY_RATED, FAILED, NOT_FINISHED, UNKNOWN
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
    """Connects the rating screen to ``ticket_to_rate`` and ``rate_ticket``."""

    def __init__(self, *, screen: RateScreen, runtime: Runtime) -> None:
        super().__init__(screen)
        self._screen = screen
        self._runtime = runtime
        self._runner = runtime.runner
        screen.number_entered.connect(self._on_screen_number_entered)
        screen.rating_chosen.connect(self._on_screen_rating_chosen)

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

    @Slot(str)
    def _on_screen_number_entered(self, typed: str) -> None:
        self._runner.start(self._check(typed), owner=self)

    @Slot(str, int, str)
    def _on_screen_rating_chosen(self, number: str, level: int, reason: str) -> None:
        self._runner.start(self._store(number, level, reason), owner=self)
