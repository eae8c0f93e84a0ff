"""A ticket's full changeable state as JSON for the audit log, and putting it back (undo)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from kiosk.storage.models import Ticket

# Every column a desk action may change. An undo restores all of them, so a transfer undone
# gets its call and start times back, not just its line.
_TIMES = ("called_at", "started_at", "finished_at")
_VALUES = ("status", "line_id", "counter_id", "recall_count", "procedure_id", "closing_reason")


def ticket_state(ticket: Ticket) -> dict[str, object]:
    """The ticket's changeable fields, times as ISO 8601 text."""
    state: dict[str, object] = {name: getattr(ticket, name) for name in _VALUES}
    for name in _TIMES:
        moment: datetime | None = getattr(ticket, name)
        state[name] = None if moment is None else moment.isoformat()
    return state


def restore_ticket_state(ticket: Ticket, state: Mapping[str, Any]) -> None:
    """Put back the fields ``state`` holds (audit entries older than a field lack it)."""
    for name in _VALUES:
        if name in state:
            setattr(ticket, name, state[name])
    for name in _TIMES:
        if name in state:
            text = state[name]
            setattr(ticket, name, None if text is None else datetime.fromisoformat(str(text)))
