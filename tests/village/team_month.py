"""A month of the team's work built through the services, with its figures counted by hand.

November 2026 (the report's month), local times (UTC+7):
  Desk, Mon 23/11:
    1. ticket A001, desk officer only; dossier received        -> not team; 1 paper dossier
    2. ticket A002, officer + digital-team staff; submitted online, paid online
                                                                -> team; online 1, paid 1
    3. walk-in, youth-union volunteer; VNeID checked            -> team; VNeID 1
    4. walk-in, officer only; submitted online                  -> not team; online share only
  Desk PC recording for a village, Tue 24/11:
    5. "Thôn Tây", village head; guided only                    -> village, Thôn Tây 1
  Village PC at "Nhà văn hóa thôn Đông" (synced to the commune):
    Sun 01/11 00:10: 6. other_app -> app_bank_wallet, village head (no session)
    Wed 25/11 help session 08:00-11:00, members: village head, youth:
      7. vneid -> vneid_installed + vneid_level2, village head        -> VNeID 1
      8. online_dossier -> submitted_online + paid_online, youth lead -> online 1, paid 1
      9. information -> referred (khai-sinh), youth
  Outside the month: Tue 01/12 00:05 village record (December, not counted).

October 2026 (the previous period):
  Thu 15/10 desk walk-in, youth; guided only                    -> team 1
  Thu 15/10 help session at Thôn Đông, member: village head
  Sat 31/10 23:30 village record vneid -> vneid_level2, head    -> VNeID 1

By hand, November: desk 2 (visits 2, 3); villages: Thôn Đông 4, Thôn Tây 1; helped 7.
VNeID 1 + 1 = 2; online 1 + 1 = 2; paid 1 + 1 = 2; sessions 1; members: digital, youth,
head = 3 (the officer is not a team member). Online share: submitted online with help 3
(visits 2, 4 and record 8) over 3 + 1 paper dossier = 75 %.
October: helped 2 (desk 1, village 1), VNeID 1, sessions 1, members 2, no dossier (share –).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Channel, HelperPart, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.tickets import issue_ticket
from kiosk.services.village import close_help_session, open_help_session, record_village_visit
from kiosk.services.village_sync import sync_village
from kiosk.services.visits import finish_visit, record_walk_in
from tests.village.conftest import PLACE, Team

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TAY = "Thôn Tây"
NOTE = '=HYPERLINK("http://example.invalid")'


def at(clock: FixedClock, day: int, month: int, hour: int, minute: int = 0) -> None:
    clock.now = datetime(2026, month, day, hour, minute, tzinfo=VN)


def _desk(commune: AppContext, clock: FixedClock, team: Team) -> None:
    at(clock, 23, 11, 9)
    for helpers, outcomes in (
        ([HelperCredit(team.officer)], [Outcome.DOSSIER_RECEIVED]),
        (
            [HelperCredit(team.officer, HelperPart.LEAD), HelperCredit(team.digital)],
            [Outcome.SUBMITTED_ONLINE, Outcome.PAID_ONLINE],
        ),
    ):
        issue_ticket(commune, line_code="A")
        called = calling.call_next(commune, counter_number=1, actor=CLI_ACTOR)
        assert called is not None
        clock.advance(minutes=10)
        finish_visit(
            commune, ticket_id=called.id, helpers=helpers, outcomes=outcomes, actor=CLI_ACTOR
        )
    for helper, outcome in (
        (team.youth, Outcome.VNEID_CHECKED),
        (team.officer, Outcome.SUBMITTED_ONLINE),
    ):
        clock.advance(minutes=5)
        record_walk_in(
            commune,
            helpers=[HelperCredit(helper)],
            outcomes=[outcome],
            actor=CLI_ACTOR,
            place="",
            channel=Channel.DESK,
        )
    at(clock, 24, 11, 10)
    record_walk_in(
        commune,
        helpers=[HelperCredit(team.head)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=CLI_ACTOR,
        place=TAY,
        note=NOTE,
    )


def _visit(
    village: AppContext, helpers: list[int], need: str, outcomes: list[str], **extra: object
) -> None:
    record_village_visit(
        village,
        place=PLACE,
        helpers=[HelperCredit(h) for h in helpers],
        need=need,
        outcomes=outcomes,
        actor=CLI_ACTOR,
        **extra,  # type: ignore[arg-type]
    )


def _village(village: AppContext, clock: FixedClock, team: Team) -> None:
    at(clock, 1, 11, 0, 10)
    _visit(village, [team.head], "other_app", ["app_bank_wallet"], note=NOTE)
    at(clock, 25, 11, 8)
    session = open_help_session(
        village, place=PLACE, member_ids=[team.head, team.youth], actor=CLI_ACTOR
    )
    clock.advance(minutes=10)
    _visit(village, [team.head], "vneid", ["vneid_installed", "vneid_level2"])
    _visit(village, [team.youth, team.head], "online_dossier", ["submitted_online", "paid_online"])
    _visit(village, [team.youth], "information", ["referred"], procedure_code="khai-sinh")
    at(clock, 25, 11, 11)
    close_help_session(village, session_id=session.id, actor=CLI_ACTOR)
    at(clock, 1, 12, 0, 5)
    _visit(village, [team.head], "vneid", ["vneid_level2"])


def _october(commune: AppContext, village: AppContext, clock: FixedClock, team: Team) -> None:
    at(clock, 15, 10, 9)
    record_walk_in(
        commune,
        helpers=[HelperCredit(team.youth)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=CLI_ACTOR,
        place="",
        channel=Channel.DESK,
    )
    session = open_help_session(village, place=PLACE, member_ids=[team.head], actor=CLI_ACTOR)
    clock.advance(hours=2)
    close_help_session(village, session_id=session.id, actor=CLI_ACTOR)
    at(clock, 31, 10, 23, 30)
    _visit(village, [team.head], "vneid", ["vneid_level2"])


def build_month(commune: AppContext, village: AppContext, clock: FixedClock, team: Team) -> None:
    """Everything in the module docstring, synced to the commune; the clock ends on 01/12."""
    _october(commune, village, clock, team)
    _desk(commune, clock, team)
    _village(village, clock, team)
    sync_village(village, actor=CLI_ACTOR)
