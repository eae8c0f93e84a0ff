"""Code run inside child processes by the concurrency tests (spawned, so importable)."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import Any

from kiosk.config import load_config
from kiosk.domain.errors import AuthError
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import sign_in
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import open_database


def _context(config_path: str) -> AppContext:
    config = load_config(config_path, env={})
    return AppContext(config=config, db=open_database(config.database_url))


def issue_many(config_path: str, count: int, barrier: Barrier) -> list[str]:
    """Issue ``count`` tickets on line A as fast as possible, starting with the others."""
    ctx = _context(config_path)
    barrier.wait()
    numbers = [issue_ticket(ctx, line_code="A").number for _ in range(count)]
    ctx.db.dispose()
    return numbers


def call_until_empty(config_path: str, counter: int, barrier: Barrier) -> list[str]:
    """Call next at one desk until nobody waits; each called ticket is cleared at once."""
    ctx = _context(config_path)
    actor = Actor(f"desk {counter}")
    barrier.wait()
    called = []
    while (view := calling.call_next(ctx, counter_number=counter, actor=actor)) is not None:
        called.append(view.number)
        calling.no_show(ctx, ticket_id=view.id, actor=actor)
    ctx.db.dispose()
    return called


def issue_and_call(config_path: str, counter: int, count: int, barrier: Barrier) -> list[str]:
    """A desk that also issues: ``count`` rounds of issue, call next and no-show, all writes.

    Returns the numbers it issued (``+A001``) and called (``A001``), so the test can check
    every ticket was issued once and called at most once.
    """
    ctx = _context(config_path)
    actor = Actor(f"desk {counter}")
    barrier.wait()
    done = []
    for _ in range(count):
        done.append("+" + issue_ticket(ctx, line_code="A").number)
        view = calling.call_next(ctx, counter_number=counter, actor=actor)
        if view is not None:
            done.append(view.number)
            calling.no_show(ctx, ticket_id=view.id, actor=actor)
    ctx.db.dispose()
    return done


def wrong_pin(config_path: str, helper_id: int, barrier: Barrier) -> list[str]:
    """One wrong PIN for ``helper_id``, sent together with the other processes'; the answer."""
    ctx = _context(config_path)
    barrier.wait()
    try:
        sign_in(ctx, helper_id=helper_id, pin="000000")
    except AuthError as exc:
        return [exc.message]
    finally:
        ctx.db.dispose()
    return ["signed in"]


def run_and_report(
    func: Callable[..., list[str]], args: tuple[Any, ...], results: Queue[Any]
) -> None:
    """Run ``func`` and put its list (or the traceback text of its failure) on ``results``."""
    try:
        results.put(func(*args))
    except Exception:
        results.put(traceback.format_exc())
