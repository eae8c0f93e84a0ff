"""Village-point tables: records and help sessions with UUIDs, their sync state, settings.

The same tables serve both ends. On a village PC (its own SQLite) ``sent_at`` and
``synced_version`` record what the commune has confirmed; on the commune database
``received_at`` says when a record arrived. Records are immutable once made, so sending one
twice changes nothing: the commune inserts by ``uid`` and ignores a uid it already has.
Helpers are the commune's ``helper`` rows; a village PC holds a copy made from the roster,
with the commune's ids.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.storage.models import Base, UtcDateTime

UID_LENGTH = 36  # str(uuid.uuid4())


class HelpSession(Base):
    """A help session ("buổi hỗ trợ") at a place on a day, with the team members present."""

    __tablename__ = "help_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True)
    place: Mapped[str] = mapped_column(String(200))
    day: Mapped[date] = mapped_column(Date, index=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(UID_LENGTH), default="")
    # Raised by every local change; the commune has the session as of ``synced_version``.
    version: Mapped[int] = mapped_column(Integer, default=1)
    synced_version: Mapped[int] = mapped_column(Integer, default=0)
    members: Mapped[list[HelpSessionMember]] = relationship(cascade="all, delete-orphan")


class HelpSessionMember(Base):
    """A team member present at a help session."""

    __tablename__ = "help_session_member"
    session_id: Mapped[int] = mapped_column(ForeignKey("help_session.id"), primary_key=True)
    helper_id: Mapped[int] = mapped_column(ForeignKey("helper.id"), primary_key=True)


class VillageRecord(Base):
    """Help given to one visitor at a village point."""

    __tablename__ = "village_record"
    __table_args__ = (Index("ix_village_record_unsent", "sent_at", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True)
    place: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    help_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("help_session.id"), nullable=True, index=True
    )
    need: Mapped[str] = mapped_column(String(40))
    procedure_code: Mapped[str | None] = mapped_column(String(80), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    sex: Mapped[str | None] = mapped_column(String(10), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(UID_LENGTH), default="")
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    helpers: Mapped[list[VillageRecordHelper]] = relationship(cascade="all, delete-orphan")
    outcomes: Mapped[list[VillageRecordOutcome]] = relationship(cascade="all, delete-orphan")
    help_session: Mapped[HelpSession | None] = relationship()


class VillageRecordHelper(Base):
    """A helper's part (lead or support) in a village record."""

    __tablename__ = "village_record_helper"
    record_id: Mapped[int] = mapped_column(ForeignKey("village_record.id"), primary_key=True)
    helper_id: Mapped[int] = mapped_column(ForeignKey("helper.id"), primary_key=True)
    part: Mapped[str] = mapped_column(String(20))


class VillageRecordOutcome(Base):
    """One outcome code of a village record."""

    __tablename__ = "village_record_outcome"
    record_id: Mapped[int] = mapped_column(ForeignKey("village_record.id"), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(40), primary_key=True)


class VillageSetting(Base):
    """Small named values: this PC's device id, the installed roster, the last sync."""

    __tablename__ = "village_setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
