from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Channel, HelperPart, Outcome, TicketStatus
from kiosk.domain.errors import AuthError, InvalidTransitionError, ValidationError
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import (
    add_helper,
    import_csv,
    list_helpers,
    set_active,
    set_pin,
    sign_in,
)
from kiosk.services.queue_read import list_lines
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.services.visits import finish_visit, record_walk_in
from kiosk.storage.models import AuditEntry, Helper, Visit, VisitHelper

ADMIN = Actor("admin")


def staff(ctx: AppContext, name: str = "Nguyễn Văn An", pin: str = "1234") -> int:
    return add_helper(ctx, name=name, kind="staff", role="desk_officer", pin=pin, actor=ADMIN).id


def volunteer(ctx: AppContext, name: str, role: str = "digital_team") -> int:
    return add_helper(
        ctx, name=name, kind="volunteer", role=role, affiliation="Thôn 2", actor=ADMIN
    ).id


def called_ticket(ctx: AppContext) -> int:
    ticket = issue_ticket(ctx, line_code="E", procedure_code="kich-hoat-vneid")
    calling.call_next(ctx, counter_number=3, actor=ADMIN)
    return ticket.id


def test_finishing_needs_a_helper_and_an_outcome(ctx: AppContext) -> None:
    ticket_id, helper = called_ticket(ctx), staff(ctx)
    with pytest.raises(ValidationError, match="at least one helper"):
        finish_visit(
            ctx, ticket_id=ticket_id, helpers=[], outcomes=[Outcome.GUIDED_ONLY], actor=ADMIN
        )
    with pytest.raises(ValidationError, match="at least one outcome"):
        finish_visit(
            ctx, ticket_id=ticket_id, helpers=[HelperCredit(helper)], outcomes=[], actor=ADMIN
        )
    assert find_ticket(ctx, "E001").status is TicketStatus.CALLED


def test_a_visit_credits_several_helpers_with_their_parts(
    ctx: AppContext, clock: FixedClock
) -> None:
    ticket_id = called_ticket(ctx)
    lead, teacher = staff(ctx), volunteer(ctx, "Lê Thị Cúc", "teacher")
    calling.start(ctx, ticket_id=ticket_id, actor=ADMIN)
    clock.advance(minutes=12)
    record = finish_visit(
        ctx,
        ticket_id=ticket_id,
        helpers=[HelperCredit(lead), HelperCredit(teacher)],
        outcomes=[Outcome.VNEID_CHECKED, Outcome.SUBMITTED_ONLINE],
        actor=ADMIN,
        note="  kích hoạt xong ",
    )
    assert record.ticket_number == "E001"
    assert record.outcomes == (Outcome.SUBMITTED_ONLINE, Outcome.VNEID_CHECKED)
    with ctx.db.read() as session:
        visit = session.get(Visit, record.visit_id)
        assert visit is not None
        parts = {(h.helper_id, h.part) for h in visit.helpers}
        assert (visit.ended_at - visit.started_at) == timedelta(minutes=12)
        assert visit.note == "kích hoạt xong" and visit.channel == Channel.DESK
        assert visit.procedure_id is not None
    assert parts == {(lead, HelperPart.LEAD), (teacher, HelperPart.SUPPORT)}
    assert find_ticket(ctx, "E001").status is TicketStatus.DONE


def test_a_finished_ticket_cannot_be_finished_again(ctx: AppContext) -> None:
    ticket_id, helper = called_ticket(ctx), staff(ctx)
    finish_visit(
        ctx,
        ticket_id=ticket_id,
        helpers=[HelperCredit(helper)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=ADMIN,
    )
    with pytest.raises(InvalidTransitionError, match="done"):
        finish_visit(
            ctx,
            ticket_id=ticket_id,
            helpers=[HelperCredit(helper)],
            outcomes=[Outcome.GUIDED_ONLY],
            actor=ADMIN,
        )


def test_an_inactive_helper_cannot_be_credited(ctx: AppContext) -> None:
    ticket_id, helper = called_ticket(ctx), volunteer(ctx, "Phạm Văn Dũng")
    set_active(ctx, helper_id=helper, active=False, actor=ADMIN)
    with pytest.raises(ValidationError, match="no longer an active helper"):
        finish_visit(
            ctx,
            ticket_id=ticket_id,
            helpers=[HelperCredit(helper)],
            outcomes=[Outcome.GUIDED_ONLY],
            actor=ADMIN,
        )


def test_walk_in_help_at_a_village_point_needs_the_place(
    ctx: AppContext, clock: FixedClock
) -> None:
    helper = volunteer(ctx, "Trần Thị Bình", "womens_union")
    with pytest.raises(ValidationError, match="Name the place"):
        record_walk_in(
            ctx,
            helpers=[HelperCredit(helper)],
            outcomes=[Outcome.VNEID_CHECKED],
            actor=ADMIN,
            place=" ",
        )
    start = clock.now
    clock.advance(minutes=20)
    record = record_walk_in(
        ctx,
        helpers=[HelperCredit(helper)],
        outcomes=[Outcome.VNEID_CHECKED],
        actor=ADMIN,
        place="Nhà văn hóa thôn 2",
        procedure_code="kich-hoat-vneid",
        started_at=start,
    )
    assert record.ticket_number is None
    with ctx.db.read() as session:
        visit = session.get(Visit, record.visit_id)
        assert visit is not None and visit.ticket_id is None
        assert (visit.channel, visit.place) == ("village_point", "Nhà văn hóa thôn 2")


def test_finished_visits_feed_the_wait_estimate(ctx: AppContext, clock: FixedClock) -> None:
    helper = staff(ctx)
    for _ in range(3):
        issue_ticket(ctx, line_code="E")
    for _ in range(3):
        view = calling.call_next(ctx, counter_number=3, actor=ADMIN)
        assert view is not None
        clock.advance(minutes=20)
        finish_visit(
            ctx,
            ticket_id=view.id,
            helpers=[HelperCredit(helper)],
            outcomes=[Outcome.GUIDED_ONLY],
            actor=ADMIN,
        )
    issue_ticket(ctx, line_code="E")
    issue_ticket(ctx, line_code="E")
    line_e = next(line for line in list_lines(ctx) if line.code == "E")
    assert line_e.estimated_wait_min == 40  # two waiting x 20 min, one desk


def test_helpers_are_searched_without_accents(ctx: AppContext) -> None:
    volunteer(ctx, "Nguyễn Đức Thắng")
    volunteer(ctx, "Trần Thị Bình")
    assert [h.name for h in list_helpers(ctx, query="duc thang")] == ["Nguyễn Đức Thắng"]
    assert len(list_helpers(ctx)) == 2


def test_only_staff_get_a_pin_and_it_is_stored_hashed(ctx: AppContext) -> None:
    with pytest.raises(ValidationError, match="only staff"):
        add_helper(
            ctx, name="Tình nguyện", kind="volunteer", role="teacher", pin="1234", actor=ADMIN
        )
    helper = staff(ctx, pin="97531")
    with ctx.db.read() as session:
        stored = session.get(Helper, helper)
        assert stored is not None and stored.pin_hash is not None
        assert "97531" not in stored.pin_hash and stored.pin_hash.startswith("scrypt$")


def test_five_wrong_pins_lock_the_helper_for_five_minutes(
    ctx: AppContext, clock: FixedClock
) -> None:
    helper = staff(ctx)
    for _ in range(4):
        with pytest.raises(AuthError, match="Wrong PIN"):
            sign_in(ctx, helper_id=helper, pin="0000")
    with pytest.raises(AuthError, match="Too many"):
        sign_in(ctx, helper_id=helper, pin="0000")
    with pytest.raises(AuthError, match="Too many"):
        sign_in(ctx, helper_id=helper, pin="1234")  # even the right PIN waits
    clock.advance(minutes=5, seconds=1)
    assert sign_in(ctx, helper_id=helper, pin="1234").id == helper
    with ctx.db.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == helper)
        ).all()
    assert "pin_lockout" in actions and "sign_in" in actions


def test_resetting_a_pin_clears_a_lockout(ctx: AppContext) -> None:
    helper = staff(ctx)
    for _ in range(5):
        with pytest.raises(AuthError):
            sign_in(ctx, helper_id=helper, pin="0000")
    set_pin(ctx, helper_id=helper, pin="4321", actor=ADMIN)
    assert sign_in(ctx, helper_id=helper, pin="4321").has_pin


def test_csv_import_checks_every_row_before_adding_any(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "helpers.csv"
    path.write_text(
        "name,kind,role,affiliation,pin\n"
        "Nguyễn Văn An,staff,desk_officer,UBND xã,1234\n"
        ",volunteer,teacher,Trường THCS,\n"
        "Lê Văn Cường,volunteer,pilot,Thôn 1,\n"
        "Võ Thị Dung,volunteer,youth_union,Thôn 3,5555\n",
        encoding="utf-8",
    )
    result = import_csv(ctx, path, actor=ADMIN)
    assert result.added == ()
    assert [p.split(": ", 1)[0] for p in result.problems] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert (
        "name" in result.problems[0]
        and "pilot" in result.problems[1]
        and "pin" in result.problems[2]
    )
    assert list_helpers(ctx) == []


def test_csv_import_adds_good_rows_from_a_spreadsheet_export(
    ctx: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "helpers.csv"
    path.write_bytes(
        "\ufeffname,kind,role,affiliation\nĐặng Thị Em,volunteer,womens_union,Thôn 4\n".encode()
    )
    result = import_csv(ctx, path, actor=ADMIN)
    assert [h.name for h in result.added] == ["Đặng Thị Em"] and result.problems == ()


def test_csv_without_required_columns_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("ten,vai tro\nA,B\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing column"):
        import_csv(ctx, path, actor=ADMIN)


def test_visit_helper_rows_reference_real_helpers(ctx: AppContext) -> None:
    ticket_id = called_ticket(ctx)
    with pytest.raises(Exception, match="no helper with id 999"):
        finish_visit(
            ctx,
            ticket_id=ticket_id,
            helpers=[HelperCredit(999)],
            outcomes=[Outcome.GUIDED_ONLY],
            actor=ADMIN,
        )
    with ctx.db.read() as session:
        assert session.scalars(select(VisitHelper)).all() == []
