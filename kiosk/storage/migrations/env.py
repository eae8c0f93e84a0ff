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
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
