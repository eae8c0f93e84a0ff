"""A desk and a display behind a TCP proxy to PostgreSQL, cut cleanly and silently for 20 s.

Each program runs in its own process under the real shell. The proxy cuts the link (reset, or
every packet dropped) while the queue keeps changing on the server (tickets issued, a call at
another desk). Within 3 s both show the lost link (the desk's banner, the TV's mark) and stop
showing their data as live; within 2 s of the link's return both show the queue as it is now,
nothing lost, and the desk works again. The timings are printed (``pytest -s``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from kiosk.config import load_config
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.tickets import issue_ticket
from tests.conftest import write_config
from tests.e2e.probes import Event, Probe, desk_probe, desk_staff
from tests.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

CUT_S = 20.0
BANNER_WITHIN_S = 3.0
RECOVERY_WITHIN_S = 2.0


def _waiting(event: Event, numbers: set[str]) -> bool:
    return event["event"] == "update" and event["live"] and numbers <= set(event["waiting"])


def _live_updates(probe: Probe, start: float, end: float) -> list[Event]:
    """Updates that showed data as live between ``start`` and ``end``."""
    return [
        e
        for e in probe.drain()
        if start <= e["t"] < end
        and e["event"] == "update"
        and (e.get("live") is True or e.get("mark") is False)
    ]


@pytest.mark.parametrize("fault", ["cut", "drop"])
def test_a_cut_link_is_shown_within_3_s_and_recovered_within_2_s_with_nothing_lost(
    tmp_path: Path, postgres_schema_url: str, probes: list[Probe], fault: str
) -> None:
    url = make_url(postgres_schema_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    try:
        direct = write_config(tmp_path, url=postgres_schema_url)
        ids = desk_staff(direct)
        (tmp_path / "proxied").mkdir()
        proxied = write_config(tmp_path / "proxied", url=proxy.url(postgres_schema_url))
        ctx = bootstrap(load_config(str(direct), env={}))
        try:
            _run(ctx, proxy, proxied, ids[1], probes, fault)
        finally:
            ctx.db.dispose()
        for probe in probes:  # while the link is up: the desk closes its counter on the way out
            code, errors = probe.stop()
            assert (code, "Traceback" in errors) == (0, False), f"{probe.name}:\n{errors}"
        probes.clear()
    finally:
        proxy.close()


def _run(
    ctx: AppContext, proxy: TcpProxy, config: Path, helper_id: int, probes: list[Probe], fault: str
) -> None:
    desk = desk_probe(config, 1, helper_id)
    display = Probe("display", "tests.e2e.probe_display", str(config))
    probes.extend([desk, display])
    desk.wait_for("sign-in", lambda e: e["event"] == "signed_in")
    display.wait_for("ready", lambda e: e["event"] == "ready")
    before = issue_ticket(ctx, line_code="A").number
    desk.wait_for("the first ticket", lambda e: _waiting(e, {before}))
    display.wait_for("one waiting", lambda e: e.get("waiting", {}).get("A") == 1)

    cut_at = time.monotonic()
    getattr(proxy, fault)()
    banner = desk.wait_for("the banner", lambda e: e["event"] == "link" and e["banner"])
    mark = display.wait_for("the mark", lambda e: e["event"] == "link" and e["mark"])
    assert not banner["live"], "the queue is greyed out with the banner"
    # Meanwhile the queue moves on: two tickets, and a call at another desk.
    during = {issue_ticket(ctx, line_code="A").number, issue_ticket(ctx, line_code="B").number}
    called = calling.call_next(ctx, counter_number=2, actor=Actor("desk 2"))
    assert called is not None and called.number == before
    time.sleep(max(0.0, cut_at + CUT_S - time.monotonic()))
    stale = [*_live_updates(desk, banner["t"], time.monotonic())]
    stale += _live_updates(display, mark["t"], time.monotonic())
    assert stale == [], "nothing is shown as live while the link is down"

    back_at = time.monotonic()
    proxy.restore()
    fresh = desk.wait_for("the queue as it is", lambda e: _waiting(e, during), after=back_at)
    assert before not in fresh["waiting"]  # called at desk 2 meanwhile
    board = display.wait_for(
        "the board as it is",
        lambda e: (
            e["event"] == "update"
            and not e["mark"]
            and e["counters"].get("2") == before
            and e["waiting"].get("A") == 1
            and e["waiting"].get("B") == 1
        ),
        after=back_at,
    )
    shown = banner["t"] - cut_at, mark["t"] - cut_at
    recovered = fresh["t"] - back_at, board["t"] - back_at
    print(
        f"\n{fault}: banner after {shown[0]:.2f} s, TV mark after {shown[1]:.2f} s; "
        f"back live after {recovered[0]:.2f} s (desk), {recovered[1]:.2f} s (TV)"
    )
    assert max(shown) <= BANNER_WITHIN_S
    assert max(recovered) <= RECOVERY_WITHIN_S
    desk.wait_for("the banner gone", lambda e: e["event"] == "link" and not e["banner"])
    # Nothing lost, and the desk works again through the same link.
    desk.send(tap="call_next")
    desk.wait_for("its call", lambda e: e.get("current") in during, after=back_at)
