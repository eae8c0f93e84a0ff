"""The guides tile's screen: the list, a guide's steps and its "what to bring" page in a stack."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.views import LocalText
from ui.i18n import I18n
from ui.kiosk.guide_info_screen import GuideInfoScreen
from ui.kiosk.guide_list_screen import GuideListScreen
from ui.kiosk.guide_step_screen import GuideStepScreen
from ui.theme import Theme
from ui.widgets.page_stack import PageStack
from ui.widgets.screen import Screen

if TYPE_CHECKING:  # loaded after the first frame, with the guides
    from kiosk.content import Guide


class GuidesScreen(Screen):
    """Browse guides: list -> step 1 -> ... -> what to bring; the owner prints and issues.

    Signals:
        home_requested: the visitor is done with the guides.
        take_number_requested(str): a number for this guide's procedure (the guide id).
        print_requested(str): print this guide's checklist (the guide id).
        read_aloud_requested(str): read this text aloud.
        speech_stop_requested: stop any reading (the step or the page changed).
    """

    home_requested = Signal()
    take_number_requested = Signal(str)
    print_requested = Signal(str)
    read_aloud_requested = Signal(str)
    speech_stop_requested = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guides: dict[str, Guide] = {}
        self.list = GuideListScreen(i18n=i18n)
        self.step = GuideStepScreen(i18n=i18n)
        self.info = GuideInfoScreen(i18n=i18n)
        self.stack = PageStack()
        for screen in (self.list, self.step, self.info):
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.list.back_clicked.connect(self._on_list_back_clicked)
        self.list.guide_chosen.connect(self._on_list_guide_chosen)
        self.step.list_clicked.connect(self._on_step_list_clicked)
        self.step.info_clicked.connect(self._on_step_info_clicked)
        self.step.finished.connect(self._on_step_info_clicked)
        self.step.step_shown.connect(self._on_step_step_shown)
        self.step.read_aloud_clicked.connect(self.read_aloud_requested)
        self.info.back_clicked.connect(self._on_info_back_clicked)
        self.info.home_clicked.connect(self.home_requested)
        self.info.print_clicked.connect(self._on_info_print_clicked)
        self.info.take_number_clicked.connect(self._on_info_take_number_clicked)

    def set_guides(self, guides: Sequence[Guide], line_names: Mapping[str, LocalText]) -> None:
        """The loaded guides, commonest first, and the names of the lines they belong to."""
        self._guides = {guide.id: guide for guide in guides}
        self.list.set_guides(guides, line_names)

    def guide(self, guide_id: str) -> Guide | None:
        """A loaded guide by id."""
        return self._guides.get(guide_id)

    def open_guide(self, guide_id: str) -> None:
        """Show a guide's first step."""
        guide = self._guides[guide_id]
        self.step.show_guide(guide)
        self.info.show_guide(guide)
        self.stack.setCurrentWidget(self.step)

    def show_list(self) -> None:
        """Back to the list (also what the window's "home" leaves behind for next time)."""
        self.speech_stop_requested.emit()
        self.stack.setCurrentWidget(self.list)
        self.list.area.verticalScrollBar().setValue(0)

    def current(self) -> QWidget:
        """The page shown: ``list``, ``step`` or ``info``."""
        page = self.stack.currentWidget()
        assert page is not None
        return page

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for screen in (self.list, self.step, self.info):
            screen.apply_theme(theme)

    def retranslate(self) -> None:
        for screen in (self.list, self.step, self.info):
            screen.retranslate()

    def hideEvent(self, event: QHideEvent) -> None:
        # Left for home or the ticket: silence, and the next visitor starts at the list.
        self.show_list()
        super().hideEvent(event)

    @Slot()
    def _on_list_back_clicked(self) -> None:
        self.home_requested.emit()

    @Slot(str)
    def _on_list_guide_chosen(self, guide_id: str) -> None:
        self.open_guide(guide_id)

    @Slot()
    def _on_step_list_clicked(self) -> None:
        self.show_list()

    @Slot()
    def _on_step_info_clicked(self) -> None:
        self.speech_stop_requested.emit()
        self.stack.setCurrentWidget(self.info)

    @Slot(int)
    def _on_step_step_shown(self, _index: int) -> None:
        self.speech_stop_requested.emit()

    @Slot()
    def _on_info_back_clicked(self) -> None:
        self.stack.setCurrentWidget(self.step)

    @Slot()
    def _on_info_print_clicked(self) -> None:
        guide = self.step.guide()
        if guide is not None:
            self.print_requested.emit(guide.id)

    @Slot()
    def _on_info_take_number_clicked(self) -> None:
        guide = self.step.guide()
        if guide is not None:
            self.take_number_requested.emit(guide.id)
