"""The hand-checked week (see dataset.py) on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext
from tests.summary.dataset import Helpers, build_week


@pytest.fixture
def week(ctx: AppContext, clock: FixedClock) -> Helpers:
    """The week of dataset.py, built through the real services."""
    return build_week(ctx, clock)
