"""Alembic environment: runs on the engine the application passes in."""

from alembic import context

from kiosk.storage.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only the application starts migrations
    raise RuntimeError("run migrations through kiosk.storage.migrate.upgrade()")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        # One transaction for the whole upgrade, on SQLite too: with the write lock taken at
        # its start (migrate.upgrade), PCs starting together see each other's version and
        # never run a migration twice.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
