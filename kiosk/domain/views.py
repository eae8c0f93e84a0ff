"""Frozen view objects that use cases hand to screens and printers (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.enums import HelperKind, HelperRole, TicketStatus


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in Vietnamese and English; Vietnamese is always present."""

    vi: str
    en: str = ""

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to Vietnamese."""
        return self.en if language == "en" and self.en else self.vi


@dataclass(frozen=True, slots=True)
class SiteHeader:
    """What tickets and reports print at the top."""

    desk_name: str
    commune: str
    province: str

    def place_line(self) -> str:
        """``Xã A, tỉnh B`` as printed; empty parts left out (there is no district since 2025)."""
        return ", ".join(part for part in (self.commune, self.province) if part)


@dataclass(frozen=True, slots=True)
class ProcedureView:
    """A procedure a visitor may pick."""

    id: int
    code: str
    line_code: str
    name: LocalText


@dataclass(frozen=True, slots=True)
class LineView:
    """A queue with its waiting count and estimate, for the kiosk and the display."""

    id: int
    code: str
    name: LocalText
    waiting: int
    estimated_wait_min: int
    counters: tuple[int, ...]
    procedures: tuple[ProcedureView, ...] = ()


@dataclass(frozen=True, slots=True)
class LineCount:
    """A queue and how many wait on it: what the desks and the TV show of each line."""

    code: str
    name: LocalText
    waiting: int


@dataclass(frozen=True, slots=True)
class TicketView:
    """A ticket as a visitor, a desk or a printer sees it."""

    id: int
    number: str
    line_code: str
    line_name: LocalText
    status: TicketStatus
    service_day: date
    issued_at: datetime
    procedure: LocalText | None = None
    priority_group: str | None = None
    called_at: datetime | None = None
    counter_number: int | None = None
    recall_count: int = 0
    counters: tuple[int, ...] = ()
    people_ahead: int = 0
    estimated_wait_min: int = 0
    # False for a ticket issued while the server was gone: nobody knows the queue ahead of it.
    queue_known: bool = True


@dataclass(frozen=True, slots=True)
class HelperView:
    """A staff member or volunteer, without the PIN hash."""

    id: int
    name: str
    kind: HelperKind
    role: HelperRole
    affiliation: str
    active: bool
    has_pin: bool
