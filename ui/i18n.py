r"""Translation: Vietnamese is the source language; English comes from a Qt Linguist .ts file.

Every visible text goes through ``translate("Context", "Vietnamese source")`` (the same call
``pyside6-lupdate`` finds). ``TsTranslator`` reads ``data/translations/kiosk_en.ts`` as XML at
start-up, so no compiled .qm file is shipped or built. ``kiosk_en.ts`` holds the texts of
``ui/*.py``, ``ui/widgets``, ``ui/kiosk``, ``ui/rating`` and ``ui/manager`` (other apps keep their
own file, e.g. the desk's). Update it after changing texts::

    .venv/bin/pyside6-lupdate ui/*.py ui/widgets/*.py ui/kiosk/*.py ui/rating/*.py \
        ui/manager/*.py -no-obsolete \
        -locations none -source-language vi -target-language en \
        -ts data/translations/kiosk_en.ts

then fill in every ``type="unfinished"`` translation (tests/ui/test_kiosk_translations.py checks).
WORKAROUND: pyside6-lupdate 6.11 reads a plural call (``translate(ctx, text, None, n)``) as a
plain text, or skips it when ``n`` is an attribute: after running it, put back the
``<message numerus="yes">`` entries it dropped (``git diff`` shows them); the tests read the
calls from the sources (``tests/translations.py``) and name any plural text without its forms.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from kiosk.domain.views import LocalText
from kiosk.resources import data_path

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")

translate = QCoreApplication.translate

MessageKey = tuple[str, str, str]  # context, source, disambiguation


def translations_path(language: str) -> Path:
    """The .ts file of a target language."""
    return data_path("translations", f"kiosk_{language}.ts")


def read_ts(path: Path) -> tuple[dict[MessageKey, str], list[MessageKey]]:
    r"""The finished translations of a .ts file, and the keys still unfinished or empty.

    Plural messages keep their forms joined by ``"\\x9c"``, Qt's own separator.
    """
    import xml.etree.ElementTree as ET  # only for English: not before a Vietnamese first frame

    finished: dict[MessageKey, str] = {}
    unfinished: list[MessageKey] = []
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        context_name = context.findtext("name", default="")
        for message in context.iter("message"):
            key = (
                context_name,
                message.findtext("source", default=""),
                message.findtext("comment", default=""),
            )
            node = message.find("translation")
            if node is None or node.get("type") in ("vanished", "obsolete"):
                continue
            forms = [form.text or "" for form in node.iter("numerusform")]
            text = "\x9c".join(forms) if forms else (node.text or "")
            if node.get("type") == "unfinished" or not text.strip("\x9c"):
                unfinished.append(key)
            else:
                finished[key] = text
    return finished, unfinished


class TsTranslator(QTranslator):
    """A QTranslator that answers from a parsed .ts file (finished translations only)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from xml.etree.ElementTree import ParseError

        try:
            self._messages, _unfinished = read_ts(path)
        except (OSError, ParseError) as exc:
            # Visitors still get the Vietnamese texts; the log says why English is missing.
            logger.error("cannot read translations %s: %s", path, exc)
            self._messages = {}
        self._language = path.stem.rsplit("_", 1)[-1]

    def language(self) -> str:
        return self._language

    def isEmpty(self) -> bool:
        return not self._messages

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        text = self._messages.get((context, source_text, disambiguation or ""))
        if text is None:
            return None  # a null string: Qt falls back to the (Vietnamese) source
        if "\x9c" in text:
            forms = text.split("\x9c")
            # English: the first form for exactly one, the second otherwise.
            return forms[0] if n == 1 else forms[-1]
        return text


class I18n(QObject):
    """The visitor's language: installs or removes the translator and tells the screens.

    Signals:
        language_changed(str): after the language changed; screens re-read their texts.
    """

    language_changed = Signal(str)

    def __init__(self, *, default_language: str = SOURCE_LANGUAGE) -> None:
        super().__init__()
        self._default = default_language
        self._language = SOURCE_LANGUAGE
        self._translators: dict[str, TsTranslator] = {}
        self._installed: TsTranslator | None = None
        if default_language != SOURCE_LANGUAGE:
            self.set_language(default_language)

    @property
    def language(self) -> str:
        """``vi`` or ``en``."""
        return self._language

    @property
    def default_language(self) -> str:
        """The configured language, which an idle kiosk returns to."""
        return self._default

    def set_language(self, language: str) -> None:
        """Switch language; a no-op when it is already the current one."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language == self._language:
            return
        app = QCoreApplication.instance()
        if self._installed is not None and app is not None:
            app.removeTranslator(self._installed)
            self._installed = None
        if language != SOURCE_LANGUAGE:
            translator = self._translators.get(language)
            if translator is None:
                translator = TsTranslator(translations_path(language), self)
                self._translators[language] = translator
            if app is not None:
                app.installTranslator(translator)
            self._installed = translator
        self._language = language
        self.language_changed.emit(language)

    def reset(self) -> None:
        """Back to the configured language."""
        self.set_language(self._default)

    def text(self, value: LocalText) -> str:
        """A configured text (a line or group name) in the current language."""
        return value.get(self._language)

    def pick(self, pair: tuple[str, str]) -> str:
        """The current language's side of a (vi, en) pair from the core."""
        return pair[1] if self._language == "en" and pair[1] else pair[0]
