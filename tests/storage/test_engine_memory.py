"""A program's SQLite connections keep a small page cache, however big the database grows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from kiosk.storage.engine import SQLITE_CACHE_KIB, open_database
from tests.sqlite_memory import fill, sqlite_library


def test_a_pooled_connection_keeps_a_small_page_cache_after_reading_a_big_database(
    tmp_path: Path,
) -> None:
    # The kiosk, desk and display run for months; each pooled connection keeps its cache.
    lib = sqlite_library()
    database = tmp_path / "kiosk.sqlite3"
    fill(str(database), rows=8000)  # 8 MB of pages
    db = open_database(f"sqlite:///{database}")
    try:
        before = lib.sqlite3_memory_used()
        with db.read() as session:  # every page read once, as a month's report may
            assert session.execute(text("SELECT sum(length(data)) FROM filler")).scalar() == 8e6
        with db.write() as session, session.begin():
            session.execute(text("DELETE FROM filler WHERE rowid % 2 = 0"))
        held_kib = (lib.sqlite3_memory_used() - before) // 1024
    finally:
        db.dispose()
    # SQLite's default would keep 2,000 KiB per connection here.
    assert held_kib < SQLITE_CACHE_KIB + 256, held_kib
