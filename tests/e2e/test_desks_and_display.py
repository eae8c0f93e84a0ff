"""A kiosk, two desks and a display as separate processes on one database, SQLite or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.services.context import bootstrap
from kiosk.services.queue_read import counter_states
from tests.conftest import write_config
from tests.e2e.probes import Probe, desk_probe, desk_staff

pytestmark = [pytest.mark.slow]


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A file of its own, or a schema of its own on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    url: str = request.getfixturevalue("postgres_schema_url")
    return url


def test_a_call_at_one_desk_reaches_the_display_and_the_other_desk(
    tmp_path: Path, database_url: str, probes: list[Probe]
) -> None:
    config = write_config(tmp_path, url=database_url)
    ids = desk_staff(config)
    kiosk = Probe("kiosk", "tests.e2e.probe_kiosk", str(config))
    display = Probe("display", "tests.e2e.probe_display", str(config))
    desks = {n: desk_probe(config, n, ids[n]) for n in (1, 2)}
    probes.extend([kiosk, display, *desks.values()])
    kiosk.wait_for("ready", lambda e: e["event"] == "ready")
    display.wait_for("ready", lambda e: e["event"] == "ready")
    for desk in desks.values():
        desk.wait_for("sign-in", lambda e: e["event"] == "signed_in")

    kiosk.send(take="A")
    number = kiosk.wait_for("a ticket", lambda e: e["event"] == "ticket")["number"]
    assert number == "A001"
    for desk in desks.values():
        desk.wait_for("the new ticket", lambda e: number in e.get("waiting", ()))
    display.wait_for("one waiting on A", lambda e: e.get("waiting", {}).get("A") == 1)

    desks[1].send(tap="call_next")
    desks[1].wait_for("its call", lambda e: e.get("current") == number)
    display.wait_for("the call on the board", lambda e: e.get("counters", {}).get("1") == number)
    announced = display.wait_for("the announcement", lambda e: e["event"] == "announce")
    assert announced["text"] == "Mời số A không không một đến quầy số 1"
    desks[2].wait_for(
        "the ticket gone from its queue",
        lambda e: e["event"] == "update" and number not in e["waiting"],
    )
    # Quitting closes each desk's counter on the way out (an ordered shutdown, not a UI call).
    for desk in desks.values():
        assert desk.stop()[0] == 0
    ctx = bootstrap(load_config(str(config), env={}))
    try:
        assert [state.is_open for state in counter_states(ctx)] == [False] * len(
            ctx.config.counters
        )
    finally:
        ctx.db.dispose()
