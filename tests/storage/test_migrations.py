from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from kiosk.services.context import AppContext
from kiosk.storage.engine import open_database
from kiosk.storage.migrate import current_revision, head_revision, shipped_head, upgrade
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
