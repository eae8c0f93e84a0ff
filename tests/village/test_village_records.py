"""Recording help at a village point: the form's rules, helpers from the roster, sessions."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperPart
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.visits import HelperCredit
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.village import (
    VillageRecordView,
    close_help_session,
    open_help_session,
    record_village_visit,
    set_help_session_members,
    village_choices,
)
from kiosk.storage.village_models import VillageRecord
from tests.village.conftest import PLACE, Team


@pytest.fixture
def commune_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    """The village PC's own rules do not depend on the commune's engine: SQLite is enough."""
    return f"sqlite:///{tmp_path / 'commune' / 'kiosk.sqlite3'}"


def record(village: AppContext, team: Team, **changes: object) -> VillageRecordView:
    values: dict[str, object] = {
        "place": PLACE,
        "helpers": [HelperCredit(team.head)],
        "need": "vneid",
        "outcomes": ["vneid_installed", "vneid_level2"],
        "actor": CLI_ACTOR,
    }
    values.update(changes)
    return record_village_visit(village, **values)  # type: ignore[arg-type]


def test_the_village_screen_gets_the_commune_roster_form_and_place(
    village: AppContext, team: Team
) -> None:
    choices = village_choices(village)
    assert choices.place == PLACE
    assert {h.id for h in choices.helpers} == {team.head, team.youth, team.officer, team.digital}
    assert "vneid_level2" in [c.code for c in choices.form.outcomes]
    assert "khai-sinh" in [code for code, _name in choices.procedures]
    assert choices.open_session is None


def test_a_record_keeps_its_helpers_outcomes_and_a_fresh_uuid(
    village: AppContext, team: Team
) -> None:
    first = record(village, team, helpers=[HelperCredit(team.youth), HelperCredit(team.head)])
    second = record(village, team)
    assert first.uid != second.uid and len(first.uid) == 36
    assert first.helper_ids == (team.youth, team.head)
    assert first.outcomes == ("vneid_installed", "vneid_level2")
    with village.db.read() as session:
        row = session.scalars(select(VillageRecord).where(VillageRecord.uid == first.uid)).one()
        assert {h.helper_id: h.part for h in row.helpers} == {
            team.youth: HelperPart.LEAD.value,
            team.head: HelperPart.SUPPORT.value,
        }
        assert row.sent_at is None and row.received_at is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"need": "fishing"}, "Unknown need"),
        ({"outcomes": []}, "at least one outcome"),
        ({"outcomes": ["vneid_used", "vneid_used"]}, "listed twice"),
        ({"outcomes": ["flew_away"]}, "Unknown outcome"),
        ({"outcomes": ["referred"]}, "Pick the procedure"),
        ({"outcomes": ["referred"], "procedure_code": "nope"}, "no procedure"),
        ({"age_band": "60_74"}, "does not record the visitor's age band"),
        ({"sex": "female"}, "does not record the visitor's sex"),
        ({"place": "  "}, "Name the place"),
        ({"helpers": []}, "at least one helper"),
        ({"note": "x" * 501}, "at most 500"),
    ],
)
def test_a_record_that_breaks_the_form_is_refused_and_nothing_is_stored(
    village: AppContext, team: Team, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        record(village, team, **changes)
    with village.db.read() as session:
        assert session.scalar(select(func.count()).select_from(VillageRecord)) == 0


def test_a_referral_keeps_its_procedure(village: AppContext, team: Team) -> None:
    record(village, team, need="information", outcomes=["referred"], procedure_code="khai-sinh")
    with village.db.read() as session:
        assert session.scalar(select(VillageRecord.procedure_code)) == "khai-sinh"


def test_an_unknown_or_deactivated_helper_is_refused(village: AppContext, team: Team) -> None:
    with pytest.raises(NotFoundError):
        record(village, team, helpers=[HelperCredit(999)])


def test_records_made_during_a_help_session_belong_to_it_until_it_closes(
    village: AppContext, team: Team, clock: FixedClock
) -> None:
    help_session = open_help_session(
        village, place=PLACE, member_ids=[team.head, team.youth], actor=CLI_ACTOR
    )
    during = record(village, team)
    assert during.session_id == help_session.id
    assert village_choices(village).open_session == help_session
    with pytest.raises(ValidationError, match="already open"):
        open_help_session(village, place=PLACE, member_ids=[team.head], actor=CLI_ACTOR)
    changed = set_help_session_members(
        village, session_id=help_session.id, member_ids=[team.youth], actor=CLI_ACTOR
    )
    assert changed.member_ids == (team.youth,)
    clock.advance(hours=2)
    closed = close_help_session(village, session_id=help_session.id, actor=CLI_ACTOR)
    assert closed.ended_at == clock.now
    after = record(village, team)
    assert after.session_id is None
    with pytest.raises(ValidationError, match="closed"):
        set_help_session_members(
            village, session_id=help_session.id, member_ids=[team.head], actor=CLI_ACTOR
        )


def test_a_help_session_needs_a_member(village: AppContext) -> None:
    with pytest.raises(ValidationError, match="at least one team member"):
        open_help_session(village, place=PLACE, member_ids=[], actor=CLI_ACTOR)


def test_the_age_band_and_sex_are_kept_when_the_commune_records_them(
    tmp_path, clock: FixedClock, commune: AppContext, team: Team
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import load_config
    from kiosk.services.context import bootstrap
    from kiosk.services.village_setup import setup_village_point
    from tests.village.conftest import village_config_path

    path = village_config_path(tmp_path, commune, "record_age_band = true\nrecord_sex = true\n")
    ctx = bootstrap(load_config(str(path), env={}), clock=clock)
    setup_village_point(ctx, actor=CLI_ACTOR, key_file=commune.config.village.key_file)
    from kiosk.services.village_sync import sync_village

    sync_village(ctx, actor=CLI_ACTOR)  # the roster (helpers) comes over the network
    record(ctx, team, age_band="75_plus", sex="female")
    with pytest.raises(ValidationError, match="Unknown age band"):
        record(ctx, team, age_band="old")
    with ctx.db.read() as session:
        row = session.scalars(select(VillageRecord)).one()
        assert (row.age_band, row.sex) == ("75_plus", "female")
    ctx.db.dispose()
