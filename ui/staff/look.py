"""Theme tokens and extra style rules for the desk console and the calling display.

Both reuse ``ui.theme`` and the one app stylesheet (``ui.stylesheet``); this module only adds
sizes for a desk monitor seen at arm's length and rules for objectNames and properties the
visitor screens do not have. Text colours still come only from ``Colors.text_pairs``.
"""

from __future__ import annotations

from ui.stylesheet import build_stylesheet
from ui.theme import Sizes, Theme

DESK_DIAGONAL_INCH = 23.8
TV_DIAGONAL_INCH = 43.0

# A desk monitor at arm's length: smaller than the kiosk's, still big targets (≥ 15 mm).
DESK_SIZES = Sizes(
    text_small=22,
    text_body=26,
    text_button=28,
    text_header=28,
    text_tile=34,
    text_title=38,
    text_info=30,
    text_ticket_number=100,
    text_key=46,
    margin=24,
    spacing=18,
    radius=14,
    border=3,
    header_height=84,
    tile_icon=96,
    button_icon=48,
    small_icon=36,
    touch_target=64,
    key=100,
    scrollbar=18,
)

# Text sizes on the TV in design pixels at 1920x1080; numbers are fitted to their boxes.
DISPLAY_TEXT = {
    "header": 48,
    "clock": 64,
    "side_title": 38,
    "side_row": 42,
    "caption": 34,
    "notice": 48,
    "link": 30,
    "figure_value": 56,
    "figure_label": 26,
}


def desk_theme(width_px: int, height_px: int, *, large_text: bool = False) -> Theme:
    """The desk console's theme for a monitor size."""
    return Theme(
        width_px=width_px,
        height_px=height_px,
        diagonal_inch=DESK_DIAGONAL_INCH,
        large_text=large_text,
        sizes=DESK_SIZES,
    )


def display_theme(width_px: int, height_px: int) -> Theme:
    """The calling display's theme for a TV size."""
    return Theme(width_px=width_px, height_px=height_px, diagonal_inch=TV_DIAGONAL_INCH)


def _pair(theme: Theme, role: str) -> str:
    ink, background = theme.colors.text_pairs()[role]
    return f"color: {ink}; background-color: {background};"


def _ink(theme: Theme, role: str) -> str:
    return f"color: {theme.colors.text_pairs()[role][0]}; background: transparent;"


def desk_stylesheet(theme: Theme) -> str:
    """The app stylesheet plus the desk's rules (choices, text fields, the current number)."""
    t, s = theme, theme.sizes
    border = f"{t.px(s.border)}px solid {t.colors.border}"
    return build_stylesheet(theme) + (
        f"""
QPushButton[kind="choice"] {{ {_pair(t, "surface")} border: {border}; }}
QPushButton[kind="choice"] QLabel {{ {_ink(t, "surface")} }}
QPushButton[kind="choice"] QLabel[textStyle="label"] {{ font-size: {t.font_px(s.text_body)}px;
    font-weight: 700; }}
QPushButton[kind="choice"]:pressed {{ {_pair(t, "surface_pressed")} }}
QPushButton[kind="choice"][on="true"] {{ {_pair(t, "primary")} border-color: {t.colors.primary}; }}
QPushButton[kind="choice"][on="true"] QLabel {{ {_ink(t, "primary")} }}
QPushButton[kind="choice"]:disabled {{ {_pair(t, "neutral_pressed")}
    border-color: {t.colors.neutral_pressed}; }}
QPushButton[kind="picture"] QLabel[textStyle="label"] {{ font-size: {t.font_px(s.text_info)}px;
    font-weight: 700; }}
QLineEdit {{ {_pair(t, "surface")} border: {border}; border-radius: {t.px(s.radius)}px;
    min-height: {t.min_target_px}px; padding: 0 {t.px(s.spacing)}px;
    font-size: {t.font_px(s.text_button)}px; }}
QLineEdit:focus {{ border-width: {t.px(s.border) * 2}px; }}
QLabel#DeskNumber {{ font-size: {t.font_px(s.text_ticket_number)}px; font-weight: 700;
    {_ink(t, "surface_accent")} }}
QFrame[panel="surface"] QLabel[textStyle="accent"] {{ {_ink(t, "surface_accent")} }}
QFrame[panel="surface"] QLabel[textStyle="muted"] {{ {_ink(t, "surface")} }}
QLabel[textStyle="heading"] {{ font-size: {t.font_px(s.text_info)}px; font-weight: 700;
    {_ink(t, "page_accent")} }}
QPushButton QLabel#KeyCaption {{ font-weight: 700; }}
QPushButton[tone="primary"] QLabel#KeyCaption {{ {_ink(t, "primary")} }}
QPushButton[tone="danger"] QLabel#KeyCaption {{ {_ink(t, "danger")} }}
QPushButton[kind="action"] QLabel[textStyle="label"] {{ font-size: {t.font_px(s.text_button)}px;
    font-weight: 700; }}
QPushButton QLabel#KeyCaption[off="true"] {{ {_ink(t, "neutral_pressed")} }}
"""
    )


def display_stylesheet(theme: Theme) -> str:
    """The app stylesheet plus the TV's rules: dark page, white counter boards, yellow flash.

    Every rule starts at ``#DisplayRoot`` so the boards' colours outrank the page's: Qt picks
    the more specific selector, and flash rules come last to win over equal ones.
    """
    t = theme
    size = {name: t.px(px) for name, px in DISPLAY_TEXT.items()}
    root = "QWidget#DisplayRoot"
    board = f'{root} QFrame[board="counter"]'
    return build_stylesheet(theme) + (
        f"""
{root} {{ {_pair(t, "header")} }}
{root} QLabel {{ {_ink(t, "header")} }}
{root} QLabel[display="header"] {{ font-size: {size["header"]}px; font-weight: 700; }}
{root} QLabel[display="clock"] {{ font-size: {size["clock"]}px; font-weight: 700; }}
{root} QLabel[display="side_title"] {{ font-size: {size["side_title"]}px; }}
{root} QLabel[display="side_row"] {{ font-size: {size["side_row"]}px; font-weight: 700; }}
{root} QLabel[display="link"] {{ font-size: {size["link"]}px; }}
{root} QLabel[display="figure_value"] {{ font-size: {size["figure_value"]}px; font-weight: 700; }}
{root} QLabel[display="figure_label"] {{ font-size: {size["figure_label"]}px; }}
{board} {{ {_pair(t, "surface")} border-radius: {t.px(t.sizes.radius)}px; }}
{board} QLabel {{ {_ink(t, "surface")} font-size: {size["caption"]}px; }}
{board} QLabel[display="counter"] {{ {_ink(t, "surface_accent")} font-weight: 700; }}
{board} QLabel[display="number"] {{ {_ink(t, "surface")} font-weight: 700; }}
{board}[flash="true"] {{ {_pair(t, "priority")} }}
{board}[flash="true"] QLabel {{ {_ink(t, "priority")} }}
{board}[flash="true"] QLabel[display="counter"] {{ {_ink(t, "priority")} }}
{board}[flash="true"] QLabel[display="number"] {{ {_ink(t, "priority")} }}
{root} QWidget#NoticeTicker {{ {_pair(t, "priority_soft")} font-size: {size["notice"]}px;
    font-weight: 700; }}
"""
    )
