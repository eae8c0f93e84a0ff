"""Today's public figures for the calling display: served, median wait, satisfied, online."""

from __future__ import annotations

from dataclasses import fields

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Channel, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.public_figures import public_figures_today
from kiosk.services.ratings import rate_ticket
from kiosk.services.tickets import issue_ticket
from kiosk.services.village import record_village_visit
from kiosk.services.village_sync import sync_village
from kiosk.services.visits import finish_visit, record_walk_in
from tests.village.conftest import PLACE, Team


def serve(commune: AppContext, clock: FixedClock, team: Team, wait_min: int) -> str:
    ticket = issue_ticket(commune, line_code="A")
    clock.advance(minutes=wait_min)
    called = calling.call_next(commune, counter_number=1, actor=CLI_ACTOR)
    assert called is not None and called.id == ticket.id
    clock.advance(minutes=5)
    finish_visit(
        commune,
        ticket_id=ticket.id,
        helpers=[HelperCredit(team.officer)],
        outcomes=[Outcome.SUBMITTED_ONLINE] if wait_min == 4 else [Outcome.GUIDED_ONLY],
        actor=CLI_ACTOR,
    )
    return ticket.number


def test_todays_figures_count_the_desk_and_the_villages_and_name_nobody(
    commune: AppContext, village: AppContext, clock: FixedClock, team: Team
) -> None:
    empty = public_figures_today(commune)
    assert (empty.visitors_served, empty.median_wait_min, empty.satisfied_share) == (0, None, None)
    numbers = [serve(commune, clock, team, wait) for wait in (4, 10, 20)]
    record_walk_in(
        commune,
        helpers=[HelperCredit(team.youth)],
        outcomes=[Outcome.SUBMITTED_ONLINE],
        actor=CLI_ACTOR,
        place="",
        channel=Channel.DESK,
    )
    rate_ticket(commune, number=numbers[0], level=3, reason=None)
    rate_ticket(commune, number=numbers[1], level=1, reason="waiting_time")
    record_village_visit(
        village,
        place=PLACE,
        helpers=[HelperCredit(team.head)],
        need="online_dossier",
        outcomes=["submitted_online"],
        actor=CLI_ACTOR,
    )
    sync_village(village, actor=CLI_ACTOR)
    figures = public_figures_today(commune)
    assert figures.visitors_served == 4  # three tickets and one walk-in
    assert figures.median_wait_min == 10
    assert (figures.ratings, figures.satisfied_share) == (2, 0.5)
    assert figures.submitted_online_with_help == 3  # ticket, walk-in, village record
    # Counts and shares only: nothing in the view can carry a name.
    assert not any(isinstance(getattr(figures, f.name), str) for f in fields(figures))
    clock.advance(days=1)
    assert public_figures_today(commune).visitors_served == 0
