"""The language of the desk and the display: the kiosk's translator plus ``desk_en.ts``.

``ui.i18n.I18n`` installs the kiosk's English (shared words such as weekdays and ticket
labels); ``DeskI18n`` installs the desk's own .ts file next to it, before screens are told the
language changed, so they read both at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.resources import data_path
from ui.i18n import SOURCE_LANGUAGE, I18n, TsTranslator

DESK_TS_PREFIX = "desk"


def desk_translations_path(language: str) -> Path:
    """The desk's .ts file for a target language."""
    return data_path("translations", f"{DESK_TS_PREFIX}_{language}.ts")


class DeskI18n(I18n):
    """``I18n`` that also installs the desk's translator for the chosen language."""

    def __init__(self, *, default_language: str = SOURCE_LANGUAGE) -> None:
        # Set before super().__init__, which may already switch to the default language.
        self._desk_translators: dict[str, TsTranslator] = {}
        self._desk_installed: TsTranslator | None = None
        super().__init__(default_language=default_language)

    def set_language(self, language: str) -> None:
        """Switch both translators, then tell the screens (as ``I18n`` does)."""
        if language != self.language:
            self._swap_desk_translator(language)
        super().set_language(language)

    def _swap_desk_translator(self, language: str) -> None:
        app = QCoreApplication.instance()
        if self._desk_installed is not None and app is not None:
            app.removeTranslator(self._desk_installed)
        self._desk_installed = None
        if language == SOURCE_LANGUAGE:
            return
        translator = self._desk_translators.get(language)
        if translator is None:
            translator = TsTranslator(desk_translations_path(language), self)
            self._desk_translators[language] = translator
        if app is not None:
            app.installTranslator(translator)
        self._desk_installed = translator
