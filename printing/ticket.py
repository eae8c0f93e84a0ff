"""The queue ticket as a slip: what a visitor takes from the kiosk."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from escpos.printer import Dummy

from kiosk.domain.enums import TicketStatus
from kiosk.domain.views import LocalText, SiteHeader, TicketView
from printing.backends import printable_width_dots
from printing.blocks import Align, BigNumber, Block, QrBlock, Rule, Spacer, TextBlock
from printing.settings import PrinterSettings
from printing.slip import print_slip, slip_bytes

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Database ids start at 1, so a ticket with this id can only be the test print's sample.
SAMPLE_TICKET_ID = 0
TEST_PRINT_BANNER = "IN THỬ / TEST PRINT"
NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class TicketLabels:
    """The fixed words on a ticket; Vietnamese by default, the UI may pass translated ones.

    ``language`` picks which side of each ``LocalText`` (line and procedure names) is printed;
    ``priority_groups`` maps a priority group code to its printed name.
    """

    number: str = "Số thứ tự"
    counters: str = "Quầy"
    people_ahead: str = "Người đang chờ trước bạn"
    estimated_wait: str = "Thời gian chờ dự kiến"
    about: str = "Khoảng"
    minutes: str = "phút"
    no_wait: str = "Sắp đến lượt bạn"
    instruction: str = "Vui lòng chờ gọi số"
    priority: str = "Ưu tiên"
    issued_at: str = "Giờ lấy số"
    qr_caption: str = "Đánh giá dịch vụ: đưa mã này vào máy quét ở ki-ốt"
    language: str = "vi"
    priority_groups: Mapping[str, str] = field(default_factory=dict)


DEFAULT_LABELS = TicketLabels()


def ticket_blocks(
    ticket: TicketView,
    header: SiteHeader,
    labels: TicketLabels,
    tz: ZoneInfo,
    qr: str | None = None,
) -> list[Block]:
    """Lay out a queue ticket.

    Args:
        ticket: The ticket just issued; ``SAMPLE_TICKET_ID`` marks a test print.
        header: The desk and commune printed at the top.
        labels: The fixed words, in the visitor's language.
        tz: The site's time zone; the issue time is printed in it.
        qr: The ticket's code (``kiosk.domain.ticket_code``) to print as a QR code with
            ``labels.qr_caption`` under it, or None for no code.

    Returns:
        The blocks from top to bottom, ready for ``print_slip``.
    """
    name = ticket.line_name.get(labels.language)
    blocks: list[Block] = [Spacer(8)]
    if ticket.id == SAMPLE_TICKET_ID:
        blocks += [_centred(TEST_PRINT_BANNER, 26, bold=True), Spacer(12)]
    blocks += [_centred(header.desk_name, 24, bold=True)]
    if header.place_line():
        blocks += [Spacer(2), _centred(header.place_line(), 20)]
    blocks += [Spacer(14), Rule(), Spacer(16), _centred(labels.number, 24)]
    blocks += [Spacer(6), BigNumber(ticket.number), Spacer(10), _centred(name, 34, bold=True)]
    if ticket.procedure is not None:
        blocks += [Spacer(2), _centred(ticket.procedure.get(labels.language), 24)]
    if ticket.priority_group:
        group = labels.priority_groups.get(ticket.priority_group, ticket.priority_group)
        blocks += [Spacer(8), _centred(f"{labels.priority}: {group}", 22, bold=True)]
    if ticket.counters:
        counters = ", ".join(str(number) for number in ticket.counters)
        blocks += [Spacer(8), _centred(f"{labels.counters} {counters}", 28, bold=True)]
    if ticket.queue_known:  # an offline ticket knows no queue: it says nothing rather than 0
        blocks += [Spacer(16), Rule(), Spacer(14)]
        blocks += [_centred(_label_value(labels.people_ahead, str(ticket.people_ahead)), 24)]
        blocks += [Spacer(4), _centred(_wait_text(ticket, labels), 24)]
    blocks += [Spacer(14), Rule(), Spacer(16), _centred(labels.instruction, 26, bold=True)]
    if qr:
        blocks += [Spacer(16), QrBlock(qr), Spacer(6), _centred(labels.qr_caption, 22)]
    issued = _local(ticket.issued_at, tz).strftime("%d/%m/%Y %H:%M")
    blocks += [Spacer(16), _centred(f"{labels.issued_at}: {issued}", 20)]
    return blocks


def _centred(text: str, size_px: int, *, bold: bool = False) -> TextBlock:
    return TextBlock(text, size_px, bold=bold, align=Align.CENTER)


def _wait_text(ticket: TicketView, labels: TicketLabels) -> str:
    if ticket.estimated_wait_min <= 0:
        return _label_value(labels.estimated_wait, labels.no_wait)
    minutes = f"{labels.about} {ticket.estimated_wait_min} {labels.minutes}"
    return _label_value(labels.estimated_wait, minutes)


def _label_value(label: str, value: str) -> str:
    # No-break spaces inside each part: on narrow paper the line can only break after the
    # colon, never inside "Khoảng 15 phút".
    return f"{label.replace(' ', NBSP)}: {value.replace(' ', NBSP)}"


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    # The domain hands out aware UTC times; a naive one is taken as UTC, never as the PC's zone.
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(tz)


def render_ticket_bytes(
    ticket: TicketView,
    header: SiteHeader,
    settings: PrinterSettings,
    labels: TicketLabels = DEFAULT_LABELS,
    tz: ZoneInfo = VIETNAM_TZ,
    qr: str | None = None,
) -> bytes:
    """The ESC/POS bytes of one ticket, for ``kiosk printer test --output`` and tests.

    Args:
        ticket: The ticket to print.
        header: The desk and commune printed at the top.
        settings: The printer settings (paper width, profile); no printer is opened.
        labels: The fixed words.
        tz: The site's time zone.
        qr: The ticket's code to print as a QR code, or None.

    Returns:
        The whole job, from ESC @ to the cut.
    """
    dummy = Dummy(profile=settings.profile)
    blocks = ticket_blocks(ticket, header, labels, tz, qr)
    print_slip(dummy, blocks, width_dots=printable_width_dots(settings), job_name=ticket.number)
    return bytes(dummy.output)


def sample_ticket(now: datetime, tz: ZoneInfo = VIETNAM_TZ) -> TicketView:
    """A realistic ticket for a test print (its id marks it as one).

    Args:
        now: The issue time to print (timezone-aware).
        tz: The site's time zone, which decides the service day.

    Returns:
        Ticket A012 on the civil-status line, with a procedure, a priority group and counters.
    """
    return TicketView(
        id=SAMPLE_TICKET_ID,
        number="A012",
        line_code="A",
        line_name=LocalText("Hộ tịch", "Civil status"),
        status=TicketStatus.WAITING,
        service_day=_local(now, tz).date(),
        issued_at=now,
        procedure=LocalText("Đăng ký khai sinh", "Birth registration"),
        priority_group="Người cao tuổi (từ 60 tuổi)",
        counters=(1, 2),
        people_ahead=3,
        estimated_wait_min=15,
    )


def warm_up(header: SiteHeader, *, width_dots: int, tz: ZoneInfo = VIETNAM_TZ) -> None:
    """Lay out and encode a sample ticket, once, as the printer starts; the bytes are dropped.

    The words every ticket carries (the header, the labels, the instruction) are drawn and
    measured then, not in the first visitor's ticket: that one is as quick as the rest
    (issue 13, P3: the first ticket after a start took 6 % of its print time, the rest 2 %).
    """
    ticket = sample_ticket(datetime.now(UTC), tz)
    slip_bytes(ticket_blocks(ticket, header, DEFAULT_LABELS, tz), width_dots=width_dots)
