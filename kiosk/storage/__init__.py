"""Storage: SQLAlchemy models, engines, migrations."""
