"""Sight and touch: contrast of every text colour pair, text sizes, touch target sizes."""

from __future__ import annotations

import math
import re

import pytest

from ui.stylesheet import build_stylesheet
from ui.theme import MIN_CONTRAST, TOUCH_TARGET_MM, Colors, Theme, contrast_ratio, pixels_per_mm

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
DIAGONALS = [15.6, 21.5, 32.0, 43.0]


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # WCAG's own example: #767676 on white is just above 4.5:1.
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("role", "pair"), sorted(Colors().text_pairs().items()))
def test_every_text_colour_pair_has_a_contrast_of_at_least_7_to_1(
    role: str, pair: tuple[str, str]
) -> None:
    ink, background = pair
    assert contrast_ratio(ink, background) >= MIN_CONTRAST, role


def test_the_stylesheet_draws_text_only_in_the_checked_pairs() -> None:
    sheet = build_stylesheet(Theme(1920, 1080, 21.5))
    inks = set(re.findall(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", sheet))
    checked = {ink for ink, _ in Colors().text_pairs().values()}
    assert inks, "the stylesheet sets text colours"
    assert inks <= checked
    backgrounds = set(re.findall(r"background-color:\s*(#[0-9A-Fa-f]{6})", sheet))
    assert backgrounds <= {bg for _, bg in Colors().text_pairs().values()}


def test_visitor_text_is_at_least_28px_at_1920x1080() -> None:
    theme = Theme(1920, 1080, 21.5)
    for name, size in theme.sizes.text_sizes().items():
        assert theme.font_px(size) >= 28, name
    sheet_sizes = [int(px) for px in re.findall(r"font-size:\s*(\d+)px", build_stylesheet(theme))]
    assert min(sheet_sizes) >= 28


def test_large_text_is_a_quarter_larger_and_layout_sizes_stay() -> None:
    normal = Theme(1920, 1080, 21.5)
    large = normal.with_large_text(True)
    assert large.font_px(40) == 50
    assert large.px(100) == normal.px(100)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("diagonal", DIAGONALS)
def test_touch_targets_are_at_least_15_mm_on_the_configured_screen(
    width: int, height: int, diagonal: float
) -> None:
    theme = Theme(width, height, diagonal)
    target_mm = theme.min_target_px / pixels_per_mm(width, height, diagonal)
    assert target_mm >= TOUCH_TARGET_MM


def test_pixel_density_comes_from_the_diagonal() -> None:
    # A 21.5-inch 1920x1080 screen has about 102 pixels per inch.
    assert pixels_per_mm(1920, 1080, 21.5) * 25.4 == pytest.approx(102.5, abs=0.1)
    assert math.ceil(15 * pixels_per_mm(1920, 1080, 21.5)) == 61


@pytest.mark.parametrize(("width", "height", "portrait"), [(1920, 1080, False), (1080, 1920, True)])
def test_sizes_scale_with_the_screen_in_both_orientations(
    width: int, height: int, portrait: bool
) -> None:
    theme = Theme(width, height, 21.5)
    assert theme.portrait is portrait
    assert theme.scale == 1.0
    small = Theme(1366, 768, 21.5)
    assert small.scale == pytest.approx(768 / 1080)
    assert small.px(100) == 71
