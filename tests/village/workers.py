"""Run by the process tests as ``python -m tests.village.workers record CONFIG COUNT``.

Records COUNT visits on a village PC through the services, in its own OS process, the way the
village screen does: one transaction per visit.
"""

from __future__ import annotations

import sys

from kiosk.config import load_config
from kiosk.domain.visits import HelperCredit
from kiosk.services.context import CLI_ACTOR, bootstrap
from kiosk.services.village import record_village_visit, village_choices

# Each record: its helpers (by position in the roster) and its outcomes, cycling.
PATTERNS = (
    ((0,), ("vneid_installed", "vneid_level2")),
    ((0, 1), ("submitted_online", "paid_online")),
    ((1,), ("guided_only",)),
)


def expected_children(count: int) -> tuple[int, int]:
    """(helper rows, outcome rows) that ``count`` records make."""
    helpers = sum(len(PATTERNS[i % len(PATTERNS)][0]) for i in range(count))
    outcomes = sum(len(PATTERNS[i % len(PATTERNS)][1]) for i in range(count))
    return helpers, outcomes


def record(config_path: str, count: int) -> None:
    """Record ``count`` visits at the configured place."""
    ctx = bootstrap(load_config(config_path, env={}))
    choices = village_choices(ctx)
    helpers = [h.id for h in choices.helpers]
    for i in range(count):
        positions, outcomes = PATTERNS[i % len(PATTERNS)]
        record_village_visit(
            ctx,
            place=choices.place,
            helpers=[HelperCredit(helpers[p]) for p in positions],
            need="vneid",
            outcomes=list(outcomes),
            actor=CLI_ACTOR,
        )
    ctx.db.dispose()
    print(count)


if __name__ == "__main__":
    command, path, how_many = sys.argv[1:4]
    if command != "record":
        sys.exit(f"unknown command {command!r}")
    record(path, int(how_many))
