"""The managers' roster: list, search, add, edit, deactivate helpers and set staff PINs."""

from __future__ import annotations

from PySide6.QtCore import Slot

from kiosk.domain.views import HelperView
from kiosk.services.helpers import list_helpers, set_active, set_pin
from kiosk.services.roster import save_helper
from ui.desk.session import DeskFlow, FlowDeps
from ui.i18n import translate
from ui.operations import Operation


class RosterFlow(DeskFlow):
    """Connects the roster screen to the helper services; only managers get there."""

    def __init__(self, *, deps: FlowDeps) -> None:
        super().__init__(deps=deps)
        roster = self._window.roster
        self._window.queue.roster_clicked.connect(self._on_queue_roster_clicked)
        roster.search_changed.connect(self._on_roster_search_changed)
        roster.helper_chosen.connect(self._on_roster_helper_chosen)
        roster.new_clicked.connect(self._on_roster_new_clicked)
        roster.form.save_clicked.connect(self._on_form_save_clicked)
        roster.form.active_clicked.connect(self._on_form_active_clicked)
        roster.form.pin_clicked.connect(self._on_form_pin_clicked)
        roster.pin_overlay.pin_submitted.connect(self._on_pin_overlay_pin_submitted)
        self._helpers: list[HelperView] = []

    async def _load(self) -> None:
        roster = self._window.roster
        query = roster.search.text().strip()
        try:
            helpers = await self._ops.run(
                lambda ctx: list_helpers(ctx, query=query, include_inactive=True)
            )
        except Exception as exc:
            roster.show_error(self._error_text(exc))
            return
        self._helpers = helpers
        roster.set_helpers(helpers)

    async def _change(self, op: Operation[HelperView], words: str) -> None:
        roster = self._window.roster
        try:
            helper = await self._ops.run(op)
        except Exception as exc:
            roster.show_error(self._error_text(exc))
            return
        roster.form.edit(helper)
        roster.show_info(words.format(name=helper.name))
        await self._load()

    def _save(self) -> Operation[HelperView]:
        form = self._window.roster.form
        current = form.helper()
        helper_id = None if current is None else current.id
        fields, actor = form.fields(), self._session.actor
        return lambda ctx: save_helper(
            ctx,
            helper_id=helper_id,
            name=fields.name,
            kind=fields.kind,
            role=fields.role,
            affiliation=fields.affiliation,
            actor=actor,
        )

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_queue_roster_clicked(self) -> None:
        if not self._session.is_manager:
            return
        self._window.roster.form.edit(None)
        self._window.roster.message.clear()
        self._window.show_roster()
        self._start(self._load())

    @Slot(str)
    def _on_roster_search_changed(self, _text: str) -> None:
        self._start(self._load())

    @Slot(int)
    def _on_roster_helper_chosen(self, helper_id: int) -> None:
        helper = next((h for h in self._helpers if h.id == helper_id), None)
        self._window.roster.form.edit(helper)
        self._window.roster.message.clear()

    @Slot()
    def _on_roster_new_clicked(self) -> None:
        self._window.roster.form.edit(None)
        self._window.roster.message.clear()

    @Slot()
    def _on_form_save_clicked(self) -> None:
        self._start(self._change(self._save(), translate("RosterFlow", "Đã lưu {name}.")))

    @Slot()
    def _on_form_active_clicked(self) -> None:
        helper = self._window.roster.form.helper()
        if helper is None:
            return
        words = (
            translate("RosterFlow", "{name} đã được kích hoạt lại.")
            if not helper.active
            else translate(
                "RosterFlow", "{name} đã ngừng hoạt động; các lần hỗ trợ cũ vẫn được giữ."
            )
        )
        helper_id, active, actor = helper.id, not helper.active, self._session.actor
        self._start(
            self._change(
                lambda ctx: set_active(ctx, helper_id=helper_id, active=active, actor=actor),
                words,
            )
        )

    @Slot()
    def _on_form_pin_clicked(self) -> None:
        helper = self._window.roster.form.helper()
        if helper is not None:
            self._window.roster.pin_overlay.ask(helper.name)

    @Slot(str)
    def _on_pin_overlay_pin_submitted(self, pin: str) -> None:
        helper = self._window.roster.form.helper()
        self._window.roster.pin_overlay.close_overlay()
        if helper is None:
            return
        helper_id, actor = helper.id, self._session.actor
        self._start(
            self._change(
                lambda ctx: set_pin(ctx, helper_id=helper_id, pin=pin, actor=actor),
                translate("RosterFlow", "Đã đặt mã PIN mới cho {name}."),
            )
        )
