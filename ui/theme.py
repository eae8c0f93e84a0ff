"""Theme tokens: colours, sizes and text sizes, scaled to the screen; one value for the whole app.

Sizes are design pixels on a 1920x1080 landscape (or 1080x1920 portrait) screen and scale with
the resolution, so a 1366x768 screen shows the same layout, smaller. Touch targets never go
below ``TOUCH_TARGET_MM`` at the configured screen diagonal. Text colours only come in pairs
(``Colors.text_pairs``) so a test can check every pair's contrast.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace

DESIGN_LONG_PX = 1920
DESIGN_SHORT_PX = 1080
TOUCH_TARGET_MM = 15.0
LARGE_TEXT_FACTOR = 1.25
MM_PER_INCH = 25.4
# WCAG 2 "AAA" contrast for normal text; the kiosk holds all text to it.
MIN_CONTRAST = 7.0


@dataclass(frozen=True, slots=True)
class Colors:
    """The palette; text is only ever drawn in one of the ``text_pairs``."""

    page: str = "#F6F3EC"
    ink: str = "#111111"
    ink_muted: str = "#3A3A3A"
    white: str = "#FFFFFF"
    header: str = "#0A2540"
    primary: str = "#0B3A6E"
    primary_pressed: str = "#082C54"
    priority: str = "#F7C948"
    priority_pressed: str = "#E0A800"
    priority_soft: str = "#FBE3A0"
    help: str = "#1B5E20"
    help_pressed: str = "#14471A"
    pressed_soft: str = "#DCE8F5"
    neutral_pressed: str = "#E8E3D6"
    danger: str = "#9B1C1C"
    danger_soft: str = "#FDECEC"
    danger_ink: str = "#7A1010"
    success_soft: str = "#E6F4E6"
    success_ink: str = "#14471A"
    border: str = "#0B3A6E"
    scrim: str = "rgba(0, 0, 0, 150)"

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (text colour, background colour) the stylesheet uses, by role."""
        return {
            "page": (self.ink, self.page),
            "page_muted": (self.ink_muted, self.page),
            "page_accent": (self.primary, self.page),
            "surface": (self.ink, self.white),
            "surface_accent": (self.primary, self.white),
            "surface_warning": (self.danger_ink, self.white),
            "surface_pressed": (self.ink, self.pressed_soft),
            "neutral_pressed": (self.ink, self.neutral_pressed),
            "header": (self.white, self.header),
            "header_checked": (self.header, self.white),
            "header_pressed": (self.white, self.primary_pressed),
            "primary": (self.white, self.primary),
            "primary_pressed": (self.white, self.primary_pressed),
            "priority": (self.ink, self.priority),
            "priority_pressed": (self.ink, self.priority_pressed),
            "priority_soft": (self.ink, self.priority_soft),
            "help": (self.white, self.help),
            "help_pressed": (self.white, self.help_pressed),
            "danger": (self.white, self.danger),
            "danger_soft": (self.danger_ink, self.danger_soft),
            "success_soft": (self.success_ink, self.success_soft),
        }


@dataclass(frozen=True, slots=True)
class Sizes:
    """Design sizes in pixels at 1920x1080; text sizes are the ``text_*`` fields."""

    text_small: int = 28
    text_body: int = 34
    text_button: int = 40
    text_header: int = 32
    text_tile: int = 50
    text_title: int = 58
    text_info: int = 44
    text_ticket_number: int = 300
    text_key: int = 64
    margin: int = 40
    spacing: int = 28
    radius: int = 24
    border: int = 4
    header_height: int = 120
    tile_icon: int = 150
    button_icon: int = 96
    list_icon: int = 80
    small_icon: int = 48
    touch_target: int = 100
    key: int = 130
    scrollbar: int = 22

    def text_sizes(self) -> dict[str, int]:
        """The text size tokens by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name.startswith("text_")}


def pixels_per_mm(width_px: int, height_px: int, diagonal_inch: float) -> float:
    """Screen density from its resolution and its diagonal."""
    return math.hypot(width_px, height_px) / (diagonal_inch * MM_PER_INCH)


@dataclass(frozen=True, slots=True)
class Theme:
    """The tokens for one screen size, with or without large text."""

    width_px: int
    height_px: int
    diagonal_inch: float
    large_text: bool = False
    colors: Colors = field(default_factory=Colors)
    sizes: Sizes = field(default_factory=Sizes)
    font_family: str = "Noto Sans"

    @property
    def portrait(self) -> bool:
        """True when the screen is taller than wide."""
        return self.height_px > self.width_px

    @property
    def scale(self) -> float:
        """Screen size relative to the design size in the same orientation."""
        long_side = max(self.width_px, self.height_px)
        short_side = min(self.width_px, self.height_px)
        return min(long_side / DESIGN_LONG_PX, short_side / DESIGN_SHORT_PX)

    @property
    def text_factor(self) -> float:
        """How much larger text is drawn: 1, or ``LARGE_TEXT_FACTOR`` with large text on."""
        return LARGE_TEXT_FACTOR if self.large_text else 1.0

    @property
    def min_target_px(self) -> int:
        """The smallest touch target: 15 mm at the configured diagonal, or the design size."""
        mm = pixels_per_mm(self.width_px, self.height_px, self.diagonal_inch) * TOUCH_TARGET_MM
        return max(math.ceil(mm), self.px(self.sizes.touch_target))

    def px(self, design_px: int) -> int:
        """A layout size scaled to the screen."""
        return max(1, round(design_px * self.scale))

    def font_px(self, design_px: int) -> int:
        """A text size scaled to the screen and the large-text choice."""
        return max(1, round(design_px * self.scale * self.text_factor))

    def with_large_text(self, large_text: bool) -> Theme:
        """The same theme with large text on or off."""
        return replace(self, large_text=large_text)

    def with_size(self, width_px: int, height_px: int) -> Theme:
        """The same theme for another screen size."""
        return replace(self, width_px=width_px, height_px=height_px)


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    lighter, darker = sorted(
        (_relative_luminance(foreground), _relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def _relative_luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #RRGGBB, got {colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
