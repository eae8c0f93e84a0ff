"""Wrong PINs sent in parallel by real processes lock the account as surely as one by one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.services.context import CLI_ACTOR, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.services.lookup import helper_by_id
from tests.concurrency.test_concurrent_desks import _run
from tests.concurrency.workers import wrong_pin
from tests.conftest import write_config

pytestmark = pytest.mark.slow

ATTEMPTS = 12


def _parallel_wrong_pins(tmp_path: Path, url: str | None) -> None:
    config = str(write_config(tmp_path, url=url))
    ctx = bootstrap(load_config(config, env={}))
    helper = add_helper(
        ctx, name="Lê Văn Quầy", kind="staff", role="desk_officer", pin="1357", actor=CLI_ACTOR
    )

    answers = Counter(
        a for batch in _run(wrong_pin, [(config, helper.id)] * ATTEMPTS) for a in batch
    )

    # The fifth wrong PIN locks; the seven behind it find the lock and are not counted.
    assert answers == {"Wrong PIN.": 4, "Too many wrong PINs. Try again after {time}.": 8}
    with ctx.db.read() as session:
        stored = helper_by_id(session, helper.id)
        assert stored.locked_until is not None and stored.failed_pin_tries == 0
    ctx.db.dispose()


def test_twelve_parallel_wrong_pins_lock_the_account_on_postgres(
    tmp_path: Path, postgres_schema_url: str
) -> None:
    _parallel_wrong_pins(tmp_path, postgres_schema_url)


def test_twelve_parallel_wrong_pins_lock_the_account_on_sqlite(tmp_path: Path) -> None:
    _parallel_wrong_pins(tmp_path, None)
