"""The shipped font (Noto Sans) for the whole app: system fonts are never relied on."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.resources import font_path

logger = logging.getLogger(__name__)

FALLBACK_FAMILY = "Noto Sans"


@cache
def register_fonts() -> str:
    """Add the regular and bold faces to Qt's font database; returns the family name."""
    family = FALLBACK_FAMILY
    for bold in (False, True):
        font_id = QFontDatabase.addApplicationFont(str(font_path(bold=bold)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            logger.error("could not load the shipped font %s", font_path(bold=bold))
            continue
        family = families[0]
    return family


def use_app_font(app: QApplication, family: str, size_px: int) -> None:
    """Make the shipped family the default of every widget."""
    font = QFont(family)
    font.setPixelSize(size_px)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
