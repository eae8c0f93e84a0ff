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
VILLAGE_TS_PREFIX = "village"


def desk_translations_path(language: str, prefix: str = DESK_TS_PREFIX) -> Path:
    """The desk's (or another staff program's) .ts file for a target language."""
    return data_path("translations", f"{prefix}_{language}.ts")


class DeskI18n(I18n):
    """``I18n`` that also installs the desk's translator for the chosen language.

    ``prefixes`` names further staff .ts files installed with it (the village program's).
    """

    def __init__(
        self,
        *,
        default_language: str = SOURCE_LANGUAGE,
        prefixes: tuple[str, ...] = (DESK_TS_PREFIX,),
    ) -> None:
        # Set before super().__init__, which may already switch to the default language.
        self._prefixes = prefixes
        self._desk_translators: dict[str, list[TsTranslator]] = {}
        self._desk_installed: list[TsTranslator] = []
        super().__init__(default_language=default_language)

    def set_language(self, language: str) -> None:
        """Switch both translators, then tell the screens (as ``I18n`` does)."""
        if language != self.language:
            self._swap_desk_translator(language)
        super().set_language(language)

    def _swap_desk_translator(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            for installed in self._desk_installed:
                app.removeTranslator(installed)
        self._desk_installed = []
        if language == SOURCE_LANGUAGE:
            return
        translators = self._desk_translators.get(language)
        if translators is None:
            translators = [
                TsTranslator(desk_translations_path(language, prefix), self)
                for prefix in self._prefixes
            ]
            self._desk_translators[language] = translators
        if app is not None:
            for translator in translators:
                app.installTranslator(translator)
        self._desk_installed = translators
