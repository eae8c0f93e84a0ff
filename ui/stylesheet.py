"""The one app-wide stylesheet, built from the theme; widgets pick styles by objectName/property.

Properties the stylesheet knows:
- ``QLabel[textStyle=title|info|body|muted|small|accent]``
- ``QPushButton[kind=tile|picture|back|toggle|key|action]`` with ``tone=primary|priority|help|
  neutral|danger`` (tiles, picture buttons, keys and actions)
- ``QFrame[panel=surface|priority_soft|danger|danger_soft|success_soft]``
- objectNames ``KioskRoot``, ``HeaderBar``, ``OverlayScrim``, ``TicketNumber``, ``PinDisplay``.
Text colours come only from ``Colors.text_pairs`` (tests check their contrast).
"""

from __future__ import annotations

from ui.theme import LARGE_TEXT_FACTOR, Theme

TONES = ("primary", "priority", "help", "neutral", "danger")


def build_stylesheet(theme: Theme) -> str:
    """The whole stylesheet for a theme."""
    return "\n".join(
        [
            _base(theme),
            _labels(theme),
            _header(theme),
            _buttons(theme),
            _panels(theme),
            _scrollbars(theme),
        ]
    )


def _pair(theme: Theme, role: str) -> str:
    ink, background = theme.colors.text_pairs()[role]
    return f"color: {ink}; background-color: {background};"


def _ink(theme: Theme, role: str) -> str:
    # Text over a parent's background: the colour of the pair whose background that is.
    return f"color: {theme.colors.text_pairs()[role][0]}; background: transparent;"


def _base(t: Theme) -> str:
    s = t.sizes
    return f"""
* {{ font-family: "{t.font_family}"; }}
QWidget {{ font-size: {t.font_px(s.text_body)}px; }}
QWidget#KioskRoot, QWidget[screen="true"], QScrollArea, QScrollArea > QWidget > QWidget {{
    {_pair(t, "page")} border: none; }}
QWidget#OverlayScrim {{ background-color: {t.colors.scrim}; }}
"""


def ticket_number_px(t: Theme) -> int:
    """The ticket number's size: the largest text, and the one that gives way to large text.

    Side by side with the facts, large text makes every other line of the ticket screen
    taller; the number (still many times their size) shrinks by as much so nothing is cut.
    """
    shrink = 1 / LARGE_TEXT_FACTOR if t.large_text and not t.portrait else 1.0
    return t.px(round(t.sizes.text_ticket_number * shrink))


def _labels(t: Theme) -> str:
    s = t.sizes
    return f"""
QLabel {{ {_ink(t, "page")} }}
QLabel[textStyle="title"] {{ font-size: {t.font_px(s.text_title)}px; font-weight: 700; }}
QLabel[textStyle="info"] {{ font-size: {t.font_px(s.text_info)}px; font-weight: 700; }}
QLabel[textStyle="body"] {{ font-size: {t.font_px(s.text_body)}px; }}
QLabel[textStyle="muted"] {{ font-size: {t.font_px(s.text_body)}px; {_ink(t, "page_muted")} }}
QLabel[textStyle="small"] {{ font-size: {t.font_px(s.text_small)}px; {_ink(t, "page_muted")} }}
QLabel[textStyle="accent"] {{ font-size: {t.font_px(s.text_info)}px; font-weight: 700;
    {_ink(t, "page_accent")} }}
QFrame[panel="surface"] QLabel[textStyle="warning"] {{ font-size: {t.font_px(s.text_body)}px;
    font-weight: 700; {_ink(t, "surface_warning")} }}
QLabel#TicketNumber {{ font-size: {ticket_number_px(t)}px; font-weight: 700;
    {_ink(t, "page_accent")} }}
"""


def _header(t: Theme) -> str:
    # The header keeps its size with large text on: it would only grow and push the screen
    # (the part a visitor reads) down.
    s = t.sizes
    return f"""
QWidget#HeaderBar {{ {_pair(t, "header")} }}
QWidget#HeaderBar QLabel {{ {_ink(t, "header")} font-size: {t.px(s.text_header)}px; }}
QWidget#HeaderBar QLabel[textStyle="title"] {{ font-size: {t.px(s.text_header)}px;
    font-weight: 700; }}
QWidget#HeaderBar QLabel[textStyle="small"] {{ font-size: {t.px(s.text_small)}px; }}
QPushButton[kind="toggle"] {{ {_pair(t, "header")} font-size: {t.px(s.text_header)}px;
    font-weight: 700; border: {t.px(s.border)}px solid {t.colors.white};
    border-radius: {t.px(s.radius)}px; padding: 0 {t.px(s.spacing)}px;
    min-height: {t.min_target_px}px; }}
QPushButton[kind="toggle"]:checked {{ {_pair(t, "header_checked")} }}
QPushButton[kind="toggle"]:pressed {{ {_pair(t, "header_pressed")} }}
"""


def _tone_rules(t: Theme, kind: str, tone: str) -> str:
    normal, pressed = {
        "primary": ("primary", "primary_pressed"),
        "priority": ("priority", "priority_pressed"),
        "help": ("help", "help_pressed"),
        "neutral": ("surface", "surface_pressed"),
        "danger": ("danger", "primary_pressed"),
    }[tone]
    border = t.colors.border if tone == "neutral" else t.colors.text_pairs()[normal][1]
    sel = f'QPushButton[kind="{kind}"][tone="{tone}"]'
    return f"""
{sel} {{ {_pair(t, normal)} border: {t.px(t.sizes.border)}px solid {border}; }}
{sel}:pressed {{ {_pair(t, pressed)} }}
{sel}:disabled {{ {_pair(t, "neutral_pressed")} border-color: {t.colors.neutral_pressed}; }}
{sel} QLabel {{ {_ink(t, normal)} }}
"""


def _buttons(t: Theme) -> str:
    s = t.sizes
    rules = [
        f"""
QPushButton {{ border-radius: {t.px(s.radius)}px; min-height: {t.min_target_px}px;
    min-width: {t.min_target_px}px; font-size: {t.font_px(s.text_button)}px; font-weight: 700;
    padding: 0 {t.px(s.spacing)}px; outline: none; }}
QPushButton[kind="tile"] QLabel[textStyle="label"] {{ font-size: {t.font_px(s.text_tile)}px;
    font-weight: 700; }}
QPushButton[kind="picture"] QLabel[textStyle="label"] {{ font-size: {t.font_px(s.text_info)}px;
    font-weight: 700; }}
QPushButton QLabel[textStyle="caption"] {{ font-size: {t.font_px(s.text_small)}px; }}
QPushButton QLabel[textStyle="badge"] {{ font-size: {t.font_px(s.text_info)}px;
    font-weight: 700; }}
QPushButton[kind="key"] {{ font-size: {t.font_px(s.text_key)}px; padding: 0; }}
QPushButton[kind="key"][word="true"] {{ font-size: {t.px(s.text_body)}px; }}
QPushButton[kind="back"] {{ {_pair(t, "surface")} border: {t.px(s.border)}px solid
    {t.colors.border}; }}
QPushButton[kind="back"]:pressed {{ {_pair(t, "surface_pressed")} }}
"""
    ]
    for kind in ("tile", "picture", "key", "action"):
        rules += [_tone_rules(t, kind, tone) for tone in TONES]
    return "\n".join(rules)


def _panels(t: Theme) -> str:
    s = t.sizes
    rules = [
        f"""
QFrame[panel] {{ border-radius: {t.px(s.radius)}px; }}
QFrame[panel="surface"] {{ {_pair(t, "surface")} border: {t.px(s.border)}px solid
    {t.colors.border}; }}
QLabel#PinDisplay {{ {_pair(t, "surface")} font-size: {t.font_px(s.text_key)}px;
    font-weight: 700; border: {t.px(s.border)}px solid {t.colors.border};
    border-radius: {t.px(s.radius)}px; }}
"""
    ]
    for panel in ("surface", "priority_soft", "danger", "danger_soft", "success_soft"):
        if panel != "surface":
            rules.append(f'QFrame[panel="{panel}"] {{ {_pair(t, panel)} }}')
        rules.append(f'QFrame[panel="{panel}"] QLabel {{ {_ink(t, panel)} }}')
    return "\n".join(rules)


def _scrollbars(t: Theme) -> str:
    # Wide enough to be seen as a sign that there is more; kinetic scrolling does the moving.
    width = t.px(t.sizes.scrollbar)
    return f"""
QScrollBar:vertical {{ background: {t.colors.neutral_pressed}; width: {width}px; margin: 0;
    border-radius: {width // 2}px; }}
QScrollBar::handle:vertical {{ background: {t.colors.primary}; min-height: {width * 3}px;
    border-radius: {width // 2}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""
