"""Finishing a visit, or recording walk-in help: who helped, the procedure, the outcome(s)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Config
from kiosk.domain.enums import OUTCOME_LABELS, HelperPart, Outcome
from kiosk.domain.views import HelperView, TicketView
from kiosk.domain.visits import HelperCredit
from kiosk.services.undo import FinishedVisit
from ui.desk.helper_picker import HelperPicker, PickerEntry
from ui.i18n import I18n, translate
from ui.staff.texts import role_text, ticket_caption
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.message_bar import MessageBar
from ui.widgets.packed_grid import scroll_column
from ui.widgets.screen import Screen, text_label


@dataclass(frozen=True, slots=True)
class VisitForm:
    """What the officer filled in."""

    credits: tuple[HelperCredit, ...]
    outcomes: tuple[Outcome, ...]
    procedure_code: str | None
    note: str
    place: str


class VisitScreen(Screen):
    """Three columns: helpers; line and procedure; outcomes and note. Save needs both parts.

    A portrait screen is too narrow for three columns (names, buttons and lines were cut):
    the helpers take the full width on top, the two other columns sit side by side below.

    Signals:
        save_clicked: the form is complete and the officer saves it.
        back_clicked: leave without saving.
        search_changed(str): the helper search words changed.
    """

    save_clicked = Signal()
    back_clicked = Signal()
    search_changed = Signal(str)

    def __init__(self, *, i18n: I18n, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n, self._config = i18n, config
        self._ticket: TicketView | None = None
        self._walk_in = False
        self._chosen: list[HelperView] = []
        self._lead_id: int | None = None
        self._roster: list[HelperView] = []
        self.title = text_label("title")
        self.picker = HelperPicker()
        self.place_title, self.procedure_title, self.outcome_title = (
            text_label("heading") for _ in range(3)
        )
        self.place = QLineEdit()
        self.lines = ChoiceGrid(multiple=False, columns=2)
        self.procedures = ChoiceGrid(multiple=False, columns=1)
        self.outcomes = ChoiceGrid(multiple=True, columns=1)
        self.note = QLineEdit()
        self.hint = text_label("muted")
        self.message = MessageBar()
        self.back: QPushButton = back_button()
        self.save = QPushButton()
        self.save.setProperty("kind", "action")
        self.save.setProperty("tone", "help")
        self._connect()
        self._build()
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def _connect(self) -> None:
        self.picker.roster_tapped.connect(self._on_picker_roster_tapped)
        self.picker.part_tapped.connect(self._on_picker_part_tapped)
        self.picker.remove_tapped.connect(self._on_picker_remove_tapped)
        self.picker.search_changed.connect(self.search_changed)
        self.lines.selection_changed.connect(self._on_lines_selection_changed)
        self.outcomes.selection_changed.connect(self._on_form_changed)
        self.place.textChanged.connect(self._on_form_changed)
        self.back.clicked.connect(self.back_clicked)
        self.save.clicked.connect(self.save_clicked)

    def _build(self) -> None:
        middle = QVBoxLayout()
        for widget in (self.place_title, self.place, self.procedure_title, self.lines):
            middle.addWidget(widget)
        middle.addWidget(self.procedures)
        middle.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.outcome_title)
        right.addWidget(self.outcomes)
        right.addWidget(self.note)
        right.addStretch(1)
        self._forms = QHBoxLayout()
        self._forms.setContentsMargins(0, 0, 0, 0)
        self._forms.addWidget(scroll_column(middle), 1)
        self._forms.addWidget(scroll_column(right), 1)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.addWidget(self.picker, 5)
        self._columns.addLayout(self._forms, 8)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.back, 0)
        bottom.addWidget(self.save, 0)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addLayout(self._columns, 1)
        self._layout.addWidget(self.message)
        self._layout.addLayout(bottom)
        self._parts = (middle, right, bottom)

    # -- starting the form -------------------------------------------------------------------

    def start_finish(self, ticket: TicketView, *, signed_in: HelperView) -> None:
        """A fresh form for a ticket: the signed-in staff member leads, its procedure chosen."""
        self._ticket, self._walk_in = ticket, False
        self._reset(signed_in)
        line, code = self._procedure_of(ticket)
        self.lines.set_selected([line] if line else [])
        self._show_procedures(line)
        self.procedures.set_selected([code] if code else [])
        self.retranslate()

    def restore(self, visit: FinishedVisit) -> None:
        """Fill the form in as a finish saved it (after that finish was undone)."""
        self._chosen = [helper for helper, _part in visit.helpers]
        leads = [helper.id for helper, part in visit.helpers if part is HelperPart.LEAD]
        self._lead_id = leads[0] if leads else (self._chosen[0].id if self._chosen else None)
        self.outcomes.set_selected([outcome.value for outcome in visit.outcomes])
        line = next(
            (
                line.code
                for line in self._config.lines
                if any(p.code == visit.procedure_code for p in line.procedures)
            ),
            None,
        )
        if line is not None:
            self.lines.set_selected([line])
            self._show_procedures(line)
            self.procedures.set_selected([visit.procedure_code or ""])
        self.note.setText(visit.note)
        self.retranslate()

    def start_walk_in(self, *, signed_in: HelperView) -> None:
        """A fresh form for help given without a ticket (the place must be named)."""
        self._ticket, self._walk_in = None, True
        self._reset(signed_in)
        self.lines.set_selected([])
        self._show_procedures(None)
        self.retranslate()

    def _reset(self, signed_in: HelperView) -> None:
        self._chosen, self._lead_id = [signed_in], signed_in.id
        self.outcomes.set_selected([])
        self.note.clear()
        self.place.clear()
        self.picker.set_search_text("")
        self.message.clear()
        self.set_busy(False)

    def _procedure_of(self, ticket: TicketView) -> tuple[str | None, str | None]:
        for line in self._config.lines:
            if line.code != ticket.line_code:
                continue
            for procedure in line.procedures:
                if ticket.procedure is not None and procedure.name.vi == ticket.procedure.vi:
                    return line.code, procedure.code
            return line.code, None
        return None, None

    def _show_procedures(self, line_code: str | None) -> None:
        choices = []
        for line in self._config.lines:
            if line.code == line_code:
                choices = [(p.code, self._i18n.text(p.name)) for p in line.procedures]
        self.procedures.set_choices(choices)
        self.procedures.setVisible(bool(choices))

    # -- what the controller reads and sets --------------------------------------------------

    def is_walk_in(self) -> bool:
        """True for help without a ticket."""
        return self._walk_in

    def ticket(self) -> TicketView | None:
        """The ticket being finished (None for a walk-in)."""
        return self._ticket

    def form(self) -> VisitForm:
        """The form as filled in."""
        credits = tuple(
            HelperCredit(h.id, HelperPart.LEAD if h.id == self._lead_id else HelperPart.SUPPORT)
            for h in self._chosen
        )
        chosen_codes = self.procedures.selected() if self.procedures.isVisible() else []
        return VisitForm(
            credits=credits,
            outcomes=tuple(Outcome(key) for key in self.outcomes.selected()),
            procedure_code=chosen_codes[0] if chosen_codes else None,
            note=self.note.text().strip(),
            place=self.place.text().strip(),
        )

    def is_complete(self) -> bool:
        """A helper and an outcome (and, for a walk-in, the place) are given."""
        form = self.form()
        return bool(form.credits and form.outcomes and (form.place or not self._walk_in))

    def set_roster(self, helpers: Sequence[HelperView], *, searching: bool) -> None:
        """The names to offer under the search field."""
        self._roster = list(helpers)
        self.picker.set_roster_title(
            translate("VisitScreen", "Kết quả tìm kiếm:")
            if searching
            else translate("VisitScreen", "Người hỗ trợ gần đây (bấm để thêm):")
        )
        self._show_helpers()

    def set_busy(self, busy: bool) -> None:
        """Saving: the buttons wait."""
        self.back.setEnabled(not busy)
        self.save.setEnabled(not busy and self.is_complete())

    def show_error(self, text: str) -> None:
        """A refusal from the core, in red."""
        self.message.show_message(text, tone="danger")

    def _show_helpers(self) -> None:
        chosen_ids = {h.id for h in self._chosen}
        self.picker.set_chosen(
            [
                PickerEntry(h.id, h.name, role_text(h, self._i18n), True, h.id == self._lead_id)
                for h in self._chosen
            ]
        )
        self.picker.set_roster(
            [
                PickerEntry(h.id, h.name, role_text(h, self._i18n), h.id in chosen_ids)
                for h in self._roster
            ]
        )
        self._update_save()

    def _update_save(self) -> None:
        complete = self.is_complete()
        self.save.setEnabled(complete)
        if complete:
            self.hint.setText("")
        elif self._walk_in:
            self.hint.setText(
                translate("VisitScreen", "Cần: người hỗ trợ, ít nhất một kết quả và nơi hỗ trợ.")
            )
        else:
            self.hint.setText(
                translate("VisitScreen", "Cần: ít nhất một người hỗ trợ và một kết quả.")
            )

    # -- theme and language ------------------------------------------------------------------

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        self._columns.setSpacing(margin)
        self._forms.setSpacing(margin)
        if theme.portrait:
            # The helpers above: the chosen rows and a few names to tap need the larger share.
            self._columns.setDirection(QBoxLayout.Direction.TopToBottom)
            self._columns.setStretch(0, 3)
            self._columns.setStretch(1, 2)
            # The lines' two columns need the room more than the outcomes (they wrap anyway):
            # "B · Certification" in large text was cut at an even split.
            self._forms.setStretch(0, 5)
            self._forms.setStretch(1, 4)
        else:
            self._columns.setDirection(QBoxLayout.Direction.LeftToRight)
            self._columns.setStretch(0, 5)
            self._columns.setStretch(1, 8)
            self._forms.setStretch(0, 1)
            self._forms.setStretch(1, 1)
        for part in self._parts:
            part.setSpacing(spacing // 2)
        for widget in (self.picker, self.lines, self.procedures, self.outcomes, self.message):
            widget.apply_theme(theme)

    def retranslate(self) -> None:
        if self._ticket is not None:
            self.title.setText(
                translate("VisitScreen", "Hoàn thành số {number} · {caption}").format(
                    number=self._ticket.number, caption=ticket_caption(self._ticket, self._i18n)
                )
            )
        else:
            self.title.setText(translate("VisitScreen", "Ghi nhận hỗ trợ không có số"))
        self.place_title.setText(translate("VisitScreen", "Nơi hỗ trợ"))
        self.place.setPlaceholderText(
            translate("VisitScreen", "Ví dụ: Nhà văn hoá thôn 3, tại nhà dân…")
        )
        for widget in (self.place_title, self.place):
            widget.setVisible(self._walk_in)
        self.procedure_title.setText(translate("VisitScreen", "Thủ tục (không bắt buộc)"))
        self.lines.set_choices(
            [
                (line.code, f"{line.code} · {self._i18n.text(line.name)}")
                for line in self._config.lines
            ]
        )
        selected = self.lines.selected()
        self._show_procedures(selected[0] if selected else None)
        self.outcome_title.setText(translate("VisitScreen", "Kết quả (chọn một hoặc nhiều)"))
        self.outcomes.set_choices([(o.value, self._i18n.pick(OUTCOME_LABELS[o])) for o in Outcome])
        self.note.setPlaceholderText(translate("VisitScreen", "Ghi chú (không bắt buộc)"))
        self.back.setText(translate("VisitScreen", "Quay lại"))
        self.save.setText(translate("VisitScreen", "Lưu"))
        self.picker.retranslate()
        self._show_helpers()

    # -- slots -------------------------------------------------------------------------------

    @Slot(int)
    def _on_picker_roster_tapped(self, helper_id: int) -> None:
        if any(h.id == helper_id for h in self._chosen):
            self._on_picker_remove_tapped(helper_id)
            return
        helper = next((h for h in self._roster if h.id == helper_id), None)
        if helper is not None:
            self._chosen.append(helper)
            if self._lead_id is None:
                self._lead_id = helper.id
            self._show_helpers()

    @Slot(int)
    def _on_picker_part_tapped(self, helper_id: int) -> None:
        # Exactly one lead per visit: making someone lead makes the previous lead support;
        # tapping the lead changes nothing (the button is redrawn as it was).
        self._lead_id = helper_id
        self._show_helpers()

    @Slot(int)
    def _on_picker_remove_tapped(self, helper_id: int) -> None:
        self._chosen = [h for h in self._chosen if h.id != helper_id]
        if self._lead_id == helper_id:
            self._lead_id = self._chosen[0].id if self._chosen else None
        self._show_helpers()

    @Slot(list)
    def _on_lines_selection_changed(self, selected: list[str]) -> None:
        self._show_procedures(selected[0] if selected else None)

    @Slot()
    def _on_form_changed(self) -> None:
        self._update_save()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
