import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from kiosk.domain.errors import ErrorCode, InvalidTransitionError
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import open_database
from kiosk.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    shipped_head,
    upgrade,
)
from kiosk.storage.models import Base


def test_an_upgraded_empty_database_equals_the_models(ctx: AppContext) -> None:
    assert current_revision(ctx.db.engine) == head_revision()
    with ctx.db.engine.connect() as connection:
        migration = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        diff = compare_metadata(migration, Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent(ctx: AppContext) -> None:
    before, after = upgrade(ctx.db.engine)
    assert before == after == head_revision()


def test_every_model_table_exists(ctx: AppContext) -> None:
    tables = set(inspect(ctx.db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_sqlite_connections_use_wal_full_sync_and_foreign_keys(sqlite_ctx: AppContext) -> None:
    with sqlite_ctx.db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_fresh_sqlite_file_in_a_missing_folder_is_created(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(f"sqlite:///{tmp_path / 'deep' / 'er' / 'k.sqlite3'}")
    assert upgrade(db.engine) == (None, head_revision())
    db.dispose()
    assert (tmp_path / "deep" / "er" / "k.sqlite3").exists()


def test_the_head_read_from_the_scripts_is_alembics_head() -> None:
    # upgrade() skips Alembic when the database is at this revision.
    assert shipped_head() == head_revision()


def test_a_database_behind_the_newest_revision_is_still_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    assert upgrade(db.engine, "0001") == (None, "0001")
    assert upgrade(db.engine) == ("0001", head_revision())
    assert upgrade(db.engine) == (head_revision(), head_revision())
    db.dispose()


def test_a_database_at_0008_with_a_day_under_way_gets_the_open_ticket_indexes(
    ctx: AppContext,
) -> None:
    # A commune's database updated mid-day: the partial indexes are built over the tickets
    # already there, and the desk calls the waiting one through them.
    engine = ctx.db.engine
    command.downgrade(alembic_config(engine), "0008")
    names = {index["name"] for index in inspect(engine).get_indexes("ticket")}
    assert not {"ix_ticket_waiting", "ix_ticket_at_desk"} & names
    desk = Actor("Quầy 1")
    first = issue_ticket(ctx, line_code="A")
    calling.call_next(ctx, counter_number=1, actor=desk)  # desk 1 now holds the first
    waiting = issue_ticket(ctx, line_code="A")

    assert upgrade(engine) == ("0008", head_revision())

    indexes = {index["name"]: index for index in inspect(engine).get_indexes("ticket")}
    assert indexes["ix_ticket_waiting"]["column_names"] == ["service_day", "line_id"]
    assert indexes["ix_ticket_at_desk"]["column_names"] == ["counter_id", "service_day"]
    with pytest.raises(InvalidTransitionError) as busy:  # desk 1 is found holding the first
        calling.call_next(ctx, counter_number=1, actor=desk)
    assert busy.value.code is ErrorCode.COUNTER_BUSY
    called = calling.call_next(ctx, counter_number=2, actor=desk)
    assert called is not None and called.id == waiting.id != first.id
