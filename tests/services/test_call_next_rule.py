"""Call-next picks in SQL exactly the ticket the domain rule (``choose_next``) picks.

Random days of issues, calls and no-shows at two desks sharing a line, under the ratio and the
strict policy, on SQLite and PostgreSQL: every call is checked against ``choose_next`` over the
waiting tickets and the desk's streak as read back from the database. Also: who may call, and
the audit entry of a call.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.domain.clock import FixedClock, service_day
from kiosk.domain.enums import HelperKind, HelperRole, TicketStatus
from kiosk.domain.errors import PermissionDeniedError
from kiosk.domain.priority import Candidate, choose_next, priority_streak
from kiosk.services import calling
from kiosk.services.context import CLI_ACTOR, Actor, AppContext, bootstrap
from kiosk.services.helpers import add_helper, set_active
from kiosk.services.ticket_state import ticket_state
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import AuditEntry, Counter, Ticket
from tests.conftest import make_config

DESK = Actor("Quầy", None)
GROUPS = (None, None, None, "elderly", "disability")
# Counter 1 serves A and B, counter 2 serves A, C and D (kiosk.defaults).
LINES = ("A", "A", "B", "C")


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("postgres_schema_url"))


def _context(tmp_path: Path, url: str | None, clock: FixedClock, queue: str) -> AppContext:
    return bootstrap(make_config(tmp_path, f"[queue]\n{queue}\n", url=url), clock=clock)


@pytest.fixture
def contexts(tmp_path: Path, database: str | None, clock: FixedClock) -> Iterator[list[AppContext]]:
    made: list[AppContext] = []
    yield made
    for ctx in made:
        ctx.db.dispose()


def _expected(ctx: AppContext, counter_number: int) -> int | None:
    """The ticket ``choose_next`` calls, from the database's own rows."""
    day = service_day(ctx.clock(), ctx.tz)
    policy = ctx.config.queue.policy
    with ctx.db.read() as session:
        counter = session.scalars(select(Counter).where(Counter.number == counter_number)).one()
        line_ids = [line.id for line in counter.lines]
        waiting = session.scalars(
            select(Ticket).where(
                Ticket.status == TicketStatus.WAITING,
                Ticket.service_day == day,
                Ticket.line_id.in_(line_ids),
            )
        ).all()
        recent = session.scalars(
            select(Ticket.priority_group)
            .where(
                Ticket.counter_id == counter.id,
                Ticket.service_day == day,
                Ticket.called_at.is_not(None),
            )
            .order_by(Ticket.called_at.desc())
        ).all()
    candidates = [Candidate(t.id, t.issued_at, t.priority_group is not None) for t in waiting]
    streak = priority_streak([group is not None for group in recent])
    chosen = choose_next(candidates, policy, streak=streak)
    return None if chosen is None else chosen.ticket_id


@pytest.mark.parametrize(
    "queue",
    [
        'priority_mode = "ratio"\npriority_per_regular = 1',
        'priority_mode = "ratio"\npriority_per_regular = 2',
        'priority_mode = "ratio"\npriority_per_regular = 3',
        'priority_mode = "strict"',
    ],
)
def test_every_call_is_the_ticket_the_priority_rule_picks(
    tmp_path: Path,
    database: str | None,
    clock: FixedClock,
    contexts: list[AppContext],
    queue: str,
) -> None:
    ctx = _context(tmp_path, database, clock, queue)
    contexts.append(ctx)
    rng = random.Random(queue)
    calls = 0
    for _ in range(120):
        clock.advance(seconds=rng.randint(1, 40))
        if rng.random() < 0.45:
            issue_ticket(ctx, line_code=rng.choice(LINES), priority_group=rng.choice(GROUPS))
            continue
        desk = rng.choice((1, 2))
        expected = _expected(ctx, desk)
        view = calling.call_next(ctx, counter_number=desk, actor=DESK)
        assert (None if view is None else view.id) == expected
        if view is not None:
            calls += 1
            assert view.status is TicketStatus.CALLED and view.counter_number == desk
            calling.no_show(ctx, ticket_id=view.id, actor=DESK)
    assert calls > 30  # the day really did call tickets


def test_a_volunteer_or_a_deactivated_clerk_cannot_call_and_nothing_is_called(
    ctx: AppContext,
) -> None:
    issue_ticket(ctx, line_code="A")
    teacher = add_helper(ctx, name="Cô Giáo", kind="volunteer", role="teacher", actor=CLI_ACTOR)
    clerk = add_helper(
        ctx,
        name="Lê Văn Quầy",
        kind=HelperKind.STAFF,
        role=HelperRole.DESK_OFFICER,
        pin="1357",
        actor=CLI_ACTOR,
    )
    set_active(ctx, helper_id=clerk.id, active=False, actor=CLI_ACTOR)

    for helper in (teacher, clerk):
        with pytest.raises(PermissionDeniedError):
            calling.call_next(ctx, counter_number=1, actor=Actor(helper.name, helper.id))
    view = calling.call_next(ctx, counter_number=1, actor=DESK)
    assert view is not None and view.number == "A001"
    with pytest.raises(PermissionDeniedError):
        calling.no_show(ctx, ticket_id=view.id, actor=Actor(teacher.name, teacher.id))


def test_a_call_is_audited_with_the_whole_state_before_and_after(
    ctx: AppContext, clock: FixedClock
) -> None:
    issued = issue_ticket(ctx, line_code="A", procedure_code=None, priority_group="elderly")
    clock.advance(minutes=3)
    view = calling.call_next(ctx, counter_number=2, actor=DESK)
    assert view is not None and view.id == issued.id
    assert view.line_name == issued.line_name and view.priority_group == "elderly"
    assert view.called_at == clock.now and view.counter_number == 2

    with ctx.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "call_next")).one()
        ticket = session.get(Ticket, issued.id)
        assert ticket is not None and ticket.counter_id is not None
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert before["status"] == "waiting" and before["called_at"] is None
    assert before["counter_id"] is None and before["line_id"] == ticket.line_id
    assert after["status"] == "called" and after["counter_id"] == ticket.counter_id
    assert after["called_at"] == clock.now.astimezone(UTC).isoformat()
    assert set(before) == set(after) and entry.entity_id == issued.id and entry.actor == "Quầy"


def _state_text(ctx: AppContext, ticket_id: int) -> str:
    """The ticket's state as every other audit entry writes it (kiosk.services.changes)."""
    with ctx.db.read() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return json.dumps(ticket_state(ticket), ensure_ascii=False, sort_keys=True, default=str)


def test_call_no_show_and_start_are_audited_in_the_same_text_as_every_other_action(
    ctx: AppContext, clock: FixedClock
) -> None:
    # PostgreSQL builds these entries in SQL: times with and without microseconds must come
    # out as datetime.isoformat() writes them.
    first = issue_ticket(ctx, line_code="A").id
    second = issue_ticket(ctx, line_code="A").id
    states = [_state_text(ctx, first)]
    clock.advance(seconds=1, microseconds=234567)
    calling.call_next(ctx, counter_number=1, actor=DESK)
    states.append(_state_text(ctx, first))
    clock.advance(seconds=2)
    calling.no_show(ctx, ticket_id=first, actor=DESK)
    states.append(_state_text(ctx, first))
    before_second = _state_text(ctx, second)
    calling.call_next(ctx, counter_number=1, actor=DESK)
    called_second = _state_text(ctx, second)
    clock.advance(microseconds=10)
    started = calling.start(ctx, ticket_id=second, actor=DESK)
    assert started.status is TicketStatus.SERVING and started.counter_number == 1

    with ctx.db.read() as session:
        entries = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "ticket", AuditEntry.action != "issue")
            .order_by(AuditEntry.id)
        ).all()
    texts = [(e.action, e.before, e.after) for e in entries]
    assert texts == [
        ("call_next", states[0], states[1]),
        ("no_show", states[1], states[2]),
        ("call_next", before_second, called_second),
        ("start", called_second, _state_text(ctx, second)),
    ]
    assert '.234567+00:00"' in states[1] and '"status": "no_show"' in states[2]
