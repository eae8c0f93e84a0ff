"""The kiosk keeps issuing when the server is gone: numbers set aside, a journal, an upload.

While the server answers, the kiosk holds a block of numbers per line for today
(``reserve_blocks``): the line's sequence on the server moves past the block in the same
atomic upsert every ticket uses, and the block is recorded under the kiosk's id, so no other
kiosk and no desk can ever issue those numbers. The kiosk issues every ticket from its blocks
(``record_kiosk_ticket`` puts one on the server at once while it answers), so its numbers run
in order. While the server cannot be reached the kiosk issues from its blocks into its
journal (``kiosk.storage.offline_journal``), on disk before the visitor sees the number. When
the link returns, ``upload_offline_tickets`` sends each journal ticket with its real issue
time in its own transaction, keyed by the UUID it was given offline: a ticket already on the
server (an upload cut by ``kill -9`` after the commit) is only marked as sent. Desks call by
issue time, so uploaded tickets take their fair place.

A block taken on the server but lost before the journal kept it (a crash in between) only
leaves a gap in the numbers; a number is never given twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk.config import Config
from kiosk.domain.clock import service_day
from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import KioskError
from kiosk.domain.views import TicketView
from kiosk.services.changes import audit
from kiosk.services.context import KIOSK_ACTOR, AppContext
from kiosk.services.lookup import counters_serving, line_by_code, procedure_by_code, ticket_view
from kiosk.services.queue_read import estimate_for_ticket
from kiosk.services.tickets import take_numbers
from kiosk.storage.models import Line, NumberBlock, OfflineTicket, Ticket
from kiosk.storage.offline_journal import JournalTicket, OfflineJournal

logger = logging.getLogger(__name__)

# About an hour of a busy line's tickets; a block is taken again when fewer are left.
BLOCK_SIZE = 20
REFILL_BELOW = 5
JOURNAL_NAME = "offline-journal.sqlite3"


def journal_path(config: Config) -> Path:
    """The kiosk's journal: in its data folder, beside the printer's spool folder."""
    return config.printer.spool_dir.parent / JOURNAL_NAME


def reserve_blocks(ctx: AppContext, *, journal: OfflineJournal, size: int = BLOCK_SIZE) -> int:
    """While online: hold at least ``REFILL_BELOW`` numbers of every active line for today.

    Args:
        ctx: The application context (the server).
        journal: This kiosk's journal.
        size: Numbers per block.

    Returns:
        How many blocks were taken.
    """
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        lines = list(session.execute(select(Line.id, Line.code).where(Line.active.is_(True))))
    taken = 0
    for line_id, code in lines:
        if journal.numbers_left(line_code=code, service_day=day) >= REFILL_BELOW:
            continue
        first, last = _take_block(
            ctx, kiosk_id=journal.kiosk_id, line_id=line_id, day=day, size=size
        )
        # Kept on the server first: a crash before this line loses the block, never reuses it.
        journal.add_block(line_code=code, service_day=day, first=first, last=last)
        taken += 1
    return taken


def _take_block(
    ctx: AppContext, *, kiosk_id: str, line_id: int, day: date, size: int
) -> tuple[int, int]:
    with ctx.db.write.begin() as session:
        last = take_numbers(session, line_id=line_id, day=day, count=size)
        first = last - size + 1
        session.add(
            NumberBlock(
                kiosk_id=kiosk_id,
                line_id=line_id,
                service_day=day,
                first_sequence=first,
                last_sequence=last,
                reserved_at=ctx.clock(),
            )
        )
    return first, last


def issue_offline(
    journal: OfflineJournal,
    *,
    config: Config,
    now: datetime,
    line_code: str,
    priority_group: str | None = None,
    procedure_code: str | None = None,
) -> JournalTicket | None:
    """Issue from the kiosk's own numbers while the server is gone (no server involved).

    Returns:
        The ticket, on disk; None when the kiosk holds no number of this line for today.
    """
    return journal.issue(
        line_code=line_code,
        service_day=service_day(now, config.site.tz),
        issued_at=now,
        priority_group=priority_group,
        procedure_code=procedure_code,
    )


def offline_ticket_view(config: Config, ticket: JournalTicket) -> TicketView:
    """What the visitor sees and the printer prints of a ticket issued offline.

    Its counters and names come from the config; the queue ahead is unknown (``queue_known``),
    and the id is negative: the ticket has no row on the server yet.
    """
    line = config.line(ticket.line_code)
    procedure = next((p.name for p in line.procedures if p.code == ticket.procedure_code), None)
    return TicketView(
        id=-ticket.sequence,
        number=ticket.number,
        line_code=line.code,
        line_name=line.name,
        status=TicketStatus.WAITING,
        service_day=ticket.service_day,
        issued_at=ticket.issued_at,
        procedure=procedure,
        priority_group=ticket.priority_group,
        counters=tuple(c.number for c in config.counters if line.code in c.lines),
        queue_known=False,
    )


UploadedHook = Callable[[JournalTicket], None]


def upload_offline_tickets(
    ctx: AppContext,
    *,
    journal: OfflineJournal,
    on_sent: UploadedHook | None = None,
    on_uploaded: UploadedHook | None = None,
) -> int:
    """Send the journal's tickets to the server, oldest first, each once whatever happens.

    Args:
        ctx: The application context (the server).
        journal: This kiosk's journal.
        on_sent: Called once a ticket is committed on the server, before the journal marks it
            (the moment a crash is most dangerous; tests stop the process there).
        on_uploaded: Called after each ticket is on the server and marked sent.

    Returns:
        How many tickets were sent (or found already there) and marked.
    """
    count = 0
    for ticket in journal.pending():
        try:
            _upload_one(ctx, kiosk_id=journal.kiosk_id, ticket=ticket)
        except KioskError as exc:
            # Its line is gone from the server, say: it stays in the journal, the rest go on.
            logger.error("offline ticket %s not uploaded: %s", ticket.number, exc)
            continue
        except IntegrityError:
            # Another upload of the same journal (a restarted kiosk) committed it first.
            if not _on_server(ctx, ticket.uuid):
                raise
        if on_sent is not None:
            on_sent(ticket)
        journal.mark_uploaded(ticket.uuid)
        count += 1
        if on_uploaded is not None:
            on_uploaded(ticket)
    if count:
        logger.warning("%d tickets issued offline are now on the server", count)
    return count


def _on_server(ctx: AppContext, ticket_uuid: str) -> bool:
    with ctx.db.read() as session:
        return session.get(OfflineTicket, ticket_uuid) is not None


def record_kiosk_ticket(ctx: AppContext, *, kiosk_id: str, ticket: JournalTicket) -> TicketView:
    """Put a ticket the kiosk just took from its block on the server, online, and view it.

    A kiosk that holds numbers issues every ticket from them, online too, so its numbers stay
    in order (A001, A002 ...) instead of jumping past the block; the server's sequence serves
    the desks' walk-ins. Idempotent like an upload (the ticket's UUID).

    Args:
        ctx: The application context (the server).
        kiosk_id: The kiosk's id (its journal's).
        ticket: The ticket, already in the journal.

    Returns:
        The ticket as the visitor sees it, with the queue ahead of it.
    """
    _upload_one(ctx, kiosk_id=kiosk_id, ticket=ticket, action="issue")
    with ctx.db.read() as session:
        row = session.scalar(
            select(Ticket).join(OfflineTicket).where(OfflineTicket.uuid == ticket.uuid)
        )
        assert row is not None
        ahead, minutes = estimate_for_ticket(ctx, session, row)
        return ticket_view(
            row,
            counters=counters_serving(session, row.line_id),
            people_ahead=ahead,
            wait_min=minutes,
        )


def _upload_one(
    ctx: AppContext, *, kiosk_id: str, ticket: JournalTicket, action: str = "issue_offline"
) -> None:
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        if session.get(OfflineTicket, ticket.uuid) is not None:
            return  # sent before; only the journal's mark was lost
        line = line_by_code(session, ticket.line_code)
        procedure = None
        if ticket.procedure_code:
            try:
                procedure = procedure_by_code(session, ticket.procedure_code)
            except KioskError:
                procedure = None  # the procedure left the list meanwhile: the ticket stays
        if procedure is not None and procedure.line_id != line.id:
            procedure = None  # a guide's procedure served on another line: the line's ticket
        row = Ticket(
            issue_line_id=line.id,
            line=line,
            procedure=procedure,
            counter=None,
            service_day=ticket.service_day,
            sequence=ticket.sequence,
            number=ticket.number,
            priority_group=ticket.priority_group,
            status=TicketStatus.WAITING,
            issued_at=ticket.issued_at,
            recall_count=0,
            print_status="pending",
        )
        session.add(row)
        session.flush()
        session.add(
            OfflineTicket(uuid=ticket.uuid, ticket_id=row.id, kiosk_id=kiosk_id, uploaded_at=now)
        )
        audit(
            session,
            actor=KIOSK_ACTOR,
            action=action,
            entity="ticket",
            entity_id=row.id,
            now=now,
            after={"number": ticket.number, "uuid": ticket.uuid, "kiosk": kiosk_id},
        )
