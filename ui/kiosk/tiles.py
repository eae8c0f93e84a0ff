"""The home screen's tiles as data: a tile exists only when what it opens works.

Later screens (procedure guides, rating) join the home screen by passing a ``HomeTile`` with
their screen; the window adds the screen and shows it when the tile is tapped. Such a screen
is a ``Screen`` with a ``home_requested`` signal, emitted when the visitor is done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ui.i18n import translate
from ui.widgets.screen import Screen


def _no_caption() -> str:
    return ""


@dataclass(frozen=True, slots=True)
class HomeTile:
    """One tile: its picture, tone, words (called again on every language change) and target.

    Exactly one of ``screen`` (a screen to show), ``make_screen`` (the same, built after the
    first frame so start-up does not pay for it) or ``action`` (something to do) is set.
    """

    key: str
    icon: str
    tone: str
    label: Callable[[], str]
    caption: Callable[[], str] = _no_caption
    screen: Screen | None = None
    action: Callable[[], None] | None = None
    make_screen: Callable[[], Screen] | None = None

    def __post_init__(self) -> None:
        targets = (self.screen, self.action, self.make_screen)
        if sum(target is not None for target in targets) != 1:
            raise ValueError(f"tile {self.key!r} needs one of screen, make_screen or action")


def kiosk_tiles(
    *,
    take_number: Callable[[], None],
    take_priority: Callable[[], None] | None,
    call_helper: Callable[[], None],
    extra: Sequence[HomeTile] = (),
) -> list[HomeTile]:
    """The kiosk's own tiles around ``extra`` ones, in the order visitors see them.

    Take a number; a priority number (if the commune has priority groups); the extra tiles
    (guides, rating); and "call a helper" last.
    """
    tiles = [
        HomeTile(
            "take_number",
            "ticket",
            "primary",
            lambda: translate("KioskWindow", "Lấy số thứ tự"),
            action=take_number,
        )
    ]
    if take_priority is not None:
        tiles.append(
            HomeTile(
                "priority",
                "priority",
                "priority",
                lambda: translate("KioskWindow", "Lấy số ưu tiên"),
                lambda: translate("KioskWindow", "Người cao tuổi, khuyết tật, mang thai…"),
                action=take_priority,
            )
        )
    tiles += extra
    tiles.append(
        HomeTile(
            "help",
            "help",
            "help",
            lambda: translate("KioskWindow", "Gọi cán bộ hỗ trợ"),
            lambda: translate("KioskWindow", "Cán bộ sẽ đến giúp bạn"),
            action=call_helper,
        )
    )
    return tiles
