"""Sending village records to the commune database: exactly once, whatever happens between."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.domain.visits import HelperCredit
from kiosk.services.context import CLI_ACTOR, AppContext, bootstrap
from kiosk.services.helpers import add_helper, set_active
from kiosk.services.village import (
    close_help_session,
    open_help_session,
    record_village_visit,
    village_choices,
)
from kiosk.services.village_setup import VillageSetupError, setup_village_point, village_status
from kiosk.services.village_sync import (
    SyncError,
    open_commune_database,
    pending,
    sync_village,
)
from kiosk.services.village_transfer import store_batch
from kiosk.storage.models import AuditEntry
from kiosk.storage.village_models import (
    HelpSession,
    HelpSessionMember,
    VillageRecord,
    VillageRecordHelper,
    VillageRecordOutcome,
)
from tests.village.conftest import PLACE, Team, village_config_path


def record_many(village: AppContext, team: Team, count: int) -> None:
    for i in range(count):
        helpers = [HelperCredit(team.head)] + ([HelperCredit(team.youth)] if i % 2 else [])
        record_village_visit(
            village,
            place=PLACE,
            helpers=helpers,
            need="vneid",
            outcomes=["vneid_level2"] if i % 3 else ["submitted_online", "paid_online"],
            actor=CLI_ACTOR,
        )


def counts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.read() as session:
        return {
            table.__tablename__: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (
                VillageRecord,
                VillageRecordHelper,
                VillageRecordOutcome,
                HelpSession,
                HelpSessionMember,
            )
        }


def test_sync_sends_every_record_once_and_a_second_sync_sends_nothing(
    village: AppContext, commune: AppContext, team: Team
) -> None:
    open_help_session(village, place=PLACE, member_ids=[team.head, team.youth], actor=CLI_ACTOR)
    record_many(village, team, 25)
    first = sync_village(village, actor=CLI_ACTOR, batch_size=10)
    assert (first.records_sent, first.sessions_sent, first.pending) == (25, 1, 0)
    assert counts(commune) == counts(village)
    second = sync_village(village, actor=CLI_ACTOR, batch_size=10)
    assert (second.records_sent, second.records_already_there, second.sessions_sent) == (0, 0, 0)
    assert counts(commune) == counts(village)
    with commune.db.read() as session:
        assert session.scalar(select(func.count()).where(VillageRecord.received_at.is_(None))) == 0
        receipts = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "village_sync_receive")
        ).all()
    assert len(receipts) == 3  # batches of 10, 10 and 5; the second sync added none
    assert {r.actor for r in receipts} == {f"village: {PLACE}"}


def test_a_crash_after_the_commune_committed_but_before_the_mark_sends_nothing_twice(
    village: AppContext, commune: AppContext, team: Team
) -> None:
    record_many(village, team, 12)
    server = open_commune_database(commune.config.database_url, timeout_s=2)
    with village.db.read() as local:
        batch = pending(local, limit=5)
    with server.write.begin() as remote:  # the commune commits ...
        store_batch(remote, batch.batch, now=village.clock())
    server.dispose()  # ... and the village PC dies before marking the batch sent
    result = sync_village(village, actor=CLI_ACTOR, batch_size=5)
    assert (result.records_sent, result.records_already_there) == (7, 5)
    assert counts(commune)["village_record"] == 12
    assert counts(commune)["village_record_helper"] == counts(village)["village_record_helper"]
    assert counts(commune)["village_record_outcome"] == counts(village)["village_record_outcome"]


def test_a_session_changed_after_it_was_sent_is_sent_again_with_its_members(
    village: AppContext, commune: AppContext, team: Team, clock: FixedClock
) -> None:
    help_session = open_help_session(village, place=PLACE, member_ids=[team.head], actor=CLI_ACTOR)
    record_many(village, team, 1)
    sync_village(village, actor=CLI_ACTOR)
    clock.advance(hours=1)
    from kiosk.services.village import set_help_session_members

    set_help_session_members(
        village, session_id=help_session.id, member_ids=[team.head, team.youth], actor=CLI_ACTOR
    )
    close_help_session(village, session_id=help_session.id, actor=CLI_ACTOR)
    assert village_status(village).pending_sessions == 1
    assert sync_village(village, actor=CLI_ACTOR).sessions_sent == 1
    with commune.db.read() as session:
        row = session.scalars(select(HelpSession)).one()
        assert row.ended_at == clock.now
        assert sorted(m.helper_id for m in row.members) == sorted([team.head, team.youth])
    assert village_status(village).pending_sessions == 0


def test_an_unreachable_commune_keeps_the_records_and_says_so(
    tmp_path: Path, clock: FixedClock, commune: AppContext, team: Team
) -> None:
    path = village_config_path(tmp_path, commune)
    text = path.read_text(encoding="utf-8").replace(
        commune.config.database_url, "postgresql://kiosk@127.0.0.1:9/kiosk"
    )
    path.write_text(text, encoding="utf-8")
    ctx = bootstrap(load_config(str(path), env={}), clock=clock)
    setup_village_point(ctx, actor=CLI_ACTOR, key_file=commune.config.village.key_file)
    with pytest.raises(SyncError) as caught:
        sync_village(ctx, actor=CLI_ACTOR)
    assert "127.0.0.1:9" in str(caught.value) and "stay on this PC" in str(caught.value)
    status = village_status(ctx)
    assert status.last_sync_ok is False and status.last_sync_at == clock.now
    ctx.db.dispose()


def test_the_roster_follows_the_commune_at_each_sync(
    village: AppContext, commune: AppContext, team: Team
) -> None:
    added = add_helper(
        commune, name="Đỗ Thị Én", kind="volunteer", role="womens_union", actor=CLI_ACTOR
    )
    set_active(commune, helper_id=team.youth, active=False, actor=CLI_ACTOR)
    assert sync_village(village, actor=CLI_ACTOR).roster_changed
    helpers = {h.id: h.name for h in village_choices(village).helpers}
    assert added.id in helpers and team.youth not in helpers
    assert not sync_village(village, actor=CLI_ACTOR).roster_changed


def test_a_commune_database_at_another_schema_version_is_refused(
    village: AppContext, commune: AppContext
) -> None:
    with commune.db.write.begin() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    with pytest.raises(SyncError, match="schema version 0001"):
        sync_village(village, actor=CLI_ACTOR)


def test_sync_on_a_pc_that_is_not_a_village_point_explains_the_config_key(
    commune: AppContext,
) -> None:
    with pytest.raises(VillageSetupError, match=r"\[village\] place"):
        sync_village(commune, actor=CLI_ACTOR)


def test_a_desk_database_cannot_become_a_village_point(
    tmp_path: Path, clock: FixedClock, commune: AppContext, team: Team
) -> None:
    path = village_config_path(tmp_path, commune)
    text = path.read_text(encoding="utf-8")
    # The village PC pointed at the commune's own database by mistake.
    url_line = next(line for line in text.splitlines() if line.startswith("url = "))
    path.write_text(
        text.replace(url_line, f'url = "{commune.config.database_url}"', 1), encoding="utf-8"
    )
    with commune.db.write.begin() as session:
        session.execute(update(VillageRecord).values(sent_at=None))
    from kiosk.services.helpers import set_pin

    set_pin(commune, helper_id=team.officer, pin="2468", actor=CLI_ACTOR)
    ctx = bootstrap(load_config(str(path), env={}), clock=clock)
    with pytest.raises(VillageSetupError, match="already holds desk data"):
        setup_village_point(ctx, actor=CLI_ACTOR, key_file=commune.config.village.key_file)
    ctx.db.dispose()


def test_a_form_the_commune_publishes_reaches_the_village_at_its_next_sync(
    tmp_path: Path, clock: FixedClock, village: AppContext, commune: AppContext
) -> None:
    from kiosk.services.village_roster import publish_form
    from tests.conftest import make_config
    from tests.village.conftest import COMMUNE_BODY

    body = (
        COMMUNE_BODY
        + '[village]\n[[village.needs]]\ncode = "vneid"\nvi = "VNeID"\n'
        + '[[village.outcomes]]\ncode = "sim_registered"\nvi = "Đã chuẩn hóa thông tin thuê bao"\n'
    )
    folder = tmp_path / "commune-edited"
    folder.mkdir()
    edited = bootstrap(make_config(folder, body, url=commune.config.database_url), clock=clock)
    clock.advance(minutes=1)
    publish_form(edited, actor=CLI_ACTOR)
    edited.db.dispose()
    assert sync_village(village, actor=CLI_ACTOR).roster_changed
    form = village_choices(village).form
    assert [c.code for c in form.outcomes] == ["sim_registered"]
    assert [c.code for c in form.needs] == ["vneid"]
