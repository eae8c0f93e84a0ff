"""The steps of one village visit, and of a help session, over the window's screens.

A visit: who helped (the first tapped leads) → what the visitor needed → what came of it →
(the procedure of a referral) → (age band, sex: only when the commune records them) → an
optional note → saved. The rules (which codes exist, what a referral needs, what is optional)
are the core's: ``record_village_visit`` checks the entry; this module only walks the screens
and shows the core's answer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from kiosk.domain.enums import HelperPart
from kiosk.domain.village import AGE_BAND_LABELS, SEX_LABELS, FormChoice
from kiosk.domain.visits import HelperCredit
from kiosk.services.context import Actor
from kiosk.services.village import (
    HelpSessionView,
    VillageChoices,
    close_help_session,
    open_help_session,
    record_village_visit,
)
from ui.error_texts import error_text
from ui.formatting import format_time
from ui.i18n import translate
from ui.shell import Runtime
from ui.staff.texts import role_text
from ui.village.step_screen import StepScreen
from ui.village.step_texts import set_step_texts
from ui.village.window import VillageWindow
from ui.widgets.screen import Screen

logger = logging.getLogger(__name__)
SEPARATOR = " · "


class VillageFlow(QObject):
    """Walks a volunteer through a visit or a session; saves through the core.

    Signals:
        saved: a visit or a session change was committed (the sync strip reads again).
    """

    saved = Signal()

    def __init__(self, *, window: VillageWindow, runtime: Runtime) -> None:
        super().__init__(window)
        self._window, self._runtime = window, runtime
        self._tz = runtime.config.site.tz
        self.choices: VillageChoices | None = None
        self.helper_order: list[int] = []
        self.need: str | None = None
        self.outcomes: list[str] = []
        self.procedure: str | None = None
        self.age_band: str | None = None
        self.sex: str | None = None
        self._history: list[QWidget] = []
        self._connect()

    def _connect(self) -> None:
        w = self._window
        w.start.picked.connect(self._on_start_picked)
        w.start.next_clicked.connect(self._on_start_next_clicked)
        w.start.session_clicked.connect(self._on_start_session_clicked)
        w.start.back_clicked.connect(self._on_start_back_clicked)
        w.need.picked.connect(self._on_need_picked)
        w.outcomes.picked.connect(self._on_outcomes_picked)
        w.outcomes.next_clicked.connect(self._on_outcomes_next_clicked)
        w.procedure.picked.connect(self._on_procedure_picked)
        w.age.picked.connect(self._on_age_picked)
        w.age.next_clicked.connect(self._on_age_next_clicked)
        w.sex.picked.connect(self._on_sex_picked)
        w.sex.next_clicked.connect(self._on_sex_next_clicked)
        w.note.save_clicked.connect(self._on_note_save_clicked)
        w.done.next_clicked.connect(self._on_done_next_clicked)
        w.members.picked.connect(self._on_members_picked)
        w.members.next_clicked.connect(self._on_members_next_clicked)
        w.end_session.next_clicked.connect(self._on_end_session_next_clicked)
        for screen in (w.need, w.outcomes, w.procedure, w.age, w.sex, w.members, w.end_session):
            screen.back_clicked.connect(self._on_back_clicked)
        w.note.back_clicked.connect(self._on_back_clicked)
        w.i18n.language_changed.connect(self._on_i18n_language_changed)

    # -- what the controller gives -----------------------------------------------------------

    def set_choices(self, choices: VillageChoices) -> None:
        """The place, form, helpers and open session read from the core."""
        self.choices = choices
        known = {h.id for h in choices.helpers}
        self.helper_order = [i for i in self.helper_order if i in known]
        self._window.set_place(choices.place)
        self.retranslate()
        self._show_empty_roster()

    def _show_empty_roster(self) -> None:
        if self.choices is not None and not self.choices.helpers:
            self._window.start.message.show_message(
                translate(
                    "VillageFlow",
                    "Chưa có danh sách người hỗ trợ. Cán bộ kỹ thuật cài danh sách của xã:"
                    " kiosk village roster import FILE, hoặc kiosk village sync.",
                ),
                tone="danger",
            )

    def show_problem(self, text: str) -> None:
        """The core could not give the choices (this PC is not set up): say so on the start."""
        self._window.start.message.show_message(text, tone="danger")

    def restart(self) -> None:
        """A fresh visit on the start screen (the helpers stay chosen for the next visitor)."""
        self.need, self.outcomes, self.procedure = None, [], None
        self.age_band, self.sex = None, None
        self._history = []
        self._window.show_screen(self._window.start)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every step's words and choices in the current language."""
        w = self._window
        set_step_texts(w)
        self._show_choices()
        self._show_session()
        self._show_helper_captions()
        w.start.set_next_enabled(bool(self.helper_order))
        w.outcomes.set_next_enabled(bool(self.outcomes))
        w.members.set_next_enabled(bool(w.members.selected()))

    def _show_choices(self) -> None:
        if self.choices is None:
            return
        w, i18n, form = self._window, self._window.i18n, self.choices.form
        names = [(str(h.id), h.name) for h in self.choices.helpers]
        w.start.set_choices(names)
        w.start.set_selected([str(i) for i in self.helper_order])
        w.members.set_choices(names)
        w.need.set_choices([(c.code, i18n.text(c.label)) for c in form.needs])
        w.outcomes.set_choices([(c.code, i18n.text(c.label)) for c in form.outcomes])
        w.procedure.set_choices([(code, i18n.text(name)) for code, name in self.choices.procedures])
        w.age.set_choices([(band.value, i18n.text(text)) for band, text in AGE_BAND_LABELS.items()])
        w.sex.set_choices([(sex.value, i18n.text(text)) for sex, text in SEX_LABELS.items()])

    def _show_helper_captions(self) -> None:
        if self.choices is None:
            return
        i18n = self._window.i18n
        captions: dict[str, str] = {}
        for helper in self.choices.helpers:
            part = ""
            if helper.id in self.helper_order:
                lead = self.helper_order[0] == helper.id
                part = (
                    translate("VillageFlow", "Người chính")
                    if lead
                    else translate("VillageFlow", "Hỗ trợ thêm")
                )
            captions[str(helper.id)] = SEPARATOR.join(
                p for p in (part, role_text(helper, i18n)) if p
            )
        self._window.start.set_captions(captions)
        self._window.members.set_captions(
            {str(h.id): role_text(h, i18n) for h in self.choices.helpers}
        )

    def _show_session(self) -> None:
        session = self.choices.open_session if self.choices else None
        if session is None:
            self._window.start.set_session(
                text=translate("VillageFlow", "Không có buổi hỗ trợ nào đang diễn ra."),
                button=translate("VillageFlow", "Bắt đầu buổi hỗ trợ"),
                open_now=False,
            )
            return
        text = translate(
            "VillageFlow",
            "Buổi hỗ trợ từ {time}, {count} người có mặt. Các lượt ghi thuộc buổi này.",
        ).format(time=format_time(session.started_at, self._tz), count=len(session.member_ids))
        self._window.start.set_session(
            text=text, button=translate("VillageFlow", "Kết thúc buổi"), open_now=True
        )

    # -- moving between steps ----------------------------------------------------------------

    def _go(self, screen: Screen) -> None:
        self._history.append(self._window.current_screen())
        if isinstance(screen, StepScreen):
            screen.message.clear()
        self._window.show_screen(screen)

    def _after_outcomes(self) -> None:
        form = self._form_choices()
        if any(c.needs_procedure for c in form if c.code in self.outcomes):
            self._window.procedure.set_selected([])  # a tap on any choice is the decision
            self._go(self._window.procedure)
        else:
            self.procedure = None
            self._after_procedure()

    def _after_procedure(self) -> None:
        assert self.choices is not None
        if self.choices.form.record_age_band:
            self._window.age.set_selected([])
            self._go(self._window.age)
        else:
            self._after_age()

    def _after_age(self) -> None:
        assert self.choices is not None
        if self.choices.form.record_sex:
            self._window.sex.set_selected([])
            self._go(self._window.sex)
        else:
            self._after_sex()

    def _after_sex(self) -> None:
        self._window.note.start(summary=self.summary())
        self._go(self._window.note)

    def _form_choices(self) -> Sequence[FormChoice]:
        return self.choices.form.outcomes if self.choices else ()

    def summary(self) -> str:
        """What was chosen, one line each: helpers, need, outcomes (shown before and after)."""
        if self.choices is None:
            return ""
        i18n, form = self._window.i18n, self.choices.form
        names = {h.id: h.name for h in self.choices.helpers}
        need = form.need(self.need or "")
        lines = [", ".join(names[i] for i in self.helper_order if i in names)]
        if need is not None:
            lines.append(i18n.text(need.label))
        # The outcomes on one (wrapping) line: eleven ticked must still fit the "saved" screen.
        lines.append(
            "; ".join(i18n.text(c.label) for c in form.outcomes if c.code in self.outcomes)
        )
        procedures = dict(self.choices.procedures)
        if self.procedure in procedures:
            lines.append(i18n.text(procedures[self.procedure]))
        optional = [
            i18n.text(text)
            for labels, value in ((AGE_BAND_LABELS, self.age_band), (SEX_LABELS, self.sex))
            for key, text in labels.items()
            if key.value == value
        ]
        if optional:
            lines.append(SEPARATOR.join(optional))
        return "\n".join(lines)

    # -- the core ------------------------------------------------------------------------------

    async def _save(self) -> None:
        assert self.choices is not None
        choices, note = self.choices, self._window.note
        credits = [
            HelperCredit(i, HelperPart.LEAD if n == 0 else HelperPart.SUPPORT)
            for n, i in enumerate(self.helper_order)
        ]
        lead = next(h for h in choices.helpers if h.id == self.helper_order[0])
        session_id = choices.open_session.id if choices.open_session else None
        need, outcomes = self.need or "", list(self.outcomes)
        age_band, sex, procedure = self.age_band, self.sex, self.procedure
        text = note.note.text()
        note.set_busy(True)
        try:
            await self._runtime.ops.run(
                lambda ctx: record_village_visit(
                    ctx,
                    place=choices.place,
                    helpers=credits,
                    need=need,
                    outcomes=outcomes,
                    actor=Actor(lead.name, lead.id),
                    age_band=age_band,
                    sex=sex,
                    procedure_code=procedure,
                    note=text,
                    session_id=session_id,
                )
            )
        except Exception as exc:
            logger.warning("village visit not saved: %s", exc)
            note.message.show_message(error_text(exc, self._tz), tone="danger")
            note.set_busy(False)
            return
        summary = self.summary()
        self._window.done.show_saved(
            title=translate("VillageFlow", "Đã lưu"),
            summary=summary,
            next_text=translate("VillageFlow", "Ghi lượt tiếp theo"),
        )
        self._history = []
        self._window.show_screen(self._window.done)
        self.saved.emit()

    async def _open_session(self, member_ids: list[int]) -> None:
        assert self.choices is not None
        place, screen = self.choices.place, self._window.members
        first = next(h for h in self.choices.helpers if h.id == member_ids[0])
        screen.set_next_enabled(False)
        try:
            opened = await self._runtime.ops.run(
                lambda ctx: open_help_session(
                    ctx, place=place, member_ids=member_ids, actor=Actor(first.name, first.id)
                )
            )
        except Exception as exc:
            logger.warning("help session not opened: %s", exc)
            screen.message.show_message(error_text(exc, self._tz), tone="danger")
            screen.set_next_enabled(True)
            return
        self._set_session(opened)

    async def _close_session(self, session: HelpSessionView) -> None:
        screen = self._window.end_session
        screen.set_next_enabled(False)
        try:
            await self._runtime.ops.run(
                lambda ctx: close_help_session(ctx, session_id=session.id, actor=Actor("village"))
            )
        except Exception as exc:
            logger.warning("help session not closed: %s", exc)
            screen.message.show_message(error_text(exc, self._tz), tone="danger")
            return
        finally:
            screen.set_next_enabled(True)
        self._set_session(None)

    def _set_session(self, session: HelpSessionView | None) -> None:
        assert self.choices is not None
        self.choices = replace(self.choices, open_session=session)
        self.saved.emit()
        self.restart()

    # -- slots --------------------------------------------------------------------------------

    @Slot(list)
    def _on_start_picked(self, keys: list[str]) -> None:
        chosen = [int(k) for k in keys]
        self.helper_order = [i for i in self.helper_order if i in chosen]
        self.helper_order += [i for i in chosen if i not in self.helper_order]
        self._show_helper_captions()
        self._window.start.set_next_enabled(bool(self.helper_order))

    @Slot()
    def _on_start_next_clicked(self) -> None:
        if self.choices is None or not self.helper_order:
            return
        self._window.need.set_selected([])
        self._go(self._window.need)

    @Slot()
    def _on_start_back_clicked(self) -> None:
        self.helper_order = []
        self._window.start.set_selected([])
        self._show_helper_captions()
        self._window.start.set_next_enabled(False)

    @Slot()
    def _on_back_clicked(self) -> None:
        previous = self._history.pop() if self._history else self._window.start
        self._window.show_screen(previous)

    @Slot(list)
    def _on_need_picked(self, keys: list[str]) -> None:
        if not keys:
            return
        self.need = keys[0]
        self._window.outcomes.set_selected(self.outcomes)
        self._go(self._window.outcomes)

    @Slot(list)
    def _on_outcomes_picked(self, keys: list[str]) -> None:
        self.outcomes = keys
        self._window.outcomes.set_next_enabled(bool(keys))

    @Slot()
    def _on_outcomes_next_clicked(self) -> None:
        if self.outcomes:
            self._after_outcomes()

    @Slot(list)
    def _on_procedure_picked(self, keys: list[str]) -> None:
        if keys:
            self.procedure = keys[0]
            self._after_procedure()

    @Slot(list)
    def _on_age_picked(self, keys: list[str]) -> None:
        self.age_band = keys[0] if keys else None
        if keys:
            self._after_age()

    @Slot()
    def _on_age_next_clicked(self) -> None:
        self.age_band = None
        self._after_age()

    @Slot(list)
    def _on_sex_picked(self, keys: list[str]) -> None:
        self.sex = keys[0] if keys else None
        if keys:
            self._after_sex()

    @Slot()
    def _on_sex_next_clicked(self) -> None:
        self.sex = None
        self._after_sex()

    @Slot()
    def _on_note_save_clicked(self) -> None:
        if self.choices is not None and self.helper_order and self.need and self.outcomes:
            self._runtime.runner.start(self._save(), owner=self)

    @Slot()
    def _on_done_next_clicked(self) -> None:
        self.restart()

    @Slot()
    def _on_start_session_clicked(self) -> None:
        if self.choices is None:
            return
        if self.choices.open_session is not None:
            self._go(self._window.end_session)
            return
        members = self._window.members
        members.set_selected([str(i) for i in self.helper_order])
        members.set_next_enabled(bool(self.helper_order))
        self._go(members)

    @Slot(list)
    def _on_members_picked(self, keys: list[str]) -> None:
        self._window.members.set_next_enabled(bool(keys))

    @Slot()
    def _on_members_next_clicked(self) -> None:
        keys = self._window.members.selected()
        if keys and self.choices is not None:
            ids = [int(k) for k in keys]
            self._runtime.runner.start(self._open_session(ids), owner=self)

    @Slot()
    def _on_end_session_next_clicked(self) -> None:
        if self.choices is not None and self.choices.open_session is not None:
            session = self.choices.open_session
            self._runtime.runner.start(self._close_session(session), owner=self)

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
        self._show_empty_roster()
