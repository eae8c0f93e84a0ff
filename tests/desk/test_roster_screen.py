"""The managers' roster: add, edit, deactivate helpers and set staff PINs, from the desk."""

from __future__ import annotations

import json

from sqlalchemy import select

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.services.helpers import list_helpers, sign_in
from kiosk.services.roster import update_helper
from kiosk.storage.models import AuditEntry
from tests.desk.conftest import ADMIN, MANAGER_PIN, Desk, Staff


def _open_roster(desk: Desk, staff: Staff) -> None:
    desk.sign_in(staff.manager, MANAGER_PIN)
    desk.tap(desk.window.queue.roster)
    assert desk.window.current_screen() is desk.window.roster


def _audit(desk: Desk, action: str) -> list[AuditEntry]:
    with desk.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_only_a_manager_sees_the_roster_button(desk: Desk, staff: Staff) -> None:
    desk.sign_in(staff.officer)
    assert not desk.window.queue.roster.isVisible()
    desk.window.queue.roster.click()  # even a stray click does not open it
    desk.wait_idle()
    assert desk.window.current_screen() is desk.window.queue
    desk.tap(desk.window.queue.sign_out)
    desk.sign_in(staff.manager, MANAGER_PIN)
    assert desk.window.queue.roster.isVisible()


def test_the_roster_lists_everyone_including_inactive_helpers(desk: Desk, staff: Staff) -> None:
    _open_roster(desk, staff)
    assert set(desk.window.roster.buttons) == {
        staff.officer.id,
        staff.manager.id,
        staff.digital.id,
        staff.teacher.id,
    }


def test_a_manager_adds_a_volunteer_with_role_and_affiliation(desk: Desk, staff: Staff) -> None:
    _open_roster(desk, staff)
    roster = desk.window.roster
    desk.tap(roster.new)
    form = roster.form
    assert not form.save.isEnabled(), "a name is needed"
    form.name.setText("Hoàng Văn Dũng")
    desk.tap(form.kind.button(HelperKind.VOLUNTEER.value))
    desk.tap(form.role.button(HelperRole.VILLAGE_HEAD.value))
    form.affiliation.setText("Thôn 5")
    desk.tap(form.save)

    (added,) = list_helpers(desk.ctx, query="hoang dung")
    assert (added.kind, added.role, added.affiliation) == (
        HelperKind.VOLUNTEER,
        HelperRole.VILLAGE_HEAD,
        "Thôn 5",
    )
    assert added.id in roster.buttons
    assert roster.message.tone() == "success"
    assert len(_audit(desk, "helper_add")) == 5  # four from the fixture, this one


def test_a_manager_edits_a_helper_and_the_change_is_audited(desk: Desk, staff: Staff) -> None:
    _open_roster(desk, staff)
    roster = desk.window.roster
    desk.tap(roster.buttons[staff.teacher.id])
    assert roster.form.name.text() == staff.teacher.name
    roster.form.name.setText("Phạm Thu Hằng")
    desk.tap(roster.form.role.button(HelperRole.DIGITAL_TEAM.value))
    desk.tap(roster.form.save)

    (entry,) = _audit(desk, "helper_update")
    assert entry.actor_helper_id == staff.manager.id
    assert json.loads(entry.before)["name"] == "Phạm Thu Hà"
    assert json.loads(entry.after)["role"] == "digital_team"
    assert roster.buttons[staff.teacher.id].label() == "Phạm Thu Hằng"


def test_a_deactivated_helper_leaves_the_one_tap_roster_but_keeps_past_credit(
    desk: Desk, staff: Staff
) -> None:
    _open_roster(desk, staff)
    roster = desk.window.roster
    desk.tap(roster.buttons[staff.digital.id])
    desk.tap(roster.form.active)
    assert staff.digital.id not in {h.id for h in list_helpers(desk.ctx)}
    assert roster.form.active.text() == "Kích hoạt lại"
    assert "đã ngừng" in roster.buttons[staff.digital.id].caption()

    desk.tap(roster.back)
    desk.tap(desk.window.queue.walk_in)
    assert staff.digital.id not in desk.window.visit.picker.roster_buttons


def test_a_manager_sets_a_new_pin_that_then_signs_in(desk: Desk, staff: Staff) -> None:
    _open_roster(desk, staff)
    roster = desk.window.roster
    desk.tap(roster.buttons[staff.officer.id])
    desk.tap(roster.form.pin)
    assert roster.pin_overlay.is_open()
    for digit in "5678":
        roster.pin_overlay.keypad.press(digit)
    desk.tap(roster.pin_overlay.keypad.keys["ok"])
    assert not roster.pin_overlay.is_open()
    assert sign_in(desk.ctx, helper_id=staff.officer.id, pin="5678").id == staff.officer.id
    assert len(_audit(desk, "helper_set_pin")) == 1


def test_volunteers_get_no_pin_button(desk: Desk, staff: Staff) -> None:
    _open_roster(desk, staff)
    roster = desk.window.roster
    desk.tap(roster.buttons[staff.teacher.id])
    assert not roster.form.pin.isVisible()


def test_a_manager_demoted_while_the_roster_is_open_is_refused_by_the_core(
    desk: Desk, staff: Staff
) -> None:
    _open_roster(desk, staff)
    roster = desk.window.roster
    desk.tap(roster.buttons[staff.teacher.id])
    update_helper(  # another PC takes the manager role away meanwhile
        desk.ctx,
        helper_id=staff.manager.id,
        name=staff.manager.name,
        kind=HelperKind.STAFF,
        role=HelperRole.DESK_OFFICER,
        affiliation="",
        actor=ADMIN,
    )
    roster.form.name.setText("Phạm Thu Hằng")
    desk.tap(roster.form.save)

    assert roster.message.tone() == "danger"
    assert roster.message.text.text() == "Tài khoản này không được phép làm việc này."
    assert [h.name for h in list_helpers(desk.ctx, query="pham thu")] == ["Phạm Thu Hà"]
    (demotion,) = _audit(desk, "helper_update")  # and no edit by the demoted manager
    assert demotion.actor_helper_id is None
