"""Rating a finished visit by ticket number, by visit, and from a counter's small screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Channel, HelperPart, Outcome
from kiosk.domain.errors import InvalidTransitionError, NotFoundError, ValidationError
from kiosk.domain.ratings import AlreadyRatedError, RatingReason
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.services.ratings import latest_finished_visit, rate_ticket, rate_visit, rating_scale
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit, record_walk_in
from kiosk.storage.models import AuditEntry, Rating, VisitHelper
from tests.conftest import make_config

ADMIN = Actor("admin")


def helper(ctx: AppContext, name: str = "Nguyễn Thị Lan") -> int:
    return add_helper(ctx, name=name, kind="staff", role="desk_officer", actor=ADMIN).id


def served(ctx: AppContext, clock: FixedClock, helpers: list[int], *, counter: int = 3) -> int:
    """Issue an E ticket, call it at ``counter`` and finish it 10 minutes later; the visit id."""
    ticket = issue_ticket(ctx, line_code="E")
    calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=counter, actor=ADMIN)
    clock.advance(minutes=10)
    credits = [HelperCredit(h, HelperPart.SUPPORT) for h in helpers]
    return finish_visit(
        ctx, ticket_id=ticket.id, helpers=credits, outcomes=[Outcome.GUIDED_ONLY], actor=ADMIN
    ).visit_id


def test_rating_a_finished_ticket_links_the_visit_and_its_helpers(
    ctx: AppContext, clock: FixedClock
) -> None:
    lan, minh = helper(ctx), helper(ctx, "Trần Văn Minh")
    visit_id = served(ctx, clock, [lan, minh])
    view = rate_ticket(ctx, number="e001", level=3, reason=None)
    assert (view.ticket_number, view.visit_id, view.scale) == ("E001", visit_id, 3)
    assert view.level.label.vi == "Rất hài lòng" and view.reason is None
    with ctx.db.read() as session:
        rating = session.scalars(select(Rating)).one()
        helpers = session.scalars(
            select(VisitHelper.helper_id).where(VisitHelper.visit_id == rating.visit_id)
        ).all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "rate")).one()
    assert sorted(helpers) == sorted([lan, minh])
    assert audit.entity_id == rating.id and '"level": 3' in audit.after


def test_a_ticket_can_be_rated_only_once(ctx: AppContext, clock: FixedClock) -> None:
    served(ctx, clock, [helper(ctx)])
    rate_ticket(ctx, number="E001", level=2, reason=None)
    with pytest.raises(AlreadyRatedError, match="E001 has been rated already"):
        rate_ticket(ctx, number="E001", level=1, reason="attitude")
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Rating)) == 1


def test_rating_a_ticket_still_being_served_is_refused(ctx: AppContext) -> None:
    ticket = issue_ticket(ctx, line_code="E")
    calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=3, actor=ADMIN)
    with pytest.raises(InvalidTransitionError, match="not finished yet"):
        rate_ticket(ctx, number="E001", level=3, reason=None)


def test_rating_an_unknown_or_yesterdays_ticket_is_not_found(
    ctx: AppContext, clock: FixedClock
) -> None:
    served(ctx, clock, [helper(ctx)])
    with pytest.raises(NotFoundError, match="no ticket A001 today"):
        rate_ticket(ctx, number="A001", level=3, reason=None)
    clock.advance(days=1)
    with pytest.raises(NotFoundError, match="no ticket E001 today"):
        rate_ticket(ctx, number="E001", level=3, reason=None)


def test_rating_with_a_bad_number_level_or_reason_is_refused(
    ctx: AppContext, clock: FixedClock
) -> None:
    served(ctx, clock, [helper(ctx)])
    with pytest.raises(ValidationError, match="not a ticket number"):
        rate_ticket(ctx, number="12", level=3, reason=None)
    with pytest.raises(ValidationError, match="from 1 to 3"):
        rate_ticket(ctx, number="E001", level=5, reason=None)
    with pytest.raises(ValidationError, match="why"):
        rate_ticket(ctx, number="E001", level=1, reason=None)


def test_khong_hai_long_is_stored_with_its_reason(ctx: AppContext, clock: FixedClock) -> None:
    served(ctx, clock, [helper(ctx)])
    view = rate_ticket(ctx, number="E001", level=1, reason="unclear_guidance")
    assert view.reason is RatingReason.UNCLEAR_GUIDANCE
    with ctx.db.read() as session:
        assert session.scalars(select(Rating.reason)).one() == "unclear_guidance"


def test_a_walk_in_visit_is_rated_once_by_its_id(ctx: AppContext, clock: FixedClock) -> None:
    record = record_walk_in(
        ctx,
        helpers=[HelperCredit(helper(ctx))],
        outcomes=[Outcome.VNEID_CHECKED],
        actor=ADMIN,
        place="Nhà văn hóa thôn 1",
        channel=Channel.VILLAGE_POINT,
        started_at=clock() - timedelta(minutes=15),
    )
    view = rate_visit(ctx, visit_id=record.visit_id, level=2, reason=None)
    assert view.ticket_number is None and view.visit_id == record.visit_id
    with pytest.raises(AlreadyRatedError):
        rate_visit(ctx, visit_id=record.visit_id, level=3, reason=None)


def test_a_ticket_rated_by_number_cannot_be_rated_again_by_visit(
    ctx: AppContext, clock: FixedClock
) -> None:
    visit_id = served(ctx, clock, [helper(ctx)])
    rate_ticket(ctx, number="E001", level=3, reason=None)
    with pytest.raises(AlreadyRatedError):
        rate_visit(ctx, visit_id=visit_id, level=1, reason="other")


def test_a_visit_from_another_day_cannot_be_rated(ctx: AppContext, clock: FixedClock) -> None:
    visit_id = served(ctx, clock, [helper(ctx)])
    clock.advance(days=1)
    with pytest.raises(ValidationError, match="Only today's visits"):
        rate_visit(ctx, visit_id=visit_id, level=3, reason=None)
    with pytest.raises(NotFoundError):
        rate_visit(ctx, visit_id=visit_id + 100, level=3, reason=None)


def test_a_counter_screen_sees_its_latest_finished_visit_with_the_lead_first(
    ctx: AppContext, clock: FixedClock
) -> None:
    since = clock()
    lan, minh = helper(ctx, "Nguyễn Thị Lan"), helper(ctx, "An Văn Bình")
    assert latest_finished_visit(ctx, 3, since) is None
    served(ctx, clock, [helper(ctx, "Cũ")])
    visit_id = served(ctx, clock, [minh, lan])  # the first credit leads
    latest = latest_finished_visit(ctx, 3, since)
    assert latest is not None
    assert (latest.visit_id, latest.ticket_number, latest.rated) == (visit_id, "E002", False)
    assert latest.helper_names == ("An Văn Bình", "Nguyễn Thị Lan")
    rate_ticket(ctx, number="E002", level=3, reason=None)
    latest = latest_finished_visit(ctx, 3, since)
    assert latest is not None and latest.rated
    assert latest_finished_visit(ctx, 1, since) is None
    assert latest_finished_visit(ctx, 3, clock() + timedelta(minutes=1)) is None


def test_the_configured_five_level_scale_is_used_for_validation(
    tmp_path: Path, clock: FixedClock
) -> None:
    ctx = bootstrap(make_config(tmp_path, "[ratings]\nlevels = 5\n"), clock=clock)
    try:
        assert [level.value for level in rating_scale(ctx)] == [5, 4, 3, 2, 1]
        served(ctx, clock, [helper(ctx)])
        view = rate_ticket(ctx, number="E001", level=3, reason=None)
        assert view.level.label.vi == "Bình thường" and view.scale == 5
    finally:
        ctx.db.dispose()
