"""Finishing a visit and recording walk-in help: who helped, which procedure, what came of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from kiosk.domain.enums import Channel, Outcome, TicketStatus
from kiosk.domain.errors import ErrorCode, ValidationError
from kiosk.domain.visits import HelperCredit, check_outcomes, next_status, normalise_credits
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import helper_by_id, procedure_by_code, ticket_by_id
from kiosk.services.permissions import require_staff
from kiosk.services.ticket_state import ticket_state
from kiosk.storage.models import Rating, Visit, VisitHelper, VisitOutcome


@dataclass(frozen=True, slots=True)
class VisitRecord:
    """What was stored for a visit."""

    visit_id: int
    ticket_number: str | None
    helper_ids: tuple[int, ...]
    outcomes: tuple[Outcome, ...]


def _attach(
    session: Session, visit: Visit, credits: Sequence[HelperCredit], outcomes: Sequence[Outcome]
) -> tuple[tuple[HelperCredit, ...], tuple[Outcome, ...]]:
    credits = normalise_credits(credits)
    outcomes = check_outcomes(outcomes)
    for credit in credits:
        helper = helper_by_id(session, credit.helper_id)
        if not helper.active:
            raise ValidationError(
                "{name} is no longer an active helper.",
                code=ErrorCode.HELPER_INACTIVE,
                name=helper.name,
            )
        visit.helpers.append(VisitHelper(helper_id=helper.id, part=credit.part))
    visit.outcomes.extend(VisitOutcome(outcome=o) for o in outcomes)
    return credits, outcomes


def finish_visit(
    ctx: AppContext,
    *,
    ticket_id: int,
    helpers: Sequence[HelperCredit],
    outcomes: Sequence[Outcome],
    actor: Actor,
    procedure_code: str | None = None,
    note: str = "",
) -> VisitRecord:
    """Finish a ticket's visit; needs at least one helper and one outcome."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        ticket = ticket_by_id(session, ticket_id, lock=True)
        status = next_status(TicketStatus(ticket.status), "finish")
        procedure = (
            procedure_by_code(session, procedure_code) if procedure_code else ticket.procedure
        )
        visit = Visit(
            ticket_id=ticket.id,
            procedure_id=procedure.id if procedure else None,
            counter_id=ticket.counter_id,
            channel=Channel.DESK,
            place="",
            started_at=ticket.started_at or ticket.called_at or now,
            ended_at=now,
            note=note.strip(),
        )
        credits, kept = _attach(session, visit, helpers, outcomes)
        before = ticket_state(ticket)  # all of it: an undo puts every field back
        ticket.status = status
        ticket.finished_at = now
        if ticket.started_at is None:
            ticket.started_at = visit.started_at
        ticket.procedure_id = visit.procedure_id
        session.add(visit)
        session.flush()
        # A rating given before an undone finish stays with the ticket: link it to this visit.
        session.execute(
            update(Rating)
            .where(Rating.ticket_id == ticket.id, Rating.visit_id.is_(None))
            .values(visit_id=visit.id)
        )
        audit(
            session,
            actor=actor,
            action="finish",
            entity="ticket",
            entity_id=ticket.id,
            now=now,
            before=before,
            after={**_summary(visit, credits, kept), "visit_id": visit.id, "note": visit.note},
        )
        return VisitRecord(visit.id, ticket.number, tuple(c.helper_id for c in credits), kept)


def record_walk_in(
    ctx: AppContext,
    *,
    helpers: Sequence[HelperCredit],
    outcomes: Sequence[Outcome],
    actor: Actor,
    place: str,
    channel: Channel = Channel.VILLAGE_POINT,
    procedure_code: str | None = None,
    started_at: datetime | None = None,
    note: str = "",
) -> VisitRecord:
    """Record help given without a ticket, e.g. at a village culture house."""
    now = ctx.clock()
    start_at = started_at or now
    if start_at > now:
        raise ValidationError("A visit cannot start in the future.", code=ErrorCode.VISIT_IN_FUTURE)
    if channel is Channel.VILLAGE_POINT and not place.strip():
        raise ValidationError("Name the place where help was given.", code=ErrorCode.PLACE_MISSING)
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        procedure = procedure_by_code(session, procedure_code) if procedure_code else None
        visit = Visit(
            ticket_id=None,
            procedure_id=procedure.id if procedure else None,
            counter_id=None,
            channel=channel,
            place=place.strip(),
            started_at=start_at,
            ended_at=now,
            note=note.strip(),
        )
        credits, kept = _attach(session, visit, helpers, outcomes)
        session.add(visit)
        session.flush()
        audit(
            session,
            actor=actor,
            action="walk_in",
            entity="visit",
            entity_id=visit.id,
            now=now,
            after=_summary(visit, credits, kept),
        )
        return VisitRecord(visit.id, None, tuple(c.helper_id for c in credits), kept)


def _summary(
    visit: Visit, credits: Sequence[HelperCredit], outcomes: Sequence[Outcome]
) -> dict[str, object]:
    return {
        "helpers": [[c.helper_id, c.part.value] for c in credits],
        "outcomes": [o.value for o in outcomes],
        "procedure_id": visit.procedure_id,
        "channel": visit.channel,
        "place": visit.place,
    }


__all__ = ["HelperCredit", "VisitRecord", "finish_visit", "record_walk_in"]
