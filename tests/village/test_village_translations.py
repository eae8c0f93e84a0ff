"""Every visible text of the village program is Vietnamese with a finished English."""

from __future__ import annotations

from pathlib import Path

from tests.translations import translate_calls, untranslated
from ui.staff.i18n import VILLAGE_TS_PREFIX, desk_translations_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(ROOT.glob("ui/village/*.py"))


def test_the_village_translation_file_is_finished_and_current() -> None:
    assert SOURCES
    path = desk_translations_path("en", VILLAGE_TS_PREFIX)
    assert untranslated(path, translate_calls(SOURCES)) == []
