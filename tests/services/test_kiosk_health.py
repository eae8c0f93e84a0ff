"""The kiosk proves it can write before a visitor needs it; a read-only server says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from kiosk.domain.clock import FixedClock
from kiosk.domain.errors import LinkError
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.kiosk_health import PROBE_TABLE, check_can_issue
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import is_link_failure
from tests.conftest import make_config


def test_the_write_probe_passes_on_a_writable_database_and_leaves_nothing(
    ctx: AppContext,
) -> None:
    check_can_issue(ctx)
    check_can_issue(ctx)  # again: nothing was left behind to collide with
    assert PROBE_TABLE not in inspect(ctx.db.engine).get_table_names()


@pytest.mark.postgres
def test_a_read_only_server_fails_the_probe_and_a_ticket_as_a_link_failure(
    tmp_path: Path, postgres_ctx: AppContext, postgres_schema_url: str, clock: FixedClock
) -> None:
    url = f"{postgres_schema_url}%20-cdefault_transaction_read_only%3Don"
    (tmp_path / "ro").mkdir()
    read_only = bootstrap(make_config(tmp_path / "ro", url=url), clock=clock, migrate=False)
    try:
        with pytest.raises(LinkError):
            check_can_issue(read_only)
        with pytest.raises(DBAPIError) as refused:
            issue_ticket(read_only, line_code="A")
        assert is_link_failure(refused.value)
    finally:
        read_only.db.dispose()
