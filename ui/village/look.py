"""The village program's theme: the kiosk's big sizes on a laptop or small touchscreen."""

from __future__ import annotations

from ui.staff.look import desk_stylesheet
from ui.theme import Theme

# A culture house's laptop or small touchscreen PC; volunteers (often older village heads)
# tap it at arm's length, so the kiosk's own sizes (Sizes defaults), not the desk's smaller ones.
VILLAGE_DIAGONAL_INCH = 15.6


def village_theme(width_px: int, height_px: int) -> Theme:
    """The theme for the screen size."""
    return Theme(width_px=width_px, height_px=height_px, diagonal_inch=VILLAGE_DIAGONAL_INCH)


def village_stylesheet(theme: Theme) -> str:
    """The desk's stylesheet (choices, fields, headings) plus the big "saved" words."""
    t, s = theme, theme.sizes
    ink, _background = t.colors.text_pairs()["page_accent"]
    return desk_stylesheet(theme) + (
        f"""
QLabel#VillageDone {{ font-size: {t.font_px(s.text_title * 2)}px; font-weight: 700;
    color: {ink}; background: transparent; }}
"""
    )
