"""The kiosk's screens and overlays other than home, made after the first frame."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from kiosk.config import Config
from ui.i18n import I18n
from ui.kiosk.choose_screen import ChooseScreen
from ui.kiosk.exit_overlay import ExitOverlay
from ui.kiosk.help_confirm_overlay import HelpConfirmOverlay
from ui.kiosk.notice_overlay import NoticeOverlay
from ui.kiosk.priority_screen import PriorityScreen
from ui.kiosk.ticket_screen import TicketScreen


@dataclass(frozen=True)
class OtherScreens:
    """Everything ``KioskWindow.add_other_screens`` adds."""

    choose: ChooseScreen
    priority: PriorityScreen
    ticket: TicketScreen
    exit_overlay: ExitOverlay
    notice: NoticeOverlay
    help_confirm: HelpConfirmOverlay


def make_other_screens(*, config: Config, i18n: I18n, window: QWidget) -> OtherScreens:
    """The screens (not yet in a stack) and the overlays (children of ``window``)."""
    groups = config.queue.priority_groups
    return OtherScreens(
        choose=ChooseScreen(i18n=i18n, has_priority_groups=bool(groups)),
        priority=PriorityScreen(i18n=i18n, groups=groups, rule=config.queue.policy.describe()),
        ticket=TicketScreen(i18n=i18n),
        exit_overlay=ExitOverlay(i18n=i18n, parent=window),
        notice=NoticeOverlay(i18n=i18n, parent=window),
        help_confirm=HelpConfirmOverlay(i18n=i18n, parent=window),
    )
