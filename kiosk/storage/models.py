"""SQLAlchemy 2 models: lines, procedures, counters, tickets, helpers, visits, audit, throttles."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.domain.enums import TicketStatus

# Stable constraint names so SQLite batch migrations and PostgreSQL agree.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both engines (SQLite stores no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store UTC; SQLite gets a naive UTC value."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Always hand back an aware UTC datetime."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Site(Base):
    """One site (a commune centre)."""

    __tablename__ = "site"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)


class Line(Base):
    """A queue with a one-letter prefix."""

    __tablename__ = "line"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(1), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    procedures: Mapped[list[Procedure]] = relationship(back_populates="line")


class Procedure(Base):
    """An administrative procedure, offered on one line."""

    __tablename__ = "procedure"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    name_vi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    line: Mapped[Line] = relationship(back_populates="procedures")


class Counter(Base):
    """A desk and the lines it serves."""

    __tablename__ = "counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # A desk is "open" while someone is signed in; wait estimates count open desks.
    open_since: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    lines: Mapped[list[Line]] = relationship(secondary="counter_line")


class CounterLine(Base):
    """Which lines a counter serves."""

    __tablename__ = "counter_line"
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"), primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), primary_key=True)


class TicketSequence(Base):
    """The last number issued per line and service day (atomic upsert)."""

    __tablename__ = "ticket_sequence"
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


# The conditions of the partial indexes below, with the statuses as literals: a statement uses
# such an index only when its own WHERE names them the same way (a parameter proves nothing to
# the planner), so call-next's SQL (``kiosk.services.calling_sql``) is built from these.
TICKET_WAITING = f"status = '{TicketStatus.WAITING.value}'"
TICKET_AT_DESK = f"status IN ('{TicketStatus.CALLED.value}', '{TicketStatus.SERVING.value}')"


def _partial_index(name: str, where: str, *columns: str) -> Index:
    return Index(name, *columns, postgresql_where=text(where), sqlite_where=text(where))


class Ticket(Base):
    """A queue ticket and its journey."""

    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("issue_line_id", "service_day", "sequence", name="uq_ticket_line_day_seq"),
        Index("ix_ticket_status_line", "status", "line_id", "issued_at"),
        Index("ix_ticket_day", "service_day"),
        # Recent service times per line (waiting estimates) on years of history.
        Index("ix_ticket_line_finished", "line_id", "finished_at"),
        # A desk's last calls (call-next's priority streak).
        Index("ix_ticket_counter_called", "counter_id", "called_at"),
        # Call-next reads only the day's waiting tickets and the tickets desks hold, not the
        # whole day, which walking ix_ticket_day cost each call in proportion to the day's
        # tickets (bench/queue.py, P6).
        _partial_index("ix_ticket_waiting", TICKET_WAITING, "service_day", "line_id"),
        _partial_index("ix_ticket_at_desk", TICKET_AT_DESK, "counter_id", "service_day"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # The line the number was issued on; a transfer changes line_id but never the number.
    issue_line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    service_day: Mapped[date] = mapped_column(Date)
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedure.id"), nullable=True)
    priority_group: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str] = mapped_column(String(30))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), nullable=True)
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    closing_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    print_status: Mapped[str] = mapped_column(String(20), default="pending")
    line: Mapped[Line] = relationship(foreign_keys=[line_id])
    procedure: Mapped[Procedure | None] = relationship()
    counter: Mapped[Counter | None] = relationship()


class TicketTransfer(Base):
    """One move of a ticket to another line."""

    __tablename__ = "ticket_transfer"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    from_line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    to_line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    by_helper_id: Mapped[int | None] = mapped_column(ForeignKey("helper.id"), nullable=True)


class Helper(Base):
    """A staff member or volunteer; only staff have a PIN (salted scrypt hash)."""

    __tablename__ = "helper"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(40))
    affiliation: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    pin_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    failed_pin_tries: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PinThrottle(Base):
    """Wrong PINs in a row at a keypad nobody signs in to (the kiosk's staff exit)."""

    __tablename__ = "pin_throttle"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    failed_pin_tries: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Visit(Base):
    """Help given to one visitor: for a ticket, or a walk-in without one."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("ticket.id"), unique=True, nullable=True
    )
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedure.id"), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    helpers: Mapped[list[VisitHelper]] = relationship(cascade="all, delete-orphan")
    outcomes: Mapped[list[VisitOutcome]] = relationship(cascade="all, delete-orphan")


class VisitHelper(Base):
    """A helper's part (lead or support) in a visit."""

    __tablename__ = "visit_helper"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), primary_key=True)
    helper_id: Mapped[int] = mapped_column(ForeignKey("helper.id"), primary_key=True)
    part: Mapped[str] = mapped_column(String(20))


class VisitOutcome(Base):
    """One outcome of a visit."""

    __tablename__ = "visit_outcome"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(40), primary_key=True)


class Rating(Base):
    """A visitor's satisfaction rating: one per ticket, linked to the visit and its helpers."""

    __tablename__ = "rating"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("ticket.id"), unique=True, nullable=True
    )
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), nullable=True, index=True)
    level: Mapped[int] = mapped_column(Integer)
    scale: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class Alert(Base):
    """Something a desk must see: a visitor asking for help, printer trouble."""

    __tablename__ = "alert"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(80))
    message: Mapped[str] = mapped_column(String(300), default="")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("helper.id"), nullable=True)


class AuditEntry(Base):
    """Who changed what, when, with the state before and after (JSON text)."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor_helper_id: Mapped[int | None] = mapped_column(ForeignKey("helper.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")


class NumberBlock(Base):
    """Numbers of a line and day set aside for one kiosk to issue while the server is gone.

    The line's sequence moved past them when the block was taken, so nobody else issues them.
    """

    __tablename__ = "number_block"
    __table_args__ = (Index("ix_number_block_kiosk_day", "kiosk_id", "service_day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    service_day: Mapped[date] = mapped_column(Date)
    first_sequence: Mapped[int] = mapped_column(Integer)
    last_sequence: Mapped[int] = mapped_column(Integer)
    reserved_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OfflineTicket(Base):
    """A ticket a kiosk issued while the server was gone, by the UUID it was given then.

    Its upload inserts this row with the ticket, so uploading it again changes nothing.
    """

    __tablename__ = "offline_ticket"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), unique=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)


# The village-point tables live in their own module; importing it here puts them on
# Base.metadata for Alembic and the schema test, whoever imports the models first.
from kiosk.storage import village_models as village_models  # noqa: E402
